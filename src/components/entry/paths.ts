/** The in-app path of an issue page. */
export function issuePath(issueId: string): string {
  return `/issues/${encodeURIComponent(issueId)}`;
}

/** The in-app path of an entry page. */
export function entryPath(entryId: string): string {
  return `/entries/${encodeURIComponent(entryId)}`;
}
