/**
 * The CLI against the real file system: what happens when a file cannot be written, and paths
 * written in an analysis file.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/_io.js';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'sroi-cli-'));

async function cli(args: string[], cwd = scratch) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    mkdir: async (path) => {
      await mkdir(path, { recursive: true });
    },
    cwd,
  };
  const code = await run(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const example = join(root, 'examples', 'befriending', 'analysis.json');

describe('run: files that cannot be written', () => {
  it.each([['calculate', example], ['report', example], ['sensitivity', example], ['schema']])(
    '%s --out into a missing folder is an input error, not a crash',
    async (...args) => {
      const { code, stderr } = await cli([...args, '--out', 'no-such-folder/out.txt']);
      expect(code).toBe(1);
      expect(stderr).toBe('sroi: cannot write no-such-folder/out.txt: no such folder\n');
    },
  );

  it('--out onto a folder is an input error', async () => {
    mkdirSync(join(scratch, 'a-folder'), { recursive: true });
    const { code, stderr } = await cli(['calculate', example, '--out', 'a-folder']);
    expect(code).toBe(1);
    expect(stderr).toBe('sroi: cannot write a-folder: it is a folder\n');
  });

  it('template into a path that is a file is an input error', async () => {
    writeFileSync(join(scratch, 'a-file'), 'x');
    const { code, stderr } = await cli(['template', 'a-file']);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^sroi: cannot (create the folder|write) a-file.*: a file is in the way\n$/,
    );
  });

  it('writes the output where --out says', async () => {
    const { code, stderr } = await cli([
      'calculate',
      example,
      '--format',
      'json',
      '--out',
      'result.json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('wrote result.json\n');
    expect(JSON.parse(readFileSync(join(scratch, 'result.json'), 'utf8'))).toHaveProperty(
      'sroiRatio',
    );
  });
});

describe('run: paths inside an analysis file', () => {
  it('reads CSV tables named by absolute path as they are', async () => {
    const tables = join(root, 'examples', 'befriending');
    mkdirSync(join(scratch, 'sub'), { recursive: true });
    writeFileSync(
      join(scratch, 'sub', 'abs.json'),
      JSON.stringify({
        name: 'Absolute',
        outcomes: join(tables, 'outcomes.csv'),
        inputs: join(tables, 'inputs.csv'),
      }),
    );
    const { code, stdout } = await cli(['calculate', 'sub/abs.json']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/SROI ratio/);
  });
});

describe('run: sensitivity arguments', () => {
  it('refuses a target ratio of 0 as a usage error', async () => {
    const { code, stderr } = await cli(['sensitivity', example, '--target', '0']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--target must be a ratio above 0/);
  });
});
