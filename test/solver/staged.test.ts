// The staged discharge (defaults briefly, then without E-matching, then defaults for the whole
// limit): only sat or unsat ends it early, and an undecided obligation stays undecided.
import { describe, expect, it } from 'vitest';
import { SOLVER_OPTIONS } from '../../src/smt/index.js';
import { checkStaged, type Solver, type SolverJob, type SolverStatus } from '../../src/solver/index.js';

/** a solver answering from a script of statuses, one per call, recording every job */
function scripted(statuses: readonly SolverStatus[]): { solver: Solver; jobs: SolverJob[] } {
  const jobs: SolverJob[] = [];
  const solver: Solver = {
    name: 'scripted',
    version: '0',
    close: () => Promise.resolve(),
    check(job) {
      const status = statuses[jobs.length] ?? 'unknown';
      jobs.push(job);
      return Promise.resolve({ status, ms: 5, ...(status === 'unknown' ? { reason: `attempt ${jobs.length}` } : {}) });
    },
  };
  return { solver, jobs };
}

const OBLIGATION = `${SOLVER_OPTIONS}\n(declare-const x Int)\n(assert (> x 1))\n`;
const job = (smt: string, timeoutMs: number): SolverJob => ({ smt, timeoutMs, wantModel: false });

describe('checkStaged', () => {
  it('stops at the first sat or unsat', async () => {
    for (const status of ['sat', 'unsat'] as const) {
      const { solver, jobs } = scripted([status]);
      expect((await checkStaged(solver, job(OBLIGATION, 10_000))).status).toBe(status);
      expect(jobs.map((j) => j.timeoutMs)).toEqual([2000]);
    }
  });

  it('tries the text without E-matching, then the defaults for the whole limit; times add up', async () => {
    const { solver, jobs } = scripted(['unknown', 'unknown', 'unsat']);
    const r = await checkStaged(solver, job(OBLIGATION, 10_000));
    expect(r).toMatchObject({ status: 'unsat', ms: 15 });
    expect(jobs.map((j) => j.timeoutMs)).toEqual([2000, 10_000, 10_000]);
    expect(jobs.map((j) => j.smt)).toEqual([OBLIGATION, OBLIGATION.replace('(set-option :smt.ematching true)', '(set-option :smt.ematching false)'), OBLIGATION]);
  });

  it('an obligation nothing decides is the last attempt\'s unknown, never a proof', async () => {
    const { solver } = scripted(['unknown', 'unknown', 'unknown']);
    expect(await checkStaged(solver, job(OBLIGATION, 10_000))).toMatchObject({ status: 'unknown', reason: 'attempt 3', ms: 15 });
    const failing = scripted(['unknown', 'error', 'error']);
    expect((await checkStaged(failing.solver, job(OBLIGATION, 10_000))).status).toBe('error');
  });

  it('one attempt when the limit is short or the text does not set the options', async () => {
    const short = scripted(['unknown']);
    expect((await checkStaged(short.solver, job(OBLIGATION, 2000))).status).toBe('unknown');
    expect(short.jobs.map((j) => j.timeoutMs)).toEqual([2000]);
    const plain = scripted(['unknown']);
    expect((await checkStaged(plain.solver, job('(declare-const x Int)\n', 10_000))).status).toBe('unknown');
    expect(plain.jobs.map((j) => j.timeoutMs)).toEqual([10_000]);
  });

  it('the same job asked twice at once is sent once', async () => {
    const { solver, jobs } = scripted(['unsat']);
    const [a, b] = await Promise.all([checkStaged(solver, job(OBLIGATION, 10_000)), checkStaged(solver, job(OBLIGATION, 10_000))]);
    expect([a.status, b.status]).toEqual(['unsat', 'unsat']);
    expect(jobs).toHaveLength(1);
  });
});
