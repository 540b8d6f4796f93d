/**
 * A table of the document edited in place — the outcomes or the inputs — one row per row, one
 * text box per field, keyboard first: Tab moves along a row, ↑ and ↓ (and Enter) to the same
 * field of the row above or below, Alt+↑ and Alt+↓ move the row, and every row has buttons to
 * move it and remove it. Each problem is shown at its cell.
 *
 * Only the rows on the screen, and a few on either side of it, are drawn; the others are an empty
 * space of their height, so that opening or editing a long map costs what the screen shows, not
 * what the map holds (docs/app.md). The row with the keyboard focus stays drawn wherever the page
 * is scrolled, and a row the focus is sent to (`revealRow`) is drawn first. The table tells
 * screen readers how many rows it has and which each is (`aria-rowcount`, `aria-rowindex`).
 */
import { Component, h } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { rowsOf, valueAt } from './AnalysisDocument.js';
import { CellInput } from './CellInput.js';
import { cellId, fieldKey, rowId } from './issuePlaces.js';
import { focusPlace, focusSoon } from './focusSoon.js';
import { onRevealRow, revealRow } from './revealRow.js';
import type { AnalysisDocument, JsonValue, TableName } from './AnalysisDocument.js';
import type { Field } from './fields.js';
import type { WorkspaceAction } from './workspace.js';
import type { Issue } from '../model/SroiError.js';

export interface RowsTableProps {
  readonly table: TableName;
  readonly heading: string;
  /** What one row is, for labels: `outcome`, `input`. */
  readonly noun: string;
  readonly intro: string;
  readonly fields: readonly Field[];
  readonly document: AnalysisDocument;
  /** The document's problems in this table: row → field key (`proxy.value`, or `` for the row). */
  readonly issues: ReadonlyMap<number, ReadonlyMap<string, readonly Issue[]>>;
  readonly newRow: JsonValue;
  readonly dispatch: (action: WorkspaceAction) => void;
}

const NONE: readonly Issue[] = [];
const NO_ROW_ISSUES: ReadonlyMap<string, readonly Issue[]> = new Map();

/** Rows drawn beyond each edge of the screen, so that scrolling or Tab never meets a gap. */
const OVERSCAN = 10;
/** How many more rows than needed may stay drawn before the drawn rows are cut back. */
const SLACK = 30;
/** A row's height in pixels until one is measured (one line of text boxes). */
const ROW_HEIGHT = 37;

/** The rows drawn: the first and the last of a run (`last` < `first` for none). */
interface Span {
  readonly first: number;
  readonly last: number;
}

/**
 * The rows to draw: the run near the screen, and the rows that must stay drawn wherever they are
 * (the focused one, the one asked for), in order.
 *
 * @example
 * drawnRows({ first: 0, last: 2 }, 10, [7, undefined, 1]);
 * //=> [0, 1, 2, 7]
 */
export function drawnRows(
  span: Span,
  count: number,
  kept: readonly (number | undefined)[],
): number[] {
  const rows = new Set<number>();
  for (let i = Math.max(0, span.first); i <= Math.min(span.last, count - 1); i++) rows.add(i);
  for (const row of kept) if (row !== undefined && row >= 0 && row < count) rows.add(row);
  return [...rows].sort((a, b) => a - b);
}

/**
 * The run of rows to draw for the screen, from where the table's body is (`top`, its distance
 * from the top of the screen, in pixels), the screen's height and a row's height: the run drawn
 * now when it covers the screen and is not much longer than needed, else the rows on the screen
 * and `OVERSCAN` more on either side.
 *
 * @example
 * // 100 rows of 40 px, the body starting 400 px below the top of an 800 px screen: rows 0–9 show
 * [drawnSpan({ first: 0, last: -1 }, 100, 400, 800, 40), drawnSpan({ first: 0, last: 40 }, 100, 400, 800, 40)];
 * //=> [{ first: 0, last: 19 }, { first: 0, last: 40 }]
 */
export function drawnSpan(
  now: Span,
  count: number,
  top: number,
  screen: number,
  rowHeight: number,
): Span {
  if (count === 0) return now.last < now.first ? now : { first: 0, last: -1 };
  const clamp = (row: number) => Math.max(0, Math.min(count - 1, row));
  const first = clamp(Math.floor(-top / rowHeight));
  const last = clamp(Math.ceil((screen - top) / rowHeight) - 1);
  const covers = now.first <= first && now.last >= last;
  const wanted = { first: clamp(first - OVERSCAN), last: clamp(last + OVERSCAN) };
  const extra = now.last - now.first - (wanted.last - wanted.first);
  return covers && extra <= SLACK ? now : wanted;
}

export function RowsTable(props: RowsTableProps) {
  const { table, heading, noun, intro, fields, document, dispatch } = props;
  const rows = rowsOf(document, table);
  const count = rows.length;
  const headingId = `${table}-heading`;
  // None drawn until the table is measured (once, before the page is painted).
  const [span, setSpan] = useState<Span>({ first: 0, last: -1 });
  const [revealed, setRevealed] = useState<number | undefined>(undefined);
  const body = useRef<HTMLTableSectionElement | null>(null);
  const focused = useRef<number | undefined>(undefined);
  const rowHeight = useRef(ROW_HEIGHT);
  const measured = useRef<{ count: number; rows: boolean } | undefined>(undefined);

  /** Measures where the table is on the screen and draws the rows it shows. */
  const measure = () => {
    const tbody = body.current;
    if (tbody === null) return;
    const drawn = tbody.querySelectorAll<HTMLElement>(':scope > tr[data-row]');
    let total = 0;
    for (let i = 0; i < drawn.length; i++) total += drawn[i]?.offsetHeight ?? 0;
    if (total > 0) rowHeight.current = total / drawn.length;
    measured.current = { count, rows: total > 0 };
    const top = tbody.getBoundingClientRect().top;
    setSpan((now) => drawnSpan(now, count, top, window.innerHeight, rowHeight.current));
  };
  // Measured when first drawn, when the number of rows changes, and once rows have a height.
  useLayoutEffect(() => {
    const last = measured.current;
    if (last === undefined || last.count !== count || (!last.rows && count > 0)) measure();
  });
  // …and as the page scrolls or the window changes size, once a frame at most.
  const latest = useRef(measure);
  latest.current = measure;
  useEffect(() => {
    let frame = 0;
    const soon = () => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          latest.current();
        });
    };
    window.addEventListener('scroll', soon, { passive: true });
    window.addEventListener('resize', soon);
    return () => {
      window.removeEventListener('scroll', soon);
      window.removeEventListener('resize', soon);
      cancelAnimationFrame(frame);
    };
  }, []);
  useEffect(() => onRevealRow(table, setRevealed), [table]);

  const add = () => {
    dispatch({ type: 'insertRow', table, at: count, row: props.newRow });
    const first = fields[0];
    if (first !== undefined) focusPlace({ kind: 'cell', table, row: count, field: first });
  };
  const gap = (from: number, to: number) =>
    to <= from
      ? null
      : h(
          'tr',
          { key: `gap-${from}`, class: 'gap', 'aria-hidden': 'true' },
          h('td', {
            colSpan: fields.length + 2,
            style: { height: `${(to - from) * rowHeight.current}px` },
          }),
        );
  const children = [];
  let next = 0;
  for (const index of drawnRows(span, count, [focused.current, revealed])) {
    children.push(gap(next, index));
    children.push(
      h(RowView, {
        key: index,
        table,
        noun,
        index,
        count,
        row: rows[index] ?? null,
        fields,
        issues: props.issues.get(index) ?? NO_ROW_ISSUES,
        dispatch,
      }),
    );
    next = index + 1;
  }
  children.push(gap(next, count));
  return h(
    'section',
    { id: table, class: 'panel', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, heading),
    h('p', { class: 'hint' }, intro),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'grid', 'aria-rowcount': count + 1 },
        h('caption', { class: 'visually-hidden' }, `${heading}: one row per ${noun}`),
        h(
          'thead',
          null,
          h(
            'tr',
            { 'aria-rowindex': 1 },
            h('th', { scope: 'col', class: 'row-number' }, 'No.'),
            h('th', { scope: 'col' }, 'Row'),
            fields.map((field) => h('th', { scope: 'col', key: fieldKey(field) }, field.label)),
          ),
        ),
        h(
          'tbody',
          {
            ref: body,
            onFocusIn: (event: FocusEvent) => {
              const row = (event.target as HTMLElement).closest('tr')?.dataset['row'];
              if (row !== undefined) focused.current = Number(row);
            },
          },
          children,
        ),
      ),
    ),
    h(
      'p',
      { class: 'table-actions' },
      h('button', { type: 'button', onClick: add }, `Add ${article(noun)} ${noun}`),
      count === 0 ? h('span', { class: 'hint' }, ` No ${noun}s yet.`) : null,
    ),
  );
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}

interface RowViewProps {
  readonly table: TableName;
  readonly noun: string;
  readonly index: number;
  readonly count: number;
  readonly row: JsonValue;
  readonly fields: readonly Field[];
  readonly issues: ReadonlyMap<string, readonly Issue[]>;
  readonly dispatch: (action: WorkspaceAction) => void;
}

/** One row; it renders again only when its row, its place or its problems change. */
class RowView extends Component<RowViewProps> {
  override shouldComponentUpdate(next: RowViewProps): boolean {
    const now = this.props;
    return (
      next.row !== now.row ||
      next.index !== now.index ||
      next.count !== now.count ||
      next.issues !== now.issues ||
      next.fields !== now.fields
    );
  }

  private move(to: number, field: Field | undefined, control?: string): void {
    const { table, index, count, dispatch } = this.props;
    if (to < 0 || to >= count) return;
    dispatch({ type: 'moveRow', table, from: index, to });
    revealRow(table, to);
    focusSoon(
      control === undefined && field !== undefined
        ? cellId(table, to, field)
        : `${rowId(table, to)}-${control ?? ''}`,
    );
  }

  private keyDown(event: KeyboardEvent, field: Field): void {
    const { table, index, count } = this.props;
    const step =
      event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' || event.key === 'Enter' ? 1 : 0;
    if (step === 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    if (event.altKey) {
      if (event.key !== 'Enter') this.move(index + step, field);
      return;
    }
    const to = index + step;
    if (to >= 0 && to < count) focusPlace({ kind: 'cell', table, row: to, field });
  }

  override render() {
    const { table, noun, index, count, row, fields, issues, dispatch } = this.props;
    const number = index + 1;
    const title = rowTitle(row, noun, number);
    const rowIssues = issues.get('') ?? NONE;
    const header = rowId(table, index);
    return h(
      'tr',
      {
        class: rowIssues.length > 0 ? 'row-invalid' : undefined,
        'data-row': index,
        'aria-rowindex': index + 2,
      },
      h(
        'th',
        {
          scope: 'row',
          id: header,
          class: 'row-number',
          tabIndex: rowIssues.length > 0 ? -1 : undefined,
        },
        String(number),
        rowIssues.length > 0
          ? h(
              'ul',
              { class: 'field-problems' },
              rowIssues.map((issue, i) => h('li', { key: i }, issue.message)),
            )
          : null,
      ),
      h(
        'td',
        { class: 'row-actions' },
        h(
          'button',
          {
            type: 'button',
            id: `${header}-up`,
            'aria-label': `Move ${title} up`,
            title: 'Move up (Alt+↑)',
            disabled: index === 0,
            onClick: () => this.move(index - 1, undefined, 'up'),
          },
          '↑',
        ),
        h(
          'button',
          {
            type: 'button',
            id: `${header}-down`,
            'aria-label': `Move ${title} down`,
            title: 'Move down (Alt+↓)',
            disabled: index === count - 1,
            onClick: () => this.move(index + 1, undefined, 'down'),
          },
          '↓',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'remove',
            'aria-label': `Remove ${title}`,
            title: 'Remove this row (Undo brings it back)',
            onClick: () => {
              dispatch({ type: 'removeRow', table, at: index });
              if (index < count - 1) revealRow(table, index);
              focusSoon(index < count - 1 ? `${rowId(table, index)}-remove` : `${table}-heading`);
            },
            id: `${header}-remove`,
          },
          'Remove',
        ),
      ),
      fields.map((field) => {
        const key = fieldKey(field);
        const path = [table, index, ...field.path];
        return h(
          'td',
          { key },
          h(CellInput, {
            id: cellId(table, index, field),
            label: `${field.label}, ${title}`,
            kind: field.kind,
            value: valueAt(row, field.path),
            placeholder: field.placeholder,
            issues: issues.get(key) ?? NONE,
            width: field.width,
            onChange: (value) =>
              dispatch({ type: 'edit', path, value, typing: key + String(index) }),
            onDone: () => dispatch({ type: 'endTyping' }),
            onKeyDown: (event) => this.keyDown(event, field),
          }),
        );
      }),
    );
  }
}

/** A row as a screen reader names it: `outcome 2 (Feel less isolated)`. */
function rowTitle(row: JsonValue, noun: string, number: number): string {
  const name = valueAt(row, [noun === 'outcome' ? 'outcome' : 'description']);
  return typeof name === 'string' && name.trim() !== ''
    ? `${noun} ${number} (${name.trim()})`
    : `${noun} ${number}`;
}
