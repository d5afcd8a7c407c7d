/**
 * What src/main.tsx imports to evaluate the libraries file in a task of its own, before the app's code. One name is
 * enough, since a file is evaluated whole; importing a library's whole namespace would keep all of it in the build.
 */
export { QueryClient } from '@tanstack/react-query';
