// `kproof`: one commander program; each verb registers itself from its own file.
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import type { CliContext } from './context.js';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * The verbs in the order help lists them, each with its module. A run of one verb loads only that
 * verb's module: the others (the model checker, code generation, the language server…) would
 * only add to the start-up time. Help and unknown verbs get them all.
 */
const VERBS: readonly (readonly [string, () => Promise<{ readonly register: Register }>])[] = [
  ['check', () => import('./check.js')],
  ['verify', () => import('./verify.js')],
  ['mc', () => import('./mc.js')],
  ['lemmas', () => import('./lemmas.js')],
  ['fmt', () => import('./fmt.js')],
  ['codegen', () => import('./codegen.js')],
  ['refine', () => import('./refine.js')],
  ['kernel', () => import('./kernel.js')],
  ['lsp', () => import('./lsp.js')],
];

const require = createRequire(import.meta.url);

function packageVersion(): string {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'kproof' && pkg.version) return pkg.version;
    } catch {
      // try the next layout (src/ under vitest, dist/src/ when built)
    }
  }
  return '0.0.0';
}

const EXAMPLES = `
Examples:
  $ kproof check specs/examples/counter.kspec        parse, resolve and type-check
  $ kproof check --json specs/**/*.kspec             diagnostics as JSON
  $ kproof verify specs/examples/counter.kspec       prove every theorem (Z3 + the temporal kernel)
  $ kproof mc specs/examples/mutex.kspec             model-check the file's model blocks
  $ kproof fmt --check specs/examples/counter.kspec  is the file formatted?
  $ kproof fmt --write specs/examples/*.kspec        format in place
  $ kproof lemmas leads_to                           search the lemma library

Exit codes: 0 clean / proved, 1 not proved or violated, 2 malformed input or misuse.`;

export function defaultContext(): CliContext & { readonly code: () => number } {
  let code: 0 | 1 | 2 = 0;
  const isTTY = Boolean(process.stdout.isTTY);
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTTY,
    color: isTTY && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb',
    exitWith: (c) => {
      if (c > code) code = c;
    },
    code: () => code,
  };
}

/** The program with the verb `argv` asks for (every verb when it names none). */
export async function buildProgram(ctx: CliContext, argv: readonly string[] = []): Promise<Command> {
  const asked = VERBS.filter(([name]) => name === argv[0]);
  const registers = await Promise.all((asked.length > 0 ? asked : VERBS).map(async ([, load]) => (await load()).register));
  const program = new Command('kproof')
    .description('Prove Kubernetes controllers correct, or get a counterexample.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
  for (const register of registers) register(program, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
  return program;
}

/** Runs the CLI and returns its exit code; never throws for bad input. */
export async function main(argv: readonly string[], ctx = defaultContext()): Promise<number> {
  const program = await buildProgram(ctx, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit "successfully" through the same path as usage errors
      if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      return 2;
    }
    ctx.err(`kproof: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  return ctx.code();
}
