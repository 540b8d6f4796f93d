/**
 * The small XML reader and writer helpers the workbook code needs: a pull reader over the text of
 * one part (elements, attributes, text, CDATA; comments and processing instructions skipped;
 * namespace prefixes dropped, since SpreadsheetML parts may be written with or without them), and
 * escaping for the writer. No DTD is accepted, so no entity can expand (no "billion laughs").
 */

/** A part that is not well-formed XML; `readWorkbook` turns it into an `invalid_xml` issue. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Replaces the five named entities and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** Escapes text for an element's content or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/**
 * Decodes OOXML's own escape of characters XML cannot hold, `_xHHHH_` (e.g. `_x000D_` for a
 * carriage return; `_x005F_` escapes an underscore).
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * Escapes for OOXML the characters XML 1.0 cannot hold (control characters) and an underscore
 * that would otherwise read as the start of an escape.
 */
export function encodeOoxmlEscapes(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

const attributeCache = new Map<string, RegExp>();

function attributePattern(name: string): RegExp {
  let pattern = attributeCache.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributeCache.set(name, pattern);
  }
  return pattern;
}

/** What `XmlReader.next` found. */
export type XmlTokenKind = 'open' | 'close' | 'text' | 'end';

/**
 * A pull reader over one XML part. `next()` moves to the next element start, element end or run
 * of text; `name` is the element's local name, `attribute(name)` an attribute's decoded value.
 * A self-closing element gives an `open` with `selfClosing` true and no `close`.
 * Throws `XmlError` (with the part and line) on mismatched or unclosed tags.
 */
export class XmlReader {
  kind: XmlTokenKind = 'end';
  /** The element's local name (for `open` and `close`). */
  name = '';
  selfClosing = false;
  /** The decoded text (for `text`). */
  text = '';
  private attributes = '';
  private position = 0;
  private readonly open: string[] = [];

  constructor(
    private readonly source: string,
    private readonly part: string,
  ) {}

  /** The named attribute of the current `open` element, decoded; `undefined` when absent. */
  attribute(name: string): string | undefined {
    if (this.attributes === '') return undefined;
    const match = attributePattern(name).exec(this.attributes);
    if (match === null) return undefined;
    return decodeEntities(match[1] ?? match[2] ?? '');
  }

  /** Moves to the next token and returns its kind. */
  next(): XmlTokenKind {
    const source = this.source;
    for (;;) {
      const start = this.position;
      if (start >= source.length) {
        if (this.open.length > 0) this.fail(`<${this.open[this.open.length - 1]}> is not closed`);
        return (this.kind = 'end');
      }
      if (source.charCodeAt(start) !== 60 /* < */) {
        let end = source.indexOf('<', start);
        if (end === -1) end = source.length;
        this.position = end;
        this.text = decodeEntities(source.slice(start, end));
        return (this.kind = 'text');
      }
      const second = source.charCodeAt(start + 1);
      if (second === 63 /* ? */) {
        this.position = this.after('?>', start);
        continue;
      }
      if (second === 33 /* ! */) {
        if (source.startsWith('<!--', start)) {
          this.position = this.after('-->', start);
          continue;
        }
        if (source.startsWith('<![CDATA[', start)) {
          const end = this.after(']]>', start);
          this.text = source.slice(start + 9, end - 3);
          this.position = end;
          return (this.kind = 'text');
        }
        this.fail('a DTD or declaration is not allowed in a workbook part', start);
      }
      const end = this.tagEnd(start);
      this.position = end + 1;
      if (second === 47 /* / */) {
        const name = localName(source.slice(start + 2, end).trim());
        const expected = this.open.pop();
        if (expected !== name) {
          this.fail(
            expected === undefined
              ? `</${name}> closes nothing`
              : `</${name}> closes <${expected}>`,
            start,
          );
        }
        this.name = name;
        return (this.kind = 'close');
      }
      this.selfClosing = source.charCodeAt(end - 1) === 47; /* / */
      const inner = source.slice(start + 1, this.selfClosing ? end - 1 : end);
      const space = inner.search(/\s/);
      const qualified = space === -1 ? inner : inner.slice(0, space);
      if (qualified === '') this.fail('an element has no name', start);
      this.name = localName(qualified);
      this.attributes = space === -1 ? '' : inner.slice(space);
      if (!this.selfClosing) this.open.push(this.name);
      return (this.kind = 'open');
    }
  }

  /**
   * The text content of the current `open` element up to its `close`, skipping any elements
   * inside it; '' for a self-closing element.
   */
  readText(): string {
    if (this.selfClosing) return '';
    const depth = this.open.length;
    let text = '';
    while (this.next() !== 'end') {
      if (this.kind === 'text') text += this.text;
      else if (this.kind === 'close' && this.open.length < depth) return text;
    }
    return text;
  }

  /** Skips everything inside the current `open` element, up to and including its `close`. */
  skip(): void {
    if (this.selfClosing) return;
    const depth = this.open.length;
    while (this.next() !== 'end') {
      if (this.kind === 'close' && this.open.length < depth) return;
    }
  }

  private tagEnd(start: number): number {
    // a '>' inside a quoted attribute value does not end the tag
    let quote = 0;
    for (let i = start + 1; i < this.source.length; i++) {
      const c = this.source.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62 /* > */) return i;
    }
    return this.fail('a tag is not closed', start);
  }

  private after(marker: string, start: number): number {
    const at = this.source.indexOf(marker, start);
    if (at === -1)
      this.fail(`no "${marker}" after "${this.source.slice(start, start + 9)}"`, start);
    return at + marker.length;
  }

  private fail(message: string, at = this.position): never {
    let line = 1;
    for (
      let i = this.source.indexOf('\n');
      i !== -1 && i < at;
      i = this.source.indexOf('\n', i + 1)
    ) {
      line++;
    }
    throw new XmlError(`${this.part}, line ${line}: ${message}`);
  }
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}
