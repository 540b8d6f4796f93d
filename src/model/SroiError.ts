/** Stable codes for every error the library throws or reports. */
export type SroiErrorCode =
  /** The analysis (JSON, CSV or arguments) broke one or more rules; see `issues`. */
  | 'INVALID_ANALYSIS'
  /** A price year is outside the deflator series. */
  | 'PRICE_YEAR_OUT_OF_RANGE'
  /** A building block was called with an argument outside its domain. */
  | 'INVALID_ARGUMENT'
  /** Sensitivity analysis needs an SROI ratio, and total inputs are zero. */
  | 'UNDEFINED_RATIO';

/** Stable codes for the individual problems found in an analysis. */
export type IssueCode =
  | 'required'
  | 'invalid_type'
  | 'invalid_number'
  | 'out_of_range'
  | 'not_whole_years'
  | 'duplicate_id'
  | 'unknown_stakeholder'
  | 'length_mismatch'
  | 'unknown_schedule'
  | 'invalid_discount'
  | 'price_year'
  | 'spreadsheet_error'
  | 'unknown_key'
  | 'csv_header'
  | 'csv_row'
  | 'invalid_value'
  /** Two stakeholders share a name, so a reference to it would be ambiguous. */
  | 'duplicate_name'
  /** A value could not be read at all: a getter or a Proxy threw while it was read. */
  | 'unreadable'
  /** The issues beyond the first 1,000, counted in one issue (docs/model.md). */
  | 'too_many_issues';

/** One problem found in an analysis, located by its JSON path and, for CSV, file, line, column. */
export interface Issue {
  readonly code: IssueCode;
  /** Human-readable: the field, the rule, the value received and a hint where one helps. */
  readonly message: string;
  /** JSON path segments, e.g. `['outcomes', 3, 'deadweight']`. */
  readonly path: readonly (string | number)[];
  /** The value that broke the rule, as received. */
  readonly received?: unknown;
  /** CSV only: the file name as given to the reader. */
  readonly file?: string;
  /** CSV only: 1-based physical line of the cell in the file. */
  readonly line?: number;
  /** CSV only: the column's header as written in the file. */
  readonly column?: string;
}

/**
 * The one error class of the library. `code` is stable; `issues` lists every problem when the
 * error comes from validating an analysis.
 *
 * @example
 * try {
 *   parseAnalysis({ name: 'x', outcomes: [] });
 * } catch (error) {
 *   if (error instanceof SroiError) console.log(error.code, error.issues.length);
 * }
 */
export class SroiError extends Error {
  override readonly name = 'SroiError';
  readonly code: SroiErrorCode;
  readonly issues: readonly Issue[];

  constructor(code: SroiErrorCode, message: string, issues: readonly Issue[] = []) {
    super(message);
    this.code = code;
    this.issues = issues;
  }
}
