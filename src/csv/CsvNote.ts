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
    | 'price_years_not_used';
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
}
