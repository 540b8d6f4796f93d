/**
 * The app's worker (a Web Worker started from a Blob URL, `WorkerClient.ts`): it answers each
 * `WorkerRequest` with the library's own `simulate`, `sensitivityAnalysis`, `checkAnalysis` and
 * `diffAnalyses`. A domain error (`SroiError`) is answered with its message; anything else is a
 * bug, answered as one.
 */
import { SroiError } from '../model/SroiError.js';
import { checkAnalysis } from '../review/checkAnalysis.js';
import { diffAnalyses } from '../review/diffAnalyses.js';
import { sensitivityAnalysis } from '../sensitivity/sensitivityAnalysis.js';
import { simulate } from '../sensitivity/simulate.js';
import type { WorkerRequest, WorkerResponse, Worked } from './workerProtocol.js';

/** Answers one request. */
export function answer(request: WorkerRequest): WorkerResponse {
  const { id } = request;
  switch (request.kind) {
    case 'review': {
      const { analysis, uncertainty, previous } = request;
      return {
        id,
        kind: 'review',
        check: worked(() =>
          checkAnalysis(analysis, uncertainty === undefined ? {} : { uncertainty }),
        ),
        ...(previous === undefined ? {} : { diff: worked(() => diffAnalyses(previous, analysis)) }),
      };
    }
    case 'simulate': {
      const result = worked(() => simulate(request.analysis, request.uncertainty, request.options));
      return result.ok ? { id, kind: 'simulate', result: result.value } : failed(id, result);
    }
    case 'sensitivity': {
      const result = worked(() => sensitivityAnalysis(request.analysis, request.options));
      return result.ok ? { id, kind: 'sensitivity', result: result.value } : failed(id, result);
    }
  }
}

/** A calculation's value, or the message of the rule it broke (a bug says it is one). */
function worked<T>(calculate: () => T): Worked<T> {
  try {
    return { ok: true, value: calculate() };
  } catch (error) {
    const message =
      error instanceof SroiError
        ? error.message
        : `internal error — this is a bug in sroi, please report it: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, message };
  }
}

function failed(id: number, result: { readonly message: string }): WorkerResponse {
  return { id, kind: 'failed', message: result.message };
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  scope.postMessage({ id: event.data.id, kind: 'started' });
  scope.postMessage(answer(event.data));
};
