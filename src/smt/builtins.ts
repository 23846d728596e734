// The built-in operations on sequences, sets, maps and strings (BuiltinOp), as SMT-LIB terms.
// Sets are (Array T Bool); maps are (Array K Option<V>) (see sorts.ts); `s[i]` and `m[k]` are
// guarded, and off their domain are uninterpreted functions of their arguments (unspecified).
import type { Expr, Type } from '../ir/index.js';
import type { SortRegistry } from './sorts.js';
import { quoted } from './names.js';
import { Unencodable, type Env } from './env.js';

/** What the built-ins need from the encoder of the obligation they are part of. */
export interface EncoderHost {
  readonly sorts: SortRegistry;
  expr(e: Expr, env: Env): string;
  /** a fresh symbol for a `let` or a bound variable */
  temp(): string;
  /** declares (once) an uninterpreted function standing for unspecified values */
  undefinedFunction(name: string, params: readonly string[], result: string): string;
  /** adds (once) an axiom under a name */
  axiom(name: string, text: string): void;
  memberOf(collection: Expr, x: string, env: Env): string;
  emptySet(t: Type): string;
  /** the obligation needs the theory of strings (not only equality of strings) */
  useStringTheory(): void;
}

export function encodeBuiltin(host: EncoderHost, e: Extract<Expr, { kind: 'builtin' }>, env: Env): string {
  const [a, b, c] = e.args;
  const arg = (x: Expr | undefined): string => host.expr(x!, env);
  switch (e.op) {
    case 'seq.len':
      return `(seq.len ${arg(a)})`;
    case 'seq.index': {
      const ts = host.temp();
      const ti = host.temp();
      const undef = host.undefinedFunction(`seq.index:${host.sorts.key(a!.type)}`, [host.sorts.sort(a!.type), 'Int'], host.sorts.sort(e.type));
      return `(let ((${ts} ${arg(a)}) (${ti} ${arg(b)})) (ite (and (<= 0 ${ti}) (< ${ti} (seq.len ${ts}))) (seq.nth ${ts} ${ti}) (${undef} ${ts} ${ti})))`;
    }
    case 'seq.push':
      return `(seq.++ ${arg(a)} (seq.unit ${arg(b)}))`;
    case 'seq.concat':
      return `(seq.++ ${arg(a)} ${arg(b)})`;
    case 'seq.contains':
      return `(seq.contains ${arg(a)} (seq.unit ${arg(b)}))`;
    case 'set.in':
      return host.memberOf(b!, arg(a), env);
    case 'set.add':
      return `(store ${arg(a)} ${arg(b)} true)`;
    case 'set.remove':
      return `(store ${arg(a)} ${arg(b)} false)`;
    case 'set.union':
      return `((_ map or) ${arg(a)} ${arg(b)})`;
    case 'set.intersect':
      return `((_ map and) ${arg(a)} ${arg(b)})`;
    case 'set.minus':
      return `((_ map and) ${arg(a)} ((_ map not) ${arg(b)}))`;
    case 'set.subset': {
      const ta = host.temp();
      return `(let ((${ta} ${arg(a)})) (= ((_ map and) ${ta} ${arg(b)}) ${ta}))`;
    }
    case 'set.size':
      return setSize(host, a!, env);
    case 'set.range': {
      const i = host.temp();
      return `(lambda ((${i} Int)) (and (<= ${arg(a)} ${i}) (<= ${i} ${arg(b)})))`;
    }
    case 'map.in':
      return host.memberOf(b!, arg(a), env);
    case 'map.index': {
      if (a!.type.kind !== 'map') throw new Unencodable('indexing a non-map', e.span);
      const opt = host.sorts.option(a!.type.value);
      const tm = host.temp();
      const tk = host.temp();
      const undef = host.undefinedFunction(`map.index:${host.sorts.key(a!.type)}`, [host.sorts.sort(a!.type), host.sorts.sort(a!.type.key)], host.sorts.sort(e.type));
      return `(let ((${tm} ${arg(a)}) (${tk} ${arg(b)})) (ite ((_ is ${opt.some}) (select ${tm} ${tk})) (${opt.value} (select ${tm} ${tk})) (${undef} ${tm} ${tk})))`;
    }
    case 'map.get':
      return `(select ${arg(a)} ${arg(b)})`;
    case 'map.insert': {
      if (a!.type.kind !== 'map') throw new Unencodable('insert into a non-map', e.span);
      return `(store ${arg(a)} ${arg(b)} (${host.sorts.option(a!.type.value).some} ${arg(c)}))`;
    }
    case 'map.remove': {
      if (a!.type.kind !== 'map') throw new Unencodable('remove from a non-map', e.span);
      return `(store ${arg(a)} ${arg(b)} ${host.sorts.option(a!.type.value).none})`;
    }
    case 'map.keys': {
      if (a!.type.kind !== 'map') throw new Unencodable('keys of a non-map', e.span);
      const k = host.temp();
      return `(lambda ((${k} ${host.sorts.sort(a!.type.key)})) ((_ is ${host.sorts.option(a!.type.value).some}) (select ${arg(a)} ${k})))`;
    }
    case 'string.len':
      host.useStringTheory();
      return `(str.len ${arg(a)})`;
    case 'string.concat':
      host.useStringTheory();
      return `(str.++ ${arg(a)} ${arg(b)})`;
  }
}


/**
 * `S.size()`: exact where the structure of S shows it (literals, ranges, add/remove of an
 * element), otherwise an uninterpreted function of the set that is >= 0 and 0 exactly for the
 * empty set. Both hold of every finite set, so the encoding is sound for kspec's finite sets.
 */
function setSize(host: EncoderHost, set: Expr, env: Env): string {
  if (set.kind === 'setLit') {
    if (set.elems.length === 0) return '0';
    const temps = set.elems.map(() => host.temp());
    const bindings = set.elems.map((x, i) => `(${temps[i]} ${host.expr(x, env)})`).join(' ');
    const counts = temps.map((t, i) => (i === 0 ? '1' : `(ite (or ${temps.slice(0, i).map((p) => `(= ${t} ${p})`).join(' ')}) 0 1)`));
    return `(let (${bindings}) (+ ${counts.join(' ')} 0))`;
  }
  if (set.kind === 'builtin' && set.op === 'set.range') {
    const lo = host.temp();
    const hi = host.temp();
    return `(let ((${lo} ${host.expr(set.args[0]!, env)}) (${hi} ${host.expr(set.args[1]!, env)})) (ite (<= ${lo} ${hi}) (+ (- ${hi} ${lo}) 1) 0))`;
  }
  if (set.kind === 'builtin' && (set.op === 'set.add' || set.op === 'set.remove')) {
    const inner = host.temp();
    const member = `(select ${host.expr(set.args[0]!, env)} ${host.expr(set.args[1]!, env)})`;
    const body = set.op === 'set.add' ? `(ite ${member} ${inner} (+ ${inner} 1))` : `(ite ${member} (- ${inner} 1) ${inner})`;
    return `(let ((${inner} ${setSize(host, set.args[0]!, env)})) ${body})`;
  }
  const sort = host.sorts.sort(set.type);
  const name = `size:${host.sorts.key(set.type)}`;
  const size = host.undefinedFunction(name, [sort], 'Int');
  const s = quoted('s');
  host.axiom(name, `(assert (forall ((${s} ${sort})) (! (and (>= (${size} ${s}) 0) (= (= (${size} ${s}) 0) (= ${s} ${host.emptySet(set.type)}))) :pattern ((${size} ${s})))))`);
  return `(${size} ${host.expr(set, env)})`;
}
