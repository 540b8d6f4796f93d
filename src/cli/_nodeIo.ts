import { constants } from 'node:fs';
import { mkdir, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { CliIo, FileStat } from './_io.js';

/** How much of a file is read per call: 1 MiB, or the file's own size when smaller. */
const CHUNK = 1 << 20;

/** The file-system members of `CliIo`, on Node's `fs`. */
export type NodeFiles = Omit<CliIo, 'stdout' | 'stderr' | 'cwd'>;

/**
 * The real file system for `run`: files are opened without blocking (a FIFO with no writer
 * does not hang) and read only when regular, and at most `maxBytes` + 1 bytes are read.
 */
export function nodeFiles(): NodeFiles {
  return {
    readFile: async (path, maxBytes) => (await readLimited(path, maxBytes)).toString('utf8'),
    readBytes: readLimited,
    writeFile: (path, data, options = {}) =>
      writeFile(path, data, { encoding: 'utf8', flag: options.exclusive === true ? 'wx' : 'w' }),
    stat: async (path) => fileStat(await stat(path)),
    rename: (from, to) => rename(from, to),
    remove: (path) => rm(path, { force: true }),
    realpath: (path) => realpath(path),
    mkdir: async (path) => {
      await mkdir(path, { recursive: true });
    },
  };
}

function fileStat(info: Awaited<ReturnType<typeof stat>>): FileStat {
  return {
    kind: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other',
    size: Number(info.size),
    dev: Number(info.dev),
    ino: Number(info.ino),
  };
}

function failure(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

async function readLimited(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer; it means nothing for a file.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    // Checked again on the open file: the path may have changed since the caller's `stat`.
    const info = fileStat(await handle.stat());
    if (info.kind === 'directory') throw failure('EISDIR', `${path} is a directory`);
    if (info.kind !== 'file') throw failure('ENOTREG', `${path} is not a regular file`);
    if (info.size > maxBytes) throw failure('EFBIG', `${path} is larger than ${maxBytes} bytes`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(info.size + 1 - total, CHUNK), maxBytes + 1 - total);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw failure('EFBIG', `${path} is larger than ${maxBytes} bytes`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
