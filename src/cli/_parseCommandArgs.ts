import { parseArgs } from 'node:util';
import { UsageError } from './_errors.js';
import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's flags; unknown flags and missing values are usage errors (exit 2). */
export function parseCommandArgs<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error);
    throw new UsageError(message);
  }
}

/**
 * The one file a command reads, from its positionals: none is a usage error saying `missing`
 * (what the command needs, with an example), and more than one names the first extra.
 */
export function theOneFile(positionals: readonly string[], missing: string): string {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(missing);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  return file;
}
