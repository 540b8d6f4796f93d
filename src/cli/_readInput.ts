import { resolve } from 'node:path';
import { CliError, UsageError } from './_errors.js';
import { readJson } from '../json/readJson.js';
import { decodeText } from '../workbook/decodeText.js';
import type { CliIo } from './_io.js';
import type { ReadJsonResult } from '../json/readJson.js';
import type { DecodedText } from '../workbook/decodeText.js';

/** The largest input file read unless `--max-input-size` says otherwise: 100 MB. */
export const DEFAULT_MAX_INPUT_SIZE = 100 * 1024 * 1024;
/** The most `--max-input-size` can allow: 500 MB (a JavaScript string holds about 512 MB). */
export const MAX_INPUT_SIZE_LIMIT = 500 * 1024 * 1024;

/** A file a command has read: by path and, where the I/O can tell, by device and inode. */
export interface InputFile {
  readonly path: string;
  readonly dev?: number;
  readonly ino?: number;
}

/** The files of one command run: each read once, and remembered so no output replaces one. */
interface Session {
  maxBytes: number;
  readonly bytes: Map<string, Promise<Uint8Array>>;
  readonly texts: Map<string, Promise<DecodedText>>;
  readonly json: Map<string, Promise<ReadJsonResult>>;
  readonly inputs: InputFile[];
}

const sessions = new WeakMap<CliIo, Session>();

function session(io: CliIo): Session {
  let found = sessions.get(io);
  if (found === undefined) {
    found = {
      maxBytes: DEFAULT_MAX_INPUT_SIZE,
      bytes: new Map(),
      texts: new Map(),
      json: new Map(),
      inputs: [],
    };
    sessions.set(io, found);
  }
  return found;
}

/** The files this command has read so far. */
export function inputsRead(io: CliIo): readonly InputFile[] {
  return session(io).inputs;
}

const UNITS = new Map([
  ['', 1],
  ['b', 1],
  ['kb', 1024],
  ['mb', 1024 ** 2],
  ['gb', 1024 ** 3],
]);

/**
 * Reads `--max-input-size`: bytes, or a number with KB, MB or GB (1 MB = 1,048,576 bytes),
 * from 1 byte to 500 MB. It applies to every file the command reads after this call.
 */
export function setMaxInputSize(io: CliIo, flag: string | undefined): void {
  if (flag === undefined) return;
  const match = /^(\d{1,12}(?:\.\d{1,6})?)\s*([a-z]{0,2})$/i.exec(flag.trim());
  const unit = UNITS.get(match?.[2]?.toLowerCase() ?? 'none');
  const bytes = match?.[1] === undefined || unit === undefined ? NaN : Number(match[1]) * unit;
  if (!(bytes >= 1 && bytes <= MAX_INPUT_SIZE_LIMIT)) {
    throw new UsageError(
      `--max-input-size must be a size from 1 byte to 500MB, such as 200MB or 1500000, got "${flag}"`,
    );
  }
  session(io).maxBytes = Math.floor(bytes);
}

/** A size in bytes for people: `1.5 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const [value, unit] =
    bytes < 1024 ** 2
      ? [bytes / 1024, 'KB']
      : bytes < 1024 ** 3
        ? [bytes / 1024 ** 2, 'MB']
        : [bytes / 1024 ** 3, 'GB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

/**
 * Reads a file's bytes for a command, once per command whatever asks for it: the path must be a
 * regular file (not a folder, a device, a pipe or a socket) within the size limit, both checked
 * before it is read. An unreadable file is an input error, not a crash.
 */
export function readBytes(io: CliIo, path: string): Promise<Uint8Array> {
  const state = session(io);
  const full = resolve(io.cwd, path);
  let bytes = state.bytes.get(full);
  if (bytes === undefined) {
    bytes = readChecked(io, state, full, path);
    state.bytes.set(full, bytes);
  }
  return bytes;
}

/**
 * A text file's text, decoded from its bytes as spreadsheets export it — UTF-8 (with or without
 * a byte-order mark), UTF-16, or Windows-1252 when the bytes are not UTF-8 — with the note that
 * says how, when it was not plain UTF-8 (`decodeText`); never a silent U+FFFD.
 */
export function readDecoded(io: CliIo, path: string): Promise<DecodedText> {
  const state = session(io);
  const full = resolve(io.cwd, path);
  let text = state.texts.get(full);
  if (text === undefined) {
    text = readBytes(io, path).then(decodeText);
    state.texts.set(full, text);
  }
  return text;
}

/** A text file's text (see `readDecoded`). */
export async function readText(io: CliIo, path: string): Promise<string> {
  return (await readDecoded(io, path)).text;
}

async function readChecked(
  io: CliIo,
  state: Session,
  full: string,
  path: string,
): Promise<Uint8Array> {
  const tooLarge = (size?: number) =>
    new CliError(
      `cannot read ${path}: it is ${size === undefined ? 'larger than' : `${formatSize(size)}, above`} the limit of ${formatSize(state.maxBytes)} (--max-input-size raises it)`,
    );
  let identity: InputFile = { path: full };
  if (io.stat !== undefined) {
    const info = await io.stat(full).catch((error: unknown) => {
      throw new CliError(`cannot read ${path}: ${reason(error)}`);
    });
    if (info.kind === 'directory') throw new CliError(`cannot read ${path}: it is a folder`);
    if (info.kind === 'other') {
      throw new CliError(
        `cannot read ${path}: it is not a regular file (a device, a pipe or a socket); sroi reads files only`,
      );
    }
    if (info.size > state.maxBytes) throw tooLarge(info.size);
    identity = { path: full, dev: info.dev, ino: info.ino };
  }
  state.inputs.push(identity);
  try {
    if (io.readBytes !== undefined) return await io.readBytes(full, state.maxBytes);
    return new TextEncoder().encode(await io.readFile(full, state.maxBytes));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EFBIG') throw tooLarge();
    throw new CliError(`cannot read ${path}: ${reason(error)}`);
  }
}

/** Why a file could not be read, in words, from a Node error. */
function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTREG') return 'it is not a regular file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'ELOOP') return 'too many symbolic links';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  if (code === 'ERR_STRING_TOO_LONG') return 'it is too large to hold in memory';
  return typeof code === 'string' ? `the system says ${code}` : 'the system could not read it';
}

/**
 * Reads a JSON file for a command, once per command: the value and every problem of the text
 * (syntax, a key given twice, a number out of range, nesting too deep), located by
 * `file:line:column`, and the means to locate issues about the value.
 */
export function readJsonFile(io: CliIo, path: string): Promise<ReadJsonResult> {
  const state = session(io);
  const full = resolve(io.cwd, path);
  let read = state.json.get(full);
  if (read === undefined) {
    read = readText(io, path).then((text) => readJson(text, { file: path }));
    state.json.set(full, read);
  }
  return read;
}
