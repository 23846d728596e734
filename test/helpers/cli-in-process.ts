// Runs `kproof` verbs in-process (the sources, not dist/) with the output captured: what a user sees,
// and the exit code. A usage error from commander is exit code 2, as on the command line.
import { Command, CommanderError } from 'commander';
import type { CliContext } from '../../src/cli/context.js';

export type RegisterVerb = (program: Command, ctx: CliContext) => void;

export async function runInProcess(verbs: readonly RegisterVerb[], args: readonly string[], cwd: string = process.cwd()): Promise<{ code: number; out: string; err: string }> {
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
  const program = new Command('kproof').exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  for (const register of verbs) register(program, ctx);
  for (const sub of program.commands) sub.exitOverride();
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = 2;
  }
  return { code, out, err };
}
