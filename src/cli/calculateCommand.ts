import { parseCommandArgs, theOneFile } from './_parseCommandArgs.js';
import { UsageError } from './_errors.js';
import { analysisFlags, loadOrReport, resultOf } from './_loadAnalysis.js';
import { renderCsv } from '../csv/renderCsv.js';
import { renderMarkdown } from '../report/renderMarkdown.js';
import { renderText } from '../report/renderText.js';
import { writeOutput } from './_writeOutput.js';
import type { CliIo } from './_io.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

/** Each format's renderer, by name (a `Map`: `--format __proto__` is an unknown format). */
const RENDERERS = new Map<string, (result: SroiResult, analysis: Analysis) => string>([
  ['text', (result) => renderText(result)],
  ['json', (result) => `${JSON.stringify(result, null, 2)}\n`],
  ['markdown', (result, analysis) => renderMarkdown(result, { analysis })],
  ['csv', (result) => renderCsv(result)],
]);

/**
 * `sroi calculate <analysis.json | outcomes.csv> [--inputs inputs.csv] [settings]
 * [--format text|json|markdown|csv] [--out FILE]`. The report goes to standard output (or `--out`); the
 * row accounting, notes and problems go to standard error.
 */
export async function calculateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...analysisFlags,
    format: { type: 'string', short: 'f', default: 'text' },
    out: { type: 'string', short: 'o' },
  });
  const file = theOneFile(
    positionals,
    'calculate needs an analysis file or an outcomes CSV: sroi calculate analysis.json',
  );
  const render = RENDERERS.get(values.format);
  if (render === undefined) {
    throw new UsageError(
      `--format must be one of ${[...RENDERERS.keys()].join(', ')}, got "${values.format}"`,
    );
  }

  const analysis = await loadOrReport(io, file, values);
  if (analysis === undefined) return 1;
  const result = resultOf(file, analysis);
  const output = render(result, analysis);
  await writeOutput(io, values.out, output, values.format === 'text' ? 'text' : 'data');
  return 0;
}
