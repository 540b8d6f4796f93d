import { parseCommandArgs } from './_parseCommandArgs.js';
import { UsageError } from './_errors.js';
import { analysisJsonSchema } from '../schema/analysisJsonSchema.js';
import { writeOutput } from './_writeOutput.js';
import type { CliIo } from './_io.js';

/** `sroi schema [--out FILE]`: prints the JSON Schema of an analysis file. */
export async function schemaCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string', short: 'o' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const text = `${JSON.stringify(analysisJsonSchema(), null, 2)}\n`;
  await writeOutput(io, values.out, text, 'data');
  return 0;
}
