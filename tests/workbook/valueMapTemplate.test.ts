import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { valueMapTemplate } from '../../src/workbook/valueMapTemplate.js';
import { valueMapTitleRows } from '../../src/workbook/valueMapLayout.js';
import type { WorkbookSheet } from '../../src/workbook/Workbook.js';
import { valueMapFigures } from './_valueMapFigures.js';

describe('valueMapTemplate', () => {
  const bytes = valueMapTemplate();
  const { workbook, issues } = readWorkbook(bytes);
  const sheet = workbook?.sheets[0] as WorkbookSheet;
  const figures = valueMapFigures(sheet);

  it('is a blank Value Map with every title row to fill in, 3.5 % and five years', () => {
    expect(issues).toEqual([]);
    const labels = sheet.rows.slice(1, 1 + valueMapTitleRows.length).map((r) => r.cells[0]?.value);
    expect(labels).toEqual(valueMapTitleRows.map((t) => t.label));
    expect(figures.title('Discount rate')).toMatchObject({ value: '0.035', format: 'percent' });
    expect(figures.years).toBe(5);
  });

  it('has its formulas in place on the blank rows, and results of zero', () => {
    const rows = sheet.rows.filter((r) =>
      r.cells.some((c) => c.formula?.startsWith('SUMPRODUCT(') === true),
    );
    expect(rows).toHaveLength(20);
    expect(figures.result('totalPresentValue')).toMatchObject({
      value: '0',
      formula: expect.stringMatching(/^SUM\(/) as unknown,
    });
    expect(figures.result('sroiRatio')?.value).toBe(''); // no inputs yet: no ratio
    // 1 / 1.035 and 1 / 1.035² (end-of-year discounting at 3.5 %)
    expect(Number(figures.result('discountFactor', 1)?.value)).toBeCloseTo(0.966183574879227, 14);
    expect(Number(figures.result('discountFactor', 2)?.value)).toBeCloseTo(0.933510700366403, 14);
  });

  it('refuses in the spreadsheet a share outside 0–100 %, a duration of 0 or less, a start below 1', () => {
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const rules = [...xml.matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/g)].map(
      (m) => ({
        type: /type="(\w+)"/.exec(m[1] ?? '')?.[1],
        operator: /operator="(\w+)"/.exec(m[1] ?? '')?.[1],
        ranges: (/sqref="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '').split(' ').length,
        formulas: [...(m[2] ?? '').matchAll(/<formula\d>([^<]*)<\/formula\d>/g)].map((f) => f[1]),
      }),
    );
    expect(rules).toContainEqual({
      type: 'decimal',
      operator: 'between',
      ranges: 5,
      formulas: ['0', '1'],
    });
    expect(rules).toContainEqual({
      type: 'decimal',
      operator: 'greaterThan',
      ranges: 1,
      formulas: ['0'],
    });
    expect(rules).toContainEqual({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      ranges: 1,
      formulas: ['1'],
    });
    expect(rules).toContainEqual({
      type: 'decimal',
      operator: 'between',
      ranges: 1,
      formulas: ['0', '1'],
    }); // the discount rate
  });

  it('takes the number of rows and years asked for', () => {
    const small = valueMapFigures(
      readWorkbook(valueMapTemplate({ rows: 3, years: 10 })).workbook?.sheets[0] as WorkbookSheet,
    );
    expect(small.years).toBe(10);
  });
});
