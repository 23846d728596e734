// The kernel's judgement: `Proved` says "this statement holds", and only kernel rules make one.
// LCF style: the constructor is private and also checks a token that never leaves this folder
// (src/kernel/index.ts does not export `mint`), and every value made is recorded in a WeakSet, so
// `isProved` tells a real judgement from an object that merely looks like one.
import type { Binder, Expr, QName } from '../ir/index.js';

/** What a judgement rests on besides the kernel's own rules. */
export type Oracle =
  /** Z3 answered unsat for an obligation the kernel itself wrote; `hash` is sha256 of its text */
  | { readonly kind: 'z3-unsat'; readonly hash: string; readonly solver: string; readonly cached: boolean }
  /** the PTL decision procedure found the skeleton valid; `formula` is its canonical text */
  | { readonly kind: 'ptl-valid'; readonly formula: string };

/**
 * The statement. With `machine`, "every behaviour of the machine (an initial state, steps of
 * `next`, its fairness) satisfies `formula` at its first position"; without, "every behaviour
 * satisfies it" (a valid formula: it then holds at every position too). `params` are the
 * schematic parameters of a lemma: the statement holds for every value of them.
 */
export interface Statement {
  readonly formula: Expr;
  readonly machine?: QName;
  readonly params: readonly Binder[];
  /**
   * Constant conditions on names free in the formula (`p in S` while proving the body of
   * `forall p in S :: F`): the statement holds for every value of them that satisfies these.
   */
  readonly hypotheses?: readonly Expr[];
}

export interface Provenance {
  /** every oracle answer the judgement rests on */
  readonly oracles: readonly Oracle[];
  /** the primitive rules used, each once */
  readonly rules: readonly string[];
  /** theorems and lemmas it rests on (a theorem's own judgement lists the theorem too) */
  readonly theorems: readonly QName[];
  /** groups of recursive defs whose termination it relies on (their SMT definitions are axioms) */
  readonly termination: readonly string[];
  /** instance modules whose bound assumptions it assumed (they hold only if proved for the instance) */
  readonly instances: readonly string[];
}

const token: unique symbol = Symbol('kproof kernel');
const minted = new WeakSet<object>();
let make: (statement: Statement, provenance: Provenance) => Proved;

export class Proved {
  static {
    make = (statement, provenance) => new Proved(token, statement, provenance);
  }

  private constructor(
    guard: typeof token,
    readonly statement: Statement,
    readonly provenance: Provenance,
  ) {
    if (guard !== token) throw new Error('a Proved value can only be made by the kernel');
    Object.freeze(this);
    minted.add(this);
  }
}

/** The kernel's only way to make a judgement; used by kernel rules only (not exported from index.ts). */
export function mint(statement: Statement, parts: readonly (Provenance | Proved)[], own: Partial<Provenance> = {}): Proved {
  const all = [...parts.map((p) => (p instanceof Proved ? p.provenance : p)), own];
  const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
  return make(statement, {
    oracles: all.flatMap((p) => p.oracles ?? []),
    rules: unique(all.flatMap((p) => p.rules ?? [])),
    theorems: unique(all.flatMap((p) => p.theorems ?? [])),
    termination: unique(all.flatMap((p) => p.termination ?? [])),
    instances: unique(all.flatMap((p) => p.instances ?? [])),
  });
}

/** Whether `value` is a judgement the kernel made (not a look-alike). */
export function isProved(value: unknown): value is Proved {
  return typeof value === 'object' && value !== null && minted.has(value);
}
