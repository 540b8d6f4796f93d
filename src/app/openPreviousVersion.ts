/**
 * A previous version of the analysis, opened to compare the map with: any file or files the Open
 * panel takes (`openFiles`: an analysis JSON file, one naming its CSV tables, CSV tables), read
 * and validated as the CLI reads the `PREVIOUS` of `sroi diff` and `sroi report --diff`. It is
 * not edited: a version with problems is not compared, and its problems are listed.
 */
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import { openFiles } from './openFiles.js';
import type { FileToOpen, OpenedFiles } from './openFiles.js';
import type { JsonIssue } from '../json/readJson.js';
import type { Analysis } from '../model/analysis.js';

/** A previous version: what opening its files gave, and its analysis when it is valid. */
export interface PreviousVersion {
  readonly opened: OpenedFiles;
  readonly analysis?: Analysis;
  /** Why there is no analysis: every problem, as the CLI reports it. */
  readonly issues: readonly JsonIssue[];
}

/**
 * Opens a previous version.
 *
 * @example
 * const previous = openPreviousVersion([{ name: 'outcomes.csv', bytes: new TextEncoder().encode(
 *   'stakeholder,outcome,quantity,proxy_value,duration\nResidents,Warmer homes,10,250,1\n') }]);
 * [previous.analysis?.name, previous.analysis?.outcomes[0]?.quantity, previous.issues];
 * //=> ['outcomes', '10', []]
 */
export function openPreviousVersion(files: readonly FileToOpen[]): PreviousVersion {
  const opened = openFiles(files);
  if (opened.document === undefined) return { opened, issues: opened.issues };
  const parsed = safeParseAnalysis(opened.document);
  if (parsed.success) return { opened, analysis: parsed.analysis, issues: [] };
  // An analysis file's problems are already listed, located in it.
  return { opened, issues: opened.issues.length > 0 ? opened.issues : parsed.issues };
}
