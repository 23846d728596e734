import { afterAll, describe, expect, it } from 'vitest';
import { createSolver, type Solver } from '../../src/solver/index.js';
import { CORPUS } from './corpus.js';

function make(backend: 'wasm' | 'z3', jobs = 2): Solver {
  const created = createSolver({ backend, jobs });
  if (!created.ok) throw new Error(created.message);
  return created.solver;
}

const wasm = make('wasm');
const native = make('z3');
afterAll(async () => {
  await wasm.close();
  await native.close();
});

describe('both back ends give the expected verdict on the corpus', () => {
  for (const entry of CORPUS) {
    it(entry.name, async () => {
      const [w, n] = await Promise.all([
        wasm.check({ smt: entry.smt, timeoutMs: 10_000, wantModel: false }),
        native.check({ smt: entry.smt, timeoutMs: 10_000, wantModel: false }),
      ]);
      expect(w.status).toBe(entry.expect);
      expect(n.status).toBe(entry.expect);
    });
  }
});

describe('solver service', () => {
  it('names and versions the back ends', () => {
    expect(wasm.name).toBe('z3-wasm');
    expect(wasm.version).toMatch(/^z3-solver \d+\.\d+\.\d+$/);
    expect(native.name).toBe('z3-native');
    expect(native.version).toMatch(/Z3 version/);
  });

  it('returns model text when asked', async () => {
    for (const s of [wasm, native]) {
      const r = await s.check({ smt: '(declare-const |v:x| Int) (assert (= |v:x| 41))', timeoutMs: 5000, wantModel: true });
      expect(r.status).toBe('sat');
      expect(r.model).toMatch(/41/);
    }
  });

  it('reports malformed input as an error, and the next job is still right', async () => {
    for (const s of [wasm, native]) {
      const bad = await s.check({ smt: '(assert (> y 1))', timeoutMs: 5000, wantModel: false });
      expect(bad.status).toBe('error');
      const good = await s.check({ smt: '(declare-const y Int) (assert (> y 1)) (assert (< y 1))', timeoutMs: 5000, wantModel: false });
      expect(good.status).toBe('unsat');
    }
  });

  it('lets consecutive jobs define the same recursive function differently (context-level in WASM)', async () => {
    const a = '(define-fun-rec f ((x Int)) Int (ite (<= x 0) 0 (+ 1 (f (- x 1))))) (declare-const s String) (assert (= s "(define-fun-rec f")) (assert (= (f 2) 2))';
    const b = '(define-funs-rec ((|f| ((x Int)) Int) (g ((x Int)) Int)) ((ite (<= x 0) 5 (+ 1 (g (- x 1)))) (f x))) (assert (= (f 2) 2))';
    for (const s of [wasm, native]) {
      const results = [];
      for (const smt of [a, b, a, b]) results.push(await s.check({ smt, timeoutMs: 5000, wantModel: true }));
      expect(results.map((r) => r.status)).toEqual(['sat', 'unsat', 'sat', 'unsat']);
      expect(results[0]!.model).toContain('"(define-fun-rec f"');
    }
  });

  it('does not leak declarations from one job into the next', async () => {
    for (const s of [wasm, native]) {
      const jobs = Array.from({ length: 6 }, (_, i) =>
        s.check({ smt: `(declare-const a Int) (assert (= a ${i}))${i % 2 === 0 ? ' (assert (> a 100))' : ''}`, timeoutMs: 5000, wantModel: false }),
      );
      const results = await Promise.all(jobs);
      expect(results.map((r) => r.status)).toEqual(['unsat', 'sat', 'unsat', 'sat', 'unsat', 'sat']);
    }
  });
});
