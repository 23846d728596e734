// `kproof codegen` / `kproof refine` on the command line, in-process (the sources, not dist/), with
// the output captured: what a user sees, and the exit code.
import { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { register as registerCodegen } from '../../src/cli/codegen.js';
import type { CliContext } from '../../src/cli/context.js';
import { register as registerRefine } from '../../src/cli/refine.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export async function runKproof(args: readonly string[], cwd = REPO): Promise<{ code: number; out: string; err: string }> {
  let code = 0;
  let out = '';
  let err = '';
  const ctx: CliContext = {
    cwd,
    out: (t) => (out += t),
    err: (t) => (err += t),
    isTTY: false,
    color: false,
    exitWith: (c) => {
      if (c > code) code = c;
    },
  };
  const program = new Command('kproof').exitOverride();
  registerCodegen(program, ctx);
  registerRefine(program, ctx);
  await program.parseAsync([...args], { from: 'user' });
  return { code, out, err };
}
