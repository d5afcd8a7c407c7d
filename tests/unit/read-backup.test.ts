import { describe, expect, it } from 'vitest';
import { parseBackup, readReadingBackup, toBackupJson } from '@/features/bookmarks/lib/export-backup';
import { READ_STATE_VERSION, type ReadStateEnvelope } from '@/lib/read-state/read-model';

/** A time `days` ago: unread marks older than 90 days are forgotten, so the marks here are recent. */
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

const reading: ReadStateEnvelope = {
  version: READ_STATE_VERSION,
  read: [{ entryId: '2024-11-02-benchmarking-code-generation', at: daysAgo(3) }],
  unread: [{ entryId: '2024-11-02-layer-gradients-in-llms', at: daysAgo(2) }],
  visit: { at: daysAgo(1), latestIssueId: '2024-11-02' },
  previousVisit: { at: daysAgo(8), latestIssueId: '2024-10-27' },
};

describe('read state in the JSON backup', () => {
  it('round-trips the read marks and the last visit beside the bookmarks', async () => {
    const text = toBackupJson([], '2025-01-12T11:00:00.000Z', reading);
    expect(parseBackup(text).items).toEqual([]);
    expect(await readReadingBackup(text)).toEqual({ envelope: reading, report: { total: 4, setAside: [] } });
  });

  it('reads a backup without read state (an older one) as having none', async () => {
    expect(await readReadingBackup(toBackupJson([], '2025-01-12T11:00:00.000Z'))).toBeNull();
  });

  it('keeps the readable marks of a damaged backup and refuses one whose read state is not read state', async () => {
    const damaged = JSON.parse(toBackupJson([], '2025-01-12T11:00:00.000Z', reading)) as { reading: ReadStateEnvelope };
    (damaged.reading.read as unknown[]).push({ entryId: 42 });
    const read = await readReadingBackup(JSON.stringify(damaged));
    expect(read?.envelope.read).toEqual(reading.read);
    expect(read?.report.setAside).toHaveLength(1);

    await expect(
      readReadingBackup(JSON.stringify({ format: 'frontier-reader-bookmarks', version: 2, items: [], reading: [] })),
    ).rejects.toThrow('Its read marks cannot be read');
  });
});
