import { resolve } from 'node:path';
import { CliError } from './_errors.js';
import type { CliIo } from './_io.js';

/** Why a file could not be written, in words, from a Node error. */
function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such folder';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way';
  return error instanceof Error ? error.message : String(error);
}

/** Writes a text file for a command; a file that cannot be written is an input error (exit 1). */
export async function writeText(io: CliIo, path: string, text: string): Promise<void> {
  try {
    await io.writeFile(resolve(io.cwd, path), text);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${reason(error)}`);
  }
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

/** A command's output: to standard output, or to `--out FILE` with a note on standard error. */
export async function writeOutput(io: CliIo, out: string | undefined, text: string): Promise<void> {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  await writeText(io, out, text);
  io.stderr(`wrote ${out}\n`);
}
