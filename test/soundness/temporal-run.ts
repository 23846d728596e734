// Runs the verify pipeline on one fixture file and keeps, per theorem (short name), its status
// and the lines where problems were reported.
import { checkFiles } from '../../src/check/index.js';
import { hasErrors } from '../../src/diagnostics/index.js';
import { checkProgram } from '../../src/kernel/index.js';
import { createSolver } from '../../src/solver/index.js';

export interface FileVerdicts {
  readonly exitCode: number;
  /** lines of the checker's errors (exit code 2) */
  readonly errorLines: readonly number[];
  readonly theorems: ReadonlyMap<string, { readonly status: string; readonly problems: readonly { readonly line: number; readonly message: string }[] }>;
}

export async function verifyFile(file: string): Promise<FileVerdicts> {
  const checked = checkFiles([file]);
  if (!checked.program || hasErrors(checked.diagnostics)) {
    return { exitCode: 2, errorLines: checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.span.start.line), theorems: new Map() };
  }
  const created = createSolver({ backend: 'auto', jobs: 2 });
  if (!created.ok) throw new Error(created.message);
  try {
    const verdicts = await checkProgram(checked.program, { solver: created.solver, timeoutMs: 10_000 });
    const theorems = new Map(
      verdicts.map((v) => [v.name.slice(v.name.lastIndexOf('.') + 1), { status: v.status, problems: v.failures.map((f) => ({ line: f.span.start.line, message: f.message })) }] as const),
    );
    return { exitCode: verdicts.every((v) => v.status === 'proved') ? 0 : 1, errorLines: [], theorems };
  } finally {
    await created.solver.close();
  }
}
