export function Component() {
  return <main id="main">bookmarks</main>;
}
