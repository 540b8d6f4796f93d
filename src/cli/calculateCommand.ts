import { resolve } from 'node:path';
import { parseCommandArgs } from './_parseCommandArgs.js';
import { CliError, UsageError } from './_errors.js';
import { parseJson, readText } from './_readInput.js';
import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import { formatIssue } from '../model/formatIssue.js';
import { SroiError } from '../model/SroiError.js';
import { renderText } from '../report/renderText.js';
import { safeParseAnalysis } from '../schema/parseAnalysis.js';
import type { CliIo } from './_io.js';

const FORMATS = ['text', 'json'] as const;

/** `sroi calculate <analysis.json> [--format text|json] [--out FILE]` */
export async function calculateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', short: 'f', default: 'text' },
    out: { type: 'string', short: 'o' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined)
    throw new UsageError('calculate needs an analysis file: sroi calculate analysis.json');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  }

  const json = parseJson(await readText(io, file), file);
  const parsed = safeParseAnalysis(json);
  if (!parsed.success) {
    const count = parsed.issues.length;
    io.stderr(`${file}: ${count} problem${count === 1 ? '' : 's'} found\n`);
    for (const issue of parsed.issues) io.stderr(`  ${formatIssue(issue)}\n`);
    return 1;
  }
  let result;
  try {
    result = evaluateAnalysis(parsed.analysis);
  } catch (error) {
    if (error instanceof SroiError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
  const output = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderText(result);
  if (values.out === undefined) io.stdout(output);
  else {
    await io.writeFile(resolve(io.cwd, values.out), output);
    io.stderr(`wrote ${values.out}\n`);
  }
  return 0;
}
