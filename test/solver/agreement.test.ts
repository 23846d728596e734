// The WASM and native back ends must agree on every obligation kproof produces from the
// repository's specs and fixtures (and both must match what each theorem's name promises).
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFiles } from '../../src/check/index.js';
import { planTermination, planTheorem, type Obligation } from '../../src/prove/index.js';
import { checkStaged, createSolver, type Solver } from '../../src/solver/index.js';

const solvers: Solver[] = [];
function make(backend: 'wasm' | 'z3'): Solver {
  const created = createSolver({ backend, jobs: 2 });
  if (!created.ok) throw new Error(created.message);
  solvers.push(created.solver);
  return created.solver;
}
afterAll(async () => {
  await Promise.all(solvers.map((s) => s.close()));
});

function obligationsOf(file: string): Obligation[] {
  const program = checkFiles([file]).program;
  if (!program) throw new Error(`${file} does not check`);
  const out: Obligation[] = [];
  const groups = new Map<string, readonly string[]>();
  for (const t of program.theorems.values()) {
    const planned = planTheorem(program, t);
    out.push(...planned.plan.obligations);
    for (const [k, g] of planned.recursive) groups.set(k, g);
  }
  for (const g of groups.values()) out.push(...planTermination(program, g).obligations);
  return out;
}

const files = [
  ...readdirSync('specs/examples').filter((f) => f.endsWith('.kspec')).map((f) => join('specs/examples', f)),
  ...['mix.kspec', 'all_proved.kspec', 'broken_counter.kspec'].map((f) => join('test/fixtures/smt', f)),
];

describe('back ends agree on real obligations', () => {
  it(`gives identical verdicts on every obligation of ${files.length} specs`, async () => {
    const wasm = make('wasm');
    const native = make('z3');
    const obligations = files.flatMap(obligationsOf);
    expect(obligations.length).toBeGreaterThan(30);
    // the kernel's own discharge (staged attempts)
    const run = (s: Solver) => Promise.all(obligations.map((o) => checkStaged(s, { smt: o.smt, timeoutMs: 20_000, wantModel: false })));
    const [w, n] = await Promise.all([run(wasm), run(native)]);
    // Agreement is never sat on one side and unsat on the other. Running out of time on an
    // obligation the other back end decides (WASM is slower) is not a contradiction, but it
    // must stay rare, and neither back end may fail with an error.
    const decided = (status: string): boolean => status === 'sat' || status === 'unsat';
    const disagreements = obligations.flatMap((o, i) => (decided(w[i]!.status) && decided(n[i]!.status) && w[i]!.status !== n[i]!.status ? [`${o.id}: wasm ${w[i]!.status}, native ${n[i]!.status}`] : []));
    expect(disagreements).toEqual([]);
    for (const results of [w, n]) {
      expect(obligations.flatMap((o, i) => (results[i]!.status === 'error' ? [`${o.id}: ${results[i]!.reason}`] : []))).toEqual([]);
      const undecided = obligations.filter((_, i) => !decided(results[i]!.status));
      expect(undecided.length, undecided.map((o) => o.id).join(', ')).toBeLessThanOrEqual(Math.floor(obligations.length / 100));
    }
    const mixSat = obligations.flatMap((o, i) => (o.origin.theorem.startsWith('mix.bad_') && n[i]!.status === 'sat' ? [o.origin.theorem] : []));
    expect(new Set(mixSat)).toEqual(new Set(['mix.bad_replicas', 'mix.bad_queue', 'mix.bad_seq', 'mix.bad_sets', 'mix.bad_total']));
  });
});
