// `kproof fmt [--check|--write] FILE…`: formats through the Prettier plugin. A file that does not
// parse is never written; a write goes to a temporary file first and is renamed over the original,
// so an interrupted run cannot leave a half-written spec.
import type { Command } from 'commander';
import { readFileSync, renameSync, statSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { error, syntheticSpan, type Diagnostic } from '../diagnostics/index.js';
import { EXIT, type CliContext } from './context.js';
import { expandInputs } from './inputs.js';
import { diagnosticToJson, plural, printDiagnostics } from './report.js';

interface FmtOptions {
  readonly check?: boolean;
  readonly write?: boolean;
  readonly json?: boolean;
}

function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.kproof-fmt`);
  const mode = statSync(path).mode;
  try {
    writeFileSync(temp, text);
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('fmt')
    .description('format .kspec files (prints the result unless --check or --write)')
    .argument('<files...>', '.kspec files or directories')
    .option('--check', 'exit 1 if any file is not formatted; change nothing')
    .option('--write', 'format the files in place')
    .option('--json', 'print a JSON report')
    .action(async (files: string[], options: FmtOptions) => {
      // loaded here, not at start-up: prettier is needed by this verb only
      const { formatKspec } = await import('../format/index.js');
      if (options.check && options.write) {
        ctx.err('kproof fmt: --check and --write cannot be combined\n');
        ctx.exitWith(EXIT.malformed);
        return;
      }
      const inputs = expandInputs(files, ctx.cwd);
      const diagnostics: Diagnostic[] = [...inputs.diagnostics];
      const sources = new Map<string, string>();
      const unformatted: string[] = [];
      const written: string[] = [];
      for (const file of inputs.files) {
        const path = resolve(ctx.cwd, file);
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          diagnostics.push(error('KSP300', `cannot read \`${file}\``, syntheticSpan(file)));
          continue;
        }
        sources.set(file, text);
        const result = await formatKspec(text, file);
        diagnostics.push(...result.diagnostics);
        if (result.formatted === undefined) continue;
        if (result.formatted !== text) unformatted.push(file);
        if (options.write) {
          if (result.formatted !== text) {
            try {
              writeAtomically(path, result.formatted);
              written.push(file);
            } catch (e) {
              diagnostics.push(error('KSP302', `cannot write \`${file}\`: ${e instanceof Error ? e.message : String(e)}`, syntheticSpan(file)));
            }
          }
        } else if (!options.check && !options.json) ctx.out(result.formatted);
      }
      const malformed = diagnostics.some((d) => d.severity === 'error');
      if (options.json) {
        ctx.out(`${JSON.stringify({ ok: !malformed && (!options.check || unformatted.length === 0), unformatted, written, diagnostics: diagnostics.map(diagnosticToJson) }, null, 2)}\n`);
      } else {
        printDiagnostics(ctx, diagnostics, sources);
        if (options.check) {
          for (const file of unformatted) ctx.out(`not formatted: ${file}\n`);
          if (unformatted.length === 0 && !malformed) ctx.out(`ok: ${plural(inputs.files.length, 'file')} formatted\n`);
        }
        if (options.write) ctx.out(`formatted ${plural(written.length, 'file')}\n`);
      }
      if (malformed) ctx.exitWith(EXIT.malformed);
      else if (options.check && unformatted.length > 0) ctx.exitWith(EXIT.failed);
    });
}
