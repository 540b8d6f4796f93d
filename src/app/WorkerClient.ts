/**
 * Starts the app's worker (`worker.ts`) and talks to it. The build puts the worker's code in the
 * page as a string (`SROI_WORKER_SOURCE`), and the worker is started from a Blob URL of it, so
 * the one HTML file works from disk and needs no request (the page's policy allows `worker-src
 * blob:` and nothing else). Cancelling ends the worker at once; the next run starts a new one.
 */
import type { WorkerRequest, WorkerResponse } from './workerProtocol.js';

declare const SROI_WORKER_SOURCE: string;

/** A request without its id (the client numbers them). */
export type WorkerTask = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

/** A task running in the worker. */
export interface RunningTask {
  /** The answer; a cancelled task answers `{ kind: 'failed', message: 'cancelled' }`. */
  readonly answer: Promise<WorkerResponse>;
  readonly cancel: () => void;
}

let url: string | undefined;

/** A new worker running the app's worker code (`worker.ts`), from the page's one Blob URL of it. */
export function startWorker(): Worker {
  url ??= URL.createObjectURL(new Blob([SROI_WORKER_SOURCE], { type: 'text/javascript' }));
  return new Worker(url);
}

/** One worker, started on first use, that runs one task at a time. */
export class WorkerClient {
  private worker: Worker | undefined;
  private next = 1;
  private pending: ((response: WorkerResponse) => void) | undefined;

  /** Runs a task; `onStarted` is called when the worker begins it. */
  run(task: WorkerTask, onStarted?: () => void): RunningTask {
    this.cancel();
    const id = this.next++;
    const worker = this.start();
    const answer = new Promise<WorkerResponse>((resolve) => {
      this.pending = resolve;
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        if (event.data.id !== id) return;
        if (event.data.kind === 'started') {
          onStarted?.();
          return;
        }
        this.pending = undefined;
        resolve(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.pending = undefined;
        this.stop();
        resolve({ id, kind: 'failed', message: `the worker stopped: ${event.message}` });
      };
    });
    worker.postMessage({ ...task, id } as WorkerRequest);
    return { answer, cancel: () => this.cancel() };
  }

  /** Ends the running task, if any, and its worker. */
  cancel(): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    this.stop();
    pending({ id: 0, kind: 'failed', message: 'cancelled' });
  }

  private start(): Worker {
    this.worker ??= startWorker();
    return this.worker;
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
