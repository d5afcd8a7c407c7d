import { NavLink } from 'react-router';

/** Header link to the bookmarks page, with the bookmark count. */
export function BookmarksNavLink() {
  return <NavLink to="/bookmarks">Bookmarks</NavLink>;
}
