/**
 * The validated analysis: what `parseAnalysis` returns and what the calculation reads.
 *
 * Every money amount and every fraction is a canonical decimal string (`"12500.5"`, `"0.25"`),
 * never a binary float, so that the engine can compute exactly and a result can be traced back
 * to its inputs. Years are whole numbers; a duration may be a fraction of a year.
 *
 * The loose form that people write (`"£12,500.50"`, `"25%"`, optional fields left out) is
 * `AnalysisInput` in `src/schema`; `parseAnalysis` turns it into this.
 */

/** A decimal number written in plain notation, e.g. `"-1200"`, `"0.035"`. */
export type DecimalString = string;

/**
 * A price year: a calendar year (`2023`) or a UK financial year (`"2023-24"`). The two kinds use
 * different deflator columns and are never mixed in one analysis.
 */
export type PriceYear = number | string;

/** When, within a year, a year's flow is taken to happen for discounting (docs/method.md). */
export type DiscountTiming = 'end' | 'start' | 'mid';

/** The bundled HM Treasury Green Book discount schedules. */
export type DiscountScheduleName =
  'green-book' | 'green-book-health' | 'green-book-reduced' | 'green-book-health-reduced';

/**
 * How future values are discounted. Exactly one of `rate` (flat), `rates` (year 1, year 2, …; the
 * last continues) or `schedule` (a Green Book preset) is present.
 */
export type Discount =
  | { readonly timing: DiscountTiming; readonly rate: DecimalString }
  | { readonly timing: DiscountTiming; readonly rates: readonly DecimalString[] }
  | { readonly timing: DiscountTiming; readonly schedule: DiscountScheduleName };

/** A group of people or organisations who experience change or put something in. */
export interface Stakeholder {
  readonly id: string;
  readonly name: string;
  /** How many people the group holds, when known (informative only). */
  readonly size?: number;
}

/** Something put into the activity: cash, or the money value of an in-kind contribution. */
export interface Input {
  /** Who put it in (free text, or a stakeholder id when stakeholders are listed). */
  readonly stakeholder?: string;
  readonly description: string;
  /** Money value, ≥ 0. */
  readonly value: DecimalString;
  /** `cash`, `in-kind`, or the user's own word. */
  readonly kind?: string;
  /** The year the input is spent; year 0 (the default) is not discounted. */
  readonly year: number;
}

/** The money value of one unit of an outcome. */
export interface FinancialProxy {
  readonly description?: string;
  /** Value of one unit of outcome for one year; negative for a disbenefit. */
  readonly value: DecimalString;
  readonly source?: string;
  /** The price year the value is stated in; rebased when the analysis has a `priceYear`. */
  readonly priceYear?: PriceYear;
}

/**
 * The assumptions of an outcome that evidence can be recorded for: where the quantity came from,
 * why the duration, each deduction and the drop-off are what they are. The proxy's own source is
 * `proxy.source`.
 */
export type EvidenceTopic =
  'quantity' | 'duration' | 'deadweight' | 'displacement' | 'attribution' | 'leakage' | 'dropOff';

/** The evidence behind an outcome's assumptions, as free text, by assumption. Changes no figure. */
export type Evidence = Readonly<Partial<Record<EvidenceTopic, string>>>;

/**
 * An assumption an outcomes table can leave out altogether (no column for it): the deductions of
 * the Value Map and drop-off. Leakage is not a Value Map column, so its absence says nothing.
 */
export type NotStatedAssumption = 'deadweight' | 'displacement' | 'attribution' | 'dropOff';

/** Whether an analysis forecasts value to come or evaluates value that has happened. */
export type AnalysisKind = 'forecast' | 'evaluative';

/** One row of the impact map: a change for one stakeholder, its quantity and its value. */
export interface Outcome {
  /** Unique within the analysis; `o1`, `o2`, … in row order when not given. */
  readonly id: string;
  /** The stakeholder's id (when stakeholders are listed) or the stakeholder as written. */
  readonly stakeholder: string;
  readonly outcome: string;
  /** What the activity delivered that leads to the outcome (the Value Map's "Outputs"). */
  readonly output?: string;
  readonly indicator?: string;
  readonly category?: string;
  /** How many units of the outcome occur (people, events…), ≥ 0. */
  readonly quantity: DecimalString;
  readonly proxy: FinancialProxy;
  /**
   * How many years the outcome is valued for: a number above 0, at most 1000. A fraction counts
   * only that share of the last valued year's value (after drop-off): 2.5 is two whole years and
   * half of the third, 0.5 half of the first (docs/method.md). With `quantityByYear`, the profile
   * gives one quantity for each of the ⌈duration⌉ valued years.
   */
  readonly duration: number;
  /** The first valued year, ≥ 1 (the Value Map's "outcomes start"). */
  readonly start: number;
  /** Share of the outcome that would have happened anyway, 0–1. */
  readonly deadweight: DecimalString;
  /** Share of the outcome that displaced other outcomes, 0–1. */
  readonly displacement: DecimalString;
  /** Share of the outcome owed to others, 0–1. */
  readonly attribution: DecimalString;
  /** Share of the outcome that benefits people outside the area of interest, 0–1. */
  readonly leakage: DecimalString;
  /** Share of the outcome lost each year after the first valued year, 0–1; compounds. */
  readonly dropOff: DecimalString;
  /** A quantity for each valued year; replaces `quantity` and switches drop-off off. */
  readonly quantityByYear?: readonly DecimalString[];
  /** The evidence behind the assumptions; informative only. */
  readonly evidence?: Evidence;
}

/** A whole SROI analysis, validated and normalised. */
export interface Analysis {
  readonly name: string;
  /** Who the analysis is for or by (informative, as are `author` … `date`: no figure changes). */
  readonly organisation?: string;
  readonly author?: string;
  /** The period the analysis covers, as free text (`"April 2023 – March 2024"`). */
  readonly period?: string;
  readonly kind?: AnalysisKind;
  /** Plain text describing the activity and the analysis. */
  readonly description?: string;
  /** The analysis's own date as written (reports show it; they never read the clock). */
  readonly date?: string;
  /** ISO 4217 code, `GBP` by default. */
  readonly currency: string;
  /** The price base of the result; proxies with their own `priceYear` are rebased to it. */
  readonly priceYear?: PriceYear;
  readonly discount: Discount;
  /** Last year valued; defaults to the last year in which any outcome has value. */
  readonly horizon?: number;
  /**
   * The assumptions the analysis does not state at all — its outcomes table had no column for
   * them, or left the column blank in every row (the CSV and Value Map readers set it) — so each is 0 for every outcome and the result
   * warns of it (`ASSUMPTION_NOT_STATED`, docs/method.md). Absent when every one is stated.
   */
  readonly notStated?: readonly NotStatedAssumption[];
  readonly stakeholders: readonly Stakeholder[];
  readonly inputs: readonly Input[];
  readonly outcomes: readonly Outcome[];
}
