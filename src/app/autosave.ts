/**
 * The copy of the open document kept in this browser's own storage (`localStorage`), so that
 * closing the tab loses nothing. It never leaves the computer: the page's security policy
 * forbids every request. Storage can be refused (private windows, a full quota, some browsers
 * on `file://`); every function here then says why instead of throwing.
 */
import type { AnalysisDocument } from './AnalysisDocument.js';

const KEY = 'sroi-app/autosave';

/** What is kept: the document and where it came from. */
export interface SavedWork {
  readonly document: AnalysisDocument;
  readonly source: string;
}

/** The outcome of a storage call: done, or the reason it could not be. */
export type StorageOutcome =
  { readonly ok: true } | { readonly ok: false; readonly reason: string };

function storage(): Storage {
  return window.localStorage;
}

function reason(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return "this browser's storage is full";
  }
  return error instanceof Error ? error.message : String(error);
}

/** Keeps `work` in this browser, in place of what was kept before. */
export function keepWork(work: SavedWork): StorageOutcome {
  try {
    storage().setItem(KEY, JSON.stringify({ version: 1, ...work }));
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: reason(error) };
  }
}

/** The work kept in this browser, if any (something unreadable there is ignored). */
export function keptWork(): SavedWork | undefined {
  try {
    const text = storage().getItem(KEY);
    if (text === null) return undefined;
    const saved = JSON.parse(text) as { version?: unknown; document?: unknown; source?: unknown };
    const document = saved.document;
    if (
      saved.version !== 1 ||
      typeof document !== 'object' ||
      document === null ||
      Array.isArray(document)
    ) {
      return undefined;
    }
    return {
      document: document as AnalysisDocument,
      source: typeof saved.source === 'string' ? saved.source : 'your last session',
    };
  } catch {
    return undefined;
  }
}

/** Removes the kept work from this browser. */
export function forgetWork(): StorageOutcome {
  try {
    storage().removeItem(KEY);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: reason(error) };
  }
}
