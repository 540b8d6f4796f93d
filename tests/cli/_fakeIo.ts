import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CliIo } from '../../src/cli/_io.js';

export const root = join(__dirname, '..', '..');

/** A CLI I/O over the repository (read-only) plus an in-memory overlay that receives writes. */
export function fakeIo(files: Record<string, string> = {}) {
  const written = new Map<string, string>(
    Object.entries(files).map(([p, t]) => [join(root, p), t]),
  );
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    readFile: async (path) => {
      const memory = written.get(path);
      if (memory !== undefined) return memory;
      return readFileSync(path, 'utf8');
    },
    writeFile: async (path, text) => {
      if (!path.startsWith(root)) throw new Error(`test wrote outside the repository: ${path}`);
      written.set(path, text);
    },
    mkdir: async () => {},
    cwd: root,
  };
  const file = (path: string) => written.get(join(root, path));
  const paths = () => [...written.keys()].map((p) => relative(root, p)).sort();
  return { io, out, file, paths };
}
