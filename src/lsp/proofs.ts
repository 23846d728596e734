// Proof and model-check jobs, each in its own worker thread: a newer job for the same file
// terminates the older one (a WASM solver call cannot be interrupted any other way).
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './jobs.js';

export class ProofRunner {
  private readonly running = new Map<string, { worker: Worker; settle: (r: JobResult | undefined) => void }>();

  constructor(private readonly workerFile: URL) {}

  /** Runs a job; resolves to undefined when a newer job for the same key cancelled it. */
  run(key: string, job: Job): Promise<JobResult | undefined> {
    this.cancel(key);
    return new Promise((resolve) => {
      const worker = new Worker(this.workerFile, { workerData: job });
      let done = false;
      const settle = (r: JobResult | undefined): void => {
        if (done) return;
        done = true;
        if (this.running.get(key)?.worker === worker) this.running.delete(key);
        resolve(r);
      };
      this.running.set(key, { worker, settle });
      worker.once('message', (r: JobResult) => {
        settle(r);
        void worker.terminate();
      });
      worker.once('error', (e) => settle({ kind: 'crash', message: e.message }));
      worker.once('exit', (code) => settle(code === 0 ? undefined : { kind: 'crash', message: `the proof worker stopped (exit code ${code})` }));
    });
  }

  cancel(key: string): void {
    const prior = this.running.get(key);
    if (!prior) return;
    this.running.delete(key);
    prior.settle(undefined);
    void prior.worker.terminate();
  }

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  dispose(): Promise<unknown> {
    const all = [...this.running.values()];
    this.running.clear();
    return Promise.all(all.map((r) => (r.settle(undefined), r.worker.terminate())));
  }
}
