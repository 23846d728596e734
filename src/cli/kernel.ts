// `kproof kernel`: what "proved" rests on — the trusted files (the kernel, its decision
// procedure, the SMT encoding and the IR) with their sizes, plus Z3 itself.
import type { Command } from 'commander';
import { trustedCodeBase, type TrustedFile } from '../kernel/index.js';
import type { CliContext } from './context.js';

interface KernelCliOptions {
  readonly json?: boolean;
}

function table(files: readonly TrustedFile[]): string {
  const width = Math.max(...files.map((f) => f.path.length), 4);
  const lines = files.map((f) => `  ${f.path.padEnd(width)}  ${String(f.lines).padStart(5)}  ${String(f.codeLines).padStart(5)}  ${f.role}`);
  return [`  ${'file'.padEnd(width)}  lines   code  role`, ...lines].join('\n');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('kernel')
    .description('list the trusted code base: the files a "proved" verdict rests on, and their size')
    .option('--json', 'machine-readable output')
    .action((options: KernelCliOptions) => {
      const files = trustedCodeBase();
      const trusted = files.filter((f) => f.trusted);
      const total = trusted.reduce((s, f) => s + f.lines, 0);
      const code = trusted.reduce((s, f) => s + f.codeLines, 0);
      if (options.json) {
        ctx.out(`${JSON.stringify({ files, trusted: { files: trusted.length, lines: total, codeLines: code }, oracles: ['z3-unsat', 'ptl-valid'] }, null, 2)}\n`);
        return;
      }
      ctx.out(
        [
          'Trusted code base: a theorem is "proved" only through these files (plus Z3 for unsat answers).',
          '',
          table(trusted),
          '',
          `  total: ${trusted.length} files, ${total} lines (${code} lines of code)`,
          '',
          'Also in src/kernel, not trusted (they cannot make a judgement):',
          ...files.filter((f) => !f.trusted).map((f) => `  ${f.path} (${f.lines} lines)`),
          '',
        ].join('\n'),
      );
    });
}
