/** The search box in the header; `/` or Ctrl-K focuses it. Implemented by the search feature. */
export function HeaderSearch() {
  return null;
}
