// Proof and model-check jobs in worker threads, one worker per key (document), kept between jobs
// so later runs start warm. A newer job for a key whose worker is busy terminates that worker
// (a WASM solver call cannot be interrupted any other way) and starts a fresh one.
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './jobs.js';

interface Slot {
  readonly worker: Worker;
  /** the job in flight, if any */
  pending?: { readonly id: number; readonly settle: (r: JobResult | undefined) => void };
}

export class ProofRunner {
  private readonly slots = new Map<string, Slot>();
  private nextId = 1;

  constructor(private readonly workerFile: URL) {}

  /** Runs a job; resolves to undefined when a newer job for the same key cancelled it. */
  run(key: string, job: Job): Promise<JobResult | undefined> {
    if (this.slots.get(key)?.pending) this.cancel(key);
    const slot = this.slots.get(key) ?? this.spawn(key);
    const id = this.nextId++;
    return new Promise((resolve) => {
      slot.pending = {
        id,
        settle: (r) => {
          if (slot.pending?.id === id) delete slot.pending;
          resolve(r);
        },
      };
      slot.worker.postMessage({ id, job });
    });
  }

  private spawn(key: string): Slot {
    const worker = new Worker(this.workerFile);
    const slot: Slot = { worker };
    this.slots.set(key, slot);
    worker.on('message', (m: { id: number; result: JobResult }) => {
      if (slot.pending?.id === m.id) slot.pending.settle(m.result);
    });
    const fail = (message: string): void => {
      if (this.slots.get(key) === slot) this.slots.delete(key);
      slot.pending?.settle({ kind: 'crash', message });
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`the proof worker stopped (exit code ${code})`));
    return slot;
  }

  /** Stops a key's running job (its worker is terminated; the next job starts a new one). */
  cancel(key: string): void {
    const slot = this.slots.get(key);
    if (!slot?.pending) return;
    this.slots.delete(key);
    slot.pending.settle(undefined);
    void slot.worker.terminate();
  }

  /** Stops a key's worker, busy or not (its document was closed). */
  release(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    slot.pending?.settle(undefined);
    void slot.worker.terminate();
  }

  dispose(): Promise<unknown> {
    const all = [...this.slots.values()];
    this.slots.clear();
    return Promise.all(all.map((s) => (s.pending?.settle(undefined), s.worker.terminate())));
  }
}
