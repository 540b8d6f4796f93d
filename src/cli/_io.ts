/** What `stat` tells about a path (links followed). */
export interface FileStat {
  /** `other` is a device, a pipe (FIFO) or a socket: sroi reads regular files only. */
  readonly kind: 'file' | 'directory' | 'other';
  /** Size in bytes, as the file system reports it (0 for many files under `/proc`). */
  readonly size: number;
  /** Device and inode: two paths to one file (a link, `./x` and `x`) give the same pair. */
  readonly dev: number;
  readonly ino: number;
}

/** What `CliIo.writeFile` writes: text, bytes, or text in pieces. */
export type FileData = string | Uint8Array | Iterable<string>;

/** Options of `CliIo.writeFile`. */
export interface WriteFileOptions {
  /** Create the file, failing with `EEXIST` if anything is at the path already. */
  readonly exclusive?: boolean;
}

/**
 * Everything the CLI does to the outside world, so that tests can give it a fake one.
 * `nodeIo()` (`_nodeIo.ts`) is the real one. Errors are Node errors with a `code` (`ENOENT`, …).
 * The optional members are there in the real one; a fake without them gets no check before a
 * read (`stat`) and no atomic replacement of an output (`rename`, `remove`, `realpath`).
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /**
   * Reads a UTF-8 file. With `maxBytes`, reads at most `maxBytes` + 1 bytes and fails with
   * `EFBIG` when the file is longer; a path that is not a regular file fails without blocking.
   */
  readonly readFile: (path: string, maxBytes?: number) => Promise<string>;
  /**
   * Reads a file's bytes, as `readFile` reads it (within `maxBytes`, regular files only). The
   * CLI reads every input this way and decodes text itself (`decodeText`); a fake without it
   * has its text read by `readFile` and encoded as UTF-8.
   */
  readonly readBytes?: (path: string, maxBytes?: number) => Promise<Uint8Array>;
  /**
   * Writes a file: text as UTF-8, bytes as they are (an .xlsx workbook), or text in pieces, one
   * after another (an output too long for one string: `sroi sensitivity --format json` of a
   * large analysis).
   */
  readonly writeFile: (path: string, data: FileData, options?: WriteFileOptions) => Promise<void>;
  /** The file at a path, links followed. */
  readonly stat?: (path: string) => Promise<FileStat>;
  /** Moves a file onto a path, replacing what is there, in one step (same folder). */
  readonly rename?: (from: string, to: string) => Promise<void>;
  /** Deletes a file; no error when there is none. */
  readonly remove?: (path: string) => Promise<void>;
  /** The path with every link resolved (the file an output really replaces). */
  readonly realpath?: (path: string) => Promise<string>;
  /** Creates a directory and its parents (used by `sroi template`). */
  readonly mkdir?: (path: string) => Promise<void>;
  /** The directory relative paths are resolved from. */
  readonly cwd: string;
}
