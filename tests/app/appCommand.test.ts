/**
 * `sroi app`: the copy it writes is the built page, `--serve` serves it on 127.0.0.1 until
 * interrupted, and the npm package carries the page. Needs `dist/` (`npm test` builds first).
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { fakeIo } from '../cli/_fakeIo.js';
import { run } from '../../src/cli/run.js';

const root = join(__dirname, '..', '..');
const built = join(root, 'dist', 'app', 'index.html');
if (!existsSync(built))
  throw new Error('dist/app/index.html is missing: run npm run build (npm test does)');

describe('sroi app', () => {
  it('writes a copy of the built app', async () => {
    const { io, out, file } = fakeIo();
    expect(await run(['app', '--out', 'copy/sroi.html'], io)).toBe(0);
    expect(file('copy/sroi.html')).toBe(readFileSync(built, 'utf8'));
    expect(out.stderr).toBe('wrote copy/sroi.html: open it in a web browser (it works offline)\n');
  });

  it.each([
    [['--serve', '--out', 'x.html'], 'give --out or --serve, not both'],
    [['--port', '80'], '--port applies only with --serve'],
    [
      ['--serve', '--port', 'eighty'],
      '--port must be a whole number from 0 to 65535, got "eighty"',
    ],
    [['--serve', '--port', '70000'], '--port must be a whole number from 0 to 65535, got "70000"'],
    [['extra'], 'unexpected argument "extra"'],
  ])('refuses %j', async (args, message) => {
    const { io, out } = fakeIo();
    expect(await run(['app', ...args], io)).toBe(2);
    expect(out.stderr).toBe(`sroi: ${message}\nRun "sroi --help" for usage.\n`);
  });

  it('serves the app on 127.0.0.1, prints the address, and stops on Ctrl-C', async () => {
    const child = spawn(
      process.execPath,
      [join(root, 'dist', 'cli.js'), 'app', '--serve', '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () =>
          reject(new Error('sroi app --serve exited before printing the address')),
        );
      });
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(line)?.[0];
      expect(line).toBe(`sroi app: ${url} (only this computer can reach it; Ctrl-C stops it)`);
      const page = await fetch(url ?? '');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toBe(readFileSync(built, 'utf8'));
      expect((await fetch(url ?? '', { method: 'POST' })).status).toBe(405);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('is in the npm package', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as { files: { path: string }[] }[];
    expect(packed?.files.map((f) => f.path)).toContain('dist/app/index.html');
  });
});
