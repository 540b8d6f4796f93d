import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebase } from '../../src/calc/rebase.js';
import {
  hmtGdpDeflatorsCalendar,
  hmtGdpDeflatorsFinancial,
} from '../../src/data/hmtGdpDeflators.js';
import { round } from '../../src/report/round.js';
import { SroiError } from '../../src/model/SroiError.js';
import { D } from '../_decimal.js';

const rows = readFileSync(join(__dirname, '../data/hmt-gdp-deflators-2024-10.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));

describe('rebase', () => {
  it('turns £100 in 2019 prices into £118.85 in 2023 prices (calendar-year deflators)', () => {
    // published in shared/sources/README.md: 100 × 100 / 84.142 = 118.85
    expect(round(rebase('100', 2019, 2023, hmtGdpDeflatorsCalendar), 2)).toBe('118.85');
    const exact = new D(100).times(100).div('84.142');
    expect(
      new D(rebase('100', 2019, 2023, hmtGdpDeflatorsCalendar)).minus(exact).abs().lt('1e-28'),
    ).toBe(true);
  });

  it('rebases financial years with the financial-year column', () => {
    // hand-computed: 37 × 100 / 74.4335 (2012-13) = 49.708…
    const exact = new D(37).times(100).div('74.4335');
    const value = rebase('37', '2012-13', '2023-24', hmtGdpDeflatorsFinancial);
    expect(new D(value).minus(exact).abs().lt('1e-28')).toBe(true);
  });

  it('leaves a value alone when the years are equal', () => {
    expect(rebase('123.45', 2010, 2010, hmtGdpDeflatorsCalendar)).toBe('123.45');
  });

  it('moves values backwards in time too', () => {
    // hand-computed: 100 × 84.142 / 100 = 84.142
    expect(rebase('100', 2023, 2019, hmtGdpDeflatorsCalendar)).toBe('84.142');
  });

  it('refuses a year outside the series rather than guessing', () => {
    expect(() => rebase('100', 2030, 2023, hmtGdpDeflatorsCalendar)).toThrow(SroiError);
    expect(() => rebase('100', 1900, 2023, hmtGdpDeflatorsCalendar)).toThrow(/1955 to 2023/);
  });
});

describe('hmtGdpDeflatorsCalendar and hmtGdpDeflatorsFinancial', () => {
  it('hold every value of the HM Treasury table, unchanged', () => {
    expect(Object.keys(hmtGdpDeflatorsCalendar.index)).toHaveLength(rows.length);
    for (const [year, calendar, financialYear, financial] of rows) {
      expect(hmtGdpDeflatorsCalendar.index[year ?? '']).toBe(calendar);
      expect(hmtGdpDeflatorsFinancial.index[financialYear ?? '']).toBe(financial);
    }
  });
});
