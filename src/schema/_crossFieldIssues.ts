/**
 * The checks that span records, on the normalised analysis (`_normaliseAnalysis.ts`): unique
 * stakeholder ids and names, unique outcome ids, references to listed stakeholders, a
 * `quantityByYear` entry for each valued year, and price years on the deflator series' basis and
 * within it. Each reads normalised values and skips a field that is `INVALID` (its own issue is
 * already reported), so every issue is found in one pass, with its path. Messages name at most a
 * few alternatives, so that the issues of a large analysis stay linear in its size.
 */
import { counted, shown } from './_shown.js';
import { INVALID } from './_readerRuntime.js';
import { hmtGdpDeflatorsCalendar, hmtGdpDeflatorsFinancial } from '../data/hmtGdpDeflators.js';
import type { NormalisedDraft } from './_normaliseAnalysis.js';
import type { ReadFields, ReportIssue } from './_readerRuntime.js';
import type { DeflatorSeries } from '../model/DeflatorSeries.js';

/** The lists whose items a message may point at. */
export type RecordList = 'stakeholders' | 'outcomes' | 'inputs';

/** Options of `crossFieldIssues`. */
export interface CrossFieldOptions {
  /** The deflator series that price years are checked against (by default HM Treasury's). */
  readonly deflators?: DeflatorSeries | undefined;
  /** How a message names another record (`outcomes[3]`; a CSV reader says `line 5`). */
  readonly placeOf?: ((list: RecordList, index: number) => string) | undefined;
}

/**
 * The fields of an outcome or an input that these checks read, by path: a reader of rows keeps
 * their raw cells so that an issue found here can still show the cell as written.
 */
export const CROSS_FIELD_PATHS: readonly string[] = [
  'id',
  'stakeholder',
  'quantityByYear',
  'proxy.priceYear',
];

/** How many alternatives a message names. */
const EXAMPLES = 3;

/** Reports every issue that spans records of the normalised analysis. */
export function crossFieldIssues(
  draft: NormalisedDraft,
  options: CrossFieldOptions,
  report: ReportIssue,
): void {
  const placeOf = options.placeOf ?? ((list, index) => `${list}[${index}]`);
  stakeholderIssues(draft, placeOf, report);
  outcomeIdIssues(draft, placeOf, report);
  referenceIssues(draft, report);
  profileIssues(draft, report);
  priceYearIssues(draft, options.deflators, report);
}

function stakeholderIssues(
  draft: NormalisedDraft,
  placeOf: (list: RecordList, index: number) => string,
  report: ReportIssue,
): void {
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  draft.stakeholders.forEach((s, index) => {
    const read = draft.stakeholdersAsRead[index];
    if (s === INVALID || read === undefined || read === INVALID) return;
    const id = s['id'];
    if (typeof id === 'string') {
      const first = ids.get(id);
      if (first === undefined) ids.set(id, index);
      else {
        report({
          code: 'duplicate_id',
          message: `stakeholder id ${shown(id)} is used twice (first at ${placeOf('stakeholders', first)})`,
          path: ['stakeholders', index, read['id'] === undefined ? 'name' : 'id'],
          received: id,
        });
      }
    }
    const name = read['name'];
    if (typeof name === 'string') {
      const first = names.get(name);
      if (first === undefined) names.set(name, index);
      else {
        report({
          code: 'duplicate_name',
          message: `stakeholder name ${shown(name)} is used twice (first at ${placeOf('stakeholders', first)}), so a reference to it would be ambiguous; give each group its own name`,
          path: ['stakeholders', index, 'name'],
          received: name,
        });
      }
    }
  });
}

function outcomeIdIssues(
  draft: NormalisedDraft,
  placeOf: (list: RecordList, index: number) => string,
  report: ReportIssue,
): void {
  const seen = new Map<string, number>();
  const outcomes = draft.outcomes;
  for (let index = 0; index < outcomes.length; index += 1) {
    const o = outcomes[index];
    if (o === undefined || o === INVALID) continue;
    const id = o['id'];
    if (typeof id !== 'string') continue;
    const previous = seen.get(id);
    if (previous === undefined) {
      seen.set(id, index);
      continue;
    }
    report({
      code: 'duplicate_id',
      message: draft.automaticIds.has(previous)
        ? `outcome id ${shown(id)} is also the id given automatically to ${placeOf('outcomes', previous)}, which has none; give that outcome an id, or choose another`
        : `outcome id ${shown(id)} is used twice (first at ${placeOf('outcomes', previous)}); ids must be unique`,
      path: ['outcomes', index, 'id'],
      received: id,
    });
  }
}

/** Outcomes and inputs name a listed stakeholder, when stakeholders are listed. */
function referenceIssues(draft: NormalisedDraft, report: ReportIssue): void {
  const ids = draft.stakeholderIds;
  if (ids.size === 0) return;
  // The alternatives are written once, not once per issue.
  const examples: string[] = [];
  for (const id of ids) {
    if (examples.length === EXAMPLES) break;
    examples.push(shown(id));
  }
  const first = examples.join(', ');
  const alternatives =
    ids.size <= EXAMPLES ? `listed: ${first}` : `one of ${counted(ids.size)}, e.g. ${first}`;
  const check = (list: 'outcomes' | 'inputs') => (record: ReadFields | typeof INVALID, index: number) => {
    if (record === INVALID) return;
    const reference = record['stakeholder'];
    if (typeof reference !== 'string' || ids.has(reference)) return;
    report({
      code: 'unknown_stakeholder',
      message: `stakeholder ${shown(reference)} is not in the stakeholders list (${alternatives})`,
      path: [list, index, 'stakeholder'],
      received: reference,
    });
  };
  draft.outcomes.forEach(check('outcomes'));
  draft.inputs.forEach(check('inputs'));
}

/** A profile gives one quantity for each valued year: ⌈duration⌉ of them. */
function profileIssues(draft: NormalisedDraft, report: ReportIssue): void {
  draft.outcomes.forEach((o, index) => {
    if (o === INVALID) return;
    const profile = o['quantityByYear'];
    const duration = o['duration'];
    if (!Array.isArray(profile) || typeof duration !== 'number') return;
    const years = Math.ceil(duration);
    if (profile.length === years) return;
    const why = Number.isInteger(duration) ? 'duration' : `duration ${duration}, rounded up`;
    report({
      code: 'length_mismatch',
      message: `quantityByYear must give one quantity for each of the ${years} valued year${years === 1 ? '' : 's'} (${why}), got ${profile.length}`,
      path: ['outcomes', index, 'quantityByYear'],
      received: profile,
    });
  });
}

/** Proxy price years share the analysis' basis and lie inside the deflator series. */
function priceYearIssues(
  draft: NormalisedDraft,
  deflators: DeflatorSeries | undefined,
  report: ReportIssue,
): void {
  const target = draft.analysis['priceYear'];
  if (typeof target !== 'number' && typeof target !== 'string') return;
  const series =
    deflators ?? (typeof target === 'number' ? hmtGdpDeflatorsCalendar : hmtGdpDeflatorsFinancial);
  const basisOf = (year: string | number) => (typeof year === 'number' ? 'calendar' : 'financial');
  const years = Object.keys(series.index);
  const range = `${years[0] ?? '?'} to ${years[years.length - 1] ?? '?'}`;
  const check = (year: unknown, path: (string | number)[]): void => {
    if (typeof year !== 'number' && typeof year !== 'string') return;
    if (basisOf(year) !== series.basis) {
      report({
        code: 'price_year',
        message: `price year ${shown(year)} is a ${basisOf(year)} year but the deflator series ${shown(series.name)} uses ${series.basis} years; write every price year the same way`,
        path,
        received: year,
      });
    } else if (!Object.prototype.hasOwnProperty.call(series.index, String(year))) {
      report({
        code: 'price_year',
        message: `price year ${shown(year)} is outside the deflator series ${shown(series.name)} (${range}); supply a series that covers it`,
        path,
        received: year,
      });
    }
  };
  check(target, ['priceYear']);
  draft.outcomes.forEach((o, index) => {
    if (o === INVALID) return;
    const proxy = o['proxy'];
    if (typeof proxy === 'object' && proxy !== null) {
      check((proxy as ReadFields)['priceYear'], ['outcomes', index, 'proxy', 'priceYear']);
    }
  });
}
