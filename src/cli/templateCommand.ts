import { join } from 'node:path';
import { parseCommandArgs } from './_parseCommandArgs.js';
import { UsageError } from './_errors.js';
import { csvTemplate } from '../csv/csvTemplate.js';
import { valueMapTemplate } from '../workbook/valueMapTemplate.js';
import { writeFiles } from './_writeOutput.js';
import type { CliIo } from './_io.js';

/** The workbook `sroi template --xlsx` writes. */
export const VALUE_MAP_TEMPLATE_FILE = 'value-map.xlsx';

/**
 * `sroi template [DIR] [--xlsx] [--force]`: writes `outcomes.csv`, `inputs.csv` and
 * `analysis.json` into DIR (default: the current directory), or with `--xlsx` a blank Value Map
 * workbook, `value-map.xlsx`. Never replaces a file unless `--force` (each file is created
 * exclusively, so a file that appears meanwhile, or one that cannot be read, is kept).
 */
export async function templateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    force: { type: 'boolean', default: false },
    xlsx: { type: 'boolean', default: false },
  });
  const [dir = '.', ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (values.xlsx) {
    await writeFiles(io, dir, { [VALUE_MAP_TEMPLATE_FILE]: valueMapTemplate() }, values.force);
    io.stderr(
      'Fill in the Value Map sheet (stakeholders, inputs, outcomes); its formulas compute the present value and the ratio.\n',
    );
    return 0;
  }
  await writeFiles(io, dir, csvTemplate(), values.force);
  io.stderr(`Fill in the two tables, then run: sroi calculate ${join(dir, 'analysis.json')}\n`);
  return 0;
}
