// Proving the theorems of a checked program: plan obligations, discharge them (cache first, then
// the solver pool, all at once), then decide each theorem from its obligations, its blockers, the
// theorems it uses and the termination of the recursive defs it relies on.
import type { Program, QName } from '../ir/index.js';
import { syntheticSpan, type DiagnosticCode, type Span } from '../diagnostics/index.js';
import type { Solver, SolverResult } from '../solver/index.js';
import { ProofCache } from './cache.js';
import { readCounterexample, type Counterexample } from './counterexample.js';
import { planInstanceAssumptions, planTheorem } from './obligations.js';
import { planTermination } from './termination.js';
import { finiteRefinement } from './refine.js';
import type { Blocker, Obligation, TheoremPlan } from './types.js';

export type TheoremStatus = 'proved' | 'not proved' | 'error';

export interface ObligationReport {
  readonly obligation: Obligation;
  readonly status: SolverResult['status'];
  readonly cached: boolean;
  readonly ms: number;
  readonly reason?: string;
  readonly counterexample?: Counterexample;
}

export interface Problem {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly span: Span;
  /** the failed obligation, when the problem is one */
  readonly obligation?: ObligationReport;
}

export interface TheoremReport {
  readonly name: QName;
  readonly span: Span;
  readonly status: TheoremStatus;
  /** solver time of this theorem's own obligations */
  readonly ms: number;
  readonly obligations: readonly ObligationReport[];
  /** why it is not proved (empty when proved) */
  readonly problems: readonly Problem[];
}

export interface DischargeOptions {
  readonly solver: Solver;
  readonly timeoutMs: number;
  /** absent: no cache */
  readonly cacheDir?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

interface Plans {
  readonly plans: Map<QName, TheoremPlan>;
  readonly termination: Map<string, ReturnType<typeof planTermination>>;
  readonly instances: Map<string, ReturnType<typeof planInstanceAssumptions>>;
}

/** the theorems of the root modules, then every theorem they use, transitively */
function theoremsToVerify(program: Program): Plans {
  const plans = new Map<QName, TheoremPlan>();
  const recursive = new Map<string, readonly QName[]>();
  const roots = program.modules.filter((m) => program.roots.includes(m.name));
  const work: QName[] = roots.flatMap((m) => m.theorems.map((t) => t.name));
  while (work.length > 0) {
    const q = work.shift()!;
    if (plans.has(q)) continue;
    const theorem = program.theorems.get(q);
    if (!theorem) continue;
    const out = planTheorem(program, theorem);
    plans.set(q, out.plan);
    for (const [key, group] of out.recursive) recursive.set(key, group);
    for (const r of out.plan.requires) work.push(r.theorem);
  }
  const termination = new Map<string, ReturnType<typeof planTermination>>();
  for (const key of [...recursive.keys()].sort()) termination.set(key, planTermination(program, recursive.get(key)!));
  // instances the roots make, and every instance a verified theorem relies on
  const instanceNames = new Set([...plans.values()].flatMap((p) => p.instances));
  for (const m of roots) for (const imp of m.imports) if (program.modules.find((x) => x.name === imp)?.assumes.some((a) => a.obligation)) instanceNames.add(imp);
  const instances = new Map([...instanceNames].sort().map((name) => [name, planInstanceAssumptions(program, name)] as const));
  return { plans, termination, instances };
}

interface Progress {
  done: number;
  total: number;
  readonly report?: (done: number, total: number) => void;
}

async function discharge(program: Program, obligations: readonly Obligation[], options: DischargeOptions, progress: Progress): Promise<Map<string, ObligationReport>> {
  const cache = options.cacheDir ? new ProofCache(options.cacheDir, options.solver.name, options.solver.version) : undefined;
  const byHash = new Map<string, Obligation>();
  for (const o of obligations) if (!byHash.has(o.hash)) byHash.set(o.hash, o);
  const unique = [...byHash.values()];
  progress.total += unique.length;
  progress.report?.(progress.done, progress.total);
  const verdicts = await Promise.all(
    unique.map(async (o) => {
      let result: SolverResult & { cached: boolean };
      if (cache?.isProved(o.smt)) result = { status: 'unsat', ms: 0, cached: true };
      else {
        result = { ...(await options.solver.check({ smt: o.smt, timeoutMs: options.timeoutMs, wantModel: true })), cached: false };
        if (result.status === 'unsat') cache?.recordProved(o.smt);
        if (result.status === 'sat' && result.model !== undefined) result = { ...result, model: await finiteModel(program, o, result.model, options) };
      }
      progress.report?.(++progress.done, progress.total);
      return [o.hash, result] as const;
    }),
  );
  const byResult = new Map(verdicts);
  const reports = new Map<string, ObligationReport>();
  for (const o of obligations) {
    const r = byResult.get(o.hash)!;
    let counterexample: Counterexample | undefined;
    if (r.status === 'sat' && r.model !== undefined) counterexample = readCounterexample(program, o.reading, r.model);
    reports.set(o.id, {
      obligation: o,
      status: r.status,
      cached: r.cached,
      ms: r.ms,
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
      ...(counterexample ? { counterexample } : {}),
    });
  }
  return reports;
}

/** the same counterexample with finite sets and maps, when the solver can find one */
async function finiteModel(program: Program, o: Obligation, model: string, options: DischargeOptions): Promise<string> {
  const pins = finiteRefinement(program, o.reading, model);
  if (pins.length === 0) return model;
  const refined = await options.solver.check({ smt: `${o.smt}${pins.join('\n')}\n`, timeoutMs: options.timeoutMs, wantModel: true });
  return refined.status === 'sat' && refined.model !== undefined ? refined.model : model;
}

function obligationProblems(reports: readonly ObligationReport[]): Problem[] {
  return reports.flatMap((r): Problem[] => {
    const o = r.obligation;
    const where = o.origin.step ? `step \`${o.origin.step}\`, ${o.origin.premise}` : o.origin.premise;
    switch (r.status) {
      case 'unsat':
        return [];
      case 'sat':
        return [{ code: 'KSP100', message: `${where}: not proved that ${o.goal}; the solver found a counterexample`, span: o.span, obligation: r }];
      case 'unknown':
        return [{ code: 'KSP101', message: `${where}: not proved: the solver could not decide (${r.reason ?? 'unknown'})`, span: o.span, obligation: r }];
      case 'error':
        return [{ code: 'KSP106', message: `${where}: solver error: ${r.reason ?? 'unknown'}`, span: o.span, obligation: r }];
    }
  });
}

/** one "temporal reasoning" blocker per theorem is enough: it names every rule that needs it */
function collapseTemporal(blockers: readonly Blocker[]): Blocker[] {
  const temporal = blockers.filter((b) => b.code === 'KSP105' && b.message.startsWith('`by '));
  if (temporal.length <= 1) return [...blockers];
  const rules = [...new Set(temporal.map((b) => /^`by ([^`]*)`/.exec(b.message)?.[1] ?? '?'))];
  const merged: Blocker = { ...temporal[0]!, message: `temporal reasoning is not available yet (needed by ${rules.map((r) => `\`by ${r}\``).join(', ')})` };
  return [merged, ...blockers.filter((b) => !temporal.includes(b))];
}

function instanceReport(
  program: Program,
  name: string,
  plan: { readonly obligations: readonly Obligation[] },
  problems: readonly Problem[],
  reports: ReadonlyMap<string, ObligationReport>,
): TheoremReport {
  const own = plan.obligations.map((o) => reports.get(o.id)!);
  const module = program.modules.find((m) => m.name === name);
  const span = module?.instanceOf?.span ?? plan.obligations[0]?.span ?? syntheticSpan(module?.file ?? name);
  const status = problems.length === 0 ? 'proved' : 'not proved';
  return { name: `${name} (instance assumptions)`, span, status, ms: own.reduce((n, r) => n + r.ms, 0), obligations: own, problems };
}

function blockerProblem(b: Blocker): Problem {
  return { code: b.code, message: b.message, span: b.span };
}

export async function verifyProgram(program: Program, options: DischargeOptions): Promise<TheoremReport[]> {
  const { plans, termination, instances } = theoremsToVerify(program);
  const progress: Progress = { done: 0, total: 0, ...(options.onProgress ? { report: options.onProgress } : {}) };

  // Termination and instance assumptions first: a theorem resting on a def that may not terminate,
  // or on an instance that breaks its generic module's assumptions, is not proved, and its own
  // obligations (where those would be inconsistent axioms) need not be sent at all.
  const prerequisites = [...[...termination.values()].flatMap((t) => t.obligations), ...[...instances.values()].flatMap((i) => i.obligations)];
  const prerequisiteReports = await discharge(program, prerequisites, options, progress);
  const problemsOf = (plan: { obligations: readonly Obligation[]; blockers: readonly Blocker[] }, refuted: DiagnosticCode) =>
    [...plan.blockers.map(blockerProblem), ...obligationProblems(plan.obligations.map((o) => prerequisiteReports.get(o.id)!))].map((p) =>
      p.code === 'KSP100' ? { ...p, code: refuted } : p,
    );
  const terminationProblems = new Map([...termination].map(([key, t]) => [key, problemsOf(t, 'KSP108')] as const));
  const instanceReports = [...instances].map(([name, plan]) => instanceReport(program, name, plan, problemsOf(plan, 'KSP111'), prerequisiteReports));
  const instanceOk = new Map([...instances.keys()].map((name, i) => [name, instanceReports[i]!.status === 'proved'] as const));
  const runnable = (p: TheoremPlan) => p.termination.every((key) => (terminationProblems.get(key) ?? []).length === 0) && p.instances.every((m) => instanceOk.get(m) !== false);
  const reports = await discharge(program, [...plans.values()].filter(runnable).flatMap((p) => p.obligations), options, progress);

  const decided = new Map<QName, TheoremReport>();
  const inProgress = new Set<QName>();
  const decide = (q: QName): TheoremReport => {
    const known = decided.get(q);
    if (known) return known;
    const plan = plans.get(q)!;
    inProgress.add(q);
    const own = plan.obligations.flatMap((o) => reports.get(o.id) ?? []);
    const problems: Problem[] = [...collapseTemporal(plan.blockers).map(blockerProblem), ...obligationProblems(own)];
    for (const r of plan.requires) {
      if (inProgress.has(r.theorem)) {
        problems.push({ code: 'KSP107', message: `circular \`using\`: \`${r.theorem}\` depends on this theorem`, span: r.span });
        continue;
      }
      if (!plans.has(r.theorem)) {
        problems.push({ code: 'KSP103', message: `\`${r.theorem}\` is not a theorem that can be verified here`, span: r.span });
        continue;
      }
      const used = decide(r.theorem);
      if (used.status !== 'proved') problems.push({ code: 'KSP103', message: `uses \`${r.theorem}\`, which is ${used.status === 'error' ? 'in error' : 'not proved'}`, span: r.span });
    }
    for (const key of plan.termination) problems.push(...(terminationProblems.get(key) ?? []));
    for (const m of plan.instances) {
      if (instanceOk.get(m) === false) problems.push({ code: 'KSP111', message: `relies on instance \`${m}\`, which does not satisfy the assumptions of its generic module`, span: plan.span });
    }
    inProgress.delete(q);
    const isError = plan.blockers.some((b) => b.status === 'error') || problems.some((p) => p.code === 'KSP106' || p.code === 'KSP107');
    const report: TheoremReport = {
      name: q,
      span: plan.span,
      status: problems.length === 0 ? 'proved' : isError ? 'error' : 'not proved',
      ms: own.reduce((s, r) => s + r.ms, 0),
      obligations: own,
      problems,
    };
    decided.set(q, report);
    return report;
  };
  return [...instanceReports, ...[...plans.keys()].map(decide)];
}
