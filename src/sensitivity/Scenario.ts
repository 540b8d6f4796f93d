import {
  booleanArgument,
  decimalText,
  durationNumber,
  invalid,
  listArgument,
  MAX_YEAR,
  objectArgument,
  optionsArgument,
  textArgument,
  wholeNumber,
} from '../model/_arguments.js';
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

const FRACTIONS = ['deadweight', 'displacement', 'attribution', 'leakage', 'dropOff'] as const;

/**
 * Checks a `Scenario` given to the library for its shape — each field of the type it has, every
 * figure a decimal string, years whole — and returns it; the rules that need the analysis are
 * `applyScenario`'s. A scenario read from a file comes from `safeParseScenarios`. @internal
 */
export function scenarioArgument(fn: string, value: unknown, name = 'scenario'): Scenario {
  const scenario = objectArgument(fn, name, value);
  if (scenario.description !== undefined) {
    textArgument(fn, scenario.description, `${name}.description`);
  }
  if (scenario.horizon !== undefined) {
    wholeNumber(fn, `${name}.horizon`, scenario.horizon, 1, MAX_YEAR);
  }
  if (scenario.discount !== undefined) {
    const discount = objectArgument(fn, `${name}.discount`, scenario.discount);
    if (discount.rate !== undefined) decimalText(fn, discount.rate, `${name}.discount.rate`);
    if (discount.rates !== undefined) {
      listArgument(fn, `${name}.discount.rates`, discount.rates).forEach((rate, i) =>
        decimalText(fn, rate, `${name}.discount.rates[${i}]`),
      );
    }
    for (const key of ['schedule', 'timing'] as const) {
      if (discount[key] !== undefined) textArgument(fn, discount[key], `${name}.discount.${key}`);
    }
  }
  const overrides = (section: 'inputs' | 'outcomes', check: (o: Override, at: string) => void) => {
    const record = optionsArgument(fn, scenario[section], `${name}.${section}`);
    for (const key of Object.keys(record)) {
      const at = `${name}.${section}["${key}"]`;
      const override = objectArgument(fn, at, record[key]);
      if (override.exclude !== undefined) booleanArgument(fn, `${at}.exclude`, override.exclude);
      check(override, at);
    }
  };
  overrides('outcomes', (o, at) => {
    if (o.quantity !== undefined) decimalText(fn, o.quantity, `${at}.quantity`);
    if (o.quantityByYear !== undefined) {
      listArgument(fn, `${at}.quantityByYear`, o.quantityByYear).forEach((q, k) =>
        decimalText(fn, q, `${at}.quantityByYear[${k}]`),
      );
    }
    if (o.proxy !== undefined) {
      const proxy = objectArgument(fn, `${at}.proxy`, o.proxy);
      if (proxy.value !== undefined) decimalText(fn, proxy.value, `${at}.proxy.value`);
      const year = proxy.priceYear;
      if (year !== undefined && typeof year !== 'number' && typeof year !== 'string') {
        throw invalid(
          fn,
          `${at}.proxy.priceYear must be a price year such as 2023 or "2023-24"`,
          year,
        );
      }
    }
    if (o.duration !== undefined) durationNumber(fn, `${at}.duration`, o.duration);
    if (o.start !== undefined) wholeNumber(fn, `${at}.start`, o.start, 1, MAX_YEAR);
    for (const field of FRACTIONS) {
      if (o[field] !== undefined) decimalText(fn, o[field], `${at}.${field}`);
    }
  });
  overrides('inputs', (o, at) => {
    if (o.value !== undefined) decimalText(fn, o.value, `${at}.value`);
    if (o.year !== undefined) wholeNumber(fn, `${at}.year`, o.year, 0, MAX_YEAR);
  });
  return value as Scenario;
}

type Override = Readonly<Record<string, unknown>>;
