// The public surface of sroi. A test snapshots this list: change it deliberately.

// Model: the validated analysis and the result contract.
export type {
  Analysis,
  DecimalString,
  Discount,
  DiscountScheduleName,
  DiscountTiming,
  FinancialProxy,
  Input,
  Outcome,
  PriceYear,
  Stakeholder,
} from './model/analysis.js';
export type {
  CategoryResult,
  InputResult,
  MethodStatement,
  OutcomeResult,
  ResultWarning,
  SliceResult,
  SroiResult,
  StakeholderResult,
  Waterfall,
  YearResult,
} from './model/result.js';
export type { DeflatorSeries } from './model/DeflatorSeries.js';

// The whole pipeline.
export { calculateSroi } from './calculateSroi.js';
export type { CalculateSroiOptions } from './calculateSroi.js';
export { evaluateAnalysis, UNCATEGORISED } from './calc/evaluateAnalysis.js';
export type { EvaluateAnalysisOptions } from './calc/evaluateAnalysis.js';

// Building blocks of the calculation (docs/method.md), in the order the method applies them.
export { rebase } from './calc/rebase.js';
export { grossValue } from './calc/grossValue.js';
export { impact } from './calc/impact.js';
export type { Deductions } from './calc/impact.js';
export { outcomeValues } from './calc/outcomeValues.js';
export type { OutcomeValueFields } from './calc/outcomeValues.js';
export { discountRate } from './calc/discountRate.js';
export { discountFactor, discountFactors } from './calc/discountFactors.js';
export { greenBookSchedules, discountScheduleNames } from './calc/greenBookSchedules.js';
export type { DiscountBand } from './calc/greenBookSchedules.js';
export { presentValue } from './calc/presentValue.js';
export { paybackMonths } from './calc/paybackMonths.js';
export { breakEvenYear } from './calc/breakEvenYear.js';

// Reference data.
export { hmtGdpDeflatorsCalendar, hmtGdpDeflatorsFinancial } from './data/hmtGdpDeflators.js';

// Validation of untrusted input.
export { parseAnalysis, safeParseAnalysis } from './schema/parseAnalysis.js';
export type { ParseAnalysisOptions, SafeParseAnalysisResult } from './schema/parseAnalysis.js';
export { analysisJsonSchema } from './schema/analysisJsonSchema.js';
export type { AnalysisInput } from './schema/analysisSchema.js';
export { readNumber } from './schema/readNumber.js';
export type { NumberReading } from './schema/readNumber.js';

// CSV: the analysis kept as outcomes.csv and inputs.csv (docs/csv-format.md); text in, no file access.
export { readCsvAnalysis } from './csv/readCsvAnalysis.js';
export type {
  CsvAnalysisSources,
  CsvSource,
  CsvTableAccounting,
  ReadCsvAnalysisOptions,
  ReadCsvAnalysisResult,
} from './csv/readCsvAnalysis.js';
export type { CsvNote } from './csv/CsvNote.js';
export { readCsvTable } from './csv/readCsvTable.js';
export type {
  CsvDelimiter,
  CsvRow,
  CsvTable,
  ReadCsvTableOptions,
  ReadCsvTableResult,
} from './csv/readCsvTable.js';
export { inputColumns, outcomeColumns } from './csv/csvColumns.js';
export type { CsvColumn } from './csv/csvColumns.js';
export { normaliseHeader } from './csv/normaliseHeader.js';
export { matchColumns } from './csv/matchColumns.js';
export type { ColumnMatch } from './csv/matchColumns.js';
export { formatCsv, neutraliseCsvCell } from './csv/formatCsv.js';
export type { FormatCsvOptions } from './csv/formatCsv.js';
export { renderCsv } from './csv/renderCsv.js';
export { csvTemplate } from './csv/csvTemplate.js';

// Sensitivity and uncertainty (docs/method.md): one-way tests, switching values, goal seek,
// scenarios and seeded Monte Carlo simulation.
export {
  globalParameters,
  outcomeParameters,
  parameterRefs,
} from './sensitivity/SensitivityParameter.js';
export type { ParameterRef, SensitivityParameter } from './sensitivity/SensitivityParameter.js';
export { oneWaySensitivity } from './sensitivity/oneWaySensitivity.js';
export type {
  OneWayPoint,
  OneWayResult,
  OneWaySensitivityOptions,
} from './sensitivity/oneWaySensitivity.js';
export { switchingValues } from './sensitivity/switchingValues.js';
export type { SwitchingValuesOptions } from './sensitivity/switchingValues.js';
export { solveFor } from './sensitivity/solveFor.js';
export type { SolveForGoal, SolveForOptions, SwitchingValue } from './sensitivity/solveFor.js';
export { sensitivityAnalysis } from './sensitivity/sensitivityAnalysis.js';
export type {
  SensitivityAnalysisOptions,
  SensitivityAnalysisResult,
} from './sensitivity/sensitivityAnalysis.js';
export type {
  InputOverride,
  OutcomeOverride,
  Scenario,
  Scenarios,
} from './sensitivity/Scenario.js';
export { parseScenarios } from './sensitivity/parseScenarios.js';
export { safeParseScenarios } from './sensitivity/safeParseScenarios.js';
export type { SafeParseScenariosResult } from './sensitivity/safeParseScenarios.js';
export { applyScenario } from './sensitivity/applyScenario.js';
export { evaluateScenarios } from './sensitivity/evaluateScenarios.js';
export type {
  EvaluateScenariosOptions,
  EvaluateScenariosResult,
  ScenarioResult,
} from './sensitivity/evaluateScenarios.js';
export { uncertainParameters } from './sensitivity/Uncertainty.js';
export type {
  Distribution,
  UncertainAssumption,
  UncertainParameter,
  Uncertainty,
} from './sensitivity/Uncertainty.js';
export { safeParseUncertainty, UNCERTAINTY_DEFAULTS } from './sensitivity/safeParseUncertainty.js';
export type { SafeParseUncertaintyResult } from './sensitivity/safeParseUncertainty.js';
export { parseUncertainty } from './sensitivity/parseUncertainty.js';
export { simulate } from './sensitivity/simulate.js';
export type {
  HistogramBin,
  SimulateOptions,
  SimulationResult,
  SimulationSummary,
} from './sensitivity/simulate.js';

// Reports: render a result for people (pure; strings in, strings out). Rounding happens here only.
export { renderText } from './report/renderText.js';
export type { RenderTextOptions } from './report/renderText.js';
export { round, formatNumber, formatMoney, formatPercent } from './report/round.js';
export type { RoundingMode } from './report/round.js';
export { renderMarkdown } from './report/renderMarkdown.js';
export type { RenderMarkdownOptions } from './report/renderMarkdown.js';
export { renderHtml } from './report/renderHtml.js';
export type { RenderHtmlOptions } from './report/renderHtml.js';
export type {
  ReportDistribution,
  ReportFigure,
  ReportHistogramBin,
  ReportOneWay,
  ReportSensitivity,
  ReportSimulation,
  ReportSwitchingValue,
  ReportScenarioFigures,
  ReportScenarios,
} from './report/ReportExtras.js';
export { escapeHtml } from './report/escapeHtml.js';
export { escapeMarkdown } from './report/escapeMarkdown.js';

// Review (docs/check.md, docs/diff.md): what an assurer asks of an analysis, and what changed
// between two versions of one, with each change's exact effect on the ratio.
export { checkAnalysis, CHECK_DEFAULTS } from './review/checkAnalysis.js';
export type {
  CheckAnalysisOptions,
  CheckFinding,
  CheckResult,
  CheckThresholds,
  FindingCode,
  FindingSeverity,
  SheetComparison,
} from './review/checkAnalysis.js';
export { socialValuePrinciples } from './review/socialValuePrinciples.js';
export type { SocialValuePrinciple } from './review/socialValuePrinciples.js';
export { switchingMargin, marginUnit, MARGIN_STEPS } from './review/switchingMargin.js';
export type {
  MarginSteps,
  MarginUnit,
  SwitchingMargin,
  SwitchingValueLike,
} from './review/switchingMargin.js';
export { diffAnalyses } from './review/diffAnalyses.js';
export type {
  AnalysisChange,
  AnalysisDiff,
  DiffAnalysesOptions,
  DiffFigures,
  DiffValue,
} from './review/diffAnalyses.js';

// Numbers and errors.
export { SroiError } from './model/SroiError.js';
export type { Issue, IssueCode, SroiErrorCode } from './model/SroiError.js';
export { formatIssue, formatPath } from './model/formatIssue.js';
