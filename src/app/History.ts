/**
 * Undo and redo over immutable states: the states before the present one, the present, and
 * the states undone. Typing in one field is one step, not one per keystroke: a change recorded
 * with the same `key` as the one before it replaces the present state instead of adding a step
 * (a key is the field's path; leaving the field ends the step).
 */

/** The states of an undo history. */
export interface History<T> {
  /** Oldest first. */
  readonly past: readonly T[];
  readonly present: T;
  /** The next redo first. */
  readonly future: readonly T[];
  /** The key of the step still being typed, if any. */
  readonly typing?: string;
}

/** How many steps back undo reaches. */
export const UNDO_LIMIT = 500;

/** A history that starts at `state`. */
export function startHistory<T>(state: T): History<T> {
  return { past: [], present: state, future: [] };
}

/**
 * `state` as the new present, one step after the old one — or, when `key` is the key of the
 * step being typed, in place of it. Redo is lost, as in every editor.
 *
 * @example
 * const typed = record(record(startHistory('a'), 'ab', 'name'), 'abc', 'name');
 * [typed.past, typed.present];
 * //=> [['a'], 'abc']
 */
export function record<T>(history: History<T>, state: T, key?: string): History<T> {
  if (state === history.present) return history;
  const sameStep = key !== undefined && key === history.typing;
  const past = sameStep ? history.past : [...history.past, history.present].slice(-UNDO_LIMIT);
  return { past, present: state, future: [], ...(key === undefined ? {} : { typing: key }) };
}

/** Ends the step being typed, so that the next change is a step of its own. */
export function endStep<T>(history: History<T>): History<T> {
  if (history.typing === undefined) return history;
  return { past: history.past, present: history.present, future: history.future };
}

/**
 * One step back; the history as it is when there is nothing to undo.
 *
 * @example
 * undo(record(startHistory(1), 2)).present;
 * //=> 1
 */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous as T,
    future: [history.present, ...history.future],
  };
}

/**
 * One step forward again after `undo`.
 *
 * @example
 * redo(undo(record(startHistory(1), 2))).present;
 * //=> 2
 */
export function redo<T>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (history.future.length === 0) return history;
  return { past: [...history.past, history.present], present: next as T, future };
}
