// Operations on IR formulas that the kernel's judgements rest on: canonical keys (equal keys
// mean the formulas are equal up to renaming of bound names and the normalisation below, hence
// equivalent), capture-avoiding substitution, free names and structural levels.
//
// Normalisation (each step preserves meaning in every state and step, so equal keys are
// equivalent formulas): `&&` and `||` are flattened, their operands sorted and repeated ones
// dropped (associativity, commutativity, idempotence); `!!p` is `p`; `a == b` and `b == a` are
// one key; `a > b` is `b < a` and `a >= b` is `b <= a`; `p ==> q` is kept as written. Spans, node ids and the names of bound variables never
// reach a key.
import { exprChildren, typeToString, type Binder, type Expr, type ExprNode, type Level, type Program, type QName, type Type } from '../ir/index.js';
import type { Span } from '../diagnostics/index.js';

const ORDER: Readonly<Record<Level, number>> = { constant: 0, state: 1, action: 2, temporal: 3 };

export function maxLevel(...levels: readonly Level[]): Level {
  return levels.reduce<Level>((a, b) => (ORDER[b] > ORDER[a] ? b : a), 'constant');
}

export function levelAtMost(e: Expr, level: Level): boolean {
  return ORDER[levelOf(e)] <= ORDER[level];
}

/** The level of a formula from its structure (after substitution the recorded levels may overstate it). */
export function levelOf(e: Expr): Level {
  switch (e.kind) {
    case 'always':
    case 'eventually':
    case 'leadsTo':
    case 'fairness':
      return 'temporal';
    case 'action':
      return maxLevel('action', ...exprChildren(e).map(levelOf));
    case 'prime':
      return maxLevel('action', levelOf(e.arg));
    case 'enabled':
      return 'state';
    case 'ref':
      if (e.ref.kind === 'var') return 'state';
      if (e.ref.kind === 'const') return 'constant';
      return e.ref.binder.level ?? 'constant';
    case 'call':
      return maxLevel(e.level, ...e.args.map(levelOf));
    case 'apply':
      return maxLevel(e.fn.level ?? 'constant', ...e.args.map(levelOf));
    default:
      return maxLevel(...exprChildren(e).map(levelOf));
  }
}

/** Does the formula contain a temporal operator (so it cannot be an atom's first-order meaning)? */
export function isTemporal(e: Expr): boolean {
  return levelOf(e) === 'temporal';
}

// ---------------------------------------------------------------------------------------------
// Canonical keys

type Scope = ReadonlyMap<number, number>;

function bindAll(scope: Scope, binders: readonly (Binder | undefined)[]): Scope {
  const next = new Map(scope);
  for (const b of binders) if (b) next.set(b.id, next.size + 1_000_000);
  return next;
}

/**
 * How a key spells the global names of a formula. The default keeps them (types by their short
 * names); src/kernel/instances.ts reads a generic module's formula as its instance would say it.
 */
export interface KeyNames {
  readonly name: (q: QName) => QName;
  readonly type: (t: Type) => string;
  /** the key of the value a constant stands for, when it is replaced by one */
  readonly constant: (q: QName) => string | undefined;
}

const AS_WRITTEN: KeyNames = { name: (q) => q, type: (t) => typeToString(t), constant: () => undefined };

/** The key of a formula up to bound names and the normalisation described at the top. */
export function canonicalKey(e: Expr): string {
  return key(e, new Map(), AS_WRITTEN);
}

/** The key of a formula with its global names spelled by `names` (see KeyNames). */
export function renamedKey(e: Expr, names: KeyNames): string {
  return key(e, new Map(), names);
}

function key(e: Expr, scope: Scope, names: KeyNames): string {
  const k = (x: Expr): string => key(x, scope, names);
  const ty = names.type;
  const q = names.name;
  switch (e.kind) {
    case 'bool':
      return e.value ? 'T' : 'F';
    case 'int':
      return `i${e.value}`;
    case 'string':
      return `s${JSON.stringify(e.value)}`;
    case 'ref': {
      const r = e.ref;
      if (r.kind === 'var') return `v(${q(r.machine)}.${r.name})`;
      if (r.kind === 'const') return names.constant(r.name) ?? `c(${q(r.name)})`;
      const bound = scope.get(r.binder.id);
      return bound !== undefined ? `b${bound - 1_000_000}` : `l${r.binder.id}`;
    }
    case 'prime':
      return `'(${k(e.arg)})`;
    case 'call':
      return `call(${q(e.def)};${e.args.map(k).join(';')})`;
    case 'apply': {
      const bound = scope.get(e.fn.id);
      return `app(${bound !== undefined ? `b${bound}` : `l${e.fn.id}`};${e.args.map(k).join(';')})`;
    }
    case 'not':
      return e.arg.kind === 'not' ? k(e.arg.arg) : `!(${k(e.arg)})`;
    case 'neg':
      return `neg(${k(e.arg)})`;
    case 'logic': {
      if (e.op === '&&' || e.op === '||') {
        const parts = [...new Set(flatten(e, e.op).map(k))].sort();
        return parts.length === 1 ? parts[0]! : `${e.op}(${parts.join(';')})`;
      }
      if (e.op === '<==>') return `<=>(${[k(e.left), k(e.right)].sort().join(';')})`;
      return `=>(${k(e.left)};${k(e.right)})`;
    }
    case 'arith':
      return `${e.op}(${k(e.left)};${k(e.right)})`;
    case 'compare':
      // `a > b` is `b < a`, `a >= b` is `b <= a`
      return e.op === '>' || e.op === '>=' ? `${e.op === '>' ? '<' : '<='}(${k(e.right)};${k(e.left)})` : `${e.op}(${k(e.left)};${k(e.right)})`;
    case 'eq':
      return `=(${[k(e.left), k(e.right)].sort().join(';')})`;
    case 'builtin':
      return `${e.op}(${e.args.map(k).join(';')})`;
    case 'seqLit':
      return `seq<${ty(e.type)}>(${e.elems.map(k).join(';')})`;
    case 'setLit':
      return `set<${ty(e.type)}>(${e.elems.map(k).join(';')})`;
    case 'mapLit':
      return `map<${ty(e.type)}>(${e.entries.map((x) => `${k(x.key)}:${k(x.value)}`).join(';')})`;
    case 'tuple':
      return `tuple(${e.elems.map(k).join(';')})`;
    case 'tupleGet':
      return `get${e.index}(${k(e.tuple)})`;
    case 'record':
      return `rec(${q(e.record)};${e.fields.map(k).join(';')})`;
    case 'field':
      return `fld(${q(e.record)}.${e.field};${k(e.target)})`;
    case 'with':
      return `with(${k(e.target)};${e.updates.map((u) => `${u.field}:${k(u.value)}`).join(';')})`;
    case 'ctor':
      return `ctor(${q(e.enumName)}.${e.ctor};${e.args.map(k).join(';')})`;
    case 'some':
      return `some(${k(e.arg)})`;
    case 'none':
      return `none<${ty(e.type)}>`;
    case 'is':
      return `is(${e.ctor};${k(e.arg)})`;
    case 'match':
      return `match(${k(e.scrutinee)};${e.arms
        .map((a) => `${a.ctor ?? '_'}[${a.binders.map((b) => (b ? ty(b.type) : '_')).join(',')}]=>${key(a.body, bindAll(scope, a.binders), names)}`)
        .join(';')})`;
    case 'if':
      return `if(${k(e.cond)};${k(e.then)};${k(e.else)})`;
    case 'let':
      return `let(${k(e.value)};${key(e.body, bindAll(scope, [e.binder]), names)})`;
    case 'quant': {
      const inner = bindAll(scope, [e.binder]);
      return `${e.quantifier}<${ty(e.binder.type)}>(${e.domain ? k(e.domain) : ''};${key(e.body, inner, names)})`;
    }
    case 'setFilter':
      return `filter(${k(e.source)};${key(e.pred, bindAll(scope, [e.binder]), names)})`;
    case 'setImage':
      return `image(${k(e.source)};${key(e.body, bindAll(scope, [e.binder]), names)})`;
    case 'mapComp':
      return `mapc(${k(e.domain)};${key(e.body, bindAll(scope, [e.binder]), names)})`;
    case 'always':
      return `[](${k(e.arg)})`;
    case 'eventually':
      return `<>(${k(e.arg)})`;
    case 'leadsTo':
      return `~>(${k(e.left)};${k(e.right)})`;
    case 'action':
      return `act(${q(e.instance.machine)}.${e.instance.action};${e.instance.args.map((a) => (a ? k(a) : '*')).join(';')})`;
    case 'enabled':
      return `en(${k(e.arg)})`;
    case 'fairness':
      return `${e.strength === 'weak' ? 'WF' : 'SF'}(${k(e.arg)})`;
  }
}

/** The operands of a chain of `op` (`a && (b && c)` gives a, b, c). */
export function flatten(e: Expr, op: '&&' | '||'): Expr[] {
  return e.kind === 'logic' && e.op === op ? [...flatten(e.left, op), ...flatten(e.right, op)] : [e];
}

// ---------------------------------------------------------------------------------------------
// Free names and substitution

/** Ids of the bound names (quantifier variables, parameters) that occur free in `e`. */
export function freeBinders(e: Expr): Set<number> {
  const free = new Set<number>();
  const walk = (x: Expr, bound: ReadonlySet<number>): void => {
    if (x.kind === 'ref' && x.ref.kind === 'local' && !bound.has(x.ref.binder.id)) free.add(x.ref.binder.id);
    if (x.kind === 'apply' && !bound.has(x.fn.id)) free.add(x.fn.id);
    const inner = new Set(bound);
    for (const b of bindersOf(x)) inner.add(b.id);
    for (const c of exprChildren(x)) walk(c, inner);
  };
  walk(e, new Set());
  return free;
}

function bindersOf(e: Expr): Binder[] {
  switch (e.kind) {
    case 'let':
    case 'quant':
    case 'setFilter':
    case 'setImage':
    case 'mapComp':
      return [e.binder];
    case 'match':
      return e.arms.flatMap((a) => a.binders.filter((b): b is Binder => b !== undefined));
    default:
      return [];
  }
}

/** What a name is replaced by: a formula or value, or (for a function parameter) a def. */
export type Replacement = { readonly kind: 'expr'; readonly expr: Expr } | { readonly kind: 'def'; readonly def: QName; readonly level: Level };

// Fresh binder ids for renamed bound variables: far above the checker's ids, so no clash.
let nextFreshId = 1_000_000_000;

export function freshBinder(b: Binder): Binder {
  return { ...b, id: nextFreshId++ };
}

/**
 * `e` with every free occurrence of a name in `map` replaced. Every bound variable met on the way
 * is renamed to a fresh one, so no free name of a replacement can be captured.
 */
export function substitute(e: Expr, map: ReadonlyMap<number, Replacement>, unfold?: Unfolding): Expr {
  const s = (x: Expr, m: ReadonlyMap<number, Replacement>): Expr => substitute(x, m, unfold);
  const rebind = (b: Binder, m: ReadonlyMap<number, Replacement>): { binder: Binder; map: Map<number, Replacement> } => {
    const binder = freshBinder(b);
    const inner = new Map(m);
    inner.set(b.id, { kind: 'expr', expr: node({ kind: 'ref', ref: { kind: 'local', binder } }, b.span, b.type, b.level ?? 'constant') });
    return { binder, map: inner };
  };
  const out = ((): Expr => {
    switch (e.kind) {
      case 'ref': {
        if (e.ref.kind !== 'local') return e;
        const r = map.get(e.ref.binder.id);
        return r?.kind === 'expr' ? r.expr : e;
      }
      case 'call': {
        const args = e.args.map((a) => s(a, map));
        const def = unfold?.program.defs.get(e.def);
        if (unfold && def?.body && !def.decreases && unfold.depth < 8) {
          const params = new Map(def.params.map((p, i): [number, Replacement] => [p.id, { kind: 'expr', expr: args[i]! }]));
          return substitute(def.body, params, { ...unfold, depth: unfold.depth + 1 });
        }
        return { ...e, args };
      }
      case 'apply': {
        const args = e.args.map((a) => s(a, map));
        const r = map.get(e.fn.id);
        if (r?.kind === 'def') return { ...e, kind: 'call', def: r.def, args, level: maxLevel(r.level, ...args.map(levelOf)) } as Expr;
        if (r?.kind === 'expr' && r.expr.kind === 'ref' && r.expr.ref.kind === 'local') return { ...e, fn: r.expr.ref.binder, args };
        return { ...e, args };
      }
      case 'let': {
        const { binder, map: m } = rebind(e.binder, map);
        return { ...e, binder, value: s(e.value, map), body: s(e.body, m) };
      }
      case 'quant': {
        const { binder, map: m } = rebind(e.binder, map);
        return { ...e, binder, ...(e.domain ? { domain: s(e.domain, map) } : {}), body: s(e.body, m) };
      }
      case 'setFilter': {
        const { binder, map: m } = rebind(e.binder, map);
        return { ...e, binder, source: s(e.source, map), pred: s(e.pred, m) };
      }
      case 'setImage': {
        const { binder, map: m } = rebind(e.binder, map);
        return { ...e, binder, source: s(e.source, map), body: s(e.body, m) };
      }
      case 'mapComp': {
        const { binder, map: m } = rebind(e.binder, map);
        return { ...e, binder, domain: s(e.domain, map), body: s(e.body, m) };
      }
      case 'match':
        return {
          ...e,
          scrutinee: s(e.scrutinee, map),
          arms: e.arms.map((arm) => {
            let m = new Map(map);
            const binders = arm.binders.map((b) => {
              if (!b) return undefined;
              const r = rebind(b, m);
              m = r.map;
              return r.binder;
            });
            return { ...arm, binders, body: s(arm.body, m) };
          }),
        };
      default:
        return mapChildren(e, (c) => s(c, map));
    }
  })();
  return out === e ? e : { ...out, level: levelOf(out) };
}

/** Unfolding calls of defined, non-recursive defs (their bodies are equal to them). */
export interface Unfolding {
  readonly program: Program;
  readonly depth: number;
}

/** `e` with every call of a defined, non-recursive def replaced by its body (to a bounded depth). */
export function unfoldDefs(e: Expr, program: Program): Expr {
  return substitute(e, new Map(), { program, depth: 0 });
}

/** `e` with each direct sub-expression replaced by `f` of it (binding constructs are handled by the caller). */
function mapChildren(e: Expr, f: (x: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'bool':
    case 'int':
    case 'string':
    case 'ref':
    case 'none':
    case 'apply':
    case 'let':
    case 'quant':
    case 'setFilter':
    case 'setImage':
    case 'mapComp':
    case 'match':
      return e;
    case 'prime':
    case 'not':
    case 'neg':
    case 'some':
    case 'always':
    case 'eventually':
    case 'enabled':
    case 'fairness':
    case 'is':
      return { ...e, arg: f(e.arg) };
    case 'call':
    case 'builtin':
    case 'ctor':
      return { ...e, args: e.args.map(f) };
    case 'logic':
    case 'arith':
    case 'compare':
    case 'eq':
    case 'leadsTo':
      return { ...e, left: f(e.left), right: f(e.right) };
    case 'seqLit':
    case 'setLit':
    case 'tuple':
      return { ...e, elems: e.elems.map(f) };
    case 'mapLit':
      return { ...e, entries: e.entries.map((x) => ({ key: f(x.key), value: f(x.value) })) };
    case 'tupleGet':
      return { ...e, tuple: f(e.tuple) };
    case 'record':
      return { ...e, fields: e.fields.map(f) };
    case 'field':
      return { ...e, target: f(e.target) };
    case 'with':
      return { ...e, target: f(e.target), updates: e.updates.map((u) => ({ field: u.field, value: f(u.value) })) };
    case 'if':
      return { ...e, cond: f(e.cond), then: f(e.then), else: f(e.else) };
    case 'action':
      return { ...e, instance: { ...e.instance, args: e.instance.args.map((a) => (a ? f(a) : undefined)) } };
  }
}

// ---------------------------------------------------------------------------------------------
// Building formulas (the kernel states premises and conclusions with these)

const BOOL: Type = { kind: 'bool' };

/** A formula node the kernel builds; `id` -1 marks it as not from the source. */
export function node(n: ExprNode, span: Span, type: Type = BOOL, level?: Level): Expr {
  const e = { ...n, id: -1, span, type, level: 'constant' } as Expr;
  return { ...e, level: level ?? levelOf(e) } as Expr;
}

export const mkLogic = (op: '&&' | '||' | '==>', l: Expr, r: Expr): Expr => node({ kind: 'logic', op, left: l, right: r }, l.span);
export const mkAlways = (a: Expr): Expr => node({ kind: 'always', arg: a }, a.span);
export const mkLeadsTo = (l: Expr, r: Expr): Expr => node({ kind: 'leadsTo', left: l, right: r }, l.span);
export const mkEnabled = (a: Expr): Expr => node({ kind: 'enabled', arg: a }, a.span);
export const mkPrime = (a: Expr): Expr => node({ kind: 'prime', arg: a }, a.span);
/** A reference to a rigid bound name (a quantifier's variable, an eigenvariable). */
export const mkLocalRef = (b: Binder, span: Span): Expr => node({ kind: 'ref', ref: { kind: 'local', binder: b } }, span, b.type, 'constant');
/** `x in D` for a Set or Seq `D`; undefined for any other collection. */
export function mkMembership(x: Expr, d: Expr): Expr | undefined {
  if (d.type.kind === 'set') return node({ kind: 'builtin', op: 'set.in', args: [x, d] }, d.span);
  if (d.type.kind === 'seq') return node({ kind: 'builtin', op: 'seq.contains', args: [d, x] }, d.span);
  return undefined;
}
