/**
 * Something the CSV reader did that a reader of the result must know about but that is not an
 * error: a column it ignored, rows it counted as comments or titles. The CLI prints every note.
 */
export interface CsvNote {
  readonly code:
    | 'ignored_column'
    | 'title_rows'
    | 'comment_rows'
    | 'no_rows'
    | 'unused_mapping'
    | 'price_years_not_used'
    /** Total, Subtotal and Sum rows left out (never summed as data). */
    | 'total_rows'
    /** The analysis states no deduction or drop-off for any outcome (`Analysis.notStated`). */
    | 'not_stated'
    /** How a file's bytes were decoded, when not as plain UTF-8 (`decodeText`). */
    | 'encoding'
    /** A whole Value Map sheet: which sheet (or file) was read, and which were not. */
    | 'sheet_read'
    /** A setting taken from a Value Map's title rows (or replaced by the settings given). */
    | 'sheet_setting'
    /** Blank or merged stakeholder cells given the stakeholder above them. */
    | 'filled_down'
    /** Rows of a Value Map sheet that are neither data nor a Total row, left unread. */
    | 'rows_not_read'
    /** The sheet's own computed figures agree with sroi's. */
    | 'sheet_figures_agree'
    /** One of the sheet's own figures differs from sroi's: a warning, at its cell. */
    | 'sheet_figure_differs'
    /** Figures of the sheet not compared (computed on settings replaced, or with no saved result). */
    | 'sheet_figures_not_compared';
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
}
