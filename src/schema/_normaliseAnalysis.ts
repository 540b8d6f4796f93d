/**
 * The read records of an analysis put together as the model holds it (docs/model.md): automatic
 * outcome ids (`o1`, `o2`, … by position), stakeholder references resolved to ids, a quantity
 * taken from the first year of a profile, the discount setting as one of its three forms. It
 * works on records that may hold `INVALID` fields, so that the checks that span records
 * (`_crossFieldIssues.ts`) read normalised data even when some field is wrong; the result is an
 * `Analysis` only when no issue was found.
 */
import { DEFAULT_DISCOUNT_RATE, notStatedAssumptions } from './analysisFields.js';
import { INVALID } from './_readerRuntime.js';
import type { Invalid, ReadFields } from './_readerRuntime.js';

/** The analysis as normalised so far, and what the checks need to know of how it was written. */
export interface NormalisedDraft {
  /** Shaped as `Analysis`; a field may hold `INVALID`, a list item may be `INVALID`. */
  readonly analysis: ReadFields;
  readonly stakeholders: readonly (ReadFields | Invalid)[];
  /** The stakeholders as read, before `id` and `name` stood in for each other. */
  readonly stakeholdersAsRead: readonly (ReadFields | Invalid)[];
  readonly outcomes: readonly (ReadFields | Invalid)[];
  readonly inputs: readonly (ReadFields | Invalid)[];
  /** The positions of the outcomes whose id was given automatically. */
  readonly automaticIds: ReadonlySet<number>;
  /** Every stakeholder id, in order. */
  readonly stakeholderIds: ReadonlySet<string>;
}

/** The metadata of an analysis, kept as written when given (none changes a figure). */
const METADATA = ['organisation', 'author', 'period', 'kind', 'description', 'date'] as const;

/**
 * Normalises the read root record of an analysis with its outcomes and inputs (read as part of
 * it, or one by one from CSV rows). The outcome and input records are completed in place.
 */
export function normaliseAnalysis(
  root: ReadFields,
  outcomes: readonly unknown[],
  inputs: readonly unknown[] | undefined,
): NormalisedDraft {
  const stakeholdersAsRead = records(root['stakeholders']);
  const stakeholders = stakeholdersAsRead.map((s) => (s === INVALID ? s : stakeholder(s)));
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const s of stakeholders) {
    if (s === INVALID || typeof s['id'] !== 'string') continue;
    const id = s['id'];
    if (!byId.has(id)) byId.set(id, id);
    if (typeof s['name'] === 'string' && !byName.has(s['name'])) byName.set(s['name'], id);
  }
  // A reference is a stakeholder's id, else its name; with no stakeholders listed, free text.
  const resolve = (record: ReadFields): void => {
    const reference = record['stakeholder'];
    if (byId.size === 0 || typeof reference !== 'string') return;
    record['stakeholder'] = byId.get(reference) ?? byName.get(reference) ?? reference;
  };

  const outcomeRecords = outcomes as readonly (ReadFields | Invalid)[];
  const automaticIds = new Set<number>();
  for (let index = 0; index < outcomeRecords.length; index += 1) {
    const outcome = outcomeRecords[index];
    if (outcome === undefined || outcome === INVALID) continue;
    if (outcome['id'] === undefined) {
      outcome['id'] = `o${index + 1}`;
      automaticIds.add(index);
    }
    resolve(outcome);
    if (outcome['quantity'] === undefined) {
      const profile = outcome['quantityByYear'];
      outcome['quantity'] = Array.isArray(profile) && profile.length > 0 ? profile[0] : '0';
    }
  }
  const inputRecords = (inputs ?? []) as readonly (ReadFields | Invalid)[];
  for (const input of inputRecords) if (input !== INVALID) resolve(input);

  const analysis: ReadFields = { name: root['name'] };
  for (const key of METADATA) if (root[key] !== undefined) analysis[key] = root[key];
  analysis['currency'] = root['currency'];
  if (root['priceYear'] !== undefined) analysis['priceYear'] = root['priceYear'];
  analysis['discount'] = discount(root['discount']);
  if (root['horizon'] !== undefined) analysis['horizon'] = root['horizon'];
  const notStated = notStatedList(root['notStated']);
  if (notStated !== undefined) analysis['notStated'] = notStated;
  analysis['stakeholders'] = stakeholders;
  analysis['inputs'] = inputRecords;
  analysis['outcomes'] = outcomeRecords;
  return {
    analysis,
    stakeholders,
    stakeholdersAsRead,
    outcomes: outcomeRecords,
    inputs: inputRecords,
    automaticIds,
    stakeholderIds: new Set(byId.keys()),
  };
}

/** The assumptions not stated, each once and in the method's order; none: absent. */
function notStatedList(value: unknown): unknown {
  if (value === INVALID) return INVALID;
  if (!Array.isArray(value)) return undefined;
  if (value.includes(INVALID)) return INVALID;
  const listed = notStatedAssumptions
    .map((a) => a.assumption)
    .filter((assumption) => value.includes(assumption));
  return listed.length === 0 ? undefined : listed;
}

function records(value: unknown): readonly (ReadFields | Invalid)[] {
  return Array.isArray(value) ? (value as (ReadFields | Invalid)[]) : [];
}

/** A stakeholder's id stands in for its name and its name for its id. */
function stakeholder(s: ReadFields): ReadFields {
  const id = s['id'] ?? s['name'];
  const out: ReadFields = { id, name: s['name'] ?? id };
  if (s['size'] !== undefined) out['size'] = s['size'];
  return out;
}

/** One of rate, rates or schedule, with the timing; a flat 3.5 % when none is given. */
function discount(value: unknown): unknown {
  if (value === INVALID) return INVALID;
  const d = (value ?? {}) as ReadFields;
  const timing = d['timing'] ?? 'end';
  if (d['rates'] !== undefined) return { timing, rates: d['rates'] };
  if (d['schedule'] !== undefined) return { timing, schedule: d['schedule'] };
  return { timing, rate: d['rate'] ?? DEFAULT_DISCOUNT_RATE };
}
