import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The production CSP (`script-src 'self'`) forbids eval, and the browser reports every attempt as a
 * `securitypolicyviolation`, even one whose error is caught. zod probes `new Function("")` when it builds an object
 * schema and compiles parsers with `new Function` unless it is jitless, so this records every function compiled from a
 * string while the app's validators are built and run.
 */
const compiled: string[] = [];
const RealFunction = globalThis.Function;

beforeAll(() => {
  globalThis.Function = new Proxy(RealFunction, {
    construct(target, args: string[], newTarget) {
      compiled.push(`new Function(${args.map((arg) => JSON.stringify(arg.slice(0, 60))).join(', ')})`);
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target, thisArg, args: string[]) {
      compiled.push(`Function(${args.map((arg) => JSON.stringify(arg.slice(0, 60))).join(', ')})`);
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
});

afterAll(() => {
  globalThis.Function = RealFunction;
});

describe('runtime validators under the CSP', () => {
  it('build and parse the archive bundle and stored bookmarks without compiling code from strings', async () => {
    // Imported here, after the spy is in place: zod probes for eval when the schemas are built at module load.
    const { parseBundle } = await import('@/shared/bundle');
    const { parseEnvelope } = await import('@/features/bookmarks/lib/bookmark-model');

    expect(() => parseBundle({ issues: [], entries: [] })).toThrow();
    expect(parseEnvelope({ version: 2, items: [] }).items).toEqual([]);

    expect(compiled).toEqual([]);
  });
});
