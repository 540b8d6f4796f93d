import { parseCommandArgs, theOneFile } from './_parseCommandArgs.js';
import { asInputError } from './_errors.js';
import { analysisFlags, loadAndReport, printIssues, readSection } from './_loadAnalysis.js';
import { readFormat } from './sensitivityCommand.js';
import { writeOutput } from './_writeOutput.js';
import { checkSection } from '../report/_checkSection.js';
import { markdownSection } from '../report/renderMarkdown.js';
import { checkAnalysis } from '../review/checkAnalysis.js';
import { safeParseUncertainty } from '../sensitivity/safeParseUncertainty.js';
import type { CliIo } from './_io.js';
import type { Analysis } from '../model/analysis.js';
import type { CheckResult } from '../review/checkAnalysis.js';
import type { Uncertainty } from '../sensitivity/Uncertainty.js';

/** `sroi check --help`. */
export const checkHelp = `Usage: sroi check <analysis.json | value-map.xlsx | outcomes.csv> [options]

An assurance-readiness review: what an assurer working to the principles of social value would
question in the analysis — a proxy without a source or a price year, an outcome without an
indicator or with no deduction at all, a long duration or one without drop-off, value held by
one outcome, immaterial outcomes, volunteers with no input in kind, a switching value within a
small move of its base, with an "uncertainty" section a low probability of a ratio of at least
1, and, for a Value Map, each of the sheet's own figures that differs from sroi's. Each finding has a code, a severity, the outcome it concerns and the principle it
serves. The findings are advice: the exit code is 0 whatever they are, 1 for invalid input.
Every check and its threshold: docs/check.md.

Where the data is and the settings: as for sroi calculate (see sroi calculate --help).
Output:
  -f, --format <format>         text (default), json ({ findings: [...] }), markdown
  -o, --out <file>              write to a file instead of standard output

Examples:
  sroi check examples/befriending/analysis.json
  sroi check analysis.json --format json --out findings.json
`;

/**
 * `sroi check <analysis.json | value-map.xlsx | outcomes.csv> [settings] [--format text|json|markdown]
 * [--out FILE]`: the findings of `checkAnalysis`. Exit 0 with or without findings (they are
 * advice), 1 when the analysis or its uncertainty section is invalid.
 */
export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...analysisFlags,
    format: { type: 'string', short: 'f', default: 'text' },
    out: { type: 'string', short: 'o' },
  });
  const file = theOneFile(
    positionals,
    'check needs an analysis file or an outcomes CSV: sroi check analysis.json',
  );
  const format = readFormat(values.format);

  const loaded = await loadAndReport(io, file, values);
  const analysis = loaded.analysis;
  if (analysis === undefined) return 1;
  const uncertainty = await readUncertainty(io, file, analysis);
  if (uncertainty === null) return 1;
  // A Value Map's own figures, beside sroi's: each that differs is a finding.
  const sheetComparisons = loaded.comparisons ?? [];
  const check = asInputError(file, () =>
    checkAnalysis(analysis, {
      ...(uncertainty === undefined ? {} : { uncertainty }),
      ...(sheetComparisons.length === 0 ? {} : { sheetComparisons }),
    }),
  );
  await writeOutput(
    io,
    values.out,
    renderCheck(check, analysis, format),
    format === 'text' ? 'text' : 'data',
  );
  return 0;
}

/**
 * The analysis file's uncertainty section, validated: `undefined` when there is none, `null`
 * when it is invalid (its problems are printed).
 */
export async function readUncertainty(
  io: CliIo,
  file: string,
  analysis: Analysis,
): Promise<Uncertainty | undefined | null> {
  const section = await readSection(io, file, 'uncertainty');
  if (section === undefined) return undefined;
  const parsed = safeParseUncertainty(section, analysis);
  if (parsed.success) return parsed.uncertainty;
  await printIssues(io, file, parsed.issues);
  return null;
}

function renderCheck(
  check: CheckResult,
  analysis: Analysis,
  format: ReturnType<typeof readFormat>,
): string {
  if (format === 'json') return `${JSON.stringify(check, null, 2)}\n`;
  const n = check.findings.length;
  const title = `Assurance readiness of ${analysis.name}: ${n === 0 ? 'nothing to question' : `${n} ${n === 1 ? 'finding' : 'findings'}`}`;
  const names = new Map(analysis.outcomes.map((o) => [o.id, o.outcome]));
  if (format === 'markdown') {
    const section = checkSection('check', title, check, (id) => names.get(id) ?? id);
    return `${['', ...markdownSection(section)].join('\n').replace(/^\n## /, '# ')}\n`;
  }
  const lines = [title, ''];
  for (const finding of check.findings) {
    const about =
      finding.outcome === undefined ? 'the whole analysis' : `outcome ${finding.outcome}`;
    lines.push(
      `  ${finding.severity.toUpperCase()} · ${finding.principle} · ${about} · ${finding.code}`,
      `    ${finding.message.charAt(0).toUpperCase()}${finding.message.slice(1)}.`,
    );
  }
  if (n > 0)
    lines.push('', 'The findings are advice: none changes a figure. Each check: docs/check.md.');
  return `${lines.join('\n')}\n`;
}
