/** Says in the header when the browser is offline. */
export function OfflineIndicator() {
  return null;
}
