// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../scripts/lib/parse-newsletter';

const TEXT = '***Nov 2, 2024***\n1. ***Café:  <br>Naïve “quotes”.*** <br>\n';

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }
  return bytes;
}

describe('decodeDocument', () => {
  it('reads UTF-16 LE and BE by their byte-order mark', () => {
    for (const order of ['le', 'be'] as const) {
      expect(decodeDocument(utf16(TEXT, order), 'a.md')).toEqual({ text: TEXT, diagnostics: [] });
    }
  });

  it('reads UTF-8 with or without a BOM', () => {
    const plain = new TextEncoder().encode(TEXT);
    expect(decodeDocument(plain, 'a.md')).toEqual({ text: TEXT, diagnostics: [] });
    expect(decodeDocument(Uint8Array.of(0xef, 0xbb, 0xbf, ...plain), 'a.md').text?.replace(/^\uFEFF/, '')).toBe(TEXT);
  });

  it('reads a file that is not UTF-8 as Windows-1252, with a warning naming the first bad line', () => {
    const latin1 = Uint8Array.from(
      [...'line one\r\nCaf', 0xe9, ...' \x93quoted\x94\n'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))),
    );
    const decoded = decodeDocument(latin1, 'a.md');
    expect(decoded.text).toBe('line one\r\nCafé “quoted”\n');
    expect(decoded.diagnostics).toEqual([
      {
        file: 'a.md',
        line: 2,
        severity: 'warning',
        message:
          'not UTF-8 (byte 0xE9 is "é" in Windows-1252); read as Windows-1252 (save the file as UTF-8 to be sure)',
      },
    ]);
  });

  it('never replaces a character: bytes that are text in no supported encoding are errors', () => {
    const cases: [Uint8Array, string][] = [
      [
        Uint8Array.of(0x61, 0x0a, 0x81, 0x0a),
        'a.md:2: error: not UTF-8, and byte 0x81 is not a character in Windows-1252 either (save the file as UTF-8)',
      ],
      [
        Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xe9),
        'a.md:2: error: not valid UTF-8 (byte 0xE9) although it starts with a UTF-8 byte-order mark (save the file as UTF-8)',
      ],
      [
        Uint8Array.of(0xff, 0xfe, 0x61),
        'a.md:1: error: not valid UTF-16LE although it starts with a UTF-16 byte-order mark (save the file as UTF-8)',
      ],
      [
        Uint8Array.of(0xfe, 0xff, 0xd8, 0x00, 0x00, 0x61),
        'a.md:1: error: not valid UTF-16BE although it starts with a UTF-16 byte-order mark (save the file as UTF-8)',
      ],
    ];
    for (const [bytes, message] of cases) {
      const decoded = decodeDocument(bytes, 'a.md');
      expect(decoded.text).toBeNull();
      expect(decoded.diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message}`)).toEqual([message]);
    }
  });

  it('rejects a binary file (NUL bytes), naming the line', () => {
    const decoded = decodeDocument(Uint8Array.of(0x61, 0x0a, 0x62, 0x0a, 0x00, 0x01), 'a.bin.txt');
    expect(decoded).toEqual({
      text: null,
      diagnostics: [
        {
          file: 'a.bin.txt',
          line: 3,
          severity: 'error',
          message: 'binary file: it contains NUL bytes (expected a text document; UTF-16 needs a byte-order mark)',
        },
      ],
    });
    expect(decodeDocument(utf16('a\nb\u0000', 'le'), 'a.md').diagnostics[0]?.line).toBe(2);
  });

  it('rejects invalid UTF-8 forms: overlong encodings, surrogates, truncated sequences', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      const decoded = decodeDocument(Uint8Array.of(0x61, ...bad), 'a.md');
      expect(decoded.text === null || decoded.diagnostics[0]?.severity === 'warning').toBe(true);
      expect(decoded.text ?? '').not.toContain('\uFFFD');
      expect(decoded.diagnostics).toHaveLength(1);
    }
  });
});
