/**
 * The one fast-check generator of analyses for property and differential tests. It builds the
 * validated model (`Analysis`) directly, so that it can give what the readers may not accept
 * yet (fractional durations), and covers: quantity profiles, horizons shorter and longer than
 * the outcomes, price-year rebasing (calendar and financial years, a series of the caller's
 * own), every discount schedule and timing, fractional durations, disbenefits, starts 1–3,
 * inputs in later years, categories and stakeholders (listed or not).
 */
import fc from 'fast-check';
import { D } from './_decimal.js';
import type { Analysis, Discount, Outcome, PriceYear } from '../src/model/analysis.js';
import type { DeflatorSeries } from '../src/model/DeflatorSeries.js';

/** An analysis and the options it is evaluated with (a deflator series of its own, or none). */
export interface GeneratedAnalysis {
  readonly analysis: Analysis;
  readonly options: { readonly deflators?: DeflatorSeries };
}

/** A canonical decimal string n / 10^places. */
const decimal = (min: number, max: number, places: number) =>
  fc
    .integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
    .map((n) => new D(n).div(10 ** places).toString());

/** A fraction 0–1, often 0 (as impact maps leave most deductions at 0), sometimes exactly 1. */
const fraction = fc.oneof(
  { weight: 3, arbitrary: fc.constant('0') },
  { weight: 5, arbitrary: decimal(0, 0.6, 3) },
  { weight: 1, arbitrary: fc.constantFrom('0.25', '0.5', '1') },
);

/** A duration: whole years, or a fraction of a year (quarters and tenths). */
const duration = fc.oneof(
  fc.integer({ min: 1, max: 8 }),
  fc.integer({ min: 1, max: 32 }).map((n) => n / 4),
  fc.integer({ min: 1, max: 40 }).map((n) => n / 10),
);

const discount: fc.Arbitrary<Discount> = fc.oneof(
  fc.record({ timing: fc.constantFrom('end', 'start', 'mid'), rate: decimal(0, 0.15, 3) }),
  fc.record({
    timing: fc.constantFrom('end', 'start', 'mid'),
    rates: fc.array(decimal(0, 0.12, 3), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    timing: fc.constantFrom('end', 'start', 'mid'),
    schedule: fc.constantFrom(
      'green-book',
      'green-book-health',
      'green-book-reduced',
      'green-book-health-reduced',
    ),
  }),
);

/** A price base: the analysis' price year, the proxies' years to pick from, and a series. */
interface PriceBase {
  readonly priceYear: PriceYear | undefined;
  readonly proxyYears: readonly (PriceYear | undefined)[];
  readonly deflators?: DeflatorSeries;
}

const priceBase: fc.Arbitrary<PriceBase> = fc.oneof(
  fc.constant<PriceBase>({ priceYear: undefined, proxyYears: [undefined, 2019, 2021] }),
  fc.constant<PriceBase>({ priceYear: 2023, proxyYears: [undefined, 2010, 2019, 2023] }),
  fc.constant<PriceBase>({ priceYear: '2023-24', proxyYears: [undefined, '2015-16', '2020-21'] }),
  fc.array(decimal(50, 150, 3), { minLength: 4, maxLength: 4 }).map((index): PriceBase => ({
    priceYear: 2004,
    proxyYears: [undefined, 2001, 2002, 2003],
    deflators: {
      name: 'a series of the analysis’ own',
      basis: 'calendar',
      index: Object.fromEntries(index.map((value, i) => [String(2001 + i), value])),
    },
  })),
);

const outcomeFields = fc.record({
  stakeholder: fc.constantFrom('p', 'q', 'Volunteers'),
  category: fc.option(fc.constantFrom('social', 'fiscal'), { nil: undefined }),
  quantity: fc.oneof(decimal(0, 400, 0), decimal(0, 50, 2)),
  proxy: fc.oneof(
    { weight: 4, arbitrary: decimal(0, 5000, 2) },
    { weight: 1, arbitrary: decimal(-800, 0, 2) },
  ),
  duration,
  start: fc.integer({ min: 1, max: 3 }),
  deadweight: fraction,
  displacement: fraction,
  attribution: fraction,
  leakage: fraction,
  dropOff: fc.constantFrom('0', '0.1', '0.25', '0.333', '0.5', '1'),
  /** A profile (one quantity per valued year) instead of `quantity`, one outcome in four. */
  profile: fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 8, maxLength: 8 }),
    },
  ),
  proxyYear: fc.nat(3),
});

/** The generator (see the file's comment). */
export const arbitraryAnalysis: fc.Arbitrary<GeneratedAnalysis> = fc
  .record({
    discount,
    price: priceBase,
    horizon: fc.option(fc.integer({ min: 1, max: 14 }), { nil: undefined }),
    listStakeholders: fc.boolean(),
    inputs: fc.array(
      fc.record({ value: decimal(1, 80000, 0), year: fc.integer({ min: 0, max: 4 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    outcomes: fc.array(outcomeFields, { minLength: 1, maxLength: 4 }),
  })
  .map(({ discount, price, horizon, listStakeholders, inputs, outcomes }) => {
    const built = outcomes.map((o, i): Outcome => {
      const years = Math.ceil(o.duration);
      const proxyYear = price.proxyYears[o.proxyYear % price.proxyYears.length];
      return {
        id: `o${i + 1}`,
        stakeholder: o.stakeholder,
        outcome: `Outcome ${i + 1}`,
        ...(o.category === undefined ? {} : { category: o.category }),
        quantity: o.profile === undefined ? o.quantity : String(o.profile[0]),
        proxy: {
          value: o.proxy,
          ...(proxyYear === undefined ? {} : { priceYear: proxyYear }),
        },
        duration: o.duration,
        start: o.start,
        deadweight: o.deadweight,
        displacement: o.displacement,
        attribution: o.attribution,
        leakage: o.leakage,
        dropOff: o.dropOff,
        ...(o.profile === undefined
          ? {}
          : { quantityByYear: o.profile.slice(0, years).map(String) }),
      };
    });
    const analysis: Analysis = {
      name: 'Generated',
      currency: 'GBP',
      ...(price.priceYear === undefined ? {} : { priceYear: price.priceYear }),
      discount,
      ...(horizon === undefined ? {} : { horizon }),
      stakeholders: listStakeholders
        ? [
            { id: 'p', name: 'Participants' },
            { id: 'q', name: 'Families' },
          ]
        : [],
      inputs: inputs.map((input, i) => ({ description: `Input ${i + 1}`, ...input })),
      outcomes: built,
    };
    return {
      analysis,
      options: price.deflators === undefined ? {} : { deflators: price.deflators },
    };
  });
