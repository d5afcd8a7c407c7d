export function Component() {
  return <main id="main">issue</main>;
}
