// `kproof refine EXEC.ts --spec SPEC`: prove that exec TypeScript functions tagged `@refines`
// equal their spec functions for every input, or print (and optionally write as a vitest test)
// an input on which they differ.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { sortDiagnostics } from '../diagnostics/index.js';
import type { RefineReport } from '../refine/index.js';
import type { BackendChoice } from '../solver/index.js';
import { EXIT, type CliContext } from './context.js';
import { expandInputs } from './inputs.js';
import { diagnosticToJson, plural, printDiagnostics } from './report.js';

interface RefineCliOptions {
  readonly spec: string[];
  readonly timeout: string;
  readonly json?: boolean;
  readonly cache: boolean;
  readonly solver: string;
  readonly jobs?: string;
  readonly include?: string[];
  readonly emitTest?: string;
}

const positiveInt = (text: string | undefined): number | undefined | 'invalid' => {
  if (text === undefined) return undefined;
  return /^[1-9]\d*$/.test(text) ? Number(text) : 'invalid';
};

function printReport(ctx: CliContext, r: RefineReport): void {
  const where = `${r.span.file}:${r.span.start.line}:${r.span.start.column}`;
  const time = r.cached ? 'cached' : `${r.ms} ms`;
  if (r.status === 'refines') {
    ctx.out(`✓ ${r.function} refines ${r.target} (${time})\n`);
    return;
  }
  if (r.status === 'unknown') {
    ctx.out(`? ${where}: KSP264 ${r.message}\n`);
    return;
  }
  ctx.out(`✗ ${where}: KSP263 ${r.function} does not refine ${r.target}\n`);
  const c = r.counterexample;
  if (!c) return;
  ctx.out('  counterexample:\n');
  for (const i of c.inputs) ctx.out(`    ${i.name} = ${i.value}\n`);
  ctx.out(`  spec returns ${c.spec}\n  exec returns ${c.exec}\n`);
  if (c.incomplete) ctx.out('  (the solver left part of the input undetermined; shown as far as it is known)\n');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('refine')
    .description('prove that TypeScript functions tagged /** @refines module.fn */ equal their spec functions')
    .argument('<exec>', 'the TypeScript file')
    .requiredOption('--spec <files...>', 'the .kspec files (or directories) the functions refine')
    .option('--timeout <ms>', 'solver time limit per function, in milliseconds', '10000')
    .option('--json', 'print a JSON report')
    .option('--no-cache', 'ignore and do not write .kproof-cache/')
    .option('--solver <backend>', 'wasm, z3 (native) or auto', 'auto')
    .option('--jobs <n>', 'solver instances working in parallel (default: number of cores)')
    .option('--include <dir...>', 'more directories to search for imported modules')
    .option('--emit-test <file>', 'write the counterexamples as a vitest test file')
    .action(async (exec: string, options: RefineCliOptions) => {
      const timeoutMs = positiveInt(options.timeout);
      const jobs = positiveInt(options.jobs);
      if (timeoutMs === 'invalid' || jobs === 'invalid' || !['wasm', 'z3', 'auto'].includes(options.solver)) {
        ctx.err('kproof refine: --timeout and --jobs take positive integers; --solver is wasm, z3 or auto\n');
        ctx.exitWith(EXIT.malformed);
        return;
      }
      const inputs = expandInputs(options.spec, ctx.cwd);
      if (inputs.diagnostics.length > 0 || inputs.files.length === 0) {
        if (options.json) ctx.out(`${JSON.stringify({ ok: false, diagnostics: inputs.diagnostics.map(diagnosticToJson), functions: [] }, null, 2)}\n`);
        else printDiagnostics(ctx, inputs.diagnostics, new Map());
        if (inputs.files.length === 0 && inputs.diagnostics.length === 0) ctx.err('kproof refine: --spec names no .kspec file\n');
        ctx.exitWith(EXIT.malformed);
        return;
      }
      let drawn = false;
      const progress = ctx.isTTY && !options.json
        ? (done: number, total: number) => {
            ctx.err(`\r${done}/${total} functions decided`);
            drawn = true;
          }
        : undefined;
      const started = performance.now();
      // loaded here, not at start-up: it brings in the TypeScript compiler, which every other verb would pay for
      const { refine } = await import('../refine/index.js');
      const result = await refine(exec, inputs.files, {
        cwd: ctx.cwd,
        cache: options.cache,
        solver: options.solver as BackendChoice,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(jobs !== undefined ? { jobs } : {}),
        ...(options.include ? { include: options.include } : {}),
        ...(options.emitTest ? { emitTest: resolve(ctx.cwd, options.emitTest) } : {}),
        ...(progress ? { onProgress: progress } : {}),
      });
      if (drawn) ctx.err('\r\x1b[K');
      if (options.json) {
        const json = {
          ok: result.exitCode === 0,
          diagnostics: sortDiagnostics(result.diagnostics).map(diagnosticToJson),
          functions: result.reports.map((r) => ({
            function: r.function,
            target: r.target,
            status: r.status,
            file: r.span.file,
            line: r.span.start.line,
            column: r.span.start.column,
            message: r.message,
            cached: r.cached,
            ms: r.ms,
            ...(r.counterexample ? { counterexample: r.counterexample } : {}),
          })),
          ...(result.solver ? { solver: result.solver } : {}),
          ...(result.testFile ? { testFile: result.testFile } : {}),
        };
        ctx.out(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        printDiagnostics(ctx, sortDiagnostics(result.diagnostics), result.sources);
        for (const r of result.reports) printReport(ctx, r);
        if (result.testFile) ctx.out(`wrote ${result.testFile}\n`);
        if (result.exitCode !== EXIT.malformed) {
          const ok = result.reports.filter((r) => r.status === 'refines').length;
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          ctx.out(`${plural(result.reports.length, 'function')}: ${ok} refine, ${result.reports.length - ok} do not (${seconds} s${result.solver ? `, ${result.solver.name} ${result.solver.version}` : ''})\n`);
        }
      }
      ctx.exitWith(result.exitCode);
    });
}
