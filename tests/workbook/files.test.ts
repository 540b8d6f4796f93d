/**
 * Workbooks as spreadsheet programs write them, made by scripts/make-xlsx-test-files.ts (which
 * says what each holds): LibreOffice's import of a CSV, a Value Map kept in LibreOffice, and a
 * file with formulas but no saved results. Each expected value is the script's source table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import type { WorkbookCell, WorkbookSheet } from '../../src/workbook/Workbook.js';

const file = (name: string) =>
  readWorkbook(new Uint8Array(readFileSync(join(__dirname, 'files', name))));
const cell = (
  sheet: WorkbookSheet | undefined,
  address: string,
): Partial<WorkbookCell> | undefined =>
  sheet?.rows.flatMap((r) => r.cells).find((c) => c.address === address);

describe('workbooks written by spreadsheets', () => {
  it('reads a CSV that LibreOffice imported: percentages, currency amounts and dates known', () => {
    const { workbook, issues } = file('libreoffice-csv.xlsx');
    expect(issues).toEqual([]);
    const sheet = workbook?.sheets[0];
    // source: "Older people,Less isolated,40,25%,"£1,000.50",31/03/2024" (en-GB)
    expect(cell(sheet, 'C2')).toMatchObject({ type: 'number', value: '40', format: 'general' });
    expect(cell(sheet, 'D2')).toMatchObject({ type: 'number', value: '0.25', format: 'percent' });
    expect(cell(sheet, 'E2')).toMatchObject({
      type: 'number',
      value: '1000.5',
      format: 'currency',
    });
    expect(cell(sheet, 'F2')).toMatchObject({ type: 'date', value: '2024-03-31', format: 'date' });
    // "Carers,More respite,12,12.5%,£250,01/04/2024"
    expect(cell(sheet, 'D3')).toMatchObject({ value: '0.125', format: 'percent' });
    expect(cell(sheet, 'F3')).toMatchObject({ value: '2024-04-01' });
  });

  it('reads a Value Map kept in LibreOffice: merged stakeholder, formulas and their saved results', () => {
    const { workbook, issues } = file('libreoffice-value-map.xlsx');
    expect(issues).toEqual([]);
    const [map, inputs] = workbook?.sheets ?? [];
    expect(map?.name).toBe('Value Map');
    expect(map?.merges.map((m) => m.ref)).toEqual(['A2:A4']); // "Older people" over three outcomes
    expect(cell(map, 'A2')?.value).toBe('Older people');
    expect(cell(map, 'A3')).toBeUndefined(); // a merged range's other cells hold nothing
    expect(cell(map, 'E3')).toMatchObject({
      value: '0.125',
      format: 'percent',
      numberFormat: '0.0%',
    });
    // hand-computed: 40 × 1000 × (1 − 0.25) = 30000; 10 × 3200.5 × 0.875 = 28004.375; 5 × −200 = −1000
    expect(cell(map, 'F2')).toMatchObject({
      type: 'number',
      value: '30000',
      formula: 'C2*D2*(1-E2)',
    });
    expect(cell(map, 'F3')?.value).toBe('28004.375');
    expect(cell(map, 'F4')?.value).toBe('-1000');
    expect(cell(map, 'F5')).toMatchObject({ value: '57004.375', formula: 'SUM(F2:F4)' });
    expect(cell(map, 'G2')).toMatchObject({ type: 'boolean', value: 'TRUE' }); // 30000 > 25000
    expect(cell(map, 'G3')).toMatchObject({ type: 'number', value: '0.25', format: 'percent' }); // 0.125 × 2
    expect(cell(map, 'G4')).toMatchObject({ type: 'error', value: '#DIV/0!', formula: '1/0' });
    expect(cell(map, 'G5')).toMatchObject({ type: 'text', value: 'Total 57004' });
    expect(inputs).toMatchObject({ name: 'Inputs', state: 'hidden' });
    expect(cell(inputs, 'B2')?.value).toBe('24000');
  });

  it('reads a workbook without saved results, naming each formula that has none', () => {
    const { workbook, issues } = file('no-cached-values.xlsx');
    expect(cell(workbook?.sheets[0], 'A1')).toMatchObject({ type: 'text', value: 'Quantity' });
    expect(cell(workbook?.sheets[0], 'C2')).toMatchObject({ type: 'empty', formula: 'A2*B2' });
    expect(issues.map((i) => [i.code, i.where])).toEqual([['no_cached_value', 'Outcomes!C2']]);
  });
});
