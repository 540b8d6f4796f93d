/**
 * The app's worker (a Web Worker started from a Blob URL, `simulationRunner.ts`): it answers
 * each `WorkerRequest` with the library's own `simulate` or `sensitivityAnalysis`. A domain
 * error (`SroiError`) is answered with its message; anything else is a bug, answered as one.
 */
import { SroiError } from '../model/SroiError.js';
import { sensitivityAnalysis } from '../sensitivity/sensitivityAnalysis.js';
import { simulate } from '../sensitivity/simulate.js';
import type { WorkerRequest, WorkerResponse } from './workerProtocol.js';

/** Answers one request. */
export function answer(request: WorkerRequest): WorkerResponse {
  try {
    return request.kind === 'simulate'
      ? {
          id: request.id,
          kind: 'simulate',
          result: simulate(request.analysis, request.uncertainty, request.options),
        }
      : {
          id: request.id,
          kind: 'sensitivity',
          result: sensitivityAnalysis(request.analysis, request.options),
        };
  } catch (error) {
    const message =
      error instanceof SroiError
        ? error.message
        : `internal error — this is a bug in sroi, please report it: ${error instanceof Error ? error.message : String(error)}`;
    return { id: request.id, kind: 'failed', message };
  }
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
