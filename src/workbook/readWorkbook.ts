import { bytesArgument, invalid, objectArgument, optionsArgument } from '../model/_arguments.js';
import { cellReference } from './cellAddress.js';
import { readSheet } from './_readSheet.js';
import type { SheetContext } from './_readSheet.js';
import { sniffBytes } from './sniffBytes.js';
import { unzipParts, workbookLimits } from './_unzipParts.js';
import type { WorkbookLimits } from './_unzipParts.js';
import { builtInNumberFormat, builtInNumberFormatKind, numberFormatKind } from './numberFormat.js';
import { decodeOoxmlEscapes, XmlError, XmlReader } from './_xml.js';
import type { NumberFormatKind, Workbook, WorkbookIssue, WorkbookSheet } from './Workbook.js';

/** Options of `readWorkbook`. */
export interface ReadWorkbookOptions {
  /** Tighter or looser limits than `workbookLimits`. */
  readonly limits?: Partial<WorkbookLimits>;
}

/** What `readWorkbook` returns: the workbook when it could be read, and every problem found. */
export interface ReadWorkbookResult {
  /** Absent when the file cannot be read at all (the issues say why). */
  readonly workbook?: Workbook;
  readonly issues: readonly WorkbookIssue[];
}

/**
 * Reads the bytes of an .xlsx workbook (Excel 2007 and later, LibreOffice, Google Sheets, Numbers
 * exports): every worksheet with its name, its cells in rows — each with its address, its value
 * (the cached result of a formula cell, the formula kept beside it), its type and its number
 * format, so that 0.25 shown as 25% is known to be a percentage — and its merged ranges.
 *
 * Pure and synchronous: bytes in, no file access, the same in Node and in a browser. It never
 * throws on a bad file: a file that is not a zip, an .xls, a password-protected workbook, a
 * damaged or oversized archive (`workbookLimits`) gives an issue and no workbook; a formula
 * without a cached result, or a cell the file cannot define, gives an issue located at its cell
 * (`'Value Map'!C12`) and the rest of the workbook.
 *
 * @example
 * readWorkbook(new TextEncoder().encode('stakeholder,outcome')).issues[0]?.code;
 * //=> 'not_a_zip'
 */
export function readWorkbook(
  bytes: Uint8Array,
  options: ReadWorkbookOptions = {},
): ReadWorkbookResult {
  const fn = 'readWorkbook';
  bytesArgument(fn, bytes);
  const given = optionsArgument(fn, options);
  const asked =
    given.limits === undefined ? {} : objectArgument(fn, 'options.limits', given.limits);
  for (const key of Object.keys(workbookLimits)) {
    const limit = asked[key];
    if (
      limit !== undefined &&
      (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1)
    ) {
      throw invalid(fn, `options.limits.${key} must be a whole number ≥ 1`, limit);
    }
  }
  const limits: WorkbookLimits = { ...workbookLimits, ...(asked as Partial<WorkbookLimits>) };
  const kind = sniffBytes(bytes);
  if (kind === 'ole') return failed(oleIssue(bytes));
  if (kind === 'text') {
    return failed({
      code: 'not_a_zip',
      where: 'workbook',
      message:
        bytes.length === 0
          ? 'the file is empty, not an .xlsx workbook'
          : 'the file is not an .xlsx workbook (an .xlsx file is a zip archive; this one starts with other bytes — a CSV or text file is read as a table, not as a workbook)',
    });
  }
  const unzipped = unzipParts(bytes, limits);
  if ('issue' in unzipped) return failed(unzipped.issue);
  try {
    return readPackage(unzipped.parts, limits);
  } catch (error) {
    if (error instanceof XmlError) {
      return failed({
        code: 'invalid_xml',
        where: 'workbook',
        message: `the workbook is damaged: ${error.message}`,
      });
    }
    throw error;
  }
}

function failed(issue: WorkbookIssue): ReadWorkbookResult {
  return { issues: [issue] };
}

/** An OLE compound file: an encrypted .xlsx holds an `EncryptedPackage` stream; else an .xls. */
function oleIssue(bytes: Uint8Array): WorkbookIssue {
  const marker = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
  if (indexOf(bytes, marker) !== -1) {
    return {
      code: 'encrypted',
      where: 'workbook',
      message:
        'the workbook is password-protected (encrypted), so its cells cannot be read; open it, remove the password (File › Info › Protect Workbook › Encrypt with Password in Excel) and save it again',
    };
  }
  return {
    code: 'legacy_xls',
    where: 'workbook',
    message:
      'the file is an Excel 97–2003 workbook (.xls), which sroi does not read; open it and save it as an Excel Workbook (.xlsx)',
  };
}

function indexOf(bytes: Uint8Array, pattern: readonly number[]): number {
  const first = pattern[0];
  for (let i = bytes.indexOf(first ?? 0); i !== -1; i = bytes.indexOf(first ?? 0, i + 1)) {
    let j = 1;
    while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
    if (j === pattern.length) return i;
  }
  return -1;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

function readPackage(parts: Map<string, Uint8Array>, limits: WorkbookLimits): ReadWorkbookResult {
  const part = partReader(parts);
  const root = relationships(part, '');
  const main = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target;
  if (main === undefined || part.text(main) === undefined) return failed(notAWorkbook(parts, main));

  const issues: WorkbookIssue[] = [];
  const rels = relationships(part, main);
  const byType = (suffix: string): string | undefined =>
    [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const stringsPart = byType('/sharedStrings') ?? '';
  const stylesPart = byType('/styles') ?? '';
  const sharedStrings = readSharedStrings(part.text(stringsPart), stringsPart);
  const styles = readStyles(part.text(stylesPart), stylesPart);

  const reader = new XmlReader(part.text(main) ?? '', main);
  const listed: { name: string; state: WorkbookSheet['state']; id: string }[] = [];
  let date1904 = false;
  let rootElement: string | undefined;
  while (reader.next() !== 'end') {
    if (reader.kind !== 'open') continue;
    rootElement ??= reader.name;
    if (rootElement !== 'workbook') return failed(notAWorkbook(parts, main));
    if (reader.name === 'workbookPr') {
      const value = reader.attribute('date1904');
      date1904 = value === '1' || value === 'true';
    } else if (reader.name === 'sheet') {
      const state = reader.attribute('state');
      listed.push({
        name: reader.attribute('name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        id: reader.attribute('id') ?? '',
      });
    }
  }

  const sheets: WorkbookSheet[] = [];
  const budget = { remaining: limits.maxCells, limit: limits.maxCells };
  for (const { name, state, id } of listed) {
    const rel = rels.get(id);
    if (rel === undefined || !rel.type.endsWith('/worksheet')) continue; // a chart or dialog sheet
    const text = part.text(rel.target);
    if (text === undefined) {
      issues.push({
        code: 'not_a_workbook',
        where: cellReference(name),
        message: `the sheet "${name}" is missing from the file (${rel.target}); the workbook is damaged`,
      });
      continue;
    }
    const context: SheetContext = {
      name,
      part: rel.target,
      sharedStrings,
      styles,
      date1904,
      budget,
      issues,
    };
    const rows = readSheet(text, context);
    if (rows === undefined) return { issues };
    sheets.push({ name, state, rows: rows.rows, merges: rows.merges });
  }
  return { workbook: { sheets, date1904 }, issues };
}

function notAWorkbook(parts: Map<string, Uint8Array>, main: string | undefined): WorkbookIssue {
  const names = [...parts.keys()];
  const what =
    main?.endsWith('.bin') === true
      ? 'an Excel binary workbook (.xlsb); save it as an Excel Workbook (.xlsx)'
      : names.includes('content.xml') && names.includes('META-INF/manifest.xml')
        ? 'an OpenDocument file (.ods); save it as an Excel Workbook (.xlsx)'
        : names.some((n) => n.startsWith('word/'))
          ? 'a Word document, not a workbook'
          : names.some((n) => n.startsWith('ppt/'))
            ? 'a PowerPoint presentation, not a workbook'
            : 'a zip archive that holds no workbook';
  return { code: 'not_a_workbook', where: 'workbook', message: `the file is ${what}` };
}

/** Text of the package's parts by name, with part names compared without regard to case (OPC). */
function partReader(parts: Map<string, Uint8Array>) {
  const lower = new Map([...parts.keys()].map((name) => [name.toLowerCase(), name]));
  const cache = new Map<string, string>();
  return {
    text(path: string): string | undefined {
      const name = lower.get(path.toLowerCase());
      if (name === undefined) return undefined;
      const cached = cache.get(name);
      if (cached !== undefined) return cached;
      const text = decodePart(parts.get(name) ?? new Uint8Array(), name);
      cache.set(name, text);
      return text;
    },
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An XML part's text: UTF-8 (with or without BOM), or UTF-16 with a BOM. */
function decodePart(bytes: Uint8Array, name: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    }
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new XmlError(`${name} is not valid UTF-8 or UTF-16 text`);
  }
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), by id. */
function relationships(
  part: ReturnType<typeof partReader>,
  source: string,
): Map<string, Relationship> {
  const slash = source.lastIndexOf('/');
  const folder = slash === -1 ? '' : source.slice(0, slash + 1);
  const file = source.slice(slash + 1);
  const path = `${folder}_rels/${file}.rels`;
  const result = new Map<string, Relationship>();
  const text = part.text(path);
  if (text === undefined) return result;
  const reader = new XmlReader(text, path);
  while (reader.next() !== 'end') {
    if (reader.kind !== 'open' || reader.name !== 'Relationship') continue;
    if (reader.attribute('TargetMode') === 'External') continue;
    const target = reader.attribute('Target') ?? '';
    result.set(reader.attribute('Id') ?? '', {
      type: reader.attribute('Type') ?? '',
      target: resolvePath(folder, target),
    });
  }
  return result;
}

function resolvePath(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** Shared strings, in order; rich-text runs joined, phonetic guides (`rPh`) left out. */
function readSharedStrings(text: string | undefined, path: string): string[] {
  const strings: string[] = [];
  if (text === undefined) return strings;
  const reader = new XmlReader(text, path);
  let current: string | undefined;
  while (reader.next() !== 'end') {
    if (reader.kind === 'open') {
      if (reader.name === 'si') {
        current = '';
        if (reader.selfClosing) {
          strings.push('');
          current = undefined;
        }
      } else if (reader.name === 'rPh' || reader.name === 'phoneticPr') reader.skip();
      else if (reader.name === 't' && current !== undefined) current += reader.readText();
    } else if (reader.kind === 'close' && reader.name === 'si' && current !== undefined) {
      strings.push(decodeOoxmlEscapes(current));
      current = undefined;
    }
  }
  return strings;
}

/** A cell style's number format: its code (when not General) and its kind. */
export interface CellNumberFormat {
  readonly code?: string;
  readonly kind: NumberFormatKind;
}

/** The number format of each cell style (`<c s="3">` → the fourth `xf` of `cellXfs`). */
function readStyles(text: string | undefined, path: string): CellNumberFormat[] {
  const formats: CellNumberFormat[] = [];
  if (text === undefined) return formats;
  const reader = new XmlReader(text, path);
  const custom = new Map<number, string>();
  let inCellXfs = false;
  while (reader.next() !== 'end') {
    if (reader.kind === 'open') {
      if (reader.name === 'numFmt') {
        custom.set(Number(reader.attribute('numFmtId')), reader.attribute('formatCode') ?? '');
      } else if (reader.name === 'cellXfs') inCellXfs = !reader.selfClosing;
      else if (reader.name === 'xf' && inCellXfs) {
        const id = Number(reader.attribute('numFmtId') ?? '0');
        const code = custom.get(id) ?? builtInNumberFormat(id);
        const kind = code !== undefined ? numberFormatKind(code) : builtInNumberFormatKind(id);
        formats.push(code === undefined || code === 'General' ? { kind } : { code, kind });
      }
    } else if (reader.kind === 'close' && reader.name === 'cellXfs') inCellXfs = false;
  }
  return formats;
}
