/**
 * The analysis's settings: its name, description, currency, price year and horizon, and how it
 * is discounted — a flat rate, a rate for each year, or a Green Book schedule — with the timing
 * of flows within a year (docs/method.md). Each problem is shown at its control.
 */
import { h } from 'preact';
import { discountScheduleNames } from '../calc/greenBookSchedules.js';
import { valueAt } from './AnalysisDocument.js';
import { CellInput } from './CellInput.js';
import { settingId } from './issuePlaces.js';
import { settingsFields, shownValue } from './fields.js';
import type { AnalysisDocument, JsonValue } from './AnalysisDocument.js';
import type { WorkspaceAction } from './workspace.js';
import type { Issue } from '../model/SroiError.js';

export interface SettingsPanelProps {
  readonly document: AnalysisDocument;
  readonly issues: ReadonlyMap<string, readonly Issue[]>;
  readonly dispatch: (action: WorkspaceAction) => void;
}

const NONE: readonly Issue[] = [];

type DiscountKind = 'rate' | 'rates' | 'schedule';

const KINDS: readonly { readonly kind: DiscountKind; readonly label: string }[] = [
  { kind: 'rate', label: 'One rate every year' },
  { kind: 'rates', label: 'A rate for each year' },
  { kind: 'schedule', label: 'A Green Book schedule' },
];

const TIMINGS = [
  { timing: 'end', label: 'End of each year (the Value Map, Excel NPV)' },
  { timing: 'start', label: 'Start of each year' },
  { timing: 'mid', label: 'Middle of each year' },
] as const;

/** The discount object as the document has it (an empty one when it has none). */
function discountOf(document: AnalysisDocument): Readonly<Record<string, JsonValue>> {
  const discount = document['discount'];
  return discount !== null && typeof discount === 'object' && !Array.isArray(discount)
    ? (discount as Readonly<Record<string, JsonValue>>)
    : {};
}

export function SettingsPanel({ document, issues, dispatch }: SettingsPanelProps) {
  const edit = (path: readonly (string | number)[], value: JsonValue | undefined) =>
    dispatch({ type: 'edit', path, value, typing: path.join('.') });
  const done = () => dispatch({ type: 'endTyping' });
  const discount = discountOf(document);
  const kind: DiscountKind =
    'rates' in discount ? 'rates' : 'schedule' in discount ? 'schedule' : 'rate';
  const setDiscount = (next: Record<string, JsonValue>) =>
    dispatch({ type: 'edit', path: ['discount'], value: next });
  const timing = typeof discount['timing'] === 'string' ? discount['timing'] : 'end';
  const discountIssues = issues.get('discount') ?? NONE;
  const changeKind = (to: DiscountKind) => {
    const rest = Object.fromEntries(
      Object.entries(discount).filter(
        ([key]) => key !== 'rate' && key !== 'rates' && key !== 'schedule',
      ),
    );
    const start: Record<DiscountKind, JsonValue> = {
      rate: '3.5%',
      rates: ['3.5%'],
      schedule: 'green-book',
    };
    setDiscount({ ...rest, [to]: start[to] });
  };
  return h(
    'section',
    { id: 'settings', class: 'panel', 'aria-labelledby': 'settings-heading' },
    h('h2', { id: 'settings-heading' }, 'Settings'),
    h(
      'div',
      { class: 'settings-grid' },
      settingsFields.map((field) => {
        const key = String(field.path[0]);
        return h(CellInput, {
          key,
          id: settingId(key),
          label: field.label,
          visibleLabel: true,
          kind: field.kind,
          value: valueAt(document, field.path),
          placeholder: field.placeholder,
          issues: issues.get(key) ?? NONE,
          width: field.width,
          onChange: (value) => edit(field.path, value),
          onDone: done,
        });
      }),
    ),
    h(
      'fieldset',
      { class: discountIssues.length > 0 ? 'discount field-invalid' : 'discount' },
      h('legend', null, 'Discounting'),
      h(
        'div',
        { class: 'settings-grid' },
        h(
          'div',
          { class: 'field' },
          h('label', { htmlFor: settingId('discount') }, 'Discount rate'),
          h(
            'select',
            {
              id: settingId('discount'),
              value: kind,
              'aria-invalid': discountIssues.length > 0 ? 'true' : undefined,
              'aria-describedby': discountIssues.length > 0 ? 'discount-problems' : undefined,
              onChange: (event: Event) =>
                changeKind((event.currentTarget as HTMLSelectElement).value as DiscountKind),
            },
            KINDS.map((k) => h('option', { key: k.kind, value: k.kind }, k.label)),
          ),
        ),
        kind === 'schedule'
          ? h(
              'div',
              { class: 'field' },
              h('label', { htmlFor: 'discount-schedule' }, 'Schedule'),
              h(
                'select',
                {
                  id: 'discount-schedule',
                  value: shownValue(discount['schedule']),
                  onChange: (event: Event) =>
                    setDiscount({
                      ...discount,
                      schedule: (event.currentTarget as HTMLSelectElement).value,
                    }),
                },
                discountScheduleNames.map((name) => h('option', { key: name, value: name }, name)),
              ),
            )
          : h(CellInput, {
              id: 'discount-value',
              label: kind === 'rate' ? 'Rate' : 'Rates, year 1; year 2; … (the last continues)',
              visibleLabel: true,
              kind: kind === 'rate' ? 'fraction' : 'list',
              value: discount[kind],
              placeholder: kind === 'rate' ? '3.5%' : '3.5%; 3%',
              issues: NONE,
              width: 'medium',
              onChange: (value) => edit(['discount', kind], value),
              onDone: done,
            }),
        h(
          'div',
          { class: 'field' },
          h('label', { htmlFor: 'discount-timing' }, 'Flows arrive at the'),
          h(
            'select',
            {
              id: 'discount-timing',
              value: timing,
              onChange: (event: Event) =>
                setDiscount({
                  ...discount,
                  timing: (event.currentTarget as HTMLSelectElement).value,
                }),
            },
            TIMINGS.map((t) => h('option', { key: t.timing, value: t.timing }, t.label)),
          ),
        ),
      ),
      discountIssues.length > 0
        ? h(
            'ul',
            { id: 'discount-problems', class: 'field-problems' },
            discountIssues.map((issue, i) => h('li', { key: i }, issue.message)),
          )
        : null,
    ),
  );
}
