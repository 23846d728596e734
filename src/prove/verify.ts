// Proving the theorems of a checked program: each theorem is decided by the kernel, which writes
// and discharges its own obligations; then what the judgements rest on (termination of recursive
// defs, assumptions of instances) and the vacuity checks are discharged at once (cache first, then
// the solver pool). A judgement counts only if everything it rests on holds.
import type { Program, QName } from '../ir/index.js';
import { syntheticSpan, type DiagnosticCode, type Span } from '../diagnostics/index.js';
import type { Solver, SolverResult } from '../solver/index.js';
import { ProofCache } from './cache.js';
import { readCounterexample, type Counterexample } from './counterexample.js';
import { outlineTheorem, planInstanceAssumptions } from './obligations.js';
import { planTermination } from './termination.js';
import { finiteRefinement } from './refine.js';
import type { Blocker, Obligation, TheoremOutline } from './types.js';
import { ProofChecker } from '../kernel/index.js';
import { countingSolver, failureProblem, obligationReport, type Progress, type TheoremVerdict } from './kernel.js';

export type TheoremStatus = 'proved' | 'not proved' | 'error';

/** What a report shows of an obligation: not its SMT text, nor how to read a model back (a reused run keeps only this) */
export type ObligationInfo = Omit<Obligation, 'smt' | 'reading'>;

export interface ObligationReport<O extends ObligationInfo = Obligation> {
  readonly obligation: O;
  readonly status: SolverResult['status'];
  readonly cached: boolean;
  readonly ms: number;
  readonly reason?: string;
  readonly counterexample?: Counterexample;
}

export interface Problem<O extends ObligationInfo = Obligation> {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly span: Span;
  /** the failed obligation, when the problem is one */
  readonly obligation?: ObligationReport<O>;
}

export interface TheoremReport<O extends ObligationInfo = Obligation> {
  readonly name: QName;
  readonly span: Span;
  readonly status: TheoremStatus;
  /** solver time of this theorem's own obligations */
  readonly ms: number;
  readonly obligations: readonly ObligationReport<O>[];
  /** why it is not proved (empty when proved) */
  readonly problems: readonly Problem<O>[];
  /** things worth knowing even when proved (e.g. it holds only vacuously) */
  readonly warnings: readonly Problem<O>[];
  /** an instance's copy of this generic theorem, proved by the generic proof (no obligations of its own) */
  readonly byGeneric?: QName;
}

export interface DischargeOptions {
  readonly solver: Solver;
  readonly timeoutMs: number;
  /** absent: no cache */
  readonly cacheDir?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** verify only these theorems of the root modules (and what they use); absent: all */
  readonly only?: ReadonlySet<QName>;
}

interface Outlines {
  readonly outlines: Map<QName, TheoremOutline>;
  /** instances the roots make, and every instance a verified theorem relies on */
  readonly instances: readonly string[];
}

/** the theorems of the root modules (those in `only`, if given), then every theorem they use, transitively */
function theoremsToVerify(program: Program, only: ReadonlySet<QName> | undefined): Outlines {
  const outlines = new Map<QName, TheoremOutline>();
  const roots = program.modules.filter((m) => program.roots.includes(m.name));
  const work: QName[] = roots.flatMap((m) => m.theorems.map((t) => t.name)).filter((q) => !only || only.has(q));
  while (work.length > 0) {
    const q = work.shift()!;
    if (outlines.has(q)) continue;
    const theorem = program.theorems.get(q);
    if (!theorem) continue;
    const outline = outlineTheorem(program, theorem);
    outlines.set(q, outline);
    for (const r of outline.requires) work.push(r.theorem);
  }
  const instanceNames = new Set([...outlines.values()].flatMap((o) => o.instances));
  for (const m of roots) for (const imp of m.imports) if (program.modules.find((x) => x.name === imp)?.assumes.some((a) => a.obligation)) instanceNames.add(imp);
  return { outlines, instances: [...instanceNames].sort() };
}

async function discharge(program: Program, obligations: readonly Obligation[], options: DischargeOptions, progress: Progress, cache: ProofCache | undefined): Promise<Map<string, ObligationReport>> {
  const byHash = new Map<string, Obligation>();
  for (const o of obligations) if (!byHash.has(o.hash)) byHash.set(o.hash, o);
  const unique = [...byHash.values()];
  progress.total += unique.length;
  progress.report?.(progress.done, progress.total);
  const verdicts = await Promise.all(
    unique.map(async (o) => {
      let result: SolverResult & { cached: boolean };
      if (cache?.isProved(o.smt, o.hash)) result = { status: 'unsat', ms: 0, cached: true };
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
    if (r.status === 'sat' && r.model !== undefined) counterexample = safely(() => readCounterexample(program, o.reading, r.model!));
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

/**
 * Reading a model back is presentation only: whatever Z3 prints that the reader does not
 * understand costs the counterexample, never the verdict or the run.
 */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** the same counterexample with finite sets and maps, when the solver can find one */
async function finiteModel(program: Program, o: Obligation, model: string, options: DischargeOptions): Promise<string> {
  const pins = safely(() => finiteRefinement(program, o.reading, model)) ?? [];
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
  return { name: `${name} (instance assumptions)`, span, status, ms: own.reduce((n, r) => n + r.ms, 0), obligations: own, problems, warnings: [] };
}

function blockerProblem(b: Blocker): Problem {
  return { code: b.code, message: b.message, span: b.span };
}

export async function verifyProgram(program: Program, options: DischargeOptions): Promise<TheoremReport[]> {
  const { outlines, instances: instanceNames } = theoremsToVerify(program, options.only);
  const progress: Progress = { done: 0, total: 0, ...(options.onProgress ? { report: options.onProgress } : {}) };
  const cache = options.cacheDir ? new ProofCache(options.cacheDir, options.solver.name, options.solver.version) : undefined;

  // The kernel decides every theorem (and what it uses), writing its own obligations.
  const checker = new ProofChecker(program, { solver: countingSolver(options.solver, progress), timeoutMs: options.timeoutMs, ...(cache ? { cache } : {}) });
  const verdicts = new Map<QName, TheoremVerdict>();
  for (const q of outlines.keys()) verdicts.set(q, await checker.verdict(q));

  // A theorem resting on a def that may not terminate, or on an instance that breaks its generic
  // module's assumptions, is not proved. A vacuity check is asked only when the theorem had
  // something to prove afresh (or when its contradiction is already on record in the cache), so a
  // fully cached rerun needs no solver.
  const termination = new Map<string, ReturnType<typeof planTermination>>();
  const instances = new Map(instanceNames.map((name) => [name, planInstanceAssumptions(program, name)] as const));
  for (const v of verdicts.values()) {
    for (const key of v.proved?.provenance.termination ?? []) if (!termination.has(key)) termination.set(key, planTermination(program, key.split(',')));
    for (const m of v.proved?.provenance.instances ?? []) if (!instances.has(m)) instances.set(m, planInstanceAssumptions(program, m));
  }
  const worthChecking = (q: QName, vacuity: Obligation) => !cache || cache.isProved(vacuity.smt, vacuity.hash) || verdicts.get(q)!.obligations.some((r) => !r.cached);
  const vacuityChecks = [...outlines].flatMap(([q, o]) => (o.vacuity && worthChecking(q, o.vacuity) ? [o.vacuity] : []));
  const restingOn = [...[...termination.values()].flatMap((t) => t.obligations), ...[...instances.values()].flatMap((i) => i.obligations), ...vacuityChecks];
  const restingReports = await discharge(program, restingOn, options, progress, cache);
  const problemsOf = (plan: { obligations: readonly Obligation[]; blockers: readonly Blocker[] }, refuted: DiagnosticCode) =>
    [...plan.blockers.map(blockerProblem), ...obligationProblems(plan.obligations.map((o) => restingReports.get(o.id)!))].map((p) =>
      p.code === 'KSP100' ? { ...p, code: refuted } : p,
    );
  const terminationProblems = new Map([...termination].map(([key, t]) => [key, problemsOf(t, 'KSP108')] as const));
  const instanceProblems = new Map([...instances].map(([name, plan]) => [name, problemsOf(plan, 'KSP111')] as const));
  const instanceReports = instanceNames.map((name) => instanceReport(program, name, instances.get(name)!, instanceProblems.get(name)!, restingReports));
  const refine = (o: Obligation, model: string): Promise<string> => finiteModel(program, o, model, options);

  const decide = async (q: QName): Promise<TheoremReport> => {
    const outline = outlines.get(q)!;
    const v = verdicts.get(q)!;
    const own = await Promise.all(v.obligations.map((r) => obligationReport(program, r, refine)));
    const problems: Problem[] = v.failures.map((f) => failureProblem(f, own));
    for (const key of v.proved?.provenance.termination ?? []) problems.push(...(terminationProblems.get(key) ?? []));
    for (const m of v.proved?.provenance.instances ?? []) {
      if (instanceProblems.get(m)?.length) problems.push({ code: 'KSP111', message: `relies on instance \`${m}\`, which does not satisfy the assumptions of its generic module`, span: outline.span });
    }
    const isError = v.status === 'error' || problems.some((p) => p.code === 'KSP106' || p.code === 'KSP107');
    const vacuity = outline.vacuity;
    const vacuous = vacuity && restingReports.get(vacuity.id)?.status === 'unsat';
    const warnings: Problem[] = vacuous
      ? [{ code: 'KSP112', message: `${vacuity.goal.replace(/ are satisfiable$/, ' contradict each other')}: this theorem holds only vacuously`, span: vacuity.span }]
      : [];
    return {
      name: q,
      span: outline.span,
      status: problems.length === 0 ? 'proved' : isError ? 'error' : 'not proved',
      ms: own.reduce((s, r) => s + r.ms, 0),
      obligations: own,
      problems,
      warnings,
      ...(v.byGeneric && problems.length === 0 ? { byGeneric: v.byGeneric } : {}),
    };
  };
  const reports: TheoremReport[] = [];
  for (const q of outlines.keys()) reports.push(await decide(q));
  return [...instanceReports, ...reports];
}
