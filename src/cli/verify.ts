// `kproof verify FILE…`: prove the theorems. Per theorem: proved / not proved / error with its
// time; a failure shows where (code frame), what was to be shown, and the counterexample.
import { join } from 'node:path';
import type { Command } from 'commander';
import { hasErrors, renderDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { Counterexample, ObligationInfo, TheoremReport, VerifyResult } from '../prove/index.js';
import { FileLog, lookupRun, recordRun, type RunRequest } from '../runs/index.js';
import { solverIdentity, type BackendChoice } from '../solver/index.js';
import { EXIT, type CliContext } from './context.js';
import { expandInputs } from './inputs.js';
import { diagnosticToJson, plural, printDiagnostics } from './report.js';

interface VerifyCliOptions {
  readonly timeout?: string;
  readonly json?: boolean;
  readonly cache: boolean;
  readonly solver: string;
  readonly jobs?: string;
  readonly include?: string[];
  readonly only?: string;
}

/** only draw a bar when there is enough work for it to be worth looking at */
const PROGRESS_THRESHOLD = 8;

function positiveInt(text: string | undefined): number | undefined | 'invalid' {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : 'invalid';
}

function counterexampleLines(cx: Counterexample): string[] {
  const lines: string[] = [];
  const width = Math.max(...cx.sections.map((s) => s.title.length));
  for (const s of cx.sections) {
    const body = s.title === 'step' && cx.action ? cx.action : s.entries.map((e) => `${e.name} = ${e.value}`).join(', ');
    lines.push(`    ${`${s.title}:`.padEnd(width + 2)}${body || '(nothing)'}`);
  }
  return lines;
}

function printTheorem(ctx: CliContext, t: TheoremReport<ObligationInfo>, sources: ReadonlyMap<string, string>): void {
  const cached = t.obligations.filter((o) => o.cached).length;
  const counts = t.byGeneric ? `by the proof of ${t.byGeneric}` : `${plural(t.obligations.length, 'obligation')}${cached > 0 ? `, ${cached} cached` : ''}, ${t.ms} ms`;
  const mark = t.status === 'proved' ? '✓' : '✗';
  const first = t.problems[0];
  const why = t.status === 'proved' || !first ? '' : `: ${t.problems.length === 1 ? first.message : `${plural(t.problems.length, 'problem')}`}`;
  ctx.out(`${mark} ${t.name}  ${t.status}${why} (${counts})\n`);
  for (const w of t.warnings) {
    const d: Diagnostic = { code: w.code, severity: 'warning', message: w.message, span: w.span };
    ctx.out(`${renderDiagnostic(d, { sources, color: ctx.color }).replace(/^/gm, '  ')}\n`);
  }
  if (t.status === 'proved') return;
  for (const p of t.problems) {
    const d: Diagnostic = { code: p.code, severity: 'error', message: p.message, span: p.span };
    ctx.out(`${renderDiagnostic(d, { sources, color: ctx.color }).replace(/^/gm, '  ')}\n`);
    const o = p.obligation;
    if (!o) continue;
    ctx.out(`  to show: ${o.obligation.goal}\n`);
    if (o.obligation.formulaSpan) {
      const f = o.obligation.formulaSpan;
      const text = sources.get(f.file)?.slice(f.start.offset, f.end.offset);
      if (text) ctx.out(`    ${text.replace(/\s+/g, ' ')}   (${f.file}:${f.start.line}:${f.start.column})\n`);
    }
    if (o.counterexample && o.counterexample.sections.length > 0) ctx.out(`  counterexample:\n${counterexampleLines(o.counterexample).join('\n')}\n`);
  }
}

function toJson(result: VerifyResult, files: readonly string[]): unknown {
  return {
    ok: result.exitCode === 0,
    files,
    solver: result.solver ?? null,
    reused: result.reused === true,
    diagnostics: result.diagnostics.map(diagnosticToJson),
    theorems: result.theorems.map((t) => ({
      name: t.name,
      status: t.status,
      ms: t.ms,
      file: t.span.file,
      line: t.span.start.line,
      column: t.span.start.column,
      ...(t.byGeneric ? { byGeneric: t.byGeneric } : {}),
      obligations: t.obligations.map((o) => ({
        id: o.obligation.id,
        premise: o.obligation.origin.premise,
        ...(o.obligation.origin.step ? { step: o.obligation.origin.step } : {}),
        status: o.status,
        cached: o.cached,
        ms: o.ms,
        hash: o.obligation.hash,
      })),
      warnings: t.warnings.map((w) => ({ code: w.code, message: w.message, file: w.span.file, line: w.span.start.line, column: w.span.start.column })),
      problems: t.problems.map((p) => ({
        code: p.code,
        message: p.message,
        file: p.span.file,
        line: p.span.start.line,
        column: p.span.start.column,
        ...(p.obligation
          ? {
              goal: p.obligation.obligation.goal,
              status: p.obligation.status,
              ...(p.obligation.reason ? { reason: p.obligation.reason } : {}),
              ...(p.obligation.counterexample ? { counterexample: p.obligation.counterexample } : {}),
            }
          : {}),
      })),
    })),
  };
}

/** kspec Ints are unbounded: JSON carries them as decimal strings */
function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function progressBar(ctx: CliContext): { update: (done: number, total: number) => void; clear: () => void } {
  let drawn = false;
  return {
    update(done, total) {
      if (total < PROGRESS_THRESHOLD) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      ctx.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} obligations`);
      drawn = true;
    },
    clear() {
      if (drawn) ctx.err('\r\x1b[K');
    },
  };
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description('prove the theorems of .kspec files (first-order obligations go to Z3)')
    .argument('<files...>', '.kspec files or directories')
    .option('--timeout <ms>', 'solver time limit per obligation, in milliseconds', '10000')
    .option('--json', 'print a JSON report')
    .option('--no-cache', 'ignore and do not write .kproof-cache/')
    .option('--solver <backend>', 'wasm, z3 (native) or auto', 'auto')
    .option('--jobs <n>', 'solver instances working in parallel (default: number of cores)')
    .option('--include <dir...>', 'more directories to search for imported modules')
    .option('--only <theorems>', 'verify only these theorems of the files, comma-separated (and what their proofs use)')
    .action(async (files: string[], options: VerifyCliOptions) => {
      const timeoutMs = positiveInt(options.timeout);
      const jobs = positiveInt(options.jobs);
      const solver = options.solver;
      if (timeoutMs === 'invalid' || jobs === 'invalid' || !['wasm', 'z3', 'auto'].includes(solver)) {
        ctx.err('kproof verify: --timeout and --jobs take positive integers; --solver is wasm, z3 or auto\n');
        ctx.exitWith(EXIT.malformed);
        return;
      }
      const inputs = expandInputs(files, ctx.cwd);
      if (hasErrors(inputs.diagnostics) || inputs.files.length === 0) {
        if (options.json) ctx.out(`${JSON.stringify({ ok: false, files, diagnostics: inputs.diagnostics.map(diagnosticToJson), theorems: [] }, null, 2)}\n`);
        else printDiagnostics(ctx, inputs.diagnostics, new Map());
        ctx.exitWith(EXIT.malformed);
        return;
      }
      const only = options.only?.split(',').map((n) => n.trim()).filter((n) => n !== '');
      const identity = options.cache ? solverIdentity(solver as BackendChoice) : undefined;
      const request: RunRequest | undefined = identity && {
        files: inputs.files,
        cwd: ctx.cwd,
        solver: identity,
        ...(options.include ? { include: options.include } : {}),
        ...(only ? { only } : {}),
      };
      const runsDir = join(ctx.cwd, '.kproof-cache');
      const started = performance.now();
      const reused = request && lookupRun(runsDir, request);
      const bar = ctx.isTTY && !options.json && !reused ? progressBar(ctx) : undefined;
      const log = new FileLog();
      // the prover (checker, kernel, encoder) is loaded only when there is proving to do
      const result =
        reused ??
        (await (await import('../prove/index.js')).verify(inputs.files, {
          cwd: ctx.cwd,
          cache: options.cache,
          solver: solver as BackendChoice,
          readFile: log.readFile,
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
          ...(jobs !== undefined ? { jobs } : {}),
          ...(options.include ? { include: options.include } : {}),
          ...(only ? { only } : {}),
          ...(bar ? { onProgress: bar.update } : {}),
        }));
      if (request && !reused) recordRun(runsDir, request, log, result);
      bar?.clear();
      if (options.json) ctx.out(`${JSON.stringify(toJson(result, inputs.files), bigintAsString, 2)}\n`);
      else {
        printDiagnostics(ctx, sortDiagnostics(result.diagnostics), result.sources);
        for (const t of result.theorems) printTheorem(ctx, t, result.sources);
        if (result.exitCode !== EXIT.malformed) {
          const proved = result.theorems.filter((t) => t.status === 'proved').length;
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          const solverText = result.solver ? `, ${result.solver.name} ${result.solver.version}` : '';
          const reusedText = result.reused ? '; no input changed since a run that proved them all: its verdicts, reused' : '';
          ctx.out(`${plural(result.theorems.length, 'theorem')}: ${proved} proved, ${result.theorems.length - proved} not proved (${seconds} s${solverText}${reusedText})\n`);
        }
      }
      ctx.exitWith(result.exitCode);
    });
}
