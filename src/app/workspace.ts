/**
 * The state of the editor and every change the person can make to it, as a pure reducer: the
 * document's undo history and where the document came from. The components dispatch actions;
 * this file alone decides what each one does to the document, so that it is tested without a
 * browser (tests/app/workspace.test.ts).
 */
import { endStep, record, redo, startHistory, undo } from './History.js';
import { rowsOf, withValueAt } from './AnalysisDocument.js';
import type { AnalysisDocument, DocumentPath, JsonValue, TableName } from './AnalysisDocument.js';
import type { History } from './History.js';

/** The editor's state. */
export interface Workspace {
  readonly history: History<AnalysisDocument>;
  /** Where the document came from, for people: `analysis.json`, `the included example`. */
  readonly source: string;
}

/** Everything that changes the workspace. */
export type WorkspaceAction =
  /** A document opened from files, the example or a blank map: a new history. */
  | { readonly type: 'open'; readonly document: AnalysisDocument; readonly source: string }
  /**
   * A field set (or, with `undefined`, cleared). Changes with the same `typing` key are one undo
   * step, until `endTyping`.
   */
  | {
      readonly type: 'edit';
      readonly path: DocumentPath;
      readonly value: JsonValue | undefined;
      readonly typing?: string;
    }
  | { readonly type: 'endTyping' }
  /** A row added at `at` (the end when `at` is past it). */
  | {
      readonly type: 'insertRow';
      readonly table: TableName;
      readonly at: number;
      readonly row: JsonValue;
    }
  | { readonly type: 'removeRow'; readonly table: TableName; readonly at: number }
  /** The row at `from` moved so that it ends up at `to`. */
  | {
      readonly type: 'moveRow';
      readonly table: TableName;
      readonly from: number;
      readonly to: number;
    }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' };

/** A workspace holding `document`, with nothing to undo. */
export function openWorkspace(document: AnalysisDocument, source: string): Workspace {
  return { history: startHistory(document), source };
}

/** The document being edited. */
export function currentDocument(workspace: Workspace): AnalysisDocument {
  return workspace.history.present;
}

/**
 * The workspace after one action. An action that cannot apply (a row that is not there) leaves
 * the workspace as it was.
 *
 * @example
 * const opened = openWorkspace({ name: 'x', outcomes: [{ outcome: 'a' }, { outcome: 'b' }] }, 'x.json');
 * const moved = workspaceReducer(opened, { type: 'moveRow', table: 'outcomes', from: 1, to: 0 });
 * [currentDocument(moved).outcomes, currentDocument(workspaceReducer(moved, { type: 'undo' })).outcomes];
 * //=> [[{ outcome: 'b' }, { outcome: 'a' }], [{ outcome: 'a' }, { outcome: 'b' }]]
 */
export function workspaceReducer(workspace: Workspace, action: WorkspaceAction): Workspace {
  const history = workspace.history;
  const document = history.present;
  const change = (next: AnalysisDocument, typing?: string): Workspace =>
    next === document ? workspace : { ...workspace, history: record(history, next, typing) };
  switch (action.type) {
    case 'open':
      return openWorkspace(action.document, action.source);
    case 'edit':
      return change(withValueAt(document, action.path, action.value), action.typing);
    case 'endTyping':
      return { ...workspace, history: endStep(history) };
    case 'insertRow': {
      const rows = [...rowsOf(document, action.table)];
      rows.splice(Math.max(0, Math.min(action.at, rows.length)), 0, action.row);
      return change({ ...document, [action.table]: rows });
    }
    case 'removeRow': {
      const rows = rowsOf(document, action.table);
      if (action.at < 0 || action.at >= rows.length) return workspace;
      return change({ ...document, [action.table]: rows.filter((_, i) => i !== action.at) });
    }
    case 'moveRow': {
      const rows = [...rowsOf(document, action.table)];
      const { from, to } = action;
      if (from === to || from < 0 || to < 0 || from >= rows.length || to >= rows.length) {
        return workspace;
      }
      const [row] = rows.splice(from, 1);
      rows.splice(to, 0, row as JsonValue);
      return change({ ...document, [action.table]: rows });
    }
    case 'undo':
      return { ...workspace, history: undo(endStep(history)) };
    case 'redo':
      return { ...workspace, history: redo(endStep(history)) };
  }
}
