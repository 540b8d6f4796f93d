import { unzipSync } from 'fflate';
import type { WorkbookIssue } from './Workbook.js';

/** The limits `readWorkbook` enforces, so that a hostile file cannot exhaust memory. */
export interface WorkbookLimits {
  /** Uncompressed bytes of the XML parts read, all together, as the zip declares them. */
  readonly maxUncompressedBytes: number;
  /** Entries in the zip archive. */
  readonly maxEntries: number;
  /** Cells that hold a value, in the whole workbook. */
  readonly maxCells: number;
}

/**
 * The default limits: 100 MiB of uncompressed XML (a 1,000-outcome Value Map is about 1 MiB),
 * 10,000 zip entries and 2,000,000 cells with a value. Excel's own grid (1,048,576 rows ×
 * 16,384 columns) bounds every address and declared dimension. `readWorkbook` takes others.
 *
 * @example
 * workbookLimits;
 * //=> { maxUncompressedBytes: 104_857_600, maxEntries: 10_000, maxCells: 2_000_000 }
 * @example
 * readWorkbook(valueMapTemplate(), { limits: { maxCells: 10 } }).issues[0]?.code;
 * //=> 'too_large'
 */
export const workbookLimits: WorkbookLimits = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxCells: 2_000_000,
};

const MiB = 1024 * 1024;

/**
 * The XML and relationship parts of a zip archive, inflated, or the issue that stops the read.
 * Sizes are checked against the archive's declared sizes before anything is inflated, and each
 * part is inflated into a buffer of its declared size, so a part that lies about its size cannot
 * grow past it. Other parts (images, printer settings, binaries) are not inflated.
 */
export function unzipParts(
  bytes: Uint8Array,
  limits: WorkbookLimits,
): { parts: Map<string, Uint8Array> } | { issue: WorkbookIssue } {
  let entries = 0;
  let total = 0;
  let over: WorkbookIssue | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        if (over !== undefined) return false;
        if (entries > limits.maxEntries) {
          over = tooLarge(`the archive has more than ${limits.maxEntries} entries`);
          return false;
        }
        if (!/\.(xml|rels)$/i.test(file.name)) return false;
        total += file.originalSize;
        if (total > limits.maxUncompressedBytes) {
          over = tooLarge(
            `its XML parts unpack to more than ${Math.round(limits.maxUncompressedBytes / MiB)} MiB (${file.name} declares ${file.originalSize} bytes)`,
          );
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      issue: {
        code: 'not_a_workbook',
        where: 'workbook',
        message: `the file is a damaged zip archive (${reason}); open it in a spreadsheet and save it again as .xlsx`,
      },
    };
  }
  if (over !== undefined) return { issue: over };
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) parts.set(name.replace(/^\/+/, ''), data);
  return { parts };
}

function tooLarge(what: string): WorkbookIssue {
  return {
    code: 'too_large',
    where: 'workbook',
    message: `the workbook is refused because ${what}: beyond sroi's limit for a workbook (a zip bomb, or a file far larger than an impact map)`,
  };
}
