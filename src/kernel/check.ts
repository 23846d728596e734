// Checking proofs: walks each theorem's proof (`proof by J`, or `have` steps and a `qed`),
// resolves the facts each justification names, and asks the kernel's rules for judgements.
// Nothing here can make a judgement itself; it only decides which rule to apply to what, and
// reports failures at the step where they happen. A failed step is not available to later
// steps (they are skipped silently, the failure is reported once, where it is).
import type { Expr, FactRef, Justification, ModuleIR, Program, Proof, QName, TheoremDecl } from '../ir/index.js';
import type { Span } from '../diagnostics/index.js';
import type { Budget } from './ptl/index.js';
import type { Proved } from './proved.js';
import type { ObligationRecord, SolverAccess } from './smt.js';
import { conclude, drain, existsBody, existsElim, generalize, induction, instantiate, invariant, memberships, ptlRule, rank, smt, stable, stripForall, wf1, type Failure, type Outcome, type RuleContext, type Where } from './rules.js';
import { instanceOfGeneric } from './instances.js';
import { isTemporal, levelOf, type Replacement } from './terms.js';

export type TheoremStatus = 'proved' | 'not proved' | 'error';

export interface TheoremVerdict {
  readonly name: QName;
  readonly span: Span;
  readonly status: TheoremStatus;
  /** the kernel's judgement of the theorem's statement, when proved */
  readonly proved?: Proved;
  readonly failures: readonly Failure[];
  /** first-order obligations the theorem's own proof sent (not those of theorems it uses) */
  readonly obligations: readonly ObligationRecord[];
  /** set when the theorem is an instance's copy of this generic theorem, proved by its proof */
  readonly byGeneric?: QName;
}

export interface KernelOptions extends SolverAccess {
  readonly budget?: Budget;
}

/** A step's judgement, or 'failed' (reported already; uses are skipped). */
type Steps = ReadonlyMap<string, Proved | 'failed'>;

/** Failure codes that mean "the input is wrong" rather than "not proved". */
const ERROR_CODES = new Set(['KSP106', 'KSP107', 'KSP152', 'KSP162']);

class Blocked {
  constructor(readonly failures: readonly Failure[]) {}
}

export class ProofChecker {
  private readonly verdicts = new Map<QName, Promise<TheoremVerdict>>();
  private readonly modules: ReadonlyMap<string, ModuleIR>;

  constructor(
    readonly program: Program,
    private readonly options: KernelOptions,
  ) {
    this.modules = new Map(program.modules.map((m) => [m.name, m]));
  }

  /** The verdict on one theorem or lemma (memoized; theorems it uses are checked first). */
  verdict(q: QName, chain: readonly QName[] = []): Promise<TheoremVerdict> {
    const known = this.verdicts.get(q);
    if (known) return known;
    const decl = this.program.theorems.get(q);
    if (!decl) throw new Error(`internal error: unknown theorem ${q}`);
    const started = this.check(decl, [...chain, q]);
    this.verdicts.set(q, started);
    return started;
  }

  private async check(decl: TheoremDecl, chain: readonly QName[]): Promise<TheoremVerdict> {
    const base = { name: decl.name, span: decl.span };
    const instantiated = await this.fromGeneric(decl, chain);
    if (instantiated) return { ...base, status: 'proved', proved: instantiated, failures: [], obligations: [], byGeneric: decl.instanceOf! };
    if (!decl.proof) {
      const what = decl.kind === 'lemma' ? 'the lemma is stated without a proof' : 'the theorem has no proof';
      return { ...base, status: 'not proved', failures: [{ code: 'KSP109', message: what, span: decl.span }], obligations: [] };
    }
    const ctx = this.context(decl);
    const obligations: ObligationRecord[] = [];
    const failures: Failure[] = [];
    const result = await this.proof(ctx, decl.proof, decl.formula, new Map(), undefined, chain, obligations, failures);
    if (result && failures.length === 0) {
      const proved = conclude(decl, result);
      if (proved) return { ...base, status: 'proved', proved, failures, obligations };
      failures.push({ code: 'KSP102', message: 'the proof does not prove the theorem as stated', span: decl.span });
    }
    const status = failures.some((f) => ERROR_CODES.has(f.code)) ? 'error' : 'not proved';
    return { ...base, status, failures, obligations };
  }

  /**
   * An instance's copy of a generic theorem follows from the generic proof (src/kernel/instances.ts);
   * undefined when it does not (the generic theorem not proved, or a binding that rules it out):
   * the copy is then proved on its own.
   */
  private async fromGeneric(decl: TheoremDecl, chain: readonly QName[]): Promise<Proved | undefined> {
    if (decl.instanceOf === undefined || !this.program.theorems.has(decl.instanceOf) || chain.includes(decl.instanceOf)) return undefined;
    const instance = this.program.modules.find((m) => m.instanceOf && m.theorems.some((t) => t.name === decl.name));
    if (!instance) return undefined;
    const generic = await this.verdict(decl.instanceOf, chain);
    return generic.proved ? instanceOfGeneric(this.program, instance, decl, decl.instanceOf, generic.proved) : undefined;
  }

  private context(decl: TheoremDecl): RuleContext {
    const machine = decl.machine ? this.program.machines.get(decl.machine) : undefined;
    return {
      program: this.program,
      theorem: decl.name,
      ...(machine ? { machine } : {}),
      // An instance's bound assumes (`obligation`) are assumed like the others; the judgement
      // then records the instance, whose assumptions must be proved for it to count.
      assumes: this.closure(decl).flatMap((m) => m.assumes.map((a) => a.expr)),
      instances: this.closure(decl).filter((m) => m.assumes.some((a) => a.obligation)).map((m) => m.name),
      access: this.options,
      ...(this.options.budget ? { budget: this.options.budget } : {}),
    };
  }

  /** The module declaring the theorem and every module it imports. */
  private closure(decl: TheoremDecl): ModuleIR[] {
    const home = this.program.modules.find((m) => m.theorems.some((t) => t.name === decl.name));
    const seen = new Set<string>();
    const stack = home ? [home.name] : [];
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...(this.modules.get(name)?.imports ?? []));
    }
    return this.program.modules.filter((m) => seen.has(m.name));
  }

  /** Checks a proof of `goal`; its judgement, or undefined with failures recorded. */
  private async proof(ctx: RuleContext, proof: Proof, goal: Expr, outer: Steps, step: string | undefined, chain: readonly QName[], obligations: ObligationRecord[], failures: Failure[]): Promise<Proved | undefined> {
    if (proof.kind === 'by') return this.justify(ctx, proof.justification, goal, outer, step, chain, obligations, failures);
    // ∀-introduction over the steps: they may name the goal's leading binders (arbitrary values),
    // with `x in D` of each rigid domain as a hypothesis; the qed proves the body under it, and
    // generalizing discharges it.
    const hypotheses = memberships(goal);
    const inner: RuleContext = hypotheses.length > 0 ? { ...ctx, hypotheses: [...(ctx.hypotheses ?? []), ...hypotheses] } : ctx;
    const steps = new Map(outer);
    for (const s of proof.steps) {
      const proved = await this.proof(inner, s.proof, s.formula, steps, s.name, chain, obligations, failures);
      steps.set(s.name, proved ?? 'failed');
    }
    const qedStep = step === undefined ? 'qed' : `${step} / qed`;
    if (hypotheses.length === 0) return this.justify(ctx, proof.qed, goal, steps, qedStep, chain, obligations, failures);
    const body = await this.justify(inner, proof.qed, stripForall(goal), steps, qedStep, chain, obligations, failures);
    if (!body) return undefined;
    const proved = generalize(body, goal);
    if (!proved) failures.push({ code: 'KSP161', message: '∀-introduction does not give the goal', span: proof.qed.span });
    return proved;
  }

  private async justify(ctx: RuleContext, j: Justification, goal: Expr, steps: Steps, step: string | undefined, chain: readonly QName[], obligations: ObligationRecord[], failures: Failure[]): Promise<Proved | undefined> {
    const where: Where = { ...(step ? { step } : {}), span: j.span };
    let outcome: Outcome;
    try {
      outcome = await this.apply(ctx, j, goal, steps, where, chain);
    } catch (e) {
      if (e instanceof Blocked) failures.push(...e.failures);
      // a bug of the kernel's own must not crash the run or prove anything: the step fails
      else failures.push({ code: 'KSP162', message: `internal error in the kernel, the step is not proved: ${e instanceof Error ? e.message : String(e)}`, span: j.span });
      return undefined;
    }
    obligations.push(...outcome.obligations);
    if (!outcome.ok) {
      const label = step ? `step \`${step}\`: ` : '';
      failures.push(...outcome.failures.map((f) => ({ ...f, message: `${label}${f.message}` })));
      return undefined;
    }
    return outcome.proved;
  }

  private async fact(ref: FactRef, steps: Steps, chain: readonly QName[]): Promise<Proved> {
    if (ref.kind === 'step') {
      const s = steps.get(ref.name);
      if (s === undefined) throw new Blocked([{ code: 'KSP160', message: `\`${ref.name}\` is not a proof step available here`, span: ref.span }]);
      if (s === 'failed') throw new Blocked([]);
      return s;
    }
    if (chain.includes(ref.name)) throw new Blocked([{ code: 'KSP107', message: `circular use: \`${ref.name}\` depends on this theorem`, span: ref.span }]);
    const v = await this.verdict(ref.name, chain);
    if (!v.proved) {
      const decl = this.program.theorems.get(ref.name);
      const unstated = decl && !decl.proof ? ' (it is stated without proof)' : '';
      const message = decl?.kind === 'lemma' ? `rests on unproved lemma \`${ref.name}\`${unstated}` : `uses \`${ref.name}\`, which is not proved${unstated}`;
      throw new Blocked([{ code: 'KSP159', message, span: ref.span }]);
    }
    return v.proved;
  }

  private async apply(ctx: RuleContext, j: Justification, goal: Expr, steps: Steps, where: Where, chain: readonly QName[]): Promise<Outcome> {
    const using: Proved[] = [];
    for (const ref of j.using) using.push(await this.fact(ref, steps, chain));
    const rule = j.rule;
    if (rule.kind === 'lemma') {
      const lemmaRef: FactRef = { kind: 'theorem', name: rule.name, span: j.span };
      const lemma = await this.fact(lemmaRef, steps, chain);
      const args = j.args.map((a): Replacement | undefined => {
        if (a.kind === 'expr') return { kind: 'expr', expr: a.expr };
        if (a.kind === 'def') return { kind: 'def', def: a.def, level: this.program.defs.get(a.def)?.level ?? 'constant' };
        return undefined;
      });
      if (args.some((a) => a === undefined)) return { ok: false, failures: [{ code: 'KSP102', message: 'a lemma takes formulas and values as arguments, not facts', span: j.span }], obligations: [] };
      const direct = await instantiate(ctx, goal, lemma, rule.name, args as Replacement[], using, where);
      if (direct.ok || !(goal.kind === 'quant' && goal.quantifier === 'forall')) return direct;
      return this.generalized(goal, (inner) => instantiate(ctx, inner, lemma, rule.name, args as Replacement[], using, where));
    }
    const exprArg = (i: number): Expr | undefined => {
      const a = j.args[i];
      return a?.kind === 'expr' ? a.expr : undefined;
    };
    const factArgs: Proved[] = [];
    for (const a of j.args) if (a.kind === 'fact') factArgs.push(await this.fact(a.fact, steps, chain));
    const shaped = (prove: (g: Expr) => Promise<Outcome>): Promise<Outcome> => {
      const eliminating = (g: Expr): Promise<Outcome> => this.existsEliminated(g, prove);
      return isForallTemporal(goal) ? this.generalized(goal, eliminating) : eliminating(goal);
    };
    switch (rule.name) {
      case 'invariant':
        return shaped((g) => invariant(ctx, g, using, where));
      case 'smt':
        return shaped((g) => smt(ctx, g, using, where));
      case 'stable':
        return shaped((g) => stable(ctx, g, using, where));
      case 'wf1':
      case 'sf1': {
        const action = exprArg(0);
        if (!action) return { ok: false, failures: [{ code: 'KSP102', message: `\`by ${rule.name}\` needs an action`, span: j.span }], obligations: [] };
        return shaped((g) => wf1(ctx, g, action, using, where, rule.name === 'sf1'));
      }
      case 'rank': {
        if (j.args.length === 0) return induction(ctx, goal, where);
        const measure = exprArg(0);
        const stepFact = factArgs[0];
        if (!measure || !stepFact) return { ok: false, failures: [{ code: 'KSP102', message: '`by rank(e, step)` needs an Int expression and a proven step', span: j.span }], obligations: [] };
        return shaped((g) => rank(ctx, g, measure, stepFact, using, where));
      }
      case 'drain': {
        const progress = factArgs[0];
        if (!progress) return { ok: false, failures: [{ code: 'KSP102', message: '`by drain(progress)` needs a proven progress fact', span: j.span }], obligations: [] };
        return shaped((g) => drain(ctx, g, progress, using, where));
      }
      case 'ptl': {
        const facts = [...factArgs, ...using];
        if (!isForallTemporal(goal) && !existsBody(goal)) return ptlRule(ctx, goal, facts, where);
        // The ∀/∃-shaped form decides most such goals at once; the direct form may spend its whole
        // search budget before failing, so it is only the fallback.
        const viaShape = await shaped((g) => ptlRule(ctx, g, facts, where));
        if (viaShape.ok) return viaShape;
        const direct = await ptlRule(ctx, goal, facts, where);
        return direct.ok ? direct : viaShape;
      }
    }
  }

  /** ∃-elimination: prove `P(x) ~> Q` with x free for the goal `(exists x :: P(x)) ~> Q`. */
  private async existsEliminated(goal: Expr, prove: (inner: Expr) => Promise<Outcome>): Promise<Outcome> {
    const body = existsBody(goal);
    if (!body) return prove(goal);
    const inner = await this.existsEliminated(body.premise, prove);
    if (!inner.ok) return inner;
    const proved = existsElim(inner.proved, goal);
    if (!proved) return { ok: false, failures: [{ code: 'KSP161', message: '∃-elimination does not give the goal (the bound name occurs on the right or in a hypothesis)', span: goal.span }], obligations: inner.obligations };
    return { ok: true, proved, obligations: inner.obligations };
  }

  /** ∀-introduction: prove the body of `forall x :: F(x)` with x free, then generalize. */
  private async generalized(goal: Expr, prove: (inner: Expr) => Promise<Outcome>): Promise<Outcome> {
    const inner = await prove(stripForall(goal));
    if (!inner.ok) return inner;
    const proved = generalize(inner.proved, goal);
    if (!proved) return { ok: false, failures: [{ code: 'KSP161', message: '∀-introduction does not give the goal', span: goal.span }], obligations: inner.obligations };
    return { ok: true, proved, obligations: inner.obligations };
  }
}

function isForallTemporal(goal: Expr): boolean {
  return goal.kind === 'quant' && goal.quantifier === 'forall' && (isTemporal(goal) || levelOf(goal) === 'action');
}

/** Check every theorem of the root modules (and what they use), one after another. */
export async function checkProgram(program: Program, options: KernelOptions): Promise<TheoremVerdict[]> {
  const checker = new ProofChecker(program, options);
  const roots = program.modules.filter((m) => program.roots.includes(m.name)).flatMap((m) => m.theorems.map((t) => t.name));
  const out: TheoremVerdict[] = [];
  for (const q of roots) out.push(await checker.verdict(q));
  return out;
}
