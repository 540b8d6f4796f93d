import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CliIo, FileData } from '../../src/cli/_io.js';

export const root = join(__dirname, '..', '..');

/** What a fake I/O does besides holding files. */
export interface FakeIoOptions {
  /** Paths (relative to the repository) that exist but cannot be read (`EACCES`). */
  readonly unreadable?: readonly string[];
  /** A write to a path for which this is true stops halfway with `ENOSPC` (a full disk). */
  readonly failWrite?: (path: string) => boolean;
}

function nodeError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/**
 * A CLI I/O over the repository (read-only) plus an in-memory overlay that receives writes, with
 * every member of `CliIo`: `stat` (in-memory files get an inode of their own), reads limited to
 * `maxBytes`, exclusive creation, `rename` and `remove`.
 */
export function fakeIo(files: Record<string, string> = {}, options: FakeIoOptions = {}) {
  const written = new Map<string, string>(
    Object.entries(files).map(([p, t]) => [join(root, p), t]),
  );
  // Bytes written or given (a workbook, a file in another encoding), as they are.
  const bytes = new Map<string, Uint8Array>();
  const unreadable = new Set((options.unreadable ?? []).map((p) => join(root, p)));
  const inodes = new Map<string, number>();
  const inode = (path: string) => {
    if (!inodes.has(path)) inodes.set(path, 1_000_000 + inodes.size);
    return inodes.get(path) ?? 0;
  };
  const present = (path: string) => written.has(path) || unreadable.has(path) || existsSync(path);
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    readFile: async (path, maxBytes = Infinity) => {
      if (unreadable.has(path)) throw nodeError('EACCES', path);
      const text = written.get(path) ?? readFileSync(path, 'utf8');
      if (Buffer.byteLength(text) > maxBytes) throw nodeError('EFBIG', path);
      return text;
    },
    readBytes: async (path, maxBytes = Infinity) => {
      if (unreadable.has(path)) throw nodeError('EACCES', path);
      const data =
        bytes.get(path) ??
        (written.has(path)
          ? new TextEncoder().encode(written.get(path) ?? '')
          : new Uint8Array(readFileSync(path)));
      if (data.length > maxBytes) throw nodeError('EFBIG', path);
      return data;
    },
    writeFile: async (path, data, { exclusive = false } = {}) => {
      const text = writtenText(data);
      if (typeof data === 'string' || !(data instanceof Uint8Array)) bytes.delete(path);
      else bytes.set(path, data);
      if (!path.startsWith(root)) throw new Error(`test wrote outside the repository: ${path}`);
      if (exclusive && present(path)) throw nodeError('EEXIST', path);
      if (options.failWrite?.(path) === true) {
        written.set(path, text.slice(0, text.length >> 1));
        throw nodeError('ENOSPC', path);
      }
      written.set(path, text);
    },
    stat: async (path) => {
      const memory = written.get(path);
      if (memory !== undefined) {
        const size = bytes.get(path)?.length ?? Buffer.byteLength(memory);
        return { kind: 'file', size, dev: 0, ino: inode(path) };
      }
      if (unreadable.has(path)) return { kind: 'file', size: 10, dev: 0, ino: inode(path) };
      const info = statSync(path, { throwIfNoEntry: false });
      if (info === undefined) throw nodeError('ENOENT', path);
      return {
        kind: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other',
        size: info.size,
        dev: info.dev,
        ino: info.ino,
      };
    },
    rename: async (from, to) => {
      const text = written.get(from);
      if (text === undefined) throw nodeError('ENOENT', from);
      written.delete(from);
      written.set(to, text);
      const data = bytes.get(from);
      bytes.delete(from);
      if (data === undefined) bytes.delete(to);
      else bytes.set(to, data);
    },
    remove: async (path) => {
      written.delete(path);
      bytes.delete(path);
    },
    realpath: async (path) => path,
    mkdir: async () => {},
    cwd: root,
  };
  const file = (path: string) => written.get(join(root, path));
  const paths = () => [...written.keys()].map((p) => relative(root, p)).sort();
  /** Puts a file of bytes (a workbook, text in another encoding) at a path. */
  const put = (path: string, data: Uint8Array) => {
    const full = join(root, path);
    bytes.set(full, data);
    written.set(full, Buffer.from(data).toString('latin1'));
  };
  return { io, out, file, paths, put };
}

/**
 * What a fake file system keeps of written data: text as it is, text in pieces joined, and bytes
 * (a workbook) one character per byte; the tests of text outputs read text.
 */
export function writtenText(data: FileData): string {
  if (typeof data === 'string') return data;
  if (data instanceof Uint8Array) return Buffer.from(data).toString('latin1');
  return Array.from(data).join('');
}
