// `kproof refine`: exec TypeScript functions tagged `@refines` are translated to the IR (a
// documented side-effect-free subset, docs/refine.md) and proved equal to their spec function for
// every input by Z3. Outside the subset is an error with its location; never skipped. A solver
// `unknown` or timeout is "not proved".
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { dirname, join, relative } from 'node:path';
import { checkFiles } from '../check/index.js';
import { kproofVersion, type Plan } from '../codegen/index.js';
import { error, hasErrors, type Diagnostic, type Span } from '../diagnostics/index.js';
import type { Program, Type } from '../ir/index.js';
import { ProofCache } from '../prove/index.js';
import { createSolver, type BackendChoice, type Solver } from '../solver/index.js';
import { buildObligation, readCounterexampleValues, type Obligation } from './obligation.js';
import { readExecSource, type ExecSource, type Tagged } from './source.js';
import { describeSlots, planFor, resolveTarget, withStateRecords, type Target } from './target.js';
import { SubsetError, Translator, type Env, type Local, type TranslationContext } from './translate.js';
import { readAnnotation } from './ts-types.js';
import { typeEquals, typeToString } from '../ir/index.js';
import { emitTestFile } from './emit-test.js';

export { emitTestFile } from './emit-test.js';

export interface RefineOptions {
  /** per function; default 10 s */
  readonly timeoutMs?: number;
  readonly cache?: boolean;
  /** default `.kproof-cache` in `cwd` */
  readonly cacheDir?: string;
  readonly cwd?: string;
  readonly solver?: BackendChoice;
  readonly jobs?: number;
  readonly include?: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
  /** write the counterexamples as a vitest file here */
  readonly emitTest?: string;
  /** a solver to use instead of starting one (it is not closed); for embedding and tests */
  readonly solverInstance?: Solver;
}

export interface RefineCounterexample {
  /** TypeScript literals, one per parameter of the exec function */
  readonly inputs: readonly { readonly name: string; readonly value: string }[];
  readonly spec: string;
  readonly exec: string;
  /** kproof/runtime functions the literals use */
  readonly runtime: readonly string[];
  /** the model left some collection not fully determined (shown as far as it is) */
  readonly incomplete: boolean;
}

export interface RefineReport {
  readonly function: string;
  readonly target: string;
  readonly status: 'refines' | 'differs' | 'unknown';
  readonly span: Span;
  readonly message: string;
  readonly cached: boolean;
  readonly ms: number;
  readonly counterexample?: RefineCounterexample;
}

export interface RefineResult {
  /** 0 every tagged function refines its spec, 1 some do not (or undecided), 2 malformed input */
  readonly exitCode: 0 | 1 | 2;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly reports: readonly RefineReport[];
  readonly solver?: { readonly name: string; readonly version: string };
  readonly testFile?: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

interface Prepared {
  readonly tagged: Tagged;
  readonly target: Target;
  readonly obligation: Obligation;
}

export async function refine(execFile: string, specFiles: readonly string[], options: RefineOptions = {}): Promise<RefineResult> {
  const checked = checkFiles(specFiles, options.include ? { include: options.include } : undefined);
  const sources = new Map(checked.sources);
  if (!checked.program || hasErrors(checked.diagnostics)) return { exitCode: 2, diagnostics: checked.diagnostics, sources, reports: [] };
  let text: string;
  try {
    text = readFileSync(execFile, 'utf8');
  } catch (e) {
    const span = { file: execFile, start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
    return { exitCode: 2, diagnostics: [error('KSP260', `cannot read ${execFile}: ${e instanceof Error ? e.message : String(e)}`, span)], sources, reports: [] };
  }
  sources.set(execFile, text);
  const program = withStateRecords(checked.program);
  const source = readExecSource(execFile, text);
  const at = (start: number, end = start): Span => spanOf(source, execFile, start, end);
  if (source.syntaxErrors.length > 0) {
    return { exitCode: 2, diagnostics: source.syntaxErrors.map((e) => error('KSP260', `TypeScript syntax error: ${e.message}`, at(e.start))), sources, reports: [] };
  }
  const diagnostics: Diagnostic[] = [];
  const prepared: Prepared[] = [];
  for (const tagged of source.tagged) {
    const result = prepare(program, checked.program.roots, source, execFile, tagged);
    if ('message' in result) diagnostics.push(result);
    else prepared.push(result);
  }
  if (source.tagged.length === 0) {
    diagnostics.push(error('KSP262', 'no function is tagged `/** @refines module.fn */`', at(0)));
  }
  if (diagnostics.length > 0) return { exitCode: 2, diagnostics, sources, reports: [] };

  let solver: Solver;
  if (options.solverInstance) solver = options.solverInstance;
  else {
    const created = createSolver({ backend: options.solver ?? 'auto', ...(options.jobs !== undefined ? { jobs: options.jobs } : {}) });
    if (!created.ok) return { exitCode: 2, diagnostics: [error('KSP265', created.message, at(0))], sources, reports: [] };
    solver = created.solver;
  }
  try {
    const cacheDir = options.cache === false ? undefined : (options.cacheDir ?? join(options.cwd ?? process.cwd(), '.kproof-cache'));
    const cache = cacheDir ? new ProofCache(cacheDir, solver.name, solver.version) : undefined;
    let done = 0;
    const reports = await Promise.all(
      prepared.map(async (p) => {
        const report = await decide(p, program, solver, cache, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, source, execFile);
        options.onProgress?.(++done, prepared.length);
        return report;
      }),
    );
    let testFile: string | undefined;
    const failing = reports.filter((r) => r.counterexample);
    if (options.emitTest && failing.length > 0) {
      testFile = options.emitTest;
      const importPath = relative(dirname(testFile), execFile).replace(/\\/g, '/').replace(/\.ts$/, '.js');
      writeFileSync(testFile, emitTestFile(failing, importPath.startsWith('.') ? importPath : `./${importPath}`, kproofVersion()));
    }
    const ok = reports.every((r) => r.status === 'refines');
    return { exitCode: ok ? 0 : 1, diagnostics: [], sources, reports, solver: { name: solver.name, version: solver.version }, ...(testFile ? { testFile } : {}) };
  } finally {
    if (!options.solverInstance) await solver.close();
  }
}

function spanOf(source: ExecSource, file: string, start: number, end: number): Span {
  const pos = (offset: number) => {
    const lc = source.sf.getLineAndCharacterOfPosition(offset);
    return { offset, line: lc.line + 1, column: lc.character + 1 };
  };
  return { file, start: pos(start), end: pos(end) };
}

function context(program: Program, plan: Plan, source: ExecSource, file: string): TranslationContext {
  const typeNames = new Map<string, Type>();
  const ctorNames = new Map<string, { enumName: string; ctor: string }>();
  const enumNamespaces = new Map<string, string>();
  for (const q of plan.records) typeNames.set(plan.name(q), { kind: 'record', name: q });
  for (const q of plan.enums) {
    const name = plan.name(q);
    typeNames.set(name, { kind: 'enum', name: q });
    enumNamespaces.set(name, q);
    for (const c of program.enums.get(q)?.ctors ?? []) ctorNames.set(`${name}$${c.name}`, { enumName: q, ctor: c.name });
  }
  for (const m of program.machines.values()) typeNames.set(`${plan.name(m.name)}$State`, { kind: 'record', name: `${m.name}.$State` });
  // `import { k8s$api$Obj as KObject }`: the local name means what the generated one does
  for (const [local, imported] of source.importAliases) {
    const type = typeNames.get(imported);
    if (type) typeNames.set(local, type);
    const ctor = ctorNames.get(imported);
    if (ctor) ctorNames.set(local, ctor);
    const namespace = enumNamespaces.get(imported);
    if (namespace) enumNamespaces.set(local, namespace);
  }
  // in order: an alias may use the aliases before it
  for (const [name, node] of source.typeAliases) {
    const read = readAnnotation(node, typeNames);
    if (read.kind === 'type') typeNames.set(name, read.type);
  }
  const constKeys = new Map<string, string>();
  for (const q of program.consts.keys()) constKeys.set(plan.name(q), q);
  return {
    program,
    sf: source.sf,
    file,
    functions: source.functions,
    constants: source.constants,
    runtimeNames: source.runtimeNames,
    runtimeNamespaces: source.runtimeNamespaces,
    typeNames,
    ctorNames,
    enumNamespaces,
    constKeys,
  };
}

function prepare(program: Program, roots: readonly string[], source: ExecSource, file: string, tagged: Tagged): Prepared | Diagnostic {
  const at = (node: { getStart(sf?: unknown): number; getEnd(): number }) => spanOf(source, file, node.getStart(source.sf), node.getEnd());
  const target = resolveTarget(program, tagged.target, roots);
  if (typeof target === 'string') return error('KSP262', target, at(tagged.targetNode));
  const plan = planFor(program, target.module);
  const cx = context(program, plan, source, file);
  const fn = tagged.fn;
  if (fn.parameters.length !== target.slots.length) {
    return error('KSP262', `${tagged.name} must take (${describeSlots(target, plan)}) to refine ${target.name}, as \`kproof codegen\` generates it`, at(fn.name ?? fn));
  }
  if (fn.asteriskToken || fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return error('KSP261', 'an exec function is a plain function (not async, not a generator)', at(fn.name ?? fn));
  const env = new Map<string, Local>();
  for (const [i, p] of fn.parameters.entries()) {
    if (p.questionToken || p.initializer || p.dotDotDotToken) return error('KSP261', 'parameters are required plain names (no `?`, defaults or rest)', at(p));
    const slot = target.slots[i]!;
    if (!('text' in p.name)) return error('KSP261', 'parameters are plain names (no destructuring)', at(p));
    const name = p.name.text;
    if (slot.kind === 'consts') env.set(name, { kind: 'consts' });
    else if (slot.kind === 'state') env.set(name, { kind: 'state', machine: slot.machine });
    else {
      const written = readAnnotation(p.type, cx.typeNames);
      if (written.kind === 'number' || (written.kind === 'type' && !typeEquals(written.type, slot.binder.type))) {
        const shown = written.kind === 'number' ? 'number' : typeToString((written as { type: Type }).type);
        return error('KSP262', `parameter ${name} is ${shown}, but ${slot.binder.name} of ${target.name} is ${typeToString(slot.binder.type)}`, at(p));
      }
      env.set(name, { kind: 'value', expr: { kind: 'ref', ref: { kind: 'local', binder: slot.binder }, id: slot.binder.id, span: slot.binder.span, type: slot.binder.type, level: 'state' } });
    }
  }
  const tr = new Translator(cx);
  try {
    let exec;
    if (tagged.view) {
      const view = source.functions.get(tagged.view);
      if (!view) return error('KSP262', `no function ${tagged.view} in this file (named by @view)`, at(tagged.targetNode));
      const raw = tr.functionBody(fn, env as Env, tr.annotation(view.parameters[0]?.type) ?? tr.annotation(fn.type));
      exec = tr.applyView(view, raw, target.result, fn);
    } else exec = tr.functionBody(fn, env as Env, target.result);
    exec = tr.expect(exec, target.result, fn);
    const spec = target.spec(tr.b, at(fn.name ?? fn));
    const obligation = buildObligation(program, target, spec, exec, tr.b);
    if (typeof obligation === 'string') return error('KSP261', obligation, at(fn.name ?? fn));
    return { tagged, target, obligation };
  } catch (e) {
    if (e instanceof SubsetError) return error('KSP261', e.message, at(e.node));
    throw e;
  }
}

async function decide(p: Prepared, program: Program, solver: Solver, cache: ProofCache | undefined, timeoutMs: number, source: ExecSource, file: string): Promise<RefineReport> {
  const fn = p.tagged.fn;
  const span = spanOf(source, file, (fn.name ?? fn).getStart(source.sf), (fn.name ?? fn).getEnd());
  const base = { function: p.tagged.name, target: p.target.name, span };
  const started = performance.now();
  if (cache?.isProved(p.obligation.smt)) return { ...base, status: 'refines', message: `${p.tagged.name} refines ${p.target.name}`, cached: true, ms: 0 };
  const result = await solver.check({ smt: p.obligation.smt, timeoutMs, wantModel: true });
  const ms = Math.round(performance.now() - started);
  if (result.status === 'unsat') {
    cache?.recordProved(p.obligation.smt);
    return { ...base, status: 'refines', message: `${p.tagged.name} refines ${p.target.name}`, cached: false, ms };
  }
  if (result.status === 'sat' && result.model) {
    const counterexample = readCounterexampleValues(program, p.target, p.obligation, result.model, p.tagged.fn);
    return { ...base, status: 'differs', message: `${p.tagged.name} differs from ${p.target.name}`, cached: false, ms, counterexample };
  }
  return { ...base, status: 'unknown', message: `not decided (${result.status}${result.reason ? `: ${result.reason}` : ''}): ${p.tagged.name} is not proved to refine ${p.target.name}`, cached: false, ms };
}
