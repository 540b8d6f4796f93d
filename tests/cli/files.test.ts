/**
 * The CLI against the real file system: what happens when a file cannot be written, outputs
 * replaced atomically and never onto an input, files that are not regular files, and paths
 * written in an analysis file.
 */
import { execFileSync } from 'node:child_process';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFiles } from '../../src/cli/_nodeIo.js';
import { run } from '../../src/cli/run.js';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'sroi-cli-'));

async function cli(args: string[], cwd = scratch) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, {
    ...nodeFiles(),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A fresh folder in the scratch space holding a copy of the befriending example. */
function exampleCopy(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const file of ['analysis.json', 'analysis-csv.json', 'outcomes.csv', 'inputs.csv']) {
    writeFileSync(join(dir, file), readFileSync(join(root, 'examples', 'befriending', file)));
  }
  return dir;
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

  it('writes the output where --out says, replacing the file and leaving no temporary file', async () => {
    writeFileSync(join(scratch, 'replaced.json'), 'old');
    const { code, stderr } = await cli([
      'calculate',
      example,
      '--format',
      'json',
      '--out',
      'replaced.json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('wrote replaced.json\n');
    expect(JSON.parse(readFileSync(join(scratch, 'replaced.json'), 'utf8'))).toHaveProperty(
      'sroiRatio',
    );
    expect(readdirSync(scratch).filter((name) => name.includes('sroi-tmp'))).toEqual([]);
  });

  it('writes to a device as it is: --out /dev/null', async () => {
    const { code, stderr } = await cli(['calculate', example, '--out', '/dev/null']);
    expect(code).toBe(0);
    expect(stderr).toBe('wrote /dev/null\n');
  });

  it('replaces the target of a link given as --out, and keeps the link', async () => {
    const dir = join(scratch, 'linked-out');
    mkdirSync(dir);
    writeFileSync(join(dir, 'target.txt'), 'old');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.txt'));
    const { code } = await cli(['schema', '--out', join(dir, 'link.txt')]);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toMatch(/^\{/);
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'target.txt']);
  });
});

describe('run: an output never replaces an input', () => {
  it.each([
    ['the same path', (dir: string) => join(dir, 'analysis.json'), 'analysis.json'],
    [
      'another spelling of the path',
      (dir: string) => join(dir, '.', 'x', '..', 'analysis.json'),
      'analysis.json',
    ],
    [
      'a CSV table the analysis names',
      (dir: string) => join(dir, 'outcomes.csv'),
      'analysis-csv.json',
    ],
    [
      'a hard link to it',
      (dir: string) => {
        linkSync(join(dir, 'analysis.json'), join(dir, 'hard.json'));
        return join(dir, 'hard.json');
      },
      'analysis.json',
    ],
    [
      'a symbolic link to it',
      (dir: string) => {
        symlinkSync(join(dir, 'analysis.json'), join(dir, 'soft.json'));
        return join(dir, 'soft.json');
      },
      'analysis.json',
    ],
  ])('refuses --out that is %s (exit 1), leaving the input as it was', async (_, outOf, input) => {
    const dir = exampleCopy(`input-${input}-${Math.random().toString(36).slice(2)}`);
    const out = outOf(dir);
    const before = readFileSync(join(dir, 'analysis.json'), 'utf8');
    const csvBefore = readFileSync(join(dir, 'outcomes.csv'), 'utf8');
    for (const command of ['calculate', 'report', 'sensitivity']) {
      const { code, stderr } = await cli([command, join(dir, input), '--out', out]);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        `sroi: --out ${out} is a file this command reads; write the output to another file\n`,
      );
    }
    expect(readFileSync(join(dir, 'analysis.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'outcomes.csv'), 'utf8')).toBe(csvBefore);
  });

  it('writes --out - to standard output and creates no file named "-"', async () => {
    const dir = exampleCopy('dash');
    const { code, stdout } = await cli(
      ['calculate', 'analysis.json', '--format', 'json', '--out', '-'],
      dir,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('sroiRatio');
    expect(readdirSync(dir)).not.toContain('-');
  });
});

describe('run: files that are not regular files', () => {
  const named = (outcomes: string) => {
    const dir = mkdtempSync(join(scratch, 'named-'));
    writeFileSync(join(dir, 'analysis.json'), JSON.stringify({ name: 'x', outcomes }));
    return join(dir, 'analysis.json');
  };

  it.each([['/dev/zero'], ['/dev/null'], ['/dev/stdin']])(
    'refuses %s as a table before reading it',
    async (device) => {
      const { code, stderr } = await cli(['validate', named(device)]);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `sroi: cannot read ${device}: it is not a regular file (a device, a pipe or a socket); sroi reads files only\n`,
      );
    },
  );

  it('refuses a FIFO without waiting for a writer', async () => {
    const dir = mkdtempSync(join(scratch, 'fifo-'));
    execFileSync('mkfifo', [join(dir, 'outcomes.csv')]);
    const { code, stderr } = await cli(['calculate', join(dir, 'outcomes.csv')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/it is not a regular file/);
  });

  it('refuses a folder named as a table', async () => {
    const { code, stderr } = await cli(['validate', named(scratch)]);
    expect(code).toBe(1);
    expect(stderr).toBe(`sroi: cannot read ${scratch}: it is a folder\n`);
  });

  it('refuses a file above --max-input-size before reading it, and reads it when raised', async () => {
    const dir = exampleCopy('limit');
    const small = await cli(['calculate', 'analysis.json', '--max-input-size', '1KB'], dir);
    expect(small.code).toBe(1);
    const size = readFileSync(join(dir, 'analysis.json')).length;
    expect(small.stderr).toBe(
      `sroi: cannot read analysis.json: it is ${Number((size / 1024).toFixed(1))} KB, above the limit of 1 KB (--max-input-size raises it)\n`,
    );
    const raised = await cli(['calculate', 'analysis.json', '--max-input-size', '1MB'], dir);
    expect(raised.code).toBe(0);
  });

  it('reads at most the limit of a file whose size the system does not know (/proc)', async () => {
    // /proc/self/environ says 0 bytes, like every file under /proc.
    // The analysis file is 45 bytes; the environment of a test run is longer than 100.
    expect(readFileSync('/proc/self/environ').length).toBeGreaterThan(100);
    const { code, stderr } = await cli([
      'validate',
      named('/proc/self/environ'),
      '--max-input-size',
      '100',
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'sroi: cannot read /proc/self/environ: it is larger than the limit of 100 bytes (--max-input-size raises it)\n',
    );
  });

  it('prints no more than an excerpt of a file that is not a table', async () => {
    const environ = readFileSync('/proc/self/environ', 'utf8');
    const { code, stdout } = await cli([
      'validate',
      named('/proc/self/environ'),
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    const issues = (JSON.parse(stdout) as { issues: { received?: string; message: string }[] })
      .issues;
    for (const issue of issues) {
      expect(String(issue.received ?? '').length).toBeLessThanOrEqual(230);
      expect(issue.message.length).toBeLessThanOrEqual(1030);
    }
    if (environ.length > 400)
      expect(stdout).not.toContain(JSON.stringify(environ.slice(200, 400)).slice(1, -1));
  });
});

describe('run template: never replaces a file', () => {
  it('leaves an existing file, even one it cannot read, and writes nothing', async () => {
    const dir = mkdtempSync(join(scratch, 'template-'));
    writeFileSync(join(dir, 'inputs.csv'), 'mine');
    const { code, stderr } = await cli(['template', dir]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `sroi: ${join(dir, 'inputs.csv')} already exists; use --force to overwrite\n`,
    );
    expect(readdirSync(dir)).toEqual(['inputs.csv']);
    expect(readFileSync(join(dir, 'inputs.csv'), 'utf8')).toBe('mine');
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
