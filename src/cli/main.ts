import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { run } from './run.js';

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  writeBytes: (path, bytes) => writeFile(path, bytes),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  cwd: process.cwd(),
});
process.exitCode = code;
