import type { CliIo } from './_io.js';

/**
 * Characters a terminal may act on instead of showing: C0 controls but tab and line feed, DEL,
 * C1 controls (ESC and CSI start the sequences that move the cursor, set the title or write the
 * clipboard), and the bidirectional controls that can reverse the order of what follows
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe to print on a terminal: each character of `UNSAFE` is shown as its escape
 * (`\u001b`), so a name, a message or a cell holding an escape sequence or a bidi override is
 * printed as written and cannot change the terminal or reorder a figure on screen.
 *
 * @example
 * terminalSafe('Old\u001b]0;pwned\u0007 people \u202e1 : 01.2');
 * //=> 'Old\\u001b]0;pwned\\u0007 people \\u202e1 : 01.2'
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Standard output as given, for outputs that keep their own escaping (JSON, CSV, HTML, Markdown). */
const dataStreams = new WeakMap<CliIo, (text: string) => void>();

/**
 * The I/O a command runs with: standard output and standard error pass through
 * `terminalSafe`, the one place text leaves for the terminal. `run` makes one per command,
 * so it also holds that command's files (`_readInput.ts`).
 */
export function terminalIo(io: CliIo): CliIo {
  const safe: CliIo = {
    ...io,
    stdout: (text) => io.stdout(terminalSafe(text)),
    stderr: (text) => io.stderr(terminalSafe(text)),
  };
  dataStreams.set(safe, io.stdout);
  return safe;
}

/** Standard output without `terminalSafe`, for a format that escapes its own text. */
export function dataOut(io: CliIo): (text: string) => void {
  return dataStreams.get(io) ?? io.stdout;
}
