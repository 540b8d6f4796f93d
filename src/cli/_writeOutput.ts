import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './_errors.js';
import { inputsRead } from './_readInput.js';
import { dataOut, terminalSafe } from './_terminal.js';
import type { CliIo, FileData } from './_io.js';

/** Why a file could not be written, in words, from a Node error. */
function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such folder';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  return error instanceof Error ? error.message : String(error);
}

let temporaries = 0;

/**
 * Writes a file for a command (text as UTF-8, or bytes: an .xlsx workbook), atomically: the data
 * goes to a new temporary file in the same folder, which then replaces the file in one step (a
 * rename). If anything fails, the old file is intact and the temporary file is removed. A path
 * that is a device or a pipe (`/dev/null`) is written to as it is; a link is followed, and its
 * target replaced.
 */
export async function writeText(io: CliIo, path: string, text: FileData): Promise<void> {
  const full = resolve(io.cwd, path);
  const existing = io.stat === undefined ? undefined : await io.stat(full).catch(() => undefined);
  if (existing?.kind === 'directory') throw new CliError(`cannot write ${path}: it is a folder`);
  if (io.rename === undefined || existing?.kind === 'other') {
    await io.writeFile(full, text).catch((error: unknown) => {
      throw new CliError(`cannot write ${path}: ${reason(error)}`);
    });
    return;
  }
  const target =
    existing === undefined || io.realpath === undefined ? full : await io.realpath(full);
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${++temporaries}.sroi-tmp`,
  );
  try {
    await io.writeFile(temporary, text, { exclusive: true });
    await io.rename(temporary, target);
  } catch (error) {
    await io.remove?.(temporary).catch(() => undefined);
    throw new CliError(`cannot write ${path}: ${reason(error)}`);
  }
}

/**
 * Creates a new file for a command, never replacing one: a file already at the path (even one
 * that cannot be read) is an input error.
 */
export async function createText(
  io: CliIo,
  path: string,
  text: string | Uint8Array,
): Promise<void> {
  try {
    await io.writeFile(resolve(io.cwd, path), text, { exclusive: true });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') {
      throw new CliError(`${path} already exists; use --force to overwrite`);
    }
    throw new CliError(`cannot write ${path}: ${reason(error)}`);
  }
}

/**
 * Whether anything is at a path: a file that cannot be read counts, and so does an unknown answer
 * (`EACCES`); no such file, or a file where a folder of the path should be, does not.
 */
export async function exists(io: CliIo, path: string): Promise<boolean> {
  if (io.stat === undefined) return false;
  return io.stat(resolve(io.cwd, path)).then(
    () => true,
    (error: unknown) => !['ENOENT', 'ENOTDIR'].includes(String((error as { code?: unknown }).code)),
  );
}

/** Creates a folder (and its parents) for a command, with the same error handling. */
export async function makeFolder(io: CliIo, path: string): Promise<void> {
  if (io.mkdir === undefined) return;
  try {
    await io.mkdir(resolve(io.cwd, path));
  } catch (error) {
    throw new CliError(`cannot create the folder ${path}: ${reason(error)}`);
  }
}

/**
 * Writes new files into a folder (created if need be), each with a note on standard error:
 * `sroi template` and `sroi export --format csv`. Without `force`, no file is replaced: a file
 * already there (even one that cannot be read) stops the command before anything is written,
 * naming every such file, and each file is created exclusively, so one that appears meanwhile
 * is kept too. With `force`, each file is replaced atomically.
 */
export async function writeFiles(
  io: CliIo,
  dir: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  force: boolean,
): Promise<void> {
  const entries = Object.entries(files).map(([name, data]) => ({ path: join(dir, name), data }));
  if (!force) {
    const existing: string[] = [];
    for (const { path } of entries) if (await exists(io, path)) existing.push(path);
    if (existing.length > 0) {
      throw new CliError(
        `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite`,
      );
    }
  }
  await makeFolder(io, dir);
  for (const { path, data } of entries) {
    await (force ? writeText(io, path, data) : createText(io, path, data));
    io.stderr(`wrote ${path}\n`);
  }
}

/**
 * Whether a command's text output is for people (`text`: passed through `terminalSafe`, on
 * standard output and in a file alike, since a text summary is read on a terminal) or a format
 * that escapes its own text (`data`: JSON, CSV, HTML, Markdown), written as it is.
 */
export type OutputKind = 'text' | 'data';

/**
 * A command's output: to standard output (no `--out`, or `--out -`), or to `--out FILE` with a
 * note on standard error. An `--out` that is one of the files the command read (the same path,
 * or the same file by device and inode) is refused, so an output never replaces its input.
 */
export async function writeOutput(
  io: CliIo,
  out: string | undefined,
  text: string | Iterable<string>,
  kind: OutputKind = 'text',
): Promise<void> {
  if (out === undefined || out === '-') {
    const print = kind === 'text' ? io.stdout : dataOut(io);
    if (typeof text === 'string') print(text);
    else for (const piece of text) print(piece);
    return;
  }
  await refuseInput(io, out);
  const safe = (piece: string) => (kind === 'text' ? terminalSafe(piece) : piece);
  await writeText(io, out, typeof text === 'string' ? safe(text) : mapped(text, safe));
  io.stderr(`wrote ${out}\n`);
}

/** The pieces of a text, each changed by `change` as it is read. */
function* mapped(pieces: Iterable<string>, change: (piece: string) => string): Iterable<string> {
  for (const piece of pieces) yield change(piece);
}

/** Refuses an `--out` that is one of the files the command read (see `writeOutput`). */
export async function refuseInput(io: CliIo, out: string): Promise<void> {
  const full = resolve(io.cwd, out);
  const inputs = inputsRead(io);
  if (inputs.length === 0) return;
  let same = inputs.some((input) => input.path === full);
  if (!same && io.stat !== undefined) {
    const info = await io.stat(full).catch(() => undefined);
    same =
      info !== undefined &&
      inputs.some((input) => input.dev === info.dev && input.ino === info.ino);
  }
  if (same) {
    throw new CliError(
      `--out ${out} is a file this command reads; write the output to another file`,
    );
  }
}
