/**
 * The sensitivity and Monte Carlo results a report can show, described by their shape (the
 * JSON of `sroi sensitivity` and `sroi simulate`) rather than imported from `src/sensitivity`, so that a report accepts them however they
 * were produced — by the library, or read back from `sroi sensitivity --format json`. Figures
 * may be decimal strings (the exact engine) or numbers (the float fast path).
 */
import type { DecimalString } from '../model/analysis.js';

/** A figure as a decimal string or a number. */
export type ReportFigure = DecimalString | number;

/** One assumption moved to each end of its range (one-way sensitivity). */
export interface ReportOneWay {
  /** The model's name of the assumption: `deadweight`, `proxy`, `discountRate`, … */
  readonly parameter: string;
  /** The outcome's id, for a per-outcome assumption. */
  readonly outcome?: string;
  /** The input's index or description, for `inputValue`. */
  readonly input?: string | number;
  readonly low: { readonly value: ReportFigure; readonly sroiRatio: ReportFigure | null };
  readonly high: { readonly value: ReportFigure; readonly sroiRatio: ReportFigure | null };
}

/** The value of one assumption at which the SROI ratio reaches the target. */
export interface ReportSwitchingValue {
  readonly parameter: string;
  readonly outcome?: string;
  readonly input?: string | number;
  /** The assumption's value in the base case. */
  readonly base: ReportFigure;
  /** `null` when no value in the valid range reaches the target. */
  readonly switchingValue: ReportFigure | null;
  readonly reachable: boolean;
  /** The ratio at the end of the valid range, when the target is not reachable. */
  readonly ratioAtLimit?: ReportFigure | null;
}

/** One-way sensitivity and switching values. */
export interface ReportSensitivity {
  readonly base?: { readonly sroiRatio: ReportFigure | null };
  /** The target SROI ratio of the switching values (1 by default). */
  readonly target: ReportFigure;
  /** Widest swing first: the order of the tornado. */
  readonly oneWay: readonly ReportOneWay[];
  readonly switchingValues: readonly ReportSwitchingValue[];
}

/** Mean and percentiles of a simulated figure. */
export interface ReportDistribution {
  readonly mean: ReportFigure;
  readonly p5: ReportFigure;
  readonly p50: ReportFigure;
  readonly p95: ReportFigure;
}

/** One histogram bin of simulated SROI ratios: draws with `from ≤ ratio < to`. */
export interface ReportHistogramBin {
  readonly from: ReportFigure;
  readonly to: ReportFigure;
  readonly count: number;
}

/** A Monte Carlo simulation. */
export interface ReportSimulation {
  readonly draws: number;
  readonly seed: number | string;
  readonly sroiRatio: ReportDistribution;
  readonly presentValue?: ReportDistribution;
  /** Share of draws whose SROI ratio is at least 1, from 0 to 1. */
  readonly probabilityRatioAtLeastOne: ReportFigure;
  readonly histogram: readonly ReportHistogramBin[];
}

/** The figures of the base case or of one scenario that a report shows. */
export interface ReportScenarioFigures {
  readonly totalPresentValue: ReportFigure;
  readonly netPresentValue: ReportFigure;
  readonly sroiRatio: ReportFigure | null;
}

/** The base case and the named scenarios (what `evaluateScenarios` returns, or its JSON). */
export interface ReportScenarios {
  readonly base: ReportScenarioFigures;
  readonly scenarios: readonly {
    readonly name: string;
    readonly description?: string;
    readonly result: ReportScenarioFigures;
  }[];
}
