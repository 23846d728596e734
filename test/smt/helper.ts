// Proving small specs in-process: write the text as a module, check it, verify every theorem
// with a shared solver, and compare with the expected verdict encoded in each theorem's name
// (`ok_…` must be proved, `bad_…` must not be).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles } from '../../src/check/index.js';
import { verifyProgram, type TheoremReport } from '../../src/prove/index.js';
import { createSolver, type Solver } from '../../src/solver/index.js';

const solvers = new Map<string, Solver>();

export function sharedSolver(backend: 'z3' | 'wasm'): Solver {
  let s = solvers.get(backend);
  if (!s) {
    const created = createSolver({ backend, jobs: 2 });
    if (!created.ok) throw new Error(created.message);
    s = created.solver;
    solvers.set(backend, s);
  }
  return s;
}

export async function closeSolvers(): Promise<void> {
  await Promise.all([...solvers.values()].map((s) => s.close()));
  solvers.clear();
}

let counter = 0;

/** writes `source` (whose first line is `module NAME`) to a fresh directory; returns the file */
export function specFile(source: string): string {
  const name = /^\s*module\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(source)?.[1];
  if (!name) throw new Error('the spec needs a one-segment module name');
  const dir = mkdtempSync(join(tmpdir(), `kproof-smt-${counter++}-`));
  const file = join(dir, `${name}.kspec`);
  writeFileSync(file, source);
  return file;
}

export async function proveSpec(source: string, backend: 'z3' | 'wasm' = 'z3', timeoutMs = 10_000): Promise<Map<string, TheoremReport>> {
  const file = specFile(source);
  const checked = checkFiles([file]);
  if (!checked.program) throw new Error(`spec does not check:\n${checked.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`).join('\n')}`);
  const reports = await verifyProgram(checked.program, { solver: sharedSolver(backend), timeoutMs });
  return new Map(reports.map((r) => [r.name.slice(r.name.lastIndexOf('.') + 1), r]));
}

/** names whose verdict differs from what their `ok_`/`bad_` prefix promises, with the reason */
export function mismatches(reports: ReadonlyMap<string, TheoremReport>): string[] {
  const wrong: string[] = [];
  for (const [name, r] of reports) {
    const expected = name.startsWith('ok_') ? 'proved' : 'not proved';
    const got = r.status === 'error' ? `error (${r.problems.map((p) => p.message).join('; ')})` : r.status;
    if (got !== expected) wrong.push(`${name}: expected ${expected}, got ${got}${r.status === 'not proved' ? ` (${r.problems.map((p) => p.message).join('; ')})` : ''}`);
  }
  return wrong;
}
