// Z3 models read back as plain values. A model is a list of define-funs whose bodies use a small
// language (literals, constructors, ite, =, store, const arrays, lambdas, as-array references to
// other model functions); this evaluates it, enumerating arrays as a finite table plus a default.
import { isList, parseSexps, printSx, symbolOf, type Sx } from './sexp.js';
import { quoted, stringOfConstant } from '../smt/index.js';

export type SmtValue =
  | { readonly k: 'int'; readonly v: bigint }
  | { readonly k: 'bool'; readonly v: boolean }
  /** `symbol`: the constant naming it, when String is an uninterpreted sort */
  | { readonly k: 'str'; readonly v: string; readonly symbol?: string }
  | { readonly k: 'dt'; readonly ctor: string; readonly args: readonly SmtValue[] }
  | { readonly k: 'seq'; readonly elems: readonly SmtValue[] }
  /** `dflt` undefined: the value outside `entries` could not be determined */
  | { readonly k: 'array'; readonly entries: readonly (readonly [SmtValue, SmtValue])[]; readonly dflt?: SmtValue }
  /** a value the evaluator does not interpret (an element of an uninterpreted sort, …) */
  | { readonly k: 'opaque'; readonly text: string }
  /** the stand-in for "any key not listed" while enumerating an array */
  | { readonly k: 'other' };

interface ModelFun {
  readonly params: readonly string[];
  readonly body: Sx;
}

class Stuck extends Error {}

export function valueEquals(a: SmtValue, b: SmtValue): boolean {
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'int':
    case 'bool':
    case 'str':
      return a.v === (b as typeof a).v;
    case 'dt': {
      const o = b as typeof a;
      return a.ctor === o.ctor && a.args.length === o.args.length && a.args.every((x, i) => valueEquals(x, o.args[i]!));
    }
    case 'seq': {
      const o = b as typeof a;
      return a.elems.length === o.elems.length && a.elems.every((x, i) => valueEquals(x, o.elems[i]!));
    }
    case 'opaque':
      return a.text === (b as typeof a).text;
    default:
      throw new Stuck();
  }
}

export class Model {
  private readonly funs = new Map<string, ModelFun>();
  private readonly memo = new Map<string, SmtValue>();
  /** elements of the uninterpreted String sort that are string literals (SmtEncoder.render) */
  private readonly literals = new Map<string, { text: string; symbol: string }>();

  constructor(text: string) {
    for (const def of flatten(parseSexps(text))) {
      if (!isList(def)) continue;
      // `get-value` answers `((name value) …)`: a constant each
      const pairName = def.length === 2 ? symbolOf(def[0]) : undefined;
      if (pairName !== undefined && pairName !== 'define-fun') {
        this.define(pairName, [], def[1]!);
        continue;
      }
      if (symbolOf(def[0]) !== 'define-fun') continue;
      const name = symbolOf(def[1]);
      const params = def[2];
      const body = def[4];
      if (name === undefined || params === undefined || !isList(params) || body === undefined) continue;
      this.define(name, params.map((p) => (isList(p) ? (symbolOf(p[0]) ?? '') : '')), body);
    }
  }

  private define(name: string, params: readonly string[], body: Sx): void {
    this.funs.set(name, { params, body });
    const literal = stringOfConstant(name);
    const element = isList(body) ? undefined : symbolOf(body);
    if (literal !== undefined && element?.includes('!val!')) this.literals.set(element, { text: literal, symbol: quoted(name) });
  }

  has(symbol: string): boolean {
    return this.funs.has(symbol);
  }

  /** the value of a constant of the model, or undefined when absent or not interpretable */
  value(symbol: string): SmtValue | undefined {
    const cached = this.memo.get(symbol);
    if (cached) return cached;
    const fun = this.funs.get(symbol);
    if (!fun || fun.params.length > 0) return undefined;
    try {
      const v = this.eval(fun.body, new Map());
      this.memo.set(symbol, v);
      return v;
    } catch {
      // a term outside the small language above (or malformed): shown as text, never fatal
      return { k: 'opaque', text: printSx(fun.body) };
    }
  }

  private eval(x: Sx, env: ReadonlyMap<string, SmtValue>): SmtValue {
    if (!isList(x)) {
      if (x.t === 'num') return { k: 'int', v: x.v };
      if (x.t === 'str') return { k: 'str', v: x.v };
      if (x.v === 'true' || x.v === 'false') return { k: 'bool', v: x.v === 'true' };
      const bound = env.get(x.v);
      if (bound) return bound;
      const fun = this.funs.get(x.v);
      if (fun && fun.params.length === 0) return this.eval(fun.body, new Map());
      if (x.v.includes('!val!')) {
        const literal = this.literals.get(x.v);
        return literal ? { k: 'str', v: literal.text, symbol: literal.symbol } : { k: 'opaque', text: x.v };
      }
      return { k: 'dt', ctor: x.v, args: [] };
    }
    const head = x[0];
    const args = x.slice(1);
    if (head !== undefined && isList(head)) return this.evalIndexed(head, args, env);
    const op = symbolOf(head);
    const ev = (i: number) => this.eval(args[i]!, env);
    switch (op) {
      case undefined:
        throw new Stuck();
      case '-':
        return args.length === 1 ? { k: 'int', v: -this.int(ev(0)) } : { k: 'int', v: args.slice(1).reduce((acc, _, i) => acc - this.int(ev(i + 1)), this.int(ev(0))) };
      case '+':
        return { k: 'int', v: args.reduce((acc, _, i) => acc + this.int(ev(i)), 0n) };
      case '*':
        return { k: 'int', v: args.reduce((acc, _, i) => acc * this.int(ev(i)), 1n) };
      case 'ite':
        return this.bool(ev(0)) ? ev(1) : ev(2);
      case 'and':
        return { k: 'bool', v: args.every((_, i) => this.bool(ev(i))) };
      case 'or':
        return { k: 'bool', v: args.some((_, i) => this.bool(ev(i))) };
      case 'not':
        return { k: 'bool', v: !this.bool(ev(0)) };
      case '=>':
        return { k: 'bool', v: !this.bool(ev(0)) || this.bool(ev(1)) };
      case '=':
        return { k: 'bool', v: this.equal(ev(0), ev(1)) };
      case 'distinct':
        return { k: 'bool', v: !this.equal(ev(0), ev(1)) };
      case '<=':
      case '<':
      case '>=':
      case '>': {
        const a = this.int(ev(0));
        const b = this.int(ev(1));
        return { k: 'bool', v: op === '<=' ? a <= b : op === '<' ? a < b : op === '>=' ? a >= b : a > b };
      }
      case 'as':
        if (symbolOf(args[0]) === 'seq.empty') return { k: 'seq', elems: [] };
        return this.eval(args[0]!, env);
      case '_': {
        const fun = symbolOf(args[0]) === 'as-array' ? this.funs.get(symbolOf(args[1]) ?? '') : undefined;
        if (!fun || fun.params.length !== 1) throw new Stuck();
        return this.tabulate(fun.params[0]!, fun.body, new Map());
      }
      case 'seq.unit':
        return { k: 'seq', elems: [ev(0)] };
      case 'seq.++':
        return { k: 'seq', elems: args.flatMap((_, i) => this.seq(ev(i))) };
      case 'str.++':
        return { k: 'str', v: args.map((_, i) => this.str(ev(i))).join('') };
      case 'store': {
        const arr = ev(0);
        if (arr.k !== 'array') throw new Stuck();
        const key = ev(1);
        const entries = arr.entries.filter(([k]) => !this.equal(k, key));
        return { k: 'array', entries: [...entries, [key, ev(2)]], ...(arr.dflt ? { dflt: arr.dflt } : {}) };
      }
      case 'select':
        return this.select(ev(0), ev(1));
      case 'let': {
        const bindings = args[0];
        if (bindings === undefined || !isList(bindings)) throw new Stuck();
        const inner = new Map(env);
        for (const b of bindings) {
          const name = isList(b) ? symbolOf(b[0]) : undefined;
          if (name === undefined || !isList(b) || b[1] === undefined) throw new Stuck();
          inner.set(name, this.eval(b[1], env));
        }
        return this.eval(args[1]!, inner);
      }
      case 'lambda': {
        const params = args[0];
        if (params === undefined || !isList(params) || params.length !== 1) throw new Stuck();
        return this.tabulate(symbolOf((params[0] as readonly Sx[])[0]) ?? '', args[1]!, env);
      }
      default: {
        const fun = this.funs.get(op);
        if (fun && fun.params.length === args.length) {
          const inner = new Map(env);
          fun.params.forEach((p, i) => inner.set(p, ev(i)));
          return this.eval(fun.body, inner);
        }
        return { k: 'dt', ctor: op, args: args.map((_, i) => ev(i)) };
      }
    }
  }

  /** `((as const S) v)`, `((_ is C) x)`, `((_ as-array f))` */
  private evalIndexed(head: readonly Sx[], args: readonly Sx[], env: ReadonlyMap<string, SmtValue>): SmtValue {
    const kind = symbolOf(head[0]);
    if (kind === 'as' && symbolOf(head[1]) === 'const') return { k: 'array', entries: [], dflt: this.eval(args[0]!, env) };
    if (kind === '_' && symbolOf(head[1]) === 'is') {
      const v = this.eval(args[0]!, env);
      return { k: 'bool', v: v.k === 'dt' && v.ctor === symbolOf(head[2]) };
    }
    throw new Stuck();
  }

  private tabulate(param: string, body: Sx, env: ReadonlyMap<string, SmtValue>): SmtValue {
    const keys: SmtValue[] = [];
    const collect = (x: Sx): void => {
      if (!isList(x)) return;
      if (symbolOf(x[0]) === '=' && x.length === 3) {
        for (const [a, b] of [
          [x[1], x[2]],
          [x[2], x[1]],
        ] as const) {
          if (symbolOf(a) === param) {
            try {
              const key = this.eval(b!, env);
              if (!keys.some((k) => this.equal(k, key))) keys.push(key);
            } catch (e) {
              if (!(e instanceof Stuck)) throw e;
            }
          }
        }
      }
      x.forEach(collect);
    };
    collect(body);
    const at = (key: SmtValue) => this.eval(body, new Map([...env, [param, key]]));
    const entries = keys.map((key) => [key, at(key)] as const);
    let dflt: SmtValue | undefined;
    try {
      dflt = at({ k: 'other' });
    } catch (e) {
      if (!(e instanceof Stuck)) throw e;
    }
    return { k: 'array', entries, ...(dflt ? { dflt } : {}) };
  }

  private select(arr: SmtValue, key: SmtValue): SmtValue {
    if (arr.k !== 'array') throw new Stuck();
    const hit = arr.entries.find(([k]) => this.equal(k, key));
    if (hit) return hit[1];
    if (!arr.dflt) throw new Stuck();
    return arr.dflt;
  }

  private equal(a: SmtValue, b: SmtValue): boolean {
    if (a.k === 'other' || b.k === 'other') return false;
    return valueEquals(a, b);
  }

  private int(v: SmtValue): bigint {
    if (v.k !== 'int') throw new Stuck();
    return v.v;
  }

  private bool(v: SmtValue): boolean {
    if (v.k !== 'bool') throw new Stuck();
    return v.v;
  }

  private str(v: SmtValue): string {
    if (v.k !== 'str') throw new Stuck();
    return v.v;
  }

  private seq(v: SmtValue): readonly SmtValue[] {
    if (v.k !== 'seq') throw new Stuck();
    return v.elems;
  }
}

/** native z3 wraps the model in one list (older versions as `(model …)`), WASM does not */
function flatten(top: readonly Sx[]): Sx[] {
  const out: Sx[] = [];
  for (const x of top) {
    if (isList(x) && symbolOf(x[0]) !== 'define-fun' && x.every((d) => isList(d) || symbolOf(d) === 'model')) {
      out.push(...x.filter((d) => isList(d)));
    } else out.push(x);
  }
  return out;
}
