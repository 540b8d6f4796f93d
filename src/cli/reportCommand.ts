import { parseCommandArgs } from './_parseCommandArgs.js';
import { UsageError, asInputError } from './_errors.js';
import { analysisFlags, loadOrReport, printIssues, readSection } from './_loadAnalysis.js';
import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import { renderHtml } from '../report/renderHtml.js';
import { renderMarkdown } from '../report/renderMarkdown.js';
import { safeParseUncertainty } from '../sensitivity/safeParseUncertainty.js';
import { sensitivityAnalysis } from '../sensitivity/sensitivityAnalysis.js';
import { simulate } from '../sensitivity/simulate.js';
import { writeOutput } from './_writeOutput.js';
import type { CliIo } from './_io.js';

const FORMATS = ['html', 'markdown'] as const;

/**
 * `sroi report <analysis.json | outcomes.csv> [--inputs inputs.csv] [settings]
 * [--format html|markdown] [--title TEXT] [--sensitivity] [--out FILE]`: a report to send to a
 * funder, as one self-contained HTML page (the default) or as Markdown; `--sensitivity` adds the
 * one-way sensitivity (tornado) and switching values of every assumption. The report goes to standard output (or
 * `--out`); the row accounting, notes and problems go to standard error.
 */
export async function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...analysisFlags,
    format: { type: 'string', short: 'f', default: 'html' },
    title: { type: 'string', short: 't' },
    sensitivity: { type: 'boolean', short: 's' },
    out: { type: 'string', short: 'o' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined) {
    throw new UsageError(
      'report needs an analysis file or an outcomes CSV: sroi report analysis.json --out report.html',
    );
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  }
  if (values.title !== undefined && values.title.trim() === '') {
    throw new UsageError('--title must not be empty');
  }

  const analysis = await loadOrReport(io, file, values);
  if (analysis === undefined) return 1;
  const result = asInputError(file, () => evaluateAnalysis(analysis));
  const sensitivity =
    values.sensitivity === true
      ? asInputError(file, () => sensitivityAnalysis(analysis))
      : undefined;
  // An analysis file with an "uncertainty" section gets its Monte Carlo histogram, with the
  // section's own draws and seed (the same figures as `sroi simulate` prints).
  let simulation;
  const section = await readSection(io, file, 'uncertainty');
  if (section !== undefined) {
    const parsed = safeParseUncertainty(section, analysis);
    if (!parsed.success) {
      await printIssues(io, file, parsed.issues);
      return 1;
    }
    simulation = asInputError(file, () => simulate(analysis, parsed.uncertainty));
  }
  const options = {
    analysis,
    ...(values.title === undefined ? {} : { title: values.title }),
    ...(sensitivity === undefined ? {} : { sensitivity }),
    ...(simulation === undefined ? {} : { simulation }),
  };
  const output = format === 'html' ? renderHtml(result, options) : renderMarkdown(result, options);
  await writeOutput(io, values.out, output, 'data');
  return 0;
}
