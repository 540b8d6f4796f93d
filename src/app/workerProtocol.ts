/**
 * The messages between the app and its worker, which runs the long calculations off the page's
 * thread: Monte Carlo (`simulate`, exactly as `sroi simulate` calls it, so the same seed gives
 * the same figures) and sensitivity (`sensitivityAnalysis`, as `sroi report --sensitivity`).
 * Everything in a message is plain data (the validated analysis, the parsed uncertainty).
 */
import type { Analysis } from '../model/analysis.js';
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
    };

/** What the worker answers: `started` first, then the result or the reason there is none. */
export type WorkerResponse =
  | { readonly id: number; readonly kind: 'started' }
  | { readonly id: number; readonly kind: 'simulate'; readonly result: SimulationResult }
  | {
      readonly id: number;
      readonly kind: 'sensitivity';
      readonly result: SensitivityAnalysisResult;
    }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
