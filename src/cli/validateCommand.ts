import { parseCommandArgs, theOneFile } from './_parseCommandArgs.js';
import { UsageError } from './_errors.js';
import { analysisFlags, loadAnalysis } from './_loadAnalysis.js';
import { boundedIssue, issueList, readSummary } from './_printRead.js';
import { dataOut } from './_terminal.js';
import type { CliIo } from './_io.js';

/**
 * `sroi validate <analysis.json | outcomes.csv> [--inputs inputs.csv] [settings]
 * [--format text|json]`: reads and checks the analysis without calculating; prints the row
 * accounting, notes and every problem to standard output. Exit 1 when there is any problem.
 */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...analysisFlags,
    format: { type: 'string', short: 'f', default: 'text' },
  });
  const file = theOneFile(
    positionals,
    'validate needs an analysis file or an outcomes CSV: sroi validate outcomes.csv',
  );
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format must be one of text, json, got "${values.format}"`);
  }
  const loaded = await loadAnalysis(io, file, values);
  const valid = loaded.analysis !== undefined;
  if (values.format === 'json') {
    const { tables, notes } = loaded;
    const issues = loaded.issues.map(boundedIssue);
    dataOut(io)(`${JSON.stringify({ valid, issues, tables, notes }, null, 2)}\n`);
  } else {
    io.stdout(readSummary(loaded));
    io.stdout(valid ? `${file}: no problems found\n` : issueList(file, loaded.issues));
  }
  return valid ? 0 : 1;
}
