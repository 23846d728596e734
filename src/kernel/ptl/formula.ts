// Propositional temporal logic (PTL) formulas over named atoms: the language in which the kernel
// states the temporal skeleton of a proof step. Formulas are hash-consed: building the same
// formula twice returns the same object, so `===` is structural equality, `id` is a cheap cache
// key within one process and `canonicalText` is a stable key across processes (it does not
// depend on construction order).
//
// How the kernel abstracts TLA formulas into atoms:
// - a state predicate P becomes an atom `P`, true at position i iff P holds in state i;
// - an action a becomes an atom `a`, true at position i iff the step from state i to state i+1 is
//   an a-step; `enabled(a)` is an atom true at i iff a is enabled in state i;
// - because an a-step can only be taken where a is enabled, the kernel adds the fact
//   `[](a ==> enabled(a))` (see `actionEnablement`) whenever it uses both atoms;
// - `WF(a)` is `<>[]enabled(a) ==> []<>a` and `SF(a)` is `[]<>enabled(a) ==> []<>a`: an action
//   continuously (weak) or infinitely often (strong) enabled is taken infinitely often.
// Abstraction is sound because a PTL formula valid over all traces of atom valuations is in
// particular true of the traces that the atoms' meanings induce on every behaviour.

export type Formula =
  | { readonly kind: 'true'; readonly id: number }
  | { readonly kind: 'false'; readonly id: number }
  | { readonly kind: 'atom'; readonly id: number; readonly name: string }
  | { readonly kind: 'not' | 'next' | 'always' | 'eventually'; readonly id: number; readonly arg: Formula }
  | {
      readonly kind: 'and' | 'or' | 'implies' | 'iff' | 'until';
      readonly id: number;
      readonly left: Formula;
      readonly right: Formula;
    };

export type UnaryKind = 'not' | 'next' | 'always' | 'eventually';
export type BinaryKind = 'and' | 'or' | 'implies' | 'iff' | 'until';

// The interning table: key built from the kind and the children's ids (children are interned
// first, so equal keys mean structurally equal formulas). It only grows; formulas are tiny and
// the set a proof session uses is small.
const interned = new Map<string, Formula>();

function intern(key: string, make: (id: number) => Formula): Formula {
  const existing = interned.get(key);
  if (existing) return existing;
  const created = make(interned.size);
  interned.set(key, created);
  return created;
}

export const TRUE: Formula = intern('true', (id) => ({ kind: 'true', id }));
export const FALSE: Formula = intern('false', (id) => ({ kind: 'false', id }));

export function atom(name: string): Formula {
  return intern(`atom ${JSON.stringify(name)}`, (id) => ({ kind: 'atom', id, name }));
}

function unary(kind: UnaryKind, arg: Formula): Formula {
  return intern(`${kind} ${arg.id}`, (id) => ({ kind, id, arg }));
}

function binary(kind: BinaryKind, left: Formula, right: Formula): Formula {
  return intern(`${kind} ${left.id} ${right.id}`, (id) => ({ kind, id, left, right }));
}

export const not = (f: Formula): Formula => unary('not', f);
export const next = (f: Formula): Formula => unary('next', f);
export const always = (f: Formula): Formula => unary('always', f);
export const eventually = (f: Formula): Formula => unary('eventually', f);
export const implies = (p: Formula, q: Formula): Formula => binary('implies', p, q);
export const iff = (p: Formula, q: Formula): Formula => binary('iff', p, q);
export const until = (p: Formula, q: Formula): Formula => binary('until', p, q);

/** n-ary conjunction, folded to the right; `and()` is `true`. */
export function and(...fs: readonly Formula[]): Formula {
  return fs.length === 0 ? TRUE : fs.slice(0, -1).reduceRight((acc, f) => binary('and', f, acc), fs[fs.length - 1]!);
}

/** n-ary disjunction, folded to the right; `or()` is `false`. */
export function or(...fs: readonly Formula[]): Formula {
  return fs.length === 0 ? FALSE : fs.slice(0, -1).reduceRight((acc, f) => binary('or', f, acc), fs[fs.length - 1]!);
}

/** `p ~> q`, i.e. `[](p ==> <>q)`. */
export const leadsTo = (p: Formula, q: Formula): Formula => always(implies(p, eventually(q)));

/** `WF(a)` over its atoms: `<>[]enabled ==> []<>taken`. */
export const weakFairness = (enabled: Formula, taken: Formula): Formula =>
  implies(eventually(always(enabled)), always(eventually(taken)));

/** `SF(a)` over its atoms: `[]<>enabled ==> []<>taken`. */
export const strongFairness = (enabled: Formula, taken: Formula): Formula =>
  implies(always(eventually(enabled)), always(eventually(taken)));

/** The name of the atom meaning "action `action` is enabled in this state". */
export const enabledAtomName = (action: string): string => `enabled(${action})`;

/** The atoms standing for "this step is an `action` step" and "`action` is enabled here". */
export function actionAtoms(action: string): { readonly taken: Formula; readonly enabled: Formula } {
  return { taken: atom(action), enabled: atom(enabledAtomName(action)) };
}

/** The fact every use of an action's atoms comes with: a step is taken only where enabled. */
export function actionEnablement(action: string): Formula {
  const { taken, enabled } = actionAtoms(action);
  return always(implies(taken, enabled));
}

/** The atom names occurring in the formulas, sorted, each once. */
export function atomsOf(...fs: readonly Formula[]): string[] {
  const names = new Set<string>();
  const seen = new Set<number>();
  const visit = (f: Formula): void => {
    if (seen.has(f.id)) return;
    seen.add(f.id);
    switch (f.kind) {
      case 'true':
      case 'false':
        return;
      case 'atom':
        names.add(f.name);
        return;
      case 'not':
      case 'next':
      case 'always':
      case 'eventually':
        visit(f.arg);
        return;
      default:
        visit(f.left);
        visit(f.right);
    }
  };
  fs.forEach(visit);
  return [...names].sort();
}

/** The number of nodes of the formula as a tree (shared subformulas counted each time). */
export function formulaSize(f: Formula): number {
  switch (f.kind) {
    case 'true':
    case 'false':
    case 'atom':
      return 1;
    case 'not':
    case 'next':
    case 'always':
    case 'eventually':
      return 1 + formulaSize(f.arg);
    default:
      return 1 + formulaSize(f.left) + formulaSize(f.right);
  }
}

const canonicalCache = new Map<number, string>();

/**
 * A fully parenthesised prefix form that depends only on the formula's structure, for caches
 * that outlive the process (e.g. verdicts keyed by a lemma schema's fingerprint).
 */
export function canonicalText(f: Formula): string {
  const cached = canonicalCache.get(f.id);
  if (cached !== undefined) return cached;
  let text: string;
  switch (f.kind) {
    case 'true':
    case 'false':
      text = f.kind;
      break;
    case 'atom':
      text = JSON.stringify(f.name);
      break;
    case 'not':
    case 'next':
    case 'always':
    case 'eventually':
      text = `(${f.kind} ${canonicalText(f.arg)})`;
      break;
    default:
      text = `(${f.kind} ${canonicalText(f.left)} ${canonicalText(f.right)})`;
  }
  canonicalCache.set(f.id, text);
  return text;
}
