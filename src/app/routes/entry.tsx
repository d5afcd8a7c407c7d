export function Component() {
  return <main id="main">entry</main>;
}
