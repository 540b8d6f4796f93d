// The public surface of sroi: what users call, grouped as docs/api.md lists it. A test snapshots
// this list and another checks that docs/api.md documents every name: change it deliberately.
// Workbooks (.xlsx) and the bytes of exported files are the entry `sroi/xlsx` (src/xlsx.ts).

// Model: the analysis as validated, the result contract, and the method's vocabulary.
export type {
  Analysis,
  AnalysisKind,
  DecimalString,
  Discount,
  DiscountScheduleName,
  DiscountTiming,
  Evidence,
  EvidenceTopic,
  FinancialProxy,
  Input,
  NotStatedAssumption,
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
export {
  deductionSteps,
  evidenceTopics,
  globalParameters,
  outcomeParameters,
  parameterLabels,
  uncertainParameters,
} from './model/vocabulary.js';
export type {
  Deduction,
  GlobalParameter,
  OutcomeParameter,
  SensitivityParameter,
  UncertainParameter,
} from './model/vocabulary.js';

// The whole pipeline: untrusted input to the result.
export { calculateSroi } from './calculateSroi.js';
export type { CalculateSroiOptions } from './calculateSroi.js';
export { evaluateAnalysis, uncategorised } from './calc/evaluateAnalysis.js';
export type { EvaluateAnalysisOptions } from './calc/evaluateAnalysis.js';

// Building blocks the engine itself calls, in the order the method applies them
// (docs/method.md); each gives what the engine computes for that step.
export { rebase } from './calc/rebase.js';
export { outcomeValues } from './calc/outcomeValues.js';
export type { OutcomeValueFields } from './calc/outcomeValues.js';
export { discountRate } from './calc/discountRate.js';
export { discountFactor, discountFactors } from './calc/discountFactors.js';
export { discountScheduleNames, greenBookSchedules } from './calc/greenBookSchedules.js';
export type { DiscountBand } from './calc/greenBookSchedules.js';
export { paybackMonths } from './calc/paybackMonths.js';
export { breakEvenYear } from './calc/breakEvenYear.js';

// Reference data.
export { hmtGdpDeflatorsCalendar, hmtGdpDeflatorsFinancial } from './data/hmtGdpDeflators.js';

// Validation of untrusted input: every issue at once, with its path (and, from text, its place).
export { parseAnalysis, safeParseAnalysis } from './schema/parseAnalysis.js';
export type { ParseAnalysisOptions, SafeParseAnalysisResult } from './schema/parseAnalysis.js';
export { safeParseAnalysisJson } from './json/safeParseAnalysisJson.js';
export type {
  SafeParseAnalysisJsonOptions,
  SafeParseAnalysisJsonResult,
} from './json/safeParseAnalysisJson.js';
export { readJson, maxJsonDepth } from './json/readJson.js';
export type { JsonIssue, JsonLocation, ReadJsonOptions, ReadJsonResult } from './json/readJson.js';
export { formatJsonIssue } from './json/formatJsonIssue.js';
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
export { inputColumns, outcomeColumns } from './csv/csvColumns.js';
export type { CsvColumn } from './csv/csvColumns.js';
export type { ColumnMappingInput, MappingTable } from './csv/columnMapping.js';
export { formatCsv } from './csv/formatCsv.js';
export type { FormatCsvOptions } from './csv/formatCsv.js';
export { renderCsv } from './csv/renderCsv.js';
export { csvTemplate } from './csv/csvTemplate.js';

// Sensitivity and uncertainty (docs/sensitivity.md): one-way tests, switching values, goal seek,
// scenarios and seeded Monte Carlo simulation.
export { parameterRefs } from './sensitivity/SensitivityParameter.js';
export type { ParameterRef } from './sensitivity/SensitivityParameter.js';
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
export type { Distribution, UncertainAssumption, Uncertainty } from './sensitivity/Uncertainty.js';
export { safeParseUncertainty, uncertaintyDefaults } from './sensitivity/safeParseUncertainty.js';
export type { SafeParseUncertaintyResult } from './sensitivity/safeParseUncertainty.js';
export { parseUncertainty } from './sensitivity/parseUncertainty.js';
export { simulate } from './sensitivity/simulate.js';
export type {
  HistogramBin,
  SimulateOptions,
  SimulationResult,
  SimulationSummary,
} from './sensitivity/simulate.js';

// Review (docs/check.md, docs/diff.md): what an assurer would question; what changed.
export { checkAnalysis, checkDefaults } from './review/checkAnalysis.js';
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
export { diffAnalyses } from './review/diffAnalyses.js';
export type {
  AnalysisChange,
  AnalysisDiff,
  DiffAnalysesOptions,
  DiffFigures,
  DiffValue,
} from './review/diffAnalyses.js';

// Reports: a result for people (pure; strings in, strings out). Rounding happens here only.
export { renderText } from './report/renderText.js';
export type { RenderTextOptions } from './report/renderText.js';
export { round, formatNumber, formatMoney, formatPercent } from './report/round.js';
export type { RoundingMode } from './report/round.js';
export { renderMarkdown } from './report/renderMarkdown.js';
export type { RenderMarkdownOptions } from './report/renderMarkdown.js';
export { renderHtml } from './report/renderHtml.js';
export type { RenderHtmlOptions } from './report/renderHtml.js';

// Errors.
export { SroiError } from './model/SroiError.js';
export type { Issue, IssueCode, SroiErrorCode } from './model/SroiError.js';
export { formatIssue, formatPath } from './model/formatIssue.js';
