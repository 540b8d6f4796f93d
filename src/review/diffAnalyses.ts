import { Dec, str } from '../calc/_decimal.js';
import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import { analysisArgument, evaluateOptions as checkedOptions } from '../model/_arguments.js';
import { SroiError } from '../model/SroiError.js';
import { EXACT_ZERO, exactDifference, written } from './_exact.js';
import { evidenceTopics } from '../model/vocabulary.js';
import { matchInputs, matchOutcomes, stakeholderName } from './_matchRows.js';
import type { ExactDecimal } from './_exact.js';
import type { RowMatch } from './_matchRows.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { Analysis, DecimalString, Input, Outcome, Stakeholder } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

/** A value before or after a change, as JSON can hold it. */
export type DiffValue = string | number | readonly string[] | null;

/** The headline figures of one side of a diff. */
export interface DiffFigures {
  readonly name: string;
  /** `null` when that side's total inputs are zero. */
  readonly sroiRatio: DecimalString | null;
  readonly totalPresentValue: DecimalString;
  readonly totalInputs: DecimalString;
  readonly netPresentValue: DecimalString;
}

/** One changed assumption, and what it did to the ratio and the present value. */
export interface AnalysisChange {
  /** Where, by the model's names: `discount.rate`, `inputs["Grant"].value`, `outcomes["a"].deadweight`. */
  readonly path: string;
  readonly change: 'changed' | 'added' | 'removed';
  /**
   * The value before: `null` for an addition or a field that was not set; for a removed input
   * its value, for a removed outcome or stakeholder its name (`"Older people: Feel less isolated"`).
   */
  readonly before: DiffValue;
  /** The value after, in the same way (`null` for a removal or a field no longer set). */
  readonly after: DiffValue;
  /**
   * The change in the SROI ratio that this change makes when applied after the ones listed
   * before it (docs/diff.md). `null` when the ratio is undefined on either side, or when the
   * analysis between this change and the next cannot be calculated (the next one's effect then
   * covers both; `notes` says so).
   */
  readonly ratioEffect: DecimalString | null;
  /** The change in total present value it makes, in the same way. */
  readonly presentValueEffect: DecimalString | null;
  /** The outcome's id (after the change; before it, for a removal). */
  readonly outcome?: string;
  /** The input's description (after the change; before it, for a removal). */
  readonly input?: string;
}

/** What `diffAnalyses` returns and `sroi diff --format json` prints. */
export interface AnalysisDiff {
  readonly before: DiffFigures;
  readonly after: DiffFigures;
  /** `after.sroiRatio − before.sroiRatio`, exactly; `null` when either is undefined. */
  readonly ratioChange: DecimalString | null;
  /** `after.totalPresentValue − before.totalPresentValue`, exactly. */
  readonly presentValueChange: DecimalString;
  /** Every change, in the order they are applied (docs/diff.md). */
  readonly changes: readonly AnalysisChange[];
  /** What a reader must know about the effects (an undefined ratio, changes valued together). */
  readonly notes: readonly string[];
}

/** Options of `diffAnalyses`. */
export type DiffAnalysesOptions = EvaluateAnalysisOptions;

/** How a step is valued: not at all, by a whole evaluation, or by one input or outcome. */
type StepKind = 'informative' | 'whole' | 'input' | 'outcome';

type ChangeFields = Omit<AnalysisChange, 'ratioEffect' | 'presentValueEffect'>;

interface Step {
  readonly fields: ChangeFields;
  readonly kind: StepKind;
  /** The input's or outcome's slot, for those kinds. */
  readonly slot: number;
  readonly apply: (state: WalkState) => void;
}

/**
 * The analysis part-way from `before` to `after`. Rows live in slots: those of `before` first,
 * in its order, then those `after` adds; a removed row's slot empties. `order` lists the slots
 * in the order the analysis is built in.
 */
interface WalkState {
  top: Readonly<Record<string, unknown>>;
  readonly stakeholders: Rows<Stakeholder>;
  readonly inputs: Rows<Input>;
  readonly outcomes: Rows<Outcome>;
}

interface Rows<T> {
  readonly slots: (T | undefined)[];
  order: number[];
}

/** The fields of the analysis itself that change no figure. */
const INFORMATIVE_TOP = [
  'name',
  'organisation',
  'author',
  'period',
  'kind',
  'description',
  'date',
  'currency',
] as const;

/** An outcome's fields in the order the Value Map reads them, and whether each moves a figure. */
const OUTCOME_FIELDS: readonly (readonly [readonly string[], boolean])[] = [
  [['stakeholder'], false],
  [['output'], false],
  [['outcome'], false],
  [['indicator'], false],
  [['category'], false],
  [['quantity'], true],
  [['quantityByYear'], true],
  [['duration'], true],
  [['start'], true],
  [['proxy', 'description'], false],
  [['proxy', 'value'], true],
  [['proxy', 'priceYear'], true],
  [['proxy', 'source'], false],
  [['deadweight'], true],
  [['displacement'], true],
  [['attribution'], true],
  [['leakage'], true],
  [['dropOff'], true],
  ...evidenceTopics.map((topic): readonly [readonly string[], boolean] => [
    ['evidence', topic],
    false,
  ]),
  [['id'], false],
];

/**
 * What changed between two versions of an analysis, and how much of the change in the SROI
 * ratio each change explains. Outcomes are matched by id, else by stakeholder and outcome
 * text; inputs by description (see docs/diff.md); added and removed outcomes, inputs and
 * stakeholders are changes too, as are the settings (price year, discount, horizon) and the
 * text that changes no figure (names, indicators, sources, evidence; their effect is 0).
 *
 * Attribution is sequential: the changes are applied one at a time, in a stated order — the
 * analysis' settings, then inputs (those that raise total inputs before those that lower it,
 * so that the ratio never passes through an undefined one), then outcomes in row order, each
 * outcome's assumptions in the Value Map's column order — and each change's effect is the
 * ratio after it minus the ratio before it. Those differences are taken exactly (no rounding),
 * so they add up exactly to `ratioChange` (the sum telescopes: docs/diff.md proves it). When
 * either side has zero inputs, its ratio is undefined and every `ratioEffect` is `null`;
 * present value effects are still given. Time is proportional to the two analyses and the
 * changes: a change to one outcome or input revalues that row alone.
 *
 * @example
 * const before = parseAnalysis({
 *   name: '2023', discount: { rate: '0' },
 *   inputs: [{ description: 'Grant', value: '100' }],
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: '10', proxy: { value: '20' }, duration: 1 }],
 * });
 * const after = parseAnalysis({
 *   name: '2023', discount: { rate: '0' },
 *   inputs: [{ description: 'Grant', value: '200' }],
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: '15', proxy: { value: '20' }, duration: 1 }],
 * });
 * const diff = diffAnalyses(before, after);
 * [diff.ratioChange, diff.changes.map((c) => [c.path, c.before, c.after, c.ratioEffect])];
 * //=> ['-0.5', [['inputs["Grant"].value', '100', '200', '-1'], ['outcomes["a"].quantity', '10', '15', '0.5']]]
 */
export function diffAnalyses(
  before: Analysis,
  after: Analysis,
  options: DiffAnalysesOptions = {},
): AnalysisDiff {
  const fn = 'diffAnalyses';
  analysisArgument(fn, before, 'before');
  analysisArgument(fn, after, 'after');
  checkedOptions(fn, options);
  const evaluateOptions = options.deflators === undefined ? {} : { deflators: options.deflators };
  const beforeResult = evaluateAnalysis(before, evaluateOptions);
  const afterResult = evaluateAnalysis(after, evaluateOptions);
  const steps = listSteps(before, after);
  const state = initialState(before, after);
  const walk = new Walk(state, beforeResult, evaluateOptions);

  const ratioDefined = beforeResult.sroiRatio !== null && afterResult.sroiRatio !== null;
  let lastValued = -1;
  steps.forEach((step, index) => {
    if (step.kind !== 'informative') lastValued = index;
  });
  let previous = { ratio: beforeResult.sroiRatio, presentValue: beforeResult.totalPresentValue };
  let valuedTogether = false;
  const changes: AnalysisChange[] = steps.map((step, index) => {
    step.apply(state);
    if (step.kind === 'informative') {
      return { ...step.fields, ratioEffect: ratioDefined ? '0' : null, presentValueEffect: '0' };
    }
    // The last change lands on `after` itself: its figures are the engine's own.
    const now =
      index === lastValued
        ? { ratio: afterResult.sroiRatio, presentValue: afterResult.totalPresentValue }
        : walk.value(step);
    if (now === undefined || (ratioDefined && now.ratio === null)) {
      valuedTogether = true;
      const presentValueEffect =
        now === undefined ? null : exactDifference(now.presentValue, previous.presentValue);
      if (now !== undefined) previous = { ...previous, presentValue: now.presentValue };
      return { ...step.fields, ratioEffect: null, presentValueEffect };
    }
    const change: AnalysisChange = {
      ...step.fields,
      ratioEffect:
        ratioDefined && now.ratio !== null && previous.ratio !== null
          ? exactDifference(now.ratio, previous.ratio)
          : null,
      presentValueEffect: exactDifference(now.presentValue, previous.presentValue),
    };
    previous = now;
    return change;
  });
  checkArrival(state, after);

  const notes: string[] = [];
  if (!ratioDefined) {
    notes.push(
      `the SROI ratio is undefined ${beforeResult.sroiRatio === null ? (afterResult.sroiRatio === null ? 'on both sides' : 'before') : 'after'} (total inputs are zero), so there is no change in the ratio to share out: every ratio effect is null, and the present value effects say what each change did`,
    );
  }
  if (valuedTogether) {
    notes.push(
      'some changes could not be valued on their own (the analysis between them and the next change cannot be calculated); their effect is null and is counted in the next change that could be valued',
    );
  }
  return {
    before: figures(before, beforeResult),
    after: figures(after, afterResult),
    ratioChange:
      beforeResult.sroiRatio === null || afterResult.sroiRatio === null
        ? null
        : exactDifference(afterResult.sroiRatio, beforeResult.sroiRatio),
    presentValueChange: exactDifference(
      afterResult.totalPresentValue,
      beforeResult.totalPresentValue,
    ),
    changes,
    notes,
  };
}

function figures(analysis: Analysis, result: SroiResult): DiffFigures {
  return {
    name: analysis.name,
    sroiRatio: result.sroiRatio,
    totalPresentValue: result.totalPresentValue,
    totalInputs: result.totalInputs,
    netPresentValue: result.netPresentValue,
  };
}

/** The two figures a change's effect is measured on. */
interface Figures {
  readonly ratio: DecimalString | null;
  readonly presentValue: DecimalString;
}

/**
 * Values the analysis part-way, step by step. Each input's and outcome's present value is
 * kept by slot and summed exactly; a change to one row revalues that row alone (an outcome's
 * present value does not depend on the others', nor an input's), and a change to the settings
 * revalues the whole analysis. A valuation that fails leaves the sums stale, so the next step
 * revalues the whole analysis.
 */
class Walk {
  private readonly outcomeValues: string[];
  private readonly inputValues: string[];
  private presentValue: ExactDecimal = EXACT_ZERO;
  private inputs: ExactDecimal = EXACT_ZERO;
  private stale = false;
  /**
   * The engine's figures of `before` less the same figures from the sums here (they can differ
   * in the last digit, the engine summing by year): added to every figure of the walk, so
   * that the first change's effect holds no rounding of the sums.
   */
  private readonly offset: { readonly ratio: string; readonly presentValue: string };

  constructor(
    private readonly state: WalkState,
    start: SroiResult,
    private readonly options: EvaluateAnalysisOptions,
  ) {
    this.outcomeValues = state.outcomes.slots.map(() => '0');
    this.inputValues = state.inputs.slots.map(() => '0');
    this.reset(start);
    this.offset = { ratio: '0', presentValue: '0' };
    const own = this.figures();
    this.offset = {
      ratio:
        start.sroiRatio === null || own.ratio === null
          ? '0'
          : exactDifference(start.sroiRatio, own.ratio),
      presentValue: exactDifference(start.totalPresentValue, own.presentValue),
    };
  }

  /** The ratio and present value after a step, or `undefined` when they cannot be calculated. */
  value(step: Step): Figures | undefined {
    try {
      if (step.kind === 'whole' || this.stale) {
        this.stale = true;
        this.reset(evaluateAnalysis(build(this.state), this.options));
        this.stale = false;
      } else if (step.kind === 'outcome') {
        const outcome = this.state.outcomes.slots[step.slot];
        const value =
          outcome === undefined
            ? '0'
            : (this.evaluateAlone({ inputs: [], outcomes: [outcome] }).outcomes[0]?.presentValue ??
              '0');
        this.presentValue = this.presentValue
          .minus(this.outcomeValues[step.slot] ?? '0')
          .plus(value);
        this.outcomeValues[step.slot] = value;
      } else {
        const input = this.state.inputs.slots[step.slot];
        const value =
          input === undefined
            ? '0'
            : (this.evaluateAlone({ inputs: [input], outcomes: [] }).inputs[0]?.presentValue ??
              '0');
        this.inputs = this.inputs.minus(this.inputValues[step.slot] ?? '0').plus(value);
        this.inputValues[step.slot] = value;
      }
    } catch (error) {
      if (!(error instanceof SroiError)) throw error;
      this.stale = true;
      return undefined;
    }
    return this.figures();
  }

  /** The figures of the sums as they stand, with the offset. */
  private figures(): Figures {
    const presentValue = written(this.presentValue);
    return {
      ratio: this.inputs.isZero()
        ? null
        : written(
            EXACT_ZERO.plus(str(new Dec(presentValue).div(new Dec(written(this.inputs))))).plus(
              this.offset.ratio,
            ),
          ),
      presentValue: written(this.presentValue.plus(this.offset.presentValue)),
    };
  }

  /** One row valued under the current settings. */
  private evaluateAlone(rows: Pick<Analysis, 'inputs' | 'outcomes'>): SroiResult {
    const analysis = { ...this.state.top, stakeholders: [], ...rows } as unknown as Analysis;
    return evaluateAnalysis(analysis, this.options);
  }

  /** The sums and each slot's value from a whole evaluation of the current state. */
  private reset(result: SroiResult): void {
    this.outcomeValues.fill('0');
    this.inputValues.fill('0');
    present(this.state.outcomes).forEach((slot, k) => {
      this.outcomeValues[slot] = result.outcomes[k]?.presentValue ?? '0';
    });
    present(this.state.inputs).forEach((slot, k) => {
      this.inputValues[slot] = result.inputs[k]?.presentValue ?? '0';
    });
    this.presentValue = sumExact(this.outcomeValues);
    this.inputs = sumExact(this.inputValues);
  }
}

function sumExact(values: readonly string[]): ExactDecimal {
  let total = EXACT_ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** The slots that hold a row, in the order the analysis is built in. */
function present<T>(rows: Rows<T>): number[] {
  return rows.order.filter((slot) => rows.slots[slot] !== undefined);
}

function rowsOf<T>(rows: Rows<T>): T[] {
  return present(rows).map((slot) => rows.slots[slot] as T);
}

/** The analysis a state stands for. */
function build(state: WalkState): Analysis {
  return {
    ...state.top,
    stakeholders: rowsOf(state.stakeholders),
    inputs: rowsOf(state.inputs),
    outcomes: rowsOf(state.outcomes),
  } as unknown as Analysis;
}

/** Slots for `before`'s rows then `after`'s additions; `after` index → slot. */
function slotsOf(match: RowMatch, beforeCount: number): Map<number, number> {
  const slotOfAfter = new Map<number, number>();
  for (const [i, j] of match.pairs) slotOfAfter.set(j, i);
  match.added.forEach((j, k) => slotOfAfter.set(j, beforeCount + k));
  return slotOfAfter;
}

function initialRows<T>(rows: readonly T[], added: number): Rows<T> {
  const slots: (T | undefined)[] = [...rows];
  for (let k = 0; k < added; k++) slots.push(undefined);
  return { slots, order: slots.map((_row, slot) => slot) };
}

function initialState(before: Analysis, after: Analysis): WalkState {
  const { stakeholders, inputs, outcomes } = before;
  return {
    top: topOf(before),
    stakeholders: initialRows(stakeholders, matchStakeholders(before, after).added.length),
    inputs: initialRows(inputs, matchInputs(before, after).added.length),
    outcomes: initialRows(outcomes, matchOutcomes(before, after).added.length),
  };
}

/** Stakeholders by id (their id is what outcomes and inputs refer to). */
function matchStakeholders(before: Analysis, after: Analysis): RowMatch {
  const index = new Map(before.stakeholders.map((s, i) => [s.id, i]));
  const pairs: [number, number][] = [];
  const added: number[] = [];
  const matched = new Set<number>();
  after.stakeholders.forEach((s, j) => {
    const i = index.get(s.id);
    if (i === undefined) added.push(j);
    else {
      pairs.push([i, j]);
      matched.add(i);
    }
  });
  const removed = before.stakeholders.map((_s, i) => i).filter((i) => !matched.has(i));
  return { pairs, removed, added };
}

/** Every change from `before` to `after`, in the order they are applied. */
function listSteps(before: Analysis, after: Analysis): Step[] {
  const steps: Step[] = [];
  const [beforeTop, afterTop] = [topOf(before), topOf(after)];
  const setTop = (key: string, value: unknown) => (state: WalkState) => {
    state.top = withPath(state.top, [key], value);
  };

  // The analysis itself: what changes no figure, then the settings.
  const known = new Set<string>([...INFORMATIVE_TOP, 'priceYear', 'discount', 'horizon']);
  const others = unionKeys(beforeTop, afterTop).filter((key) => !known.has(key));
  for (const key of INFORMATIVE_TOP) {
    const [a, b] = [get(beforeTop, [key]), get(afterTop, [key])];
    if (same(a, b)) continue;
    steps.push(step('informative', -1, changeOf(key, a, b), setTop(key, b)));
  }
  const setting = (key: 'priceYear' | 'horizon') => {
    const [a, b] = [before[key], after[key]];
    if (!same(a, b)) steps.push(step('whole', -1, changeOf(key, a, b), setTop(key, b)));
  };
  setting('priceYear');
  discountSteps(before, after, steps);
  setting('horizon');
  for (const key of others) {
    const [a, b] = [get(beforeTop, [key]), get(afterTop, [key])];
    if (same(a, b)) continue;
    steps.push(step('whole', -1, changeOf(key, a, b), setTop(key, b)));
  }

  stakeholderSteps(before, after, steps);
  inputSteps(before, after, steps);
  outcomeSteps(before, after, steps);
  return steps;
}

function step(kind: StepKind, slot: number, fields: ChangeFields, apply: Step['apply']): Step {
  return { kind, slot, fields, apply };
}

function changeOf(
  path: string,
  before: unknown,
  after: unknown,
  extra: Partial<ChangeFields> = {},
): ChangeFields {
  return {
    path,
    change: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
    before: diffValue(before),
    after: diffValue(after),
    ...extra,
  };
}

/** The discount: its kind and rates as one change, its timing as another. */
function discountSteps(before: Analysis, after: Analysis, steps: Step[]): void {
  const a = before.discount as unknown as Record<string, unknown>;
  const b = after.discount as unknown as Record<string, unknown>;
  const kindOf = (d: Record<string, unknown>) =>
    'rate' in d ? 'rate' : 'rates' in d ? 'rates' : 'schedule';
  const [ka, kb] = [kindOf(a), kindOf(b)];
  if (ka === kb) {
    if (!same(a[ka], b[ka])) {
      steps.push(
        step('whole', -1, changeOf(`discount.${ka}`, a[ka], b[ka]), (state) => {
          state.top = withPath(state.top, ['discount', ka], b[kb]);
        }),
      );
    }
  } else {
    const text = (kind: string, value: unknown) =>
      `${kind} ${Array.isArray(value) ? value.join(' / ') : String(value)}`;
    steps.push(
      step('whole', -1, changeOf('discount', text(ka, a[ka]), text(kb, b[kb])), (state) => {
        const current = state.top['discount'] as Record<string, unknown>;
        state.top = withPath(state.top, ['discount'], { timing: current['timing'], [kb]: b[kb] });
      }),
    );
  }
  if (!same(a['timing'], b['timing'])) {
    steps.push(
      step('whole', -1, changeOf('discount.timing', a['timing'], b['timing']), (state) => {
        state.top = withPath(state.top, ['discount', 'timing'], b['timing']);
      }),
    );
  }
}

function stakeholderSteps(before: Analysis, after: Analysis, steps: Step[]): void {
  const match = matchStakeholders(before, after);
  const slotOf = slotsOf(match, before.stakeholders.length);
  const path = (id: string) => `stakeholders[${JSON.stringify(id)}]`;
  for (const i of match.removed) {
    const s = before.stakeholders[i] as Stakeholder;
    steps.push(
      step('informative', i, changeOf(path(s.id), s.name, undefined), (state) => {
        state.stakeholders.slots[i] = undefined;
      }),
    );
  }
  after.stakeholders.forEach((s, j) => {
    const slot = slotOf.get(j) ?? -1;
    const partner = partnerOf(match).get(j);
    if (partner === undefined) {
      steps.push(
        step('informative', slot, changeOf(path(s.id), undefined, s.name), (state) => {
          state.stakeholders.slots[slot] = s;
        }),
      );
      return;
    }
    const old = before.stakeholders[partner] as Stakeholder;
    for (const key of unionKeys(old, s, ['id', 'name', 'size'])) {
      const [a, b] = [get(old, [key]), get(s, [key])];
      if (same(a, b)) continue;
      steps.push(
        step('informative', slot, changeOf(`${path(s.id)}.${key}`, a, b), (state) => {
          state.stakeholders.slots[slot] = withPath(state.stakeholders.slots[slot], [key], b);
        }),
      );
    }
  });
  orderStep(
    'stakeholders',
    match,
    slotOf,
    after.stakeholders,
    (s) => s.id,
    'informative',
    steps,
    (state) => state.stakeholders,
  );
}

function inputSteps(before: Analysis, after: Analysis, steps: Step[]): void {
  const match = matchInputs(before, after);
  const slotOf = slotsOf(match, before.inputs.length);
  const descriptions = [...before.inputs, ...after.inputs].map((i) => i.description);
  const unique = (description: string) =>
    descriptions.indexOf(description) === descriptions.lastIndexOf(description) ||
    (before.inputs.filter((i) => i.description === description).length <= 1 &&
      after.inputs.filter((i) => i.description === description).length <= 1);
  const path = (input: Input, index: number) =>
    unique(input.description) ? `inputs[${JSON.stringify(input.description)}]` : `inputs[${index}]`;
  const informative: Step[] = [];
  const raising: Step[] = [];
  const lowering: Step[] = [];
  const set = (slot: number, key: string, value: unknown) => (state: WalkState) => {
    state.inputs.slots[slot] = withPath(state.inputs.slots[slot], [key], value);
  };

  after.inputs.forEach((input, j) => {
    const slot = slotOf.get(j) ?? -1;
    const extra = { input: input.description };
    const partner = partnerOf(match).get(j);
    if (partner === undefined) {
      raising.push(
        step('input', slot, changeOf(path(input, j), undefined, input.value, extra), (state) => {
          state.inputs.slots[slot] = input;
        }),
      );
      return;
    }
    const old = before.inputs[partner] as Input;
    for (const key of unionKeys(old, input, [
      'stakeholder',
      'description',
      'kind',
      'value',
      'year',
    ])) {
      const [a, b] = [get(old, [key]), get(input, [key])];
      if (same(a, b)) continue;
      const change = changeOf(`${path(input, j)}.${key}`, a, b, extra);
      if (key === 'stakeholder' || key === 'description' || key === 'kind') {
        informative.push(step('informative', slot, change, set(slot, key, b)));
      } else {
        const raises =
          key === 'value'
            ? new Dec(String(b)).gt(String(a))
            : key === 'year'
              ? Number(b) < Number(a)
              : true;
        (raises ? raising : lowering).push(step('input', slot, change, set(slot, key, b)));
      }
    }
  });
  for (const i of match.removed) {
    const input = before.inputs[i] as Input;
    lowering.push(
      step(
        'input',
        i,
        changeOf(path(input, i), input.value, undefined, { input: input.description }),
        (state) => {
          state.inputs.slots[i] = undefined;
        },
      ),
    );
  }
  for (const list of [informative, raising, lowering]) for (const step of list) steps.push(step);
  orderStep(
    'inputs',
    match,
    slotOf,
    after.inputs,
    (i) => i.description,
    'whole',
    steps,
    (state) => state.inputs,
  );
}

function outcomeSteps(before: Analysis, after: Analysis, steps: Step[]): void {
  const match = matchOutcomes(before, after);
  const slotOf = slotsOf(match, before.outcomes.length);
  const path = (o: Outcome) => `outcomes[${JSON.stringify(o.id)}]`;
  const label = (analysis: Analysis, o: Outcome) =>
    `${stakeholderName(analysis, o.stakeholder)}: ${o.outcome}`;

  for (const i of match.removed) {
    const o = before.outcomes[i] as Outcome;
    steps.push(
      step(
        'outcome',
        i,
        changeOf(path(o), label(before, o), undefined, { outcome: o.id }),
        (state) => {
          state.outcomes.slots[i] = undefined;
        },
      ),
    );
  }
  after.outcomes.forEach((o, j) => {
    const slot = slotOf.get(j) ?? -1;
    const partner = partnerOf(match).get(j);
    if (partner === undefined) {
      steps.push(
        step(
          'outcome',
          slot,
          changeOf(path(o), undefined, label(after, o), { outcome: o.id }),
          (state) => {
            state.outcomes.slots[slot] = o;
          },
        ),
      );
      return;
    }
    const old = before.outcomes[partner] as Outcome;
    for (const [fieldPath, moves] of outcomeFields(old, o)) {
      const [a, b] = [get(old, fieldPath), get(o, fieldPath)];
      if (same(a, b)) continue;
      steps.push(
        step(
          moves ? 'outcome' : 'informative',
          slot,
          changeOf(`${path(o)}.${fieldPath.join('.')}`, a, b, { outcome: o.id }),
          (state) => {
            state.outcomes.slots[slot] = withPath(state.outcomes.slots[slot], fieldPath, b);
          },
        ),
      );
    }
  });
  orderStep(
    'outcomes',
    match,
    slotOf,
    after.outcomes,
    (o) => o.id,
    'whole',
    steps,
    (state) => state.outcomes,
  );
}

const KNOWN_OUTCOME_FIELDS: ReadonlySet<string> = new Set(
  OUTCOME_FIELDS.map(([path]) => path.join('.')),
);

/** `after` index → `before` index of each pair. */
const partners = new WeakMap<RowMatch, Map<number, number>>();
function partnerOf(match: RowMatch): Map<number, number> {
  let map = partners.get(match);
  if (map === undefined) {
    map = new Map(match.pairs.map(([i, j]) => [j, i]));
    partners.set(match, map);
  }
  return map;
}

/**
 * The fields of two versions of an outcome to compare: the known ones in Value Map order, then
 * any other field either has (compared whole, and taken to move figures).
 */
function outcomeFields(a: Outcome, b: Outcome): (readonly [readonly string[], boolean])[] {
  const known = KNOWN_OUTCOME_FIELDS;
  const fields = [...OUTCOME_FIELDS];
  for (const group of ['proxy', 'evidence'] as const) {
    const inner = unionKeys(
      (a[group] ?? {}) as Record<string, unknown>,
      (b[group] ?? {}) as Record<string, unknown>,
    );
    for (const key of inner) {
      if (!known.has(`${group}.${key}`)) fields.push([[group, key], group === 'proxy']);
    }
  }
  for (const key of unionKeys(a, b)) {
    if (key === 'proxy' || key === 'evidence' || known.has(key)) continue;
    fields.push([[key], true]);
  }
  return fields;
}

/**
 * A change of row order (rows kept in both, in another order): it changes no figure but the
 * last digit of a sum can depend on it, so the rows it is about are built in the new order.
 */
function orderStep<T>(
  name: string,
  match: RowMatch,
  slotOf: ReadonlyMap<number, number>,
  afterRows: readonly T[],
  idOf: (row: T) => string,
  kind: StepKind,
  steps: Step[],
  rowsIn: (state: WalkState) => Rows<T>,
): void {
  const kept = match.pairs.map(([i]) => i);
  if (kept.every((i, k) => k === 0 || i > (kept[k - 1] ?? -1))) return;
  const newOrder = afterRows.map((_row, j) => slotOf.get(j) ?? -1);
  const ids = (order: readonly number[]) => order.map((j) => idOf(afterRows[j] as T));
  steps.push(
    step(
      kind,
      -1,
      {
        path: name,
        change: 'changed',
        before: ids([...match.pairs].sort((x, y) => x[0] - y[0]).map(([, j]) => j)),
        after: ids(match.pairs.map(([, j]) => j)),
      },
      (state) => {
        const rows = rowsIn(state);
        const placed = new Set(newOrder);
        rows.order = [...newOrder, ...rows.order.filter((slot) => !placed.has(slot))];
      },
    ),
  );
}

/**
 * Checks that the changes listed turn `before` into `after` (the rows put in `after`'s order):
 * if one was missed, its effect would be hidden in another's, so this is a bug, not bad input.
 */
function checkArrival(state: WalkState, after: Analysis): void {
  const built = build(state);
  const arranged = {
    ...built,
    stakeholders: arrange(built.stakeholders, after.stakeholders, (s) => s.id),
    inputs: arrange(built.inputs, after.inputs, canonical),
    outcomes: arrange(built.outcomes, after.outcomes, (o) => o.id),
  };
  if (canonical(arranged) !== canonical(after)) {
    throw new Error(
      'sroi: internal error in diffAnalyses: the changes found do not turn the first analysis into the second; please report this with the two analyses',
    );
  }
}

/** `rows` in the order of `model`, by key (rows with the same key keep their own order). */
function arrange<T>(rows: readonly T[], model: readonly T[], key: (row: T) => string): T[] {
  const waiting = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = waiting.get(k);
    if (list === undefined) waiting.set(k, [row]);
    else list.push(row);
  }
  const arranged: T[] = [];
  for (const row of model) {
    const found = waiting.get(key(row))?.shift();
    if (found !== undefined) arranged.push(found);
  }
  for (const list of waiting.values()) for (const row of list) arranged.push(row);
  return arranged;
}

/** JSON with keys sorted and empty objects and undefined values dropped. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined && !isEmptyObject(inner))
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => v === undefined)
  );
}

/** Keys of either object: the `first` ones in that order, then the rest in order of appearance. */
function unionKeys(
  a: object | undefined,
  b: object | undefined,
  first: readonly string[] = [],
): string[] {
  const keys = new Set(first);
  for (const key of Object.keys(a ?? {})) keys.add(key);
  for (const key of Object.keys(b ?? {})) keys.add(key);
  return [...keys];
}

function get(object: unknown, path: readonly string[]): unknown {
  let value = object;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * A copy of `object` with the value at `path` replaced, or removed when `value` is undefined
 * (a nested object left empty is removed too, as validation leaves out an empty one).
 */
function withPath<T>(object: T, path: readonly string[], value: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined) return value as T;
  const entries = Object.entries(object as Record<string, unknown>);
  const current = entries.find(([k]) => k === key)?.[1];
  const inner = rest.length === 0 ? value : withPath(current ?? {}, rest, value);
  const removed = inner === undefined || (rest.length > 0 && isEmptyObject(inner));
  // The field keeps its place; a new one goes last.
  const replaced = entries.flatMap(([k, v]): [string, unknown][] =>
    k !== key ? [[k, v]] : removed ? [] : [[k, inner]],
  );
  const added = current === undefined && !removed ? [[key, inner] as [string, unknown]] : [];
  return Object.fromEntries([...replaced, ...added]) as T;
}

/** The fields of an analysis other than its rows (stakeholders, inputs, outcomes). */
function topOf(analysis: Analysis): Readonly<Record<string, unknown>> {
  const rows = new Set(['stakeholders', 'inputs', 'outcomes']);
  return Object.fromEntries(Object.entries(analysis).filter(([key]) => !rows.has(key)));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffValue(value: unknown): DiffValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return JSON.stringify(value);
}
