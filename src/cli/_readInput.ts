import { resolve } from 'node:path';
import { CliError } from './_errors.js';
import type { CliIo } from './_io.js';

/** Reads a text file for a command; an unreadable file is an input error, not a crash. */
export async function readText(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(resolve(io.cwd, path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : error instanceof Error
              ? error.message
              : String(error);
    throw new CliError(`cannot read ${path}: ${reason}`);
  }
}

/** Parses JSON text; a syntax error names the file, line and column. */
export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    let where = path;
    if (position !== undefined) {
      const before = text.slice(0, Number(position));
      const line = before.split('\n').length;
      const column = Number(position) - before.lastIndexOf('\n');
      where = `${path}:${line}:${column}`;
    }
    throw new CliError(
      `${where}: not valid JSON (${message.replace(/ in JSON at position \d+.*$/s, '')})`,
    );
  }
}
