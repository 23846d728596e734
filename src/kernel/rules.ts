// The kernel's primitive rules. Each one takes judgements (`Proved`) and formulas, writes its own
// first-order premises (smt.ts) or temporal skeleton (abstract.ts), and returns a new judgement
// only when every premise is discharged. Each rule's soundness argument is in its comment.
//
// Reading of statements (see proved.ts): "M |= F" is F at position 0 of every behaviour of M.
// Names free in a statement (a lemma's parameters, the variable of a `forall` being introduced)
// are read universally: every rule below is sound for each fixed value of them, so the
// conclusion holds for every value whenever its premises do. A statement's hypotheses (constant
// conditions on those names, `p in S` in the steps of a proof of `forall p in S :: F`) restrict
// that to the values satisfying them: a rule uses only judgements whose hypotheses its context
// assumes, and states its conclusion under the context's hypotheses.
import type { ActionDecl, Binder, Expr, MachineDecl, Program, QName, TheoremDecl } from '../ir/index.js';
import type { DiagnosticCode, Span } from '../diagnostics/index.js';
import * as ptl from './ptl/index.js';
import { Abstraction } from './abstract.js';
import { inductionShape } from './induction-shapes.js';
import { printExpr } from './print.js';
import { isProved, mint, Proved, type Oracle, type Provenance, type Statement } from './proved.js';
import { discharge, type FirstOrderContext, type FirstOrderFact, type ObligationRecord, type Premise, type SolverAccess } from './smt.js';
import { canonicalKey, flatten, freeBinders, isTemporal, mkLocalRef, mkMembership, levelAtMost, levelOf, mkAlways, mkEnabled, mkLeadsTo, mkLogic, mkPrime, node, substitute, unfoldDefs, type Replacement } from './terms.js';

export interface Failure {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly span: Span;
  /** the failed first-order obligation */
  readonly obligation?: ObligationRecord;
  /** a propositional counterexample: one line per state, in the user's atoms */
  readonly lasso?: readonly string[];
}

export type Outcome =
  | { readonly ok: true; readonly proved: Proved; readonly obligations: readonly ObligationRecord[] }
  | { readonly ok: false; readonly failures: readonly Failure[]; readonly obligations: readonly ObligationRecord[] };

/** What every rule needs: the program, the theorem being proved (for messages), its machine. */
export interface RuleContext {
  readonly program: Program;
  readonly theorem: QName;
  readonly machine?: MachineDecl;
  /** constant assumptions of the theorem's module and what it imports */
  readonly assumes: readonly Expr[];
  /** instance modules among those whose assumptions (bound ones included) are assumed */
  readonly instances: readonly string[];
  readonly access: SolverAccess;
  readonly budget?: ptl.Budget;
  /** constant hypotheses on free names under which the rules work (see Statement.hypotheses) */
  readonly hypotheses?: readonly Expr[];
}

/** Where a rule is applied: the `have` step (if any) and the justification's span. */
export interface Where {
  readonly step?: string;
  readonly span: Span;
}

/** Judgements passed in must be the kernel's own: a look-alike object is refused, not trusted. */
export function genuine(...judgements: readonly (Proved | readonly Proved[])[]): void {
  for (const j of judgements.flat()) if (!isProved(j)) throw new Error('a judgement given to a kernel rule was not made by the kernel');
}

const fail = (code: DiagnosticCode, message: string, span: Span, obligations: readonly ObligationRecord[] = []): Outcome => ({
  ok: false,
  failures: [{ code, message, span }],
  obligations,
});

const INT = { kind: 'int' } as const;
const STUTTER: ActionDecl = { name: 'stuttering', params: [], guards: [], assigns: [], span: { file: '', start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } } };

/** Is a fact about `machine` (or about every behaviour) usable in a proof about `ctx.machine`? */
function fitsContext(ctx: RuleContext, p: Proved): boolean {
  const assumed = new Set((ctx.hypotheses ?? []).map(canonicalKey));
  const hypothesesHold = (p.statement.hypotheses ?? []).every((h) => assumed.has(canonicalKey(h)));
  return hypothesesHold && (p.statement.machine === undefined || p.statement.machine === ctx.machine?.name);
}

function stateLevel(e: Expr): boolean {
  return !isTemporal(e) && levelAtMost(e, 'state');
}

/**
 * The first-order context of facts named in `using`: `[]I` with I a state predicate proven of
 * this machine (or valid) is an invariant; a proven constant formula is a constant fact.
 * Anything else (a temporal fact, a state predicate known only initially) is refused: a
 * first-order premise is about an arbitrary reachable state, where only invariants are known.
 */
function firstOrderContext(ctx: RuleContext, using: readonly Proved[], where: Where): FirstOrderContext | Outcome {
  const facts: FirstOrderFact[] = (ctx.hypotheses ?? []).map((pred) => ({ kind: 'constant', pred }));
  for (const u of using) {
    const f = u.statement.formula;
    const text = printExpr(f);
    if (!fitsContext(ctx, u)) return fail('KSP153', `\`${text}\` is a fact about another machine (or under hypotheses that do not hold here)`, where.span);
    if (u.statement.params.length > 0) return fail('KSP153', `\`${text}\` is a schematic lemma: instantiate it with \`by\` instead of naming it in \`using\``, where.span);
    if (levelOf(f) === 'constant') facts.push({ kind: 'constant', pred: f });
    else if (f.kind === 'always' && levelOf(f.arg) === 'constant') facts.push({ kind: 'constant', pred: f.arg });
    else if (f.kind === 'always' && stateLevel(f.arg)) facts.push({ kind: 'invariant', pred: f.arg });
    else return fail('KSP153', `\`${text}\` is not an invariant [](P) or a constant fact, so a first-order premise cannot use it (a state predicate without [] is known only in the initial state)`, where.span);
  }
  return { program: ctx.program, ...(ctx.machine ? { machine: ctx.machine } : {}), assumes: ctx.assumes, facts };
}

/** Discharge premises in parallel; the judgement is minted only when all are unsat. */
async function dischargeAll(ctx: RuleContext, fo: FirstOrderContext, premises: readonly Premise[], where: Where, conclusion: Statement, parts: readonly Proved[], rule: string): Promise<Outcome> {
  const results = await Promise.all(premises.map((p) => discharge(fo, p, { theorem: ctx.theorem, ...(where.step ? { step: where.step } : {}), span: where.span }, ctx.access)));
  const obligations = results.flatMap((r) => (r.record ? [r.record] : []));
  const failures: Failure[] = results.flatMap((r) => (r.ok ? [] : [{ code: r.code, message: r.message, span: r.record?.span ?? where.span, ...(r.record ? { obligation: r.record } : {}) }]));
  if (failures.length > 0) return { ok: false, failures, obligations };
  const oracles: Oracle[] = results.flatMap((r) => (r.ok ? [r.oracle] : []));
  const termination = results.flatMap((r) => (r.ok ? r.termination : []));
  const own: Provenance = { oracles, rules: [rule], theorems: [], termination, instances: ctx.instances };
  return { ok: true, proved: mint(conclusion, [...parts, own]), obligations };
}

function needMachine(ctx: RuleContext, rule: string, where: Where): MachineDecl | Outcome {
  return ctx.machine ?? fail('KSP154', `\`by ${rule}\` needs a theorem about a machine (\`M |= ...\`)`, where.span);
}

function isOutcome(x: unknown): x is Outcome {
  return typeof x === 'object' && x !== null && 'ok' in x;
}

/** The statement "ctx.machine |= formula" (or "every behaviour satisfies formula"). */
function statementOf(ctx: RuleContext, formula: Expr): Statement {
  const hypotheses = ctx.hypotheses ?? [];
  return { formula, ...(ctx.machine ? { machine: ctx.machine.name } : {}), params: [], ...(hypotheses.length > 0 ? { hypotheses } : {}) };
}

/**
 * INVARIANCE. Premises: init ⇒ I; for every action a, I ∧ J ∧ J' ∧ a ⇒ I' (J the proven
 * invariants used). Conclusion: M |= []I. Sound: by induction along a behaviour, I holds in the
 * initial state, and each step is a step of some action (J holds in both of its states, which
 * are reachable) or a stuttering step (which keeps I).
 */
export async function invariant(ctx: RuleContext, goal: Expr, using: readonly Proved[], where: Where): Promise<Outcome> {
  genuine(using);
  if (goal.kind !== 'always' || !stateLevel(goal.arg)) return fail('KSP102', '`by invariant` proves formulas of the form [](P) with P a state predicate', where.span);
  const machine = needMachine(ctx, 'invariant', where);
  if (isOutcome(machine)) return machine;
  const fo = firstOrderContext(ctx, using, where);
  if (isOutcome(fo)) return fo;
  const inv = goal.arg;
  const premises: Premise[] = [
    { name: 'init', goal: 'the invariant holds in every initial state', hypotheses: [], init: true, withoutFacts: true, conclusion: inv, reportAt: machine.init.span, formulaSpan: inv.span },
    ...machine.actions.map(
      (a): Premise => ({ name: `consecution of ${a.name}`, goal: `action \`${a.name}\` preserves the invariant`, hypotheses: [inv], step: a, conclusion: inv, conclusionState: 1, reportAt: a.span, formulaSpan: inv.span }),
    ),
  ];
  return dischargeAll(ctx, fo, premises, where, statementOf(ctx, goal), using, 'invariance');
}

/**
 * FIRST-ORDER FACTS. A constant formula F: assumptions ⇒ F. A state predicate P: init ∧ J ⇒ P
 * (so M |= P, P in the first state). [](P): J ⇒ P in any state (J holds in every reachable
 * state). [](A) with A an action formula: for every action a and for stuttering,
 * J ∧ J' ∧ a ⇒ A (every step of a behaviour is one of these).
 */
export async function smt(ctx: RuleContext, goal: Expr, using: readonly Proved[], where: Where): Promise<Outcome> {
  genuine(using);
  const fo = firstOrderContext(ctx, using, where);
  if (isOutcome(fo)) return fo;
  const done = statementOf(ctx, goal);
  const level = levelOf(goal);
  if (level === 'constant') {
    const constantOnly: FirstOrderContext = { ...fo, facts: fo.facts.filter((f) => f.kind === 'constant') };
    return dischargeAll(ctx, constantOnly, [{ name: 'smt', goal: 'the formula holds', hypotheses: [], conclusion: goal }], where, done, using, 'smt');
  }
  if (level === 'state') {
    if (!ctx.machine) return dischargeAll(ctx, fo, [{ name: 'smt', goal: 'the formula holds', hypotheses: [], conclusion: goal }], where, done, using, 'smt');
    return dischargeAll(ctx, fo, [{ name: 'smt', goal: 'the formula holds in every initial state', hypotheses: [], init: true, conclusion: goal }], where, done, using, 'smt');
  }
  if (goal.kind === 'always' && stateLevel(goal.arg)) {
    return dischargeAll(ctx, fo, [{ name: 'smt', goal: 'the formula holds in every reachable state', hypotheses: [], conclusion: goal.arg }], where, done, using, 'smt');
  }
  if (goal.kind === 'always' && !isTemporal(goal.arg)) {
    const machine = needMachine(ctx, 'smt', where);
    if (isOutcome(machine)) return machine;
    const premises = [...machine.actions, STUTTER].map((a): Premise => ({ name: `smt, ${a.name} step`, goal: `every ${a.name} step satisfies the formula`, hypotheses: [], step: a, conclusion: goal.arg }));
    return dischargeAll(ctx, fo, premises, where, done, using, 'smt');
  }
  return fail('KSP102', '`by smt` proves constant formulas, state predicates, [](P) and [](A) for an action formula A; this formula is temporal', where.span);
}

/**
 * STABILITY. Goal [](P ==> []P). Premises: for every action a, P ∧ J ∧ J' ∧ a ⇒ P'.
 * Sound: every step of a behaviour is an action step or stuttering (which keeps P), so once P
 * holds it holds at every later state.
 */
export async function stable(ctx: RuleContext, goal: Expr, using: readonly Proved[], where: Where): Promise<Outcome> {
  genuine(using);
  const shape = goal.kind === 'always' && goal.arg.kind === 'logic' && goal.arg.op === '==>' && goal.arg.right.kind === 'always' ? { p: goal.arg.left, again: goal.arg.right.arg } : undefined;
  if (!shape || !stateLevel(shape.p) || canonicalKey(shape.p) !== canonicalKey(shape.again)) {
    return fail('KSP102', '`by stable` proves formulas of the form [](P ==> []P) with P a state predicate', where.span);
  }
  const machine = needMachine(ctx, 'stable', where);
  if (isOutcome(machine)) return machine;
  const fo = firstOrderContext(ctx, using, where);
  if (isOutcome(fo)) return fo;
  const p = shape.p;
  const premises = machine.actions.map((a): Premise => ({ name: `stability under ${a.name}`, goal: `action \`${a.name}\` keeps \`${printExpr(p)}\``, hypotheses: [p], step: a, conclusion: mkPrime(p) }));
  return dischargeAll(ctx, fo, premises, where, statementOf(ctx, goal), using, 'stable');
}

/** The machine's fairness for an action instance: 'strong', 'weak' or undefined (not declared). */
export function declaredFairness(machine: MachineDecl, a: Expr): 'weak' | 'strong' | undefined {
  if (a.kind !== 'action' || a.instance.machine !== machine.name || a.instance.args.some((x) => x === undefined)) return undefined;
  let best: 'weak' | 'strong' | undefined;
  for (const f of machine.fairness) {
    if (f.action !== a.instance.action) continue;
    // `a(*)` is WF(a(k)) for every fixed k: it covers an instance only when the argument is rigid
    // (an argument that changes over time is a moving target no fixed-k fairness speaks of).
    const covers = f.args.every((fa, i) => (fa === undefined ? levelOf(a.instance.args[i]!) === 'constant' : canonicalKey(fa) === canonicalKey(a.instance.args[i]!)));
    if (covers && (best === undefined || f.strength === 'strong')) best = f.strength;
  }
  return best;
}

/**
 * WF1 / SF1 (Lamport, TLA 1994). Goal P ~> Q, action instance a. Premises, under the invariants J:
 *   (1) for every action b: P ∧ b ⇒ P' ∨ Q'          (stuttering keeps P)
 *   (2) P ∧ a ⇒ Q'
 *   (3) WF1: P ⇒ enabled(a).
 *       SF1: either P ⇒ enabled(a), or a proven fact P ~> enabled(a) named in `using` (the
 *       standard premise □P ∧ □[N] ⇒ ◇enabled(a), in the form kspec can state).
 * Fairness: WF(a) (WF1) or SF(a) (SF1) must be declared for the machine; `fair weak a(*)`
 * covers every instance, and strong fairness implies weak.
 * Sound: suppose P holds at i and Q never holds from i on. By (1), P holds from i on. WF1: by
 * (3) a is enabled from i on, so by WF(a) an a step is taken at some j ≥ i, and by (2) Q holds
 * at j+1: contradiction. SF1: P from i on and P ⇒ enabled(a) or P ~> enabled(a) make a
 * enabled infinitely often, so by SF(a) an a step is taken at some j ≥ i; (2) gives Q at j+1.
 * (An a step is any step satisfying a's guard and effect, as in abstract.ts.)
 */
export async function wf1(ctx: RuleContext, goal: Expr, action: Expr, using: readonly Proved[], where: Where, strong: boolean): Promise<Outcome> {
  genuine(using);
  const rule = strong ? 'sf1' : 'wf1';
  if (goal.kind !== 'leadsTo' || !stateLevel(goal.left) || !stateLevel(goal.right)) return fail('KSP102', `\`by ${rule}\` proves P ~> Q with P and Q state predicates`, where.span);
  const machine = needMachine(ctx, rule, where);
  if (isOutcome(machine)) return machine;
  if (action.kind !== 'action' || action.instance.machine !== machine.name) return fail('KSP102', `\`by ${rule}(...)\` needs an action of the machine`, where.span);
  if (action.instance.args.some((x) => x === undefined)) {
    return fail('KSP102', `\`by ${rule}(${printExpr(action)})\`: name one instance (e.g. \`${action.instance.action}(k)\`); fairness of every instance is not fairness of "some instance"`, where.span);
  }
  const declared = declaredFairness(machine, action);
  if (declared === undefined || (strong && declared !== 'strong')) {
    const want = strong ? 'strong' : 'weak (or strong)';
    return fail('KSP155', `\`by ${rule}(${printExpr(action)})\` needs ${want} fairness of \`${printExpr(action)}\`, but the machine declares ${declared === undefined ? 'no fairness for it' : `only ${declared} fairness for it`}`, where.span);
  }
  const p = goal.left;
  const q = goal.right;
  let temporalEnabling: Proved | undefined;
  const firstOrderUsing: Proved[] = [];
  for (const u of using) {
    const f = u.statement.formula;
    if (strong && fitsContext(ctx, u) && f.kind === 'leadsTo' && canonicalKey(f.left) === canonicalKey(p) && canonicalKey(f.right) === canonicalKey(mkEnabled(action))) temporalEnabling = u;
    else firstOrderUsing.push(u);
  }
  const fo = firstOrderContext(ctx, firstOrderUsing, where);
  if (isOutcome(fo)) return fo;
  const pOrQ = mkLogic('||', mkPrime(p), mkPrime(q));
  const premises: Premise[] = [
    ...machine.actions.map((b): Premise => ({ name: `progress or stay under ${b.name}`, goal: `a \`${b.name}\` step from \`${printExpr(p)}\` keeps it or reaches \`${printExpr(q)}\``, hypotheses: [p], step: b, conclusion: pOrQ })),
    { name: `helpful step ${printExpr(action)}`, goal: `a \`${printExpr(action)}\` step from \`${printExpr(p)}\` reaches \`${printExpr(q)}\``, hypotheses: [p, action], twoStates: true, stepLabel: printExpr(action), conclusion: mkPrime(q) },
  ];
  if (!temporalEnabling) premises.push({ name: 'enabledness', goal: `\`${printExpr(action)}\` is enabled wherever \`${printExpr(p)}\` holds`, hypotheses: [p], conclusion: mkEnabled(action) });
  return dischargeAll(ctx, fo, premises, where, statementOf(ctx, goal), temporalEnabling ? [...using] : using, rule);
}

/**
 * RANK INDUCTION (well-founded induction on the naturals; LATTICE). Goal P ~> Q, an Int state
 * expression e and a proven step forall k: Int :: (P && e == k) ~> (Q || (P && e < k)).
 * Premise: P ∧ J ⇒ e >= 0. Sound: if P holds at i, let k = e at i (k ≥ 0); by strong induction
 * on k, the step gives a later point with Q, or with P and a smaller e ≥ 0, where the induction
 * hypothesis applies.
 */
export async function rank(ctx: RuleContext, goal: Expr, measure: Expr, step: Proved, using: readonly Proved[], where: Where): Promise<Outcome> {
  genuine(step, using);
  if (goal.kind !== 'leadsTo' || !stateLevel(goal.left) || !stateLevel(goal.right)) return fail('KSP102', '`by rank` proves P ~> Q with P and Q state predicates', where.span);
  if (!stateLevel(measure) || measure.type.kind !== 'int') return fail('KSP102', '`by rank(e, step)`: e must be an Int state expression', where.span);
  if (!fitsContext(ctx, step) || step.statement.params.length > 0) return fail('KSP153', 'the step of `by rank` must be a fact about this machine', where.span);
  const s = step.statement.formula;
  const p = goal.left;
  const q = goal.right;
  const shapeHelp = `the step must state \`forall k: Int :: (${printExpr(p)} && ${printExpr(measure)} == k) ~> (${printExpr(q)} || (${printExpr(p)} && ${printExpr(measure)} < k))\``;
  if (s.kind !== 'quant' || s.quantifier !== 'forall' || s.domain || s.binder.type.kind !== 'int') return fail('KSP156', `\`by rank\`: ${shapeHelp}`, where.span);
  const k = mkLocalRef(s.binder, s.span);
  const ek = node({ kind: 'eq', left: measure, right: k }, measure.span);
  const smaller = node({ kind: 'compare', op: '<', left: measure, right: k }, measure.span);
  const expected = mkLeadsTo(mkLogic('&&', p, ek), mkLogic('||', q, mkLogic('&&', p, smaller)));
  if (canonicalKey(expected) !== canonicalKey(s.body)) return fail('KSP156', `\`by rank\`: ${shapeHelp}; it states \`${printExpr(s.body)}\``, where.span);
  const fo = firstOrderContext(ctx, using, where);
  if (isOutcome(fo)) return fo;
  const zero = node({ kind: 'int', value: 0n }, measure.span, INT, 'constant');
  const nonNegative = node({ kind: 'compare', op: '>=', left: measure, right: zero }, measure.span);
  const premise: Premise = { name: 'rank is a natural number', goal: `\`${printExpr(measure)} >= 0\` wherever \`${printExpr(p)}\` holds`, hypotheses: [p], conclusion: nonNegative };
  return dischargeAll(ctx, fo, [premise], where, statementOf(ctx, goal), [step, ...using], 'rank');
}

/**
 * DRAIN (induction over a finite set that only shrinks). Goal [](([]H) ==> <>[](forall m in S :: Q)),
 * H a state predicate, S a Set-valued state expression, Q a state predicate about m. Call m
 * "bad" where m in S && !Q. Premises: (1) while H holds in both states, no step makes an element
 * bad that was not bad before: for every action a, H ∧ H' ∧ J ∧ J' ∧ a ⇒ ∀m. bad' (m) ⇒ bad(m)
 * (stuttering keeps S and Q); (2) a proven fact that each bad element eventually stops being
 * bad: `forall m: T :: bad(m) ~> !bad(m)`, or `([]H && bad(m)) ~> !bad(m)`.
 * Sound: take a position i from which H always holds; the bad sets B_j (j ≥ i) only shrink by
 * (1). B_i is finite (every kspec Set is finite). For each m in B_i, (2) gives j_m ≥ i with m not
 * in B_{j_m}, hence in no later B_j. From the largest j_m on (from i, if B_i is empty) B_j is
 * empty, i.e. forall m in S :: Q holds.
 */
export async function drain(ctx: RuleContext, goal: Expr, progress: Proved, using: readonly Proved[], where: Where): Promise<Outcome> {
  genuine(progress, using);
  const shapeHelp = '`by drain(progress)` proves `[](([]H) ==> <>[](forall m in S :: Q))` with H and Q state predicates and S a Set';
  const implication = goal.kind === 'always' && goal.arg.kind === 'logic' && goal.arg.op === '==>' ? goal.arg : undefined;
  const guard = implication?.left.kind === 'always' ? implication.left.arg : undefined;
  const target = implication?.right.kind === 'eventually' && implication.right.arg.kind === 'always' ? implication.right.arg.arg : undefined;
  if (!guard || !target || !stateLevel(guard) || target.kind !== 'quant' || target.quantifier !== 'forall' || !target.domain || target.domain.type.kind !== 'set' || !stateLevel(target)) {
    return fail('KSP102', shapeHelp, where.span);
  }
  const machine = needMachine(ctx, 'drain', where);
  if (isOutcome(machine)) return machine;
  if (!fitsContext(ctx, progress) || progress.statement.params.length > 0) return fail('KSP153', 'the progress fact of `by drain` must be a fact about this machine', where.span);
  const { binder: m, domain: set, body: q } = target;
  const bad = mkLogic('&&', mkMembership(mkLocalRef(m, m.span), set)!, node({ kind: 'not', arg: q }, q.span));
  const notBad = node({ kind: 'not', arg: bad }, bad.span);
  const forallM = (body: Expr): Expr => node({ kind: 'quant', quantifier: 'forall', binder: m, body }, body.span);
  const accepted = [mkLeadsTo(bad, notBad), mkLeadsTo(mkLogic('&&', mkAlways(guard), bad), notBad)].map((f) => canonicalKey(forallM(f)));
  if (!accepted.includes(canonicalKey(progress.statement.formula))) {
    return fail('KSP156', `\`by drain\`: the progress fact must state \`${printExpr(forallM(mkLeadsTo(bad, notBad)))}\` (or the same with \`[](${printExpr(guard)}) && \` on the left); it states \`${printExpr(progress.statement.formula)}\``, where.span);
  }
  const fo = firstOrderContext(ctx, using, where);
  if (isOutcome(fo)) return fo;
  const noNewBad = forallM(mkLogic('==>', mkPrime(bad), bad));
  const premises = machine.actions.map(
    (a): Premise => ({ name: `nothing turns bad under ${a.name}`, goal: `while \`${printExpr(guard)}\` holds, a \`${a.name}\` step makes no element of \`${printExpr(set)}\` violate \`${printExpr(q)}\` that did not before`, hypotheses: [guard, mkPrime(guard)], step: a, conclusion: noNewBad }),
  );
  return dischargeAll(ctx, fo, premises, where, statementOf(ctx, goal), [progress, ...using], 'drain');
}

/**
 * INDUCTION (`by rank` without arguments). Proves, with no premises, a statement of one of four
 * shapes (induction-shapes.ts); Q[k] is any formula, R and P any formulas without k, D a Set:
 *   lattice:    (forall k: Int :: k >= 0 ==> (Q[k] ~> (R || exists j: Int :: 0 <= j && j < k && Q[j])))
 *               ==> ((exists k: Int :: k >= 0 && Q[k]) ~> R)
 *   countdown:  (forall n: Int :: n > 0 ==> (Q[n] ~> Q[n - 1])) ==> (forall n: Int :: n >= 0 ==> (Q[n] ~> Q[0]))
 *   finite:     (forall k in D :: P ~> []Q[k]) ==> (P ~> [](forall k in D :: Q[k]))
 *               (forall k in D :: <>[]Q[k]) ==> <>[](forall k in D :: Q[k])
 * Each holds on every behaviour at every position, so the statement holds whatever the machine.
 * Quantified Int variables are rigid (one value for the whole behaviour).
 * Sound: lattice: take a position i with Q[k] (k >= 0); by strong induction on k, the premise
 * gives i' >= i with R, or with Q[j] for some 0 <= j < k, where the hypothesis for j gives R
 * later. Countdown: by induction on n >= 0: n = 0 is Q[0] ~> Q[0]; for n > 0, Q[n] ~> Q[n-1]
 * and the hypothesis give Q[n] ~> Q[0] by transitivity. Finite: D is required to be a Set of
 * constant level (one value for the whole behaviour) and every kspec Set is finite; by induction
 * on D.size(): for each k in D the premise gives a point j_k (after the position where P holds,
 * resp. after 0) from which Q[k] always holds; from the largest j_k on (or at once, D empty) every
 * Q[k] with k in D holds. A domain that is not a Set (a type, a Seq) or that changes over time
 * does not match, so no induction over an infinite or moving domain is ever made.
 */
export function induction(ctx: RuleContext, goal: Expr, where: Where): Outcome {
  const shape = inductionShape(goal);
  if (!shape) {
    return fail(
      'KSP163',
      '`by rank` without arguments proves only the induction shapes of the lemmas `temporal.leads_to_rank` (lattice), `leads_to_rank_step_one` (countdown), `leads_to_always_forall` and `eventually_always_forall` (a constant Set domain); this goal is none of them (to use one in a proof, instantiate the lemma)',
      where.span,
    );
  }
  return { ok: true, proved: mint(statementOf(ctx, goal), [], { rules: [`induction (${shape})`] }), obligations: [] };
}

/**
 * PROPOSITIONAL TEMPORAL LOGIC. The goal follows from the facts and the machine: its initial
 * condition (at position 0), its fairness for every action instance that occurs, and
 * [](a ==> enabled(a)) for every action that occurs. A fact about every behaviour (no
 * machine), or a constant one, holds at every position and is boxed; a fact about the machine
 * holds at position 0 only. Sound: see abstract.ts; the skeleton's validity is decided.
 *
 * Glue. When the skeleton alone is not valid, the kernel asks the solver, for pairs of state
 * atoms p, q, whether J ⇒ (p ⇒ q) or J ⇒ (p ⇒ !q) is valid, J the invariants among the facts
 * (and the constant assumptions); each one proved is an SMT obligation of its own and adds the
 * boxed fact [](p ==> q) (resp. [](p ==> !q)): it holds at every position because []J does.
 */
export async function ptlRule(ctx: RuleContext, goal: Expr, facts: readonly Proved[], where: Where): Promise<Outcome> {
  genuine(facts);
  const abs = new Abstraction(ctx.program);
  const skeleton: ptl.Formula[] = [];
  for (const f of facts) {
    const text = printExpr(f.statement.formula);
    if (!fitsContext(ctx, f)) return fail('KSP153', `\`${text}\` is a fact about another machine (or under hypotheses that do not hold here)`, where.span);
    if (f.statement.params.length > 0) return fail('KSP153', `\`${text}\` is a schematic lemma: instantiate it with \`by\` first`, where.span);
    const everywhere = f.statement.machine === undefined || levelOf(f.statement.formula) === 'constant';
    skeleton.push(everywhere ? ptl.always(abs.formula(f.statement.formula, 'boxed fact')) : abs.formula(f.statement.formula, 'fact'));
  }
  const target = abs.formula(goal, 'goal');
  if (ctx.machine) {
    skeleton.push(abs.formula(ctx.machine.init, 'fact'));
    for (const a of [...abs.actions.values()]) {
      const fair = declaredFairness(ctx.machine, a);
      if (!fair) continue;
      const { taken, enabled } = abs.action(a);
      skeleton.push(fair === 'strong' ? ptl.strongFairness(enabled, taken) : ptl.weakFairness(enabled, taken));
    }
  }
  for (const h of ctx.hypotheses ?? []) skeleton.push(ptl.always(abs.formula(h, 'boxed fact')));
  skeleton.push(...abs.instanceAxioms());
  skeleton.push(...abs.enablementFacts());
  skeleton.push(...abs.rigidityAxioms());
  let verdict = ptl.decideEntailment(skeleton, target, ctx.budget);
  let glue: Glue = { facts: [], oracles: [], termination: [], obligations: [] };
  if (verdict.valid === false && ctx.machine) {
    glue = await atomGlue(ctx, abs, facts.filter(isInvariantLike), where);
    if (glue.facts.length > 0) verdict = ptl.decideEntailment([...skeleton, ...glue.facts], target, ctx.budget);
  }
  if (verdict.valid === true) {
    const oracle: Oracle = { kind: 'ptl-valid', formula: ptl.canonicalText(ptl.implies(ptl.and(...skeleton, ...glue.facts), target)) };
    const own: Provenance = { oracles: [oracle, ...glue.oracles], rules: ['ptl'], theorems: [], termination: glue.termination, instances: glue.oracles.length > 0 ? ctx.instances : [] };
    return { ok: true, proved: mint(statementOf(ctx, goal), [...facts, own]), obligations: glue.obligations };
  }
  if (verdict.valid === 'unknown') return fail(verdict.code, `the temporal step is not decided: ${verdict.reason}`, where.span);
  const atoms = abs.atomTable().map((a) => a.name);
  return {
    ok: false,
    failures: [
      {
        code: 'KSP157',
        message: 'the goal does not follow from the facts in propositional temporal logic (the atoms below are treated as independent propositions, related only by the implications the solver proved); a behaviour of the atoms where the facts hold and the goal fails:',
        span: where.span,
        lasso: ptl.formatLasso(verdict.counterexample, atoms),
      },
    ],
    obligations: [],
  };
}

interface Glue {
  readonly facts: readonly ptl.Formula[];
  readonly oracles: readonly Oracle[];
  readonly termination: readonly string[];
  readonly obligations: readonly ObligationRecord[];
}

/** Above this many state atoms, glue is not searched for (the pairs grow quadratically). */
const MAX_GLUE_ATOMS = 8;

async function atomGlue(ctx: RuleContext, abs: Abstraction, invariants: readonly Proved[], where: Where): Promise<Glue> {
  const none: Glue = { facts: [], oracles: [], termination: [], obligations: [] };
  const atoms = abs.atomTable().filter((a) => stateLevel(a.expr) && levelOf(a.expr) !== 'constant');
  if (atoms.length < 2 || atoms.length > MAX_GLUE_ATOMS) return none;
  const fo = firstOrderContext(ctx, invariants, where);
  if (isOutcome(fo)) return none;
  const candidates = atoms.flatMap((p) => atoms.filter((q) => q !== p).flatMap((q) => [{ p, q, negated: false }, { p, q, negated: true }]));
  const origin = { theorem: ctx.theorem, ...(where.step ? { step: where.step } : {}), span: where.span };
  const results = await Promise.all(
    candidates.map(async (c) => {
      const conclusion = c.negated ? node({ kind: 'not', arg: c.q.expr }, c.q.expr.span) : c.q.expr;
      const premise: Premise = { name: `glue ${c.p.name} ==> ${c.negated ? '!' : ''}${c.q.name}`, goal: 'the implication holds in every reachable state', hypotheses: [c.p.expr], conclusion };
      return { c, r: await discharge(fo, premise, origin, ctx.access) };
    }),
  );
  const proved = results.filter((x) => x.r.ok);
  return {
    facts: proved.map(({ c }) => {
      const q = ptl.atom(c.q.name);
      return ptl.always(ptl.implies(ptl.atom(c.p.name), c.negated ? ptl.not(q) : q));
    }),
    oracles: proved.flatMap(({ r }) => (r.ok ? [r.oracle] : [])),
    termination: proved.flatMap(({ r }) => (r.ok ? r.termination : [])),
    obligations: proved.flatMap(({ r }) => (r.record ? [r.record] : [])),
  };
}

/**
 * ∀-INTRODUCTION. From a judgement of F(x), x free, conclude `forall x :: F(x)`: the goal as
 * written, whose body (its binders left free) must be exactly the judgement's formula. A domain
 * that does not change over time (`forall p in Procs`, Procs a constant) is kept as a hypothesis
 * of the body (`relativize`); any other domain is dropped, which only strengthens what is shown.
 * Sound: free names of statements are read universally (see the top of this file), and for a
 * rigid m, (P && m) ~> Q, [](m ==> X) and m ==> F each say "if m then ...".
 */
export function generalize(inner: Proved, goal: Expr): Proved | undefined {
  genuine(inner);
  const body = stripForall(goal);
  if (body === goal || canonicalKey(body) !== canonicalKey(inner.statement.formula)) return undefined;
  // A membership hypothesis `x in D` of the inner judgement is discharged: the body is
  // relativized to it, so the body holds trivially for the x outside D.
  const discharged = new Set(memberships(goal).map(canonicalKey));
  const { hypotheses: before = [], ...rest } = inner.statement;
  const hypotheses = before.filter((h) => !discharged.has(canonicalKey(h)));
  return mint({ ...rest, formula: goal, ...(hypotheses.length > 0 ? { hypotheses } : {}) }, [inner], { rules: ['forall-intro'] });
}

/**
 * ∃-ELIMINATION on the left of a leads-to. From P(x) ~> Q with x free (so, read universally, for
 * every x) and x neither free in Q nor in a hypothesis, conclude (exists x [in D] :: P(x)) ~> Q
 * (with `x in D &&` in front of P when there is a domain; D may change over time). Sound: where
 * the left side holds, it holds for some witness x0 at that position, and the premise for x0
 * gives Q later.
 */
export function existsElim(inner: Proved, goal: Expr): Proved | undefined {
  genuine(inner);
  const body = existsBody(goal);
  if (!body || goal.kind !== 'leadsTo' || canonicalKey(body.premise) !== canonicalKey(inner.statement.formula)) return undefined;
  const mentions = (e: Expr): boolean => freeBinders(e).has(body.binder.id);
  if (mentions(goal.right) || (inner.statement.hypotheses ?? []).some(mentions)) return undefined;
  return mint({ ...inner.statement, formula: goal }, [inner], { rules: ['exists-elim'] });
}

/** For `(exists x [in D] :: P) ~> Q`: x, and `(x in D && P) ~> Q` (x free). */
export function existsBody(goal: Expr): { binder: Binder; premise: Expr } | undefined {
  if (goal.kind !== 'leadsTo' || goal.left.kind !== 'quant' || goal.left.quantifier !== 'exists') return undefined;
  const q = goal.left;
  const member = q.domain ? mkMembership(mkLocalRef(q.binder, q.binder.span), q.domain) : undefined;
  if (q.domain && !member) return undefined;
  return { binder: q.binder, premise: mkLeadsTo(member ? mkLogic('&&', member, q.body) : q.body, goal.right) };
}

/** `x in D` for a binder of a leading `forall x in D` whose domain does not change over time. */
function membership(q: Expr & { kind: 'quant' }): Expr | undefined {
  const d = q.domain;
  if (!d || levelOf(d) !== 'constant') return undefined;
  return mkMembership(mkLocalRef(q.binder, q.binder.span), d);
}

/** The memberships of the leading `forall` chain's rigid domains (what stripForall relativizes to). */
export function memberships(goal: Expr): Expr[] {
  if (goal.kind !== 'quant' || goal.quantifier !== 'forall') return [];
  const m = membership(goal);
  return [...(m ? [m] : []), ...memberships(goal.body)];
}

/** The body of a `forall` chain, its binders free, each rigid domain kept as a hypothesis. */
export function stripForall(goal: Expr): Expr {
  if (goal.kind !== 'quant' || goal.quantifier !== 'forall') return goal;
  const body = stripForall(goal.body);
  const member = membership(goal);
  return member ? relativize(body, member) : body;
}

function relativize(body: Expr, m: Expr): Expr {
  if (body.kind === 'leadsTo') return mkLeadsTo(mkLogic('&&', body.left, m), body.right);
  if (body.kind === 'always') return mkAlways(mkLogic('==>', m, body.arg));
  return mkLogic('==>', m, body);
}

/** The first place where two formulas differ (by canonical key), for a mismatch message. */
function firstDifference(a: Expr, b: Expr): { a: Expr; b: Expr } {
  if (a.kind === b.kind && canonicalKey(a) !== canonicalKey(b)) {
    if ((a.kind === 'leadsTo' && b.kind === 'leadsTo') || (a.kind === 'logic' && b.kind === 'logic' && a.op === b.op && a.op !== '&&' && a.op !== '||')) {
      const [al, ar, bl, br] = [a.left, a.right, (b as typeof a).left, (b as typeof a).right];
      return canonicalKey(al) !== canonicalKey(bl) ? firstDifference(al, bl) : firstDifference(ar, br);
    }
    if ((a.kind === 'always' || a.kind === 'eventually' || a.kind === 'not') && b.kind === a.kind) return firstDifference(a.arg, (b as typeof a).arg);
  }
  return { a, b };
}

/**
 * LEMMA INSTANTIATION. A proven lemma L(params): A1 && … && An ==> C (or just C) is valid for
 * every value of its parameters; substituting the arguments (capture-avoiding) gives a valid
 * instance. Each premise Ai is established — a fact in `using` that is exactly Ai, or
 * first-order by SMT, or by PTL from the `using` facts — and C must be the goal up to
 * normalisation (terms.ts). Sound: the instance holds at position 0 of every behaviour (of the
 * lemma's machine, if it has one), so on the behaviours where every Ai holds, C holds.
 */
export async function instantiate(ctx: RuleContext, goal: Expr, lemma: Proved, lemmaName: string, args: readonly Replacement[], using: readonly Proved[], where: Where): Promise<Outcome> {
  genuine(lemma, using);
  if (!fitsContext(ctx, lemma)) return fail('KSP153', `lemma \`${lemmaName}\` is about another machine`, where.span);
  const params = lemma.statement.params;
  if (params.length !== args.length) return fail('KSP102', `lemma \`${lemmaName}\` takes ${params.length} arguments, found ${args.length}`, where.span);
  // A value parameter is rigid (one value for the whole behaviour; the lemma may rely on that),
  // so its argument must be too; likewise a def given for a function parameter of constant level.
  for (const [i, p] of params.entries()) {
    const a = args[i]!;
    const rigidParam = p.level === undefined || p.level === 'constant';
    if (!rigidParam) continue;
    const argLevel = a.kind === 'expr' ? levelOf(a.expr) : a.level;
    if (argLevel !== 'constant') {
      return fail('KSP153', `parameter \`${p.name}\` of \`${lemmaName}\` is a value, fixed for the whole behaviour; \`${a.kind === 'expr' ? printExpr(a.expr) : a.def}\` changes over time (pass a Pred/Formula parameter's lemma, or a rigid value)`, where.span);
    }
  }
  const map = new Map(params.map((p, i) => [p.id, args[i]!] as const));
  const instance = substitute(lemma.statement.formula, map);
  const split = instance.kind === 'logic' && instance.op === '==>' ? { premises: flatten(instance.left, '&&'), conclusion: instance.right } : { premises: [], conclusion: instance };
  const same = (a: Expr, b: Expr): boolean => canonicalKey(a) === canonicalKey(b) || canonicalKey(unfoldDefs(a, ctx.program)) === canonicalKey(unfoldDefs(b, ctx.program));
  if (!same(split.conclusion, goal)) {
    const d = firstDifference(split.conclusion, goal);
    const detail = d.a === split.conclusion ? '' : ` (it has \`${printExpr(d.a)}\` where the goal has \`${printExpr(d.b)}\`)`;
    return fail('KSP158', `lemma \`${lemmaName}\` concludes \`${printExpr(split.conclusion)}\`, not the goal \`${printExpr(goal)}\`${detail}`, where.span);
  }
  const obligations: ObligationRecord[] = [];
  const parts: Proved[] = [lemma];
  for (const [i, premise] of split.premises.entries()) {
    const label = `premise ${i + 1} of \`${lemmaName}\` (\`${printExpr(premise)}\`)`;
    const given = using.find((u) => fitsContext(ctx, u) && u.statement.params.length === 0 && same(u.statement.formula, premise));
    if (given) {
      parts.push(given);
      continue;
    }
    const firstOrder = !isTemporal(premise) || (premise.kind === 'always' && !isTemporal(premise.arg));
    const out = firstOrder ? await smt(ctx, premise, using.filter(isInvariantLike), where) : await ptlRule(ctx, premise, using, where);
    obligations.push(...out.obligations);
    if (!out.ok) {
      return { ok: false, failures: out.failures.map((f) => ({ ...f, code: f.code, message: `${label} is not established: ${f.message}` })), obligations };
    }
    parts.push(out.proved);
  }
  const proved = mint(statementOf(ctx, goal), parts, { rules: ['lemma'], theorems: [lemmaName] });
  return { ok: true, proved, obligations };
}

/** Facts a first-order premise can use: invariants and constant facts. */
function isInvariantLike(p: Proved): boolean {
  const f = p.statement.formula;
  return p.statement.params.length === 0 && (levelOf(f) === 'constant' || (f.kind === 'always' && !isTemporal(f.arg) && levelAtMost(f.arg, 'state')));
}

/** The final judgement of a theorem or lemma: its own statement, with its parameters (and its name among the theorems it rests on). */
export function conclude(decl: Pick<TheoremDecl, 'name' | 'formula' | 'machine' | 'params'>, inner: Proved): Proved | undefined {
  genuine(inner);
  if ((inner.statement.hypotheses ?? []).length > 0) return undefined;
  if (inner.statement.machine !== decl.machine || canonicalKey(inner.statement.formula) !== canonicalKey(decl.formula)) return undefined;
  return mint({ formula: decl.formula, ...(decl.machine ? { machine: decl.machine } : {}), params: decl.params }, [inner], { theorems: [decl.name] });
}

