/**
 * The messages between the app and its workers, which run the long calculations off the page's
 * thread: Monte Carlo (`simulate`, exactly as `sroi simulate` calls it, so the same seed gives
 * the same figures), sensitivity (`sensitivityAnalysis`, as `sroi report --sensitivity`), and
 * the review that follows the map as it is edited — the findings of `checkAnalysis` (as `sroi
 * check` works them out, the uncertainty section included) and, when a previous version is open,
 * the changes since it (`diffAnalyses`, as `sroi diff`). Everything in a message is plain data
 * (the validated analyses, the parsed uncertainty).
 */
import type { Analysis } from '../model/analysis.js';
import type { CheckResult } from '../review/checkAnalysis.js';
import type { AnalysisDiff } from '../review/diffAnalyses.js';
import type {
  SensitivityAnalysisOptions,
  SensitivityAnalysisResult,
} from '../sensitivity/sensitivityAnalysis.js';
import type { SimulateOptions, SimulationResult } from '../sensitivity/simulate.js';
import type { Uncertainty } from '../sensitivity/Uncertainty.js';

/** What the app asks the worker to do. */
export type WorkerRequest =
  | {
      readonly id: number;
      readonly kind: 'simulate';
      readonly analysis: Analysis;
      readonly uncertainty: Uncertainty;
      readonly options: SimulateOptions;
    }
  | {
      readonly id: number;
      readonly kind: 'sensitivity';
      readonly analysis: Analysis;
      readonly options: SensitivityAnalysisOptions;
    }
  | {
      readonly id: number;
      readonly kind: 'review';
      readonly analysis: Analysis;
      /** The analysis file's uncertainty section, when it has a valid one. */
      readonly uncertainty?: Uncertainty;
      /** The previous version, to list the changes since it. */
      readonly previous?: Analysis;
    };

/** A part of an answer: its value, or the message of the rule that stopped it. */
export type Worked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The answer to a review: the findings, and the changes when a previous version was given. */
export interface ReviewAnswer {
  readonly check: Worked<CheckResult>;
  readonly diff?: Worked<AnalysisDiff>;
}

/** What the worker answers: `started` first, then the result or the reason there is none. */
export type WorkerResponse =
  | { readonly id: number; readonly kind: 'started' }
  | { readonly id: number; readonly kind: 'simulate'; readonly result: SimulationResult }
  | {
      readonly id: number;
      readonly kind: 'sensitivity';
      readonly result: SensitivityAnalysisResult;
    }
  | ({ readonly id: number; readonly kind: 'review' } & ReviewAnswer)
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
