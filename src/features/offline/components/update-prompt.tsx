/** "Update available · Reload" when a new version is waiting; never reloads on its own. */
export function UpdatePrompt() {
  return null;
}
