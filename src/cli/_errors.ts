import { SroiError } from '../model/SroiError.js';

/** A mistake in how the command was called (exit 2). */
export class UsageError extends Error {}

/** The command was called correctly but its input is invalid or unreadable (exit 1). */
export class CliError extends Error {}

/**
 * Runs a library call for a command: a `SroiError` (a domain rule the input broke) becomes an
 * input error naming the file (exit 1); anything else is a bug and propagates (exit 3).
 */
export function asInputError<T>(file: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof SroiError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}
