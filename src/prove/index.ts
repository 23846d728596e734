// Proofs of first-order obligations: theorems → obligations (SMT-LIB text) → solver pool (with a
// content-addressed cache) → a status per theorem, with counterexamples read back as kspec values.
import { join } from 'node:path';
import { checkFiles } from '../check/index.js';
import { error, hasErrors, syntheticSpan, type Diagnostic } from '../diagnostics/index.js';
import type { Program, QName } from '../ir/index.js';
import { createSolver, type BackendChoice } from '../solver/index.js';
import { verifyProgram, type ObligationInfo, type TheoremReport } from './verify.js';

export { verifyProgram, type TheoremReport, type TheoremStatus, type ObligationReport, type ObligationInfo, type Problem, type DischargeOptions } from './verify.js';
export { planTheorem } from './obligations.js';
export { planTermination } from './termination.js';
export { ProofCache } from './cache.js';
export { readCounterexample, type Counterexample, type CounterexampleSection } from './counterexample.js';
export { Model, type SmtValue } from './model.js';
export { printValue, type KValue } from './values.js';
export type { CounterexampleEntry } from './counterexample.js';
export type { Obligation, ObligationOrigin, ModelReading, TheoremPlan, Blocker } from './types.js';

export interface VerifyOptions {
  /** per obligation; default 10 s */
  readonly timeoutMs?: number;
  /** default true */
  readonly cache?: boolean;
  /** default `.kproof-cache` in `cwd` */
  readonly cacheDir?: string;
  readonly cwd?: string;
  /** default 'auto': native z3 when installed, else WASM */
  readonly solver?: BackendChoice;
  readonly jobs?: number;
  readonly include?: readonly string[];
  /** reads a spec file; undefined when it does not exist (default: the file system) */
  readonly readFile?: (path: string) => string | undefined;
  readonly onProgress?: (done: number, total: number) => void;
  /** theorem names (qualified, or as declared) of the files given: verify only these, and what they use */
  readonly only?: readonly string[];
}

export interface VerifyResult {
  /** 0 all proved, 1 something not proved, 2 malformed input or no solver */
  readonly exitCode: 0 | 1 | 2;
  /** errors of checking the input (or of starting the solver) */
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  /** a reused run (src/runs) has no SMT texts: what a report shows is all a caller may rely on */
  readonly theorems: readonly TheoremReport<ObligationInfo>[];
  readonly solver?: { readonly name: string; readonly version: string };
  /** answered from the record of an earlier run with the same inputs (src/runs), not checked again */
  readonly reused?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export async function verify(files: readonly string[], options: VerifyOptions = {}): Promise<VerifyResult> {
  const checked = checkFiles(files, { ...(options.include ? { include: options.include } : {}), ...(options.readFile ? { readFile: options.readFile } : {}) });
  if (!checked.program || hasErrors(checked.diagnostics)) {
    return { exitCode: 2, diagnostics: checked.diagnostics, sources: checked.sources, theorems: [] };
  }
  const selected = options.only ? selectTheorems(checked.program, options.only) : undefined;
  if (selected && !selected.ok) {
    return { exitCode: 2, diagnostics: [error('KSP301', selected.message, syntheticSpan(files[0] ?? ''))], sources: checked.sources, theorems: [] };
  }
  const created = createSolver({ backend: options.solver ?? 'auto', ...(options.jobs !== undefined ? { jobs: options.jobs } : {}) });
  if (!created.ok) {
    return { exitCode: 2, diagnostics: [error('KSP110', created.message, syntheticSpan(files[0] ?? ''))], sources: checked.sources, theorems: [] };
  }
  const solver = created.solver;
  try {
    const cacheDir = options.cache === false ? undefined : (options.cacheDir ?? join(options.cwd ?? process.cwd(), '.kproof-cache'));
    const theorems = await verifyProgram(checked.program, {
      solver,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(cacheDir ? { cacheDir } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(selected ? { only: selected.names } : {}),
    });
    const allProved = theorems.every((t) => t.status === 'proved');
    return {
      exitCode: allProved ? 0 : 1,
      diagnostics: checked.diagnostics,
      sources: checked.sources,
      theorems,
      solver: { name: solver.name, version: solver.version },
    };
  } finally {
    await solver.close();
  }
}

/** The root modules' theorems that `names` designate: each name, qualified or as declared, must designate one or more. */
function selectTheorems(program: Program, names: readonly string[]): { ok: true; names: ReadonlySet<QName> } | { ok: false; message: string } {
  const declared = program.modules.filter((m) => program.roots.includes(m.name)).flatMap((m) => m.theorems.map((t) => t.name));
  const selected = new Set<QName>();
  for (const name of names) {
    const matching = declared.filter((q) => q === name || q.endsWith(`.${name}`));
    if (matching.length === 0) return { ok: false, message: `--only: no theorem or lemma \`${name}\` in the files given` };
    for (const q of matching) selected.add(q);
  }
  return { ok: true, names: selected };
}
