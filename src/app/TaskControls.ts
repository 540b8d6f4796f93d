/**
 * The controls of a calculation run on demand: its Run button (and Cancel while it runs), and a
 * status line — a progress bar while it runs, its failure, or that its figures are for an earlier
 * version of the map — read out by screen readers as it changes.
 */
import { h } from 'preact';
import { isStale } from './TaskState.js';
import type { AnalysisDocument } from './AnalysisDocument.js';
import type { TaskState } from './TaskState.js';

export interface TaskControlsProps {
  readonly document: AnalysisDocument;
  readonly task: TaskState<unknown>;
  readonly runLabel: string;
  /** `undefined` when it can run; otherwise what it needs. */
  readonly blocked: string | undefined;
  /** What the status line says while it runs, once the worker has begun. */
  readonly running: string;
  readonly onRun: () => void;
  /** Absent for a calculation that is over before the page draws again. */
  readonly onCancel?: () => void;
}

export function TaskControls(props: TaskControlsProps) {
  const { document, task, runLabel, blocked, running, onRun, onCancel } = props;
  const busy = task.status === 'running';
  return [
    h(
      'p',
      { key: 'actions', class: 'table-actions' },
      h(
        'button',
        { type: 'button', onClick: onRun, disabled: blocked !== undefined || busy },
        runLabel,
      ),
      busy && onCancel !== undefined
        ? h('button', { type: 'button', onClick: onCancel }, 'Cancel')
        : null,
      blocked === undefined ? null : h('span', { class: 'hint' }, ` ${blocked}`),
    ),
    h(
      'div',
      { key: 'status', role: 'status', class: 'task-status' },
      busy ? h('progress', { 'aria-label': `${runLabel}: running` }) : null,
      busy ? ` ${task.started ? running : 'Starting…'}` : null,
      task.status === 'failed' ? h('span', { class: 'problem-text' }, task.message) : null,
      task.status === 'done' && isStale(task, document)
        ? h(
            'span',
            { class: 'stale' },
            'These figures are for an earlier version of the map: run again.',
          )
        : null,
    ),
  ];
}
