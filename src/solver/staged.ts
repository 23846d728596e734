// How an obligation is decided: one function used by the kernel (through src/kernel/smt.ts), the
// SMT bench and the back-end agreement test, so all three measure and trust the same discharge.
import { SOLVER_OPTIONS } from '../smt/index.js';
import type { Solver, SolverJob, SolverResult } from './types.js';

/** How long the first, default attempt may take before the others are tried. */
const FIRST_ATTEMPT_MS = 2000;

const EMATCHING_ON = '(set-option :smt.ematching true)';
const EMATCHING_OFF = '(set-option :smt.ematching false)';

/** The obligation for Z3 without E-matching (model-based instantiation only), which decides the obligations where E-matching loops. */
function withoutEmatching(smt: string): string | undefined {
  return smt.startsWith(SOLVER_OPTIONS) ? smt.replace(EMATCHING_ON, EMATCHING_OFF) : undefined;
}

// The same job asked again of one solver while the first answer is pending is not sent twice.
const inFlight = new WeakMap<Solver, Map<string, Promise<SolverResult>>>();

function ask(solver: Solver, job: SolverJob): Promise<SolverResult> {
  let asked = inFlight.get(solver);
  if (!asked) inFlight.set(solver, (asked = new Map()));
  const key = `${job.timeoutMs}\n${job.wantModel}\n${job.smt}`;
  let pending = asked.get(key);
  if (!pending) {
    pending = solver.check(job);
    asked.set(key, pending);
    void pending.finally(() => asked.delete(key));
  }
  return pending;
}

/**
 * Z3 with its defaults, briefly; then without E-matching; then with its defaults for the whole
 * time limit (`job.timeoutMs`). Options change how Z3 searches, never what the text means: any
 * `unsat` is an answer about the obligation itself. Only `sat` or `unsat` ends the attempts early
 * (a `sat` model is the counterexample); the last `unknown` (or solver error) is the verdict when
 * nothing decides it. `ms` is the time of all attempts together.
 */
export async function checkStaged(solver: Solver, job: SolverJob): Promise<SolverResult> {
  const limit = job.timeoutMs;
  const variant = withoutEmatching(job.smt);
  const attempts: readonly [string, number][] = limit > FIRST_ATTEMPT_MS && variant ? [[job.smt, FIRST_ATTEMPT_MS], [variant, limit], [job.smt, limit]] : [[job.smt, limit]];
  let spent = 0;
  let last: SolverResult | undefined;
  for (const [smt, timeoutMs] of attempts) {
    const r = await ask(solver, { smt, timeoutMs, wantModel: job.wantModel });
    spent += r.ms;
    if (r.status === 'unsat' || r.status === 'sat') return { ...r, ms: spent };
    last = { ...r, ms: spent };
  }
  return last!;
}
