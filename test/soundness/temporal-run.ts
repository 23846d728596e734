// Runs the verify pipeline (`verify`, the library form of `kproof verify`) on one fixture file
// and keeps, per theorem (short name), its status and the lines where problems were reported.
import { verify } from '../../src/prove/index.js';

export interface FileVerdicts {
  readonly exitCode: number;
  /** lines of the checker's errors (exit code 2) */
  readonly errorLines: readonly number[];
  readonly theorems: ReadonlyMap<string, { readonly status: string; readonly problems: readonly { readonly line: number; readonly message: string }[] }>;
}

export async function verifyFile(file: string): Promise<FileVerdicts> {
  const result = await verify([file], { cache: false, jobs: 2 });
  const errorLines = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.span.start.line);
  const theorems = new Map(
    result.theorems.map((t) => [t.name.slice(t.name.lastIndexOf('.') + 1), { status: t.status, problems: t.problems.map((p) => ({ line: p.span.start.line, message: p.message })) }] as const),
  );
  return { exitCode: result.exitCode, errorLines, theorems };
}
