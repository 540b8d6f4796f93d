import type * as z from 'zod';
import { analysisInputSchema } from './analysisSchema.js';
import { fastOutcomesAndInputs } from './_fastPath.js';
import type { ParsedInput, ParsedOutcome } from './_fastPath.js';
import { readPriceYear, shown } from './_fields.js';
import { hmtGdpDeflatorsCalendar, hmtGdpDeflatorsFinancial } from '../data/hmtGdpDeflators.js';
import { invalidAnalysisError } from '../model/invalidAnalysisError.js';
import type {
  Analysis,
  Discount,
  DiscountScheduleName,
  FinancialProxy,
  Outcome,
  Stakeholder,
} from '../model/analysis.js';
import type { DeflatorSeries } from '../model/DeflatorSeries.js';
import type { Issue, IssueCode } from '../model/SroiError.js';

/** Options of `parseAnalysis` and `safeParseAnalysis`. */
export interface ParseAnalysisOptions {
  /** The deflator series that proxies' price years are checked against (as in `calculateSroi`). */
  readonly deflators?: DeflatorSeries;
}

/** What `safeParseAnalysis` returns: the analysis, or every issue found. */
export type SafeParseAnalysisResult =
  | { readonly success: true; readonly analysis: Analysis; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Validates an analysis written as JSON (docs/model.md) and returns it normalised — every money
 * amount and fraction a decimal string, every default filled in — or every problem found, each
 * with its JSON path. It never throws for bad input and never stops at the first problem.
 *
 * @example
 * const parsed = safeParseAnalysis({
 *   name: 'x',
 *   outcomes: [{ stakeholder: 'a', outcome: 'b', quantity: 1, proxy: { value: 1 },
 *                duration: 1, deadweight: 25 }],
 * });
 * parsed.success ? [] : parsed.issues.map((issue) => issue.message);
 * //=> ['deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)']
 */
export function safeParseAnalysis(
  input: unknown,
  options: ParseAnalysisOptions = {},
): SafeParseAnalysisResult {
  if (isRecord(input)) {
    const fast = fastOutcomesAndInputs(input);
    if (fast !== undefined) {
      const analysis = completeFastParse(input, fast.outcomes, fast.inputs, options, input);
      if (analysis !== undefined) return { success: true, analysis, issues: [] };
    }
  }
  const parsed = analysisInputSchema.safeParse(input, { reportInput: true });
  const issues: Issue[] = parsed.success ? [] : parsed.error.issues.map(toIssue);
  // One by one: a spread of hundreds of thousands of issues would overflow the call stack.
  for (const issue of crossFieldIssues(input, options)) issues.push(issue);
  if (!parsed.success || issues.length > 0) {
    return { success: false, issues: dedupe(issues) };
  }
  return { success: true, analysis: normalise(parsed.data), issues: [] };
}

/**
 * Validates an analysis and returns it normalised, or throws one `SroiError` with code
 * `INVALID_ANALYSIS` that lists every issue (see `safeParseAnalysis`).
 *
 * @example
 * parseAnalysis({
 *   name: 'Befriending',
 *   outcomes: [{ stakeholder: 'Older people', outcome: 'Less isolated', quantity: '40',
 *                proxy: { value: '£1,000' }, duration: 3, deadweight: '20%' }],
 * }).outcomes[0];
 * //=> { id: 'o1', stakeholder: 'Older people', outcome: 'Less isolated', quantity: '40', proxy: { value: '1000' }, duration: 3, start: 1, deadweight: '0.2', displacement: '0', attribution: '0', leakage: '0', dropOff: '0' }
 */
export function parseAnalysis(input: unknown, options: ParseAnalysisOptions = {}): Analysis {
  const result = safeParseAnalysis(input, options);
  if (result.success) return result.analysis;
  throw invalidAnalysisError('the analysis', result.issues);
}

/**
 * The end of the fast path of `safeParseAnalysis`, also used by readers that read outcomes and
 * inputs one at a time with `fastOutcome` and `fastInput` (`readCsvAnalysis`): the schema checks
 * the rest of the analysis (`settings`, whose own `outcomes` and `inputs` are ignored), then the
 * rules that span fields run, and the analysis is normalised. `undefined` when anything is
 * wrong: the caller then runs `safeParseAnalysis` on the JSON form to report every issue. The
 * rules that span fields read `raw` when given (the JSON as written), else the read outcomes
 * and inputs, in which every field those rules look at means the same as in the JSON.
 */
export function completeFastParse(
  settings: Readonly<Record<string, unknown>>,
  outcomes: ParsedOutcome[],
  inputs: ParsedInput[] | undefined,
  options: ParseAnalysisOptions = {},
  raw?: Readonly<Record<string, unknown>>,
): Analysis | undefined {
  const rest = analysisInputSchema.safeParse(
    { ...settings, outcomes: [], ...(inputs === undefined ? {} : { inputs: [] }) },
    { reportInput: true },
  );
  if (!rest.success) return undefined;
  const asRead = raw ?? { ...settings, outcomes, ...(inputs === undefined ? {} : { inputs }) };
  if (crossFieldIssues(asRead, options).length > 0) return undefined;
  return normalise({ ...rest.data, outcomes, inputs });
}

type Parsed = z.output<typeof analysisInputSchema>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function normalise(data: Parsed): Analysis {
  const stakeholders: Stakeholder[] = (data.stakeholders ?? []).map((s) => {
    const id = s.id ?? s.name ?? '';
    return { id, name: s.name ?? id, ...(s.size === undefined ? {} : { size: s.size }) };
  });
  const resolve = (reference: string): string =>
    stakeholders.find((s) => s.id === reference)?.id ??
    stakeholders.find((s) => s.name === reference)?.id ??
    reference;
  const discountInput = data.discount ?? {};
  const timing = discountInput.timing ?? 'end';
  let discount: Discount;
  if (discountInput.rates !== undefined) discount = { timing, rates: discountInput.rates };
  else if (discountInput.schedule !== undefined) {
    discount = { timing, schedule: discountInput.schedule as DiscountScheduleName };
  } else discount = { timing, rate: discountInput.rate ?? '0.035' };

  // Built by assignment rather than by spreading optional parts: this runs once per outcome, and
  // an object spread per optional field made it the slowest step of reading a large CSV file.
  // The keys come in the same order either way.
  const outcomes: Outcome[] = data.outcomes.map((o, index) => {
    const proxy: Mutable<FinancialProxy> = {} as Mutable<FinancialProxy>;
    if (o.proxy.description !== undefined) proxy.description = o.proxy.description;
    proxy.value = o.proxy.value;
    if (o.proxy.source !== undefined) proxy.source = o.proxy.source;
    if (o.proxy.priceYear !== undefined) proxy.priceYear = o.proxy.priceYear;
    const outcome: Mutable<Outcome> = {
      id: o.id ?? `o${index + 1}`,
      stakeholder: stakeholders.length === 0 ? o.stakeholder : resolve(o.stakeholder),
      outcome: o.outcome,
    } as Mutable<Outcome>;
    if (o.indicator !== undefined) outcome.indicator = o.indicator;
    if (o.category !== undefined) outcome.category = o.category;
    outcome.quantity = o.quantity ?? o.quantityByYear?.[0] ?? '0';
    outcome.proxy = proxy;
    outcome.duration = o.duration;
    outcome.start = o.start ?? 1;
    outcome.deadweight = o.deadweight ?? '0';
    outcome.displacement = o.displacement ?? '0';
    outcome.attribution = o.attribution ?? '0';
    outcome.leakage = o.leakage ?? '0';
    outcome.dropOff = o.dropOff ?? '0';
    if (o.quantityByYear !== undefined) outcome.quantityByYear = o.quantityByYear;
    return outcome;
  });

  return {
    name: data.name,
    currency: (data.currency ?? 'GBP').toUpperCase(),
    ...(data.priceYear === undefined ? {} : { priceYear: data.priceYear }),
    discount,
    ...(data.horizon === undefined ? {} : { horizon: data.horizon }),
    stakeholders,
    inputs: (data.inputs ?? []).map((input) => ({
      ...(input.stakeholder === undefined ? {} : { stakeholder: resolve(input.stakeholder) }),
      description: input.description,
      value: input.value,
      ...(input.kind === undefined ? {} : { kind: input.kind }),
      year: input.year ?? 0,
    })),
    outcomes,
  };
}

/** Turns a zod issue into a library issue with a stable code. */
function toIssue(issue: z.core.$ZodIssue): Issue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const received: unknown = issue.input;
  if (issue.code === 'custom') {
    const code = (issue.params?.['code'] as IssueCode | undefined) ?? 'invalid_value';
    return { code, message: issue.message, path, received };
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return {
      code: 'unknown_key',
      message: `unknown field${issue.keys.length === 1 ? '' : 's'} ${keys} (check the spelling; see the JSON Schema from \`sroi schema\`)`,
      path,
      received: issue.keys,
    };
  }
  // The field as the model spells it: the path after its last list index (`proxy.value`).
  const lastIndex = path.reduce<number>((at, p, i) => (typeof p === 'number' ? i : at), -1);
  const field = path.length === 0 ? 'the analysis' : path.slice(lastIndex + 1).join('.');
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && received === undefined) {
    return { code: 'required', message: `${field} is required`, path };
  }
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    const expected = 'expected' in issue ? String(issue.expected) : 'another type';
    return {
      code: 'invalid_type',
      message: `${field} must be ${expected === 'array' ? 'a list' : expected}, got ${shown(received)}`,
      path,
      received,
    };
  }
  const code: IssueCode =
    path[path.length - 1] === 'schedule' ? 'unknown_schedule' : 'invalid_value';
  const message = issue.message.includes(field) ? issue.message : `${field}: ${issue.message}`;
  return { code, message, path, received };
}

/** Checks that span fields. Reads the raw input defensively: it runs even when fields are bad. */
function crossFieldIssues(input: unknown, options: ParseAnalysisOptions): Issue[] {
  const issues: Issue[] = [];
  if (!isRecord(input)) return issues; // the schema reports the wrong type
  const discount = input['discount'];
  if (isRecord(discount)) {
    const given = ['rate', 'rates', 'schedule'].filter((key) => discount[key] !== undefined);
    if (given.length > 1) {
      issues.push({
        code: 'invalid_discount',
        message: `discount must give one of rate, rates or schedule, got ${given.join(' and ')}`,
        path: ['discount'],
        received: discount,
      });
    }
  }

  const stakeholders = Array.isArray(input['stakeholders']) ? input['stakeholders'] : [];
  const known = new Set<string>();
  const seenStakeholders = new Map<string, number>();
  stakeholders.forEach((s, index) => {
    if (!isRecord(s)) return;
    const id = textOf(s['id']) ?? textOf(s['name']);
    if (id === undefined) {
      issues.push({
        code: 'required',
        message: 'a stakeholder needs an id or a name',
        path: ['stakeholders', index],
      });
      return;
    }
    if (seenStakeholders.has(id)) {
      issues.push({
        code: 'duplicate_id',
        message: `stakeholder id "${id}" is used twice (first at stakeholders[${seenStakeholders.get(id)}])`,
        path: ['stakeholders', index, textOf(s['id']) === undefined ? 'name' : 'id'],
        received: id,
      });
    }
    seenStakeholders.set(id, index);
    known.add(id);
    const name = textOf(s['name']);
    if (name !== undefined) known.add(name);
  });
  const checkStakeholder = (value: unknown, path: (string | number)[]): void => {
    const reference = textOf(value);
    if (reference === undefined || known.size === 0 || known.has(reference)) return;
    issues.push({
      code: 'unknown_stakeholder',
      message: `stakeholder "${reference}" is not in the stakeholders list (listed: ${[...seenStakeholders.keys()].map((k) => `"${k}"`).join(', ')})`,
      path,
      received: reference,
    });
  };

  const outcomes = Array.isArray(input['outcomes']) ? input['outcomes'] : [];
  if (Array.isArray(input['outcomes']) && outcomes.length === 0) {
    issues.push({
      code: 'required',
      message: 'outcomes must list at least one outcome: there is nothing to value',
      path: ['outcomes'],
      received: [],
    });
  }
  const seenOutcomes = new Map<string, number>();
  outcomes.forEach((o, index) => {
    if (!isRecord(o)) return;
    const id = textOf(o['id']) ?? `o${index + 1}`;
    const previous = seenOutcomes.get(id);
    if (previous !== undefined) {
      const earlier = outcomes[previous];
      const automatic = isRecord(earlier) && textOf(earlier['id']) === undefined;
      issues.push({
        code: 'duplicate_id',
        message: automatic
          ? `outcome id "${id}" is also the id given automatically to outcomes[${previous}], which has none; give that outcome an id, or choose another`
          : `outcome id "${id}" is used twice (first at outcomes[${previous}]); ids must be unique`,
        path: ['outcomes', index, 'id'],
        received: id,
      });
    } else seenOutcomes.set(id, index);
    checkStakeholder(o['stakeholder'], ['outcomes', index, 'stakeholder']);
    const profile = o['quantityByYear'];
    const duration = o['duration'];
    if (
      Array.isArray(profile) &&
      typeof Number(duration) === 'number' &&
      Number.isInteger(Number(duration))
    ) {
      if (profile.length !== Number(duration)) {
        issues.push({
          code: 'length_mismatch',
          message: `quantityByYear must give one quantity for each of the ${Number(duration)} valued years (duration), got ${profile.length}`,
          path: ['outcomes', index, 'quantityByYear'],
          received: profile,
        });
      }
    }
    if (o['quantity'] === undefined && profile === undefined) {
      issues.push({
        code: 'required',
        message: 'quantity is required (or give quantityByYear)',
        path: ['outcomes', index, 'quantity'],
      });
    }
  });

  const inputs = Array.isArray(input['inputs']) ? input['inputs'] : [];
  inputs.forEach((i, index) => {
    if (isRecord(i)) checkStakeholder(i['stakeholder'], ['inputs', index, 'stakeholder']);
  });

  for (const issue of priceYearIssues(input, outcomes, options)) issues.push(issue);
  return issues;
}

/** Proxy price years must share the analysis' basis and lie inside the deflator series. */
function priceYearIssues(
  input: Record<string, unknown>,
  outcomes: readonly unknown[],
  options: ParseAnalysisOptions,
): Issue[] {
  const target = readPriceYear(input['priceYear']);
  if (target === undefined) return [];
  const series =
    options.deflators ??
    (typeof target === 'number' ? hmtGdpDeflatorsCalendar : hmtGdpDeflatorsFinancial);
  const basisOf = (year: string | number) => (typeof year === 'number' ? 'calendar' : 'financial');
  const issues: Issue[] = [];
  const check = (year: string | number, path: (string | number)[], received: unknown): void => {
    if (basisOf(year) !== series.basis) {
      issues.push({
        code: 'price_year',
        message: `price year ${shown(received)} is a ${basisOf(year)} year but the deflator series "${series.name}" uses ${series.basis} years; write every price year the same way`,
        path,
        received,
      });
    } else if (!Object.prototype.hasOwnProperty.call(series.index, String(year))) {
      const years = Object.keys(series.index);
      issues.push({
        code: 'price_year',
        message: `price year ${shown(received)} is outside the deflator series "${series.name}" (${years[0]} to ${years[years.length - 1]}); supply a series that covers it`,
        path,
        received,
      });
    }
  };
  check(target, ['priceYear'], input['priceYear']);
  outcomes.forEach((o, index) => {
    if (!isRecord(o) || !isRecord(o['proxy'])) return;
    const raw = o['proxy']['priceYear'];
    const year = readPriceYear(raw);
    if (year !== undefined) check(year, ['outcomes', index, 'proxy', 'priceYear'], raw);
  });
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join('.')}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
