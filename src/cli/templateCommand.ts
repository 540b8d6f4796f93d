import { join } from 'node:path';
import { parseCommandArgs } from './_parseCommandArgs.js';
import { CliError, UsageError } from './_errors.js';
import { csvTemplate } from '../csv/csvTemplate.js';
import { createText, exists, makeFolder, writeText } from './_writeOutput.js';
import type { CliIo } from './_io.js';

/**
 * `sroi template [DIR] [--force]`: writes `outcomes.csv`, `inputs.csv` and `analysis.json`
 * into DIR (default: the current directory). Never replaces a file unless `--force` (each file
 * is created exclusively, so a file that appears meanwhile, or one that cannot be read, is kept).
 */
export async function templateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    force: { type: 'boolean', default: false },
  });
  const [dir = '.', ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const files = Object.entries(csvTemplate()).map(([name, text]) => ({
    path: join(dir, name),
    text,
  }));
  if (!values.force) {
    const existing: string[] = [];
    for (const { path } of files) if (await exists(io, path)) existing.push(path);
    if (existing.length > 0) {
      throw new CliError(
        `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite`,
      );
    }
  }
  await makeFolder(io, dir);
  for (const { path, text } of files) {
    await (values.force ? writeText(io, path, text) : createText(io, path, text));
    io.stderr(`wrote ${path}\n`);
  }
  io.stderr(`Fill in the two tables, then run: sroi calculate ${join(dir, 'analysis.json')}\n`);
  return 0;
}
