import { parseCommandArgs, theOneFile } from './_parseCommandArgs.js';
import { UsageError, asInputError } from './_errors.js';
import {
  analysisFlags,
  loadOrReport,
  printIssues,
  readSection,
  resultOf,
} from './_loadAnalysis.js';
import { readUncertainty } from './checkCommand.js';
import { renderHtml } from '../report/renderHtml.js';
import { renderMarkdown } from '../report/renderMarkdown.js';
import { checkAnalysis } from '../review/checkAnalysis.js';
import { diffAnalyses } from '../review/diffAnalyses.js';
import { evaluateScenarios } from '../sensitivity/evaluateScenarios.js';
import { safeParseScenarios } from '../sensitivity/safeParseScenarios.js';
import { sensitivityAnalysis } from '../sensitivity/sensitivityAnalysis.js';
import { simulate } from '../sensitivity/simulate.js';
import { writeOutput } from './_writeOutput.js';
import type { CliIo } from './_io.js';
import type { RenderMarkdownOptions } from '../report/renderMarkdown.js';

const FORMATS = ['html', 'markdown'] as const;

/**
 * `sroi report <analysis.json | outcomes.csv> [--inputs inputs.csv] [settings]
 * [--format html|markdown] [--title TEXT] [--sensitivity] [--check] [--diff PREVIOUS]
 * [--out FILE]`: a report to send to a funder, as one self-contained HTML page (the default) or
 * as Markdown. `--sensitivity` adds the one-way sensitivity (tornado) and switching values of
 * every assumption, `--check` the assurance-readiness findings, `--diff PREVIOUS` what changed
 * since a previous version of the analysis; an analysis file's scenarios and uncertainty
 * sections are shown whenever it has them. The report goes to standard output (or `--out`); the
 * row accounting, notes and problems go to standard error.
 */
export async function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...analysisFlags,
    format: { type: 'string', short: 'f', default: 'html' },
    title: { type: 'string', short: 't' },
    sensitivity: { type: 'boolean', short: 's' },
    check: { type: 'boolean' },
    diff: { type: 'string' },
    out: { type: 'string', short: 'o' },
  });
  const file = theOneFile(
    positionals,
    'report needs an analysis file or an outcomes CSV: sroi report analysis.json --out report.html',
  );
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  }
  if (values.title !== undefined && values.title.trim() === '') {
    throw new UsageError('--title must not be empty');
  }

  const analysis = await loadOrReport(io, file, values);
  if (analysis === undefined) return 1;
  const result = resultOf(file, analysis);
  const sensitivity =
    values.sensitivity === true
      ? asInputError(file, () => sensitivityAnalysis(analysis))
      : undefined;
  // An analysis file with an "uncertainty" section gets its Monte Carlo histogram, with the
  // section's own draws and seed (the same figures as `sroi simulate` prints), and one with a
  // "scenarios" section its scenarios side by side.
  const uncertainty = await readUncertainty(io, file, analysis);
  if (uncertainty === null) return 1;
  const simulation =
    uncertainty === undefined
      ? undefined
      : asInputError(file, () => simulate(analysis, uncertainty));
  let scenarios;
  const scenariosSection = await readSection(io, file, 'scenarios');
  if (scenariosSection !== undefined) {
    const parsed = safeParseScenarios(scenariosSection, analysis);
    if (!parsed.success) {
      await printIssues(io, file, parsed.issues);
      return 1;
    }
    scenarios = asInputError(file, () => evaluateScenarios(analysis, parsed.scenarios));
  }
  const check =
    values.check === true
      ? asInputError(file, () =>
          checkAnalysis(analysis, uncertainty === undefined ? {} : { uncertainty }),
        )
      : undefined;
  let diff;
  if (values.diff !== undefined) {
    const previousFile = values.diff;
    const previous = await loadOrReport(io, previousFile, {});
    if (previous === undefined) return 1;
    diff = asInputError(`${previousFile} → ${file}`, () => diffAnalyses(previous, analysis));
  }
  const options: RenderMarkdownOptions = {
    analysis,
    ...(values.title === undefined ? {} : { title: values.title }),
    ...(sensitivity === undefined ? {} : { sensitivity }),
    ...(simulation === undefined ? {} : { simulation }),
    ...(scenarios === undefined ? {} : { scenarios }),
    ...(check === undefined ? {} : { check }),
    ...(diff === undefined ? {} : { diff }),
  };
  const output = format === 'html' ? renderHtml(result, options) : renderMarkdown(result, options);
  await writeOutput(io, values.out, output, 'data');
  return 0;
}
