export function Component() {
  return <main id="main">home</main>;
}
