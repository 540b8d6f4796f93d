/**
 * Correctness of the benchmark workloads (bench/), never their speed: the W1 baseline does the
 * engine's arithmetic, the W2 text is read in full, and the command line is read as documented.
 * Timing is measured only by `npm run bench`, which prints figures and asserts nothing.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../bench/workloads/_config.js';
import { median, runsFor } from '../bench/workloads/_measure.js';
import { bareDecimalLoop } from '../bench/workloads/bareDecimalLoop.js';
import { decimalBaseline } from '../bench/workloads/decimalBaseline.js';
import { outcomesCsv } from '../bench/workloads/outcomesCsv.js';
import { csvParseAlone, csvToResult } from '../bench/workloads/w2Csv.js';
import { valueMapToResult, valueMapWorkbook } from '../bench/workloads/w6ValueMap.js';
import { syntheticAnalysis } from '../bench/synthetic.js';
import { evaluateAnalysis } from '../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../src/schema/parseAnalysis.js';

const D60 = Decimal.clone({ precision: 60 });

/** |actual − expected| ≤ 1e-25 × |expected| (or ≤ 1e-25 when expected is 0). */
function expectClose(actual: Decimal.Value, expected: string | null, what: string): void {
  if (expected === null) throw new Error(`${what}: the engine gave null`);
  const a = new D60(actual);
  const e = new D60(expected);
  const bound = e.isZero() ? new D60('1e-25') : e.abs().times('1e-25');
  expect(a.minus(e).abs().lte(bound), `${what}: baseline ${a} vs engine ${e}`).toBe(true);
}

describe('decimalBaseline', () => {
  it('computes a one-outcome analysis as worked by hand', () => {
    const analysis = parseAnalysis({
      name: 'hand',
      discount: { rate: '25%' },
      inputs: [{ description: 'Grant', value: '1000' }],
      outcomes: [
        {
          stakeholder: 'Residents',
          outcome: 'Warmer homes',
          quantity: '10',
          proxy: { value: '100' },
          duration: 2,
          deadweight: '10%',
          dropOff: '50%',
        },
      ],
    });
    const totals = decimalBaseline(analysis);
    // hand-computed: year 1 = 10 × 100 × (1 − 0.1) = 900; year 2 = 900 × (1 − 0.5) = 450;
    // DF(1) = 1/1.25 = 0.8, DF(2) = 0.64; PV = 900 × 0.8 + 450 × 0.64 = 720 + 288 = 1008
    expect(totals.yearTotals.map(String)).toEqual(['0', '900', '450']);
    expect(String(totals.totalPresentValue)).toBe('1008');
    expect(String(totals.totalInputs)).toBe('1000'); // year 0 is not discounted
    expect(String(totals.sroiRatio)).toBe('1.008'); // hand-computed: 1008 / 1000
    expect(String(totals.netSroiRatio)).toBe('0.008'); // hand-computed: (1008 − 1000) / 1000
    // hand-computed waterfall: gross 100 × 10 × 2 years = 2000; deadweight takes 10% = 200;
    // drop-off takes 1800 − (900 + 450) = 450; discounting takes 1350 − 1008 = 342
    expect(String(totals.waterfall.grossValue)).toBe('2000');
    expect(String(totals.waterfall.deadweight)).toBe('200');
    expect(String(totals.waterfall.dropOff)).toBe('450');
    expect(String(totals.waterfall.discounting)).toBe('342');
    expect(totals.stakeholders.map((s) => [s.key, String(s.share)])).toEqual([['Residents', '1']]);
  });

  it.each(['green-book', 'flat'] as const)(
    'agrees with evaluateAnalysis to 1e-25 relative on the quick W1 analysis (%s discounting)',
    (schedule) => {
      const { w1Outcomes, w1Years } = parseBenchArgs(['--quick']).sizes;
      const analysis = parseAnalysis(
        syntheticAnalysis({ outcomes: w1Outcomes, years: w1Years, schedule }),
      );
      const result = evaluateAnalysis(analysis);
      const totals = decimalBaseline(analysis);
      expectClose(totals.totalPresentValue, result.totalPresentValue, 'totalPresentValue');
      expectClose(totals.totalInputs, result.totalInputs, 'totalInputs');
      expectClose(totals.netPresentValue, result.netPresentValue, 'netPresentValue');
      expectClose(totals.sroiRatio ?? 'null', result.sroiRatio, 'sroiRatio');
      expectClose(totals.netSroiRatio ?? 'null', result.netSroiRatio, 'netSroiRatio');
      for (const y of result.years) {
        expectClose(totals.yearTotals[y.year] ?? 'NaN', y.value, `year ${y.year} value`);
      }
      result.outcomes.forEach((o, i) => {
        expectClose(
          totals.outcomePresentValues[i] ?? 'NaN',
          o.presentValue,
          `${o.id} presentValue`,
        );
      });
      expect(totals.stakeholders.map((s) => s.key)).toEqual(
        result.stakeholders.map((s) => s.stakeholder),
      );
      result.stakeholders.forEach((s, i) => {
        const mine = totals.stakeholders[i];
        expectClose(mine?.presentValue ?? 'NaN', s.presentValue, `${s.stakeholder} presentValue`);
        expectClose(mine?.share ?? 'NaN', s.share, `${s.stakeholder} share`);
        expectClose(mine?.sroiRatio ?? 'NaN', s.sroiRatio, `${s.stakeholder} sroiRatio`);
      });
      expect(totals.categories.map((c) => c.key)).toEqual(result.categories.map((c) => c.category));
      result.categories.forEach((c, i) => {
        expectClose(totals.categories[i]?.presentValue ?? 'NaN', c.presentValue, c.category);
      });
      for (const step of [
        'grossValue',
        'deadweight',
        'displacement',
        'attribution',
        'leakage',
        'dropOff',
        'beyondHorizon',
        'discounting',
      ] as const) {
        expectClose(totals.waterfall[step], result.waterfall[step], `waterfall.${step}`);
      }
    },
  );

  it('refuses what it does not compute (mid-year timing) instead of computing something else', () => {
    const analysis = parseAnalysis({
      ...syntheticAnalysis({ outcomes: 1, years: 1, schedule: 'flat' }),
      discount: { rate: '3.5%', timing: 'mid' },
    });
    expect(() => decimalBaseline(analysis)).toThrow('timing "end" only');
    const fraction = parseAnalysis(syntheticAnalysis({ outcomes: 1, years: 1, schedule: 'flat' }));
    const half = { ...fraction, outcomes: fraction.outcomes.map((o) => ({ ...o, duration: 0.5 })) };
    expect(() => decimalBaseline(half)).toThrow('whole durations only');
  });
});

describe('bareDecimalLoop', () => {
  it('discounts each outcome-year of the proxy with drop-off, as worked by hand', () => {
    const analysis = parseAnalysis({
      name: 'hand',
      discount: { rate: '25%' },
      inputs: [{ description: 'Grant', value: '1' }],
      outcomes: [
        // The bare loop ignores quantity and deductions: it values the proxy alone.
        {
          stakeholder: 'a',
          outcome: 'x',
          quantity: '3',
          proxy: { value: '100' },
          duration: 2,
          dropOff: '0.5',
        },
        {
          stakeholder: 'a',
          outcome: 'y',
          quantity: '1',
          proxy: { value: '10' },
          start: 2,
          duration: 1,
        },
      ],
    });
    // hand-computed: DF(1) = 0.8, DF(2) = 0.64; 100 × 0.8 + 50 × 0.64 + 10 × 0.64 = 118.4
    expect(bareDecimalLoop(analysis).toString()).toBe('118.4');
  });
});

describe('csvToResult', () => {
  it('reads every row of the W2 text into the result', () => {
    const result = csvToResult(outcomesCsv(1000));
    expect(result.outcomes).toHaveLength(1000);
    // row o3: quantity 13, proxy "£1,003.50", deadweight 3%, attribution 25%, drop-off 3%
    const o3 = result.outcomes.find((o) => o.id === 'o3');
    expect(o3?.grossValue).toBe('13045.5'); // hand-computed: 13 × 1003.5
    expect(o3?.impact).toBe('9490.60125'); // hand-computed: 13045.5 × 0.97 × 0.75
  });
});

describe('csvParseAlone', () => {
  it('reads the header and every row of the W2 text, as strings', () => {
    const records = csvParseAlone(outcomesCsv(10));
    expect(records).toHaveLength(11); // header + 10 rows
    expect(records[4]?.[7]).toBe('£1,003.50'); // row o3's proxy_value, quotes removed
  });
});

describe('valueMapToResult (W6)', () => {
  it('reads the workbook of the synthetic analysis to the figures the engine gives it', () => {
    const analysis = parseAnalysis(syntheticAnalysis({ outcomes: 50, years: 5, schedule: 'flat' }));
    const expected = evaluateAnalysis(analysis);
    const { read, result } = valueMapToResult(valueMapWorkbook(50));
    expect(read.analysis.outcomes).toHaveLength(50);
    expect(result.totalPresentValue).toBe(expected.totalPresentValue);
    expect(result.sroiRatio).toBe(expected.sroiRatio);
    // every computed cell of the sheet was compared with sroi's figure, and agreed
    expect(read.comparisons.length).toBeGreaterThan(50 * 5);
    expect(read.comparisons.every((c) => c.agrees)).toBe(true);
  });
});

describe('parseBenchArgs', () => {
  it('runs every workload at full size by default', () => {
    const config = parseBenchArgs([]);
    expect(config.quick).toBe(false);
    expect(config.only).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6']);
    expect(config.sizes.w6Outcomes).toBe(1000);
    expect(config.sizes.w1Outcomes).toBe(5000);
    expect(config.sizes.w2Rows).toBe(100_000);
    expect(config.sizes.w4Draws).toBe(100_000);
    expect(config.sizes.w1Growth).toEqual([1250, 2500, 5000, 10000]); // ×1, ×2, ×4, ×8
  });

  it('reads --quick, --only in either form and case, and --runs', () => {
    expect(parseBenchArgs(['--quick']).sizes.w1Outcomes).toBe(500);
    expect(parseBenchArgs(['--only', 'w3,W1']).only).toEqual(['W1', 'W3']);
    expect(parseBenchArgs(['--only=W2']).only).toEqual(['W2']);
    expect(parseBenchArgs(['--runs', '7']).runs.minRuns).toBe(7);
  });

  it.each([
    [['--only', 'W9'], '--only: unknown workload "W9"; expected some of W1, W2, W3, W4, W5, W6'],
    [['--only'], '--only needs a value'],
    [['--runs', '0'], '--runs must be a whole number ≥ 1, got "0"'],
    [['--fast'], 'unknown option "--fast"'],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});

describe('median', () => {
  it('takes the middle sample, or the mean of the middle two', () => {
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 4, 9])).toBe(3); // hand-computed: (2 + 4) / 2
  });
});

describe('runsFor', () => {
  it('fits the runs to the budget, within the minimum and maximum', () => {
    const options = { minRuns: 3, maxRuns: 9, budgetMs: 1000 };
    expect(runsFor(200, options)).toBe(5); // 1000 / 200
    expect(runsFor(5000, options)).toBe(3); // at least minRuns
    expect(runsFor(1, options)).toBe(9); // at most maxRuns
  });
});
