// First-order obligations, written by the kernel itself: a rule states its premise as IR, this
// module encodes it with src/smt (hypotheses asserted, the goal negated) and asks the solver
// passed in. Only an `unsat` for text produced here becomes a 'z3-unsat' oracle; callers never
// hand the kernel a verdict.
//
// A schematic predicate, action or formula (a lemma parameter `p: Pred`) is encoded by src/smt as
// one uninterpreted symbol per state (`p` now and `p'` are independent), never as one constant.
import { createHash } from 'node:crypto';
import { exprChildren, freeBinders, type ActionDecl, type Binder, type Expr, type MachineDecl, type Program, type QName } from '../ir/index.js';
import type { DiagnosticCode, Span } from '../diagnostics/index.js';
import { SmtEncoder, Unencodable, type Env } from '../smt/index.js';
import { checkStaged, type Solver, type SolverStatus } from '../solver/index.js';
import type { Oracle } from './proved.js';

const NEG: Env = { state: 0, polarity: 'neg' };
const POS: Env = { state: 0, polarity: 'pos' };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A name free in an obligation, with its symbol there. */
export interface FreeLocal {
  readonly binder: Binder;
  readonly symbol: string;
}

/** How a model of the negated obligation reads as a counterexample (the shape src/prove reads). */
export interface ModelReading {
  readonly kind: 'constants' | 'state' | 'step';
  readonly machine?: QName;
  readonly action?: string;
  /** the step's action parameters */
  readonly params: readonly FreeLocal[];
  /** names free in the premise and the goal's outermost `forall` binders: the model gives their values */
  readonly witnesses: readonly FreeLocal[];
  /** variables the formulas mention: shown first */
  readonly relevant: readonly string[];
}

export interface ObligationRecord {
  readonly id: string;
  readonly origin: { readonly theorem: QName; readonly step?: string; readonly premise: string };
  /** where a failure is reported */
  readonly span: Span;
  /** the formula's own location, when it differs from `span` */
  readonly formulaSpan?: Span;
  /** what was to be shown, in words */
  readonly goal: string;
  readonly smt: string;
  readonly hash: string;
  readonly reading: ModelReading;
  readonly status: SolverStatus;
  readonly cached: boolean;
  readonly ms: number;
  readonly reason?: string;
  readonly model?: string;
}

/** An obligation-text cache: only `unsat` answers are stored, keyed by the exact text. */
export interface ObligationCache {
  /** `smtHash`: sha256 of `smt`, computed by the caller */
  isProved(smt: string, smtHash: string): boolean;
  recordProved(smt: string): void;
}

export interface SolverAccess {
  readonly solver: Solver;
  readonly timeoutMs: number;
  readonly cache?: ObligationCache;
}

/** Where an obligation comes from, for messages. */
export interface Origin {
  readonly theorem: QName;
  readonly step?: string;
  readonly span: Span;
}

/** A proven fact a first-order premise may assume: an invariant of the machine, or a constant fact. */
export type FirstOrderFact = { readonly kind: 'invariant'; readonly pred: Expr } | { readonly kind: 'constant'; readonly pred: Expr };

/** The first-order context of a rule: constant assumptions and the proven facts named in `using`. */
export interface FirstOrderContext {
  readonly program: Program;
  readonly machine?: MachineDecl;
  readonly assumes: readonly Expr[];
  /** in the order they were named */
  readonly facts: readonly FirstOrderFact[];
}

/** One obligation, described as formulas. */
export interface Premise {
  /** e.g. 'init', 'consecution of tick', 'enabledness' */
  readonly name: string;
  readonly goal: string;
  /** assumed in the first state (after the facts) */
  readonly hypotheses: readonly Expr[];
  /** a step of this action from state 0 to state 1, or any state (no step) */
  readonly step?: ActionDecl;
  /** how a counterexample names the step when the hypotheses describe it (a helpful step `a(x)`) */
  readonly stepLabel?: string;
  /** the initial condition holds in state 0 */
  readonly init?: boolean;
  /** the hypotheses describe a step of the behaviour (so the invariants hold in state 1 too) */
  readonly twoStates?: boolean;
  /** the facts are not needed (the initial-state premise of invariance) */
  readonly withoutFacts?: boolean;
  readonly conclusion: Expr;
  /** the state the conclusion is read in (1: "in the next state"); default 0 */
  readonly conclusionState?: number;
  /** where a failure is best shown (the action that breaks an invariant), if not at the justification */
  readonly reportAt?: Span;
  /** the formula to show, when the failure is reported elsewhere */
  readonly formulaSpan?: Span;
}

export type Discharged =
  | { readonly ok: true; readonly oracle: Oracle; readonly termination: readonly string[]; readonly record: ObligationRecord }
  | { readonly ok: false; readonly code: DiagnosticCode; readonly message: string; readonly record?: ObligationRecord };

// Premises share their facts and invariants (the same IR objects): what a formula mentions is
// found once per formula and process. The IR is immutable, so the answers cannot go stale.
const variablesFound = new WeakMap<Expr, readonly string[]>();

/** Binders free in the formulas, as objects (they become free constants of the obligation). */
function freeBinderObjects(es: readonly Expr[]): Binder[] {
  const out = new Map<number, Binder>();
  for (const e of es) for (const [id, binder] of freeBinders(e)) out.set(id, binder);
  return [...out.values()];
}

function variablesOf(root: Expr): readonly string[] {
  const known = variablesFound.get(root);
  if (known) return known;
  const names = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.kind === 'ref' && e.ref.kind === 'var') names.add(e.ref.name);
    exprChildren(e).forEach(walk);
  };
  walk(root);
  const found = [...names];
  variablesFound.set(root, found);
  return found;
}

function variablesIn(es: readonly Expr[]): string[] {
  const names = new Set<string>();
  for (const e of es) for (const name of variablesOf(e)) names.add(name);
  return [...names];
}

function groupKey(group: readonly QName[]): string {
  return [...group].sort().join(',');
}

/** Encode the premise; the text is the kernel's own. */
function encodePremise(ctx: FirstOrderContext, premise: Premise): { smt: string; params: FreeLocal[]; witnesses: FreeLocal[]; termination: string[] } {
  const enc = new SmtEncoder(ctx.program);
  const facts = premise.withoutFacts ? [] : ctx.facts;
  const formulas = [premise.conclusion, ...premise.hypotheses, ...facts.map((f) => f.pred)];
  const free = freeBinderObjects(formulas);
  for (const b of free) enc.freeLocal(b);
  // (free names first, then the step's parameters: the order the names are first met fixes
  // their numbering in the text, which is then the same as src/prove's for the same premise)
  if (premise.step) for (const p of premise.step.params) enc.freeLocal(p.binder);
  const machine = ctx.machine;
  const states = premise.step || premise.twoStates ? 2 : 1;
  const out: string[] = [];
  for (const a of ctx.assumes) out.push(enc.reused(a, NEG));
  for (const f of facts) {
    if (f.kind === 'constant') out.push(enc.reused(f.pred, NEG));
    else for (let s = 0; s < states; s++) out.push(enc.reused(f.pred, { state: s, polarity: 'neg' }));
  }
  if (premise.init) {
    if (!machine) throw new Unencodable('an initial-state obligation needs a machine', premise.conclusion.span);
    out.push(enc.reused(machine.init, NEG));
  }
  for (const h of premise.hypotheses) out.push(enc.reused(h, NEG));
  if (premise.step) {
    if (!machine) throw new Unencodable('a step obligation needs a machine', premise.conclusion.span);
    out.push(...enc.actionConjuncts(machine, premise.step, NEG, true));
  }
  // `not (forall x :: P)` is asserted as `not P` with x free, so a model names the failing x.
  const witnesses: Binder[] = [];
  const at: Env = { ...POS, state: premise.conclusionState ?? 0 };
  let goal = premise.conclusion;
  while (goal.kind === 'quant' && goal.quantifier === 'forall') {
    const x = enc.freeLocal(goal.binder);
    witnesses.push(goal.binder);
    if (goal.domain) out.push(enc.memberOf(goal.domain, x, { ...at, polarity: 'both' }));
    goal = goal.body;
  }
  out.push(`(not ${enc.reused(goal, at)})`);
  const smt = enc.render(out);
  const named = (bs: readonly Binder[]): FreeLocal[] => bs.map((binder) => ({ binder, symbol: enc.binder(binder) }));
  return { smt, params: named(premise.step?.params.map((p) => p.binder) ?? []), witnesses: named([...free, ...witnesses]), termination: enc.recursiveGroups().map(groupKey) };
}

/** Encode and decide one premise. Only `unsat` proves it. */
export async function discharge(ctx: FirstOrderContext, premise: Premise, origin: Origin, access: SolverAccess): Promise<Discharged> {
  let encoded: ReturnType<typeof encodePremise>;
  try {
    encoded = encodePremise(ctx, premise);
  } catch (e) {
    if (!(e instanceof Unencodable)) throw e;
    return { ok: false, code: 'KSP104', message: `${premise.name}: ${e.message}` };
  }
  const { smt, params, witnesses, termination } = encoded;
  const hash = sha256(smt);
  const reading: ModelReading = {
    kind: premise.step || premise.twoStates ? 'step' : ctx.machine ? 'state' : 'constants',
    ...(ctx.machine ? { machine: ctx.machine.name } : {}),
    ...(premise.step ? { action: premise.step.name } : premise.stepLabel ? { action: premise.stepLabel } : {}),
    params,
    witnesses,
    relevant: variablesIn([premise.conclusion, ...premise.hypotheses]),
  };
  const id = [origin.theorem, origin.step, premise.name].filter((x) => x !== undefined).join(' / ');
  const base = {
    id,
    origin: { theorem: origin.theorem, ...(origin.step ? { step: origin.step } : {}), premise: premise.name },
    span: premise.reportAt ?? origin.span,
    ...(premise.formulaSpan ? { formulaSpan: premise.formulaSpan } : {}),
    goal: premise.goal,
    smt,
    hash,
    reading,
  };
  let record: ObligationRecord;
  if (access.cache?.isProved(smt, hash)) record = { ...base, status: 'unsat', cached: true, ms: 0 };
  else {
    const r = await checkStaged(access.solver, { smt, timeoutMs: access.timeoutMs, wantModel: true });
    record = { ...base, status: r.status, cached: false, ms: r.ms, ...(r.reason !== undefined ? { reason: r.reason } : {}), ...(r.model !== undefined ? { model: r.model } : {}) };
    if (r.status === 'unsat') access.cache?.recordProved(smt);
  }
  switch (record.status) {
    case 'unsat':
      return { ok: true, oracle: { kind: 'z3-unsat', hash, solver: `${access.solver.name} ${access.solver.version}`, cached: record.cached }, termination, record };
    case 'sat':
      return { ok: false, code: 'KSP100', message: `${premise.name}: not proved that ${premise.goal}; the solver found a counterexample`, record };
    case 'unknown':
      return { ok: false, code: 'KSP101', message: `${premise.name}: not proved: the solver could not decide (${record.reason ?? 'unknown'})`, record };
    case 'error':
      return { ok: false, code: 'KSP106', message: `${premise.name}: solver error: ${record.reason ?? 'unknown'}`, record };
  }
}
