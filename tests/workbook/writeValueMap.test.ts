import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { valueMapColumns, valueMapTitleRows } from '../../src/workbook/valueMapLayout.js';
import { writeValueMap } from '../../src/workbook/writeValueMap.js';
import type { Analysis } from '../../src/model/analysis.js';
import type { WorkbookSheet } from '../../src/workbook/Workbook.js';
import { valueMapAnalyses } from './_analyses.js';
import { valueMapFigures } from './_valueMapFigures.js';

const analyses = valueMapAnalyses();
const everything = analyses[0]?.analysis as Analysis;

function written(analysis: Analysis) {
  const result = evaluateAnalysis(analysis);
  const bytes = writeValueMap(analysis, result);
  const { workbook, issues } = readWorkbook(bytes);
  const sheet = workbook?.sheets[0] as WorkbookSheet;
  return { result, bytes, issues, sheet, figures: valueMapFigures(sheet) };
}

describe('writeValueMap', () => {
  it.each(analyses.map((a) => [a.name, a.analysis] as const))(
    '%s reads back with every figure sroi computed, to every digit, before any spreadsheet opens it',
    (_name, analysis) => {
      const { result, issues, sheet, figures } = written(analysis);
      expect(issues).toEqual([]);
      expect(sheet.name).toBe('Value Map');
      // each figure is the cached result of a formula, as sroi computed it (34 digits)
      for (const [i, o] of result.outcomes.entries()) {
        const outcome = analysis.outcomes[i];
        expect(figures.outcome(o.id, 'impact')).toMatchObject({ type: 'number', value: o.impact });
        expect(figures.outcome(o.id, 'impact')?.formula).toBeDefined();
        expect(figures.outcome(o.id, 'presentValue')?.value).toBe(o.presentValue);
        for (let year = 1; year <= figures.years; year++) {
          const value = o.years.find((y) => y.year === year)?.value ?? '0';
          expect(figures.outcome(o.id, `Year ${year}`)?.value, `${o.id}, year ${year}`).toBe(value);
        }
        // and each value the analysis states, exactly as stated
        expect(figures.outcome(o.id, 'quantity')?.value).toBe(outcome?.quantity);
        expect(figures.outcome(o.id, 'proxyValue')?.value).toBe(outcome?.proxy.value);
        for (const key of [
          'deadweight',
          'displacement',
          'attribution',
          'leakage',
          'dropOff',
        ] as const) {
          expect(figures.outcome(o.id, key)).toMatchObject({
            value: outcome?.[key],
            format: 'percent',
          });
        }
        expect(figures.outcome(o.id, 'duration')?.value).toBe(String(outcome?.duration));
        expect(figures.outcome(o.id, 'start')?.value).toBe(String(outcome?.start));
        expect(figures.outcome(o.id, 'outcome')?.value).toBe(outcome?.outcome);
      }
      for (const y of result.years) {
        expect(figures.total(`Year ${y.year}`)?.value).toBe(y.value);
        expect(figures.result('discountFactor', y.year)?.value).toBe(y.discountFactor);
        expect(figures.result('presentValueOfYear', y.year)?.value).toBe(y.presentValue);
      }
      expect(figures.result('totalPresentValue')?.value).toBe(result.totalPresentValue);
      expect(figures.result('totalInputs')?.value).toBe(result.totalInputs);
      expect(figures.result('netPresentValue')?.value).toBe(result.netPresentValue);
      expect(figures.result('sroiRatio')?.value).toBe(result.sroiRatio ?? '');
      expect(figures.result('netSroiRatio')?.value).toBe(result.netSroiRatio ?? '');
      expect(figures.result('sroiRatio')?.formula).toMatch(/\/.+/);
    },
  );

  it('writes the template’s titles and, under each, its question, in the layout’s order', () => {
    const { figures } = written(everything);
    const titles = [...figures.titles.values()];
    expect(titles.slice(0, 4)).toEqual(['Stakeholders', 'No. in group', 'Inputs', 'Value £']);
    expect(titles).toContain('The Outcomes (what changes)');
    expect(titles.filter((t) => t === 'Source')).toHaveLength(2); // one after the indicator, one after the proxy
    for (const [column, title] of figures.titles) {
      const year = /^Year (\d+)$/.exec(title)?.[1];
      const layout = valueMapColumns.find((c) =>
        year === undefined ? c.title === title : c.key === 'year',
      );
      expect(layout, title).toBeDefined();
      const questions = valueMapColumns
        .filter((c) => c.title === layout?.title)
        .map((c) => c.question);
      expect(questions.map((q) => q.replace('{year}', year ?? ''))).toContain(
        figures.questions.get(column),
      );
    }
    // in the layout module's order (valueMapFigures throws on a title out of that order)
    expect(figures.outcome('lonely', 'proxySource')).toBeDefined();
  });

  it('writes the title rows the analysis has, the flat discount rate as a percentage the formulas use', () => {
    const { figures } = written(everything);
    const label = (key: string) => valueMapTitleRows.find((t) => t.key === key)?.label ?? '';
    expect(figures.title(label('name'))?.value).toBe('Befriending, every feature');
    expect(figures.title(label('organisation'))?.value).toBe('Age Concern Anytown');
    expect(figures.title(label('period'))?.value).toBe('April 2023 – March 2024');
    expect(figures.title(label('kind'))?.value).toBe('Forecast');
    expect(figures.title(label('priceYear'))?.value).toBe('2023-24');
    expect(figures.title(label('discountRate'))).toMatchObject({
      value: '0.035',
      format: 'percent',
    });
    expect(figures.title(label('horizon'))?.value).toBe('3');
    expect(figures.result('discountRate', 1)?.formula).toBe('$B$8');
    expect(figures.title(label('discountRate'))?.address).toBe('B8');
  });

  it('writes each outcome’s sources, output and evidence beside it', () => {
    const { figures } = written(everything);
    expect(figures.outcome('lonely', 'proxySource')?.value).toBe('HACT');
    expect(figures.outcome('lonely', 'output')?.value).toBe('40 people befriended weekly');
    expect(figures.outcome('lonely', 'quantitySource')?.value).toBe('Survey, n = 40');
    expect(figures.outcome('lonely', 'dropOffSource')?.value).toBe('Follow-up at 12 months');
    expect(figures.outcome('lonely', 'proxyPriceYear')?.value).toBe('2019-20');
    expect(figures.outcome('falls', 'quantityByYear')?.value).toBe('12; 8; 3.5');
  });

  it('rebases a proxy with a live formula: the value as stated × the deflator ratio', () => {
    const { result, figures } = written(everything);
    const rebased = figures.outcome('lonely', 'proxyRebased');
    expect(rebased?.value).toBe(result.outcomes[0]?.proxyValue);
    expect(rebased?.formula).toMatch(/^\$[A-Z]+\d+\*\$[A-Z]+\d+$/);
  });

  it('puts each input beside its stakeholder’s outcomes, merging the stakeholder over the run', () => {
    const { sheet, figures } = written(everything);
    const column = (key: string) =>
      [...figures.titles].find(
        ([, t]) => t === valueMapColumns.find((c) => c.key === key)?.title,
      )?.[0];
    const firstData = (sheet.rows.find((r) => r.cells[0]?.value === 'Stakeholders')?.row ?? 0) + 2;
    const pairs = sheet.rows
      .filter((r) => r.row >= firstData)
      .map((r) => [
        r.cells.find((c) => c.column === column('stakeholder'))?.value,
        r.cells.find((c) => c.column === column('inputDescription'))?.value,
      ])
      .filter(([s, i]) => s !== undefined || i !== undefined);
    // Donations name no stakeholder; the older people's outcomes are two runs (the volunteers'
    // outcome comes between them); the council has inputs and no outcome
    expect(pairs).toEqual([
      [undefined, 'Donations'],
      ['Older people', undefined],
      ['Volunteers', 'Volunteer time'],
      ['Older people', undefined],
      ['Council', 'Grant'],
      [undefined, 'Second-year grant'],
      ['Total', undefined],
    ]);
    const merged = sheet.merges.filter(
      (m) => m.firstColumn === column('stakeholder') && m.lastColumn === column('stakeholder'),
    );
    // the older people's second run (falls, worried) and the council's two inputs
    expect(merged.map((m) => m.lastRow - m.firstRow + 1)).toEqual([2, 2]);
  });

  it('writes data validation: shares 0–100 %, durations above 0, whole start years', () => {
    const { bytes } = written(everything);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(xml).toMatch(
      /<dataValidation type="decimal" operator="between"[^>]* sqref="[A-Z]+\d+:[A-Z]+\d+( [A-Z]+\d+:[A-Z]+\d+){4}"><formula1>0<\/formula1><formula2>1<\/formula2>/,
    );
    expect(xml).toMatch(
      /<dataValidation type="decimal" operator="greaterThan"[^>]*><formula1>0<\/formula1><\/dataValidation>/,
    );
    expect(xml).toMatch(
      /<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*><formula1>1<\/formula1>/,
    );
  });

  it('writes formulas alone when asked, leaving every figure to the spreadsheet', () => {
    const result = evaluateAnalysis(everything);
    const { workbook, issues } = readWorkbook(
      writeValueMap(everything, result, { cachedValues: false }),
    );
    const figures = valueMapFigures(workbook?.sheets[0] as WorkbookSheet);
    expect(figures.result('totalPresentValue')).toMatchObject({ type: 'empty', value: '' });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.code === 'no_cached_value')).toBe(true);
  });

  it('gives the same bytes for the same analysis', () => {
    const result = evaluateAnalysis(everything);
    expect(writeValueMap(everything, result)).toEqual(writeValueMap(everything, result));
  });
});

describe('writeValueMap in another currency', () => {
  it('titles the inputs’ value without the pound sign', () => {
    const analysis = { ...everything, currency: 'EUR' };
    const { figures } = written(analysis);
    const titles = [...figures.titles.values()];
    expect(titles).not.toContain('Value £');
    expect(titles.filter((t) => t === 'Value in currency')).toHaveLength(2); // the inputs', the proxy's
    expect(figures.title('Currency')?.value).toBe('EUR');
  });
});

describe('writeValueMap at scale', () => {
  it('writes and reads back a map of 5,000 outcomes and 5,000 inputs', () => {
    const analysis = parseAnalysis({
      name: 'Large',
      discount: { rate: '0' },
      inputs: Array.from({ length: 5000 }, (_, i) => ({
        stakeholder: `S${i % 50}`,
        description: `Input ${i}`,
        value: '2',
      })),
      outcomes: Array.from({ length: 5000 }, (_, i) => ({
        id: `o${i}`,
        stakeholder: `S${i % 50}`,
        outcome: `Outcome ${i}`,
        quantity: '1',
        proxy: { value: '3' },
        duration: 1,
      })),
    });
    const { issues, figures } = written(analysis);
    expect(issues).toEqual([]);
    // hand-computed: 5,000 × 1 × 3 = 15,000 of value (rate 0) for 5,000 × 2 = 10,000 of inputs
    expect(figures.result('totalPresentValue')?.value).toBe('15000');
    expect(figures.result('totalInputs')?.value).toBe('10000');
    expect(figures.outcome('o4999', 'impact')?.value).toBe('3');
  });
});
