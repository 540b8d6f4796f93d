import { Dec, ONE } from '../calc/_decimal.js';
import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import {
  analysisArgument,
  decimalText,
  evaluateOptions as evaluateArgumentOptions,
  invalid,
  listArgument,
  MAX_DURATION,
  objectArgument,
  signedDecimal,
  textArgument,
} from '../model/_arguments.js';
import { simulate } from '../sensitivity/simulate.js';
import { switchingValuesWithin } from '../sensitivity/_leading.js';
import { sensitivityPlan } from '../sensitivity/sensitivityAnalysis.js';
import { MARGIN_STEPS, marginUnit, switchingMargin } from './switchingMargin.js';
import type { MarginSteps } from './switchingMargin.js';
import type { SocialValuePrinciple } from './socialValuePrinciples.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { Analysis, DecimalString, Outcome } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';
import type { SwitchingValue } from '../sensitivity/solveFor.js';
import type { Uncertainty } from '../sensitivity/Uncertainty.js';

/**
 * How much a finding matters to an assurer: `high`, the claim should not go out without it being
 * answered; `medium`, it needs a stated reason; `low`, worth a sentence.
 */
export type FindingSeverity = 'high' | 'medium' | 'low';

/** The stable code of each check (docs/check.md). */
export type FindingCode =
  | 'PROXY_WITHOUT_SOURCE'
  | 'PROXY_WITHOUT_PRICE_YEAR'
  | 'OUTCOME_WITHOUT_INDICATOR'
  | 'NO_DEDUCTIONS'
  | 'LONG_DURATION'
  | 'DURATION_WITHOUT_DROP_OFF'
  | 'VALUE_CONCENTRATED'
  | 'OUTCOME_NOT_MATERIAL'
  | 'VOLUNTEERS_WITHOUT_IN_KIND_INPUT'
  | 'NO_INPUTS'
  | 'SWITCHING_VALUE_CLOSE'
  | 'LOW_PROBABILITY_RATIO_AT_LEAST_ONE'
  | 'SHEET_FIGURES_DISAGREE';

/** One thing an assurer would question. */
export interface CheckFinding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** The id of the outcome the finding is about, when it is about one. */
  readonly outcome?: string;
  /** What was found, in plain words, with the figure and the threshold where there is one. */
  readonly message: string;
  /** The principle of social value the finding serves. */
  readonly principle: SocialValuePrinciple;
}

/** What `checkAnalysis` returns and `sroi check --format json` prints. */
export interface CheckResult {
  readonly findings: readonly CheckFinding[];
}

/**
 * One figure that a spreadsheet computed itself, beside sroi's own value of it. The Value Map
 * reader fills these from the sheet's computed cells (impact, present value, ratio).
 */
export interface SheetComparison {
  /** What is compared, in words: `"present value"`, `"SROI ratio"`. */
  readonly figure: string;
  /** Where the sheet holds it, e.g. `"Value Map!R12"`. */
  readonly cell?: string;
  /** The outcome's id, when the figure belongs to one. */
  readonly outcome?: string;
  /** The sheet's own value. */
  readonly sheet: DecimalString;
  /** sroi's value of the same figure. */
  readonly sroi: DecimalString;
  /** The largest difference that still counts as agreement (default `sheetTolerance`). */
  readonly tolerance?: DecimalString;
}

/** The thresholds of the checks; each has a default (`checkDefaults`). */
export interface CheckThresholds {
  /** A duration above this many years is questioned (default 5). */
  readonly maxDuration: number;
  /** A duration above this many years with no drop-off is questioned (default 1). */
  readonly maxDurationWithoutDropOff: number;
  /** One outcome holding more than this share of the present value is questioned (0.5). */
  readonly concentration: DecimalString;
  /** An outcome holding less than this share of the present value is questioned (0.01). */
  readonly materiality: DecimalString;
  /** The SROI ratio the switching values reach (1). */
  readonly switchingTarget: DecimalString;
  /** A switching value within one of these moves of its base is questioned (the one-way steps). */
  readonly smallMove: MarginSteps;
  /** A probability of a ratio of at least 1 below this is questioned (0.9). */
  readonly probability: DecimalString;
  /** The default largest difference between a sheet's figure and sroi's (0.005). */
  readonly sheetTolerance: DecimalString;
}

/**
 * The default thresholds, as docs/check.md states them.
 *
 * @example
 * [checkDefaults.maxDuration, checkDefaults.concentration, checkDefaults.materiality];
 * //=> [5, '0.5', '0.01']
 */
export const checkDefaults: CheckThresholds = {
  maxDuration: 5,
  maxDurationWithoutDropOff: 1,
  concentration: '0.5',
  materiality: '0.01',
  switchingTarget: '1',
  smallMove: MARGIN_STEPS,
  probability: '0.9',
  sheetTolerance: '0.005',
};

/** Options of `checkAnalysis`. */
export interface CheckAnalysisOptions extends EvaluateAnalysisOptions {
  /** Thresholds to replace the defaults of `checkDefaults`. */
  readonly thresholds?: Partial<CheckThresholds>;
  /** The analysis file's uncertainty section: with it, the probability of a ratio ≥ 1 is checked. */
  readonly uncertainty?: Uncertainty;
  /** A spreadsheet's own figures beside sroi's (from the Value Map reader). */
  readonly sheetComparisons?: readonly SheetComparison[];
}

const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { high: 0, medium: 1, low: 2 };

/** How each assumption is named in a message. */
const NAMES: Readonly<Record<string, string>> = {
  quantity: 'the quantity',
  proxy: 'the financial proxy',
  deadweight: 'deadweight',
  displacement: 'displacement',
  attribution: 'attribution',
  leakage: 'leakage',
  dropOff: 'drop-off',
  duration: 'the duration',
};

/**
 * An assurance-readiness review: what an assurer working to the principles of social value
 * would question in this analysis, each finding with a code, a severity, the outcome it is
 * about, a plain message and the principle it serves. The findings are advice; none changes a
 * figure. The checks and their thresholds are listed in docs/check.md: a proxy without a source
 * or a price year, an outcome without an indicator, an outcome with no deduction at all, a long
 * duration or one without drop-off, one outcome holding most of the value, outcomes below a
 * materiality share, volunteers with no input in kind, no inputs at all, a switching value
 * within a small move of its base, a low probability of a ratio of at least 1 (with an
 * uncertainty section, simulated with its own seed), and a spreadsheet's own figures that
 * disagree with sroi's. Findings are ordered by severity, then by check, then by outcome row.
 *
 * @example
 * checkAnalysis(parseAnalysis({
 *   name: 'x',
 *   inputs: [{ description: 'Grant', value: '100' }],
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'Warmer homes', indicator: 'Homes above 18°C',
 *     quantity: '10', duration: 1, deadweight: '20%', proxy: { value: '50', priceYear: 2024 } }],
 * })).findings;
 * //=> [{ code: 'PROXY_WITHOUT_SOURCE', severity: 'high', outcome: 'a', principle: 'Be transparent', message: 'the financial proxy of “Warmer homes” has no source: say where its value of 50 comes from' }]
 */
export function checkAnalysis(analysis: Analysis, options: CheckAnalysisOptions = {}): CheckResult {
  const fn = 'checkAnalysis';
  analysisArgument(fn, analysis);
  evaluateArgumentOptions(fn, options);
  const t = thresholds(fn, options.thresholds);
  const sheet = comparisons(fn, options.sheetComparisons);
  const findings: CheckFinding[] = [];
  const add = (
    code: FindingCode,
    severity: FindingSeverity,
    principle: SocialValuePrinciple,
    message: string,
    outcome?: string,
  ): void => {
    findings.push({
      code,
      severity,
      ...(outcome === undefined ? {} : { outcome }),
      message,
      principle,
    });
  };
  const evaluateOptions = options.deflators === undefined ? {} : { deflators: options.deflators };

  // What each outcome states.
  for (const o of analysis.outcomes) {
    const name = `“${o.outcome}”`;
    if (blank(o.proxy.source)) {
      add(
        'PROXY_WITHOUT_SOURCE',
        'high',
        'Be transparent',
        `the financial proxy of ${name}${o.proxy.description === undefined ? '' : `, “${o.proxy.description}”,`} has no source: say where its value of ${o.proxy.value} comes from`,
        o.id,
      );
    }
    if (o.proxy.priceYear === undefined) {
      add(
        'PROXY_WITHOUT_PRICE_YEAR',
        'medium',
        'Be transparent',
        `the financial proxy of ${name} has no price year, so it cannot be put on the analysis' price base: state the year its value was priced in`,
        o.id,
      );
    }
    if (blank(o.indicator)) {
      add(
        'OUTCOME_WITHOUT_INDICATOR',
        'medium',
        'Understand what changes',
        `${name} has no indicator: say how the change is measured`,
        o.id,
      );
    }
    if ([o.deadweight, o.displacement, o.attribution, o.leakage].every(isZero)) {
      add(
        'NO_DEDUCTIONS',
        'high',
        'Do not over-claim',
        `${name} has no deduction at all (deadweight, displacement, attribution and leakage are 0): state what would have happened anyway and who else contributed, or why each is nil`,
        o.id,
      );
    }
    if (o.duration > t.maxDuration) {
      add(
        'LONG_DURATION',
        'medium',
        'Do not over-claim',
        `${name} is valued for ${o.duration} years, more than ${t.maxDuration}: give the evidence that the change lasts that long`,
        o.id,
      );
    }
    if (
      o.duration > t.maxDurationWithoutDropOff &&
      o.quantityByYear === undefined &&
      isZero(o.dropOff)
    ) {
      add(
        'DURATION_WITHOUT_DROP_OFF',
        'medium',
        'Do not over-claim',
        `${name} lasts ${o.duration} years with no drop-off: the same value every year is rarely true; state the drop-off, or why there is none`,
        o.id,
      );
    }
  }

  // Where the value lies.
  const result = evaluateAnalysis(analysis, evaluateOptions);
  shareFindings(analysis, result, t, add);

  // What was put in.
  if (hasVolunteers(analysis) && !hasInKindInput(analysis)) {
    add(
      'VOLUNTEERS_WITHOUT_IN_KIND_INPUT',
      'medium',
      'Do not over-claim',
      'volunteers are among the stakeholders but no input is in kind: value their time as an input, or the ratio is higher than what was put in supports',
    );
  }
  const noInputs = new Dec(result.totalInputs).isZero();
  if (noInputs) {
    add(
      'NO_INPUTS',
      'high',
      'Do not over-claim',
      'total inputs are zero, so there is no SROI ratio: list what was put in, in money and in kind',
    );
  }

  // How firm the ratio is.
  if (!noInputs) {
    const target = t.switchingTarget;
    // only those within one small move are worked out exactly (a large analysis has millions)
    const plan = sensitivityPlan('checkAnalysis', analysis, { target, ...evaluateOptions }, result);
    const values = switchingValuesWithin(plan, ONE, t.smallMove);
    const outcomes = new Map(analysis.outcomes.map((o) => [o.id, o]));
    for (const value of values) {
      const margin = switchingMargin(value, t.smallMove);
      if (margin === null) continue;
      add(
        'SWITCHING_VALUE_CLOSE',
        'high',
        'Do not over-claim',
        `the SROI ratio reaches ${plain(new Dec(target))} : 1 if ${subject(value, outcomes, analysis)} moves from ${shown(value.parameter, value.base)} to ${shown(value.parameter, value.switchingValue ?? value.base)}, within one small move (${smallMove(margin.unit, t.smallMove)}): the conclusion rests on it`,
        value.outcome,
      );
    }
    if (options.uncertainty !== undefined) {
      const simulated = simulate(analysis, options.uncertainty, evaluateOptions);
      const probability = new Dec(simulated.probabilityRatioAtLeastOne);
      if (probability.lt(t.probability)) {
        add(
          'LOW_PROBABILITY_RATIO_AT_LEAST_ONE',
          probability.lt('0.5') ? 'high' : 'medium',
          'Do not over-claim',
          `in ${simulated.draws} draws (seed ${simulated.seed}) the SROI ratio was at least 1 : 1 in ${percent(probability)} of them, less than ${percent(new Dec(t.probability))}: say how likely the claim is`,
        );
      }
    }
  }

  // What the spreadsheet says.
  for (const comparison of sheet) {
    const difference = new Dec(comparison.sheet).minus(comparison.sroi);
    const tolerance = new Dec(comparison.tolerance ?? t.sheetTolerance);
    if (difference.abs().lte(tolerance)) continue;
    add(
      'SHEET_FIGURES_DISAGREE',
      'high',
      'Verify the result',
      `the sheet's own ${comparison.figure}${comparison.cell === undefined ? '' : ` (${comparison.cell})`} is ${comparison.sheet} but sroi calculates ${comparison.sroi}, a difference of ${plain(difference)}: find which formula or figure differs`,
      comparison.outcome,
    );
  }

  // Array.prototype.sort is stable: within a severity, the order of the checks above.
  return {
    findings: findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
  };
}

/** One outcome holding most of the value, and outcomes holding too little of it to matter. */
function shareFindings(
  analysis: Analysis,
  result: SroiResult,
  t: CheckThresholds,
  add: (
    code: FindingCode,
    severity: FindingSeverity,
    principle: SocialValuePrinciple,
    message: string,
    outcome?: string,
  ) => void,
): void {
  const total = new Dec(result.totalPresentValue);
  // Shares of a total that is zero or negative say nothing about where the value lies.
  if (!total.gt(0)) return;
  const names = new Map(analysis.outcomes.map((o) => [o.id, o.outcome]));
  for (const o of result.outcomes) {
    const share = new Dec(o.presentValue).div(total);
    const name = `“${names.get(o.id) ?? o.outcome}”`;
    if (result.outcomes.length > 1 && share.gt(t.concentration)) {
      add(
        'VALUE_CONCENTRATED',
        'medium',
        'Verify the result',
        `${name} holds ${percent(share)} of the present value, more than ${percent(new Dec(t.concentration))}: the claim rests on its evidence above all`,
        o.id,
      );
    }
    if (share.abs().lt(t.materiality)) {
      add(
        'OUTCOME_NOT_MATERIAL',
        'low',
        'Only include what is material',
        `${name} holds ${percent(share)} of the present value, less than the materiality threshold of ${percent(new Dec(t.materiality))}: say why it is included, or leave it out`,
        o.id,
      );
    }
  }
}

const VOLUNTEER = /volunteer/i;

/** Volunteers among the stakeholders: by a stakeholder's id or name, or an input's kind or description. */
function hasVolunteers(analysis: Analysis): boolean {
  return (
    analysis.stakeholders.some((s) => VOLUNTEER.test(s.id) || VOLUNTEER.test(s.name)) ||
    analysis.outcomes.some((o) => VOLUNTEER.test(o.stakeholder)) ||
    analysis.inputs.some((i) =>
      [i.stakeholder, i.kind, i.description].some(
        (text) => text !== undefined && VOLUNTEER.test(text),
      ),
    )
  );
}

/** An input of some value given in kind: its kind is "in-kind" (however written) or names volunteering. */
function hasInKindInput(analysis: Analysis): boolean {
  return analysis.inputs.some(
    (i) =>
      i.kind !== undefined &&
      (i.kind.toLowerCase().replace(/[^a-z]/g, '') === 'inkind' || VOLUNTEER.test(i.kind)) &&
      new Dec(i.value).gt(0),
  );
}

/** The thresholds with the defaults filled in, each checked. */
function thresholds(fn: string, given: unknown): CheckThresholds {
  const asked = given === undefined ? {} : objectArgument(fn, 'options.thresholds', given);
  const t = { ...checkDefaults, ...asked } as CheckThresholds;
  for (const name of ['maxDuration', 'maxDurationWithoutDropOff'] as const) {
    const years = t[name];
    if (typeof years !== 'number' || !(years >= 0 && years <= MAX_DURATION)) {
      throw invalid(
        fn,
        `thresholds.${name} must be a number of years from 0 to ${MAX_DURATION}`,
        years,
      );
    }
  }
  for (const name of ['concentration', 'materiality', 'probability'] as const) {
    const value = new Dec(decimalText(fn, t[name], `thresholds.${name}`));
    if (value.lt(0) || value.gt(1)) {
      throw invalid(fn, `thresholds.${name} must be a share from 0 to 1`, t[name]);
    }
  }
  signedDecimal(
    fn,
    t.switchingTarget,
    'thresholds.switchingTarget',
    'positive',
    'must be a ratio above 0',
  );
  signedDecimal(fn, t.sheetTolerance, 'thresholds.sheetTolerance', 'zero', 'must be ≥ 0');
  const steps = objectArgument(fn, 'thresholds.smallMove', t.smallMove);
  for (const unit of ['relative', 'points', 'years'] as const) {
    signedDecimal(fn, steps[unit], `thresholds.smallMove.${unit}`, 'positive', 'must be above 0');
  }
  return t;
}

/** The sheet's figures to compare, each checked. */
function comparisons(fn: string, given: unknown): readonly SheetComparison[] {
  if (given === undefined) return [];
  return listArgument(fn, 'options.sheetComparisons', given).map((raw, i) => {
    const at = `options.sheetComparisons[${i}]`;
    const c = objectArgument(fn, at, raw);
    textArgument(fn, c.figure, `${at}.figure`);
    if (c.cell !== undefined) textArgument(fn, c.cell, `${at}.cell`);
    decimalText(fn, c.sheet, `${at}.sheet`);
    decimalText(fn, c.sroi, `${at}.sroi`);
    if (c.tolerance !== undefined) {
      signedDecimal(fn, c.tolerance, `${at}.tolerance`, 'zero', 'must be ≥ 0');
    }
    return raw as SheetComparison;
  });
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

function isZero(value: DecimalString): boolean {
  return new Dec(value).isZero();
}

/** What a switching value moves, in words. */
function subject(
  value: SwitchingValue,
  outcomes: ReadonlyMap<string, Outcome>,
  analysis: Analysis,
): string {
  if (value.parameter === 'discountRate') return 'the discount rate';
  if (value.parameter === 'proxyScale') return 'every financial proxy, scaled together,';
  if (value.parameter === 'inputValue') {
    const input = value.input === undefined ? undefined : analysis.inputs[value.input];
    return `the input “${input?.description ?? String(value.input)}”`;
  }
  const outcome = value.outcome === undefined ? undefined : outcomes.get(value.outcome);
  return `${NAMES[value.parameter] ?? value.parameter} of “${outcome?.outcome ?? value.outcome ?? ''}”`;
}

/** An assumption's value in a message: fractions as percentages, scales as ×, years as years. */
function shown(parameter: string, value: DecimalString): string {
  const v = new Dec(value);
  if (marginUnit(parameter) === 'points') return percent(v);
  if (parameter === 'proxyScale') return `×${plain(v, 4)}`;
  if (parameter === 'duration') return `${plain(v)} ${v.eq(1) ? 'year' : 'years'}`;
  return plain(v);
}

/** The small move of a unit, in words: "10% of its value", "10 points", "1 year". */
function smallMove(unit: 'relative' | 'points' | 'years', steps: MarginSteps): string {
  if (unit === 'relative') return `${percent(new Dec(steps.relative))} of its value`;
  if (unit === 'points') return `${plain(new Dec(steps.points).times(100))} points`;
  return `${plain(new Dec(steps.years))} ${new Dec(steps.years).eq(1) ? 'year' : 'years'}`;
}

/** A share as a percentage for a message, to one decimal place at most: `72.6%`, `1%`. */
function percent(share: Dec): string {
  return `${plain(share.times(100), 1)}%`;
}

/** A number for a message, to `places` decimal places at most, trailing zeros dropped. */
function plain(value: Dec, places = 2): string {
  const rounded = value.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  return rounded.isZero() ? '0' : rounded.toFixed();
}
