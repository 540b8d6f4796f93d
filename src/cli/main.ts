import { nodeFiles } from './_nodeIo.js';
import { run } from './run.js';

// A reader that stops early (`sroi validate big.csv | head`) is not an error: end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const code = await run(process.argv.slice(2), {
  ...nodeFiles(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
process.exitCode = code;
