import { bytesArgument } from '../model/_arguments.js';

/** The encodings `decodeText` recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What `decodeText` found. */
export interface DecodedText {
  /** The text, without its byte-order mark. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** Whether the bytes began with a byte-order mark. */
  readonly bom: boolean;
  /**
   * Said whenever the encoding is not plain UTF-8 — which one was used and why — so that a
   * reader of the result knows how the bytes were taken. Absent for UTF-8.
   */
  readonly note?: string;
}

/**
 * The text of a file's bytes, as spreadsheets export it (pure; the same in Node and in a browser):
 * - UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8", LibreOffice, Google Sheets);
 * - UTF-16 little- or big-endian with a byte-order mark (Excel's "Unicode Text", tab-separated),
 *   or without one when the zero bytes of ASCII text show it;
 * - Windows-1252 when the bytes are not valid UTF-8 (Excel's "CSV (Comma delimited)" on Windows
 *   in Western Europe and the Americas, where `£` is the single byte 0xA3), with a note naming
 *   the first byte that is not UTF-8.
 *
 * No byte is ever replaced silently by U+FFFD: every byte has a Windows-1252 reading (the five
 * bytes Windows-1252 leaves undefined read as the C1 controls of the same number, and the note
 * says so), and invalid UTF-16 is named in the note.
 *
 * @example
 * decodeText(new Uint8Array([0xa3, 0x31, 0x30])).text;
 * //=> '£10'
 * @example
 * decodeText(new Uint8Array([0xc2, 0xa3, 0x31, 0x30]));
 * //=> { text: '£10', encoding: 'utf-8', bom: false }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  bytesArgument('decodeText', bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', true);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const unmarked = bom ? undefined : unmarkedUtf16(body);
  if (unmarked !== undefined) return utf16(body, unmarked, false);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    // not UTF-8: read as Windows-1252 below
  }
  const invalidAt = Math.max(0, firstInvalidUtf8(body));
  const text = windows1252(body);
  const undefinedBytes = [...new Set(body.filter((b) => UNDEFINED_IN_1252.includes(b)))];
  const byte = body[invalidAt] ?? 0;
  const { line, column } = position(body, invalidAt);
  return {
    text,
    encoding: 'windows-1252',
    bom,
    note:
      `read as Windows-1252, because the bytes are not valid UTF-8 (byte 0x${hex(byte)} on line ${line}, column ${column}${bom ? ', after a UTF-8 byte-order mark' : ''})` +
      ` — as Excel's "CSV (Comma delimited)" writes on Windows; save as "CSV UTF-8" to avoid the guess` +
      (undefinedBytes.length > 0
        ? `; byte${undefinedBytes.length === 1 ? '' : 's'} ${undefinedBytes.map((b) => `0x${hex(b)}`).join(', ')} mean nothing in Windows-1252 and were kept as control characters`
        : ''),
  };
}

/** The five bytes Windows-1252 leaves undefined. */
const UNDEFINED_IN_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/**
 * Bytes 0x80–0x9F of Windows-1252 (WHATWG Encoding, index-windows-1252); every other byte is the
 * code point of its own number. The undefined five keep their number (C1 controls), as WHATWG
 * decoders do. Written out because Node 20's `TextDecoder('windows-1252')` decodes these 32
 * bytes as Latin-1 (C1 controls), unlike browsers.
 */
const HIGH_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(byte >= 0x80 && byte < 0xa0 ? HIGH_1252.charCodeAt(byte - 0x80) : byte);
    if (chunk.length === 4096) {
      // eslint-disable-next-line no-restricted-syntax -- bounded: 4,096 codes at a time
      text += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  // eslint-disable-next-line no-restricted-syntax -- bounded: fewer than 4,096 codes
  return text + String.fromCharCode(...chunk);
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

function utf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): DecodedText {
  const label = encoding === 'utf-16le' ? 'UTF-16 little-endian' : 'UTF-16 big-endian';
  const why = bom
    ? 'its byte-order mark says so'
    : 'every other byte of its ASCII text is zero (it has no byte-order mark)';
  let note = `read as ${label}, because ${why} — as Excel's "Unicode Text" writes, tab-separated`;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding).decode(body);
    const bad = [...text].filter((c) => c === '\uFFFD').length;
    note += `; ${bad} character${bad === 1 ? ' is' : 's are'} not valid ${label} (${body.length % 2 === 1 ? 'the file has an odd number of bytes' : 'an unpaired surrogate'}) and ${bad === 1 ? 'is' : 'are'} shown as \uFFFD`;
  }
  return { text, encoding, bom, note };
}

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: in ASCII text written as UTF-16LE
 * every odd byte is 0, in UTF-16BE every even byte. UTF-8 text never holds a zero byte.
 */
function unmarkedUtf16(body: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = body.subarray(0, Math.min(body.length, 1024) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros >= pairs * 0.9 && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= pairs * 0.9 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in bytes) of an offset. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
