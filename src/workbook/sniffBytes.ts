import { bytesArgument } from '../model/_arguments.js';

/**
 * What a file's first bytes say it is, before any decoding: a zip archive (an .xlsx, .ods, …), an
 * OLE compound file (an Excel 97–2003 .xls, or an encrypted, password-protected .xlsx), or
 * anything else, which is read as text. A program can then route a file by its content rather
 * than by its name's extension.
 *
 * @example
 * sniffBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
 * //=> 'zip'
 */
export function sniffBytes(bytes: Uint8Array): 'zip' | 'ole' | 'text' {
  bytesArgument('sniffBytes', bytes);
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  return 'text';
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}
