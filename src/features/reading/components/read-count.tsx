/** How many of `entryIds` are read. */
export function countRead(entryIds: readonly string[], readIds: ReadonlySet<string>): number {
  let read = 0;
  for (const id of entryIds) if (readIds.has(id)) read += 1;
  return read;
}

/** How many entries of an issue are read, by their ids (`<issue id>-…`), for issues whose entries are not loaded. */
export function countReadInIssue(issueId: string, readIds: ReadonlySet<string>): number {
  const prefix = `${issueId}-`;
  let read = 0;
  for (const id of readIds) if (id.startsWith(prefix)) read += 1;
  return read;
}
