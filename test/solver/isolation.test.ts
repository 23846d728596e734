// Soundness: jobs that run one after another on the SAME worker (or z3 process) must not see each
// other's declarations, definitions or assertions. Each pair below is built so that any leak from
// job A changes job B's verdict (a leaked assertion turns sat into unsat; a leaked declaration turns
// a parse error into a verdict, or a fresh declaration into an error).
import { afterAll, describe, expect, it } from 'vitest';
import { createSolver, type Solver } from '../../src/solver/index.js';
import { createWasmSolver } from '../../src/solver/wasm.js';

const opened: Solver[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

function oneSlot(backend: 'wasm' | 'z3'): Solver {
  let solver: Solver;
  if (backend === 'wasm') solver = createWasmSolver(1);
  else {
    const created = createSolver({ backend, jobs: 1 });
    if (!created.ok) throw new Error(created.message);
    solver = created.solver;
  }
  opened.push(solver);
  return solver;
}

interface Pair {
  readonly name: string;
  readonly a: string;
  readonly aExpect: 'sat' | 'unsat';
  readonly b: string;
  readonly bExpect: 'sat' | 'unsat' | 'error';
}

const PAIRS: readonly Pair[] = [
  {
    name: 'an assertion about a constant of the same name',
    a: '(declare-const a Int) (assert (> a 100))',
    aExpect: 'sat',
    b: '(declare-const a Int) (assert (= a 1))',
    bExpect: 'sat',
  },
  {
    name: 'a bare false assertion',
    a: '(assert false)',
    aExpect: 'unsat',
    b: '(declare-const x Int) (assert (= x 1))',
    bExpect: 'sat',
  },
  {
    name: 'a declaration the next job uses without declaring it',
    a: '(declare-const b Int) (assert (> b 5))',
    aExpect: 'sat',
    b: '(assert (< b 0))',
    bExpect: 'error',
  },
  {
    name: 'a datatype redeclared with other constructors',
    a: '(declare-datatypes ((D 0)) (((mk (f Int))))) (declare-const d D) (assert (= (f d) 3))',
    aExpect: 'sat',
    b: '(declare-datatypes ((D 0)) (((mk (f Int) (g Int))))) (declare-const d D) (assert (= (g d) 4)) (assert (= (f d) 5))',
    bExpect: 'sat',
  },
  {
    name: 'a constant definition redefined',
    a: '(define-fun p () Bool false) (assert (not p))',
    aExpect: 'sat',
    b: '(define-fun p () Bool true) (assert p)',
    bExpect: 'sat',
  },
  {
    name: 'a recursive function redefined (registered in the WASM context, not the solver)',
    a: '(define-fun-rec r ((x Int)) Int (ite (<= x 0) 0 (+ 1 (r (- x 1))))) (assert (= (r 2) 2))',
    aExpect: 'sat',
    b: '(define-fun-rec r ((x Int)) Int (ite (<= x 0) 7 (r (- x 1)))) (assert (= (r 2) 7))',
    bExpect: 'sat',
  },
];

describe('jobs on one worker do not affect each other', () => {
  for (const backend of ['wasm', 'z3'] as const) {
    it(`${backend}: a job's declarations, definitions and assertions never reach the next job`, async () => {
      const s = oneSlot(backend);
      const check = (smt: string) => s.check({ smt, timeoutMs: 10_000, wantModel: false });
      // twice round, so that B also follows B and A follows B on the same worker
      for (let round = 0; round < 2; round++) {
        for (const pair of PAIRS) {
          const a = await check(pair.a);
          const b = await check(pair.b);
          expect({ pair: pair.name, a: a.status, b: b.status }).toEqual({ pair: pair.name, a: pair.aExpect, b: pair.bExpect });
        }
      }
    });
  }

  it('wasm: jobs queued back to back on the only worker keep their own verdicts', async () => {
    const shared = oneSlot('wasm');
    const jobs = PAIRS.flatMap((p) => [p.a, p.b]);
    const queued = await Promise.all(jobs.map((smt) => shared.check({ smt, timeoutMs: 10_000, wantModel: false })));
    expect(queued.map((r) => r.status)).toEqual(PAIRS.flatMap((p) => [p.aExpect, p.bExpect]));
  });
});
