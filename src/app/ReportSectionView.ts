/**
 * One section of the report (`reportSections`, the content `sroi report` renders) shown in the
 * app: its chart, drawn by the report's own SVG functions, and its tables, folded under the
 * chart. The figures are the report's, rounded as the report rounds them.
 */
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { chartSvg } from '../report/charts/chartSvg.js';
import type { Cell, Section, Table } from '../report/_reportSections.js';

function cellView(cell: Cell) {
  if (typeof cell === 'string') return cell;
  return [cell.text, cell.note === undefined ? null : h('span', { class: 'note' }, cell.note)];
}

function TableView({ table }: { readonly table: Table }) {
  const align = (i: number) => (table.columns[i]?.align === 'right' ? 'num' : undefined);
  const row = (cells: readonly Cell[], key: number) =>
    h(
      'tr',
      { key },
      table.columns.map((_, i) => h('td', { key: i, class: align(i) }, cellView(cells[i] ?? ''))),
    );
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'figures-table' },
      h('caption', null, table.caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          table.columns.map((c, i) => h('th', { key: i, scope: 'col', class: align(i) }, c.label)),
        ),
      ),
      h(
        'tbody',
        null,
        table.rows.map((cells, i) => row(cells, i)),
      ),
      table.total === undefined ? null : h('tfoot', null, row(table.total, 0)),
    ),
  );
}

/**
 * Tables folded under their summary, drawn only while unfolded: the figures of a chart change
 * with every edit, and tables nobody has opened are not worth drawing each time.
 */
function FoldedTables({
  tables,
  summary,
}: {
  readonly tables: readonly Table[];
  readonly summary: string;
}) {
  const [open, setOpen] = useState(false);
  return h(
    'details',
    {
      class: 'section-tables',
      open,
      onToggle: (event: Event) => setOpen((event.currentTarget as HTMLDetailsElement).open),
    },
    h('summary', null, summary),
    open ? tables.map((table, i) => h(TableView, { key: i, table })) : null,
  );
}

export interface ReportSectionViewProps {
  readonly section: Section;
  /** The heading level in the app's outline. */
  readonly level: 'h2' | 'h3';
  /** Show the section's paragraphs (the report's explanations), before and after its tables. */
  readonly paragraphs?: boolean;
  /** Show the tables unfolded (they are the section's content, not the figures of a chart). */
  readonly tablesOpen?: boolean;
}

export function ReportSectionView({
  section,
  level,
  paragraphs,
  tablesOpen,
}: ReportSectionViewProps) {
  const headingId = `report-${section.id}`;
  return h(
    'section',
    { class: `report-section report-${section.id}`, 'aria-labelledby': headingId },
    h(level, { id: headingId }, section.heading),
    paragraphs === true
      ? section.paragraphs.map((p, i) => h('p', { key: i, class: 'hint' }, p))
      : null,
    section.chart === undefined
      ? null
      : h('figure', {
          class: 'chart',
          dangerouslySetInnerHTML: { __html: chartSvg(section.chart) },
        }),
    section.tables.length === 0
      ? null
      : tablesOpen === true
        ? section.tables.map((table, i) => h(TableView, { key: i, table }))
        : h(FoldedTables, {
            tables: section.tables,
            summary: section.chart === undefined ? 'Tables' : 'The figures as a table',
          }),
    paragraphs === true
      ? (section.after ?? []).map((p, i) => h('p', { key: `after-${i}`, class: 'hint' }, p))
      : null,
  );
}
