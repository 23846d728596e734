// Compiles IR expressions to closures, once per node: evaluating a guard or an update is then a
// chain of direct calls with no dispatch on node kinds and no generated source text (specs are
// untrusted, so nothing here builds code from strings).
//
// Environment layout (one array per evaluation context): [0, n) the current state's variables,
// [n, 2n) the next state's, then one slot per binder of the program.
import type { ActionInstance, Binder, Expr, ExprOf, MachineDecl, Program, QName, Type } from '../ir/index.js';
import { typeToString } from '../ir/index.js';
import { CompileError, EvalError } from './errors.js';
import { bindersIn } from './ir-walk.js';
import { isPlainEnum } from './codec.js';
import { showValue } from './show.js';
import {
  EMPTY,
  EMPTY_MAP,
  KMap,
  compareValues,
  intAdd,
  intDivMod,
  intMul,
  intNeg,
  intSub,
  makeMap,
  makeSet,
  mapInsert,
  mapLookup,
  mapRemove,
  normInt,
  setAdd,
  setHas,
  setIntersect,
  setMinus,
  setRemove,
  setSubset,
  setUnion,
  valuesEqual,
  comparePrimitiveArrays,
  comparePrimitives,
  type Comparator,
  type Int,
  type Value,
} from './value.js';

export type Env = Value[];
export type Fn = (env: Env) => Value;

/** Enumerating more values than this for one domain is refused rather than exhausting memory. */
const MAX_ENUMERATION = 1 << 22;

interface DefEntry {
  fn: Fn | undefined;
}

export class ExprCompiler {
  private readonly slots = new Map<number, number>();
  private nextSlot: number;
  private readonly defFns = new Map<string, DefEntry>();
  private readonly constValues = new Map<QName, Value>();
  private readonly constPending = new Set<QName>();
  private readonly finiteCache = new Map<string, readonly Value[] | undefined>();

  constructor(
    readonly program: Program,
    readonly machine: MachineDecl,
    /** a value expression for every constant, evaluated on first use */
    private readonly constExprs: ReadonlyMap<QName, Expr>,
  ) {
    this.nextSlot = 2 * machine.vars.length;
  }

  /** Set once the machine's actions are compiled: compiles `enabled(a(args))` (see compile-machine.ts). */
  enabledOf: ((instance: ActionInstance, span: Expr['span']) => Fn) | undefined;

  get nvars(): number {
    return this.machine.vars.length;
  }

  /** Size of an environment array for everything compiled so far. */
  get envSize(): number {
    return this.nextSlot;
  }

  newEnv(): Env {
    return new Array<Value>(this.nextSlot).fill(null);
  }

  slotOf(b: Binder): number {
    let s = this.slots.get(b.id);
    if (s === undefined) {
      s = this.nextSlot++;
      this.slots.set(b.id, s);
    }
    return s;
  }

  varIndex(name: string, span: Expr['span']): number {
    const i = this.machine.vars.findIndex((v) => v.name === name);
    if (i < 0) throw new CompileError('KSP203', `variable ${name} does not belong to machine ${this.machine.name}`, span);
    return i;
  }

  constant(name: QName, span: Expr['span']): Value {
    if (this.constValues.has(name)) return this.constValues.get(name)!;
    const expr = this.constExprs.get(name);
    if (!expr) throw new CompileError('KSP208', `constant ${name} has no value in this model`, span);
    if (this.constPending.has(name)) throw new CompileError('KSP208', `the value of constant ${name} depends on itself`, expr.span);
    this.constPending.add(name);
    const fn = this.compile(expr);
    let v: Value;
    try {
      v = fn(this.newEnv());
    } catch (err) {
      if (err instanceof EvalError) throw new CompileError('KSP208', `cannot compute constant ${name}: ${err.message}`, err.span);
      throw err;
    }
    this.constPending.delete(name);
    this.constValues.set(name, v);
    return v;
  }

  /** All values of a finite type, or a CompileError naming why it cannot be enumerated. */
  valuesOf(type: Type, span: Expr['span']): readonly Value[] {
    const vs = this.finite(type);
    if (!vs) throw new CompileError('KSP202', `cannot enumerate the values of ${typeToString(type)}; give a domain (\`x in S\`)`, span);
    return vs;
  }

  private finite(type: Type): readonly Value[] | undefined {
    const key = typeToString(type, true);
    if (this.finiteCache.has(key)) return this.finiteCache.get(key);
    this.finiteCache.set(key, undefined); // a recursive type is infinite
    const vs = this.enumerate(type);
    this.finiteCache.set(key, vs);
    return vs;
  }

  private enumerate(type: Type): readonly Value[] | undefined {
    switch (type.kind) {
      case 'bool':
        return [false, true];
      case 'option': {
        const e = this.finite(type.elem);
        return e && [null, ...e.map((x) => [x])];
      }
      case 'tuple':
        return this.product(type.elems);
      case 'record': {
        const decl = this.program.records.get(type.name);
        return decl && this.product(decl.fields.map((f) => f.type));
      }
      case 'enum': {
        const decl = this.program.enums.get(type.name);
        if (!decl) return undefined;
        if (isPlainEnum(decl)) return decl.ctors.map((_, i) => i);
        const out: Value[] = [];
        for (let i = 0; i < decl.ctors.length; i++) {
          const payloads = this.product(decl.ctors[i]!.fields.map((f) => f.type));
          if (!payloads) return undefined;
          for (const p of payloads) out.push([i, ...(p as Value[])]);
        }
        return out;
      }
      case 'set': {
        const e = this.finite(type.elem);
        if (!e || e.length > 20) return undefined;
        const out: Value[] = [];
        for (let mask = 0; mask < 1 << e.length; mask++) out.push(e.filter((_, i) => (mask >> i) & 1));
        return makeSet(out);
      }
      default:
        return undefined;
    }
  }

  private product(types: readonly Type[]): readonly Value[] | undefined {
    let acc: Value[][] = [[]];
    for (const t of types) {
      const vs = this.finite(t);
      if (!vs || acc.length * vs.length > MAX_ENUMERATION) return undefined;
      acc = acc.flatMap((prefix) => vs.map((v) => [...prefix, v]));
    }
    return acc;
  }

  /** Compiles `e`; with `primed`, state variables are read from the next state. */
  compile(e: Expr, primed = false): Fn {
    switch (e.kind) {
      case 'bool':
      case 'string': {
        const v = e.value;
        return () => v;
      }
      case 'int': {
        const v = normInt(e.value);
        return () => v;
      }
      case 'ref':
        return this.ref(e, primed);
      case 'prime':
        return this.compile(e.arg, true);
      case 'call':
        return this.call(e, primed);
      case 'not': {
        const a = this.compile(e.arg, primed);
        return (env) => !a(env);
      }
      case 'neg': {
        const a = this.compile(e.arg, primed);
        return (env) => intNeg(a(env) as Int);
      }
      case 'logic':
        return this.logic(e, primed);
      case 'arith':
        return this.arith(e, primed);
      case 'compare': {
        const a = this.compile(e.left, primed);
        const b = this.compile(e.right, primed);
        switch (e.op) {
          case '<':
            return (env) => (a(env) as Int) < (b(env) as Int);
          case '<=':
            return (env) => (a(env) as Int) <= (b(env) as Int);
          case '>':
            return (env) => (a(env) as Int) > (b(env) as Int);
          case '>=':
            return (env) => (a(env) as Int) >= (b(env) as Int);
        }
        break;
      }
      case 'eq': {
        const a = this.compile(e.left, primed);
        const b = this.compile(e.right, primed);
        const k = e.left.type.kind;
        if (k === 'bool' || k === 'string' || k === 'int' || this.plainEnum(e.left.type)) {
          // Comparing with a literal (`m.kind == Phase2a`) is the commonest guard: one call less.
          const c = this.literal(e.right);
          if (c !== undefined) {
            const v = c.value;
            return (env) => a(env) === v;
          }
          return (env) => a(env) === b(env);
        }
        return (env) => valuesEqual(a(env), b(env));
      }
      case 'builtin':
        return this.builtin(e, primed);
      case 'seqLit':
        return evalAll(e.elems.map((x) => this.compile(x, primed)));
      case 'setLit': {
        const parts = e.elems.map((x) => this.compile(x, primed));
        if (parts.length === 0) return () => EMPTY;
        return (env) => makeSet(parts.map((p) => p(env)));
      }
      case 'mapLit': {
        const keys = e.entries.map((x) => this.compile(x.key, primed));
        const vals = e.entries.map((x) => this.compile(x.value, primed));
        if (keys.length === 0) return () => EMPTY_MAP;
        return (env) =>
          makeMap(
            keys.map((k) => k(env)),
            vals.map((v) => v(env)),
          );
      }
      case 'tuple':
        return evalAll(e.elems.map((x) => this.compile(x, primed)));
      case 'tupleGet': {
        const t = this.compile(e.tuple, primed);
        const i = e.index;
        return (env) => (t(env) as readonly Value[])[i]!;
      }
      case 'record':
        return evalAll(e.fields.map((x) => this.compile(x, primed)));
      case 'field': {
        const i = this.fieldIndex(e.record, e.field, e);
        if (e.target.kind === 'ref' && e.target.ref.kind === 'local') {
          const s = this.slotOf(e.target.ref.binder);
          return (env) => (env[s] as readonly Value[])[i]!;
        }
        const t = this.compile(e.target, primed);
        return (env) => (t(env) as readonly Value[])[i]!;
      }
      case 'with': {
        const t = this.compile(e.target, primed);
        const updates = e.updates.map((u) => ({ at: this.fieldIndex(e.record, u.field, e), value: this.compile(u.value, primed) }));
        return (env) => {
          const out = (t(env) as readonly Value[]).slice();
          for (const u of updates) out[u.at] = u.value(env);
          return out;
        };
      }
      case 'ctor':
        return this.ctor(e, primed);
      case 'some': {
        const a = this.compile(e.arg, primed);
        return (env) => [a(env)];
      }
      case 'none':
        return () => null;
      case 'is': {
        const a = this.compile(e.arg, primed);
        if (e.arg.type.kind === 'option') return e.ctor === 'Some' ? (env) => a(env) !== null : (env) => a(env) === null;
        const tag = this.ctorIndex(e.arg.type, e.ctor, e);
        if (this.plainEnum(e.arg.type)) return (env) => a(env) === tag;
        return (env) => (a(env) as readonly Value[])[0] === tag;
      }
      case 'match':
        return this.match(e, primed);
      case 'if': {
        const c = this.compile(e.cond, primed);
        const t = this.compile(e.then, primed);
        const f = this.compile(e.else, primed);
        return (env) => (c(env) ? t(env) : f(env));
      }
      case 'let': {
        const v = this.compile(e.value, primed);
        const s = this.slotOf(e.binder);
        const body = this.compile(e.body, primed);
        return (env) => {
          env[s] = v(env);
          return body(env);
        };
      }
      case 'quant':
        return this.quant(e, primed);
      case 'setFilter': {
        const src = this.compile(e.source, primed);
        const s = this.slotOf(e.binder);
        const pred = this.compile(e.pred, primed);
        return (env) => {
          const out: Value[] = [];
          for (const x of src(env) as readonly Value[]) {
            env[s] = x;
            if (pred(env)) out.push(x);
          }
          return e.type.kind === 'set' ? makeSet(out) : out;
        };
      }
      case 'setImage': {
        const src = this.compile(e.source, primed);
        const s = this.slotOf(e.binder);
        const body = this.compile(e.body, primed);
        return (env) => {
          const out: Value[] = [];
          for (const x of src(env) as readonly Value[]) {
            env[s] = x;
            out.push(body(env));
          }
          return e.type.kind === 'set' ? makeSet(out) : out;
        };
      }
      case 'mapComp': {
        const dom = this.compile(e.domain, primed);
        const s = this.slotOf(e.binder);
        const body = this.compile(e.body, primed);
        const sortedDomain = e.domain.type.kind === 'set';
        return (env) => {
          const keys = dom(env) as readonly Value[];
          const vals: Value[] = new Array<Value>(keys.length);
          for (let i = 0; i < keys.length; i++) {
            env[s] = keys[i]!;
            vals[i] = body(env);
          }
          return sortedDomain ? new KMap(keys, vals) : makeMap(keys.slice(), vals);
        };
      }
      case 'enabled':
        if (e.arg.kind === 'action' && this.enabledOf) return this.enabledOf(e.arg.instance, e.span);
        break;
      case 'apply':
      case 'always':
      case 'eventually':
      case 'leadsTo':
      case 'action':
      case 'fairness':
        break;
    }
    throw new CompileError('KSP203', `the model checker cannot evaluate ${describe(e)} here`, e.span);
  }

  private ref(e: ExprOf<'ref'>, primed: boolean): Fn {
    const r = e.ref;
    switch (r.kind) {
      case 'var': {
        const i = this.varIndex(r.name, e.span) + (primed ? this.nvars : 0);
        return (env) => env[i]!;
      }
      case 'const': {
        const v = this.constant(r.name, e.span);
        return () => v;
      }
      case 'local': {
        const s = this.slotOf(r.binder);
        return (env) => env[s]!;
      }
    }
  }

  private call(e: ExprOf<'call'>, primed: boolean): Fn {
    const decl = this.program.defs.get(e.def);
    if (!decl?.body) throw new CompileError('KSP203', `${e.def} has no body (an abstract def): bind it in an instance to model-check`, e.span);
    const params = decl.params.map((p) => this.slotOf(p));
    const args = e.args.map((a) => this.compile(a, primed));
    const key = `${primed ? "'" : ''}${e.def}`;
    let entry = this.defFns.get(key);
    if (!entry) {
      entry = { fn: undefined };
      this.defFns.set(key, entry);
      entry.fn = this.compile(decl.body, primed);
    }
    const def = entry;
    if (decl.decreases !== undefined) {
      // A recursive def reuses its binders' slots on every level: save and restore them.
      const own = [...params, ...bindersIn(decl.body).map((b) => this.slotOf(b))];
      return (env) => {
        const values = args.map((a) => a(env));
        const saved = own.map((s) => env[s]!);
        for (let i = 0; i < params.length; i++) env[params[i]!] = values[i]!;
        try {
          return def.fn!(env);
        } finally {
          for (let i = 0; i < own.length; i++) env[own[i]!] = saved[i]!;
        }
      };
    }
    if (args.length === 0) return (env) => def.fn!(env);
    if (args.length === 1) {
      const a0 = args[0]!;
      const p0 = params[0]!;
      return (env) => {
        env[p0] = a0(env);
        return def.fn!(env);
      };
    }
    return (env) => {
      const values = args.map((a) => a(env));
      for (let i = 0; i < params.length; i++) env[params[i]!] = values[i]!;
      return def.fn!(env);
    };
  }

  private logic(e: ExprOf<'logic'>, primed: boolean): Fn {
    const a = this.compile(e.left, primed);
    const b = this.compile(e.right, primed);
    switch (e.op) {
      case '&&':
        return (env) => (a(env) ? b(env) : false);
      case '||':
        return (env) => (a(env) ? true : b(env));
      case '==>':
        return (env) => (a(env) ? b(env) : true);
      case '<==>':
        return (env) => a(env) === b(env);
    }
  }

  private arith(e: ExprOf<'arith'>, primed: boolean): Fn {
    const a = this.compile(e.left, primed);
    const b = this.compile(e.right, primed);
    const span = e.span;
    switch (e.op) {
      case '+':
        return (env) => intAdd(a(env) as Int, b(env) as Int);
      case '-':
        return (env) => intSub(a(env) as Int, b(env) as Int);
      case '*':
        return (env) => intMul(a(env) as Int, b(env) as Int);
      case '/':
        return (env) => intDivMod(a(env) as Int, b(env) as Int, span)[0];
      case '%':
        return (env) => intDivMod(a(env) as Int, b(env) as Int, span)[1];
    }
  }

  private builtin(e: ExprOf<'builtin'>, primed: boolean): Fn {
    const args = e.args.map((a) => this.compile(a, primed));
    const [a, b, c] = args as [Fn, Fn, Fn];
    const span = e.span;
    switch (e.op) {
      case 'seq.len':
      case 'string.len':
        return (env) => (a(env) as readonly Value[] | string).length;
      case 'seq.index':
        return (env) => {
          const s = a(env) as readonly Value[];
          const i = b(env) as Int;
          if (typeof i !== 'number' || i < 0 || i >= s.length)
            throw new EvalError('KSP206', `sequence index ${String(i)} is out of range (length ${s.length})`, span);
          return s[i]!;
        };
      case 'seq.push':
        return (env) => [...(a(env) as readonly Value[]), b(env)];
      case 'seq.concat':
        return (env) => (a(env) as readonly Value[]).concat(b(env) as readonly Value[]);
      case 'string.concat':
        return (env) => (a(env) as string) + (b(env) as string);
      case 'seq.contains':
        return (env) => {
          const x = b(env);
          return (a(env) as readonly Value[]).some((y) => valuesEqual(x, y));
        };
      case 'set.in': {
        const swapped = e.args[0]!.type.kind === 'set' && e.args[1]!.type.kind !== 'set';
        const [elem, set] = swapped ? [b, a] : [a, b];
        const cmp = this.comparator(e.args[swapped ? 1 : 0]!.type);
        return (env) => setHas(set(env) as readonly Value[], elem(env), cmp);
      }
      case 'map.in': {
        const swapped = e.args[0]!.type.kind === 'map';
        const [key, map] = swapped ? [b, a] : [a, b];
        const cmp = this.comparator(e.args[swapped ? 1 : 0]!.type);
        return (env) => mapLookup(map(env) as KMap, key(env), cmp) >= 0;
      }
      case 'set.add': {
        const cmp = this.comparator(e.args[1]!.type);
        return (env) => setAdd(a(env) as readonly Value[], b(env), cmp);
      }
      case 'set.remove': {
        const cmp = this.comparator(e.args[1]!.type);
        return (env) => setRemove(a(env) as readonly Value[], b(env), cmp);
      }
      case 'set.union':
        return (env) => setUnion(a(env) as readonly Value[], b(env) as readonly Value[]);
      case 'set.intersect':
        return (env) => setIntersect(a(env) as readonly Value[], b(env) as readonly Value[]);
      case 'set.minus':
        return (env) => setMinus(a(env) as readonly Value[], b(env) as readonly Value[]);
      case 'set.subset':
        return (env) => setSubset(a(env) as readonly Value[], b(env) as readonly Value[]);
      case 'set.size':
        return (env) => (a(env) as readonly Value[]).length;
      case 'set.range':
        return (env) => intRange(a(env) as Int, b(env) as Int, span);
      case 'map.index': {
        const keyType = e.args[1]!.type;
        const cmp = this.comparator(keyType);
        return (env) => {
          const m = a(env) as KMap;
          const k = b(env);
          const i = mapLookup(m, k, cmp);
          if (i < 0) throw new EvalError('KSP205', `map index outside the domain: ${showValue(k, keyType, this.program)} is not a key of the map`, span);
          return m.vals[i]!;
        };
      }
      case 'map.get': {
        const cmp = this.comparator(e.args[1]!.type);
        return (env) => {
          const m = a(env) as KMap;
          const i = mapLookup(m, b(env), cmp);
          return i < 0 ? null : [m.vals[i]!];
        };
      }
      case 'map.insert': {
        const cmp = this.comparator(e.args[1]!.type);
        return (env) => mapInsert(a(env) as KMap, b(env), c(env), cmp);
      }
      case 'map.remove': {
        const cmp = this.comparator(e.args[1]!.type);
        return (env) => mapRemove(a(env) as KMap, b(env), cmp);
      }
      case 'map.keys':
        return (env) => (a(env) as KMap).keys;
    }
  }

  private ctor(e: ExprOf<'ctor'>, primed: boolean): Fn {
    const decl = this.program.enums.get(e.enumName);
    const tag = decl ? decl.ctors.findIndex((c) => c.name === e.ctor) : -1;
    if (tag < 0) throw new CompileError('KSP203', `unknown constructor ${e.ctor} of ${e.enumName}`, e.span);
    if (isPlainEnum(decl!)) return () => tag;
    if (e.args.length === 0) {
      const v = Object.freeze([tag]) as readonly Value[];
      return () => v;
    }
    const args = e.args.map((a) => this.compile(a, primed));
    return (env) => {
      const out: Value[] = [tag];
      for (const a of args) out.push(a(env));
      return out;
    };
  }

  private match(e: ExprOf<'match'>, primed: boolean): Fn {
    const scrutinee = this.compile(e.scrutinee, primed);
    interface Arm {
      readonly slots: readonly (number | undefined)[];
      readonly body: Fn;
    }
    const compileArm = (arm: (typeof e.arms)[number]): Arm => ({
      slots: arm.binders.map((b) => (b ? this.slotOf(b) : undefined)),
      body: this.compile(arm.body, primed),
    });
    const wildcard = e.arms.find((a) => a.ctor === undefined);
    const fallback = wildcard ? compileArm(wildcard) : undefined;
    const isOption = e.scrutinee.type.kind === 'option';
    const ctorNames = isOption ? ['None', 'Some'] : (this.program.enums.get((e.scrutinee.type as { name: QName }).name)?.ctors.map((c) => c.name) ?? []);
    const table: (Arm | undefined)[] = ctorNames.map(() => fallback);
    for (const arm of e.arms) {
      if (arm.ctor === undefined) continue;
      const i = ctorNames.indexOf(arm.ctor);
      if (i < 0) throw new CompileError('KSP203', `unknown constructor ${arm.ctor} in match`, arm.span);
      if (table[i] === fallback) table[i] = compileArm(arm);
    }
    const span = e.span;
    const plain = !isOption && this.plainEnum(e.scrutinee.type);
    return (env) => {
      const v = scrutinee(env);
      let arm: Arm | undefined;
      let payload: readonly Value[];
      if (isOption) {
        arm = table[v === null ? 0 : 1];
        payload = v === null ? EMPTY : (v as readonly Value[]);
        // Some(x) is [x]: its payload starts at 0, an enum's after the tag.
        if (arm) for (let i = 0; i < arm.slots.length; i++) if (arm.slots[i] !== undefined) env[arm.slots[i]!] = payload[i]!;
      } else if (plain) {
        arm = table[v as number];
      } else {
        payload = v as readonly Value[];
        arm = table[payload[0] as number];
        if (arm) for (let i = 0; i < arm.slots.length; i++) if (arm.slots[i] !== undefined) env[arm.slots[i]!] = payload[i + 1]!;
      }
      if (!arm) throw new EvalError('KSP203', 'no match arm for this value', span);
      return arm.body(env);
    };
  }

  private quant(e: ExprOf<'quant'>, primed: boolean): Fn {
    const s = this.slotOf(e.binder);
    const body = this.compile(e.body, primed);
    const fixed = e.domain ? undefined : this.valuesOf(e.binder.type, e.span);
    const domain = e.domain ? this.compile(e.domain, primed) : () => fixed!;
    if (e.quantifier === 'forall') {
      return (env) => {
        const xs = domain(env) as readonly Value[];
        for (let i = 0; i < xs.length; i++) {
          env[s] = xs[i]!;
          if (!body(env)) return false;
        }
        return true;
      };
    }
    return (env) => {
      const xs = domain(env) as readonly Value[];
      for (let i = 0; i < xs.length; i++) {
        env[s] = xs[i]!;
        if (body(env)) return true;
      }
      return false;
    };
  }

  fieldIndex(record: QName, field: string, at: Expr): number {
    const i = this.program.records.get(record)?.fields.findIndex((f) => f.name === field) ?? -1;
    if (i < 0) throw new CompileError('KSP203', `record ${record} has no field ${field}`, at.span);
    return i;
  }

  /** A comparator that orders values of `type` exactly as compareValues does, but faster. */
  private comparator(type: Type): Comparator {
    const primitive = (t: Type) => t.kind === 'bool' || t.kind === 'int' || t.kind === 'string' || this.plainEnum(t);
    if (primitive(type)) return comparePrimitives;
    const parts = type.kind === 'tuple' ? type.elems : type.kind === 'record' ? this.program.records.get(type.name)?.fields.map((f) => f.type) : undefined;
    if (parts && parts.every(primitive)) return comparePrimitiveArrays;
    return compareValues;
  }

  /** The value of a literal or a constant, known at compile time. */
  private literal(e: Expr): { value: Value } | undefined {
    switch (e.kind) {
      case 'bool':
      case 'string':
        return { value: e.value };
      case 'int':
        return { value: normInt(e.value) };
      case 'ctor':
        return e.args.length === 0 && this.plainEnum(e.type) ? { value: this.ctorIndex(e.type, e.ctor, e) } : undefined;
      case 'ref':
        return e.ref.kind === 'const' ? { value: this.constant(e.ref.name, e.span) } : undefined;
      default:
        return undefined;
    }
  }

  private plainEnum(type: Type): boolean {
    const decl = type.kind === 'enum' ? this.program.enums.get(type.name) : undefined;
    return decl !== undefined && isPlainEnum(decl);
  }

  private ctorIndex(type: Type, ctor: string, at: Expr): number {
    const decl = type.kind === 'enum' ? this.program.enums.get(type.name) : undefined;
    const i = decl ? decl.ctors.findIndex((c) => c.name === ctor) : -1;
    if (i < 0) throw new CompileError('KSP203', `unknown constructor ${ctor}`, at.span);
    return i;
  }
}

/** An array of the parts' values (records, tuples, sequence literals). */
function evalAll(parts: readonly Fn[]): Fn {
  const n = parts.length;
  return (env) => {
    const out: Value[] = new Array<Value>(n);
    for (let i = 0; i < n; i++) out[i] = parts[i]!(env);
    return out;
  };
}

function intRange(lo: Int, hi: Int, span: Expr['span']): readonly Value[] {
  if (compareValues(lo, hi) > 0) return EMPTY;
  const size = BigInt(hi) - BigInt(lo) + 1n;
  if (size > BigInt(MAX_ENUMERATION)) throw new EvalError('KSP203', `the range has ${size} elements, more than the model checker enumerates`, span);
  const out: Value[] = [];
  for (let i = lo; compareValues(i, hi) <= 0; i = intAdd(i, 1)) out.push(i);
  return out;
}

function describe(e: Expr): string {
  switch (e.kind) {
    case 'apply':
      return 'an application of a schematic parameter';
    case 'action':
      return 'an action formula';
    case 'enabled':
      return '`enabled(...)`';
    case 'fairness':
      return 'a fairness formula';
    default:
      return 'a temporal formula';
  }
}
