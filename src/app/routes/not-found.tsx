export function Component() {
  return <main id="main">not-found</main>;
}
