/**
 * A worker of its own for the calculation that follows the map as it is edited (the review:
 * findings and changes since a previous version), so that it never waits for, or stops, a Monte
 * Carlo run the person started. It answers the latest request: a request made while another is
 * worked out waits, in place of any request that was waiting before it, so that however fast
 * the map changes, at most one answer is being worked out and one is waiting. Every answer is
 * given to the callback of its request; the app tells by the document whether it is current.
 */
import { startWorker } from './WorkerClient.js';
import type { WorkerTask } from './WorkerClient.js';
import type { WorkerRequest, WorkerResponse } from './workerProtocol.js';

interface Pending {
  readonly task: WorkerTask;
  readonly onAnswer: (answer: WorkerResponse) => void;
}

export class LiveWorker {
  private worker: Worker | undefined;
  private next = 1;
  private running: (Pending & { readonly id: number }) | undefined;
  private waiting: Pending | undefined;

  /** Asks for `task`, to be worked out once the request being worked out, if any, is answered. */
  request(task: WorkerTask, onAnswer: (answer: WorkerResponse) => void): void {
    this.waiting = { task, onAnswer };
    if (this.running === undefined) this.send();
  }

  /** Ends the worker; a request made later starts a new one. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.running = undefined;
    this.waiting = undefined;
  }

  private send(): void {
    const pending = this.waiting;
    if (pending === undefined) return;
    this.waiting = undefined;
    const id = this.next++;
    this.running = { ...pending, id };
    this.start().postMessage({ ...pending.task, id } as WorkerRequest);
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = startWorker();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const running = this.running;
      if (event.data.kind === 'started' || running?.id !== event.data.id) return;
      this.running = undefined;
      running.onAnswer(event.data);
      this.send();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const running = this.running;
      const waiting = this.waiting;
      this.stop();
      running?.onAnswer({
        id: running.id,
        kind: 'failed',
        message: `the worker stopped: ${event.message}`,
      });
      if (waiting !== undefined) this.request(waiting.task, waiting.onAnswer);
    };
    this.worker = worker;
    return worker;
  }
}
