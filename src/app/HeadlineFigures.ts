/**
 * The headline figures, live: each in an element whose `data-figure` is the name of its field
 * in the result (docs/model.md), showing it exactly as the report shows it (`reportSections`'
 * headline, rounded by `src/report/round.ts`), and the result's warnings. With problems in the
 * map there are no figures, and the panel says how many problems stand in the way.
 */
import { h } from 'preact';
import type { Report } from '../report/_reportSections.js';
import type { ResultWarning, SroiResult } from '../model/result.js';

/** The result field behind each of the report's headline figures, by the report's label. */
const FIGURE_FIELDS: Readonly<Record<string, keyof SroiResult>> = {
  'SROI ratio': 'sroiRatio',
  'Total present value': 'totalPresentValue',
  'Total inputs': 'totalInputs',
  'Net present value': 'netPresentValue',
  'Net SROI ratio': 'netSroiRatio',
  Payback: 'paybackMonths',
  'Break-even year': 'breakEvenYear',
};

/** The labels of the figures, in order, for the panel shown while there are no figures. */
const LABELS = Object.keys(FIGURE_FIELDS);

export interface HeadlineFiguresProps {
  readonly report: Report | undefined;
  readonly warnings: readonly ResultWarning[];
  /** Problems that stop the map being calculated (0 when it is). */
  readonly problems: number;
}

export function HeadlineFigures({ report, warnings, problems }: HeadlineFiguresProps) {
  const figures = report?.headline.figures ?? LABELS.map((label) => ({ label, value: '—' }));
  return h(
    'section',
    { id: 'figures', class: 'panel headline', 'aria-labelledby': 'figures-heading' },
    h('h2', { id: 'figures-heading' }, 'Figures'),
    report === undefined
      ? h(
          'p',
          { class: 'stale', role: 'status' },
          `No figures: ${problems} problem${problems === 1 ? '' : 's'} to fix first (listed under Problems).`,
        )
      : h('p', { class: 'ratio-sentence' }, report.headline.sentence),
    h(
      'dl',
      { class: 'figures' },
      figures.map((figure) =>
        h(
          'div',
          {
            key: figure.label,
            class: figure.label === 'SROI ratio' ? 'figure figure-ratio' : 'figure',
          },
          h('dt', null, figure.label),
          h('dd', { 'data-figure': FIGURE_FIELDS[figure.label] }, figure.value),
        ),
      ),
    ),
    warnings.length === 0
      ? null
      : h(
          'div',
          { class: 'warnings' },
          h('h3', null, 'Read with care'),
          h(
            'ul',
            null,
            warnings.map((w, i) => h('li', { key: i, 'data-warning': w.code }, w.message)),
          ),
        ),
  );
}
