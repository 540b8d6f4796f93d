import { parseCommandArgs } from './_parseCommandArgs.js';
import { UsageError, asInputError } from './_errors.js';
import { loadOrReport } from './_loadAnalysis.js';
import { readFormat, textTable } from './sensitivityCommand.js';
import { writeOutput } from './_writeOutput.js';
import { diffSection } from '../report/_diffSection.js';
import { reportFormat } from '../report/_reportFormat.js';
import { markdownSection } from '../report/renderMarkdown.js';
import { diffAnalyses } from '../review/diffAnalyses.js';
import type { CliIo } from './_io.js';
import type { Cell } from '../report/_sectionModel.js';

/** `sroi diff --help`. */
export const diffHelp = `Usage: sroi diff <before> <after> [options]

What changed between two versions of an analysis (each an analysis JSON file, one that names
its CSV tables, or an outcomes CSV), and how much of the change in the SROI ratio each change
explains. Outcomes are matched by id, else by stakeholder and outcome text; inputs by
description. Every changed assumption is listed, with added and removed outcomes and inputs and
the settings (discount, horizon, price year). The changes are applied one at a time in a stated
order, and each one's effect is the change in the ratio it makes: the effects add up exactly to
the whole change. When either side has no inputs, its ratio is undefined and so is every
effect on the ratio. See docs/diff.md.

Output:
  -f, --format <format>         text (default), json (exact decimal strings), markdown
  -o, --out <file>              write to a file instead of standard output

Examples:
  sroi diff map-2023/analysis.json map-2024/analysis.json
  sroi diff before.json after.json --format json --out changes.json
`;

/**
 * `sroi diff <before> <after> [--format text|json|markdown] [--out FILE]`: the changes of
 * `diffAnalyses` and the effect of each on the ratio. Exit 1 when either analysis is invalid.
 */
export async function diffCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', short: 'f', default: 'text' },
    out: { type: 'string', short: 'o' },
  });
  const [beforeFile, afterFile, ...extra] = positionals;
  if (beforeFile === undefined || afterFile === undefined) {
    throw new UsageError(
      'diff needs two analysis files, the earlier first: sroi diff before.json after.json',
    );
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = readFormat(values.format);

  // Both are read, so that the problems of each are listed, before either exits.
  const before = await loadOrReport(io, beforeFile, {});
  const after = await loadOrReport(io, afterFile, {});
  if (before === undefined || after === undefined) return 1;
  const diff = asInputError(`${beforeFile} → ${afterFile}`, () => diffAnalyses(before, after));
  if (format === 'json') {
    await writeOutput(io, values.out, `${JSON.stringify(diff, null, 2)}\n`, 'data');
    return 0;
  }
  const names = new Map(after.outcomes.map((o) => [o.id, o.outcome]));
  const title = `Changes from “${before.name}” to “${after.name}”`;
  const section = diffSection('diff', title, diff, reportFormat(after.currency, {}), (id) =>
    names.get(id),
  );
  if (format === 'markdown') {
    const lines = markdownSection(section);
    await writeOutput(io, values.out, `${lines.join('\n').replace(/^## /, '# ')}\n`, 'data');
    return 0;
  }
  const [summary, ...rest] = section.paragraphs;
  const lines = [title, '', summary ?? ''];
  for (const table of section.tables) {
    // The path names each change exactly; the terminal has no room for the words as well.
    const text = (cell: Cell, first: boolean) =>
      typeof cell === 'string' ? cell : first ? (cell.note ?? cell.text) : cell.text;
    const rows = [...table.rows, ...(table.total === undefined ? [] : [table.total])].map((row) =>
      row.map((cell, i) => text(cell, i === 0)),
    );
    lines.push(
      '',
      textTable(['change', 'before', 'after', 'effect on ratio', 'effect on PV'], rows),
    );
  }
  lines.push('');
  for (const line of rest) lines.push(line);
  for (const line of section.after ?? []) lines.push(line);
  await writeOutput(io, values.out, `${lines.join('\n')}\n`);
  return 0;
}
