// A fixed number of slots (worker threads or z3 processes), each running strictly one job at a
// time. Jobs wait in FIFO order for an idle slot; each caller awaits its own promise.
import type { SolverJob, SolverResult } from './types.js';

/** `ms` when the slot measured the job itself (excluding its own start-up) */
export type SlotVerdict = Omit<SolverResult, 'ms'> & { readonly ms?: number };

export interface Slot {
  /** never rejects: a crash or a timeout becomes a verdict, and the slot recovers on its own */
  run(job: SolverJob): Promise<SlotVerdict>;
  /** idle slots must not keep the process alive */
  setBusy(busy: boolean): void;
  dispose(): Promise<void>;
}

interface Pending {
  readonly job: SolverJob;
  readonly resolve: (r: SolverResult) => void;
}

export class SlotPool {
  private readonly slots: Slot[] = [];
  private readonly idle: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly makeSlot: () => Slot,
  ) {}

  check(job: SolverJob): Promise<SolverResult> {
    if (this.closed) return Promise.resolve({ status: 'error', reason: 'solver closed', ms: 0 });
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.idle.pop();
      if (!slot && this.slots.length < this.size) {
        slot = this.makeSlot();
        this.slots.push(slot);
      }
      if (!slot) return;
      const pending = this.queue.shift()!;
      this.runOn(slot, pending);
    }
  }

  private runOn(slot: Slot, pending: Pending): void {
    slot.setBusy(true);
    const startedAt = performance.now();
    void slot.run(pending.job).then((verdict) => {
      pending.resolve({ ...verdict, ms: verdict.ms ?? Math.round(performance.now() - startedAt) });
      if (this.closed) return;
      slot.setBusy(false);
      this.idle.push(slot);
      this.pump();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ status: 'error', reason: 'solver closed', ms: 0 });
    await Promise.all(this.slots.map((s) => s.dispose()));
  }
}
