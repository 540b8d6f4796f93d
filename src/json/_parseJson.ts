/**
 * The engine of `readJson`: an RFC 8259 parser over character codes that builds the same values
 * as `JSON.parse`, except where `JSON.parse` loses information, and can find where the values on
 * some paths begin. It recurses at most `maxDepth` levels, so no input can overflow the stack.
 */
import type { IssueCode } from '../model/SroiError.js';

export type PathSegment = string | number;

/** The model's codes for problems of JSON text (the nearest of the model's issue codes). */
export const JSON_CODES = {
  syntax: 'invalid_value',
  duplicateKey: 'duplicate_id',
  tooDeep: 'out_of_range',
  numberRange: 'out_of_range',
} as const satisfies Record<string, IssueCode>;

/** A problem in JSON text, at a UTF-16 offset into it. */
export interface JsonProblem {
  readonly code: IssueCode;
  readonly message: string;
  readonly path: readonly PathSegment[];
  readonly offset: number;
  readonly received?: string;
  /** A syntax error or nesting too deep: no value could be read. */
  readonly fatal: boolean;
}

/** The paths to locate, as a tree; the locating pass writes where each value begins. */
export interface PathTree {
  offset?: number;
  readonly children: Map<PathSegment, PathTree>;
}

export interface ParsedJson {
  /** `undefined` when a fatal problem stopped the parse. */
  readonly value: unknown;
  readonly problems: readonly JsonProblem[];
}

/** Thrown inside the parser to unwind after a fatal problem; never escapes `parseJsonText`. */
const STOP = Symbol('stop');

/**
 * Parses `text` (without a byte-order mark). Number literals that a double cannot hold exactly
 * are given as their source text; literals a double cannot hold at all (`1e400`, `1e-400`) are
 * problems. A key given twice is a problem, and the first value is kept. With `tree`, the offset
 * of each value on one of its paths is written into it.
 */
export function parseJsonText(text: string, maxDepth: number, tree?: PathTree): ParsedJson {
  const parser = new Parser(text, maxDepth);
  try {
    parser.skipSpace();
    const value = parser.value(tree);
    parser.skipSpace();
    if (parser.pos < text.length) {
      parser.fail(
        `${describeAt(text, parser.pos)} after the end of the JSON value: a file holds one value (a missing "," or "["?)`,
      );
    }
    return { value, problems: parser.problems };
  } catch (error) {
    if (error === STOP) return { value: undefined, problems: parser.problems };
    throw error;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const POINT = 0x2e;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

class Parser {
  pos = 0;
  depth = 0;
  /** The path of the value being read: its key or index in each open container. */
  readonly path: PathSegment[] = [];
  readonly problems: JsonProblem[] = [];

  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(tree: PathTree | undefined): unknown {
    if (tree !== undefined) tree.offset = this.pos;
    const c = this.text.charCodeAt(this.pos);
    if (c === QUOTE) return this.string();
    if (c === 0x7b) return this.object(tree);
    if (c === 0x5b) return this.array(tree);
    if (c === MINUS || (c >= ZERO && c <= NINE)) return this.number();
    if (c === 0x74) return this.word('true', true);
    if (c === 0x66) return this.word('false', false);
    if (c === 0x6e) return this.word('null', null);
    return this.unexpected('a value (text in double quotes, a number, true, false, null, { or [)');
  }

  private enter(): void {
    if (this.depth >= this.maxDepth) {
      this.fail(
        `nested more than ${this.maxDepth} levels deep: sroi reads JSON nested at most ${this.maxDepth} levels`,
        JSON_CODES.tooDeep,
      );
    }
    this.depth++;
  }

  /** Opens an object or a list at `pos`; true when it is empty (and then already closed). */
  private open(close: number): boolean {
    this.enter();
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== close) return false;
    this.pos++;
    this.depth--;
    return true;
  }

  /** After a field or an item: true at a comma (another follows), false at `close` (closed). */
  private another(close: number, expected: string): boolean {
    this.skipSpace();
    const c = this.text.charCodeAt(this.pos);
    if (c === COMMA) {
      this.pos++;
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) === close) {
        this.unexpected(
          `${expected} after the comma (JSON allows no comma before "${String.fromCharCode(close)}")`,
        );
      }
      return true;
    }
    if (c !== close)
      this.unexpected(
        `"," or "${String.fromCharCode(close)}" after ${expected === 'another field' ? 'a field' : 'a list item'}`,
      );
    this.pos++;
    this.depth--;
    return false;
  }

  private object(tree: PathTree | undefined): Record<string, unknown> {
    const text = this.text;
    const object: Record<string, unknown> = {};
    if (this.open(CLOSE_OBJECT)) return object;
    do {
      if (text.charCodeAt(this.pos) !== QUOTE) this.unexpected('a field name in double quotes');
      const keyAt = this.pos;
      const key = this.string();
      this.path.push(key);
      this.skipSpace();
      if (text.charCodeAt(this.pos) !== COLON) this.unexpected('":" after the field name');
      this.pos++;
      this.skipSpace();
      if (Object.prototype.hasOwnProperty.call(object, key)) {
        this.problem({
          code: JSON_CODES.duplicateKey,
          message: `the field ${JSON.stringify(key)} is given twice in one object; give it once (sroi reads the first and reports the second)`,
          path: this.path.slice(),
          offset: keyAt,
          received: key,
          fatal: false,
        });
        this.value(undefined);
      } else {
        const value = this.value(tree?.children.get(key));
        // A key named "__proto__" is data, as in JSON.parse: an own property, not the prototype.
        if (key === '__proto__') {
          Object.defineProperty(object, key, {
            value,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        } else object[key] = value;
      }
      this.path.pop();
    } while (this.another(CLOSE_OBJECT, 'another field'));
    return object;
  }

  private array(tree: PathTree | undefined): unknown[] {
    const array: unknown[] = [];
    if (this.open(CLOSE_ARRAY)) return array;
    let index = 0;
    do {
      this.path.push(index);
      array.push(this.value(tree?.children.get(index)));
      this.path.pop();
      index++;
    } while (this.another(CLOSE_ARRAY, 'another item'));
    return array;
  }

  private string(): string {
    const text = this.text;
    const opening = this.pos;
    let pos = opening + 1;
    let start = pos;
    let escaped = '';
    let hasEscapes = false;
    for (;;) {
      if (pos >= text.length) {
        this.pos = opening;
        this.fail('text in double quotes that starts here is never closed (a missing ")');
      }
      const c = text.charCodeAt(pos);
      if (c === QUOTE) {
        this.pos = pos + 1;
        const tail = text.slice(start, pos);
        return hasEscapes ? escaped + tail : tail;
      }
      if (c === BACKSLASH) {
        hasEscapes = true;
        escaped += text.slice(start, pos);
        this.pos = pos;
        escaped += this.escape();
        pos = this.pos;
        start = pos;
        continue;
      }
      if (c < 0x20) {
        this.pos = pos;
        this.fail(
          c === 0x0a || c === 0x0d
            ? 'a line break inside text in double quotes (write it as \\n, or close the quote)'
            : `a control character (U+${c.toString(16).toUpperCase().padStart(4, '0')}) inside text in double quotes (write it as \\u${c.toString(16).padStart(4, '0')})`,
        );
      }
      pos++;
    }
  }

  /** Reads the escape at `pos` (a backslash) and moves past it. */
  private escape(): string {
    const text = this.text;
    const c = text.charCodeAt(this.pos + 1);
    const simple = ESCAPES.get(c);
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    if (c === 0x75) {
      const hex = text.slice(this.pos + 2, this.pos + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.pos += 6;
        return String.fromCharCode(Number.parseInt(hex, 16));
      }
      this.fail('\\u must be followed by four hexadecimal digits, as in \\u00e9');
    }
    this.fail(
      `${Number.isNaN(c) ? 'the end of the file' : `"\\${text[this.pos + 1] ?? ''}"`} is not an escape JSON knows: use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX (a backslash itself is written \\\\)`,
    );
  }

  private number(): number | string {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === MINUS) pos++;
    const first = text.charCodeAt(pos);
    if (first === ZERO) {
      pos++;
      if (isDigit(text.charCodeAt(pos))) {
        this.pos = start;
        this.fail('a number must not start with 0 (write 7, not 07; or put it in double quotes)');
      }
    } else if (isDigit(first)) {
      while (isDigit(text.charCodeAt(pos))) pos++;
    } else {
      this.pos = pos;
      this.unexpected('a digit after "-"');
    }
    let plain = true;
    if (text.charCodeAt(pos) === POINT) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) {
        this.pos = pos;
        this.unexpected('a digit after the decimal point');
      }
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === 0x65 || e === 0x45) {
      plain = false;
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 0x2b || sign === MINUS) pos++;
      if (!isDigit(text.charCodeAt(pos))) {
        this.pos = pos;
        this.unexpected('a digit in the exponent');
      }
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    this.pos = pos;
    const literal = text.slice(start, pos);
    const value = Number(literal);
    // Up to 15 characters without an exponent: at most 15 significant digits, well inside the
    // range of a double, so the double's shortest form is the literal (the common case).
    if (plain && literal.length <= 15) return value;
    return this.exactNumber(literal, value, start);
  }

  /** The number a literal means: the double when it holds the literal exactly, else the text. */
  private exactNumber(literal: string, value: number, offset: number): number | string {
    const tooLarge = !Number.isFinite(value);
    if (tooLarge || (value === 0 && /[1-9]/.test(mantissa(literal)))) {
      this.problem({
        code: JSON_CODES.numberRange,
        message: `the number ${excerptOf(literal)} is out of range: ${tooLarge ? 'above 1.8e308, the largest a JSON number can be' : 'below 5e-324, so it would read as 0'}`,
        path: this.path.slice(),
        offset,
        received: excerptOf(literal),
        fatal: false,
      });
      return literal;
    }
    return canonical(literal) === canonical(String(value)) ? value : literal;
  }

  private word<T>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.unexpected('a value (text in double quotes, a number, true, false, null, { or [)');
  }

  private unexpected(expected: string): never {
    const c = this.text.charCodeAt(this.pos);
    const word = /^[A-Za-z_$][\w$]{0,19}/.exec(this.text.slice(this.pos, this.pos + 20))?.[0];
    if (word !== undefined) {
      this.fail(
        `expected ${expected}, got ${JSON.stringify(word)}${word === 'NaN' || word === 'Infinity' ? ' (JSON has no NaN or Infinity)' : ' (text must be in double quotes)'}`,
      );
    }
    const hint =
      c === 0x27
        ? ' (JSON text is in double quotes, not single)'
        : c === 0x2f
          ? ' (JSON has no comments)'
          : '';
    this.fail(`expected ${expected}, got ${describeAt(this.text, this.pos)}${hint}`);
  }

  problem(problem: JsonProblem): void {
    this.problems.push(problem);
  }

  fail(message: string, code: IssueCode = JSON_CODES.syntax): never {
    const received = describeAt(this.text, this.pos);
    this.problem({
      code,
      message,
      path: this.path.slice(),
      offset: this.pos,
      received,
      fatal: true,
    });
    throw STOP;
  }
}

const ESCAPES = new Map<number, string>([
  [0x22, '"'],
  [0x5c, '\\'],
  [0x2f, '/'],
  [0x62, '\b'],
  [0x66, '\f'],
  [0x6e, '\n'],
  [0x72, '\r'],
  [0x74, '\t'],
]);

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** The character at `pos` for a message: quoted, by code point for controls, or the end. */
function describeAt(text: string, pos: number): string {
  const code = text.codePointAt(pos);
  if (code === undefined) return 'the end of the file';
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
    return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return JSON.stringify(String.fromCodePoint(code));
}

/** A long literal shortened for a message. */
function excerptOf(literal: string): string {
  return literal.length <= 40 ? literal : `${literal.slice(0, 40)}… (${literal.length} characters)`;
}

/** The digits of a number literal before its exponent. */
function mantissa(literal: string): string {
  const e = literal.search(/[eE]/);
  return e === -1 ? literal : literal.slice(0, e);
}

/**
 * A number literal (or `String(double)`) in one form per value: sign, significant digits
 * without leading or trailing zeros, and the power of ten of the point (`"-0.0120"` →
 * `"-12e-1"`). Two literals mean the same number exactly when their forms are equal.
 */
export function canonical(literal: string): string {
  const negative = literal.startsWith('-');
  const unsigned = negative
    ? literal.slice(1)
    : literal.startsWith('+')
      ? literal.slice(1)
      : literal;
  const e = unsigned.search(/[eE]/);
  const digitsPart = e === -1 ? unsigned : unsigned.slice(0, e);
  const exponent = e === -1 ? 0 : Number(unsigned.slice(e + 1));
  const point = digitsPart.indexOf('.');
  const whole = point === -1 ? digitsPart : digitsPart.slice(0, point);
  const fraction = point === -1 ? '' : digitsPart.slice(point + 1);
  let digits = whole + fraction;
  let scale = whole.length + exponent;
  let lead = 0;
  while (lead < digits.length && digits.charCodeAt(lead) === ZERO) lead++;
  digits = digits.slice(lead);
  scale -= lead;
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === ZERO) end--;
  digits = digits.slice(0, end);
  if (digits === '') return '0';
  return `${negative ? '-' : ''}${digits}e${scale}`;
}
