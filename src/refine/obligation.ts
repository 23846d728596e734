// The refinement obligation: with the spec's assumptions about its constants, is there an input
// (constants, state, parameters) on which the spec's value and the exec function's value differ?
// Unsat means the exec function refines the spec function. Both values are named by free symbols
// so that a model shows them next to the input.
import ts from 'typescript';
import type { Binder, Expr, Program, Type } from '../ir/index.js';
import { shortName } from '../ir/index.js';
import { evaluateExprs } from '../codegen/index.js';
import { readCounterexample, type KValue } from '../prove/index.js';
import { SmtEncoder, Unencodable, type Env } from '../smt/index.js';
import type { IrBuilder } from './ir-build.js';
import { planFor, type Target } from './target.js';
import { jsLiteral, tsLiteral } from './ts-literal.js';
import type { RefineCounterexample } from './index.js';

export interface Obligation {
  readonly smt: string;
  readonly spec: Expr;
  readonly exec: Expr;
  readonly specOut: Binder;
  readonly execOut: Binder;
  /** every binder the model is read for, with its symbol */
  readonly symbols: readonly { readonly binder: Binder; readonly symbol: string }[];
}

export function buildObligation(program: Program, target: Target, spec: Expr, exec: Expr, b: IrBuilder): Obligation | string {
  const enc = new SmtEncoder(program);
  const env: Env = { state: 0, polarity: 'both' };
  try {
    const specOut = b.binder('$spec', target.result, spec.span);
    const execOut = b.binder('$exec', target.result, exec.span);
    const inputs = target.slots.flatMap((s) => (s.kind === 'value' ? [s.binder] : []));
    const symbols = [...inputs, specOut, execOut].map((binder) => ({ binder, symbol: enc.freeLocal(binder) }));
    if (target.machine) for (const v of target.machine.vars) enc.variable(target.machine.name, v.name, 0);
    if (target.slots.some((s) => s.kind === 'consts')) for (const q of constsOf(program, target)) enc.constant(q);
    const assumptions = program.modules.flatMap((m) => m.assumes.filter((a) => !a.obligation).map((a) => enc.expr(a.expr, { state: 0, polarity: 'neg' })));
    const specText = enc.expr(spec, env);
    const execText = enc.expr(exec, env);
    const [s, x] = [symbols[symbols.length - 2]!.symbol, symbols[symbols.length - 1]!.symbol];
    const smt = enc.render([...assumptions, `(= ${s} ${specText})`, `(= ${x} ${execText})`, `(not (= ${s} ${x}))`]);
    return { smt, spec, exec, specOut, execOut, symbols };
  } catch (e) {
    if (e instanceof Unencodable) return `the comparison cannot be encoded for the solver: ${e.message}`;
    throw e;
  }
}

/** the constants the exec function's `c` carries: those of the generated `$Constants` */
function constsOf(program: Program, target: Target): string[] {
  const plan = planFor(program, target.module);
  return [...plan.consts].filter((q) => program.consts.has(q)).sort();
}

export function readCounterexampleValues(program: Program, target: Target, ob: Obligation, model: string, fn: ts.FunctionDeclaration): RefineCounterexample {
  const cex = readCounterexample(
    program,
    { kind: target.machine ? 'state' : 'constants', ...(target.machine ? { machine: target.machine.name } : {}), params: [], witnesses: ob.symbols, relevant: [] },
    model,
  );
  const section = (title: string) => new Map((cex.sections.find((s) => s.title === title)?.entries ?? []).map((e) => [e.name, e.data]));
  const constants = section('constants');
  const state = section('state');
  const where = section('where');
  const runtime = new Set<string>();
  let incomplete = false;
  const lit = (v: KValue | undefined, t: Type): string => {
    const l = tsLiteral(v ?? defaultValue(t, program), t, program);
    for (const r of l.runtime) runtime.add(r);
    incomplete ||= l.incomplete;
    return l.text;
  };
  const plan = planFor(program, target.module);
  const inputs = target.slots.map((slot, i) => {
    const p = fn.parameters[i]!;
    const name = ts.isIdentifier(p.name) ? p.name.text : `arg${i}`;
    if (slot.kind === 'consts') {
      const fields = constsOf(program, target).map((q) => `${plan.name(q)}: ${lit(constants.get(shortName(q)), program.consts.get(q)!.type)}`);
      return { name, value: `{ ${fields.join(', ')} }` };
    }
    if (slot.kind === 'state') return { name, value: `{ ${slot.machine.vars.map((v) => `${v.name}: ${lit(state.get(v.name), v.type)}`).join(', ')} }` };
    return { name, value: lit(where.get(slot.binder.name), slot.binder.type) };
  });
  // the outputs are computed by the generated model on the input, not read from the solver's model
  // (which may state them as unevaluated formulas)
  const locals = target.slots.flatMap((slot, i) => (slot.kind === 'value' ? [{ binder: slot.binder, value: inputs[i]!.value }] : []));
  const consts = target.slots.findIndex((s) => s.kind === 'consts');
  const stateAt = target.slots.findIndex((s) => s.kind === 'state');
  const [specValue, execValue] = evaluateExprs(program, target.module, [ob.spec, ob.exec], {
    ...(consts >= 0 ? { consts: inputs[consts]!.value } : {}),
    ...(stateAt >= 0 ? { state: inputs[stateAt]!.value } : {}),
    locals,
  });
  const show = (e: (typeof specValue) | undefined): string => {
    if (!e || !e.ok) return `unspecified (${e?.error ?? 'not evaluated'})`;
    const l = jsLiteral(e.value, target.result, program);
    for (const r of l.runtime) runtime.add(r);
    return l.text;
  };
  const spec = show(specValue);
  const exec = show(execValue);
  return { inputs, spec, exec, runtime: [...runtime].sort(), incomplete };
}

/** a value of the type, for inputs the model leaves free (any value will do) */
function defaultValue(t: Type, program: Program, depth = 0): KValue {
  switch (t.kind) {
    case 'bool':
      return { kind: 'bool', value: false };
    case 'int':
      return { kind: 'int', value: 0n };
    case 'string':
      return { kind: 'string', value: '' };
    case 'seq':
      return { kind: 'seq', elems: [] };
    case 'set':
      return { kind: 'set', elems: [], complete: true };
    case 'map':
      return { kind: 'map', entries: [], complete: true };
    case 'option':
      return { kind: 'option' };
    case 'tuple':
      return { kind: 'tuple', elems: t.elems.map((e) => defaultValue(e, program, depth + 1)) };
    case 'record':
      return { kind: 'record', name: t.name, fields: (program.records.get(t.name)?.fields ?? []).map((f) => [f.name, defaultValue(f.type, program, depth + 1)] as const) };
    case 'enum': {
      const ctors = program.enums.get(t.name)?.ctors ?? [];
      const c = ctors.find((k) => k.fields.length === 0) ?? ctors[0];
      if (!c || depth > 8) return { kind: 'opaque', text: 'any value' };
      return { kind: 'enum', name: t.name, ctor: c.name, args: c.fields.map((f) => defaultValue(f.type, program, depth + 1)) };
    }
    default:
      return { kind: 'opaque', text: 'any value' };
  }
}
