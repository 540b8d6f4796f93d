import { floatArithmetic } from '../calc/_arithmetic.js';
import { Dec, str } from '../calc/_decimal.js';
import { retained } from '../calc/_fractions.js';
import { factorsFromRates } from '../calc/discountFactors.js';
import { movableRate } from '../calc/discountRate.js';
import { applyDeductions } from '../calc/impact.js';
import { fixedBecause, outcomeTerms, valuationContext } from '../calc/outcomeTerms.js';
import { compoundedValues, yearUnits } from '../calc/outcomeValues.js';
import { countedShares } from '../calc/valuedYears.js';
import { sampler } from './_distributions.js';
import { randomStreams } from './_random.js';
import { undefinedRatio } from './_sensitivityModel.js';
import { uncertaintyArgument, validRange } from './safeParseUncertainty.js';
import { analysisArgument, evaluateOptions, wholeNumber } from '../model/_arguments.js';
import { SroiError } from '../model/SroiError.js';
import { deductionSteps, uncertainParameters } from '../model/vocabulary.js';
import type { FloatDistribution, Sampler } from './_distributions.js';
import type { RandomBits } from './_random.js';
import type { UncertainAssumption, Uncertainty } from './Uncertainty.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { OutcomeTerms } from '../calc/outcomeTerms.js';
import type { Analysis, DecimalString } from '../model/analysis.js';

/** Mean and percentiles of one figure over the draws. */
export interface SimulationSummary {
  readonly mean: DecimalString;
  readonly p5: DecimalString;
  readonly p50: DecimalString;
  readonly p95: DecimalString;
}

/** One bar of the histogram of the SROI ratio: draws with `from ≤ ratio < to` (the last bar includes `to`). */
export interface HistogramBin {
  readonly from: DecimalString;
  readonly to: DecimalString;
  readonly count: number;
}

/** What `sroi simulate --format json` prints. */
export interface SimulationResult {
  readonly draws: number;
  readonly seed: number;
  readonly sroiRatio: SimulationSummary;
  readonly presentValue: SimulationSummary;
  /** Share of draws whose SROI ratio is at least 1. */
  readonly probabilityRatioAtLeastOne: DecimalString;
  readonly histogram: readonly HistogramBin[];
}

/** Options of `simulate`; `draws`, `seed` and `bins` replace those of the uncertainty section. */
export interface SimulateOptions extends EvaluateAnalysisOptions {
  readonly draws?: number;
  readonly seed?: number;
  readonly bins?: number;
}

/**
 * Monte Carlo simulation: draws every uncertain assumption from its distribution, `draws`
 * times, and summarises the SROI ratio and the present value: mean, 5th, 50th and 95th
 * percentiles, the share of draws with a ratio of at least 1, and a histogram of the ratio.
 *
 * Determinism: each uncertain assumption (each outcome's, once `"*"` is expanded) has its own
 * stream of xoshiro128** (Blackman & Vigna), seeded from `seed` by SplitMix64 and moved on by
 * 2^64 words per stream (the generator's `jump`), so the same seed gives the same figures, byte
 * for byte (on any machine with the same Node.js major version: `_distributions.ts` says why),
 * and an assumption added after the others does not change their draws. Percentiles follow Hyndman & Fan (1996) definition 7 (the default of R and of
 * spreadsheets' PERCENTILE): the value at rank h = (n − 1)p, interpolated linearly between the
 * order statistics either side.
 *
 * Speed: the draws run on float64 (docs/precision.md), 1,024 at a time: each stream fills a block of
 * values, then the block is valued column by column. Each outcome's coefficients are read once
 * from the exact engine and multiplied together where they are not drawn; a draw recomputes
 * only the outcomes with an uncertain assumption (all of them when the discount rate is
 * uncertain), summing the years by Horner's rule when drop-off is drawn and with a precomputed
 * sum when it is not. With every assumption at its base value the float figures agree with the
 * exact engine to better than 1e-9 relative (a test proves it, and another that each draw is
 * valued as the exact engine values it).
 *
 * @example
 * const analysis = parseAnalysis({
 *   name: 'x',
 *   discount: { rate: '0' },
 *   inputs: [{ description: 'Grant', value: '100' }],
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: '10',
 *                proxy: { value: '20' }, duration: 1 }],
 * });
 * simulate(analysis, { seed: 1, draws: 100, bins: 1, parameters: [
 *   { outcome: 'a', parameter: 'deadweight', distribution: 'uniform', min: '0.5', max: '0.5' },
 * ] }).sroiRatio;
 * //=> { mean: '1', p5: '1', p50: '1', p95: '1' }
 */
export function simulate(
  analysis: Analysis,
  uncertainty: Uncertainty,
  options: SimulateOptions = {},
): SimulationResult {
  const fn = 'simulate';
  analysisArgument(fn, analysis);
  const checked = uncertaintyArgument(fn, uncertainty, analysis);
  const given = evaluateOptions(fn, options) as SimulateOptions;
  const draws = wholeNumber(fn, 'draws', given.draws ?? checked.draws, 1, 10_000_000);
  const seed = wholeNumber(fn, 'seed', given.seed ?? checked.seed, -2147483648, 2147483647);
  const bins = wholeNumber(fn, 'bins', given.bins ?? checked.bins, 1, 1000);
  const model = simulationModel(analysis, checked, given);
  const { ratios, presentValues } = model.run(draws, seed);

  let atLeastOne = 0;
  for (const ratio of ratios) if (ratio >= 1) atLeastOne++;
  // Sorted in place: the draws are not needed in their order again.
  const sortedRatios = ratios.sort();
  return {
    draws,
    seed,
    sroiRatio: summary(sortedRatios),
    presentValue: summary(presentValues.sort()),
    probabilityRatioAtLeastOne: str(new Dec(atLeastOne).div(draws)),
    histogram: histogram(sortedRatios, bins),
  };
}

const float = floatArithmetic;
const retain = retained(float);
const deduct = applyDeductions(float);
const compounded = compoundedValues(float);
const unitsOf = yearUnits(float);
const sharesOf = countedShares(float);
const factorsAt = factorsFromRates(float);

/** An outcome's drawn assumption: its slot in `uncertainParameters` (0 = quantity … 6 = dropOff). */
const Q = uncertainParameters.indexOf('quantity');
const P = uncertainParameters.indexOf('proxy');
const DO = uncertainParameters.indexOf('dropOff');
const DEDUCTION_SLOTS = deductionSteps.map((step) => uncertainParameters.indexOf(step));

/** One outcome's float64 terms (`outcomeTerms`) and what the draws of it need. */
interface FloatOutcome {
  readonly terms: OutcomeTerms<number>;
  /**
   * The first-year quantity the outcome's value scales with: its quantity, or 1 for a profile
   * whose first year's quantity is 0 (which cannot be drawn, so every year keeps its own).
   */
  readonly quantity: number;
  /** Each counted valued year's units ÷ `quantity` (index 0 = `start`), at the base drop-off. */
  readonly weights: Float64Array;
  /** The share of each counted valued year that counts (1, and the last valued year's share). */
  readonly shares: Float64Array;
}

interface Draw {
  readonly outcome: FloatOutcome | undefined;
  /** The assumption's slot in `uncertainParameters` (-1 for the discount rate). */
  readonly slot: number;
  readonly sampler: Sampler;
  /** Which random stream draws it (see `drawPlan`). */
  readonly stream: number;
}

/** The draws of a simulation, and how many random streams their numbering uses. */
interface DrawPlan {
  readonly draws: readonly Draw[];
  readonly streams: number;
}

/**
 * How one outcome is valued in each draw of a block, worked out once: the product of the
 * factors that are not drawn, the blocks of those that are, and how the years are summed.
 */
interface OutcomeValuation {
  /** quantity × proxy × rebase × Π (1 − deduction), over the assumptions that are not drawn. */
  readonly fixed: number;
  /** The blocks of quantity and proxy (a block of ones when not drawn): value × each. */
  readonly quantity: Float64Array;
  readonly proxy: Float64Array;
  /**
   * What deadweight, displacement, attribution and leakage retain in each draw (a block of ones
   * when not drawn): value × each. Multiplying by 1 is exact, so a fixed-size loop gives the
   * same figures as one over the drawn blocks alone, in one pass instead of one per block.
   */
  readonly retained: readonly [Float64Array, Float64Array, Float64Array, Float64Array];
  /** What the drawn drop-off retains in each draw, if drop-off is drawn. */
  readonly dropOff: Float64Array | undefined;
  readonly start: number;
  /** The last valued year that counts. */
  readonly lastYear: number;
  readonly weights: Float64Array;
  readonly shares: Float64Array;
  /** Each counted year's share × its discount factor at the base rate (for a drawn drop-off). */
  readonly coefficients: Float64Array;
  /** When neither drop-off nor the discount rate is drawn: Σ weights × discount factor. */
  readonly units: number;
}

/** Draws are made in blocks: each stream fills its block, then the block's analyses are valued. */
const BLOCK = 1024;

/** The float64 model of a simulation. @internal */
export interface SimulationModel {
  readonly run: (
    draws: number,
    seed: number,
  ) => { ratios: Float64Array; presentValues: Float64Array };
}

/**
 * Builds the float64 model: every outcome read by the engine's valuation (`outcomeTerms`,
 * `outcomeValues`, `presentValueFactors`, `discountFactors`) on float64 arithmetic. @internal
 */
export function simulationModel(
  analysis: Analysis,
  uncertainty: Uncertainty,
  options: EvaluateAnalysisOptions = {},
): SimulationModel {
  const context = valuationContext(analysis, options);
  const lastYear = context.lastYear;
  const timing = analysis.discount.timing;
  const rate = movableRate(float)(analysis.discount, lastYear);
  const baseFactors = factorsAt(
    timing,
    rate.ratesAt(rate.base),
    lastYear,
    new Float64Array(lastYear + 1),
  );
  const factorOf = (year: number): number => baseFactors[year] ?? 1;
  const termsOf = outcomeTerms(float, context);
  const outcomes: FloatOutcome[] = analysis.outcomes.map((outcome, index) => {
    const terms = termsOf(outcome, index);
    const counted = Math.max(0, terms.years.lastCounted - terms.years.start + 1);
    const quantity = terms.profile !== undefined && terms.quantity === 0 ? 1 : terms.quantity;
    const weights =
      terms.profile === undefined
        ? compounded(terms.years, terms.dropOff?.retained ?? null, 1)
        : unitsOf(terms).map((units) => units / quantity);
    return {
      terms,
      quantity,
      weights: Float64Array.from(weights.slice(0, counted)),
      shares: Float64Array.from(sharesOf(terms.years)),
    };
  });
  const inputs = analysis.inputs.map((i) => ({ value: Number(i.value), year: i.year }));
  const totalInputs = (factors: Float64Array): number => {
    let total = 0;
    for (const input of inputs) total += input.value * (factors[input.year] ?? 1);
    return total;
  };
  if (totalInputs(baseFactors) === 0) throw undefinedRatio();

  const plan = drawPlan(analysis, uncertainty, outcomes);
  const rateUncertain = plan.draws.some((d) => d.outcome === undefined);

  const run = (draws: number, seed: number) => {
    const streams = randomStreams(seed, plan.streams);
    const blocks = plan.draws.map(() => new Float64Array(BLOCK));
    const rateBlock = blocks[plan.draws.findIndex((d) => d.outcome === undefined)];
    // Each outcome's drawn blocks by slot, in one pass over the plan (not one per outcome).
    const drawnBlocks = new Map<FloatOutcome, Map<number, Float64Array>>();
    plan.draws.forEach((d, k) => {
      if (d.outcome === undefined) return;
      const slots = drawnBlocks.get(d.outcome) ?? new Map<number, Float64Array>();
      slots.set(d.slot, blocks[k] as Float64Array);
      drawnBlocks.set(d.outcome, slots);
    });
    // Blocks of fractions hold what each drawn deduction or drop-off retains (see below).
    const retainedBlocks = plan.draws.map((d) => d.slot >= 2 && d.slot <= DO);
    // The outcomes valued in every draw (all of them when the rate is drawn); the others' PV is fixed.
    const valued = rateUncertain ? outcomes : outcomes.filter((o) => drawnBlocks.has(o));
    let fixedValue = 0;
    for (const o of outcomes) {
      if (!rateUncertain && !drawnBlocks.has(o)) fixedValue += basePresentValue(o, factorOf);
    }
    const ones = new Float64Array(BLOCK).fill(1);
    const valuations = valued.map((o) =>
      outcomeValuation(o, drawnBlocks.get(o) ?? new Map(), factorOf, ones),
    );
    const fixedInputs = totalInputs(baseFactors);

    const ratios = new Float64Array(draws);
    const presentValues = new Float64Array(draws);
    const value = new Float64Array(BLOCK);
    const inputsTotal = new Float64Array(BLOCK).fill(fixedInputs);
    // When the rate is drawn: the discount factor of year y in draw j at [y × BLOCK + j].
    const factorRows = rateUncertain ? new Float64Array((lastYear + 1) * BLOCK) : undefined;
    const factors = new Float64Array(lastYear + 1);
    for (let first = 0; first < draws; first += BLOCK) {
      const count = Math.min(BLOCK, draws - first);
      for (let k = 0; k < plan.draws.length; k++) {
        const draw = plan.draws[k] as Draw;
        const block = blocks[k] as Float64Array;
        draw.sampler.fill(streams[draw.stream] as RandomBits, block, count);
        if (retainedBlocks[k] === true)
          for (let j = 0; j < count; j++) block[j] = retain(block[j] as number);
      }
      const pv = presentValues.subarray(first, first + count);
      pv.fill(fixedValue);
      if (factorRows !== undefined && rateBlock !== undefined) {
        for (let j = 0; j < count; j++) {
          factorsAt(timing, rate.ratesAt(rateBlock[j] as number), lastYear, factors);
          for (let year = 0; year <= lastYear; year++) {
            factorRows[year * BLOCK + j] = factors[year] as number;
          }
          inputsTotal[j] = totalInputs(factors);
        }
      }
      for (const v of valuations) {
        const { fixed, quantity, proxy } = v;
        const [deadweight, displacement, attribution, leakage] = v.retained;
        for (let j = 0; j < count; j++) {
          value[j] =
            fixed *
            (quantity[j] as number) *
            (proxy[j] as number) *
            (deadweight[j] as number) *
            (displacement[j] as number) *
            (attribution[j] as number) *
            (leakage[j] as number);
        }
        addPresentValues(v, value, factorRows, pv, count);
      }
      for (let j = 0; j < count; j++) {
        ratios[first + j] = (pv[j] as number) / (inputsTotal[j] as number);
      }
    }
    return { ratios, presentValues };
  };
  return { run };
}

/** An outcome's present value at its base assumptions: first-year value × Σ weights × DF. */
function basePresentValue(o: FloatOutcome, factor: (year: number) => number): number {
  const { terms } = o;
  let units = 0;
  for (let k = 0; k < o.weights.length; k++) {
    units += (o.weights[k] as number) * factor(terms.years.start + k);
  }
  return deduct(terms.proxyValue * o.quantity, terms.deductions) * units;
}

/** Splits an outcome's assumptions into the fixed product and the drawn blocks (by slot). */
function outcomeValuation(
  o: FloatOutcome,
  drawn: ReadonlyMap<number, Float64Array>,
  factor: (year: number) => number,
  ones: Float64Array,
): OutcomeValuation {
  const { terms } = o;
  let fixed = terms.rebase ?? 1;
  if (!drawn.has(Q)) fixed *= o.quantity;
  if (!drawn.has(P)) fixed *= terms.proxy;
  for (const d of terms.deductions) {
    if (!drawn.has(uncertainParameters.indexOf(d.step))) fixed *= d.retained;
  }
  const { start, lastCounted } = terms.years;
  const coefficients = o.shares.map((share, k) => share * factor(start + k));
  let units = 0;
  for (let k = 0; k < o.weights.length; k++) units += (o.weights[k] as number) * factor(start + k);
  const [dw, dp, at, lk] = DEDUCTION_SLOTS.map((slot) => drawn.get(slot) ?? ones);
  return {
    fixed,
    quantity: drawn.get(Q) ?? ones,
    proxy: drawn.get(P) ?? ones,
    retained: [dw ?? ones, dp ?? ones, at ?? ones, lk ?? ones],
    // drawPlan never draws what is not an assumption of the outcome (a profile's drop-off).
    dropOff: drawn.get(DO),
    start,
    lastYear: lastCounted,
    weights: o.weights,
    shares: o.shares,
    coefficients,
    units,
  };
}

/**
 * Adds value[j] × Σ over the outcome's counted years of its year weight × discount factor to
 * pv[j], for each draw j of the block: by Horner's rule in what the drawn drop-off retains when
 * drop-off is drawn (Σ_k r^k × share_k × DF_k), with the year weights otherwise, and with one
 * precomputed sum when neither drop-off nor the rate is drawn.
 */
function addPresentValues(
  v: OutcomeValuation,
  value: Float64Array,
  factorRows: Float64Array | undefined,
  pv: Float64Array,
  count: number,
): void {
  const { start, lastYear, dropOff, weights, shares, coefficients } = v;
  const years = lastYear - start + 1;
  if (factorRows === undefined) {
    if (dropOff === undefined) {
      const units = v.units;
      for (let j = 0; j < count; j++) pv[j] = (pv[j] as number) + (value[j] as number) * units;
      return;
    }
    for (let j = 0; j < count; j++) {
      const retained = dropOff[j] as number;
      let units = 0;
      for (let k = years - 1; k >= 0; k--) units = units * retained + (coefficients[k] as number);
      pv[j] = (pv[j] as number) + (value[j] as number) * units;
    }
    return;
  }
  for (let j = 0; j < count; j++) {
    let units = 0;
    if (dropOff === undefined) {
      for (let k = 0; k < years; k++) {
        units += (weights[k] as number) * (factorRows[(start + k) * BLOCK + j] as number);
      }
    } else {
      const retained = dropOff[j] as number;
      for (let k = years - 1; k >= 0; k--) {
        units =
          units * retained +
          (shares[k] as number) * (factorRows[(start + k) * BLOCK + j] as number);
      }
    }
    pv[j] = (pv[j] as number) + (value[j] as number) * units;
  }
}

/**
 * Which assumption each stream draws. Streams are numbered in the order of the uncertainty
 * section, with `"*"` expanded in outcome order, and every outcome of a `"*"` entry keeps its
 * stream number even when the entry does not draw for it: an outcome's own entry takes precedence
 * over `"*"`, and no entry draws an assumption that is not one of the outcome (`fixedBecause`:
 * drop-off, and a zero first-year quantity, of an outcome with `quantityByYear`). So an entry
 * added at the end of the section, even an outcome's own entry under an earlier `"*"`, leaves
 * every other outcome's draws as they were.
 */
function drawPlan(
  analysis: Analysis,
  uncertainty: Uncertainty,
  outcomes: readonly FloatOutcome[],
): DrawPlan {
  const own = new Set(
    uncertainty.parameters.flatMap((a) =>
      a.outcome === undefined || a.outcome === '*' ? [] : [`${a.outcome}|${a.parameter}`],
    ),
  );
  const indexOf = new Map(analysis.outcomes.map((outcome, index) => [outcome.id, index]));
  const draws: Draw[] = [];
  let stream = 0;
  for (const assumption of uncertainty.parameters) {
    // One sampler serves every outcome of a "*" assumption: samplers keep no state between calls.
    const shared = sampler(floatDistribution(analysis, assumption));
    const parameter = assumption.parameter;
    if (parameter === 'discountRate') {
      draws.push({ outcome: undefined, slot: -1, sampler: shared, stream: stream++ });
      continue;
    }
    const slot = uncertainParameters.indexOf(parameter);
    if (assumption.outcome !== '*') {
      const index = indexOf.get(assumption.outcome ?? '');
      const floatOutcome = index === undefined ? undefined : outcomes[index];
      if (
        floatOutcome !== undefined &&
        fixedBecause(floatOutcome.terms.outcome, parameter) === undefined
      ) {
        draws.push({ outcome: floatOutcome, slot, sampler: shared, stream });
      }
      stream++;
      continue;
    }
    analysis.outcomes.forEach((outcome, index) => {
      const number = stream++;
      if (own.has(`${outcome.id}|${parameter}`)) return;
      if (fixedBecause(outcome, parameter) !== undefined) return;
      draws.push({
        outcome: outcomes[index] as FloatOutcome,
        slot,
        sampler: shared,
        stream: number,
      });
    });
  }
  return { draws, streams: stream };
}

function floatDistribution(analysis: Analysis, a: UncertainAssumption): FloatDistribution {
  switch (a.distribution) {
    case 'uniform':
      return { distribution: 'uniform', min: Number(a.min), max: Number(a.max) };
    case 'triangular':
    case 'pert':
      return {
        distribution: a.distribution,
        min: Number(a.min),
        mode: Number(a.mode),
        max: Number(a.max),
      };
    case 'beta':
      return {
        distribution: 'beta',
        alpha: Number(a.alpha),
        beta: Number(a.beta),
        min: Number(a.min ?? '0'),
        max: Number(a.max ?? '1'),
      };
    case 'normal': {
      const [low, high] = validRange(analysis, a.parameter);
      const lower = Math.max(
        low === null ? -Infinity : low.toNumber(),
        a.min === undefined ? -Infinity : Number(a.min),
      );
      const upper = Math.min(
        high === null ? Infinity : high.toNumber(),
        a.max === undefined ? Infinity : Number(a.max),
      );
      return {
        distribution: 'normal',
        mean: Number(a.mean),
        sd: Number(a.sd),
        min: lower,
        max: upper,
      };
    }
  }
}

/** Hyndman & Fan type 7: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]), h = (n − 1)p. @internal */
export function percentile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const below = sorted[low] as number;
  const above = sorted[Math.min(low + 1, sorted.length - 1)] as number;
  return below + (h - low) * (above - below);
}

/**
 * The arithmetic mean of sorted draws, exact when every draw is the same and never outside the
 * smallest and largest draw: the mean of each draw's distance above the smallest (0 for equal
 * draws, so their mean is that draw to the last bit), summed smallest first with Neumaier's
 * compensation (Neumaier 1974; the error does not grow with the number of draws), then added
 * to the smallest and kept within [smallest, largest], where the true mean lies — only
 * rounding could take it outside. A plain float sum of ten thousand draws of 0.1 is below 0.1.
 * @internal
 */
export function meanOfSorted(sorted: Float64Array): number {
  const n = sorted.length;
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const distance = (sorted[i] as number) - min;
    const next = sum + distance;
    compensation += sum >= distance ? sum - next + distance : distance - next + sum;
    sum = next;
  }
  const mean = min + (sum + compensation) / n;
  return mean < min ? min : mean > max ? max : mean;
}

/** Mean and percentiles of sorted draws. @internal */
export function summary(sorted: Float64Array): SimulationSummary {
  return {
    mean: text(meanOfSorted(sorted)),
    p5: text(percentile(sorted, 0.05)),
    p50: text(percentile(sorted, 0.5)),
    p95: text(percentile(sorted, 0.95)),
  };
}

/** Equal-width bins from the smallest to the largest ratio; one bin when they are equal. */
function histogram(sorted: Float64Array, bins: number): HistogramBin[] {
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  if (max === min) return [{ from: text(min), to: text(max), count: sorted.length }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const value of sorted) {
    const index = Math.min(bins - 1, Math.floor((value - min) / width));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((count, i) => ({
    from: text(min + i * width),
    to: text(i === bins - 1 ? max : min + (i + 1) * width),
    count,
  }));
}

/** A float as a plain decimal string (its shortest round-trip form, never exponent notation). */
function text(value: number): DecimalString {
  if (!Number.isFinite(value)) {
    throw new SroiError(
      'INVALID_ARGUMENT',
      `a simulated figure is not finite (${value}); check the distributions`,
    );
  }
  return str(new Dec(value));
}
