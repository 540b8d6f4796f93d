import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/workbook/decodeText.js';

const bytes = (...values: number[]) => new Uint8Array(values);
/** "£10" as UTF-16: £ is U+00A3, "1" U+0031, "0" U+0030. */
const POUND_10_LE = [0xa3, 0x00, 0x31, 0x00, 0x30, 0x00];
const POUND_10_BE = [0x00, 0xa3, 0x00, 0x31, 0x00, 0x30];

describe('decodeText', () => {
  it('reads UTF-8, where £ is the two bytes 0xC2 0xA3, with no note', () => {
    expect(decodeText(bytes(0xc2, 0xa3, 0x31, 0x30))).toEqual({
      text: '£10',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('reads UTF-8 with a byte-order mark (Excel\'s "CSV UTF-8") and drops the mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xc2, 0xa3, 0x31, 0x30))).toEqual({
      text: '£10',
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('reads Windows-1252, where £ is the single byte 0xA3, with a note naming the byte', () => {
    // "Value £\r\n£10": the first 0xA3 is on line 1, column 7
    const decoded = decodeText(
      bytes(0x56, 0x61, 0x6c, 0x75, 0x65, 0x20, 0xa3, 0x0d, 0x0a, 0xa3, 0x31, 0x30),
    );
    expect(decoded.text).toBe('Value £\r\n£10');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.note).toBe(
      'read as Windows-1252, because the bytes are not valid UTF-8 (byte 0xA3 on line 1, column 7) — as Excel\'s "CSV (Comma delimited)" writes on Windows; save as "CSV UTF-8" to avoid the guess',
    );
  });

  it('reads the bytes Windows-1252 has symbols for (0x80 €, 0x96 –, 0x93 “ 0x94 ”)', () => {
    expect(decodeText(bytes(0x80, 0x35, 0x20, 0x96, 0x20, 0x93, 0x61, 0x94)).text).toBe('€5 – “a”');
  });

  it('keeps the bytes Windows-1252 leaves undefined as control characters and says so', () => {
    const decoded = decodeText(bytes(0xa3, 0x81, 0x8d));
    expect(decoded.text).toBe('£\u0081\u008d');
    expect(decoded.note).toMatch(
      /; bytes 0x81, 0x8D mean nothing in Windows-1252 and were kept as control characters$/,
    );
  });

  it('reads UTF-16 little-endian with a byte-order mark (Excel\'s "Unicode Text")', () => {
    expect(decodeText(bytes(0xff, 0xfe, ...POUND_10_LE))).toEqual({
      text: '£10',
      encoding: 'utf-16le',
      bom: true,
      note: 'read as UTF-16 little-endian, because its byte-order mark says so — as Excel\'s "Unicode Text" writes, tab-separated',
    });
  });

  it('reads UTF-16 big-endian with a byte-order mark', () => {
    expect(decodeText(bytes(0xfe, 0xff, ...POUND_10_BE))).toMatchObject({
      text: '£10',
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('reads UTF-16 without a byte-order mark from the zero bytes of its ASCII text', () => {
    // "a\tb" in UTF-16LE: 61 00 09 00 62 00
    expect(decodeText(bytes(0x61, 0x00, 0x09, 0x00, 0x62, 0x00))).toMatchObject({
      text: 'a\tb',
      encoding: 'utf-16le',
      bom: false,
      note: expect.stringContaining('every other byte of its ASCII text is zero') as unknown,
    });
    expect(decodeText(bytes(0x00, 0x61, 0x00, 0x09, 0x00, 0x62))).toMatchObject({
      text: 'a\tb',
      encoding: 'utf-16be',
    });
  });

  it('says so when UTF-16 bytes are broken, rather than replacing them silently', () => {
    // an odd number of bytes after the mark: the last byte cannot be a UTF-16 unit
    const decoded = decodeText(bytes(0xff, 0xfe, 0x61, 0x00, 0x62));
    expect(decoded.text).toBe('a\uFFFD');
    expect(decoded.note).toMatch(
      /1 character is not valid UTF-16 little-endian \(the file has an odd number of bytes\) and is shown as \uFFFD$/,
    );
  });

  it('never gives U+FFFD without a note, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        const decoded = decodeText(input);
        return (
          !decoded.text.includes('\uFFFD') || decoded.note !== undefined || hasReplacement(input)
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back any text written as UTF-8, UTF-16LE or UTF-16BE with a mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const utf8 = new TextEncoder().encode(text);
        const le = new Uint8Array(2 + text.length * 2);
        const be = new Uint8Array(2 + text.length * 2);
        le.set([0xff, 0xfe]);
        be.set([0xfe, 0xff]);
        for (let i = 0; i < text.length; i++) {
          const unit = text.charCodeAt(i);
          le[2 + 2 * i] = unit & 0xff;
          le[3 + 2 * i] = unit >> 8;
          be[2 + 2 * i] = unit >> 8;
          be[3 + 2 * i] = unit & 0xff;
        }
        const fromUtf8 = decodeText(utf8);
        return (
          (fromUtf8.encoding === 'utf-8' ||
            fromUtf8.encoding === 'utf-16le' ||
            fromUtf8.encoding === 'utf-16be') &&
          (fromUtf8.encoding !== 'utf-8' || fromUtf8.text === text) &&
          decodeText(le).text === text &&
          decodeText(be).text === text
        );
      }),
    );
  });
});

/** Whether the bytes themselves spell U+FFFD in UTF-8 (EF BF BD), which is then real text. */
function hasReplacement(input: Uint8Array): boolean {
  for (let i = 0; i + 2 < input.length; i++) {
    if (input[i] === 0xef && input[i + 1] === 0xbf && input[i + 2] === 0xbd) return true;
  }
  return false;
}
