/**
 * The settings of a Value Map: its title rows (name, organisation, period, forecast or
 * evaluation, currency, price base, discount rate and timing, horizon), the rates of its results
 * block's Discount rate row when no title gives a rate, its group sizes as stakeholders — each
 * taken with a note — and the caller's settings over them (each replacement said). Read by the
 * field table like any analysis, each issue located at the cell its value came from.
 */
import { analysisReaders } from '../schema/_analysisReaders.js';
import { INVALID, unreadable } from '../schema/_readerRuntime.js';
import { readNumber } from '../schema/readNumber.js';
import { shown } from '../schema/_shown.js';
import { normaliseHeader } from '../csv/normaliseHeader.js';
import { discountScheduleNames } from '../calc/greenBookSchedules.js';
import { valueMapKinds, valueMapTitleRows } from '../workbook/valueMapLayout.js';
import type { SheetRead } from './_sheetTable.js';
import type { Replaced } from './_sheetFigures.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { Issue } from '../model/SroiError.js';
import type { ReadFields, ReportIssue } from '../schema/_readerRuntime.js';

/** The analysis root read from the sheet's settings and the caller's, and how to locate its issues. */
export interface RootRead {
  readonly fields?: ReadFields;
  readonly locate: (issue: Issue) => Issue;
  readonly replaced: Replaced;
}

/** What the settings are read from. */
export interface SettingsSources {
  /** The caller's settings (JSON): each replaces the sheet's own. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** An inputs file of its own is given. */
  readonly inputs?: unknown;
  /** The name when neither the sheet nor the settings give one. */
  readonly defaultName?: string;
}

/** Where a setting's value is: the cell, with its label. */
type Place = Pick<Issue, 'file' | 'line' | 'column'>;

/** The longest name first, so that `green-book-health` is not read as `green-book`. */
const SCHEDULES = [...discountScheduleNames].sort((a, b) => b.length - a.length);
const RATE_KEYS = ['rate', 'rates', 'schedule'] as const;

/**
 * The analysis root of a Value Map: the sheet's settings under the caller's, read by the field
 * table, each issue at the cell its value came from; a note for each setting taken from the
 * sheet and for each the caller replaced.
 */
export function readSettings(
  sheet: SheetRead,
  sources: SettingsSources,
  report: ReportIssue,
  notes: CsvNote[],
): RootRead {
  const own = sheetSettings(sheet);
  const { merged, replaced } = overSheet(own, sources.settings ?? {}, sheet, notes);
  merged['name'] ??=
    sources.defaultName ??
    (sheet.grid.kind === 'csv'
      ? sheet.grid.name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')
      : sheet.grid.name);
  takenNotes(own, sheet, notes);

  const locate = (issue: Issue): Issue => {
    const where =
      own.places.get(issue.path.join('.')) ?? own.places.get(issue.path.slice(0, 2).join('.'));
    return where === undefined ? issue : { ...issue, ...where };
  };
  const omit = new Set(
    sheet.inputs === undefined && sources.inputs === undefined
      ? ['outcomes']
      : ['outcomes', 'inputs'],
  );
  let fields: ReadFields | undefined;
  try {
    const read = analysisReaders.analysis(merged, [], (issue) => report(locate(issue)), omit);
    if (read !== INVALID) fields = read;
  } catch (error) {
    report(unreadable([], error));
  }
  return { ...(fields === undefined ? {} : { fields }), locate, replaced };
}

/** The sheet's own settings as JSON, where each value is (by its path, `discount.rate`), and what gave the rate. */
interface SheetSettings {
  readonly values: Record<string, unknown>;
  /** Only the paths whose value is still the sheet's (the caller's replace theirs). */
  readonly places: Map<string, Place>;
  /** The flat rate the sheet gives, as written. */
  readonly rate?: string;
  /** The results block's Discount rate row, when the rates come from it. */
  readonly ratesFrom?: Place;
}

function sheetSettings(sheet: SheetRead): SheetSettings {
  const values: Record<string, unknown> = {};
  const discount: Record<string, unknown> = {};
  const places = new Map<string, Place>();
  const cellOf = (row: number, position: number, label: string): Place => ({
    ...sheet.place.cell(row, position),
    column: label,
  });
  let rate: string | undefined;
  const ratesRow = sheet.resultRows.find((r) => r.key === 'discountRate');
  for (const s of sheet.settings) {
    const set = (path: string, value: unknown) => {
      places.set(path, cellOf(s.row, s.position, s.label));
      if (path.startsWith('discount.')) discount[path.slice('discount.'.length)] = value;
      else values[path] = value;
    };
    if (s.key === 'kind') set('kind', kindOf(s.value) ?? s.value);
    else if (s.key === 'discountTiming') set('discount.timing', s.value.toLowerCase());
    else if (s.key === 'discountRate') {
      const schedule = SCHEDULES.find((name) => s.value.toLowerCase().includes(name));
      if (schedule !== undefined) set('discount.schedule', schedule);
      // words such as "a rate for each year, in the Discount rate row" leave it to that row
      else if (readNumber(s.value).ok || ratesRow === undefined) {
        set('discount.rate', s.value);
        rate = s.value;
      }
    } else set(s.key, s.value);
  }
  // The results block's rates of each year, when no title row gives the rate.
  let ratesFrom: Place | undefined;
  if (ratesRow !== undefined && !RATE_KEYS.some((k) => discount[k] !== undefined)) {
    const rates: string[] = [];
    const cells = ratesRow.row.cells;
    for (let p = ratesRow.position + 1; p < cells.length; p += 1) {
      const text = (cells[p] ?? '').trim();
      if (text === '') continue;
      places.set(`discount.rates.${rates.length}`, cellOf(ratesRow.row.row, p, 'Discount rate'));
      rates.push(text);
    }
    const read = rates.map(valueOf);
    if (rates.length > 0 && read.every((v) => v !== undefined && v === read[0])) {
      const first = places.get('discount.rates.0');
      if (first !== undefined) places.set('discount.rate', first);
      discount['rate'] = rates[0];
      rate = rates[0];
    } else if (rates.length > 0) discount['rates'] = rates;
    if (rates.length > 0) ratesFrom = cellOf(ratesRow.row.row, ratesRow.position, 'Discount rate');
  }
  if (Object.keys(discount).length > 0) values['discount'] = discount;

  // The group sizes, as the stakeholders the rows name.
  if (sheet.stakeholders.some((s) => s.size !== undefined)) {
    values['stakeholders'] = sheet.stakeholders.map((s, k) => {
      if (s.size === undefined) return { name: s.name };
      places.set(`stakeholders.${k}.size`, cellOf(s.size.row, s.size.position, 'No. in group'));
      const whole = valueOf(s.size.text);
      return {
        name: s.name,
        // a count is a JSON number: anything else is given as written, for the rule to refuse
        size: whole !== undefined && /^\d{1,15}$/.test(whole) ? Number(whole) : s.size.text,
      };
    });
  }
  return {
    values,
    places,
    ...(rate === undefined ? {} : { rate }),
    ...(ratesFrom === undefined ? {} : { ratesFrom }),
  };
}

/** The analysis's kind from the words of the template (`Evaluation`, `Forecast SROI`). */
function kindOf(text: string): string | undefined {
  const word = normaliseHeader(text);
  const found = (Object.entries(valueMapKinds) as [string, readonly string[]][]).find(([, words]) =>
    words.some((w) => normaliseHeader(w) === word),
  );
  return found?.[0];
}

/**
 * The caller's settings over the sheet's: each replaces the sheet's own (a discount's rate and
 * its timing apart), said in a note; the places of the values replaced are forgotten. `replaced`
 * says which figures of the sheet were computed on settings that no longer hold.
 */
function overSheet(
  own: SheetSettings,
  given: Readonly<Record<string, unknown>>,
  sheet: SheetRead,
  notes: CsvNote[],
): { merged: Record<string, unknown>; replaced: Replaced } {
  const merged: Record<string, unknown> = { ...own.values };
  const replaced: { discount?: string; horizon?: string; priceYear?: string } = {};
  const forget = (replacedHere: (path: string) => boolean) => {
    for (const path of [...own.places.keys()]) if (replacedHere(path)) own.places.delete(path);
  };
  for (const [key, value] of Object.entries(given)) {
    if (
      key === 'discount' &&
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value)
    ) {
      const theirs = value as Record<string, unknown>;
      const ours = (own.values['discount'] ?? {}) as Record<string, unknown>;
      const rateLike = RATE_KEYS.some((k) => theirs[k] !== undefined);
      const next = Object.fromEntries(
        Object.entries(rateLike ? theirs : ours).filter(([k]) => k !== 'timing'),
      );
      const timing = theirs['timing'] ?? ours['timing'];
      merged['discount'] = timing === undefined ? next : { ...next, timing };
      const oursRated = RATE_KEYS.some((k) => ours[k] !== undefined);
      if (rateLike && oursRated && discountText(ours) !== discountText(theirs)) {
        replaced.discount = `the settings replace the sheet's discount (${discountText(ours)}) with ${discountText(theirs)}`;
      } else if (
        theirs['timing'] !== undefined &&
        ours['timing'] !== undefined &&
        theirs['timing'] !== ours['timing']
      ) {
        replaced.discount = `the settings replace the sheet's discount timing (${String(ours['timing'])}) with ${String(theirs['timing'])}`;
      }
      forget((path) =>
        path === 'discount.timing'
          ? theirs['timing'] !== undefined
          : rateLike && path.startsWith('discount.'),
      );
      continue;
    }
    const sheetValue = own.values[key];
    if (sheetValue !== undefined && String(sheetValue) !== String(value)) {
      const where = own.places.get(key);
      notes.push({
        code: 'sheet_setting',
        message: `the sheet's ${key} ${shown(sheetValue)} is replaced by the settings' ${shown(value)}`,
        file: where?.file ?? sheet.placeName,
        ...(where?.line === undefined ? {} : { line: where.line }),
      });
      const words = `the settings replace the sheet's ${key === 'priceYear' ? 'price base' : key} (${String(sheetValue)}) with ${String(value)}`;
      if (key === 'horizon') replaced.horizon = words;
      if (key === 'priceYear') replaced.priceYear = words;
    }
    forget((path) => path === key || path.startsWith(`${key}.`));
    merged[key] = value;
  }
  if (replaced.discount !== undefined) {
    notes.push({ code: 'sheet_setting', message: replaced.discount, file: sheet.placeName });
  }
  return { merged, replaced };
}

/** A note, at its cell, for each setting the sheet gives that the analysis took. */
function takenNotes(own: SheetSettings, sheet: SheetRead, notes: CsvNote[]): void {
  for (const s of sheet.settings) {
    const path =
      s.key === 'discountRate'
        ? 'discount.rate'
        : s.key === 'discountTiming'
          ? 'discount.timing'
          : s.key;
    const taken =
      own.places.has(path) || (s.key === 'discountRate' && own.places.has('discount.schedule'));
    if (!taken) continue;
    const label = valueMapTitleRows.find((t) => t.key === s.key)?.label ?? s.key;
    notes.push({
      code: 'sheet_setting',
      message: `${label.toLowerCase()} ${shown(s.value)} taken from the sheet${s.key === 'discountRate' ? ` (the settings' discount, --discount-rate, would replace it)` : ''}`,
      ...sheet.place.cell(s.row, s.position),
      column: s.label,
    });
  }
  if (own.ratesFrom !== undefined && own.places.has('discount.rates.0')) {
    notes.push({
      code: 'sheet_setting',
      message: `the discount rate${own.rate === undefined ? 's of each year' : ` ${shown(own.rate)}`} taken from the sheet's Discount rate row`,
      file: own.ratesFrom.file ?? sheet.placeName,
      ...(own.ratesFrom.line === undefined ? {} : { line: own.ratesFrom.line }),
      column: 'Discount rate',
    });
  }
}

function valueOf(text: string): string | undefined {
  const read = readNumber(text);
  return read.ok ? read.value : undefined;
}

/** A discount setting in words, for a note: `0.035`, `rates 0.035, 0.03`, `schedule green-book`. */
function discountText(discount: Record<string, unknown>): string {
  if (discount['schedule'] !== undefined) return `schedule ${String(discount['schedule'])}`;
  if (Array.isArray(discount['rates'])) {
    return `rates ${discount['rates'].map((r) => valueOf(String(r)) ?? String(r)).join(', ')}`;
  }
  const rate = discount['rate'];
  return rate === undefined ? 'none' : (valueOf(String(rate)) ?? String(rate));
}
