// Runs the kernel's proof checker on .kspec files (no cache), with the solver kproof would pick.
import { checkFiles } from '../../src/check/index.js';
import { hasErrors, type Diagnostic } from '../../src/diagnostics/index.js';
import { checkProgram, type TheoremVerdict } from '../../src/kernel/index.js';
import { createSolver } from '../../src/solver/index.js';

export interface KernelRun {
  readonly diagnostics: readonly Diagnostic[];
  readonly verdicts: ReadonlyMap<string, TheoremVerdict>;
}

export async function runKernel(files: readonly string[]): Promise<KernelRun> {
  const checked = checkFiles(files);
  if (!checked.program || hasErrors(checked.diagnostics)) return { diagnostics: checked.diagnostics, verdicts: new Map() };
  const created = createSolver({ backend: 'auto', jobs: 1 });
  if (!created.ok) throw new Error(created.message);
  try {
    const verdicts = await checkProgram(checked.program, { solver: created.solver, timeoutMs: 10_000 });
    return { diagnostics: checked.diagnostics, verdicts: new Map(verdicts.map((v) => [v.name.slice(v.name.lastIndexOf('.') + 1), v])) };
  } finally {
    await created.solver.close();
  }
}
