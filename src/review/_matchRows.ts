/**
 * Which row of one analysis is which row of another, for `diffAnalyses`: outcomes by id, else
 * by stakeholder and outcome text; inputs by description and stakeholder, else description,
 * else position. What is left unmatched was removed (from the first) or added (in the second).
 */
import type { Analysis, Input, Outcome } from '../model/analysis.js';

/** Rows of two lists paired by index; the rest removed or added. */
export interface RowMatch {
  /** `[index in before, index in after]`, in the order of `after`. */
  readonly pairs: readonly (readonly [number, number])[];
  /** Indices in `before` with no partner, in order. */
  readonly removed: readonly number[];
  /** Indices in `after` with no partner, in order. */
  readonly added: readonly number[];
}

/** A row's key in one pass; `undefined` never pairs. */
type Key<T> = (row: T, index: number) => string | undefined;

/** Text compared without regard to case, spacing at the ends, or runs of spaces. */
function normalised(text: string | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Pairs rows in passes. In each pass, the rows still unmatched whose keys are equal pair up in
 * row order: the first unmatched row of `before` with a key takes the first unmatched row of
 * `after` with the same key. Each side has its own key function (its own stakeholder names).
 */
function matchInPasses<T>(
  before: readonly T[],
  after: readonly T[],
  passes: readonly (readonly [Key<T>, Key<T>])[],
): RowMatch {
  const partnerOfAfter = new Array<number | undefined>(after.length).fill(undefined);
  const matchedBefore = new Array<boolean>(before.length).fill(false);
  for (const [beforeKey, afterKey] of passes) {
    const waiting = new Map<string, number[]>();
    before.forEach((row, i) => {
      if (matchedBefore[i] === true) return;
      const key = beforeKey(row, i);
      if (key === undefined) return;
      const list = waiting.get(key);
      if (list === undefined) waiting.set(key, [i]);
      else list.push(i);
    });
    after.forEach((row, j) => {
      if (partnerOfAfter[j] !== undefined) return;
      const key = afterKey(row, j);
      const i = key === undefined ? undefined : waiting.get(key)?.shift();
      if (i === undefined) return;
      partnerOfAfter[j] = i;
      matchedBefore[i] = true;
    });
  }
  const pairs: [number, number][] = [];
  const added: number[] = [];
  partnerOfAfter.forEach((i, j) => {
    if (i === undefined) added.push(j);
    else pairs.push([i, j]);
  });
  const removed: number[] = [];
  matchedBefore.forEach((matched, i) => {
    if (!matched) removed.push(i);
  });
  return { pairs, removed, added };
}

/** A stakeholder reference by name: its id resolved when stakeholders are listed. */
export function stakeholderName(analysis: Analysis, stakeholder: string | undefined): string {
  if (stakeholder === undefined) return '';
  return analysis.stakeholders.find((s) => s.id === stakeholder)?.name ?? stakeholder;
}

/**
 * Outcomes in three passes: (1) the same id, unless the id is the one validation gives a row
 * without one (`o1`, `o2`, … by position) on either side, since such an id follows the row and
 * not the outcome; (2) the same stakeholder and outcome text, case and spacing aside; (3) the
 * same id, whatever it is (an outcome reworded in its place).
 */
export function matchOutcomes(before: Analysis, after: Analysis): RowMatch {
  const given: Key<Outcome> = (o, index) => (o.id === `o${index + 1}` ? undefined : o.id);
  const text =
    (analysis: Analysis): Key<Outcome> =>
    (o) =>
      `${normalised(stakeholderName(analysis, o.stakeholder))}\u0000${normalised(o.outcome)}`;
  const id: Key<Outcome> = (o) => o.id;
  return matchInPasses(before.outcomes, after.outcomes, [
    [given, given],
    [text(before), text(after)],
    [id, id],
  ]);
}

/**
 * Inputs in three passes: (1) the same description and stakeholder; (2) the same description;
 * (3) the same position (an input renamed in its place).
 */
export function matchInputs(before: Analysis, after: Analysis): RowMatch {
  const full =
    (analysis: Analysis): Key<Input> =>
    (i) =>
      `${normalised(i.description)}\u0000${normalised(stakeholderName(analysis, i.stakeholder))}`;
  const description: Key<Input> = (i) => normalised(i.description);
  const position: Key<Input> = (_i, index) => String(index);
  return matchInPasses(before.inputs, after.inputs, [
    [full(before), full(after)],
    [description, description],
    [position, position],
  ]);
}
