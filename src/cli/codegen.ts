// `kproof codegen SPEC [-o DIR]`: TypeScript types and an executable model for a spec module.
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { checkFiles } from '../check/index.js';
import { error, hasErrors, syntheticSpan, type Diagnostic } from '../diagnostics/index.js';
import { EXIT, type CliContext } from './context.js';
import { diagnosticToJson, printDiagnostics } from './report.js';

interface CodegenOptions {
  readonly out?: string;
  readonly module?: string;
  readonly runtime?: string;
  readonly json?: boolean;
  readonly include?: string[];
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('codegen')
    .description('generate TypeScript types and an executable model from a .kspec module')
    .argument('<spec>', 'the .kspec file')
    .option('-o, --out <dir>', 'write <module>.ts into this directory (default: print to stdout)')
    .option('--module <name>', 'the module to generate (default: the file\'s module)')
    .option('--runtime <specifier>', 'where generated code imports the runtime from', 'kproof/runtime')
    .option('--json', 'print the result as JSON')
    .option('--include <dir...>', 'more directories to search for imported modules')
    .action(async (spec: string, options: CodegenOptions) => {
      // loaded here, not at start-up: it brings in prettier, which every other verb would pay for
      const { generateTypeScript, kproofVersion, rootModule } = await import('../codegen/index.js');
      const file = resolve(ctx.cwd, spec);
      const checked = checkFiles([file], { include: options.include ?? [] });
      const fail = (diagnostics: readonly Diagnostic[]): void => {
        if (options.json) ctx.out(`${JSON.stringify({ ok: false, diagnostics: diagnostics.map(diagnosticToJson) }, null, 2)}\n`);
        else printDiagnostics(ctx, diagnostics, checked.sources);
        ctx.exitWith(EXIT.malformed);
      };
      if (!checked.program || hasErrors(checked.diagnostics)) return fail(checked.diagnostics);
      const root = rootModule(checked.program, options.module);
      if (!root) return fail([error('KSP250', `no module named ${options.module ?? spec}`, syntheticSpan(file))]);
      const generated = await generateTypeScript(checked.program, root, {
        sourceFile: relative(ctx.cwd, file) || basename(file),
        version: kproofVersion(),
        ...(options.runtime ? { runtimeImport: options.runtime } : {}),
      });
      if (!generated.ok) return fail(generated.diagnostics);
      let written: string | undefined;
      if (options.out) {
        const dir = resolve(ctx.cwd, options.out);
        written = join(dir, `${root.name}.ts`);
        try {
          mkdirSync(dir, { recursive: true });
          writeFileSync(written, generated.code);
        } catch (e) {
          return fail([error('KSP302', `cannot write ${written}: ${e instanceof Error ? e.message : String(e)}`, syntheticSpan(written))]);
        }
      }
      if (options.json) ctx.out(`${JSON.stringify({ ok: true, module: root.name, file: written ?? null, ...(written ? {} : { code: generated.code }) }, null, 2)}\n`);
      else if (written) ctx.out(`wrote ${relative(ctx.cwd, written)}\n`);
      else ctx.out(generated.code);
      ctx.exitWith(EXIT.ok);
    });
}
