// Formulas and lassos in kspec notation, for messages such as "here is a trace of your atoms on
// which the goal fails". `X` (next) and `U` (until) have no kspec surface syntax; they are shown
// as `X(p)` and `p U q`. Display only: nothing here is trusted.
import { enabledAtomName, type Formula } from './formula.js';
import type { Lasso, Valuation } from './lasso.js';

// Binding strength, loosest first; an operand weaker than its slot needs parentheses.
const enum Level {
  Iff,
  Implies,
  Or,
  And,
  Until,
  Prefix,
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENABLED_ATOM = /^enabled\(([A-Za-z_][A-Za-z0-9_]*)\)$/;
const RESERVED = new Set(['true', 'false', 'X', 'U', 'WF', 'SF', 'enabled']);

/** An atom's name as written: identifiers and `enabled(a)` as they are, anything else quoted. */
export function formatAtomName(name: string): string {
  return (IDENTIFIER.test(name) && !RESERVED.has(name)) || ENABLED_ATOM.test(name) ? name : JSON.stringify(name);
}

export function formatFormula(f: Formula): string {
  return show(f, Level.Iff);
}

function show(f: Formula, slot: Level): string {
  const [text, level] = render(f);
  return level < slot ? `(${text})` : text;
}

/** `WF(a)` / `SF(a)` when the formula is exactly their encoding over `a` and `enabled(a)`. */
function fairness(f: Formula): string | undefined {
  if (f.kind !== 'implies' || f.right.kind !== 'always' || f.right.arg.kind !== 'eventually') return undefined;
  const taken = f.right.arg.arg;
  if (taken.kind !== 'atom' || !IDENTIFIER.test(taken.name)) return undefined;
  const premise = f.left;
  if (premise.kind !== 'eventually' && premise.kind !== 'always') return undefined;
  const inner = premise.arg;
  const expected = premise.kind === 'eventually' ? 'always' : 'eventually';
  if (inner.kind !== expected || inner.arg.kind !== 'atom' || inner.arg.name !== enabledAtomName(taken.name))
    return undefined;
  return `${premise.kind === 'eventually' ? 'WF' : 'SF'}(${taken.name})`;
}

function render(f: Formula): [string, Level] {
  switch (f.kind) {
    case 'true':
    case 'false':
      return [f.kind, Level.Prefix];
    case 'atom':
      return [formatAtomName(f.name), Level.Prefix];
    case 'not':
      return [`!${show(f.arg, Level.Prefix)}`, Level.Prefix];
    case 'next':
      return [`X(${show(f.arg, Level.Iff)})`, Level.Prefix];
    case 'always':
      if (f.arg.kind === 'implies' && f.arg.right.kind === 'eventually') {
        return [`${show(f.arg.left, Level.Or)} ~> ${show(f.arg.right.arg, Level.Or)}`, Level.Implies];
      }
      return [`[]${show(f.arg, Level.Prefix)}`, Level.Prefix];
    case 'eventually':
      return [`<>${show(f.arg, Level.Prefix)}`, Level.Prefix];
    case 'until':
      return [`${show(f.left, Level.Prefix)} U ${show(f.right, Level.Prefix)}`, Level.Until];
    case 'and':
      // n-ary chains fold to the right (as `and(...)` builds them); a left-nested chain keeps
      // its parentheses so that printing then parsing gives back the same formula
      return [`${show(f.left, Level.Until)} && ${show(f.right, Level.And)}`, Level.And];
    case 'or':
      return [`${show(f.left, Level.And)} || ${show(f.right, Level.Or)}`, Level.Or];
    case 'implies': {
      const fair = fairness(f);
      if (fair) return [fair, Level.Prefix];
      // right-associative: a ==> b ==> c is a ==> (b ==> c)
      return [`${show(f.left, Level.Or)} ==> ${show(f.right, Level.Implies)}`, Level.Implies];
    }
    case 'iff':
      return [`${show(f.left, Level.Implies)} <==> ${show(f.right, Level.Implies)}`, Level.Iff];
  }
}

/**
 * One line per state, then where the loop goes back to, e.g.
 *   state 0: p=true q=false
 *   state 1: p=false q=false
 *   loop back to state 1
 */
export function formatLasso(lasso: Lasso, atoms?: readonly string[]): string[] {
  const states = [...lasso.prefix, ...lasso.loop];
  const names = atoms ?? [...new Set(states.flatMap((v) => [...v.keys()]))].sort();
  const line = (v: Valuation, i: number): string =>
    `state ${i}:${names.map((n) => ` ${formatAtomName(n)}=${v.get(n) === true}`).join('')}`;
  return [...states.map(line), `loop back to state ${lasso.prefix.length}`];
}
