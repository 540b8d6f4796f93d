/**
 * The computed cells of a Value Map sheet, collected as its rows are read, each with where sroi's
 * figure for it is in the result: an outcome row's impact, year values and present value, an
 * input's present value, a Total row's sums over its section, and the results block's discount
 * factors, present values of the years, totals and ratios (`compareFigures` compares them).
 */
import { Dec, str, sum } from '../calc/_decimal.js';
import { figureAfterLabel } from './_sheetLabels.js';
import type { FigureBasis, FigureCell } from './_sheetFigures.js';
import type { ResultRow } from './_sheetLabels.js';
import type { PlacedColumn } from './_valueMapHeader.js';
import type { CsvColumn } from '../csv/csvColumns.js';
import type { CellAt } from '../csv/_tableRows.js';
import type { DecimalString } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

/** Where a cell is, with its column's header. */
export type CellWithColumn = (
  row: number,
  position: number,
) => CellAt & { readonly column: string };

export function figure(
  group: string,
  words: string,
  cells: readonly string[],
  p: number,
  row: number,
  at: CellWithColumn,
  basis: FigureBasis,
  sroi: (result: SroiResult) => DecimalString | null | undefined,
  outcome?: number,
): FigureCell {
  return {
    group,
    figure: words,
    place: at(row, p),
    text: cells[p] ?? '',
    basis,
    sroi,
    ...(outcome === undefined ? {} : { outcomeOf: (r: SroiResult) => r.outcomes[outcome]?.id }),
  };
}

/** An outcome row's computed cells: its impact, its value in each year, its present value. */
export function outcomeFigures(
  cells: readonly string[],
  row: number,
  index: number,
  computedAt: readonly (PlacedColumn | undefined)[],
  at: CellWithColumn,
  figures: FigureCell[],
): void {
  computedAt.forEach((placed, p) => {
    if (placed === undefined) return;
    const outcome = (r: SroiResult) => r.outcomes[index];
    const add = (
      group: string,
      words: string,
      basis: FigureBasis,
      sroi: (r: SroiResult) => DecimalString | undefined,
    ) => figures.push(figure(group, words, cells, p, row, at, basis, sroi, index));
    if (placed.key === 'impact') add('impacts', 'impact', 'rows', (r) => outcome(r)?.impact);
    else if (placed.key === 'proxyRebased')
      add(
        'proxy values in analysis prices',
        'value in analysis prices',
        'rows',
        (r) => outcome(r)?.proxyValue,
      );
    else if (placed.key === 'presentValue')
      add(
        'present values of outcomes',
        'present value',
        'discount',
        (r) => outcome(r)?.presentValue,
      );
    else if (placed.key === 'year' && placed.year !== undefined) {
      const year = placed.year;
      add('year values', `value in year ${year}`, 'horizon', (r) => {
        const o = outcome(r);
        return o === undefined ? undefined : (o.years.find((y) => y.year === year)?.value ?? '0');
      });
    }
  });
}

/** A Total row's computed cells: the sums of its section's outcomes and inputs. */
export function totalFigures(
  cells: readonly string[],
  row: number,
  section: { readonly outcomes: readonly number[]; readonly inputs: readonly number[] },
  computedAt: readonly (PlacedColumn | undefined)[],
  inputAt: readonly (CsvColumn | undefined)[],
  at: CellWithColumn,
  figures: FigureCell[],
): void {
  const over =
    (pick: (r: SroiResult, i: number) => string | undefined, list: readonly number[]) =>
    (r: SroiResult) =>
      str(sum(list.map((i) => new Dec(pick(r, i) ?? '0'))));
  const group = 'Total row figures';
  computedAt.forEach((placed, p) => {
    if (placed === undefined) return;
    if (placed.key === 'impact')
      figures.push(
        figure(
          group,
          'total impact',
          cells,
          p,
          row,
          at,
          'rows',
          over((r, i) => r.outcomes[i]?.impact, section.outcomes),
        ),
      );
    else if (placed.key === 'presentValue')
      figures.push(
        figure(
          group,
          'total present value of the rows',
          cells,
          p,
          row,
          at,
          'discount',
          over((r, i) => r.outcomes[i]?.presentValue, section.outcomes),
        ),
      );
    else if (placed.key === 'inputPresentValue')
      figures.push(
        figure(
          group,
          'total present value of the inputs',
          cells,
          p,
          row,
          at,
          'discount',
          over((r, i) => r.inputs[i]?.presentValue, section.inputs),
        ),
      );
    else if (placed.key === 'year' && placed.year !== undefined) {
      const year = placed.year;
      figures.push(
        figure(
          group,
          `total value in year ${year}`,
          cells,
          p,
          row,
          at,
          'horizon',
          over(
            (r, i) => r.outcomes[i]?.years.find((y) => y.year === year)?.value ?? '0',
            section.outcomes,
          ),
        ),
      );
    }
  });
  const value = inputAt.findIndex((c) => c?.name === 'value');
  if (value !== -1)
    figures.push(
      figure(
        group,
        'total value of the inputs',
        cells,
        value,
        row,
        at,
        'rows',
        over((r, i) => r.inputs[i]?.value, section.inputs),
      ),
    );
}

/** The results block's figures: discount factors, present values of the years, the totals, the ratios. */
export function resultFigures(
  resultRows: readonly ResultRow[],
  computedAt: readonly (PlacedColumn | undefined)[],
  at: CellWithColumn,
  figures: FigureCell[],
  uncached: (row: number, position: number) => boolean,
): void {
  const years = computedAt.flatMap((c, p) =>
    c?.key === 'year' && c.year !== undefined ? [{ year: c.year, p }] : [],
  );
  const single: Partial<Record<string, [string, (r: SroiResult) => DecimalString | null]>> = {
    totalPresentValue: ['total present value', (r) => r.totalPresentValue],
    totalInputs: ['total inputs', (r) => r.totalInputs],
    netPresentValue: ['net present value', (r) => r.netPresentValue],
    sroiRatio: ['SROI ratio', (r) => r.sroiRatio],
    netSroiRatio: ['net SROI ratio', (r) => r.netSroiRatio],
  };
  for (const result of resultRows) {
    const cells = result.row.cells;
    const row = result.row.row;
    if (result.key === 'presentValueOfYear' || result.key === 'discountFactor') {
      for (const { year, p } of years) {
        if (result.key === 'presentValueOfYear') {
          figures.push(
            figure(
              'present values of years',
              `present value of year ${year}`,
              cells,
              p,
              row,
              at,
              'discount',
              (r) => r.years.find((y) => y.year === year)?.presentValue ?? '0',
            ),
          );
        } else {
          figures.push(
            figure(
              'discount factors',
              `discount factor of year ${year}`,
              cells,
              p,
              row,
              at,
              'discount',
              (r) => r.years.find((y) => y.year === year)?.discountFactor,
            ),
          );
        }
      }
      continue;
    }
    const words = single[result.key];
    if (words === undefined) continue;
    const p = figureAfterLabel(result, (position) => uncached(row, position));
    if (p === -1) continue;
    figures.push(figure(words[0], words[0], cells, p, row, at, 'discount', words[1]));
  }
}
