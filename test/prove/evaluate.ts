// A direct evaluator of IR expressions over counterexample values, independent of the SMT
// encoding, so tests can check that a reported counterexample really violates the spec.
import type { Expr, Program } from '../../src/ir/index.js';
import { printValue, type KValue } from '../../src/prove/index.js';

export interface EvalEnv {
  readonly program: Program;
  readonly state: ReadonlyMap<string, KValue>;
  readonly next?: ReadonlyMap<string, KValue>;
  readonly consts: ReadonlyMap<string, KValue>;
  readonly locals: ReadonlyMap<number, KValue>;
  readonly primed?: boolean;
}

const key = (v: KValue): string => {
  if (v.kind === 'set') return `{${v.elems.map(key).sort().join(',')}}`;
  if (v.kind === 'map') return `M{${v.entries.map(([k, x]) => `${key(k)}:${key(x)}`).sort().join(',')}}`;
  return printValue(v);
};
export const sameValue = (a: KValue, b: KValue): boolean => key(a) === key(b);

const int = (v: KValue): bigint => {
  if (v.kind !== 'int') throw new Error(`not an Int: ${printValue(v)}`);
  return v.value;
};
const bool = (v: KValue): boolean => {
  if (v.kind !== 'bool') throw new Error(`not a Bool: ${printValue(v)}`);
  return v.value;
};
const B = (value: boolean): KValue => ({ kind: 'bool', value });
const I = (value: bigint): KValue => ({ kind: 'int', value });

function euclid(a: bigint, b: bigint): [bigint, bigint] {
  if (b === 0n) throw new Error('division by zero');
  const m = b < 0n ? -b : b;
  const r = ((a % m) + m) % m;
  return [(a - r) / b, r];
}

function members(v: KValue): KValue[] {
  if (v.kind === 'set') {
    if (!v.complete) throw new Error('infinite set');
    return [...v.elems];
  }
  if (v.kind === 'seq') return [...v.elems];
  if (v.kind === 'map') return v.entries.map(([k]) => k);
  throw new Error('not a collection');
}

export function evaluate(e: Expr, env: EvalEnv): KValue {
  const ev = (x: Expr, inner: EvalEnv = env) => evaluate(x, inner);
  switch (e.kind) {
    case 'bool':
      return B(e.value);
    case 'int':
      return I(e.value);
    case 'string':
      return { kind: 'string', value: e.value };
    case 'ref': {
      const r = e.ref;
      const found = r.kind === 'var' ? (env.primed ? env.next : env.state)?.get(r.name) : r.kind === 'const' ? env.consts.get(r.name.slice(r.name.lastIndexOf('.') + 1)) : env.locals.get(r.binder.id);
      if (!found) throw new Error(`no value for ${JSON.stringify(r)}`);
      return found;
    }
    case 'prime':
      return ev(e.arg, { ...env, primed: true });
    case 'not':
      return B(!bool(ev(e.arg)));
    case 'neg':
      return I(-int(ev(e.arg)));
    case 'logic': {
      const l = bool(ev(e.left));
      if (e.op === '&&') return B(l && bool(ev(e.right)));
      if (e.op === '||') return B(l || bool(ev(e.right)));
      if (e.op === '==>') return B(!l || bool(ev(e.right)));
      return B(l === bool(ev(e.right)));
    }
    case 'arith': {
      const a = int(ev(e.left));
      const b = int(ev(e.right));
      if (e.op === '+') return I(a + b);
      if (e.op === '-') return I(a - b);
      if (e.op === '*') return I(a * b);
      return I(euclid(a, b)[e.op === '/' ? 0 : 1]);
    }
    case 'compare': {
      const a = int(ev(e.left));
      const b = int(ev(e.right));
      return B(e.op === '<' ? a < b : e.op === '<=' ? a <= b : e.op === '>' ? a > b : a >= b);
    }
    case 'eq':
      return B(sameValue(ev(e.left), ev(e.right)));
    case 'if':
      return bool(ev(e.cond)) ? ev(e.then) : ev(e.else);
    case 'let':
      return ev(e.body, { ...env, locals: new Map([...env.locals, [e.binder.id, ev(e.value)]]) });
    case 'setLit':
      return { kind: 'set', elems: e.elems.map((x) => ev(x)), complete: true };
    case 'seqLit':
      return { kind: 'seq', elems: e.elems.map((x) => ev(x)) };
    case 'mapLit':
      return { kind: 'map', entries: e.entries.map((x) => [ev(x.key), ev(x.value)] as const), complete: true };
    case 'quant': {
      if (!e.domain) throw new Error('unbounded quantifier');
      const results = members(ev(e.domain)).map((m) => bool(ev(e.body, { ...env, locals: new Map([...env.locals, [e.binder.id, m]]) })));
      return B(e.quantifier === 'forall' ? results.every(Boolean) : results.some(Boolean));
    }
    case 'builtin': {
      const args = e.args.map((x) => ev(x));
      const [a, b, c] = args;
      switch (e.op) {
        case 'set.in':
        case 'map.in':
          return B(members(b!).some((m) => sameValue(m, a!)));
        case 'set.range': {
          const elems: KValue[] = [];
          for (let i = int(a!); i <= int(b!); i++) elems.push(I(i));
          return { kind: 'set', elems, complete: true };
        }
        case 'set.add':
          return { kind: 'set', elems: [...members(a!), b!], complete: true };
        case 'map.index': {
          if (a!.kind !== 'map') throw new Error('not a map');
          const hit = a!.entries.find(([k]) => sameValue(k, b!));
          if (!hit) throw new Error('map read outside its domain');
          return hit[1];
        }
        case 'map.insert': {
          if (a!.kind !== 'map') throw new Error('not a map');
          return { kind: 'map', entries: [...a!.entries.filter(([k]) => !sameValue(k, b!)), [b!, c!]], complete: true };
        }
        case 'map.keys':
          return { kind: 'set', elems: members(a!), complete: true };
        case 'seq.len':
          return I(BigInt(members(a!).length));
        default:
          throw new Error(`evaluator does not support ${e.op}`);
      }
    }
    default:
      throw new Error(`evaluator does not support ${e.kind}`);
  }
}
