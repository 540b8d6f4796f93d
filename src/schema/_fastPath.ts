/**
 * The fast path of `safeParseAnalysis` for the bulk of an analysis — its outcomes and inputs. It
 * applies the same field rules as the zod schema (`rules` in `_fields.ts`), walks plain objects
 * without zod's per-field bookkeeping, and gives up (returns `undefined`) at the first thing that
 * is not simply valid: then the zod schema runs and reports every issue with its path. It never
 * accepts what the schema would reject; `tests/schema/fastPath.test.ts` checks that both paths
 * agree.
 */
import { rules } from './_fields.js';
import { inputInputSchema, outcomeInputSchema, proxyInputSchema } from './analysisSchema.js';
import type { FieldRead } from './_fields.js';
import type * as z from 'zod';

/** An outcome as the schema outputs it: fields read, defaults not yet filled in. */
export type ParsedOutcome = z.output<typeof outcomeInputSchema>;
/** An input as the schema outputs it. */
export type ParsedInput = z.output<typeof inputInputSchema>;

const OUTCOME_KEYS = new Set(Object.keys(outcomeInputSchema.shape));
const PROXY_KEYS = new Set(Object.keys(proxyInputSchema.shape));
const INPUT_KEYS = new Set(Object.keys(inputInputSchema.shape));

/** Thrown inside the fast path to leave it; never escapes this module. */
const GIVE_UP = Symbol('give up');

function record(raw: unknown, keys: ReadonlySet<string>): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw GIVE_UP;
  for (const key in raw) if (!keys.has(key)) throw GIVE_UP;
  return raw as Record<string, unknown>;
}

function value<T>(read: FieldRead<T>): T {
  if (!read.ok) throw GIVE_UP;
  return read.value;
}

function numeric(raw: unknown): string | number {
  if (typeof raw === 'number' || typeof raw === 'string') return raw;
  throw GIVE_UP;
}

function optional<T>(raw: unknown, read: (raw: string | number) => FieldRead<T>): T | undefined {
  return raw === undefined ? undefined : value(read(numeric(raw)));
}

function optionalText(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw GIVE_UP;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

function requiredText(field: string, raw: unknown): string {
  if (typeof raw !== 'string') throw GIVE_UP;
  return value(rules.requiredText(field, raw));
}

// The rules as readers of one field each, made once rather than once per outcome.
const readQuantity = (r: string | number) => rules.quantity('quantity', r);
const readPriceYear = (r: string | number) => rules.priceYear('proxy.priceYear', r);
const readStart = (r: string | number) => rules.wholeYears('start', r, 1);
const readYear = (r: string | number) => rules.wholeYears('year', r, 0);
const readDeadweight = (r: string | number) => rules.fraction('deadweight', r);
const readDisplacement = (r: string | number) => rules.fraction('displacement', r);
const readAttribution = (r: string | number) => rules.fraction('attribution', r);
const readLeakage = (r: string | number) => rules.fraction('leakage', r);
const readDropOff = (r: string | number) => rules.fraction('dropOff', r);
const readProfileQuantity = (q: unknown) => value(rules.quantity('quantityByYear[]', numeric(q)));

function outcome(raw: unknown): ParsedOutcome {
  const o = record(raw, OUTCOME_KEYS);
  const p = record(o['proxy'], PROXY_KEYS);
  const profile = o['quantityByYear'];
  if (profile !== undefined && !Array.isArray(profile)) throw GIVE_UP;
  if (o['duration'] === undefined) throw GIVE_UP;
  return {
    id: optionalText(o['id']),
    stakeholder: requiredText('stakeholder', o['stakeholder']),
    outcome: requiredText('outcome', o['outcome']),
    indicator: optionalText(o['indicator']),
    category: optionalText(o['category']),
    quantity: optional(o['quantity'], readQuantity),
    proxy: {
      description: optionalText(p['description']),
      value: value(rules.money('proxy.value', numeric(p['value']))),
      source: optionalText(p['source']),
      priceYear: optional(p['priceYear'], readPriceYear),
    },
    duration: value(rules.wholeYears('duration', numeric(o['duration']), 1)),
    start: optional(o['start'], readStart),
    deadweight: optional(o['deadweight'], readDeadweight),
    displacement: optional(o['displacement'], readDisplacement),
    attribution: optional(o['attribution'], readAttribution),
    leakage: optional(o['leakage'], readLeakage),
    dropOff: optional(o['dropOff'], readDropOff),
    quantityByYear: profile?.map(readProfileQuantity),
  };
}

function input(raw: unknown): ParsedInput {
  const i = record(raw, INPUT_KEYS);
  return {
    stakeholder: optionalText(i['stakeholder']),
    description: requiredText('description', i['description']),
    value: value(rules.money('value', numeric(i['value']), 0)),
    kind: optionalText(i['kind']),
    year: optional(i['year'], readYear),
  };
}

/** `read(raw)`, or `undefined` when it gives up. */
function attempt<T>(read: (raw: unknown) => T, raw: unknown): T | undefined {
  try {
    return read(raw);
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * One outcome as JSON, read by the field rules, or `undefined` when it is not simply valid. For
 * readers that build outcomes one at a time (`readCsvAnalysis`); finish with `completeFastParse`.
 */
export function fastOutcome(raw: unknown): ParsedOutcome | undefined {
  return attempt(outcome, raw);
}

/** One input as JSON, read by the field rules, or `undefined` (see `fastOutcome`). */
export function fastInput(raw: unknown): ParsedInput | undefined {
  return attempt(input, raw);
}

/**
 * The outcomes and inputs of an analysis, read by the field rules, or `undefined` when anything
 * is not simply valid (the caller then runs the full schema).
 */
export function fastOutcomesAndInputs(
  analysis: Record<string, unknown>,
): { outcomes: ParsedOutcome[]; inputs: ParsedInput[] | undefined } | undefined {
  const outcomes = analysis['outcomes'];
  const inputs = analysis['inputs'];
  if (!Array.isArray(outcomes) || (inputs !== undefined && !Array.isArray(inputs)))
    return undefined;
  return attempt(
    () => ({ outcomes: outcomes.map(outcome), inputs: inputs?.map(input) }),
    undefined,
  );
}
