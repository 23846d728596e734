// `kproof mc FILE`: explicit-state model checking of a model block.
// Exit codes: 0 no violation (also when a bound stopped the search: the output and the JSON then
// say `bounded: true` — a bounded run is never reported as a complete check), 1 a violation or an
// evaluation error found while exploring, 2 malformed input or misuse.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { checkFiles } from '../check/index.js';
import { error, hasErrors, sortDiagnostics, syntheticSpan, type Diagnostic } from '../diagnostics/index.js';
import { formatResult, modelCheck, resultHtml, rootModels, type ModelCheckResult, type Progress } from '../mc/index.js';
import { EXIT, type CliContext } from './context.js';
import { expandInputs } from './inputs.js';
import { diagnosticToJson, printDiagnostics } from './report.js';

interface McOptions {
  readonly model?: string;
  readonly deadlock?: boolean;
  readonly maxStates?: string;
  readonly maxDepth?: string;
  readonly json?: boolean;
  readonly html?: string;
  readonly include?: string[];
}

function positiveInt(text: string | undefined, flag: string, diagnostics: Diagnostic[]): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) {
    diagnostics.push(error('KSP301', `${flag} needs a positive whole number, not \`${text}\``, syntheticSpan('<command line>')));
    return undefined;
  }
  return n;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('mc')
    .description('model-check a model block: explore every reachable state, check invariants and temporal properties under fairness')
    .argument('<file>', 'the .kspec file holding the model')
    .option('--model <name>', 'the model to check (default: every model in the file, in order)')
    .option('--deadlock', 'report reachable states with no successor')
    .option('--max-states <n>', 'stop after this many distinct states (the result is then bounded, not complete)')
    .option('--max-depth <n>', 'do not explore beyond this depth (the result is then bounded, not complete)')
    .option('--json', 'print the result as JSON')
    .option('--html <file>', 'write a self-contained HTML page that walks through the counterexample')
    .option('--include <dir...>', 'more directories to search for imported modules')
    .addHelpText(
      'after',
      `
Exit codes: 0 no violation; 1 a violation (invariant, property, deadlock, liveness) or an evaluation
error (a partial operation such as m[k] outside the domain) reached while exploring; 2 malformed
input or misuse. A run stopped by --max-states or --max-depth exits 0 but is reported as
"bounded, no violation within N states" (JSON: "bounded": true, "status": "bounded"), never as a
complete check; liveness properties are not checked on a bounded run.`,
    )
    .action((file: string, options: McOptions) => run(ctx, file, options));
}

function run(ctx: CliContext, file: string, options: McOptions): void {
  const usage: Diagnostic[] = [];
  const maxStates = positiveInt(options.maxStates, '--max-states', usage);
  const maxDepth = positiveInt(options.maxDepth, '--max-depth', usage);
  const inputs = expandInputs([file], ctx.cwd);
  const checked = usage.length === 0 && inputs.files.length > 0 ? checkFiles(inputs.files, { include: options.include ?? [] }) : undefined;
  const sources = checked?.sources ?? new Map<string, string>();
  let diagnostics = sortDiagnostics([...usage, ...inputs.diagnostics, ...(checked?.diagnostics ?? [])]);
  const results: ModelCheckResult[] = [];
  if (!hasErrors(diagnostics) && checked?.program) {
    const program = checked.program;
    const live = ctx.isTTY && !options.json;
    const onProgress = live
      ? (p: Progress) =>
          ctx.err(
            `\r\x1b[K${p.generated.toLocaleString('en-US')} generated, ${p.distinct.toLocaleString('en-US')} distinct, ${p.queued.toLocaleString('en-US')} queued, depth ${p.depth}, ${Math.round(p.generated / Math.max(p.seconds, 1e-3)).toLocaleString('en-US')} states/s`,
          )
      : undefined;
    // Without --model every model of the file is checked (an empty list lets modelCheck explain).
    const names: (string | undefined)[] = options.model !== undefined ? [options.model] : rootModels(program).map((m) => m.name);
    for (const name of names.length > 0 ? names : [undefined]) {
      const outcome = modelCheck(program, name, {
        ...(maxStates !== undefined ? { maxStates } : {}),
        ...(maxDepth !== undefined ? { maxDepth } : {}),
        ...(options.deadlock ? { deadlock: true } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
      if (live) ctx.err('\r\x1b[K');
      diagnostics = sortDiagnostics([...diagnostics, ...outcome.diagnostics]);
      if (outcome.result) results.push(outcome.result);
    }
  }
  const shown = results.find((r) => r.violation) ?? results[0];
  if (shown && options.html) {
    try {
      writeFileSync(resolve(ctx.cwd, options.html), resultHtml(shown));
    } catch (err) {
      diagnostics.push(error('KSP300', `cannot write ${options.html}: ${err instanceof Error ? err.message : String(err)}`, syntheticSpan(options.html)));
    }
  }
  const malformed = hasErrors(diagnostics);
  const violated = results.some((r) => r.status === 'violation');
  if (options.json) {
    ctx.out(`${JSON.stringify({ ok: !malformed && !violated, results, diagnostics: diagnostics.map(diagnosticToJson) }, null, 2)}\n`);
  } else {
    printDiagnostics(ctx, diagnostics, sources);
    if (results.length > 0) ctx.out(`${results.map((r) => formatResult(r, process.memoryUsage().rss)).join('\n\n')}\n`);
  }
  ctx.exitWith(malformed ? EXIT.malformed : violated ? EXIT.failed : EXIT.ok);
}
