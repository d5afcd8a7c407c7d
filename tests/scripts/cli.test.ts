// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { describeIoError, main } from '../../scripts/build-data';
import { parseBundle } from '../../src/shared/bundle';
import { entry, SEED_FILE } from './helpers';

function runBuild(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run build:data', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'frontier-build-'));

  it('writes a valid bundle and prints a one-line summary', () => {
    const out = path.join(dir, 'archive.json');
    const run = runBuild('--input', SEED_FILE, '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^build:data: 5 issues, 147 entries, \d+ papers, \d+ warnings, \d+ ms → /);
    expect(run.stderr).toMatch(/^data\/newsletters\/[^:]+:\d+: warning: /m);
    const bundle = parseBundle(JSON.parse(readFileSync(out, 'utf8')));
    expect(bundle.entries).toHaveLength(147);
  });

  it('is deterministic: the same input gives a byte-identical bundle', () => {
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    expect(runBuild('--input', SEED_FILE, '--out', a).code).toBe(0);
    expect(runBuild('--input', 'data/newsletters', '--out', b).code).toBe(0);
    expect(readFileSync(a)).toEqual(readFileSync(b));
  });

  it('fails on a malformed document with file:line errors and leaves the previous bundle untouched', () => {
    const out = path.join(dir, 'kept.json');
    writeFileSync(out, '{"previous":true}\n');
    const bad = path.join(dir, 'bad.md');
    writeFileSync(bad, '***Nov 2, 2024***\n1. ***Never closes <br>\nstill bold\n***Someday***\n');
    const run = runBuild('--input', bad, '--out', out);
    expect(run.code).toBe(1);
    const relative = path.relative(process.cwd(), bad);
    expect(run.stderr).toContain(`${relative}:2: error: bold block of entry 1 opens here and never closes`);
    expect(run.stderr).toContain(`${relative}:4: error: issue heading "Someday" is not a date`);
    expect(run.stderr).toContain('left untouched');
    expect(readFileSync(out, 'utf8')).toBe('{"previous":true}\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects unknown arguments and missing inputs with a usage message', () => {
    const unknown = runBuild('--inptu', SEED_FILE);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown argument "--inptu"');
    const missing = runBuild('--input', path.join(dir, 'nope.md'), '--out', path.join(dir, 'never.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.md: error: no such file or folder/);
    expect(existsSync(path.join(dir, 'never.json'))).toBe(false);
  });
});

/** Runs the CLI in this process, capturing what it prints. */
async function runMain(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const ISSUE = (date: string, headline: string) => `***${date}***\n${entry(1, headline)}`;

describe('npm run build:data: inputs and outputs that must not lose anything', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'frontier-inputs-'));
  const rel = (file: string) => path.relative(process.cwd(), file);

  it('reads subfolders recursively, .md and .txt only', async () => {
    const folder = path.join(dir, 'tree');
    mkdirSync(path.join(folder, 'a', 'deep'), { recursive: true });
    writeFileSync(path.join(folder, 'b.md'), ISSUE('Nov 2, 2024', 'Top'));
    writeFileSync(path.join(folder, 'a', 'deep', 'c.txt'), ISSUE('Nov 9, 2024', 'Deep'));
    writeFileSync(path.join(folder, 'a', 'notes.json'), '{"not": "a document"}');
    const out = path.join(dir, 'tree.json');
    const run = await runMain('--input', folder, '--out', out, '--quiet');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const bundle = parseBundle(JSON.parse(readFileSync(out, 'utf8')));
    expect(bundle.entries.map((e) => [e.headline, e.source.file])).toEqual([
      ['Deep', `${rel(folder)}/a/deep/c.txt`],
      ['Top', `${rel(folder)}/b.md`],
    ]);
  });

  it('refuses an output that is an input document or lies inside data/', async () => {
    const source = path.join(dir, 'source.md');
    writeFileSync(source, ISSUE('Nov 2, 2024', 'Kept'));
    const same = await runMain('--input', source, '--out', source);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(
      `${rel(source)}: error: --out is one of the input documents and would be overwritten (choose another --out, such as public/data/archive.json)\n`,
    );
    expect(readFileSync(source, 'utf8')).toBe(ISSUE('Nov 2, 2024', 'Kept'));
    const inData = await runMain('--input', source, '--out', 'data/never-written.json');
    expect(inData.code).toBe(2);
    expect(inData.stderr).toBe(
      'data/never-written.json: error: --out is inside data/, which holds the sources (choose another --out, such as public/data/archive.json)\n',
    );
    expect(existsSync('data/never-written.json')).toBe(false);
  });

  it('refuses to read one document twice, by the same path or another', async () => {
    const folder = path.join(dir, 'twice');
    mkdirSync(folder);
    const doc = path.join(folder, 'doc.md');
    writeFileSync(doc, ISSUE('Nov 2, 2024', 'Once'));
    const direct = await runMain('--input', folder, '--input', doc, '--out', path.join(dir, 'twice.json'));
    expect(direct.code).toBe(2);
    expect(direct.stderr).toBe(
      `${rel(doc)}: error: this document is read twice (given twice; give each document once)\n`,
    );
    symlinkSync(doc, path.join(dir, 'link.md'));
    const linked = await runMain(
      '--input',
      folder,
      '--input',
      path.join(dir, 'link.md'),
      '--out',
      path.join(dir, 'twice.json'),
    );
    expect(linked.code).toBe(2);
    expect(linked.stderr).toBe(
      `${rel(path.join(dir, 'link.md'))}: error: this document is read twice (also read as ${rel(doc)}; give each document once)\n`,
    );
    expect(existsSync(path.join(dir, 'twice.json'))).toBe(false);
  });

  it('reports I/O errors as "path: error: what happened (what to do)", never a stack trace', async () => {
    const doc = path.join(dir, 'io.md');
    writeFileSync(doc, ISSUE('Nov 2, 2024', 'Io'));
    const folderOut = path.join(dir, 'a-folder');
    mkdirSync(folderOut);
    const cases: [string[], string][] = [
      [
        ['--input', doc, '--out', folderOut],
        `${rel(folderOut)}: error: is a folder, expected a file (give a file path)\n`,
      ],
      [
        ['--input', doc, '--out', path.join(doc, 'out.json')],
        `${rel(doc)}: error: already exists and is not a folder (choose another path)\n`,
      ],
      [
        ['--input', doc, '--out', path.join(doc, 'deeper', 'out.json')],
        `${rel(path.join(doc, 'deeper'))}: error: a part of this path is a file, not a folder (check the path)\n`,
      ],
      [
        ['--input', path.join(doc, 'x.md')],
        `${rel(path.join(doc, 'x.md'))}: error: a part of this path is a file, not a folder (check the path)\n`,
      ],
      [
        ['--input', path.join(dir, 'missing.md')],
        `${rel(path.join(dir, 'missing.md'))}: error: no such file or folder (check the path)\n`,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await runMain(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toBe(message);
    }
    expect(
      describeIoError(
        Object.assign(new Error("EACCES: permission denied, open '/x/y.md'"), { code: 'EACCES', path: '/x/y.md' }),
        'fallback',
      ),
    ).toBe(`${rel('/x/y.md')}: error: permission denied (check the permissions of the file and its folders)`);
    const spawned = runBuild('--input', doc, '--out', folderOut);
    expect(spawned.code).toBe(2);
    expect(spawned.stderr).toBe(`${rel(folderOut)}: error: is a folder, expected a file (give a file path)\n`);
  });

  it('never writes an empty bundle over a good one', async () => {
    const out = path.join(dir, 'good.json');
    writeFileSync(out, '{"previous":true}\n');
    const inputs: [string, string | Uint8Array, RegExp][] = [
      ['empty.md', '', /empty\.md:1: error: document is empty/],
      ['blank.md', ' \n\t\n', /blank\.md:1: error: document has only white space/],
      ['binary.txt', Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01), /binary\.txt:1: error: binary file/],
      ['prose.md', 'No heading here.\n', /prose\.md:1: error: document has no issue heading/],
      [
        'heading-only.md',
        '***Nov 2, 2024***\n',
        /heading-only\.md: error: no issue was read, so the bundle would be empty/,
      ],
    ];
    for (const [name, content, expected] of inputs) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      const run = await runMain('--input', file, '--out', out);
      expect(run.code, name).toBe(1);
      expect(run.stderr).toMatch(expected);
      expect(run.stderr).toContain('left untouched');
      expect(readFileSync(out, 'utf8')).toBe('{"previous":true}\n');
    }
  });

  it('reads UTF-16 and Windows-1252 documents without losing a character', async () => {
    const text = ISSUE('Nov 2, 2024', 'Café');
    const utf16 = path.join(dir, 'utf16.md');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const latin = path.join(dir, 'latin.md');
    writeFileSync(latin, Buffer.from(text.replace(/[“”]/g, '"'), 'latin1'));
    for (const file of [utf16, latin]) {
      const out = path.join(dir, `${path.basename(file)}.json`);
      const run = await runMain('--input', file, '--out', out, '--quiet');
      expect(run.code).toBe(0);
      const bundle = parseBundle(JSON.parse(readFileSync(out, 'utf8')));
      expect(bundle.entries[0]?.headline).toBe('Café');
      expect(JSON.stringify(bundle)).not.toContain('\uFFFD');
    }
    const warned = await runMain('--input', latin, '--out', path.join(dir, 'latin2.json'));
    expect(warned.stderr).toContain(
      `${rel(latin)}:2: warning: not UTF-8 (byte 0xE9 is "é" in Windows-1252); read as Windows-1252`,
    );
  });

  it('reports a 400-digit entry number on its line', async () => {
    const file = path.join(dir, 'big-number.md');
    writeFileSync(file, `***Nov 2, 2024***\n${entry(1, 'Big').replace(/^1\./, `${'4'.repeat(400)}.`)}`);
    const run = await runMain('--input', file, '--out', path.join(dir, 'big.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${rel(file)}:2: error: entry number ${'4'.repeat(20)}… (400 digits) is too large (at most 99999)`,
    );
    expect(run.stderr).not.toMatch(/BundleError|Infinity|\n\s+at /);
  });
});
