/**
 * What the editor shows: each editable field of an outcome, an input and the settings, the
 * place in the document it edits, and how typed text is stored. The rules of each field are the
 * library's (`safeParseAnalysis` reports every problem); nothing here checks a value. The field
 * names are the model's (docs/model.md); the labels are the Value Map's words.
 */
import type { DocumentPath, JsonValue } from './AnalysisDocument.js';
import type { EvidenceTopic } from '../model/analysis.js';

/** How a field's text is stored in the document. */
export type FieldKind =
  /** Free text. */
  | 'text'
  /** Money or a quantity: stored as typed (`"£1,200"`, `"(300)"`), read exactly by the library. */
  | 'number'
  /** A fraction: stored as typed (`"25%"`, `"0.25"`). */
  | 'fraction'
  /** A whole number of years: stored as a JSON number when it is one, else as typed. */
  | 'whole'
  /** A price year: `2023` as a number, `"2023-24"` as text. */
  | 'priceYear'
  /** A list of quantities, typed separated by `;` (`"40; 30; 20"`). */
  | 'list';

/** One editable field. */
export interface Field {
  /** Where the field is within its row (or within the document, for settings). */
  readonly path: DocumentPath;
  readonly label: string;
  readonly kind: FieldKind;
  /** Shown in an empty cell: the default, or an example of the form. */
  readonly placeholder?: string;
  /** Column width class. */
  readonly width: 'narrow' | 'medium' | 'wide';
}

/** The assumptions evidence can be recorded for (`Evidence`), in the row's order. */
const evidenceTopics: readonly (readonly [EvidenceTopic, string])[] = [
  ['quantity', 'quantity'],
  ['duration', 'duration'],
  ['deadweight', 'deadweight'],
  ['displacement', 'displacement'],
  ['attribution', 'attribution'],
  ['leakage', 'leakage'],
  ['dropOff', 'drop-off'],
];

/** The fields of an outcome row, in the Value Map's order, then the evidence of each assumption. */
export const outcomeFields: readonly Field[] = [
  { path: ['id'], label: 'Id', kind: 'text', width: 'medium', placeholder: 'o1, o2, …' },
  { path: ['stakeholder'], label: 'Stakeholder', kind: 'text', width: 'medium' },
  { path: ['output'], label: 'Outputs', kind: 'text', width: 'wide' },
  { path: ['outcome'], label: 'Outcome', kind: 'text', width: 'wide' },
  { path: ['indicator'], label: 'Indicator', kind: 'text', width: 'wide' },
  { path: ['category'], label: 'Category', kind: 'text', width: 'medium', placeholder: 'social' },
  { path: ['quantity'], label: 'Quantity', kind: 'number', width: 'narrow' },
  {
    path: ['quantityByYear'],
    label: 'Quantity by year',
    kind: 'list',
    width: 'medium',
    placeholder: '40; 30; 20',
  },
  { path: ['proxy', 'description'], label: 'Financial proxy', kind: 'text', width: 'wide' },
  { path: ['proxy', 'value'], label: 'Proxy value', kind: 'number', width: 'narrow' },
  { path: ['proxy', 'source'], label: 'Proxy source', kind: 'text', width: 'wide' },
  {
    path: ['proxy', 'priceYear'],
    label: 'Proxy price year',
    kind: 'priceYear',
    width: 'narrow',
    placeholder: '2023-24',
  },
  { path: ['duration'], label: 'Duration (years)', kind: 'whole', width: 'narrow' },
  { path: ['start'], label: 'Start year', kind: 'whole', width: 'narrow', placeholder: '1' },
  {
    path: ['deadweight'],
    label: 'Deadweight',
    kind: 'fraction',
    width: 'narrow',
    placeholder: '0%',
  },
  {
    path: ['displacement'],
    label: 'Displacement',
    kind: 'fraction',
    width: 'narrow',
    placeholder: '0%',
  },
  {
    path: ['attribution'],
    label: 'Attribution',
    kind: 'fraction',
    width: 'narrow',
    placeholder: '0%',
  },
  { path: ['leakage'], label: 'Leakage', kind: 'fraction', width: 'narrow', placeholder: '0%' },
  { path: ['dropOff'], label: 'Drop-off', kind: 'fraction', width: 'narrow', placeholder: '0%' },
  ...evidenceTopics.map(([topic, label]): Field => ({
    path: ['evidence', topic],
    label: `Evidence: ${label}`,
    kind: 'text',
    width: 'wide',
  })),
];

/** The fields of an input row. */
export const inputFields: readonly Field[] = [
  { path: ['stakeholder'], label: 'Stakeholder', kind: 'text', width: 'medium' },
  { path: ['description'], label: 'Input', kind: 'text', width: 'wide' },
  { path: ['kind'], label: 'Kind', kind: 'text', width: 'medium', placeholder: 'cash, in-kind' },
  { path: ['value'], label: 'Value', kind: 'number', width: 'narrow' },
  { path: ['year'], label: 'Year', kind: 'whole', width: 'narrow', placeholder: '0' },
];

/** The plain settings, the analysis's metadata among them (the discount has its own control). */
export const settingsFields: readonly Field[] = [
  { path: ['name'], label: 'Name of the analysis', kind: 'text', width: 'wide' },
  { path: ['organisation'], label: 'Organisation', kind: 'text', width: 'wide' },
  { path: ['author'], label: 'Author', kind: 'text', width: 'medium' },
  {
    path: ['period'],
    label: 'Period',
    kind: 'text',
    width: 'medium',
    placeholder: 'April 2023 – March 2024',
  },
  {
    path: ['kind'],
    label: 'Forecast or evaluative',
    kind: 'text',
    width: 'medium',
    placeholder: 'forecast, evaluative',
  },
  { path: ['date'], label: 'Date', kind: 'text', width: 'medium', placeholder: '2024-05-01' },
  { path: ['description'], label: 'Description', kind: 'text', width: 'wide' },
  { path: ['currency'], label: 'Currency', kind: 'text', width: 'narrow', placeholder: 'GBP' },
  {
    path: ['priceYear'],
    label: 'Price year',
    kind: 'priceYear',
    width: 'narrow',
    placeholder: '2023-24',
  },
  {
    path: ['horizon'],
    label: 'Horizon (last year valued)',
    kind: 'whole',
    width: 'narrow',
    placeholder: 'last year with value',
  },
];

/**
 * The document's value for text typed in a field: `undefined` for an empty field (the key is
 * removed and the default applies), a JSON number for a whole number or a calendar price year,
 * a list for a list field, and otherwise the text as typed, for the library to read and judge.
 *
 * @example
 * [storedValue('whole', '3'), storedValue('fraction', '25%'), storedValue('list', '40; 30'), storedValue('text', '')];
 * //=> [3, '25%', ['40', '30'], undefined]
 */
export function storedValue(kind: FieldKind, text: string): JsonValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if ((kind === 'whole' || kind === 'priceYear') && /^\d{1,9}$/.test(trimmed)) {
    return Number(trimmed);
  }
  if (kind === 'list') return trimmed.split(/\s*[;|]\s*/);
  return kind === 'text' ? text : trimmed;
}

/**
 * A document value as the text of its field.
 *
 * @example
 * [shownValue(3), shownValue(['40', '30']), shownValue(undefined), shownValue('25%')];
 * //=> ['3', '40; 30', '', '25%']
 */
export function shownValue(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => shownValue(item as JsonValue)).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
