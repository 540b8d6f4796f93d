/**
 * A received value as a message shows it: short, whatever it is. A message names the value it
 * refused, but a value can be a 300,000-character cell, an object 10,000 levels deep, a cycle, a
 * BigInt, or an object whose getters throw; none of them may make a message long, slow or
 * impossible to write.
 */

/** The longest excerpt a message shows of a value, in characters (before the length note). */
export const SHOWN_LENGTH = 60;

/**
 * Renders a received value for a message: a string quoted as JSON, a number, boolean or null as
 * JSON writes it, a list or object as compact JSON — each cut to about 60 characters, with the
 * full length noted (`"aaaa…" (300,001 characters)`). `undefined` reads "nothing". It never
 * throws and takes time bounded by the excerpt, not by the value.
 *
 * @example
 * [shown('25'), shown(25), shown({ a: [1, 2] }), shown('x'.repeat(100))];
 * //=> ['"25"', '25', '{"a":[1,2]}', `"${'x'.repeat(57)}…" (100 characters)`]
 */
export function shown(value: unknown): string {
  try {
    if (typeof value === 'string') return shownString(value);
    const out = { text: '', full: true };
    write(value, out, 0);
    return out.full ? out.text : `${out.text}…`;
  } catch {
    return 'a value that cannot be shown';
  }
}

function shownString(value: string): string {
  if (value.length <= SHOWN_LENGTH - 2) return JSON.stringify(value);
  const head = JSON.stringify(value.slice(0, SHOWN_LENGTH - 3)).slice(0, -1);
  return `${head}…" (${counted(value.length)} characters)`;
}

/**
 * A whole number with commas between groups of three digits, as messages write counts.
 *
 * @example
 * counted(1234567);
 * //=> '1,234,567'
 */
export function counted(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

interface Excerpt {
  text: string;
  full: boolean;
}

/** How deep an excerpt looks into lists and objects. */
const DEPTH = 4;

/** Appends `value` as compact JSON to `out` until the excerpt is long enough. */
function write(value: unknown, out: Excerpt, depth: number): void {
  if (!room(out)) return;
  switch (typeof value) {
    case 'string':
      append(out, JSON.stringify(value.length > SHOWN_LENGTH ? value.slice(0, SHOWN_LENGTH) : value));
      return;
    case 'number':
    case 'boolean':
      append(out, String(value));
      return;
    case 'bigint':
      append(out, `${value}n`);
      return;
    case 'undefined':
      append(out, depth === 0 ? 'nothing' : 'undefined');
      return;
    case 'symbol':
      append(out, 'a symbol');
      return;
    case 'function':
      append(out, 'a function');
      return;
    default:
  }
  if (value === null) {
    append(out, 'null');
    return;
  }
  if (depth >= DEPTH) {
    append(out, Array.isArray(value) ? '[…]' : '{…}');
    return;
  }
  if (Array.isArray(value)) {
    append(out, '[');
    for (let i = 0; i < value.length && room(out); i += 1) {
      if (i > 0) append(out, ',');
      write(value[i], out, depth + 1);
    }
    if (room(out)) append(out, ']');
    return;
  }
  append(out, '{');
  let first = true;
  for (const key in value) {
    if (!room(out)) break;
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (!first) append(out, ',');
    first = false;
    append(out, `${JSON.stringify(key.length > SHOWN_LENGTH ? key.slice(0, SHOWN_LENGTH) : key)}:`);
    write((value as Record<string, unknown>)[key], out, depth + 1);
  }
  if (room(out)) append(out, '}');
}

function room(out: Excerpt): boolean {
  if (out.text.length < SHOWN_LENGTH) return true;
  out.full = false;
  return false;
}

function append(out: Excerpt, text: string): void {
  const left = SHOWN_LENGTH - out.text.length;
  if (text.length <= left) out.text += text;
  else {
    out.text += text.slice(0, left);
    out.full = false;
  }
}
