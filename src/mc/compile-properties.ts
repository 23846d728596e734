// Turns the formulas a model checks into what the explorer can decide. Safety: invariants (state
// predicates on every reachable state), action invariants (on every step), initial predicates.
// Liveness: every supported shape is the negation of a small automaton, written as
//   "from a seed state, a path through `path` states reaches a fair cycle of `cycle` states that
//    visits a `visit` state"
// (see liveness.ts). `forall x in S :: F` over a temporal F is checked once per value of x.
import type { Expr, ModelDecl, Program, Type } from '../ir/index.js';
import { shortName } from '../ir/index.js';
import type { Env, ExprCompiler, Fn } from './compile-expr.js';
import { CompileError } from './errors.js';
import type { Value } from './value.js';

/** Values for quantified binders (slot, value) to set before evaluating an instance. */
export type Bindings = readonly { readonly slot: number; readonly name: string; readonly type: Type; readonly value: Value }[];

export type CompiledProperty =
  | { readonly kind: 'invariant'; readonly name: string; readonly pred: Fn; readonly text: string }
  | { readonly kind: 'initial'; readonly name: string; readonly pred: Fn; readonly text: string }
  | { readonly kind: 'action'; readonly name: string; readonly pred: Fn; readonly text: string }
  /** violated when a `to` state is reachable from a reachable `from` state (`[](P ==> []Q)`) */
  | { readonly kind: 'reach'; readonly name: string; readonly from: Fn; readonly to: Fn; readonly text: string }
  | LivenessProperty;

export interface LivenessProperty {
  readonly kind: 'liveness';
  readonly name: string;
  readonly text: string;
  readonly bindings: Bindings;
  /** where the violating suffix may start: initial states only, or any reachable state satisfying `seedPred` */
  readonly seedInitOnly: boolean;
  readonly seedPred?: Fn;
  /** every state from the seed to the cycle satisfies it (absent: no constraint) */
  readonly path?: Fn;
  /** every state of the cycle satisfies it */
  readonly cycle?: Fn;
  /** the cycle visits at least one state satisfying it */
  readonly visit?: Fn;
}

const not =
  (f: Fn): Fn =>
  (env) =>
    !f(env);
const and =
  (f: Fn, g: Fn): Fn =>
  (env) =>
    !!f(env) && !!g(env);

const isStateLevel = (e: Expr) => e.level === 'constant' || e.level === 'state';

export function compileProperties(program: Program, model: ModelDecl, compiler: ExprCompiler): CompiledProperty[] {
  const out: CompiledProperty[] = [];
  for (const check of model.checks) {
    if (check.kind === 'theorem') {
      const thm = program.theorems.get(check.name);
      if (!thm) throw new CompileError('KSP200', `unknown theorem ${check.name}`, model.span);
      if (thm.params.length > 0) throw new CompileError('KSP204', `theorem ${shortName(thm.name)} has parameters; only closed formulas can be model-checked`, thm.span);
      if (thm.machine !== undefined && thm.machine !== model.machine)
        throw new CompileError('KSP200', `theorem ${shortName(thm.name)} is about ${shortName(thm.machine)}, not ${shortName(model.machine)}`, thm.span);
      classify(compiler, shortName(thm.name), thm.formula, [], out);
    } else if (check.kind === 'property') {
      // Read exactly as a theorem with the same formula: the checker has already scoped it to the model's machine.
      classify(compiler, check.name, check.formula, [], out);
    } else {
      const def = program.defs.get(check.name);
      if (!def?.body || def.params.length > 0 || def.result.kind !== 'bool')
        throw new CompileError('KSP204', `${shortName(check.name)} must be a Bool def without parameters to be checked`, def?.span ?? model.span);
      // A checked state-level def is an invariant, as TLC's INVARIANT; a temporal one a property.
      if (isStateLevel(def.body)) out.push({ kind: 'invariant', name: shortName(def.name), pred: compiler.compile(def.body), text: 'invariant' });
      else classify(compiler, shortName(def.name), def.body, [], out);
    }
  }
  return out;
}

function classify(c: ExprCompiler, name: string, f: Expr, bindings: Bindings, out: CompiledProperty[]): void {
  const unsupported = (): never => {
    throw new CompileError(
      'KSP204',
      `the model checker does not support this property shape (supported: state predicates, []P, [](action), <>P, []<>P, <>[]P, P ~> Q, [](P ==> <>Q / <>[]Q / []<>Q / []Q), []([]D ==> <>Q / <>[]Q / []<>Q), conjunctions, and forall over finite domains)`,
      f.span,
    );
  };
  const bound = (e: Expr): Fn => withBindings(bindings, c.compile(e));
  const live = (p: LivenessShape, text: string) => {
    if ('from' in p) out.push({ kind: 'reach', name, from: p.from, to: p.to, text });
    else out.push({ kind: 'liveness', name, bindings, text, ...p });
  };
  if (isStateLevel(f)) {
    // In a temporal context a state predicate speaks of the first state only.
    out.push({ kind: 'initial', name, pred: bound(f), text: 'initial condition' });
    return;
  }
  switch (f.kind) {
    case 'logic':
      if (f.op === '&&') {
        classify(c, name, f.left, bindings, out);
        classify(c, name, f.right, bindings, out);
        return;
      }
      break;
    case 'quant': {
      if (f.quantifier !== 'forall') break;
      const slot = c.slotOf(f.binder);
      const values = f.domain ? evalConstant(c, f.domain, bindings) : c.valuesOf(f.binder.type, f.span);
      for (const v of values) classify(c, name, f.body, [...bindings, { slot, name: f.binder.name, type: f.binder.type, value: v }], out);
      return;
    }
    case 'always': {
      const a = f.arg;
      if (isStateLevel(a)) {
        out.push({ kind: 'invariant', name, pred: bound(a), text: 'invariant' });
        return;
      }
      if (a.level === 'action') {
        out.push({ kind: 'action', name, pred: bound(a), text: 'action invariant' });
        return;
      }
      // [][]F, [](P ~> Q) and []<>[]P say the same as []F, P ~> Q and <>[]P.
      if (a.kind === 'always' || a.kind === 'leadsTo') return classify(c, name, a, bindings, out);
      if (a.kind === 'eventually' && a.arg.kind === 'always') return classify(c, name, a, bindings, out);
      if (a.kind === 'eventually' && isStateLevel(a.arg)) {
        live({ seedInitOnly: false, cycle: not(bound(a.arg)) }, '[]<>P');
        return;
      }
      if (a.kind === 'logic' && a.op === '&&') {
        classify(c, name, { ...f, arg: a.left }, bindings, out);
        classify(c, name, { ...f, arg: a.right }, bindings, out);
        return;
      }
      if (a.kind === 'quant' && a.quantifier === 'forall') return classify(c, name, { ...a, body: { ...f, arg: a.body } }, bindings, out);
      if (a.kind === 'logic' && a.op === '==>') return classifyImplication(bound, a.left, a.right, live, unsupported);
      break;
    }
    case 'eventually': {
      const a = f.arg;
      if (isStateLevel(a)) {
        const p = bound(a);
        live({ seedInitOnly: true, path: not(p), cycle: not(p) }, '<>P');
        return;
      }
      if (a.kind === 'always' && isStateLevel(a.arg)) {
        live({ seedInitOnly: false, visit: not(bound(a.arg)) }, '<>[]P');
        return;
      }
      if (a.kind === 'always' && a.arg.kind === 'eventually' && isStateLevel(a.arg.arg)) {
        live({ seedInitOnly: false, cycle: not(bound(a.arg.arg)) }, '[]<>P');
        return;
      }
      break;
    }
    case 'leadsTo':
      if (isStateLevel(f.left) && isStateLevel(f.right)) {
        const p = bound(f.left);
        const q = bound(f.right);
        live({ seedInitOnly: false, seedPred: and(p, not(q)), path: not(q), cycle: not(q) }, 'P ~> Q');
        return;
      }
      break;
    default:
      break;
  }
  unsupported();
}

/** `[](L ==> R)` for the shapes of leads-to, stability and ESR. */
function classifyImplication(
  bound: (e: Expr) => Fn,
  left: Expr,
  right: Expr,
  live: (p: LivenessShape, text: string) => void,
  unsupported: () => never,
): void {
  const shape = (r: Expr): { kind: 'ev' | 'evAlw' | 'alwEv' | 'alw'; pred: Expr } | undefined => {
    if (r.kind === 'eventually' && isStateLevel(r.arg)) return { kind: 'ev', pred: r.arg };
    if (r.kind === 'eventually' && r.arg.kind === 'always' && isStateLevel(r.arg.arg)) return { kind: 'evAlw', pred: r.arg.arg };
    if (r.kind === 'always' && r.arg.kind === 'eventually' && isStateLevel(r.arg.arg)) return { kind: 'alwEv', pred: r.arg.arg };
    if (r.kind === 'always' && isStateLevel(r.arg)) return { kind: 'alw', pred: r.arg };
    return undefined;
  };
  const r = shape(right);
  if (!r) return unsupported();
  const q = bound(r.pred);
  if (isStateLevel(left)) {
    const p = bound(left);
    // ¬[](P ⇒ F) is <>(P ∧ ¬F): a reachable P state from which ¬F holds.
    switch (r.kind) {
      case 'ev':
        return live({ seedInitOnly: false, seedPred: and(p, not(q)), path: not(q), cycle: not(q) }, '[](P ==> <>Q)');
      case 'evAlw':
        return live({ seedInitOnly: false, seedPred: p, visit: not(q) }, '[](P ==> <>[]Q)');
      case 'alwEv':
        return live({ seedInitOnly: false, seedPred: p, cycle: not(q) }, '[](P ==> []<>Q)');
      case 'alw':
        // A finite counterexample: machine-closed fairness never rules out a finite prefix.
        return live({ from: p, to: not(q) }, '[](P ==> []Q)');
    }
  }
  if (left.kind === 'always' && isStateLevel(left.arg)) {
    const d = bound(left.arg);
    // ¬[]([]D ⇒ F) is <>([]D ∧ ¬F): a cycle of D states that violates F.
    switch (r.kind) {
      case 'ev':
        return live({ seedInitOnly: false, cycle: and(d, not(q)) }, '[]([]D ==> <>Q)');
      case 'evAlw':
        return live({ seedInitOnly: false, cycle: d, visit: not(q) }, '[]([]D ==> <>[]Q)');
      case 'alwEv':
        return live({ seedInitOnly: false, cycle: and(d, not(q)) }, '[]([]D ==> []<>Q)');
      case 'alw':
        break;
    }
  }
  unsupported();
}

type LivenessShape = Omit<LivenessProperty, 'kind' | 'name' | 'bindings' | 'text'> | { readonly from: Fn; readonly to: Fn };

function withBindings(bindings: Bindings, f: Fn): Fn {
  if (bindings.length === 0) return f;
  return (env) => {
    for (const b of bindings) env[b.slot] = b.value;
    return f(env);
  };
}

function evalConstant(c: ExprCompiler, e: Expr, bindings: Bindings): readonly Value[] {
  if (e.level !== 'constant') throw new CompileError('KSP204', 'a quantifier over a temporal formula needs a constant domain', e.span);
  const f = withBindings(bindings, c.compile(e));
  const env: Env = c.newEnv();
  return f(env) as readonly Value[];
}
