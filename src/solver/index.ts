// The solver service: SMT-LIB text in, verdict out, on a pool of Z3 instances (WASM workers or
// native processes). Nothing here knows about kspec.
import { availableParallelism } from 'node:os';
import { createWasmSolver, wasmSolverIdentity } from './wasm.js';
import { createNativeSolver, nativeZ3Version, NATIVE_SOLVER_NAME } from './native.js';
import type { BackendChoice, CreateSolverResult, SolverOptions } from './types.js';

export { checkStaged } from './staged.js';
export type { Solver, SolverJob, SolverResult, SolverStatus, SolverOptions, BackendChoice, CreateSolverResult } from './types.js';

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** `auto` is native z3 when it can be run, else WASM. */
export function createSolver(options: SolverOptions): CreateSolverResult {
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const z3Path = options.z3Path ?? 'z3';
  if (options.backend === 'wasm') return { ok: true, solver: createWasmSolver(jobs) };
  const version = nativeZ3Version(z3Path);
  if (options.backend === 'auto' && version === undefined) return { ok: true, solver: createWasmSolver(jobs) };
  return createNativeSolver(jobs, z3Path, version);
}

/**
 * The name and version of the solver `createSolver` would start for `backend`, without starting it
 * (undefined: native z3 was asked for and cannot be run).
 */
export function solverIdentity(backend: BackendChoice, z3Path = 'z3'): { readonly name: string; readonly version: string } | undefined {
  if (backend === 'wasm') return wasmSolverIdentity();
  const version = nativeZ3Version(z3Path);
  if (version !== undefined) return { name: NATIVE_SOLVER_NAME, version };
  return backend === 'auto' ? wasmSolverIdentity() : undefined;
}
