/**
 * The sheet's own figures beside sroi's: every computed cell a Value Map holds — an outcome's
 * impact, its value in each year, its present value, an input's present value, a Total row's
 * sums, the discount factors, the present value of each year, the total present value, the
 * inputs, NPV and the ratios — is never read as data but compared with the figure sroi computes
 * for it. They agree within what the cell shows (half a unit of its last digit; a spreadsheet's
 * binary arithmetic, 1e-9 of the figure), or the difference is reported at its cell with both
 * values (docs/value-map.md).
 */
import { Dec, str } from '../calc/_decimal.js';
import { cellNumber } from '../csv/_totalRows.js';
import { someOf } from '../model/_alternatives.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { DecimalString } from '../model/analysis.js';
import type { ResultWarning, SroiResult } from '../model/result.js';

/**
 * One figure of the sheet beside sroi's (the shape `checkAnalysis` takes as a
 * `SheetComparison`, and whether they agree).
 */
export interface SheetFigure {
  /** What is compared, in words: `impact`, `value in year 2`, `SROI ratio`. */
  readonly figure: string;
  /** Where the sheet holds it: `'Value Map'!T12`, or `map.csv:12 [Impact]`. */
  readonly cell: string;
  /** The outcome's id, when the figure is one outcome's. */
  readonly outcome?: string;
  /** The sheet's own value, as a plain decimal. */
  readonly sheet: DecimalString;
  /** sroi's value of the same figure. */
  readonly sroi: DecimalString;
  /** The largest difference that counts as agreement (what the cell shows, see the file's comment). */
  readonly tolerance: DecimalString;
  readonly agrees: boolean;
}

/**
 * The warning a result carries when the Value Map it was read from computes figures of its own
 * that differ from sroi's (`SHEET_FIGURES_DISAGREE`), so that no report shows a figure the sheet
 * disagrees with in silence; `undefined` when every compared figure agrees. The CLI adds it to
 * the result of a map it read, and the app shows it with what it read.
 */
export function sheetFiguresWarning(figures: readonly SheetFigure[]): ResultWarning | undefined {
  const differ = figures.filter((c) => !c.agrees);
  const first = differ[0];
  if (first === undefined) return undefined;
  const n = differ.length;
  return {
    code: 'SHEET_FIGURES_DISAGREE',
    message: `${n} of the sheet's own figures ${n === 1 ? 'differs' : 'differ'} from sroi's (${someOf(differ.map((c) => c.cell))}; the first, the sheet's ${first.figure}${first.outcome === undefined ? '' : ` of outcome ${first.outcome}`}, is ${first.sheet} where sroi calculates ${first.sroi}): a formula of the sheet, or a figure as it shows it, differs from the data sroi read; sroi check lists each`,
  };
}

/** What a figure depends on beyond the rows: a settings flag that replaces the sheet's own makes it incomparable. */
export type FigureBasis = 'rows' | 'horizon' | 'discount';

/** A computed cell found by the reader, and where sroi's figure for it is in the result. */
export interface FigureCell {
  /** The kind of figure, which groups the agreements in one note (`impacts`, `year values`). */
  readonly group: string;
  readonly figure: string;
  readonly place: FigurePlace;
  /** The cell as shown. */
  readonly text: string;
  /** The id of the outcome the figure is of, once the analysis is read. */
  readonly outcomeOf?: (result: SroiResult) => string | undefined;
  readonly basis: FigureBasis;
  readonly sroi: (result: SroiResult) => DecimalString | null | undefined;
  /** The cell is a formula with no saved result: there is nothing to compare. */
  readonly uncached?: boolean;
}

/** Where a computed cell is: as an issue names a cell, with its column's header. */
export interface FigurePlace {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
}

/** How a place reads in a message: `'Value Map'!T12`, `map.csv:12 [Impact]`. */
export function placeText(place: FigurePlace): string {
  const at = place.line === undefined ? place.file : `${place.file}:${place.line}`;
  return place.column === undefined ? at : `${at} [${place.column}]`;
}

/** Settings that replace the sheet's own, so that figures computed on them are not compared. */
export interface Replaced {
  /** The setting's words and why: `the discount rate (the settings give 5%)`. */
  readonly discount?: string;
  readonly horizon?: string;
  readonly priceYear?: string;
}

/**
 * Compares each computed cell with sroi's figure: the comparisons, a note of those that agree,
 * a note at each cell that differs, and a note of what was not compared and why.
 */
export function compareFigures(
  cells: readonly FigureCell[],
  result: SroiResult,
  replaced: Replaced,
  csv: boolean,
  where: string,
): { comparisons: SheetFigure[]; notes: CsvNote[] } {
  const comparisons: SheetFigure[] = [];
  const notes: CsvNote[] = [];
  const agreed = new Map<string, number>();
  const skipped = new Map<string, number>();
  const why = (cell: FigureCell): string | undefined =>
    replaced.priceYear ??
    (cell.basis === 'rows'
      ? undefined
      : (replaced.horizon ?? (cell.basis === 'discount' ? replaced.discount : undefined)));
  let uncached = 0;
  for (const cell of cells) {
    if (cell.uncached === true) {
      uncached += 1;
      continue;
    }
    const sheet = cellNumber(cell.text);
    if (sheet === undefined) continue; // blank, text or an error: nothing to compare
    const reason = why(cell);
    if (reason !== undefined) {
      skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
      continue;
    }
    const ours = cell.sroi(result);
    if (ours === null || ours === undefined) continue;
    const sroi = new Dec(ours);
    const tolerance = Dec.max(halfUnit(cell.text), sroi.abs().times(BINARY));
    const difference = sheet.minus(sroi);
    const agrees = difference.abs().lte(tolerance);
    const outcome = cell.outcomeOf?.(result);
    comparisons.push({
      figure: cell.figure,
      cell: placeText(cell.place),
      ...(outcome === undefined ? {} : { outcome }),
      sheet: str(sheet),
      sroi: ours,
      tolerance: str(tolerance),
      agrees,
    });
    if (agrees) {
      agreed.set(cell.group, (agreed.get(cell.group) ?? 0) + 1);
      continue;
    }
    notes.push({
      code: 'sheet_figure_differs',
      message: `the sheet's own ${cell.figure}${outcome === undefined ? '' : ` of outcome ${outcome}`} is ${str(sheet)} but sroi calculates ${ours}, a difference of ${str(difference)}: find which formula or figure differs${csv ? ' (a CSV holds the figures as the sheet showed them: a rounded percentage such as 13% for 12.5% changes the result; read the .xlsx itself to rule that out)' : ''}`,
      ...definedPlace(cell.place),
    });
  }
  if (agreed.size > 0) {
    const total = [...agreed.values()].reduce((a, b) => a + b, 0);
    const parts = [...agreed].map(
      ([group, n]) => `${n} ${n === 1 ? (SINGULAR[group] ?? group) : group}`,
    );
    notes.unshift({
      code: 'sheet_figures_agree',
      message: `the sheet's own figures agree with sroi's: ${total} figure${total === 1 ? '' : 's'} (${parts.join(', ')})`,
      file: where,
    });
  }
  if (uncached > 0) {
    notes.push({
      code: 'sheet_figures_not_compared',
      message: `${uncached} of the sheet's own figure${uncached === 1 ? ' is' : 's are'} not compared with sroi's: ${uncached === 1 ? 'its formula holds' : 'their formulas hold'} no saved result (the file was written by a program that does not calculate); open it in Excel or LibreOffice and save it to compare them`,
      file: where,
    });
  }
  for (const [reason, n] of skipped) {
    notes.push({
      code: 'sheet_figures_not_compared',
      message: `${n} of the sheet's own figure${n === 1 ? ' is' : 's are'} not compared with sroi's: ${reason}, so ${n === 1 ? 'it was' : 'they were'} computed on another basis`,
      file: where,
    });
  }
  return { comparisons, notes };
}

/** A group's words for one figure. */
const SINGULAR: Readonly<Record<string, string>> = {
  impacts: 'impact',
  'year values': 'year value',
  'present values of outcomes': 'present value of an outcome',
  'present values of inputs': 'present value of an input',
  'proxy values in analysis prices': 'proxy value in analysis prices',
  'Total row figures': 'Total row figure',
  'present values of years': 'present value of a year',
  'discount factors': 'discount factor',
};

/** What a spreadsheet's binary arithmetic explains, relative to the figure. */
const BINARY = new Dec('1e-9');

/** Half a unit of the last digit shown, by the number of places (computed once each). */
const HALF_UNITS: Dec[] = [];

/** Half a unit of the last digit a number is shown with: 0.005 for `£1,234.57`, 0.5 for `12`. */
function halfUnit(text: string): Dec {
  const places = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
  return (HALF_UNITS[places] ??= new Dec(5).times(new Dec(10).pow(-places - 1)));
}

function definedPlace(place: FigurePlace): Omit<CsvNote, 'code' | 'message'> {
  return {
    file: place.file,
    ...(place.line === undefined ? {} : { line: place.line }),
    ...(place.column === undefined ? {} : { column: place.column }),
  };
}
