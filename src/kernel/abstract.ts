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
import type { Expr, Program } from '../ir/index.js';
import { canonicalKey, freeBinders, freshBinder, isTemporal, levelOf, mkEnabled, mkLocalRef, substitute } from './terms.js';
import { exprChildren, typeEquals } from '../ir/index.js';
import { printExpr } from './print.js';

export interface AtomInfo {
  readonly name: string;
  readonly expr: Expr;
}

/**
 * Where a subformula sits: its polarity (true: as asserted; false: under an odd number of
 * negations or left of `==>`) and whether every operator above it lets a universal quantifier
 * move to the front (see `formula`).
 */
interface Position {
  readonly positive: boolean;
  readonly prenex: boolean;
}

const OPAQUE: Position = { positive: true, prenex: false };

/** The goal; a fact (a hypothesis: negative); a fact that will be boxed (under [] as a hypothesis). */
export type Role = 'goal' | 'fact' | 'boxed fact';

const ROLE: Readonly<Record<Role, Position>> = {
  goal: { positive: true, prenex: true },
  fact: { positive: false, prenex: true },
  'boxed fact': { positive: false, prenex: false },
};

/** Most instances of each quantified atom added as axioms (bounds the skeleton's size). */
const MAX_INSTANCES = 8;
/** Most rounds of instances of instances (nested quantifiers). */
const MAX_NESTING = 3;

export class Abstraction {
  /** `program`: to unfold calls of `Formula` defs (without it they stay atoms) */
  constructor(private readonly program?: Program) {}

  private readonly atoms = new Map<string, AtomInfo>();
  private readonly names = new Set<string>();
  /** action formulas met, by key: their enablement facts and fairness are added for them */
  readonly actions = new Map<string, Expr>();
  /** quantified formulas kept as atoms, by key */
  private readonly quantified = new Map<string, Extract<Expr, { kind: 'quant' }>>();
  /** `Formula` defs being unfolded (a recursive one stays an atom inside itself) */
  private readonly unfolding = new Set<string>();
  /** rigid terms that instances of quantified atoms may use */
  private readonly terms = new Map<string, Expr>();

  /** The skeleton of a formula in the given role. */
  formula(e: Expr, role: Role = 'goal'): ptl.Formula {
    return this.at(e, ROLE[role]);
  }

  /**
   * Rigid quantifiers (a bound variable does not change over time). A quantifier that acts
   * universally (`forall` as asserted, `exists` under a negation) and is reached only through
   * && || ! ==> <==> and "always" (`[]` as asserted, `<>` under a negation; the left of `~>`)
   * can be moved to the front of the whole formula by valid equivalences (∀k []F ≡ []∀k F,
   * P ⇒ ∀k F ≡ ∀k (P ⇒ F) for k not in P, (∃k F) ⇒ G ≡ ∀k (F ⇒ G), …; the domain of a
   * quantifier without `in` is a type, never empty); there it is eliminated by a fresh
   * variable, which is read universally, like every free name of a statement. Other
   * quantified formulas are atoms, related to their instances at rigid terms by the valid
   * axioms [](∀k F(k) ⇒ F(t)) and [](F(t) ⇒ ∃k F(k)) (`instanceAxioms`).
   */
  private at(e: Expr, pos: Position): ptl.Formula {
    const flip: Position = { ...pos, positive: !pos.positive };
    switch (e.kind) {
      case 'bool':
        return e.value ? ptl.TRUE : ptl.FALSE;
      case 'not':
        return ptl.not(this.at(e.arg, flip));
      case 'logic': {
        if (e.op === '<==>') {
          return ptl.and(ptl.implies(this.at(e.left, flip), this.at(e.right, pos)), ptl.implies(this.at(e.right, flip), this.at(e.left, pos)));
        }
        const l = this.at(e.left, e.op === '==>' ? flip : pos);
        const r = this.at(e.right, pos);
        return e.op === '&&' ? ptl.and(l, r) : e.op === '||' ? ptl.or(l, r) : ptl.implies(l, r);
      }
      case 'always':
        return ptl.always(this.at(e.arg, pos.positive ? pos : { ...pos, prenex: false }));
      case 'eventually':
        return ptl.eventually(this.at(e.arg, pos.positive ? { ...pos, prenex: false } : pos));
      case 'leadsTo': {
        const under: Position = pos.positive ? pos : { ...pos, prenex: false };
        return ptl.always(ptl.implies(this.at(e.left, { ...under, positive: !under.positive }), ptl.eventually(this.at(e.right, { ...under, prenex: false }))));
      }
      case 'prime':
        return e.arg.type.kind === 'bool' ? ptl.next(this.at(e.arg, pos)) : this.atom(e);
      case 'if':
        if (!isTemporal(e)) return this.atomOrNext(e);
        return ptl.and(
          ptl.implies(this.at(e.cond, OPAQUE), this.at(e.then, { ...pos, prenex: false })),
          ptl.implies(ptl.not(this.at(e.cond, OPAQUE)), this.at(e.else, { ...pos, prenex: false })),
        );
      case 'quant':
        return this.quantifier(e, pos);
      case 'fairness': {
        // WF(a(*)) is "WF(a(k)) for every k", not fairness of "some a(k) step": kept opaque.
        if (e.arg.kind === 'action' && e.arg.instance.args.some((x) => x === undefined)) return this.atom(e);
        const { taken, enabled } = this.action(e.arg);
        return e.strength === 'weak' ? ptl.weakFairness(enabled, taken) : ptl.strongFairness(enabled, taken);
      }
      case 'action':
        return this.action(e).taken;
      case 'call': {
        // A `Formula` def is unfolded (its body with the arguments substituted is the same
        // formula); `Pred` and `Action` defs stay atoms, their meaning is first-order.
        const def = this.program?.defs.get(e.def);
        if (def?.body && isTemporal(def.body) && !this.unfolding.has(e.def)) {
          this.unfolding.add(e.def);
          const body = this.at(substitute(def.body, new Map(def.params.map((p, i) => [p.id, { kind: 'expr', expr: e.args[i]! }] as const))), pos);
          this.unfolding.delete(e.def);
          return body;
        }
        this.collectTerms(e);
        return this.atomOrNext(e);
      }
      default:
        this.collectTerms(e);
        return this.atomOrNext(e);
    }
  }

  private quantifier(e: Extract<Expr, { kind: 'quant' }>, pos: Position): ptl.Formula {
    const universal = (e.quantifier === 'forall') === pos.positive;
    if (!e.domain && universal && pos.prenex) {
      const fresh = freshBinder(e.binder);
      const ref = mkLocalRef(fresh, e.binder.span);
      this.terms.set(canonicalKey(ref), ref);
      return this.at(substitute(e.body, new Map([[e.binder.id, { kind: 'expr', expr: ref }]])), pos);
    }
    this.collectTerms(e.body, new Set([e.binder.id]));
    if (!e.domain) this.quantified.set(canonicalKey(e), e);
    return this.atom(e);
  }

  /**
   * Rigid terms (no variables, no primes, nothing bound inside `e`: `bound`) that are arguments
   * of calls: the candidate instances of quantified atoms.
   */
  private collectTerms(e: Expr, bound: ReadonlySet<number> = new Set()): void {
    if ((e.kind === 'apply' || e.kind === 'call') && e.args.length > 0) {
      for (const a of e.args) {
        if (levelOf(a) !== 'constant' || a.type.kind === 'fn' || hasBinding(a)) continue;
        if ([...freeBinders(a)].some((id) => bound.has(id))) continue;
        this.terms.set(canonicalKey(a), a);
      }
    }
    const inner = e.kind === 'quant' || e.kind === 'let' || e.kind === 'setFilter' || e.kind === 'setImage' || e.kind === 'mapComp' ? new Set([...bound, e.binder.id]) : bound;
    for (const c of exprChildren(e)) this.collectTerms(c, inner);
  }

  /**
   * [](∀k F(k) ⇒ F(t)) and [](F(t) ⇒ ∃k F(k)) for every quantified atom and every collected
   * rigid term t of its variable's type. Valid: at every position, a rigid t is one of the
   * values k ranges over. (A term with variables would change over time, so none is used.)
   */
  instanceAxioms(): ptl.Formula[] {
    const out: ptl.Formula[] = [];
    const done = new Set<string>();
    // An instance may itself be a quantified atom (`forall k :: forall s :: F` at k is
    // `forall s :: F(k)`): its instances are added in the next round.
    for (let round = 0; round < MAX_NESTING; round++) {
      const pending = [...this.quantified.entries()].filter(([key]) => !done.has(key));
      if (pending.length === 0) break;
      for (const [key, q] of pending) {
        done.add(key);
        const candidates = [...this.terms.values()].filter((t) => typeEquals(t.type, q.binder.type)).slice(0, MAX_INSTANCES);
        for (const t of candidates) {
          const instance = this.at(substitute(q.body, new Map([[q.binder.id, { kind: 'expr', expr: t }]])), OPAQUE);
          const self = this.atom(q);
          out.push(ptl.always(q.quantifier === 'forall' ? ptl.implies(self, instance) : ptl.implies(instance, self)));
        }
      }
    }
    return out;
  }

  /** The atoms for "this step is an `a` step" and "`a` is enabled here". */
  action(a: Expr): { taken: ptl.Formula; enabled: ptl.Formula } {
    this.actions.set(canonicalKey(a), a);
    return { taken: this.atom(a), enabled: this.atom(mkEnabled(a)) };
  }

  /**
   * []a || []!a for every atom of constant level (no variable, no prime: constants, rigid
   * names). Valid: such an atom has one value along the whole behaviour.
   */
  rigidityAxioms(): ptl.Formula[] {
    return [...this.atoms.values()]
      .filter((a) => !isTemporal(a.expr) && levelOf(a.expr) === 'constant')
      .map((a) => ptl.or(ptl.always(ptl.atom(a.name)), ptl.always(ptl.not(ptl.atom(a.name)))));
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
    return unprimed ? ptl.next(this.at(unprimed, OPAQUE)) : this.atom(e);
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

/** Does the term bind variables inside it (kept out of the candidates: simple terms suffice)? */
function hasBinding(e: Expr): boolean {
  return e.kind === 'quant' || e.kind === 'let' || e.kind === 'setFilter' || e.kind === 'setImage' || e.kind === 'mapComp' || e.kind === 'match' || exprChildren(e).some(hasBinding);
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
  return exprChildren(e).every(stepFree);
}
