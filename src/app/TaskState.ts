/**
 * A calculation run on demand (sensitivity, Monte Carlo, scenarios): whether it runs, its answer
 * and the document it was run on — so that after an edit its figures are marked as being for an
 * earlier version of the map, and are left out of the report.
 */
import type { AnalysisDocument } from './AnalysisDocument.js';

export type TaskState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly document: AnalysisDocument; readonly started: boolean }
  | { readonly status: 'done'; readonly document: AnalysisDocument; readonly value: T }
  | { readonly status: 'failed'; readonly document: AnalysisDocument; readonly message: string };

export const IDLE: TaskState<never> = { status: 'idle' };

/** The task's answer when it was run on `document` (the present one); `undefined` otherwise. */
export function currentValue<T>(task: TaskState<T>, document: AnalysisDocument): T | undefined {
  return task.status === 'done' && task.document === document ? task.value : undefined;
}

/** Whether the task's answer is for an earlier version of the map. */
export function isStale(task: TaskState<unknown>, document: AnalysisDocument): boolean {
  return task.status !== 'idle' && task.status !== 'running' && task.document !== document;
}
