import type {
  DecimalString,
  DiscountScheduleName,
  DiscountTiming,
  PriceYear,
} from '../model/analysis.js';

/** Changes to one outcome in a scenario; every field replaces the analysis' own. */
export interface OutcomeOverride {
  /**
   * `true` leaves the outcome out of the scenario ("without outcome f"): it has no value and no
   * row in the scenario's result. `false` keeps an outcome that `"*"` leaves out, and the other
   * fields of `"*"` then apply to it. An outcome's own override that leaves it out takes no
   * other field.
   */
  readonly exclude?: boolean;
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
  /** `true` leaves the input out of the scenario; it then takes no other field. */
  readonly exclude?: boolean;
  readonly value?: DecimalString;
  readonly year?: number;
}

/**
 * A named set of overrides (a "conservative" or "optimistic" case), validated by
 * `safeParseScenarios`. `discount` replaces the analysis' discount setting (a timing left out
 * keeps the analysis' timing; a timing alone keeps its rates). `inputs` is keyed by an input's
 * description or by its position in `inputs` from 0 (`"0"`). `outcomes` is keyed by outcome id,
 * or `"*"` for every outcome; an outcome's own entry is applied after `"*"`. Keys are data: an
 * outcome whose id is `constructor` or `__proto__` is named like any other, and only a record's
 * own keys are read.
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
