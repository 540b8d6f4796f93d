/**
 * The result of a calculation (docs/model.md). Every decimal figure is a string at full internal
 * precision; nothing is rounded here. Rounding happens only when a report is rendered.
 */
import type { DecimalString, DiscountTiming, PriceYear } from './analysis.js';

/** One year of the whole analysis. */
export interface YearResult {
  readonly year: number;
  /** Σ of every outcome's value in this year, undiscounted. */
  readonly value: DecimalString;
  readonly discountFactor: DecimalString;
  /** `value × discountFactor`. */
  readonly presentValue: DecimalString;
  /** Σ of `presentValue` from year 1 to this year. */
  readonly cumulativePresentValue: DecimalString;
}

/** One outcome's figures. */
export interface OutcomeResult {
  readonly id: string;
  readonly stakeholder: string;
  readonly outcome: string;
  readonly category: string;
  /** The proxy value after rebasing to the analysis price year. */
  readonly proxyValue: DecimalString;
  /** `quantity × proxyValue`, in the first valued year. */
  readonly grossValue: DecimalString;
  /** Gross value after deadweight, displacement, attribution and leakage, first valued year. */
  readonly impact: DecimalString;
  readonly presentValue: DecimalString;
  readonly years: readonly { readonly year: number; readonly value: DecimalString }[];
}

/** The present value of one slice of the analysis (a stakeholder or a category). */
export interface SliceResult {
  readonly presentValue: DecimalString;
  /** Slice PV ÷ total PV; `null` when the total PV is zero. */
  readonly share: DecimalString | null;
  /** Slice PV ÷ total inputs; `null` when total inputs are zero. */
  readonly sroiRatio: DecimalString | null;
}

/** One stakeholder's slice of the present value. */
export interface StakeholderResult extends SliceResult {
  /** The stakeholder's id (or the stakeholder as written when none are listed). */
  readonly stakeholder: string;
  readonly name: string;
}

/** One category's slice of the present value (a perspective: fiscal, social, …). */
export interface CategoryResult extends SliceResult {
  readonly category: string;
}

/** One input after discounting. */
export interface InputResult {
  readonly description: string;
  readonly stakeholder?: string;
  readonly kind?: string;
  readonly year: number;
  readonly value: DecimalString;
  readonly discountFactor: DecimalString;
  readonly presentValue: DecimalString;
}

/**
 * Where the value goes between gross and present value, summed over outcomes and years: each
 * step is the amount that step takes away (negative steps add value, e.g. for disbenefits).
 */
export interface Waterfall {
  /** Σ quantity × proxy over every valued year, before any deduction or drop-off. */
  readonly grossValue: DecimalString;
  readonly deadweight: DecimalString;
  readonly displacement: DecimalString;
  readonly attribution: DecimalString;
  readonly leakage: DecimalString;
  readonly dropOff: DecimalString;
  /** Value in years after the horizon, when a horizon cuts outcomes short. */
  readonly beyondHorizon: DecimalString;
  readonly discounting: DecimalString;
  /** Equals `totalPresentValue`. */
  readonly presentValue: DecimalString;
}

/** A note about the result that a reader must see, with a stable code. */
export interface ResultWarning {
  readonly code:
    | 'ZERO_INPUTS'
    | 'ZERO_PRESENT_VALUE'
    | 'HORIZON_CUTS_OUTCOMES'
    | 'MIXED_PRICE_YEARS'
    | 'DROP_OFF_NOT_APPLIED'
    /** The analysis states no value at all for a deduction or drop-off (`Analysis.notStated`). */
    | 'ASSUMPTION_NOT_STATED'
    /**
     * The Value Map the analysis was read from computes figures of its own that differ from
     * sroi's (added by the CLI from `readValueMap`'s comparisons; the engine never sees a sheet).
     */
    | 'SHEET_FIGURES_DISAGREE';
  readonly message: string;
}

/** The conventions the figures were computed with, for the report's method statement. */
export interface MethodStatement {
  readonly discount:
    | { readonly timing: DiscountTiming; readonly rate: DecimalString }
    | { readonly timing: DiscountTiming; readonly rates: readonly DecimalString[] }
    | { readonly timing: DiscountTiming; readonly schedule: string };
  readonly priceYear: PriceYear | null;
  /** Name of the deflator series used to rebase proxies, or `null` when nothing was rebased. */
  readonly deflatorSeries: string | null;
  readonly horizon: number;
}

/**
 * The result of a calculation: the headline figures, every breakdown, the waterfall, the method
 * used and the warnings (docs/model.md).
 */
export interface SroiResult {
  readonly name: string;
  readonly currency: string;
  readonly priceYear: PriceYear | null;
  readonly totalPresentValue: DecimalString;
  readonly totalInputs: DecimalString;
  readonly netPresentValue: DecimalString;
  /** PV ÷ total inputs; `null` when total inputs are zero (see `warnings`). */
  readonly sroiRatio: DecimalString | null;
  /** NPV ÷ total inputs; `null` when total inputs are zero. */
  readonly netSroiRatio: DecimalString | null;
  /** Total inputs ÷ (value of the first year with value ÷ 12); `null` when that value is ≤ 0. */
  readonly paybackMonths: DecimalString | null;
  /** First year whose cumulative PV reaches total inputs; `null` if none does. */
  readonly breakEvenYear: number | null;
  readonly years: readonly YearResult[];
  readonly inputs: readonly InputResult[];
  readonly outcomes: readonly OutcomeResult[];
  readonly stakeholders: readonly StakeholderResult[];
  readonly categories: readonly CategoryResult[];
  readonly waterfall: Waterfall;
  readonly method: MethodStatement;
  readonly warnings: readonly ResultWarning[];
}
