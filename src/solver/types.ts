// The solver service's contract: SMT-LIB text in, verdict out. Back ends never see kproof's IR.

export interface SolverJob {
  /** declarations and assertions; no (check-sat) needed (one is added by the back end) */
  readonly smt: string;
  readonly timeoutMs: number;
  /** ask for the model text when the answer is sat */
  readonly wantModel: boolean;
}

export type SolverStatus = 'unsat' | 'sat' | 'unknown' | 'error';

export interface SolverResult {
  readonly status: SolverStatus;
  /** why the answer is unknown or an error (timeout, crash, parse error, …) */
  readonly reason?: string;
  /** the (get-model) text, when sat and asked for */
  readonly model?: string;
  /** wall time of the job on its slot (not counting the wait for a free slot) */
  readonly ms: number;
}

export interface Solver {
  /** 'z3-wasm' or 'z3-native': part of every cache key */
  readonly name: string;
  /** the exact build, also part of every cache key */
  readonly version: string;
  check(job: SolverJob): Promise<SolverResult>;
  /** stops every worker or process; pending jobs end with status 'error' */
  close(): Promise<void>;
}

export type BackendChoice = 'wasm' | 'z3' | 'auto';

export interface SolverOptions {
  readonly backend: BackendChoice;
  /** pool size; defaults to the number of cores */
  readonly jobs?: number;
  /** the native binary (default: `z3` on PATH) */
  readonly z3Path?: string;
}

export type CreateSolverResult = { readonly ok: true; readonly solver: Solver } | { readonly ok: false; readonly message: string };
