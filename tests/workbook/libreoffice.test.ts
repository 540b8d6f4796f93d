/**
 * The Value Map's formulas, recalculated by LibreOffice: each workbook is written with formulas
 * alone (no saved results), opened by LibreOffice headless with recalculation on load forced
 * (tests/_support/libreoffice.ts), saved again as .xlsx and read back. Every figure — each
 * outcome's impact, each year's value and present value, the discount factors, total PV, total
 * inputs, NPV and the ratio — must be sroi's (`calculateSroi`) to the penny, on every published
 * fixture, the example and the analyses of `_analyses.ts`. Skips with one line where LibreOffice
 * is absent; CI requires it (SROI_REQUIRE_LIBREOFFICE).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { D } from '../_decimal.js';
import { libreofficeTool, skipWithout } from '../_support/externalTools.js';
import { convertWithLibreOffice } from '../_support/libreoffice.js';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { writeValueMap } from '../../src/workbook/writeValueMap.js';
import type { Analysis } from '../../src/model/analysis.js';
import type { SroiResult } from '../../src/model/result.js';
import type { WorkbookCell, WorkbookSheet } from '../../src/workbook/Workbook.js';
import { valueMapAnalyses } from './_analyses.js';
import { xlsxPackage } from './_package.js';
import { valueMapFigures } from './_valueMapFigures.js';
import type { ValueMapFigures } from './_valueMapFigures.js';

const skip = skipWithout(libreofficeTool);
const output = join(__dirname, '..', '.output', 'libreoffice');

/** Durations with a fraction: the last valued year counts only its fraction (docs/method.md). */
const fractional = (() => {
  const base = parseAnalysis({
    name: 'Fractional durations',
    discount: { rate: '0' },
    horizon: 3, // until the engine values fractions, the horizon a 2.5-year duration needs
    inputs: [{ description: 'Grant', value: '1000' }],
    outcomes: [
      {
        id: 'two-and-a-half',
        stakeholder: 'A',
        outcome: 'B',
        quantity: '10',
        proxy: { value: '100' },
        duration: 3,
        dropOff: '50%',
      },
      {
        id: 'half-from-year-2',
        stakeholder: 'A',
        outcome: 'C',
        quantity: '4',
        proxy: { value: '50' },
        duration: 1,
        start: 2,
      },
    ],
  });
  return {
    ...base,
    outcomes: base.outcomes.map((o) => ({ ...o, duration: o.id === 'two-and-a-half' ? 2.5 : 0.5 })),
  } satisfies Analysis;
})();

interface Case {
  readonly name: string;
  readonly analysis: Analysis;
  readonly result: SroiResult;
  sheet?: WorkbookSheet;
}

const cases: Case[] = valueMapAnalyses().map(({ name, analysis }) => ({
  name,
  analysis,
  result: evaluateAnalysis(analysis),
}));
const poisoned = join(output, 'in', 'poisoned.xlsx');
let fractionalSheet: WorkbookSheet | undefined;
let poisonedSheet: WorkbookSheet | undefined;

function sheetOf(path: string): WorkbookSheet {
  const { workbook, issues } = readWorkbook(new Uint8Array(readFileSync(path)));
  expect(issues, path).toEqual([]);
  return workbook?.sheets[0] as WorkbookSheet;
}

/** `actual` (LibreOffice's double, 15 significant digits) equals sroi's figure to the penny. */
function toThePenny(cell: WorkbookCell | undefined, expected: string | null, what: string): void {
  if (expected === null) {
    expect(cell?.value, what).toBe('');
    return;
  }
  expect(cell?.type, what).toBe('number');
  const difference = new D(cell?.value ?? 'NaN').minus(expected).abs();
  expect(difference.lte('0.005'), `${what}: LibreOffice ${cell?.value}, sroi ${expected}`).toBe(
    true,
  );
  // and in fact to floating-point precision: 1e-9 of the figure (at least of 1)
  const scale = D.max(1, new D(expected).abs());
  expect(
    difference.div(scale).lte('1e-9'),
    `${what}: LibreOffice ${cell?.value}, sroi ${expected}`,
  ).toBe(true);
}

describe.skipIf(skip)('a Value Map recalculated by LibreOffice', () => {
  beforeAll(() => {
    rmSync(output, { recursive: true, force: true });
    mkdirSync(join(output, 'in'), { recursive: true });
    const files = cases.map((c, i) => {
      const path = join(output, 'in', `map-${i}.xlsx`);
      writeFileSync(path, writeValueMap(c.analysis, c.result, { cachedValues: false }));
      return path;
    });
    const fractionalPath = join(output, 'in', 'fractional.xlsx');
    writeFileSync(
      fractionalPath,
      writeValueMap(fractional, evaluateAnalysis(fractional), { cachedValues: false }),
    );
    // 2 in A1 and =A1*3 in B1 with 999 saved as its result: recalculated, B1 must be 6
    writeFileSync(
      poisoned,
      xlsxPackage({
        sheets: [
          {
            name: 'S',
            xml: '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*3</f><v>999</v></c></row>',
          },
        ],
      }),
    );
    const out = convertWithLibreOffice([...files, fractionalPath, poisoned], join(output, 'out'));
    cases.forEach((c, i) => {
      c.sheet = sheetOf(out[i] ?? '');
    });
    fractionalSheet = sheetOf(out[cases.length] ?? '');
    poisonedSheet = sheetOf(out[cases.length + 1] ?? '');
  }, 240_000);

  it('recalculates on load rather than keeping the results a file holds', () => {
    const cell = poisonedSheet?.rows[0]?.cells[1];
    expect(cell).toMatchObject({ address: 'B1', formula: 'A1*3', value: '6' }); // 2 × 3, not the 999 saved
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: every figure is sroi’s to the penny',
    (_name, c) => {
      const figures: ValueMapFigures = valueMapFigures(c.sheet as WorkbookSheet);
      const { result } = c;
      for (const o of result.outcomes) {
        toThePenny(figures.outcome(o.id, 'impact'), o.impact, `${o.id} impact`);
        toThePenny(figures.outcome(o.id, 'presentValue'), o.presentValue, `${o.id} present value`);
        for (let year = 1; year <= figures.years; year++) {
          const value = o.years.find((y) => y.year === year)?.value ?? '0';
          toThePenny(figures.outcome(o.id, `Year ${year}`), value, `${o.id} year ${year}`);
        }
      }
      for (const y of result.years) {
        toThePenny(figures.total(`Year ${y.year}`), y.value, `year ${y.year} value`);
        toThePenny(
          figures.result('discountFactor', y.year),
          y.discountFactor,
          `year ${y.year} discount factor`,
        );
        toThePenny(
          figures.result('presentValueOfYear', y.year),
          y.presentValue,
          `year ${y.year} present value`,
        );
      }
      toThePenny(
        figures.result('totalPresentValue'),
        result.totalPresentValue,
        'total present value',
      );
      toThePenny(figures.result('totalInputs'), result.totalInputs, 'total inputs');
      toThePenny(figures.result('netPresentValue'), result.netPresentValue, 'net present value');
      toThePenny(figures.result('sroiRatio'), result.sroiRatio, 'SROI ratio');
      toThePenny(figures.result('netSroiRatio'), result.netSroiRatio, 'net SROI ratio');
    },
  );

  it('values the last year of a fractional duration by its fraction', () => {
    const figures = valueMapFigures(fractionalSheet as WorkbookSheet);
    const value = (id: string, year: number) => figures.outcome(id, `Year ${year}`)?.value;
    // hand-computed: impact 10 × 100 = 1000; 50% drop-off; 2.5 years: 1000, 500, then half of 250
    expect([1, 2, 3].map((y) => value('two-and-a-half', y))).toEqual(['1000', '500', '125']);
    // 4 × 50 = 200 from year 2, for half a year: 100 in year 2, nothing else
    expect([1, 2, 3].map((y) => value('half-from-year-2', y))).toEqual(['0', '100', '0']);
    // rate 0: PV = 1000 + 500 + 125 + 100 = 1725, inputs 1000, ratio 1.725
    expect(figures.result('totalPresentValue')?.value).toBe('1725');
    expect(figures.result('sroiRatio')?.value).toBe('1.725');
  });
});
