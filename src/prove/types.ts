import type { Binder, QName } from '../ir/index.js';
import type { DiagnosticCode, Span } from '../diagnostics/index.js';

export interface ObligationOrigin {
  readonly theorem: QName;
  /** the `have` step, for a step of a structured proof */
  readonly step?: string;
  /** e.g. 'init', 'consecution of tick', 'smt', 'termination of f' */
  readonly premise: string;
}

/** A binder that is a free constant of an obligation, with its symbol there. */
export interface FreeLocal {
  readonly binder: Binder;
  readonly symbol: string;
}

/** How to present a model of the obligation's negation as a counterexample. */
export interface ModelReading {
  readonly kind: 'constants' | 'state' | 'step';
  readonly machine?: QName;
  readonly action?: string;
  readonly params: readonly FreeLocal[];
  /** the goal's outermost `forall` binders, made free so the model names the failing values */
  readonly witnesses: readonly FreeLocal[];
  /** variables the formula mentions: shown first */
  readonly relevant: readonly string[];
}

export interface Obligation {
  /** unique within a run: theorem, step and premise */
  readonly id: string;
  readonly origin: ObligationOrigin;
  /** where a failure is reported */
  readonly span: Span;
  /** what was to be shown, in words */
  readonly goal: string;
  /** the formula's own location, when it differs from `span` */
  readonly formulaSpan?: Span;
  readonly smt: string;
  /** sha256 of `smt` */
  readonly hash: string;
  readonly reading: ModelReading;
}

/** A reason, decided without the solver, why a theorem cannot be proved as asked. */
export interface Blocker {
  readonly status: 'not proved' | 'error';
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly span: Span;
}

export interface TheoremPlan {
  readonly theorem: QName;
  readonly span: Span;
  readonly obligations: readonly Obligation[];
  /** theorems named in `using` (anywhere in the proof): they must be proved too */
  readonly requires: readonly { readonly theorem: QName; readonly span: Span }[];
  /** instance modules whose assumptions (assumes that became obligations) this theorem relies on */
  readonly instances: readonly string[];
  /** recursive def groups whose termination this theorem relies on (keys of termination plans) */
  readonly termination: readonly string[];
  readonly blockers: readonly Blocker[];
  /**
   * the hypotheses every obligation shares (assumes, and the initial condition for a machine), to
   * be checked satisfiable: if they are not, the theorem is proved, but only vacuously
   */
  readonly vacuity?: Obligation;
}

/**
 * A theorem as `kproof verify` meets it, without encoding its obligations (the kernel writes and
 * discharges its own): the theorems its `using` names, the instances it relies on, and the
 * vacuity check, present when the proof has first-order premises (`by invariant`, `by smt`).
 */
export type TheoremOutline = Pick<TheoremPlan, 'theorem' | 'span' | 'requires' | 'instances' | 'vacuity'>;
