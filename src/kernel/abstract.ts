// From IR formulas to propositional temporal logic: the boolean connectives, [] <> ~> and the
// prime stay; every maximal subformula that is not one of them becomes an atom. Atoms are keyed
// by the canonical form of their formula (terms.ts), so `n < LIMIT` in two facts is one atom,
// and are named by their kspec text so a counterexample reads in the user's words.
//
// Why this is sound: read an atom at position i of a behaviour as "the behaviour's suffix from
// i satisfies the atom's formula" (for a state predicate: it holds in state i; for an action
// formula: step i→i+1 satisfies it; for an opaque temporal formula: its own meaning on the
// suffix). Every operator kept has exactly its LTL meaning on suffixes, so if the skeleton is
// valid over all traces of atom values it is true of the trace any behaviour induces. Equal
// keys mean equivalent formulas, so sharing an atom between them is sound too.
//
// - `P'` with P a Bool state formula is X(P); an action formula whose every variable is primed
//   (`done' == true`) is X of its unprimed form.
// - An action `a` (a step of `a`, its guard and effect: a step that happens to change nothing
//   counts, the model checker's labelled self-loops likewise) is an atom; `enabled(a)` is an
//   atom, and the fact [](a ==> enabled(a)) is added: a step of `a` starts where `a` is enabled.
// - WF(a) is <>[]enabled(a) ==> []<>a and SF(a) is []<>enabled(a) ==> []<>a over those atoms.
//   Unlike TLA+'s WF_v(A), an `a` step need not change the state (kspec has no subscript v);
//   WF1 and SF1 (rules.ts) are stated for this same reading.
import * as ptl from './ptl/index.js';
import type { Expr } from '../ir/index.js';
import { canonicalKey, childExprs, isTemporal, mkEnabled } from './terms.js';
import { printExpr } from './print.js';

export interface AtomInfo {
  readonly name: string;
  readonly expr: Expr;
}

export class Abstraction {
  private readonly atoms = new Map<string, AtomInfo>();
  private readonly names = new Set<string>();
  /** action formulas met, by key: their enablement facts and fairness are added for them */
  readonly actions = new Map<string, Expr>();

  /** The PTL skeleton of a formula. */
  formula(e: Expr): ptl.Formula {
    switch (e.kind) {
      case 'bool':
        return e.value ? ptl.TRUE : ptl.FALSE;
      case 'not':
        return ptl.not(this.formula(e.arg));
      case 'logic': {
        const l = this.formula(e.left);
        const r = this.formula(e.right);
        return e.op === '&&' ? ptl.and(l, r) : e.op === '||' ? ptl.or(l, r) : e.op === '==>' ? ptl.implies(l, r) : ptl.iff(l, r);
      }
      case 'always':
        return ptl.always(this.formula(e.arg));
      case 'eventually':
        return ptl.eventually(this.formula(e.arg));
      case 'leadsTo':
        return ptl.leadsTo(this.formula(e.left), this.formula(e.right));
      case 'prime':
        return e.arg.type.kind === 'bool' ? ptl.next(this.formula(e.arg)) : this.atom(e);
      case 'if':
        if (!isTemporal(e)) return this.atomOrNext(e);
        return ptl.and(ptl.implies(this.formula(e.cond), this.formula(e.then)), ptl.implies(ptl.not(this.formula(e.cond)), this.formula(e.else)));
      case 'fairness': {
        // WF(a(*)) is "WF(a(k)) for every k", not fairness of "some a(k) step": kept opaque.
        if (e.arg.kind === 'action' && e.arg.instance.args.some((x) => x === undefined)) return this.atom(e);
        const { taken, enabled } = this.action(e.arg);
        return e.strength === 'weak' ? ptl.weakFairness(enabled, taken) : ptl.strongFairness(enabled, taken);
      }
      case 'action':
        return this.action(e).taken;
      default:
        return this.atomOrNext(e);
    }
  }

  /** The atoms for "this step is an `a` step" and "`a` is enabled here". */
  action(a: Expr): { taken: ptl.Formula; enabled: ptl.Formula } {
    this.actions.set(canonicalKey(a), a);
    return { taken: this.atom(a), enabled: this.atom(mkEnabled(a)) };
  }

  /** [](a ==> enabled(a)) for every action met so far. */
  enablementFacts(): ptl.Formula[] {
    return [...this.actions.values()].map((a) => {
      const { taken, enabled } = this.action(a);
      return ptl.always(ptl.implies(taken, enabled));
    });
  }

  private atomOrNext(e: Expr): ptl.Formula {
    const unprimed = isTemporal(e) ? undefined : unprime(e);
    return unprimed ? ptl.next(this.formula(unprimed)) : this.atom(e);
  }

  private atom(e: Expr): ptl.Formula {
    const key = canonicalKey(e);
    const known = this.atoms.get(key);
    if (known) return ptl.atom(known.name);
    const text = printExpr(e);
    let name = text;
    for (let n = 2; this.names.has(name); n++) name = `${text} #${n}`;
    this.names.add(name);
    this.atoms.set(key, { name, expr: e });
    return ptl.atom(name);
  }

  /** Atom names and their formulas, in the order they were met. */
  atomTable(): readonly AtomInfo[] {
    return [...this.atoms.values()];
  }
}

/**
 * `e` with its primes removed, when every variable (and everything else that depends on the
 * state) in it is primed and it has no primes nested in primes; then `e` is X of the result.
 * Undefined otherwise, or when `e` has no prime at all.
 */
function unprime(e: Expr): Expr | undefined {
  let primed = false;
  const strip = (x: Expr): Expr | undefined => {
    switch (x.kind) {
      case 'prime':
        if (!stepFree(x.arg)) return undefined;
        primed = true;
        return x.arg;
      case 'bool':
      case 'int':
      case 'string':
      case 'none':
        return x;
      case 'ref':
        return x.ref.kind === 'var' || (x.ref.kind === 'local' && x.ref.binder.level !== undefined && x.ref.binder.level !== 'constant') ? undefined : x;
      case 'not':
      case 'neg':
      case 'some': {
        const a = strip(x.arg);
        return a && { ...x, arg: a, level: 'state' };
      }
      case 'logic':
      case 'arith':
      case 'compare':
      case 'eq': {
        const l = strip(x.left);
        const r = l && strip(x.right);
        return l && r ? { ...x, left: l, right: r, level: 'state' } : undefined;
      }
      default:
        return undefined;
    }
  };
  const out = strip(e);
  return primed ? out : undefined;
}

/** Whether `e` has no primes, actions or temporal parts inside. */
function stepFree(e: Expr): boolean {
  if (e.kind === 'prime' || e.kind === 'action' || e.kind === 'always' || e.kind === 'eventually' || e.kind === 'leadsTo' || e.kind === 'fairness') return false;
  if (e.kind === 'ref' && e.ref.kind === 'local' && (e.ref.binder.level === 'action' || e.ref.binder.level === 'temporal')) return false;
  if ((e.kind === 'call' || e.kind === 'apply') && (e.level === 'action' || e.level === 'temporal')) return false;
  return childExprs(e).every(stepFree);
}
