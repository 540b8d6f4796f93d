/**
 * A table of the document edited in place — the outcomes or the inputs — one row per row, one
 * text box per field, keyboard first: Tab moves along a row, ↑ and ↓ (and Enter) to the same
 * field of the row above or below, Alt+↑ and Alt+↓ move the row, and every row has buttons to
 * move it and remove it. Each problem is shown at its cell.
 */
import { Component, h } from 'preact';
import { rowsOf, valueAt } from './AnalysisDocument.js';
import { CellInput } from './CellInput.js';
import { cellId, fieldKey, rowId } from './issuePlaces.js';
import { focusSoon } from './focusSoon.js';
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

export function RowsTable(props: RowsTableProps) {
  const { table, heading, noun, intro, fields, document, dispatch } = props;
  const rows = rowsOf(document, table);
  const headingId = `${table}-heading`;
  const add = () => {
    dispatch({ type: 'insertRow', table, at: rows.length, row: props.newRow });
    const first = fields[0];
    if (first !== undefined) focusSoon(cellId(table, rows.length, first));
  };
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
        { class: 'grid' },
        h('caption', { class: 'visually-hidden' }, `${heading}: one row per ${noun}`),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col', class: 'row-number' }, 'No.'),
            h('th', { scope: 'col' }, 'Row'),
            fields.map((field) => h('th', { scope: 'col', key: fieldKey(field) }, field.label)),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((row, index) =>
            h(RowView, {
              key: index,
              table,
              noun,
              index,
              count: rows.length,
              row,
              fields,
              issues: props.issues.get(index) ?? NO_ROW_ISSUES,
              dispatch,
            }),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'table-actions' },
      h('button', { type: 'button', onClick: add }, `Add ${article(noun)} ${noun}`),
      rows.length === 0 ? h('span', { class: 'hint' }, ` No ${noun}s yet.`) : null,
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
    if (to >= 0 && to < count) focusSoon(cellId(table, to, field));
  }

  override render() {
    const { table, noun, index, count, row, fields, issues, dispatch } = this.props;
    const number = index + 1;
    const title = rowTitle(row, noun, number);
    const rowIssues = issues.get('') ?? NONE;
    const header = rowId(table, index);
    return h(
      'tr',
      { class: rowIssues.length > 0 ? 'row-invalid' : undefined },
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
