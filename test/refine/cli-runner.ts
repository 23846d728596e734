// `kproof codegen` / `kproof refine` on the command line, in-process (the sources, not dist/), with
// the output captured: what a user sees, and the exit code.
import { fileURLToPath } from 'node:url';
import { register as registerCodegen } from '../../src/cli/codegen.js';
import { register as registerRefine } from '../../src/cli/refine.js';
import { runInProcess } from '../helpers/cli-in-process.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export function runKproof(args: readonly string[], cwd = REPO): Promise<{ code: number; out: string; err: string }> {
  return runInProcess([registerCodegen, registerRefine], args, cwd);
}
