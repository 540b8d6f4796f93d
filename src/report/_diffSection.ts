/** What changed between two versions of an analysis (`diffAnalyses`), as a report section. */
import { isFraction, isZero, parameterName } from './_reportFormat.js';
import { left, note, right } from './_sectionModel.js';
import type { ReportFormat } from './_reportFormat.js';
import type { Cell, Section } from './_sectionModel.js';
import type { AnalysisChange, AnalysisDiff, DiffValue } from '../review/diffAnalyses.js';

/** Names of the fields a change can be about, where the model's name is not plain English. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  quantityByYear: 'Quantity by year',
  start: 'Start year',
  'proxy.value': 'Financial proxy',
  'proxy.priceYear': 'Price year of the proxy',
  'proxy.description': 'Proxy description',
  'proxy.source': 'Proxy source',
  outcome: 'Outcome text',
  id: 'Id',
  value: 'Value',
  year: 'Year',
  kind: 'Kind',
  'discount.rate': 'Discount rate',
  'discount.rates': 'Discount rates',
  'discount.schedule': 'Discount schedule',
  'discount.timing': 'Discount timing',
  discount: 'Discount',
  priceYear: 'Price year',
  horizon: 'Horizon',
};

/** `outcomes["a"].proxy.value` → `{ row: 'outcomes', key: 'a', field: 'proxy.value' }`. */
function parsePath(path: string): { row?: string; key?: string; field: string } {
  const match = /^(stakeholders|inputs|outcomes)\[("(?:[^"\\]|\\.)*"|\d+)\](?:\.(.*))?$/.exec(path);
  if (match === null) return { field: path };
  const [, row = '', key = '', field = ''] = match;
  return { row, key: key.startsWith('"') ? (JSON.parse(key) as string) : key, field };
}

/** A field's name for people. */
function fieldName(field: string): string {
  if (field.startsWith('evidence.')) {
    return `Evidence for ${parameterName(field.slice('evidence.'.length)).toLowerCase()}`;
  }
  return FIELD_NAMES[field] ?? parameterName(field).replace(/^./, (c) => c.toUpperCase());
}

/** What a change is about, in words, and the path that names it exactly (for rows). */
function changeLabel(
  change: AnalysisChange,
  outcomeName: (id: string) => string | undefined,
): Cell {
  const { row, key, field } = parsePath(change.path);
  if (row === undefined) {
    return field === 'outcomes' || field === 'inputs' || field === 'stakeholders'
      ? `Order of the ${field}`
      : fieldName(field);
  }
  const noun = row === 'outcomes' ? 'outcome' : row === 'inputs' ? 'input' : 'stakeholder';
  if (field === '') {
    // The row's name is in the before or after column; an input's there is its value.
    const name = row === 'inputs' ? ` “${change.input ?? key ?? ''}”` : '';
    return note(`${change.change === 'added' ? 'Added' : 'Removed'} ${noun}${name}`, change.path);
  }
  const name =
    row === 'outcomes'
      ? ((change.outcome === undefined ? undefined : outcomeName(change.outcome)) ?? key)
      : row === 'inputs'
        ? (change.input ?? key)
        : key;
  return note(`${fieldName(field)} of ${noun} “${name ?? ''}”`, change.path);
}

/** A value before or after a change, formatted by the field it belongs to. */
function valueText(path: string, value: DiffValue, f: ReportFormat): string {
  if (value === null) return '—';
  const { row, field } = parsePath(path);
  const list = (values: readonly string[], format: (v: string) => string) =>
    values.map(format).join(' / ');
  if (Array.isArray(value)) {
    if (field === 'discount.rates') return list(value, (v) => f.assumption('discountRate', v));
    if (field === 'quantityByYear') return list(value, (v) => f.assumption('quantity', v));
    return value.join(', ');
  }
  const text = String(value);
  if (field === 'discount.rate') return f.assumption('discountRate', text);
  if (isFraction(field) && row === 'outcomes') return f.assumption(field, text);
  if (field === 'proxy.value' || (row === 'inputs' && (field === 'value' || field === ''))) {
    return f.money(text);
  }
  if (field === 'quantity') return f.assumption('quantity', text);
  if (field === 'duration' || field === 'horizon') return f.assumption('duration', text);
  if (field === 'start' || (row === 'inputs' && field === 'year')) return `year ${text}`;
  return text;
}

/** A ratio effect with its sign: `+0.16`, `−0.13`, `0.00`. */
function signed(text: string): string {
  if (text.startsWith('-')) return `−${text.slice(1)}`;
  return isZero(text.replace(/[^\d.]/g, '')) ? text : `+${text}`;
}

/**
 * The change from one version of an analysis to the next: the headline figures before and
 * after, and each change with its values and its effect on the ratio and present value, in the
 * order they were applied, with the whole change as the total.
 */
export function diffSection(
  id: string,
  heading: string,
  diff: AnalysisDiff,
  f: ReportFormat,
  outcomeName: (id: string) => string | undefined,
): Section {
  const { before, after } = diff;
  const ratio = (value: string | null) => (value === null ? 'undefined' : `${f.ratio(value)} : 1`);
  const effect = (value: string | null) => (value === null ? '—' : signed(f.ratio(value)));
  const money = (value: string | null) => (value === null ? '—' : signed(f.money(value)));
  const rows = diff.changes.map((change): Cell[] => [
    changeLabel(change, outcomeName),
    valueText(change.path, change.before, f),
    valueText(change.path, change.after, f),
    effect(change.ratioEffect),
    money(change.presentValueEffect),
  ]);
  return {
    id,
    heading,
    paragraphs: [
      `The SROI ratio moved from ${ratio(before.sroiRatio)} to ${ratio(after.sroiRatio)}${diff.ratioChange === null ? '' : ` (${effect(diff.ratioChange)})`}, and the present value from ${f.money(before.totalPresentValue)} to ${f.money(after.totalPresentValue)}.`,
      'Each change is applied in turn, in the order listed: the settings, then the inputs (those that raise the total before those that lower it), then the outcomes row by row. Its effect is the change in the ratio it makes on top of those above it, so the effects add up exactly to the whole change; rounded here, their sum may differ from it in the last place.',
      ...diff.notes.map((text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`),
    ],
    tables:
      rows.length === 0
        ? []
        : [
            {
              caption: 'Changes and their effects',
              columns: [
                left('Change'),
                left('Before'),
                left('After'),
                right('Effect on the ratio'),
                right('Effect on present value'),
              ],
              rows,
              total: [
                'Whole change',
                '',
                '',
                effect(diff.ratioChange),
                money(diff.presentValueChange),
              ],
            },
          ],
    ...(rows.length === 0 ? { after: ['Nothing changed.'] } : {}),
  };
}
