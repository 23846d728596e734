// Runs `kproof verify` in-process with a captured context.
import { Command } from 'commander';
import { register } from '../../src/cli/verify.js';
import type { CliContext } from '../../src/cli/context.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runVerify(args: readonly string[], cwd = process.cwd(), isTTY = false): Promise<CliRun> {
  let out = '';
  let err = '';
  let code = 0;
  const ctx: CliContext = {
    cwd,
    out: (t) => (out += t),
    err: (t) => (err += t),
    isTTY,
    color: false,
    exitWith: (c) => (code = Math.max(code, c)),
  };
  const program = new Command().exitOverride().configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  register(program, ctx);
  try {
    await program.parseAsync(['verify', ...args], { from: 'user' });
  } catch {
    code = Math.max(code, 2);
  }
  return { code, out, err };
}
