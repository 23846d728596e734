// `kproof check FILE…`: parse, resolve and type-check.
import type { Command } from 'commander';
import { checkFiles } from '../check/index.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/index.js';
import { EXIT, type CliContext } from './context.js';
import { expandInputs } from './inputs.js';
import { diagnosticToJson, plural, printDiagnostics } from './report.js';

interface CheckOptions {
  readonly json?: boolean;
  readonly include?: string[];
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('parse, resolve names and type-check .kspec files (directories are searched recursively)')
    .argument('<files...>', '.kspec files or directories')
    .option('--json', 'print diagnostics as JSON')
    .option('--include <dir...>', 'more directories to search for imported modules')
    .action((files: string[], options: CheckOptions) => {
      const inputs = expandInputs(files, ctx.cwd);
      const result = inputs.files.length > 0 ? checkFiles(inputs.files, { include: options.include ?? [] }) : undefined;
      const diagnostics = sortDiagnostics([...inputs.diagnostics, ...(result?.diagnostics ?? [])]);
      const failed = hasErrors(diagnostics);
      if (options.json) {
        ctx.out(`${JSON.stringify({ ok: !failed, files: inputs.files, diagnostics: diagnostics.map(diagnosticToJson) }, null, 2)}\n`);
      } else {
        printDiagnostics(ctx, diagnostics, result?.sources ?? new Map());
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        ctx.out(
          failed
            ? `${plural(errors, 'error')} in ${plural(inputs.files.length, 'file')}\n`
            : `ok: ${plural(inputs.files.length, 'file')} checked, ${plural(result?.program?.modules.length ?? 0, 'module')}\n`,
        );
      }
      ctx.exitWith(failed ? EXIT.malformed : EXIT.ok);
    });
}
