/**
 * The header of a Value Map sheet: a row of column titles and, often, the row of questions under
 * it ("Who do we have an effect on?", "How much change was there?"), read as one header. Titles
 * and questions are matched tolerantly (as headers are compared, docs/csv-format.md, and without
 * a closing parenthesis: "Duration (yrs)") against every version of the template in
 * `valueMapLayout.ts` and the CSV columns' own names; the template's repeated titles are told
 * apart by their place: a "Source" belongs to the column before it (after the indicator, the
 * quantity's; after the proxy, the proxy's; after a deduction, its evidence), and a "Value £"
 * is the inputs' after Inputs and the proxy's after the financial proxy.
 */
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import { normaliseHeader } from '../csv/normaliseHeader.js';
import { valueMapColumns, valueMapStages } from '../workbook/valueMapLayout.js';
import type { CsvColumn } from '../csv/csvColumns.js';
import type { GridRow } from './ValueMapGrid.js';
import type { ValueMapColumnKey } from '../workbook/valueMapLayout.js';

/** A layout column placed in the sheet; a year column carries its year. */
export interface PlacedColumn {
  readonly key: ValueMapColumnKey;
  readonly year?: number;
}

/** The field of an outcome each layout column fills (its path in the outcome, as CSV columns name it). */
const OUTCOME_FIELDS: Partial<Record<ValueMapColumnKey, string>> = {
  id: 'id',
  stakeholder: 'stakeholder',
  output: 'output',
  outcome: 'outcome',
  indicator: 'indicator',
  quantitySource: 'evidence.quantity',
  quantity: 'quantity',
  quantityByYear: 'quantityByYear',
  duration: 'duration',
  durationSource: 'evidence.duration',
  start: 'start',
  proxyDescription: 'proxy.description',
  proxyValue: 'proxy.value',
  proxySource: 'proxy.source',
  proxyPriceYear: 'proxy.priceYear',
  category: 'category',
  deadweight: 'deadweight',
  deadweightSource: 'evidence.deadweight',
  displacement: 'displacement',
  displacementSource: 'evidence.displacement',
  attribution: 'attribution',
  attributionSource: 'evidence.attribution',
  leakage: 'leakage',
  leakageSource: 'evidence.leakage',
  dropOff: 'dropOff',
  dropOffSource: 'evidence.dropOff',
};

/** The field of an input each layout column fills. */
const INPUT_FIELDS: Partial<Record<ValueMapColumnKey, string>> = {
  stakeholder: 'stakeholder',
  inputDescription: 'description',
  inputValue: 'value',
  inputYear: 'year',
  inputKind: 'kind',
};

/** The CSV column of a layout column in one table, if it fills a field there. */
export function tableColumn(
  key: ValueMapColumnKey,
  which: 'outcomes' | 'inputs',
): CsvColumn | undefined {
  const field = (which === 'outcomes' ? OUTCOME_FIELDS : INPUT_FIELDS)[key];
  const columns = which === 'outcomes' ? outcomeColumns : inputColumns;
  return field === undefined ? undefined : columns.find((c) => c.path.join('.') === field);
}

/** The layout column an outcome's or an input's field is read from on the sheet. */
export function keyOfField(column: CsvColumn, which: 'outcomes' | 'inputs'): ValueMapColumnKey {
  const fields = which === 'outcomes' ? OUTCOME_FIELDS : INPUT_FIELDS;
  const field = column.path.join('.');
  const found = (Object.entries(fields) as [ValueMapColumnKey, string][]).find(
    ([, f]) => f === field,
  );
  return found?.[0] ?? 'id';
}

/** The evidence column that a "Source" after each column belongs to. */
const EVIDENCE_AFTER: Partial<Record<ValueMapColumnKey, ValueMapColumnKey>> = {
  output: 'quantitySource',
  outcome: 'quantitySource',
  indicator: 'quantitySource',
  quantity: 'quantitySource',
  quantityPerPerson: 'quantitySource',
  quantityByYear: 'quantitySource',
  duration: 'durationSource',
  start: 'durationSource',
  proxyDescription: 'proxySource',
  proxyValue: 'proxySource',
  proxyPriceYear: 'proxySource',
  deflatorRatio: 'proxySource',
  proxyRebased: 'proxySource',
  deadweight: 'deadweightSource',
  displacement: 'displacementSource',
  attribution: 'attributionSource',
  leakage: 'leakageSource',
  dropOff: 'dropOffSource',
};
const EVIDENCE_KEYS = new Set(Object.values(EVIDENCE_AFTER));

/** Each layout column's place in the template's order. */
const ORDER = new Map(valueMapColumns.map((c, i) => [c.key, i]));

/** Titles and questions, normalised, to the columns they may name. */
const TITLES = new Map<string, ValueMapColumnKey[]>();
const QUESTIONS: { readonly text: string; readonly key: ValueMapColumnKey }[] = [];
/** A year column's titles and questions (`Year {year}`) as patterns of the normalised text. */
const yearPattern = (texts: readonly string[]) =>
  texts.map((text) => {
    const [before = '', after = ''] = text.split('{year}').map(normaliseHeader);
    return new RegExp(`^${before}(\\d{1,3})${after}$`);
  });
const YEAR_COLUMN = valueMapColumns.find((c) => c.key === 'year');
const YEAR_TITLES = yearPattern(
  YEAR_COLUMN === undefined ? [] : [YEAR_COLUMN.title, ...YEAR_COLUMN.alsoTitled],
);
const YEAR_QUESTIONS = yearPattern(
  YEAR_COLUMN === undefined ? [] : [YEAR_COLUMN.question, ...YEAR_COLUMN.alsoAsked],
);

/** The year a year column's title or question names, if it is one. */
function yearOf(normal: string, patterns: readonly RegExp[]): number | undefined {
  for (const pattern of patterns) {
    const year = pattern.exec(normal)?.[1];
    if (year !== undefined) return Number(year);
  }
  return undefined;
}
{
  const add = (title: string, key: ValueMapColumnKey) => {
    const normal = normaliseHeader(title);
    if (normal === '') return;
    const keys = TITLES.get(normal) ?? [];
    if (!keys.includes(key)) keys.push(key);
    TITLES.set(normal, keys);
  };
  for (const column of valueMapColumns) {
    if (column.key !== 'year') {
      for (const title of [column.title, ...column.alsoTitled]) add(title, column.key);
    }
    const outcome = tableColumn(column.key, 'outcomes');
    // an outcome's CSV names are the sheet's too; an input's ("description", "value") are too
    // general beside the outcomes, so the inputs' columns are known by the template's titles
    if (outcome !== undefined)
      for (const name of [outcome.name, ...outcome.aliases]) add(name, column.key);
    if (column.key === 'year') continue;
    for (const question of [column.question, ...column.alsoAsked]) {
      QUESTIONS.push({ text: normaliseHeader(question), key: column.key });
    }
  }
}

/** The columns a title may name: exactly, or without a parenthesis or a leading "The". */
function titleMatches(cell: string): PlacedColumn[] {
  const tries = [cell, cell.replace(/\([^)]*\)\s*$/, ''), cell.replace(/^\s*the\s+/i, '')];
  for (const text of tries) {
    const normal = normaliseHeader(text);
    if (normal === '') continue;
    const year = yearOf(normal, YEAR_TITLES);
    if (year !== undefined) return [{ key: 'year', year }];
    const keys = TITLES.get(normal);
    if (keys !== undefined) return keys.map((key) => ({ key }));
  }
  return [];
}

/** The columns a question may be printed under: the same words, or one the start of the other. */
function questionMatches(cell: string): PlacedColumn[] {
  const normal = normaliseHeader(cell);
  if (normal.length < 8) return [];
  const year = yearOf(normal, YEAR_QUESTIONS);
  if (year !== undefined) return [{ key: 'year', year }];
  const found: PlacedColumn[] = [];
  for (const { text, key } of QUESTIONS) {
    const shorter = Math.min(text.length, normal.length);
    const same =
      text === normal || (shorter >= 12 && (text.startsWith(normal) || normal.startsWith(text)));
    if (same && !found.some((m) => m.key === key)) found.push({ key });
  }
  return found;
}

/** How many of a row's cells name a column as titles. */
export function titleScore(cells: readonly string[]): number {
  let named = 0;
  for (const cell of cells) if (cell.trim() !== '' && titleMatches(cell).length > 0) named += 1;
  return named;
}

/** How many of a row's cells are questions of the template. */
function questionScore(cells: readonly string[]): number {
  let named = 0;
  for (const cell of cells) if (questionMatches(cell).length > 0) named += 1;
  return named;
}

/** Whether a row is the stage row: every filled cell "Stage 1" … "Stage 5". */
export function isStageRow(cells: readonly string[]): boolean {
  let stages = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '') continue;
    const stage = /^stage\s*(\d)\b/i.exec(text);
    if (stage === null || !valueMapStages.some((s) => String(s.stage) === stage[1])) return false;
    stages += 1;
  }
  return stages > 0;
}

/** The header found: its rows, and what each position of it holds. */
export interface ValueMapHeader {
  /** The index (in the grid's rows) of the title row, or of the question row when it is alone. */
  readonly index: number;
  /** The index of the question row under the titles, when there is one. */
  readonly questionIndex?: number;
  /** What the header is made of: titles, titles and the questions under them, or questions alone. */
  readonly kind: 'titles' | 'titles and questions' | 'questions';
  /** The layout column at each position (0-based), or `undefined`. */
  readonly columns: readonly (PlacedColumn | undefined)[];
  /** The header of each position as a message names it: the title, else the question. */
  readonly labels: readonly string[];
  /** Positions whose title names a column already placed, with the position placed first. */
  readonly repeated: readonly { readonly position: number; readonly first: number }[];
  /** How many columns it names, titles and questions together. */
  readonly score: number;
}

/** The fewest columns a header names. */
const MINIMUM_SCORE = 3;

/**
 * Finds the header in the first `limit` rows: the row whose titles name the most columns (with
 * the questions under it), or a row of questions alone; `undefined` when no row names at least
 * three columns.
 */
export function findHeader(rows: readonly GridRow[], limit = 100): ValueMapHeader | undefined {
  let best:
    | { index: number; kind: 'titles' | 'titles and questions' | 'questions'; score: number }
    | undefined;
  const end = Math.min(rows.length, limit);
  for (let index = 0; index < end; index += 1) {
    const cells = rows[index]?.cells ?? [];
    const titles = titleScore(cells);
    const below = rows[index + 1];
    const under = below === undefined ? 0 : questionScore(below.cells);
    const questions = questionScore(cells);
    // Titles win over questions alone; a question row under the titles is read with them.
    const candidates = [
      {
        kind: under >= 2 ? 'titles and questions' : 'titles',
        score: titles + (under >= 2 ? 0.5 : 0),
      },
      { kind: 'questions', score: questions - 0.25 },
    ] as const;
    for (const candidate of candidates) {
      if (best === undefined || candidate.score > best.score) best = { index, ...candidate };
    }
  }
  if (best === undefined || best.score < MINIMUM_SCORE) return undefined;
  const row = rows[best.index]?.cells ?? [];
  if (best.kind === 'questions') return placeColumns(best.index, best.kind, [], row);
  const questionRow = best.kind === 'titles' ? [] : (rows[best.index + 1]?.cells ?? []);
  return placeColumns(best.index, best.kind, row, questionRow);
}

function placeColumns(
  index: number,
  kind: ValueMapHeader['kind'],
  titleRow: readonly string[],
  questionRow: readonly string[],
): ValueMapHeader {
  const width = Math.max(titleRow.length, questionRow.length);
  const columns: (PlacedColumn | undefined)[] = [];
  const labels: string[] = [];
  const repeated: { position: number; first: number }[] = [];
  const placedAt = new Map<string, number>();
  let last: ValueMapColumnKey | undefined;
  for (let position = 0; position < width; position += 1) {
    const title = (titleRow[position] ?? '').trim();
    const question = (questionRow[position] ?? '').trim();
    labels.push(title !== '' ? title : question);
    const byTitle = title === '' ? [] : titleMatches(title);
    const byQuestion = question === '' ? [] : questionMatches(question);
    const both = byTitle.filter((m) =>
      byQuestion.some((q) => q.key === m.key && q.year === m.year),
    );
    const candidates =
      both.length > 0 ? both : byTitle.length > 0 ? byTitle : title === '' ? byQuestion : [];
    const free = candidates.filter((m) => !placedAt.has(placedName(m)));
    if (candidates.length > 0 && free.length === 0) {
      const first = placedAt.get(placedName(candidates[0] as PlacedColumn)) ?? 0;
      repeated.push({ position, first });
      columns.push(undefined);
      continue;
    }
    const chosen = free.length <= 1 ? free[0] : byPlace(free, last);
    columns.push(chosen);
    if (chosen !== undefined) {
      placedAt.set(placedName(chosen), position);
      last = chosen.key;
    }
  }
  const score = new Set(columns.filter((c) => c !== undefined).map(placedName)).size;
  return {
    index,
    ...(kind === 'titles and questions' ? { questionIndex: index + 1 } : {}),
    kind,
    columns,
    labels,
    repeated,
    score,
  };
}

/**
 * The column a repeated title names here, by its place: the evidence of the column before it,
 * else the first in the template's order after the column before it, else the first.
 */
function byPlace(free: readonly PlacedColumn[], last: ValueMapColumnKey | undefined): PlacedColumn {
  if (last !== undefined && free.every((m) => EVIDENCE_KEYS.has(m.key))) {
    const owner = EVIDENCE_AFTER[last];
    const found = free.find((m) => m.key === owner);
    if (found !== undefined) return found;
  }
  const after = last === undefined ? -1 : (ORDER.get(last) ?? -1);
  const sorted = [...free].sort((a, b) => (ORDER.get(a.key) ?? 0) - (ORDER.get(b.key) ?? 0));
  return sorted.find((m) => (ORDER.get(m.key) ?? 0) > after) ?? (sorted[0] as PlacedColumn);
}

/** A placed column's name: its key, and for a year column its year (`year 3`). */
export function placedName(column: PlacedColumn): string {
  return column.year === undefined ? column.key : `year ${column.year}`;
}
