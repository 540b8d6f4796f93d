/**
 * What the app saves, as one list: each file, what it is for, and how it is made from the
 * document and its figures by the library function the CLI uses for the same file — text (the
 * JSON, the report, the CSV tables) or bytes (the Value Map workbook). The Save panel shows one
 * button per entry; a new kind of file is one more entry.
 */
import { inputColumns, outcomeColumns } from '../csv/csvColumns.js';
import { formatCsv } from '../csv/formatCsv.js';
import { renderCsv } from '../csv/renderCsv.js';
import { SroiError } from '../model/SroiError.js';
import { renderHtml } from '../report/renderHtml.js';
import { checkAnalysis } from '../review/checkAnalysis.js';
import { diffAnalyses } from '../review/diffAnalyses.js';
import { evaluateScenarios } from '../sensitivity/evaluateScenarios.js';
import { safeParseScenarios } from '../sensitivity/safeParseScenarios.js';
import { safeParseUncertainty } from '../sensitivity/safeParseUncertainty.js';
import { simulate } from '../sensitivity/simulate.js';
import { writeValueMap } from '../workbook/writeValueMap.js';
import { valueAt } from './AnalysisDocument.js';
import { shownValue } from './fields.js';
import { documentOf } from './openFiles.js';
import type { AnalysisDocument, JsonValue } from './AnalysisDocument.js';
import type { Evaluation } from './evaluateDocument.js';
import type { CsvColumn } from '../csv/csvColumns.js';
import type { ReportSensitivity, ReportSimulation } from '../report/ReportExtras.js';
import type { Analysis } from '../model/analysis.js';
import type { CheckResult } from '../review/checkAnalysis.js';
import type { AnalysisDiff } from '../review/diffAnalyses.js';
import type { EvaluateScenariosResult } from '../sensitivity/evaluateScenarios.js';
import type { SimulationResult } from '../sensitivity/simulate.js';
import type { Uncertainty } from '../sensitivity/Uncertainty.js';

/** What an export is made from. */
export interface ExportContext {
  readonly document: AnalysisDocument;
  readonly evaluation: Evaluation;
  /** Sensitivity and simulation results of the present document, when they were run. */
  readonly sensitivity?: ReportSensitivity;
  readonly simulation?: ReportSimulation;
  /**
   * The previous version of the analysis, when one is open for comparison: the report then
   * shows what changed since it, as `sroi report --diff PREVIOUS` does.
   */
  readonly previous?: Analysis;
  /** `diffAnalyses(previous, analysis)` of the present document, when already worked out. */
  readonly diff?: AnalysisDiff;
  /** Show the assurance-readiness findings in the report, as `sroi report --check` does. */
  readonly withCheck?: boolean;
  /** `checkAnalysis` of the present document, when already worked out. */
  readonly check?: CheckResult;
}

/** What a file holds: text (saved as UTF-8) or bytes. */
export type ExportContents = string | Uint8Array;

/** A file made for saving, or why it cannot be made now. */
export type ExportFile =
  | {
      readonly ok: true;
      readonly name: string;
      readonly type: string;
      readonly contents: ExportContents;
    }
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
  /** The file's contents; called only when it can be made (`exportFile`). */
  readonly contents: (context: ExportContext) => ExportContents;
}

/** An export context whose document has figures. */
export type WithFigures = ExportContext & {
  readonly evaluation: Extract<Evaluation, { ok: true }>;
};

/** The contents of a file made from the figures (`needsFigures`), which only then exist. */
function fromFigures<C extends ExportContents>(
  contents: (context: WithFigures) => C,
): (context: ExportContext) => C {
  return (context) => {
    const evaluation = context.evaluation;
    if (!evaluation.ok)
      throw new Error('sroi: a file that needs the figures was made without them');
    return contents({ ...context, evaluation });
  };
}

const NEEDS_FIGURES = 'fix the problems listed first: this file needs a valid analysis';

/** Why an export cannot be made now, or `undefined` when it can (cheap: makes no file). */
export function unavailable(entry: AppExport, context: ExportContext): string | undefined {
  return entry.needsFigures && !context.evaluation.ok ? NEEDS_FIGURES : undefined;
}

/**
 * Makes an export's file, or says why it cannot be made now — a rule of the method that the
 * map breaks only when the file is made (comparing with a previous version that cannot be
 * valued) is such a reason, with the library's message.
 */
export function exportFile(entry: AppExport, context: ExportContext): ExportFile {
  const reason = unavailable(entry, context);
  if (reason !== undefined) return { ok: false, reason };
  try {
    return {
      ok: true,
      name: entry.fileName(context.document),
      type: entry.type,
      contents: entry.contents(context),
    };
  } catch (error) {
    if (error instanceof SroiError) return { ok: false, reason: error.message };
    throw error;
  }
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
  const uncertainty = uncertaintyOf(document, analysis);
  return uncertainty === undefined ? undefined : simulate(analysis, uncertainty);
}

/** The document's uncertainty section, validated; `undefined` when it has none or it has problems. */
export function uncertaintyOf(
  document: AnalysisDocument,
  analysis: Analysis,
): Uncertainty | undefined {
  if (document['uncertainty'] === undefined) return undefined;
  const parsed = safeParseUncertainty(document['uncertainty'], analysis);
  return parsed.success ? parsed.uncertainty : undefined;
}

/** The settings of the document, naming its two tables as `sroi` reads them. */
function settingsNamingTables(document: AnalysisDocument): AnalysisDocument {
  return { ...document, outcomes: 'outcomes.csv', inputs: 'inputs.csv' };
}

/**
 * The HTML report of the document, as `sroi report` writes it for the same file: with its
 * scenarios and its Monte Carlo (the file's own draws and seed, or the run the person made),
 * the sensitivity when it was run, the findings with `withCheck` (`--check`, with the file's
 * uncertainty section as the CLI reads it) and the changes since the previous version when one
 * is open (`--diff PREVIOUS`). Work already done for the present document is used as it is.
 */
function reportHtml(context: WithFigures): string {
  const { document, evaluation, sensitivity, simulation: run, previous } = context;
  const { analysis, result } = evaluation;
  const scenarios = scenariosOf(document, analysis);
  const simulation = run ?? simulationOf(document, analysis);
  const check =
    context.withCheck === true ? (context.check ?? checkOf(document, analysis)) : undefined;
  const diff =
    previous === undefined ? undefined : (context.diff ?? diffAnalyses(previous, analysis));
  return renderHtml(result, {
    analysis,
    ...(sensitivity === undefined ? {} : { sensitivity }),
    ...(simulation === undefined ? {} : { simulation }),
    ...(scenarios === undefined ? {} : { scenarios }),
    ...(check === undefined ? {} : { check }),
    ...(diff === undefined ? {} : { diff }),
  });
}

/**
 * The findings of `checkAnalysis`, as `sroi check` works them out for the same file: with the
 * uncertainty section when it has a valid one.
 */
function checkOf(document: AnalysisDocument, analysis: Analysis): CheckResult {
  const uncertainty = uncertaintyOf(document, analysis);
  return checkAnalysis(analysis, uncertainty === undefined ? {} : { uncertainty });
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
    contents: ({ document }) => json(document),
  },
  {
    id: 'report-html',
    label: 'Report (HTML)',
    description:
      'The report sroi report writes: one page to send to a funder, with charts; opens in any browser and prints on A4.',
    needsFigures: true,
    fileName: (document) => `${fileStem(document)}-report.html`,
    type: 'text/html',
    contents: fromFigures(reportHtml),
  },
  {
    id: 'value-map-xlsx',
    label: 'Value Map workbook (Excel)',
    description:
      'The Value Map as a spreadsheet, with live formulas that give these figures when Excel or LibreOffice recalculates it (sroi export --format xlsx).',
    needsFigures: true,
    fileName: (document) => `${fileStem(document)}.xlsx`,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contents: fromFigures(({ evaluation }) =>
      writeValueMap(evaluation.analysis, evaluation.result),
    ),
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
    contents: ({ document }) => json(settingsNamingTables(document)),
  },
  {
    id: 'figures-csv',
    label: 'Every figure (CSV)',
    description: 'The whole result, one figure per row, unrounded (sroi calculate --format csv).',
    needsFigures: true,
    fileName: (document) => `${fileStem(document)}-figures.csv`,
    type: 'text/csv',
    contents: fromFigures(({ evaluation }) => renderCsv(evaluation.result)),
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
    contents: fromFigures(({ evaluation }) => {
      const rows = documentOf(evaluation.analysis, {})[table];
      return tableCsv(
        Array.isArray(rows) ? (rows as readonly JsonValue[]) : [],
        table === 'outcomes' ? outcomeColumns : inputColumns,
      );
    }),
  };
}
