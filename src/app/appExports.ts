/**
 * What the app saves, as one list: each file, what it is for, and how it is made from the
 * document and its figures by the library function the CLI uses for the same file. The Save
 * panel shows one button per entry; a new kind of file (a Value Map workbook) is one more entry.
 */
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import { formatCsv } from '../csv/formatCsv.js';
import { renderCsv } from '../csv/renderCsv.js';
import { renderHtml } from '../report/renderHtml.js';
import { evaluateScenarios } from '../sensitivity/evaluateScenarios.js';
import { safeParseScenarios } from '../sensitivity/safeParseScenarios.js';
import { safeParseUncertainty } from '../sensitivity/safeParseUncertainty.js';
import { simulate } from '../sensitivity/simulate.js';
import { valueAt } from './AnalysisDocument.js';
import { shownValue } from './fields.js';
import { documentOf } from './openFiles.js';
import type { AnalysisDocument, JsonValue } from './AnalysisDocument.js';
import type { Evaluation } from './evaluateDocument.js';
import type { CsvColumn } from '../csv/csvColumns.js';
import type { ReportSensitivity, ReportSimulation } from '../report/ReportExtras.js';
import type { Analysis } from '../model/analysis.js';
import type { EvaluateScenariosResult } from '../sensitivity/evaluateScenarios.js';
import type { SimulationResult } from '../sensitivity/simulate.js';

/** What an export is made from. */
export interface ExportContext {
  readonly document: AnalysisDocument;
  readonly evaluation: Evaluation;
  /** Sensitivity and simulation results of the present document, when they were run. */
  readonly sensitivity?: ReportSensitivity;
  readonly simulation?: ReportSimulation;
}

/** A file made for saving, or why it cannot be made now. */
export type ExportFile =
  | { readonly ok: true; readonly name: string; readonly type: string; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/** One kind of file the app saves. */
export interface AppExport {
  readonly id: string;
  readonly label: string;
  /** One line on what the file is and what reads it. */
  readonly description: string;
  /** Whether the file needs the figures (a map without problems); the JSON never does. */
  readonly needsFigures: boolean;
  readonly fileName: (document: AnalysisDocument) => string;
  /** The MIME type. */
  readonly type: string;
  /** The file's text; called only when it can be made (`exportFile`). */
  readonly text: (context: ExportContext) => string;
}

type WithFigures = ExportContext & { readonly evaluation: Extract<Evaluation, { ok: true }> };

/** The text of a file made from the figures (`needsFigures`), which only then exist. */
function fromFigures(text: (context: WithFigures) => string): (context: ExportContext) => string {
  return (context) => {
    const evaluation = context.evaluation;
    if (!evaluation.ok)
      throw new Error('sroi: a file that needs the figures was made without them');
    return text({ ...context, evaluation });
  };
}

const NEEDS_FIGURES = 'fix the problems listed first: this file needs a valid analysis';

/** Why an export cannot be made now, or `undefined` when it can (cheap: makes no file). */
export function unavailable(entry: AppExport, context: ExportContext): string | undefined {
  return entry.needsFigures && !context.evaluation.ok ? NEEDS_FIGURES : undefined;
}

/** Makes an export's file, or says why it cannot be made now. */
export function exportFile(entry: AppExport, context: ExportContext): ExportFile {
  const reason = unavailable(entry, context);
  if (reason !== undefined) return { ok: false, reason };
  return {
    ok: true,
    name: entry.fileName(context.document),
    type: entry.type,
    text: entry.text(context),
  };
}

/** The analysis name as a file name: `Befriending 2024` → `befriending-2024`. */
export function fileStem(document: AnalysisDocument): string {
  const name = typeof document['name'] === 'string' ? document['name'] : '';
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem === '' ? 'analysis' : stem;
}

/** A table of the document's rows under the canonical CSV headers (docs/csv-format.md). */
function tableCsv(rows: readonly JsonValue[], columns: readonly CsvColumn[]): string {
  const used = columns.filter((column) =>
    rows.some((row) => valueAt(row, column.path) !== undefined),
  );
  return formatCsv([
    used.map((column) => column.name),
    ...rows.map((row) => used.map((column) => shownValue(valueAt(row, column.path)))),
  ]);
}

/**
 * The document's scenarios worked out, as `sroi report` shows them for a file with a `scenarios`
 * section; `undefined` when it has none or they have problems (the Scenarios panel lists them).
 */
function scenariosOf(
  document: AnalysisDocument,
  analysis: Analysis,
): EvaluateScenariosResult | undefined {
  if (document['scenarios'] === undefined) return undefined;
  const parsed = safeParseScenarios(document['scenarios'], analysis);
  return parsed.success ? evaluateScenarios(analysis, parsed.scenarios) : undefined;
}

/**
 * The document's Monte Carlo simulation with its own draws and seed, as `sroi report` shows it
 * for a file with an `uncertainty` section; `undefined` when it has none or it has problems.
 */
function simulationOf(
  document: AnalysisDocument,
  analysis: Analysis,
): SimulationResult | undefined {
  if (document['uncertainty'] === undefined) return undefined;
  const parsed = safeParseUncertainty(document['uncertainty'], analysis);
  return parsed.success ? simulate(analysis, parsed.uncertainty) : undefined;
}

/** The settings of the document, naming its two tables as `sroi` reads them. */
function settingsNamingTables(document: AnalysisDocument): AnalysisDocument {
  return { ...document, outcomes: 'outcomes.csv', inputs: 'inputs.csv' };
}

const json = (value: JsonValue): string => `${JSON.stringify(value, null, 2)}\n`;

/** Every file the app saves, in the order the Save panel lists them. */
export const appExports: readonly AppExport[] = [
  {
    id: 'analysis-json',
    label: 'Analysis (JSON)',
    description:
      'Everything you entered, as the analysis file sroi reads (sroi calculate, sroi report, and this app again). Saved even with problems, so no work is lost.',
    needsFigures: false,
    fileName: (document) => `${fileStem(document)}.json`,
    type: 'application/json',
    text: ({ document }) => json(document),
  },
  {
    id: 'report-html',
    label: 'Report (HTML)',
    description:
      'The report sroi report writes: one page to send to a funder, with charts; opens in any browser and prints on A4.',
    needsFigures: true,
    fileName: (document) => `${fileStem(document)}-report.html`,
    type: 'text/html',
    text: fromFigures(({ document, evaluation, sensitivity, simulation: run }) => {
      // As `sroi report` does for the same file: its scenarios and its Monte Carlo are shown.
      const scenarios = scenariosOf(document, evaluation.analysis);
      const simulation = run ?? simulationOf(document, evaluation.analysis);
      return renderHtml(evaluation.result, {
        analysis: evaluation.analysis,
        ...(sensitivity === undefined ? {} : { sensitivity }),
        ...(simulation === undefined ? {} : { simulation }),
        ...(scenarios === undefined ? {} : { scenarios }),
      });
    }),
  },
  tableExport(
    'outcomes',
    'One row per outcome, for a spreadsheet; sroi reads it with inputs.csv and the settings file.',
  ),
  tableExport('inputs', 'One row per input, for a spreadsheet.'),
  {
    id: 'settings-json',
    label: 'Settings naming the tables (JSON)',
    description:
      'The name, discounting and other settings, naming outcomes.csv and inputs.csv: keep the three files in one folder and run sroi calculate analysis-csv.json.',
    needsFigures: false,
    fileName: () => 'analysis-csv.json',
    type: 'application/json',
    text: ({ document }) => json(settingsNamingTables(document)),
  },
  {
    id: 'figures-csv',
    label: 'Every figure (CSV)',
    description: 'The whole result, one figure per row, unrounded (sroi calculate --format csv).',
    needsFigures: true,
    fileName: (document) => `${fileStem(document)}-figures.csv`,
    type: 'text/csv',
    text: fromFigures(({ evaluation }) => renderCsv(evaluation.result)),
  },
];

/** One of the two CSV tables, from the validated analysis (canonical numbers, stakeholder ids). */
function tableExport(table: 'outcomes' | 'inputs', description: string): AppExport {
  return {
    id: `${table}-csv`,
    label: `${table === 'outcomes' ? 'Outcomes' : 'Inputs'} table (CSV)`,
    description,
    needsFigures: true,
    fileName: () => `${table}.csv`,
    type: 'text/csv',
    text: fromFigures(({ evaluation }) => {
      const rows = documentOf(evaluation.analysis, {})[table];
      return tableCsv(
        Array.isArray(rows) ? (rows as readonly JsonValue[]) : [],
        table === 'outcomes' ? outcomeColumns : inputColumns,
      );
    }),
  };
}
