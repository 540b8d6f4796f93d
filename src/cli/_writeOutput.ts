import { join, resolve } from 'node:path';
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

/** Writes a binary file for a command (an .xlsx workbook), with the same error handling. */
export async function writeBinary(io: CliIo, path: string, bytes: Uint8Array): Promise<void> {
  if (io.writeBytes === undefined)
    throw new CliError(`cannot write ${path}: no binary output here`);
  try {
    await io.writeBytes(resolve(io.cwd, path), bytes);
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

/**
 * Refuses to overwrite files a command would create (`sroi template`, `sroi export --format
 * csv`) unless `--force` was given: an input error naming every file already there.
 */
export async function refuseExisting(
  io: CliIo,
  paths: readonly string[],
  force: boolean,
): Promise<void> {
  if (force) return;
  const existing: string[] = [];
  for (const path of paths) {
    const exists = await io.readFile(resolve(io.cwd, path)).then(
      () => true,
      () => false,
    );
    if (exists) existing.push(path);
  }
  if (existing.length > 0) {
    throw new CliError(
      `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite`,
    );
  }
}

/**
 * Writes files into a folder (created if need be), each with a note on standard error, after
 * `refuseExisting`: `sroi template` and `sroi export --format csv`.
 */
export async function writeFiles(
  io: CliIo,
  dir: string,
  files: Readonly<Record<string, string>>,
  force: boolean,
): Promise<void> {
  const paths = Object.keys(files).map((name) => join(dir, name));
  await refuseExisting(io, paths, force);
  await makeFolder(io, dir);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    await writeText(io, path, text);
    io.stderr(`wrote ${path}\n`);
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
