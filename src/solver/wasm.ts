// The WASM back end: a pool of worker_threads, each with its own z3-solver instance.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SlotPool, type Slot, type SlotVerdict } from './pool.js';
import { WASM_WORKER_SOURCE } from './wasm-worker-source.js';
import type { Solver, SolverJob, SolverResult, SolverStatus } from './types.js';

/** After the solver's own timeout: first ask Z3 to stop, then kill the worker. */
const INTERRUPT_GRACE_MS = 250;
const TERMINATE_GRACE_MS = 2000;
/** WASM memory never shrinks (reference/z3.md §3.8): a worker is replaced after this many jobs */
const JOBS_PER_WORKER = 2000;

const requireFromHere = createRequire(import.meta.url);

/** The few parts of the WebAssembly global used here (the project's TypeScript lib has no DOM types). */
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<object> };

/**
 * z3-solver's 35 MB module is read and compiled once per process and handed to every worker, which
 * instantiates it instead of loading and compiling the file itself (V8 shares one Module's compiled
 * code between its instances). This takes 0.3-0.5 s off the start of a 2-worker pool, and off each
 * respawn. `undefined` when it cannot be compiled here: the worker then loads Z3 the usual way.
 */
let compiledZ3: Promise<object | undefined> | undefined;
function compileZ3Once(z3Module: string): Promise<object | undefined> {
  compiledZ3 ??= readFile(join(dirname(z3Module), 'z3-built.wasm'))
    .then((bytes) => WebAssembly.compile(bytes))
    .catch(() => undefined);
  return compiledZ3;
}

interface WorkerReply {
  readonly type: 'ready' | 'result' | 'fatal';
  readonly id?: number;
  readonly status?: SolverStatus;
  readonly reason?: string;
  readonly model?: string;
}

class WasmSlot implements Slot {
  private worker: Worker | undefined;
  private ready: Promise<string | undefined> | undefined;
  private nextId = 0;
  private jobsOnWorker = 0;
  private busy = false;
  private disposed = false;
  private onReply: ((reply: WorkerReply) => void) | undefined;
  private onDeath: ((reason: string) => void) | undefined;

  constructor(
    private readonly z3Module: string,
    private readonly source: string,
  ) {}

  setBusy(busy: boolean): void {
    this.busy = busy;
    if (busy) this.worker?.ref();
    else this.worker?.unref();
  }

  /** starts a worker; resolves undefined when it is ready, or a reason when it failed to start */
  private async spawn(): Promise<string | undefined> {
    const wasmModule = await compileZ3Once(this.z3Module);
    if (this.disposed) return 'solver closed';
    const worker = new Worker(this.source, { eval: true, workerData: { z3Module: this.z3Module, wasmModule } });
    if (!this.busy) worker.unref();
    this.worker = worker;
    return new Promise((resolve) => {
      let started = false;
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          started = true;
          resolve(undefined);
        } else if (reply.type === 'fatal') {
          this.discard(worker);
          resolve(`z3-solver failed to start: ${reply.reason ?? 'unknown reason'}`);
        } else this.onReply?.(reply);
      });
      const died = (reason: string) => {
        if (this.worker !== worker) return;
        this.discard(worker);
        if (!started) resolve(reason);
        else this.onDeath?.(reason);
      };
      worker.on('error', (e) => died(`solver crashed: ${e.message}`));
      worker.on('exit', (code) => died(`solver worker exited (code ${code})`));
    });
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = undefined;
      this.ready = undefined;
    }
    void worker.terminate();
  }

  async run(job: SolverJob): Promise<SlotVerdict> {
    if (this.worker && this.jobsOnWorker >= JOBS_PER_WORKER) this.discard(this.worker);
    if (!this.ready) {
      this.jobsOnWorker = 0;
      this.ready = this.spawn();
    }
    this.jobsOnWorker++;
    const failure = await this.ready;
    const worker = this.worker;
    if (failure !== undefined || !worker) return { status: 'error', reason: failure ?? 'solver worker unavailable' };
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<SlotVerdict>((resolve) => {
      const finish = (verdict: SlotVerdict) => {
        clearTimeout(interrupt);
        clearTimeout(kill);
        this.onReply = undefined;
        this.onDeath = undefined;
        resolve({ ...verdict, ms: Math.round(performance.now() - started) });
      };
      const interrupt = setTimeout(() => worker.postMessage({ type: 'interrupt' }), job.timeoutMs + INTERRUPT_GRACE_MS);
      const kill = setTimeout(() => {
        this.discard(worker);
        finish({ status: 'unknown', reason: 'timeout (solver stopped)' });
      }, job.timeoutMs + TERMINATE_GRACE_MS);
      this.onReply = (reply) => {
        if (reply.id !== id) return;
        const verdict: { status: SolverStatus; reason?: string; model?: string } = { status: reply.status ?? 'error' };
        if (reply.reason !== undefined) verdict.reason = reply.reason;
        if (reply.model !== undefined) verdict.model = reply.model;
        finish(verdict);
      };
      this.onDeath = (reason) => finish({ status: 'error', reason });
      worker.postMessage({ type: 'job', id, smt: job.smt, timeoutMs: job.timeoutMs, wantModel: job.wantModel });
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    this.onDeath?.('solver closed');
    if (worker) await worker.terminate();
  }
}

/** the name and version a WASM solver reports, known without loading Z3 */
export function wasmSolverIdentity(): { readonly name: string; readonly version: string } {
  const pkg = requireFromHere('z3-solver/package.json') as { version: string };
  return { name: 'z3-wasm', version: `z3-solver ${pkg.version}` };
}

/** `workerSource` is the worker's program (replaceable so tests can make a worker crash) */
export function createWasmSolver(jobs: number, workerSource: string = WASM_WORKER_SOURCE): Solver {
  const z3Module = requireFromHere.resolve('z3-solver');
  // nothing is read or compiled before the first job: a run answered from the cache needs no Z3
  const pool = new SlotPool(jobs, () => new WasmSlot(z3Module, workerSource));
  return {
    ...wasmSolverIdentity(),
    check: (job: SolverJob): Promise<SolverResult> => pool.check(job),
    close: () => pool.close(),
  };
}
