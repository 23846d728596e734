// Negation normal form: negation only on atoms, connectives and, or, next (X), until (U) and
// release (R), where `p R q` is `!(!p U !q)`. `[]p` is `false R p` and `<>p` is `true U p`.
// Nodes are hash-consed per decision (one `NnfBuilder` per call), so the tableau can name a set
// of formulas by its sorted node ids.
import type { Formula } from './formula.js';

// `temporal`: the node contains X, U or R, i.e. taking it apart can put formulas on the next
// state or postpone an until; a non-temporal node only constrains the current position.
export type NnfNode =
  | { readonly op: 'true' | 'false'; readonly id: number; readonly temporal: false }
  | {
      readonly op: 'literal';
      readonly id: number;
      readonly temporal: false;
      readonly atom: number;
      readonly positive: boolean;
    }
  | { readonly op: 'next'; readonly id: number; readonly temporal: true; readonly arg: NnfNode }
  | {
      readonly op: 'and' | 'or' | 'until' | 'release';
      readonly id: number;
      readonly temporal: boolean;
      readonly left: NnfNode;
      readonly right: NnfNode;
    };

export class NnfBuilder {
  private readonly table = new Map<string, NnfNode>();
  private readonly converted = new Map<string, NnfNode>();
  readonly atomIndex: ReadonlyMap<string, number>;
  readonly TRUE: NnfNode;
  readonly FALSE: NnfNode;

  constructor(readonly atomNames: readonly string[]) {
    this.atomIndex = new Map(atomNames.map((name, i) => [name, i]));
    this.TRUE = this.intern('T', (id) => ({ op: 'true', id, temporal: false }));
    this.FALSE = this.intern('F', (id) => ({ op: 'false', id, temporal: false }));
  }

  get size(): number {
    return this.table.size;
  }

  private intern(key: string, make: (id: number) => NnfNode): NnfNode {
    const existing = this.table.get(key);
    if (existing) return existing;
    const created = make(this.table.size);
    this.table.set(key, created);
    return created;
  }

  literal(atom: number, positive: boolean): NnfNode {
    return this.intern(`${positive ? '' : '!'}${atom}`, (id) => ({
      op: 'literal',
      id,
      temporal: false,
      atom,
      positive,
    }));
  }

  // The simplifications below are all equivalences of LTL, applied only to keep the tableau small.
  next(arg: NnfNode): NnfNode {
    if (arg.op === 'true' || arg.op === 'false') return arg; // X true = true, X false = false
    return this.intern(`X ${arg.id}`, (id) => ({ op: 'next', id, temporal: true, arg }));
  }

  and(left: NnfNode, right: NnfNode): NnfNode {
    if (left.op === 'false' || right.op === 'false') return this.FALSE;
    if (left.op === 'true' || left === right) return right;
    if (right.op === 'true') return left;
    const [a, b] = left.id < right.id ? [left, right] : [right, left];
    return this.intern(`& ${a.id} ${b.id}`, (id) => ({
      op: 'and',
      id,
      temporal: a.temporal || b.temporal,
      left: a,
      right: b,
    }));
  }

  // Disjunctions are kept flat and grouped: the disjuncts that only constrain the current
  // position come first, as one disjunction, then the temporal ones (sorted by id). The tableau
  // then makes one choice "some current-position disjunct holds" instead of one per disjunct.
  or(left: NnfNode, right: NnfNode): NnfNode {
    if (left.op === 'true' || right.op === 'true') return this.TRUE;
    if (left.op === 'false') return right;
    if (right.op === 'false') return left;
    const byId = new Map([...this.disjuncts(left), ...this.disjuncts(right)].map((d) => [d.id, d]));
    const sorted = [...byId.values()].sort((x, y) => x.id - y.id);
    const current = sorted.filter((d) => !d.temporal);
    const temporal = sorted.filter((d) => d.temporal);
    const groups = current.length > 0 ? [this.chain(current), ...temporal] : temporal;
    return this.chain(groups);
  }

  private disjuncts(f: NnfNode): NnfNode[] {
    return f.op === 'or' ? [...this.disjuncts(f.left), ...this.disjuncts(f.right)] : [f];
  }

  /** d1 || (d2 || (… || dn)) as given, n ≥ 1. */
  private chain(ds: readonly NnfNode[]): NnfNode {
    return ds.slice(0, -1).reduceRight<NnfNode>(
      (rest, d) =>
        this.intern(`| ${d.id} ${rest.id}`, (id) => ({
          op: 'or',
          id,
          temporal: d.temporal || rest.temporal,
          left: d,
          right: rest,
        })),
      ds[ds.length - 1]!,
    );
  }

  until(left: NnfNode, right: NnfNode): NnfNode {
    if (right.op === 'true' || right.op === 'false') return right; // p U true = true, p U false = false
    // <><>p = <>p
    if (left.op === 'true' && right.op === 'until' && right.left.op === 'true') return right;
    return this.intern(`U ${left.id} ${right.id}`, (id) => ({ op: 'until', id, temporal: true, left, right }));
  }

  release(left: NnfNode, right: NnfNode): NnfNode {
    if (right.op === 'true' || right.op === 'false') return right; // p R true = true, p R false = false
    // [][]p = []p
    if (left.op === 'false' && right.op === 'release' && right.left.op === 'false') return right;
    return this.intern(`R ${left.id} ${right.id}`, (id) => ({ op: 'release', id, temporal: true, left, right }));
  }

  /** The NNF of `f` (when `positive`) or of `!f`. */
  convert(f: Formula, positive: boolean): NnfNode {
    const key = `${positive ? '+' : '-'}${f.id}`;
    const done = this.converted.get(key);
    if (done) return done;
    const result = this.convertUncached(f, positive);
    this.converted.set(key, result);
    return result;
  }

  private convertUncached(f: Formula, positive: boolean): NnfNode {
    const pos = (g: Formula): NnfNode => this.convert(g, positive);
    const neg = (g: Formula): NnfNode => this.convert(g, !positive);
    switch (f.kind) {
      case 'true':
        return positive ? this.TRUE : this.FALSE;
      case 'false':
        return positive ? this.FALSE : this.TRUE;
      case 'atom':
        return this.literal(this.atomIndex.get(f.name)!, positive);
      case 'not':
        return neg(f.arg);
      case 'and':
        return positive ? this.and(pos(f.left), pos(f.right)) : this.or(pos(f.left), pos(f.right));
      case 'or':
        return positive ? this.or(pos(f.left), pos(f.right)) : this.and(pos(f.left), pos(f.right));
      case 'implies':
        // p ==> q is !p || q; its negation is p && !q
        return positive
          ? this.or(this.convert(f.left, false), this.convert(f.right, true))
          : this.and(this.convert(f.left, true), this.convert(f.right, false));
      case 'iff': {
        // p <==> q is (p && q) || (!p && !q); its negation is (p && !q) || (!p && q)
        const [p, notP] = [this.convert(f.left, true), this.convert(f.left, false)];
        const [q, notQ] = [this.convert(f.right, true), this.convert(f.right, false)];
        return positive ? this.or(this.and(p, q), this.and(notP, notQ)) : this.or(this.and(p, notQ), this.and(notP, q));
      }
      case 'next':
        return this.next(pos(f.arg)); // on infinite traces !X p = X !p
      case 'always':
        return positive ? this.release(this.FALSE, pos(f.arg)) : this.until(this.TRUE, pos(f.arg));
      case 'eventually':
        return positive ? this.until(this.TRUE, pos(f.arg)) : this.release(this.FALSE, pos(f.arg));
      case 'until':
        // !(p U q) = !p R !q
        return positive ? this.until(pos(f.left), pos(f.right)) : this.release(pos(f.left), pos(f.right));
    }
  }
}
