export function Component() {
  return <main id="main">search</main>;
}
