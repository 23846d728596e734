// From theorems to obligations: one SMT-LIB text per premise, built so that the formula to prove
// is negated and everything it may rely on is asserted. `unsat` means the premise holds.
import { createHash } from 'node:crypto';
import type { Binder, Expr, Justification, MachineDecl, Program, Proof, QName, TheoremDecl, FactRef } from '../ir/index.js';
import type { Span } from '../diagnostics/index.js';
import { SmtEncoder, Unencodable, type Env } from '../smt/index.js';
import { homeModule, moduleClosure, variablesIn } from './ir-walk.js';
import type { Blocker, ModelReading, Obligation, ObligationOrigin, TheoremOutline, TheoremPlan } from './types.js';

const NEG: Env = { state: 0, polarity: 'neg' };
const POS: Env = { state: 0, polarity: 'pos' };

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What a proven formula lets later obligations assume. */
type Fact =
  | { readonly kind: 'invariant'; readonly machine: QName; readonly pred: Expr }
  | { readonly kind: 'constant'; readonly pred: Expr };

const LEVELS = { constant: 0, state: 1, action: 2, temporal: 3 } as const;

/** `[]P` with P a state predicate is an invariant; a constant formula is a plain fact */
function factOf(machine: QName | undefined, formula: Expr): Fact | undefined {
  if (formula.level === 'constant') return { kind: 'constant', pred: formula };
  if (formula.kind === 'always' && LEVELS[formula.arg.level] <= LEVELS.state) {
    if (formula.arg.level === 'constant') return { kind: 'constant', pred: formula.arg };
    if (machine) return { kind: 'invariant', machine, pred: formula.arg };
  }
  return undefined;
}

/**
 * `not (forall x in D :: P)` is asserted as `x in D` and `not P` with `x` free: the same
 * formula, but the model then names the `x` for which P fails.
 */
function negatedGoal(enc: SmtEncoder, goal: Expr, env: Env, witnesses: Binder[]): string[] {
  const hyps: string[] = [];
  let g = goal;
  while (g.kind === 'quant' && g.quantifier === 'forall') {
    const x = enc.freeLocal(g.binder);
    witnesses.push(g.binder);
    if (g.domain) hyps.push(enc.memberOf(g.domain, x, { ...env, polarity: 'both' }));
    g = g.body;
  }
  return [...hyps, `(not ${enc.reused(g, env)})`];
}

export interface PlanOutput {
  readonly plan: TheoremPlan;
  /** recursive def groups used, by key */
  readonly recursive: ReadonlyMap<string, readonly QName[]>;
}

export function groupKey(group: readonly QName[]): string {
  return [...group].sort().join(',');
}

class Planner {
  readonly obligations: Obligation[] = [];
  /** first-order premises met (each encoded into `obligations` only when `encoding`) */
  premises = 0;
  readonly requires: { theorem: QName; span: Span }[] = [];
  readonly blockers: Blocker[] = [];
  readonly recursive = new Map<string, readonly QName[]>();
  private readonly stepFacts = new Map<string, Expr>();
  private readonly assumes: readonly Expr[];
  /** instance modules in scope whose bound assumes are obligations: this theorem relies on them */
  readonly instances: readonly string[];

  constructor(
    readonly program: Program,
    readonly theorem: TheoremDecl,
    private readonly encoding: boolean,
  ) {
    const home = homeModule(program, theorem.name);
    const closure = home ? moduleClosure(program, home.name) : [];
    // An instance's bound assumes are used like any other, but only because the theorem then also
    // requires them proved (see planInstanceAssumptions); proving them uses none of them.
    this.assumes = closure.flatMap((m) => m.assumes.map((a) => a.expr));
    this.instances = closure.filter((m) => m.assumes.some((a) => a.obligation)).map((m) => m.name);
  }

  block(status: Blocker['status'], code: Blocker['code'], message: string, span: Span): void {
    this.blockers.push({ status, code, message, span });
  }

  /** assumes and (for a machine) init: satisfiable, or everything follows from them */
  vacuity(): Obligation | undefined {
    const machine = this.theorem.machine ? this.program.machines.get(this.theorem.machine) : undefined;
    const enc = new SmtEncoder(this.program);
    let smt: string;
    try {
      smt = enc.render([...this.hypotheses(enc, [], 0), ...(machine ? [enc.reused(machine.init, NEG)] : [])]);
    } catch (e) {
      if (e instanceof Unencodable) return undefined;
      throw e;
    }
    const premise = machine ? 'the assumptions and the initial condition are satisfiable' : 'the assumptions are satisfiable';
    return {
      id: `${this.theorem.name} / vacuity`,
      origin: { theorem: this.theorem.name, premise },
      span: machine ? machine.init.span : this.theorem.span,
      goal: premise,
      smt,
      hash: sha256(smt),
      reading: { kind: 'constants', params: [], witnesses: [], relevant: [] },
    };
  }

  plan(): void {
    const proof = this.theorem.proof;
    if (!proof) {
      this.block('not proved', 'KSP109', 'the theorem has no proof', this.theorem.span);
      return;
    }
    this.proof(proof, this.theorem.formula, undefined);
  }

  private proof(proof: Proof, formula: Expr, step: string | undefined): void {
    if (proof.kind === 'by') {
      this.justify(proof.justification, formula, step);
      return;
    }
    for (const s of proof.steps) {
      this.proof(s.proof, s.formula, s.name);
      this.stepFacts.set(s.name, s.formula);
    }
    this.justify(proof.qed, formula, step);
  }

  private justify(j: Justification, formula: Expr, step: string | undefined): void {
    // theorems a temporal step cites (`ptl(t, …)`, a lemma) are verified and reported like `using` facts
    if (j.rule.kind === 'lemma') this.require(j.rule.name, j.span);
    for (const a of j.args) if (a.kind === 'fact' && a.fact.kind !== 'step') this.require(a.fact.name, a.fact.span);
    const facts = this.resolveUsing(j.using);
    if (facts === undefined) return;
    if (j.rule.kind === 'builtin' && j.rule.name === 'invariant') this.invariant(formula, facts, j, step);
    else if (j.rule.kind === 'builtin' && j.rule.name === 'smt') this.smt(formula, facts, j, step);
    else {
      this.block('not proved', 'KSP105', `\`by ${j.rule.name}\`: temporal reasoning is not available yet`, j.span);
    }
  }

  /** the theorem `name` (if it is one) must be proved for this one to be */
  private require(name: QName, span: Span): void {
    if (this.program.theorems.has(name) && !this.requires.some((r) => r.theorem === name)) this.requires.push({ theorem: name, span });
  }

  private resolveUsing(using: readonly FactRef[]): Fact[] | undefined {
    const facts: Fact[] = [];
    for (const ref of using) {
      let formula: Expr | undefined;
      let machine = this.theorem.machine;
      if (ref.kind === 'step') formula = this.stepFacts.get(ref.name);
      else {
        const t = this.program.theorems.get(ref.name);
        if (t && t.params.length > 0) {
          this.block('error', 'KSP102', `\`${ref.name}\` has parameters; use it through \`by ${ref.name}(...)\` rather than \`using\``, ref.span);
          return undefined;
        }
        if (t) {
          formula = t.formula;
          machine = t.machine;
          this.require(ref.name, ref.span);
        }
      }
      if (!formula) {
        this.block('error', 'KSP103', `\`${ref.name}\` is not a proved fact here`, ref.span);
        return undefined;
      }
      const fact = factOf(machine, formula);
      if (!fact) {
        this.block('not proved', 'KSP105', `\`${ref.name}\` is temporal; a first-order step can use only invariants [](P) and constant facts`, ref.span);
        return undefined;
      }
      if (fact.kind === 'invariant' && fact.machine !== this.theorem.machine) {
        this.block('error', 'KSP103', `\`${ref.name}\` is an invariant of another machine`, ref.span);
        return undefined;
      }
      facts.push(fact);
    }
    return facts;
  }

  private machineOf(span: Span): MachineDecl | undefined {
    const q = this.theorem.machine;
    const m = q ? this.program.machines.get(q) : undefined;
    if (!m) this.block('error', 'KSP102', 'this justification needs a theorem about a machine (`M |= ...`)', span);
    return m;
  }

  private invariant(formula: Expr, facts: readonly Fact[], j: Justification, step: string | undefined): void {
    if (formula.kind !== 'always' || LEVELS[formula.arg.level] > LEVELS.state) {
      this.block('error', 'KSP102', '`by invariant` proves formulas of the form [](P) with P a state predicate', formula.span);
      return;
    }
    const machine = this.machineOf(j.span);
    if (!machine) return;
    const inv = formula.arg;
    const relevant = variablesIn(inv);
    this.add(
      { theorem: this.theorem.name, ...(step ? { step } : {}), premise: 'init' },
      machine.init.span,
      'the invariant holds in every initial state',
      inv.span,
      { kind: 'state', machine: machine.name, params: [], relevant },
      (enc, w) => [...this.hypotheses(enc, [], 0), enc.reused(machine.init, NEG), ...negatedGoal(enc, inv, POS, w)],
    );
    for (const action of machine.actions) {
      this.add(
        { theorem: this.theorem.name, ...(step ? { step } : {}), premise: `consecution of ${action.name}` },
        action.span,
        `action \`${action.name}\` preserves the invariant`,
        inv.span,
        { kind: 'step', machine: machine.name, action: action.name, params: action.params.map((p) => p.binder), relevant },
        (enc, w) => {
          for (const p of action.params) enc.freeLocal(p.binder);
          return [
            ...this.hypotheses(enc, facts, 2),
            enc.reused(inv, NEG),
            ...enc.actionConjuncts(machine, action, NEG, true),
            ...negatedGoal(enc, inv, { state: 1, polarity: 'pos' }, w),
          ];
        },
      );
    }
  }

  private smt(formula: Expr, facts: readonly Fact[], j: Justification, step: string | undefined): void {
    const origin: ObligationOrigin = { theorem: this.theorem.name, ...(step ? { step } : {}), premise: 'smt' };
    const relevant = variablesIn(formula);
    if (formula.level === 'constant') {
      const constantFacts = facts.filter((f) => f.kind === 'constant');
      this.add(origin, formula.span, 'the formula holds', undefined, { kind: 'constants', params: [], relevant }, (enc, w) => [
        ...this.hypotheses(enc, constantFacts, 0),
        ...negatedGoal(enc, formula, POS, w),
      ]);
      return;
    }
    const always = formula.kind === 'always';
    const pred = always ? formula.arg : formula;
    if (LEVELS[pred.level] > LEVELS.state) {
      this.block('not proved', 'KSP105', '`by smt` proves constant and state formulas; this one is temporal', formula.span);
      return;
    }
    const machine = this.machineOf(j.span);
    if (!machine) return;
    this.add(
      origin,
      formula.span,
      always ? 'the formula holds in every reachable state' : 'the formula holds in every initial state',
      undefined,
      { kind: 'state', machine: machine.name, params: [], relevant },
      (enc, w) => [...this.hypotheses(enc, facts, 1), ...(always ? [] : [enc.reused(machine.init, NEG)]), ...negatedGoal(enc, pred, POS, w)],
    );
  }

  /** assumptions on constants, constant facts, and invariants in states 0 .. states-1 */
  private hypotheses(enc: SmtEncoder, facts: readonly Fact[], states: number): string[] {
    const out = this.assumes.map((a) => enc.reused(a, NEG));
    for (const f of facts) {
      if (f.kind === 'constant') out.push(enc.reused(f.pred, NEG));
      else for (let s = 0; s < states; s++) out.push(enc.reused(f.pred, { state: s, polarity: 'neg' }));
    }
    return out;
  }

  private add(
    origin: ObligationOrigin,
    span: Span,
    goal: string,
    formulaSpan: Span | undefined,
    reading: Omit<ModelReading, 'witnesses' | 'params'> & { readonly params: readonly Binder[] },
    build: (enc: SmtEncoder, witnesses: Binder[]) => string[],
  ): void {
    this.premises++;
    if (!this.encoding) return;
    const enc = new SmtEncoder(this.program);
    const witnesses: Binder[] = [...this.theorem.params];
    let smt: string;
    try {
      for (const p of this.theorem.params) enc.freeLocal(p);
      // proof steps may name the theorem's leading `forall` variables: arbitrary values of their domains
      const arbitrary = leadingForall(this.theorem.formula).map(({ binder, domain }) => {
        const x = enc.freeLocal(binder);
        return domain ? [enc.memberOf(domain, x, NEG)] : [];
      });
      smt = enc.render([...arbitrary.flat(), ...build(enc, witnesses)]);
    } catch (e) {
      if (!(e instanceof Unencodable)) throw e;
      this.block('not proved', 'KSP104', e.message, e.span);
      return;
    }
    for (const group of enc.recursiveGroups()) this.recursive.set(groupKey(group), group);
    const id = [origin.theorem, origin.step, origin.premise].filter((x) => x !== undefined).join(' / ');
    const free = (bs: readonly Binder[]) => bs.map((binder) => ({ binder, symbol: enc.binder(binder) }));
    const modelReading: ModelReading = { ...reading, params: free(reading.params), witnesses: free(witnesses) };
    this.obligations.push({ id, origin, span, goal, ...(formulaSpan ? { formulaSpan } : {}), smt, hash: sha256(smt), reading: modelReading });
  }
}

function leadingForall(formula: Expr): { readonly binder: Binder; readonly domain?: Expr }[] {
  const out: { binder: Binder; domain?: Expr }[] = [];
  for (let e = formula; e.kind === 'quant' && e.quantifier === 'forall'; e = e.body) out.push(e.domain ? { binder: e.binder, domain: e.domain } : { binder: e.binder });
  return out;
}

export function planTheorem(program: Program, theorem: TheoremDecl): PlanOutput {
  const planner = new Planner(program, theorem, true);
  planner.plan();
  const vacuity = planner.obligations.length > 0 ? planner.vacuity() : undefined;
  return {
    plan: {
      theorem: theorem.name,
      span: theorem.span,
      obligations: planner.obligations,
      requires: planner.requires,
      instances: planner.instances,
      termination: [...planner.recursive.keys()].sort(),
      blockers: planner.blockers,
      ...(vacuity ? { vacuity } : {}),
    },
    recursive: planner.recursive,
  };
}

/** What `kproof verify` needs of a theorem besides the kernel's judgement; see TheoremOutline. */
export function outlineTheorem(program: Program, theorem: TheoremDecl): TheoremOutline {
  const planner = new Planner(program, theorem, false);
  planner.plan();
  const vacuity = planner.premises > 0 ? planner.vacuity() : undefined;
  return { theorem: theorem.name, span: theorem.span, requires: planner.requires, instances: planner.instances, ...(vacuity ? { vacuity } : {}) };
}

/**
 * The assumes of an instance that mention what the instance binds are not assumptions there: each
 * must follow from the assumes that stay assumptions (those of the module's closure without
 * `obligation`).
 */
export function planInstanceAssumptions(program: Program, moduleName: string): { obligations: Obligation[]; blockers: Blocker[] } {
  const module = program.modules.find((m) => m.name === moduleName);
  const obligations: Obligation[] = [];
  const blockers: Blocker[] = [];
  if (!module) return { obligations, blockers };
  const hypotheses = moduleClosure(program, moduleName).flatMap((m) => m.assumes.filter((a) => !a.obligation).map((a) => a.expr));
  module.assumes.forEach((a, i) => {
    if (!a.obligation) return;
    const enc = new SmtEncoder(program);
    const witnesses: Binder[] = [];
    let smt: string;
    try {
      smt = enc.render([...hypotheses.map((h) => enc.reused(h, NEG)), ...negatedGoal(enc, a.expr, POS, witnesses)]);
    } catch (e) {
      if (!(e instanceof Unencodable)) throw e;
      blockers.push({ status: 'not proved', code: 'KSP104', message: e.message, span: e.span });
      return;
    }
    const premise = `assumption ${a.name ?? i + 1} of instance ${moduleName}`;
    obligations.push({
      id: `${moduleName} / ${premise}`,
      origin: { theorem: moduleName, premise },
      span: a.span,
      goal: 'the instance satisfies this assumption of the generic module',
      smt,
      hash: sha256(smt),
      reading: { kind: 'constants', params: [], witnesses: witnesses.map((binder) => ({ binder, symbol: enc.binder(binder) })), relevant: [] },
    });
  });
  return { obligations, blockers };
}
