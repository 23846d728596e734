// Theorems are decided by the kernel (src/kernel): it writes and discharges every first-order
// obligation itself and decides temporal steps; here its verdicts become TheoremReports, with
// counterexamples read back as kspec values and progress counted per solver call.
import type { Program } from '../ir/index.js';
import type { Solver } from '../solver/index.js';
import type { Failure, ObligationRecord, TheoremVerdict } from '../kernel/index.js';
import { readCounterexample, type Counterexample } from './counterexample.js';
import type { Obligation } from './types.js';
import type { ObligationReport, Problem } from './verify.js';

export interface Progress {
  done: number;
  total: number;
  readonly report?: (done: number, total: number) => void;
}

/** The solver, counting each call the kernel makes as one obligation of the progress bar. */
export function countingSolver(solver: Solver, progress: Progress): Solver {
  return {
    name: solver.name,
    version: solver.version,
    close: () => solver.close(),
    async check(job) {
      progress.report?.(progress.done, ++progress.total);
      try {
        return await solver.check(job);
      } finally {
        progress.report?.(++progress.done, progress.total);
      }
    },
  };
}

function obligationOf(r: ObligationRecord): Obligation {
  return { id: r.id, origin: r.origin, span: r.span, ...(r.formulaSpan ? { formulaSpan: r.formulaSpan } : {}), goal: r.goal, smt: r.smt, hash: r.hash, reading: r.reading };
}

/** One obligation of a verdict as a report; `refine` may find a model with finite collections. */
export async function obligationReport(program: Program, r: ObligationRecord, refine: (o: Obligation, model: string) => Promise<string>): Promise<ObligationReport> {
  const obligation = obligationOf(r);
  let counterexample: Counterexample | undefined;
  if (r.status === 'sat' && r.model !== undefined) counterexample = readCounterexample(program, obligation.reading, await refine(obligation, r.model));
  return {
    obligation,
    status: r.status,
    cached: r.cached,
    ms: r.ms,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    ...(counterexample ? { counterexample } : {}),
  };
}

/** A kernel failure as a problem; a temporal counterexample is shown under the message. */
export function failureProblem(f: Failure, reports: readonly ObligationReport[]): Problem {
  const obligation = f.obligation ? reports.find((r) => r.obligation.id === f.obligation!.id && r.obligation.hash === f.obligation!.hash) : undefined;
  const message = f.lasso ? `${f.message}\n${f.lasso.map((l) => `    ${l}`).join('\n')}` : f.message;
  return { code: f.code, message, span: f.span, ...(obligation ? { obligation } : {}) };
}

export type { TheoremVerdict };
