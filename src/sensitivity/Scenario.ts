import type {
  DecimalString,
  DiscountScheduleName,
  DiscountTiming,
  PriceYear,
} from '../model/analysis.js';

/** Changes to one outcome in a scenario; every field replaces the analysis' own. */
export interface OutcomeOverride {
  readonly quantity?: DecimalString;
  readonly quantityByYear?: readonly DecimalString[];
  readonly proxy?: { readonly value?: DecimalString; readonly priceYear?: PriceYear };
  readonly duration?: number;
  readonly start?: number;
  readonly deadweight?: DecimalString;
  readonly displacement?: DecimalString;
  readonly attribution?: DecimalString;
  readonly leakage?: DecimalString;
  readonly dropOff?: DecimalString;
}

/** Changes to one input in a scenario. */
export interface InputOverride {
  readonly value?: DecimalString;
  readonly year?: number;
}

/**
 * A named set of overrides (a "conservative" or "optimistic" case), validated by
 * `safeParseScenarios`. `discount` replaces the analysis' discount setting (a timing left out
 * keeps the analysis' timing; a timing alone keeps its rates). `inputs` is keyed by an input's
 * description or by its position in `inputs` from 0 (`"0"`). `outcomes` is keyed by outcome id,
 * or `"*"` for every outcome; an outcome's own entry is applied after `"*"`.
 */
export interface Scenario {
  readonly description?: string;
  readonly discount?: {
    readonly rate?: DecimalString;
    readonly rates?: readonly DecimalString[];
    readonly schedule?: DiscountScheduleName;
    readonly timing?: DiscountTiming;
  };
  readonly horizon?: number;
  readonly inputs?: Readonly<Record<string, InputOverride>>;
  readonly outcomes?: Readonly<Record<string, OutcomeOverride>>;
}

/** Scenarios by name, in the order they are written. */
export type Scenarios = Readonly<Record<string, Scenario>>;
