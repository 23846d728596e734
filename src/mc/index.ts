// The explicit-state model checker: `modelCheck(program, model, options)` explores every state a
// model's machine can reach, checks its invariants and temporal properties under the declared
// fairness, and returns statistics and (for a violation) the shortest trace or a fair lasso.
//
// Conventions (as TLC's, so figures compare): `generated` counts initial states plus one
// successor per enabled action instance (duplicates included); `depth` is the number of states on
// the longest shortest path from an initial state (initial states alone: depth 1). Visited states
// are kept as 64-bit fingerprints, as TLC and Stateright do (a collision, odds about n²/2⁶⁵, would
// merge two states). A checked Bool def is an invariant; a theorem's state predicate speaks of
// the initial states (kspec.md). A step of `a` is any transition `a` produces (a no-op included) and
// `enabled(a)` is its guard, per kspec.md; for the stuttering-insensitive properties supported
// this agrees with TLA+'s WF_vars/SF_vars.
import type { Diagnostic } from '../diagnostics/index.js';
import { error } from '../diagnostics/index.js';
import type { McCode } from '../diagnostics/codes/mc.js';
import type { ModelDecl, Program } from '../ir/index.js';
import { shortName } from '../ir/index.js';
import type { Span } from '../diagnostics/index.js';
import { checkAssumptions } from './assumptions.js';
import { compileMachine, type CompiledMachine } from './compile-machine.js';
import { compileProperties, type CompiledProperty } from './compile-properties.js';
import { CompileError } from './errors.js';
import { explore, type Exploration, type Progress, type SafetyFailure } from './explore.js';
import { Fairness, StateEvalError, findFairViolation, findReach, lassoIsFair, livenessFlags, type Step } from './liveness.js';
import { showValue } from './show.js';
import { pathTo, renderTrace, replayStep, safetyTrace, stateValues, type TraceStep } from './trace.js';

export type { TraceStep } from './trace.js';
export type { Progress } from './explore.js';

export interface ModelCheckOptions {
  readonly maxStates?: number;
  readonly maxDepth?: number;
  /** report states with no successor */
  readonly deadlock?: boolean;
  readonly onProgress?: (p: Progress) => void;
}

export type Violation =
  | { readonly kind: 'invariant' | 'initial' | 'action' | 'property'; readonly property: string; readonly message: string; readonly trace: readonly TraceStep[] }
  | { readonly kind: 'deadlock'; readonly message: string; readonly trace: readonly TraceStep[] }
  | { readonly kind: 'error'; readonly code: McCode; readonly message: string; readonly span: Span; readonly during: string; readonly trace: readonly TraceStep[] }
  | {
      readonly kind: 'liveness';
      readonly property: string;
      readonly message: string;
      /** from an initial state to the loop's first state (inclusive) */
      readonly prefix: readonly TraceStep[];
      /** steps from the loop's first state back to it; empty: the behaviour stutters there forever */
      readonly cycle: readonly TraceStep[];
    };

export interface PropertyOutcome {
  readonly name: string;
  readonly kind: CompiledProperty['kind'];
  /** `unchecked`: a bound stopped the search (liveness needs the whole graph), or an earlier violation stopped it */
  readonly status: 'holds' | 'violated' | 'unchecked';
}

export interface ModelCheckResult {
  readonly model: string;
  readonly machine: string;
  /** `ok`: every reachable state explored, nothing violated; `bounded`: nothing violated within the bounds */
  readonly status: 'ok' | 'violation' | 'bounded';
  readonly bounded: boolean;
  readonly generated: number;
  readonly distinct: number;
  readonly depth: number;
  readonly seconds: number;
  /** bytes held by the visited set, the state store and the state graph */
  readonly bytes: number;
  readonly properties: readonly PropertyOutcome[];
  readonly violation?: Violation;
}

export interface ModelCheckOutcome {
  readonly result?: ModelCheckResult;
  readonly diagnostics: readonly Diagnostic[];
}

/** The models declared in the files the user named, in order. */
export function rootModels(program: Program): ModelDecl[] {
  return program.modules.filter((m) => program.roots.includes(m.name)).flatMap((m) => m.models);
}

/** The model named `name` (qualified or short) among the program's root modules, or the only one. */
export function findModel(program: Program, name: string | undefined): ModelDecl | Diagnostic {
  const roots = program.modules.filter((m) => program.roots.includes(m.name));
  const models = roots.flatMap((m) => m.models);
  const span = roots[0]?.machines[0]?.span ?? program.modules[0]?.machines[0]?.span;
  const fallbackSpan: Span = span ?? { file: roots[0]?.file ?? '<input>', start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
  const where = roots[0] ? { ...fallbackSpan, file: roots[0].file } : fallbackSpan;
  if (name === undefined) {
    if (models.length === 1) return models[0]!;
    if (models.length === 0) return error('KSP200', 'no model to check: add `model NAME of MACHINE { ... }`', where);
    return error('KSP200', `several models; choose one with --model (${models.map((m) => shortName(m.name)).join(', ')})`, where);
  }
  const found = models.filter((m) => m.name === name || shortName(m.name) === name);
  if (found.length === 1) return found[0]!;
  const known = models.map((m) => shortName(m.name)).join(', ') || 'none';
  return error('KSP200', `no model named ${name} (models: ${known})`, where);
}

export function modelCheck(program: Program, modelName: string | undefined, options: ModelCheckOptions = {}): ModelCheckOutcome {
  const model = findModel(program, modelName);
  if (!('machine' in model)) return { diagnostics: [model] };
  try {
    return checkModel(program, model, options);
  } catch (err) {
    // Only a JavaScript stack overflow gets here (evaluation errors are values by now).
    if (err instanceof RangeError) return { diagnostics: [error('KSP209', `evaluation nested too deeply: ${err.message}`, model.span)] };
    throw err;
  }
}

function checkModel(program: Program, model: ModelDecl, options: ModelCheckOptions): ModelCheckOutcome {
  let cm: CompiledMachine;
  let properties: CompiledProperty[];
  try {
    cm = compileMachine(program, model);
    const violated = checkAssumptions(program, cm.compiler);
    if (violated.length > 0) return { diagnostics: violated };
    properties = compileProperties(program, model, cm.compiler);
  } catch (err) {
    if (err instanceof CompileError) return { diagnostics: [error(err.code, err.message, err.span)] };
    throw err;
  }
  const needsGraph = properties.some((p) => p.kind === 'liveness' || p.kind === 'reach');
  const x = explore(cm, properties, {
    recordGraph: needsGraph,
    ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
    ...(options.deadlock ? { deadlock: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const status = new Map<CompiledProperty, PropertyOutcome['status']>();
  let violation: Violation | undefined;
  if (x.failure) {
    violation = safetyViolation(cm, program, x, x.failure);
    const failed = 'property' in x.failure ? x.failure.property : undefined;
    // The search stopped at the violation: nothing else was checked everywhere.
    for (const p of properties) status.set(p, p.name === failed && p.kind === x.failure.kind ? 'violated' : 'unchecked');
  } else {
    for (const p of properties) if (p.kind !== 'liveness' && p.kind !== 'reach') status.set(p, 'holds');
    violation = checkTemporal(cm, program, x, properties, status);
  }
  const outcomes = new Map<string, PropertyOutcome>();
  for (const p of properties) {
    const s = status.get(p) ?? 'unchecked';
    const key = `${p.name}`;
    const prev = outcomes.get(key);
    const merged = !prev ? s : prev.status === 'violated' || s === 'violated' ? 'violated' : prev.status === 'unchecked' || s === 'unchecked' ? 'unchecked' : 'holds';
    outcomes.set(key, { name: p.name, kind: prev && prev.kind !== p.kind ? prev.kind : p.kind, status: merged });
  }
  const bounded = x.bounded && !violation;
  const result: ModelCheckResult = {
    model: shortName(model.name),
    machine: shortName(cm.machine.name),
    status: violation ? 'violation' : bounded ? 'bounded' : 'ok',
    bounded,
    generated: x.generated,
    distinct: x.distinct,
    depth: x.depth,
    seconds: x.seconds,
    bytes: x.bytes,
    properties: [...outcomes.values()],
    ...(violation ? { violation } : {}),
  };
  return { result, diagnostics: [] };
}

function safetyViolation(cm: CompiledMachine, program: Program, x: Exploration, f: SafetyFailure): Violation {
  switch (f.kind) {
    case 'invariant':
      return { kind: 'invariant', property: f.property, message: `invariant ${f.property} is violated`, trace: safetyTrace(cm, program, x, f.state) };
    case 'initial':
      return { kind: 'initial', property: f.property, message: `${f.property} does not hold in an initial state`, trace: safetyTrace(cm, program, x, f.state) };
    case 'deadlock':
      return { kind: 'deadlock', message: 'deadlock: a reachable state has no successor', trace: safetyTrace(cm, program, x, f.state) };
    case 'action': {
      const ids = pathTo(x, f.state);
      const states = ids.map((s) => stateValues(x, s));
      const steps = ids.map((s, i) => (i === 0 ? undefined : replayStep(x, ids[i - 1]!, s)));
      states.push(f.target >= 0 ? stateValues(x, f.target) : states[states.length - 1]!);
      steps.push(f.step);
      const what = f.target >= 0 ? 'a step' : 'a stuttering step';
      return { kind: 'action', property: f.property, message: `${what} violates ${f.property}`, trace: renderTrace(cm, program, states, steps) };
    }
    case 'error': {
      const ids = pathTo(x, f.state);
      const trace = renderTrace(
        cm,
        program,
        ids.map((s) => stateValues(x, s)),
        ids.map((s, i) => (i === 0 ? undefined : replayStep(x, ids[i - 1]!, s))),
      );
      const where = f.step ? ` in action ${cm.actions[f.step.action]!.name}` : ` in ${f.during}`;
      return { kind: 'error', code: f.code, message: `${f.message}${where}`, span: f.span, during: f.during, trace };
    }
  }
}

function checkTemporal(
  cm: CompiledMachine,
  program: Program,
  x: Exploration,
  properties: readonly CompiledProperty[],
  status: Map<CompiledProperty, PropertyOutcome['status']>,
): Violation | undefined {
  const temporal = properties.filter((p) => p.kind === 'liveness' || p.kind === 'reach');
  if (temporal.length === 0) return undefined;
  if (x.bounded) {
    for (const p of temporal) status.set(p, 'unchecked');
    return undefined;
  }
  const graph = x.graph!;
  const fairness = new Fairness(cm.fairness, graph);
  const g = { graph, states: x.distinct, parent: (s: number) => x.store.parent(s) };
  const render = (steps: readonly Step[]) =>
    renderTrace(
      cm,
      program,
      steps.map((s) => stateValues(x, s.state)),
      steps.map((s) => (s.label >= 0 ? graph.instances[s.label] : undefined)),
    );
  // Every property gets a verdict; the first violation found is the one reported with its trace.
  let first: Violation | undefined;
  const violatedNames = new Set<string>();
  for (const p of temporal) {
    if (violatedNames.has(p.name)) {
      status.set(p, 'violated');
      continue;
    }
    try {
      if (p.kind === 'reach') {
        const path = findReach(x, p.from, p.to);
        status.set(p, path ? 'violated' : 'holds');
        if (path && !first) first = { kind: 'property', property: p.name, message: `${p.name} (${p.text}) is violated`, trace: render(path) };
      } else if (p.kind === 'liveness') {
        const lasso = findFairViolation(g, livenessFlags(x, p), fairness);
        status.set(p, lasso ? 'violated' : 'holds');
        if (lasso && !lassoIsFair(graph, fairness, lasso)) throw new Error('internal error: the liveness counterexample is not fair');
        if (lasso && !first) {
          const last = lasso.prefix[lasso.prefix.length - 1]!;
          const instance = p.bindings.length > 0 ? ` for ${p.bindings.map((b) => `${b.name} = ${showValue(b.value, b.type, program)}`).join(', ')}` : '';
          first = {
            kind: 'liveness',
            property: p.name,
            message: `${p.name} (${p.text}) is violated${instance} by a fair behaviour`,
            prefix: render(lasso.prefix),
            cycle: render([last, ...lasso.cycle]).slice(1),
          };
        }
      }
    } catch (err) {
      if (!(err instanceof StateEvalError)) throw err;
      status.set(p, 'unchecked');
      if (!first) {
        const trace = safetyTrace(cm, program, x, err.state);
        first = { kind: 'error', code: err.error.code, message: err.error.message, span: err.error.span, during: `property ${p.name}`, trace };
      }
    }
    if (status.get(p) === 'violated') violatedNames.add(p.name);
  }
  return first;
}

export { formatResult, formatViolation, traceTable } from './report.js';
export { resultHtml, escapeHtml } from './html.js';
