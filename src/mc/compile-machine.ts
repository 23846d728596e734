// Compiles a machine under a model's constants: the initial-state generator, each action as a
// guarded command over its parameter domains, and the fairness constraints.
import type { ActionInstance as IrActionInstance, Expr, MachineDecl, ModelDecl, Program, Type } from '../ir/index.js';
import { exprChildren, someExpr, typeToString } from '../ir/index.js';
import { codecFor, UncodableType, type Codec } from './codec.js';
import { ExprCompiler, type Env, type Fn } from './compile-expr.js';
import { CompileError } from './errors.js';
import { conjuncts } from './ir-walk.js';
import { valuesEqual, type Value } from './value.js';

export interface CompiledVar {
  readonly name: string;
  readonly type: Type;
  readonly codec: Codec;
}

export interface CompiledParam {
  readonly name: string;
  readonly type: Type;
  readonly slot: number;
  /** the values to try, in the current state (earlier parameters already bound) */
  readonly domain: Fn;
}

export interface CompiledAction {
  readonly name: string;
  readonly params: readonly CompiledParam[];
  /**
   * Guards that read only the current state, by the number of parameters bound when they are
   * tried: a guard is tried as soon as the parameters it reads are bound (never before a guard
   * written earlier, so a guard that protects a partial operation still comes first).
   */
  readonly guardsAt: readonly (readonly Fn[])[];
  /** the guards from the first one that reads the next state on: tried after the updates */
  readonly postGuards: readonly Fn[];
  readonly assigns: readonly { readonly index: number; readonly value: Fn }[];
}

export interface CompiledFairness {
  readonly strength: 'weak' | 'strong';
  readonly action: number;
  /** one constraint per action instance (`a(*)`), or one for all instances together (`a`) */
  readonly perInstance: boolean;
  /** per parameter: the required value, or undefined for `*` */
  readonly args: readonly (Value | undefined)[];
  readonly text: string;
}

export interface CompiledMachine {
  readonly compiler: ExprCompiler;
  readonly machine: MachineDecl;
  readonly vars: readonly CompiledVar[];
  readonly actions: readonly CompiledAction[];
  readonly fairness: readonly CompiledFairness[];
  /** calls `emit` once per initial state, with the state's variables in env[0, n) */
  readonly forEachInit: (env: Env, emit: () => void) => void;
}

export function compileMachine(program: Program, model: ModelDecl): CompiledMachine {
  const machine = program.machines.get(model.machine);
  if (!machine) throw new CompileError('KSP200', `model ${model.name} names an unknown machine ${model.machine}`, model.span);
  const compiler = new ExprCompiler(program, machine, model.constants);
  const codecs = new Map<string, Codec>();
  const vars = machine.vars.map((v) => {
    try {
      return { name: v.name, type: v.type, codec: codecFor(v.type, program, codecs) };
    } catch (err) {
      if (err instanceof UncodableType) throw new CompileError('KSP203', `variable ${v.name}: ${err.message}`, v.span);
      throw err;
    }
  });
  const actions = machine.actions.map((a) => compileAction(compiler, a));
  compiler.enabledOf = (instance, span) => compileEnabled(compiler, machine, actions, instance, span);
  const fairness = machine.fairness.map((f): CompiledFairness => {
    const action = machine.actions.findIndex((a) => a.name === f.action);
    if (action < 0) throw new CompileError('KSP200', `fairness names an unknown action ${f.action}`, f.span);
    const args = f.args.map((a) => (a ? compiler.compile(a)(compiler.newEnv()) : undefined));
    const perInstance = machine.actions[action]!.params.length > 0 && f.args.length > 0;
    const text = `${f.strength === 'weak' ? 'WF' : 'SF'}(${f.action}${f.args.length > 0 ? `(${f.args.map((a) => (a ? '…' : '*')).join(', ')})` : ''})`;
    return { strength: f.strength, action, perInstance, args, text };
  });
  const forEachInit = compileInit(compiler, machine);
  return { compiler, machine, vars, actions, fairness, forEachInit };
}

function compileAction(compiler: ExprCompiler, a: MachineDecl['actions'][number]): CompiledAction {
  const params = a.params.map((p): CompiledParam => {
    const slot = compiler.slotOf(p.binder);
    if (p.domain) return { name: p.binder.name, type: p.binder.type, slot, domain: compiler.compile(p.domain) };
    const values = compiler.valuesOf(p.binder.type, p.binder.span);
    return { name: p.binder.name, type: p.binder.type, slot, domain: () => values };
  });
  const readsNext = (e: Expr) => someExpr(e, (x) => x.kind === 'prime');
  const assigned = new Set<string>();
  const assigns = a.assigns.map((x) => {
    for (const name of varsRead(compiler.program, x.value, true)) {
      if (!assigned.has(name))
        throw new CompileError('KSP210', `the update of ${x.variable} reads ${name}', which is assigned later (or not at all) in ${a.name}`, x.span);
    }
    assigned.add(x.variable);
    return { index: compiler.varIndex(x.variable, x.value.span), value: compiler.compile(x.value) };
  });
  const conjunctList = a.guards.flatMap(conjuncts);
  const firstPrimed = conjunctList.findIndex(readsNext);
  const pre = firstPrimed < 0 ? conjunctList : conjunctList.slice(0, firstPrimed);
  const post = firstPrimed < 0 ? [] : conjunctList.slice(firstPrimed);
  const paramIds = a.params.map((p) => p.binder.id);
  const guardsAt: Fn[][] = a.params.map(() => []);
  guardsAt.push([]);
  let level = 0;
  for (const g of pre) {
    someExpr(g, (x) => {
      if (x.kind === 'ref' && x.ref.kind === 'local') level = Math.max(level, paramIds.indexOf(x.ref.binder.id) + 1);
      return false;
    });
    guardsAt[level]!.push(compiler.compile(g));
  }
  return { name: a.name, params, guardsAt, postGuards: post.map((g) => compiler.compile(g)), assigns };
}

/**
 * `enabled(a(args))`: some instance (parameters in their domains, a given argument fixed, a `*`
 * ranging over its domain) passes every guard. Guards that read the next state would need the
 * update computed inside a state predicate, so such actions are refused.
 */
function compileEnabled(compiler: ExprCompiler, machine: MachineDecl, actions: readonly CompiledAction[], instance: IrActionInstance, span: Expr['span']): Fn {
  const index = machine.actions.findIndex((a) => a.name === instance.action);
  const action = actions[index];
  if (!action || instance.machine !== machine.name) throw new CompileError('KSP203', `enabled(${instance.action}) names an action of another machine`, span);
  if (action.postGuards.length > 0) throw new CompileError('KSP203', `enabled(${instance.action}): its guards read the next state`, span);
  const args = action.params.map((_, i) => (instance.args[i] ? compiler.compile(instance.args[i]!) : undefined));
  const slots = action.params.map((p) => p.slot);
  const search = (env: Env, k: number): boolean => {
    for (const g of action.guardsAt[k]!) if (!g(env)) return false;
    if (k === action.params.length) return true;
    const domain = action.params[k]!.domain(env) as readonly Value[];
    const given = args[k];
    if (given) {
      const v = given(env);
      if (!domain.some((x) => valuesEqual(x, v))) return false;
      env[slots[k]!] = v;
      return search(env, k + 1);
    }
    for (const x of domain) {
      env[slots[k]!] = x;
      if (search(env, k + 1)) return true;
    }
    return false;
  };
  return (env) => {
    // The parameters' slots may be in use (enabled(a) inside a's own guards): restore them.
    const saved = slots.map((s) => env[s]!);
    try {
      return search(env, 0);
    } finally {
      slots.forEach((s, i) => (env[s] = saved[i]!));
    }
  };
}

/**
 * The machine variables `e` reads, looking through calls of defs; with `primedOnly`, only those
 * read in the next state (under a prime).
 */
function varsRead(program: Program, e: Expr, primedOnly: boolean): Set<string> {
  const out = new Set<string>();
  const seenDefs = new Set<string>();
  const visit = (x: Expr, primed: boolean): void => {
    if (x.kind === 'ref' && x.ref.kind === 'var' && (primed || !primedOnly)) out.add(x.ref.name);
    if (x.kind === 'call' && !seenDefs.has(`${primed}${x.def}`)) {
      seenDefs.add(`${primed}${x.def}`);
      const body = program.defs.get(x.def)?.body;
      if (body) visit(body, primed);
    }
    for (const c of exprChildren(x)) visit(c, primed || x.kind === 'prime');
  };
  visit(e, false);
  return out;
}

interface InitDefinition {
  readonly index: number;
  readonly kind: 'eq' | 'in';
  readonly value: Fn;
  readonly reads: ReadonlySet<string>;
}

/**
 * Init as conjuncts: `x == e`, `x in S`, and (for Bool variables) `x` or `!x` define variables;
 * every other conjunct filters. A variable left undefined ranges over its type if that is finite.
 */
function compileInit(compiler: ExprCompiler, machine: MachineDecl): CompiledMachine['forEachInit'] {
  const defs = new Map<string, InitDefinition>();
  const filters: Fn[] = [];
  const varRef = (e: Expr): string | undefined => (e.kind === 'ref' && e.ref.kind === 'var' ? e.ref.name : undefined);
  const readsOf = (e: Expr): Set<string> => varsRead(compiler.program, e, false);
  const define = (name: string, kind: 'eq' | 'in', value: Expr): boolean => {
    if (defs.has(name)) return false;
    defs.set(name, { index: compiler.varIndex(name, value.span), kind, value: compiler.compile(value), reads: readsOf(value) });
    return true;
  };
  for (const c of conjuncts(machine.init)) {
    if (someExpr(c, (x) => x.kind === 'prime' || x.level === 'temporal' || x.level === 'action'))
      throw new CompileError('KSP201', 'the initial condition must be a state predicate', c.span);
    let defined = false;
    if (c.kind === 'eq') {
      const l = varRef(c.left);
      const r = varRef(c.right);
      if (l && !readsOf(c.right).has(l)) defined = define(l, 'eq', c.right);
      else if (r && !readsOf(c.left).has(r)) defined = define(r, 'eq', c.left);
    } else if (c.kind === 'builtin' && c.op === 'set.in') {
      const [elem, set] = c.args[0]!.type.kind === 'set' && c.args[1]!.type.kind !== 'set' ? [c.args[1]!, c.args[0]!] : [c.args[0]!, c.args[1]!];
      const v = varRef(elem);
      if (v && !readsOf(set).has(v)) defined = define(v, 'in', set);
    } else if (varRef(c) && c.type.kind === 'bool') {
      defined = define(varRef(c)!, 'eq', { ...c, kind: 'bool', value: true });
    } else if (c.kind === 'not' && varRef(c.arg) && c.arg.type.kind === 'bool') {
      defined = define(varRef(c.arg)!, 'eq', { ...c, kind: 'bool', value: false });
    }
    if (!defined) filters.push(compiler.compile(c));
  }
  for (const v of machine.vars) {
    if (defs.has(v.name)) continue;
    let values: readonly Value[];
    try {
      values = compiler.valuesOf(v.type, v.span);
    } catch {
      throw new CompileError(
        'KSP201',
        `the initial condition does not give ${v.name} a value: write \`${v.name} == e\` or \`${v.name} in S\` (${typeToString(v.type)} is infinite)`,
        machine.init.span,
      );
    }
    defs.set(v.name, { index: compiler.varIndex(v.name, v.span), kind: 'in', value: () => values, reads: new Set() });
  }
  const order = dependencyOrder(defs, machine);
  return (env, emit) => {
    const step = (k: number): void => {
      if (k === order.length) {
        for (const f of filters) if (!f(env)) return;
        emit();
        return;
      }
      const d = order[k]!;
      if (d.kind === 'eq') {
        env[d.index] = d.value(env);
        step(k + 1);
        return;
      }
      for (const x of d.value(env) as readonly Value[]) {
        env[d.index] = x;
        step(k + 1);
      }
    };
    step(0);
  };
}

function dependencyOrder(defs: ReadonlyMap<string, InitDefinition>, machine: MachineDecl): InitDefinition[] {
  const order: InitDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') throw new CompileError('KSP201', `the initial values of the variables depend on each other in a cycle (through ${name})`, machine.init.span);
    state.set(name, 'visiting');
    const d = defs.get(name)!;
    for (const r of d.reads) if (defs.has(r)) visit(r);
    state.set(name, 'done');
    order.push(d);
  };
  for (const v of machine.vars) visit(v.name);
  return order;
}
