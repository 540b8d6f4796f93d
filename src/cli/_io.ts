/** Everything the CLI does to the outside world, so that tests can give it a fake one. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads a UTF-8 file; throws a Node error with `code` (e.g. `ENOENT`) when it cannot. */
  readonly readFile: (path: string) => Promise<string>;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  /** Writes a binary file (`sroi export --format xlsx`); optional for fakes that write no bytes. */
  readonly writeBytes?: (path: string, bytes: Uint8Array) => Promise<void>;
  /** Creates a directory and its parents (used by `sroi template`); optional for fakes. */
  readonly mkdir?: (path: string) => Promise<void>;
  /** The directory relative paths are resolved from. */
  readonly cwd: string;
}
