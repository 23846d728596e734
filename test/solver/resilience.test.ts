// Timeouts, crashes and process exit: a bad job fails alone, and the pool keeps working.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSolver, type Solver } from '../../src/solver/index.js';
import { createWasmSolver } from '../../src/solver/wasm.js';
import { WASM_WORKER_SOURCE } from '../../src/solver/wasm-worker-source.js';
import { HARD } from './corpus.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const opened: Solver[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

function native(z3Path?: string): Solver {
  const created = createSolver({ backend: 'z3', jobs: 1, ...(z3Path ? { z3Path } : {}) });
  if (!created.ok) throw new Error(created.message);
  opened.push(created.solver);
  return created.solver;
}

const UNSAT = '(declare-const x Int) (assert (> x 3)) (assert (< x 2))';
const SAT = '(declare-const x Int) (assert (> x 3))';

describe('timeouts', () => {
  it('native: a hard query comes back unknown near its timeout, and the slot recovers', async () => {
    const s = native();
    const t0 = performance.now();
    const r = await s.check({ smt: HARD, timeoutMs: 300, wantModel: false });
    expect(r.status).toBe('unknown');
    expect(performance.now() - t0).toBeLessThan(8000);
    expect((await s.check({ smt: UNSAT, timeoutMs: 5000, wantModel: false })).status).toBe('unsat');
  });

  it('wasm: a hard query comes back unknown near its timeout, and the worker recovers', async () => {
    const s = createWasmSolver(1);
    opened.push(s);
    expect((await s.check({ smt: SAT, timeoutMs: 5000, wantModel: false })).status).toBe('sat');
    const t0 = performance.now();
    const r = await s.check({ smt: HARD, timeoutMs: 300, wantModel: false });
    expect(r.status).toBe('unknown');
    expect(performance.now() - t0).toBeLessThan(8000);
    expect((await s.check({ smt: UNSAT, timeoutMs: 5000, wantModel: false })).status).toBe('unsat');
  });
});

describe('crashes fail only their own job', () => {
  it('wasm: a worker that dies mid-job gives that job an error; the others are answered', async () => {
    const crashing = WASM_WORKER_SOURCE.replace("busy = true;", "if (msg.smt.includes('CRASH')) process.exit(7);\n    busy = true;");
    expect(crashing).not.toBe(WASM_WORKER_SOURCE);
    const s = createWasmSolver(2, crashing);
    opened.push(s);
    const jobs = [SAT, `${SAT} ; CRASH`, UNSAT, SAT, UNSAT].map((smt) => s.check({ smt, timeoutMs: 5000, wantModel: false }));
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.status)).toEqual(['sat', 'error', 'unsat', 'sat', 'unsat']);
    expect(results[1]!.reason).toMatch(/exited|crashed/);
  });

  it('native: a z3 process that dies gives that job an error; the next job gets a fresh process', async () => {
    const s = native(join(root, 'test/fixtures/smt/crashing-z3.mjs'));
    expect(s.version).toMatch(/test double/);
    expect((await s.check({ smt: SAT, timeoutMs: 5000, wantModel: false })).status).toBe('sat');
    const crashed = await s.check({ smt: `${SAT} ; CRASH`, timeoutMs: 5000, wantModel: false });
    expect(crashed.status).toBe('error');
    expect((await s.check({ smt: UNSAT, timeoutMs: 5000, wantModel: false })).status).toBe('unsat');
  });

  it('native: a missing binary is a clear error value, not an exception', () => {
    const created = createSolver({ backend: 'z3', z3Path: '/nonexistent/z3' });
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.message).toMatch(/native z3 not available/);
    const auto = createSolver({ backend: 'auto', z3Path: '/nonexistent/z3', jobs: 1 });
    expect(auto.ok && auto.solver.name).toBe('z3-wasm');
    if (auto.ok) opened.push(auto.solver);
  });

  it('a closed solver answers error instead of hanging', async () => {
    const s = native();
    await s.close();
    expect((await s.check({ smt: SAT, timeoutMs: 1000, wantModel: false })).status).toBe('error');
  });
});

describe('process exit', () => {
  const script = (backend: string, close: boolean) => `
import { createSolver } from ${JSON.stringify(join(root, 'src/solver/index.ts'))};
const created = createSolver({ backend: '${backend}', jobs: 2 });
if (!created.ok) throw new Error(created.message);
const r = await created.solver.check({ smt: '(declare-const x Int) (assert (> x 3))', timeoutMs: 5000, wantModel: false });
console.log(r.status);
${close ? 'await created.solver.close();' : ''}
`;
  for (const backend of ['wasm', 'z3']) {
    for (const close of [true, false]) {
      it(`${backend}: the process exits by itself when done (${close ? 'after close()' : 'without close()'})`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'kproof-exit-'));
        const file = join(dir, 'run.ts');
        writeFileSync(file, script(backend, close));
        const started = performance.now();
        const out = await new Promise<string>((resolve, reject) =>
          execFile(join(root, 'node_modules/.bin/vite-node'), [file], { cwd: root, timeout: 30_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
        );
        expect(out.trim()).toBe('sat');
        expect(performance.now() - started).toBeLessThan(30_000);
      });
    }
  }
});
