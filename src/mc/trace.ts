// Traces for reports: state numbers become steps naming the action, its parameters and every
// variable's value (with the variables that changed marked).
import type { Program } from '../ir/index.js';
import type { CompiledMachine } from './compile-machine.js';
import type { ActionInstance, Exploration } from './explore.js';
import { showValue } from './show.js';
import type { Value } from './value.js';
import { valuesEqual } from './value.js';

export interface TraceStep {
  /** absent for an initial state */
  readonly action?: string;
  readonly params: readonly { readonly name: string; readonly value: string }[];
  readonly state: readonly { readonly name: string; readonly value: string }[];
  /** names of the variables whose value differs from the previous step's */
  readonly changed: readonly string[];
}

/** State numbers from an initial state to `id`, following parents (a shortest path). */
export function pathTo(x: Exploration, id: number): number[] {
  const out: number[] = [];
  for (let s = id; s >= 0; s = x.store.parent(s)) out.push(s);
  return out.reverse();
}

/** The action instance that leads from `from` to `to`, found by re-running the actions. */
export function replayStep(x: Exploration, from: number, to: number): ActionInstance | undefined {
  const engine = x.engine;
  const target = x.store.chunk(to).subarray(x.store.start(to), x.store.start(to) + x.store.length(to));
  engine.load(x.store, from);
  let found: ActionInstance | undefined;
  engine.expand((a) => {
    if (found) return;
    const w = engine.out;
    if (w.pos !== target.length) return;
    for (let i = 0; i < w.pos; i++) if (w.buf[i] !== target[i]) return;
    found = { action: a, params: engine.params(a) };
  });
  return found;
}

export function stateValues(x: Exploration, id: number): Value[] {
  return x.engine.decode(x.store.chunk(id), x.store.start(id));
}

/** Steps for states `ids`, where `steps[i]` led into `ids[i]` (undefined for the first). */
export function renderTrace(
  cm: CompiledMachine,
  program: Program,
  states: readonly (readonly Value[])[],
  steps: readonly (ActionInstance | undefined)[],
): TraceStep[] {
  return states.map((values, i) => {
    const prev = i > 0 ? states[i - 1] : undefined;
    const step = steps[i];
    const action = step ? cm.actions[step.action]! : undefined;
    return {
      ...(action ? { action: action.name } : {}),
      params: action ? action.params.map((p, k) => ({ name: p.name, value: showValue(step!.params[k]!, p.type, program) })) : [],
      state: cm.vars.map((v, k) => ({ name: v.name, value: showValue(values[k]!, v.type, program) })),
      changed: prev ? cm.vars.filter((_, k) => !valuesEqual(prev[k]!, values[k]!)).map((v) => v.name) : cm.vars.map((v) => v.name),
    };
  });
}

export function safetyTrace(cm: CompiledMachine, program: Program, x: Exploration, id: number): TraceStep[] {
  const ids = pathTo(x, id);
  const steps = ids.map((s, i) => (i === 0 ? undefined : replayStep(x, ids[i - 1]!, s)));
  return renderTrace(
    cm,
    program,
    ids.map((s) => stateValues(x, s)),
    steps,
  );
}
