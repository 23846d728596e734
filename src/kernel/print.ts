// IR expressions back to kspec text, for messages: the atoms of a temporal counterexample, the
// part of a lemma's conclusion that does not match a goal. Operands that are not atomic are
// parenthesised, so the text always reads back as the same formula.
import { exprChildren, shortName, type Binder, type Expr } from '../ir/index.js';

const ATOMIC = new Set<Expr['kind']>(['bool', 'prime', 'int', 'string', 'ref', 'call', 'apply', 'action', 'enabled', 'fairness', 'none', 'some', 'seqLit', 'setLit', 'mapLit', 'tuple', 'record', 'ctor', 'builtin', 'field', 'tupleGet']);

/** Display names of bound variables renamed so that they do not look like a free name. */
type Names = ReadonlyMap<number, string>;

/** Names of locals free in `e`, with their binder ids. */
function freeNames(e: Expr, out: Map<string, Set<number>>): void {
  if (e.kind === 'ref' && e.ref.kind === 'local') {
    const ids = out.get(e.ref.binder.name) ?? new Set<number>();
    ids.add(e.ref.binder.id);
    out.set(e.ref.binder.name, ids);
  }
  exprChildren(e).forEach((c) => freeNames(c, out));
}

function bindName(b: Binder, body: Expr, names: Names): { name: string; names: Names } {
  const used = new Map<string, Set<number>>();
  freeNames(body, used);
  const clashes = (n: string): boolean => [...(used.get(n) ?? [])].some((id) => id !== b.id);
  let name = b.name;
  for (let i = 1; clashes(name); i++) name = `${b.name}${i}`;
  return { name, names: new Map(names).set(b.id, name) };
}

/** `x in S` and `k in m` are written infix, as in kspec. */
const isMembership = (e: Expr): boolean => e.kind === 'builtin' && (e.op === 'set.in' || e.op === 'map.in');

export function printExpr(e: Expr): string {
  return print(e, new Map());
}

function print(e: Expr, names: Names): string {
  const printExpr = (x: Expr): string => print(x, names);
  const operand = (x: Expr): string => (ATOMIC.has(x.kind) && !isMembership(x) ? print(x, names) : `(${print(x, names)})`);
  const list = (es: readonly Expr[]): string => es.map(printExpr).join(', ');
  switch (e.kind) {
    case 'bool':
      return String(e.value);
    case 'int':
      return e.value.toString();
    case 'string':
      return JSON.stringify(e.value);
    case 'ref':
      return e.ref.kind === 'local' ? (names.get(e.ref.binder.id) ?? e.ref.binder.name) : e.ref.kind === 'var' ? e.ref.name : shortName(e.ref.name);
    case 'prime':
      return `${operand(e.arg)}'`;
    case 'call':
      return `${shortName(e.def)}(${list(e.args)})`;
    case 'apply':
      return `${e.fn.name}(${list(e.args)})`;
    case 'not':
      return `!${operand(e.arg)}`;
    case 'neg':
      return `-${operand(e.arg)}`;
    case 'logic':
    case 'arith':
    case 'compare':
      return `${operand(e.left)} ${e.op} ${operand(e.right)}`;
    case 'eq':
      return `${operand(e.left)} == ${operand(e.right)}`;
    case 'builtin':
      return isMembership(e) ? `${operand(e.args[0]!)} in ${operand(e.args[1]!)}` : `${e.op}(${list(e.args)})`;
    case 'seqLit':
      return `[${list(e.elems)}]`;
    case 'setLit':
      return `{${list(e.elems)}}`;
    case 'mapLit':
      return `Map {${e.entries.map((x) => `${printExpr(x.key)}: ${printExpr(x.value)}`).join(', ')}}`;
    case 'tuple':
      return `(${list(e.elems)})`;
    case 'tupleGet':
      return `${operand(e.tuple)}.${e.index}`;
    case 'record':
      return `${shortName(e.record)} {…}`;
    case 'field':
      return `${operand(e.target)}.${e.field}`;
    case 'with':
      return `{ ${printExpr(e.target)} with ${e.updates.map((u) => `${u.field}: ${printExpr(u.value)}`).join(', ')} }`;
    case 'ctor':
      return e.args.length === 0 ? e.ctor : `${e.ctor}(${list(e.args)})`;
    case 'some':
      return `Some(${printExpr(e.arg)})`;
    case 'none':
      return 'None';
    case 'is':
      return `${operand(e.arg)} is ${e.ctor}`;
    case 'match':
      return `match ${printExpr(e.scrutinee)} {…}`;
    case 'if':
      return `if ${printExpr(e.cond)} then ${printExpr(e.then)} else ${printExpr(e.else)}`;
    case 'let': {
      const b = bindName(e.binder, e.body, names);
      return `let ${b.name} = ${printExpr(e.value)} in ${print(e.body, b.names)}`;
    }
    case 'quant': {
      const b = bindName(e.binder, e.body, names);
      return `${e.quantifier} ${b.name}${e.domain ? ` in ${printExpr(e.domain)}` : ''} :: ${print(e.body, b.names)}`;
    }
    case 'setFilter':
      return `{ ${e.binder.name} in ${printExpr(e.source)} where ${printExpr(e.pred)} }`;
    case 'setImage':
      return `{ ${printExpr(e.body)} for ${e.binder.name} in ${printExpr(e.source)} }`;
    case 'mapComp':
      return `Map { ${e.binder.name} in ${printExpr(e.domain)} => ${printExpr(e.body)} }`;
    case 'always':
      return `[]${operand(e.arg)}`;
    case 'eventually':
      return `<>${operand(e.arg)}`;
    case 'leadsTo':
      return `${operand(e.left)} ~> ${operand(e.right)}`;
    case 'action': {
      const args = e.instance.args.map((a) => (a ? printExpr(a) : '*'));
      return args.length === 0 ? e.instance.action : `${e.instance.action}(${args.join(', ')})`;
    }
    case 'enabled':
      return `enabled(${printExpr(e.arg)})`;
    case 'fairness':
      return `${e.strength === 'weak' ? 'WF' : 'SF'}(${printExpr(e.arg)})`;
  }
}
