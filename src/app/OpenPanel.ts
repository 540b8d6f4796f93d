/**
 * Opening a map: a file picker that takes several files at once, the same by dragging files onto
 * the page, the included example, or a blank map. After opening files it says what was read —
 * each table's row accounting (rows read, used and rejected, as `sroi validate` counts them; a
 * Value Map's outcome rows and input rows), the reader's notes and warnings and every problem
 * with the CLI's message (a Value Map's at its cell, `'Value Map'!C12`), a CSV table's problems
 * shown also at their cells of the file.
 */
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { csvTableKind } from './csvTableKind.js';
import { csvProblems } from './csvProblems.js';
import { dropBox, FilePicker } from './FilePicker.js';
import { ProblemList } from './ProblemList.js';
import { formatNote } from './openFiles.js';
import type { OpenedFiles } from './openFiles.js';
import type { TableProblems } from './csvProblems.js';

export interface OpenPanelProps {
  readonly opened: OpenedFiles | undefined;
  readonly onFiles: (files: readonly File[]) => void;
  readonly onExample: () => void;
  readonly onBlank: () => void;
  /** Fold the panel to one line once a map is open. */
  readonly compact: boolean;
}

export function OpenPanel({ opened, onFiles, onExample, onBlank, compact }: OpenPanelProps) {
  const [dragging, setDragging] = useState(false);
  return h(
    'section',
    {
      id: 'open',
      class: `panel open${dragging ? ' dragging' : ''}${compact ? ' compact' : ''}`,
      'aria-labelledby': 'open-heading',
      ...dropBox(onFiles, setDragging),
    },
    h('h2', { id: 'open-heading' }, compact ? 'Open another map' : 'Open your impact map'),
    compact
      ? null
      : h(
          'p',
          null,
          'Choose or drop your Value Map as it is (the .xlsx workbook, or the sheet saved as CSV), an analysis file (.json, as sroi reads it) or your CSV tables: the outcomes table, with the inputs table if you have one. Select both at once; the app tells them apart by their headers.',
        ),
    h(
      'div',
      { class: 'open-actions' },
      h(FilePicker, { id: 'open-files', label: 'Files to open', onFiles }),
      h('p', { class: 'drop-hint', 'aria-hidden': 'true' }, '…or drop them anywhere in this box.'),
      h('button', { type: 'button', onClick: onExample }, 'Open the included example'),
      h('button', { type: 'button', onClick: onBlank }, 'Start a blank map'),
    ),
    opened === undefined ? null : h(OpenReport, { opened }),
  );
}

function OpenReport({ opened }: { readonly opened: OpenedFiles }) {
  const failed = opened.document === undefined;
  const placed: TableProblems[] = [];
  for (const [file, text] of opened.csvTexts) {
    const problems = csvProblems(text, file, csvTableKind(text, file), opened.issues);
    if (problems !== undefined) placed.push(problems);
  }
  // A Value Map holds both tables on one sheet: each line says which rows it counts.
  const [first, second] = opened.tables;
  const oneSheet = second !== undefined && first?.file === second.file;
  return h(
    'div',
    { class: 'open-report' },
    h(
      'h3',
      { id: 'open-report-heading' },
      failed ? `Could not open ${opened.source}` : `Opened ${opened.source}`,
    ),
    h(
      'p',
      { class: 'visually-hidden', role: 'status' },
      `${failed ? 'Could not open' : 'Opened'} ${opened.source}: ${opened.issues.length} problem${opened.issues.length === 1 ? '' : 's'}.`,
    ),
    opened.tables.length === 0
      ? null
      : h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'figures-table accounting' },
            h('caption', null, 'Rows of each table'),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                ['File', 'Rows read', 'Used', 'Rejected', 'Header on line', 'Delimiter'].map(
                  (label, i) =>
                    h('th', { key: label, scope: 'col', class: i > 0 ? 'num' : undefined }, label),
                ),
              ),
            ),
            h(
              'tbody',
              null,
              opened.tables.map((t, i) =>
                h(
                  'tr',
                  { key: i },
                  h(
                    'td',
                    null,
                    oneSheet ? `${t.file} (${i === 0 ? 'outcome' : 'input'} rows)` : t.file,
                  ),
                  h('td', { class: 'num' }, String(t.rowsRead)),
                  h('td', { class: 'num' }, String(t.rowsUsed)),
                  h('td', { class: 'num' }, String(t.rowsRejected)),
                  h('td', { class: 'num' }, t.headerLine === null ? '—' : String(t.headerLine)),
                  h(
                    'td',
                    { class: 'num' },
                    t.delimiter === null ? '—' : t.delimiter === '\t' ? 'tab' : t.delimiter,
                  ),
                ),
              ),
            ),
          ),
        ),
    opened.notes.length + opened.warnings.length === 0
      ? null
      : h(
          'ul',
          { class: 'notes' },
          opened.notes.map((note, i) => h('li', { key: i }, formatNote(note))),
          opened.warnings.map((warning) =>
            h(
              'li',
              { key: warning.code, 'data-warning': warning.code },
              `warning: ${warning.code}: ${warning.message}`,
            ),
          ),
        ),
    opened.issues.length === 0
      ? null
      : [
          h(
            'p',
            { key: 'count' },
            `${opened.issues.length} problem${opened.issues.length === 1 ? '' : 's'} found${failed ? ': fix them in your file and open it again' : ', each shown at its place in the editor too: fix them there, or in your file'}.`,
          ),
          h(ProblemList, { key: 'list', issues: opened.issues, inEditor: false }),
        ],
    placed.map((table) => h(ProblemCells, { key: table.file, table })),
  );
}

/** The most rows with problems shown as the file has them. */
const SHOWN_ROWS = 100;

/** The header and the rows of a file that have problems, with each problem at its cell. */
function ProblemCells({ table }: { readonly table: TableProblems }) {
  const rows = table.rows.slice(0, SHOWN_ROWS);
  let width = table.header.cells.length;
  for (const r of rows) width = Math.max(width, r.cells.length);
  const columns = Array.from({ length: width }, (_, i) => i);
  const row = (
    cells: readonly string[],
    marks: TableProblems['header']['marks'],
    line: number,
    header: boolean,
  ) => {
    const whole = marks.get(-1) ?? [];
    return h(
      'tr',
      { key: line },
      h(header ? 'th' : 'td', { class: 'num', scope: header ? 'col' : undefined }, String(line)),
      columns.map((i) => {
        const here = marks.get(i) ?? [];
        return h(
          header ? 'th' : 'td',
          {
            key: i,
            class: here.length > 0 ? 'cell-problem' : undefined,
            scope: header ? 'col' : undefined,
          },
          cells[i] ?? '',
          here.map((issue, k) => h('span', { key: k, class: 'cell-problem-text' }, issue.message)),
        );
      }),
      h(
        'td',
        { class: whole.length > 0 ? 'cell-problem' : undefined },
        whole.map((issue, k) => h('span', { key: k, class: 'cell-problem-text' }, issue.message)),
      ),
    );
  };
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'figures-table file-problems' },
      h('caption', null, `${table.file}: the rows with problems, as the file has them`),
      h('thead', null, row(table.header.cells, table.header.marks, table.header.line, true)),
      h(
        'tbody',
        null,
        rows.map((r) => row(r.cells, r.marks, r.line, false)),
      ),
    ),
    table.rows.length > SHOWN_ROWS
      ? h(
          'p',
          { class: 'hint' },
          `… and ${table.rows.length - SHOWN_ROWS} more rows with problems (all in the list above).`,
        )
      : null,
  );
}
