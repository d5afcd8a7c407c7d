// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../src/shared/bundle';
import { SEED_FILE } from './helpers';

function runBuild(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { encoding: 'utf8' });
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
