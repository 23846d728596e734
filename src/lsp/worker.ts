// The proof worker: runs verify and model-check jobs off the server's thread, so typing stays
// responsive, and so a newer save can cancel a running job by terminating the thread.
import { parentPort } from 'node:worker_threads';
import { join } from 'node:path';
import { checkFiles } from '../check/index.js';
import { hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { formatResult, modelCheck } from '../mc/index.js';
import { verify, type Counterexample, type ObligationInfo, type TheoremReport } from '../prove/index.js';
import type { Failure, Job, JobResult, ModelOutcome, TheoremOutcome } from './jobs.js';

function counterexampleText(c: Counterexample): string {
  const lines: string[] = [];
  if (c.action) lines.push(`step: ${c.action}`);
  for (const s of c.sections) for (const e of s.entries) lines.push(`${s.title} ${e.name} = ${e.value}`);
  return lines.join('\n');
}

function outcome(t: TheoremReport<ObligationInfo>): TheoremOutcome {
  const failures: Failure[] = t.problems.map((p) => {
    const cex = p.obligation?.counterexample;
    return { code: p.code, message: cex ? `${p.message}\ncounterexample:\n${counterexampleText(cex)}` : p.message, span: p.span };
  });
  return {
    name: t.name,
    span: t.span,
    status: t.status,
    ms: t.ms,
    obligations: t.obligations.length,
    cached: t.obligations.filter((o) => o.cached).length,
    failures,
  };
}

function asFailures(ds: readonly Diagnostic[]): Failure[] {
  return ds.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, message: d.message, span: d.span }));
}

async function runVerify(job: Extract<Job, { kind: 'verify' }>): Promise<JobResult> {
  const r = await verify([job.file], { cwd: job.cwd, cacheDir: join(job.cwd, '.kproof-cache'), include: job.include, timeoutMs: job.timeoutMs });
  return { kind: 'verify', theorems: r.theorems.map(outcome), diagnostics: asFailures(r.diagnostics) };
}

function runModelCheck(job: Extract<Job, { kind: 'modelCheck' }>): JobResult {
  const checked = checkFiles([job.file], { include: job.include });
  if (!checked.program || hasErrors(checked.diagnostics)) return { kind: 'modelCheck', models: [], diagnostics: asFailures(checked.diagnostics) };
  const program = checked.program;
  const names = job.model ? [job.model] : [...program.models.values()].filter((m) => program.roots.some((r) => m.name.startsWith(`${r}.`))).map((m) => m.name);
  const models: ModelOutcome[] = [];
  const diagnostics: Failure[] = [];
  for (const name of names) {
    const out = modelCheck(program, name, { maxStates: job.maxStates });
    diagnostics.push(...asFailures(out.diagnostics));
    const r = out.result;
    if (!r) continue;
    const v = r.violation;
    const decl = program.models.get(r.model) ?? [...program.models.values()].find((m) => m.name.endsWith(`.${r.model}`));
    models.push({
      model: r.model,
      status: r.status,
      report: formatResult(r, 0),
      ...(decl ? { span: decl.span } : {}),
      ...(v && 'property' in v ? { violated: v.property } : {}),
      properties: r.properties.map((x) => ({ name: x.name, status: x.status })),
    });
  }
  return { kind: 'modelCheck', models, diagnostics };
}

async function run(job: Job): Promise<JobResult> {
  try {
    return job.kind === 'verify' ? await runVerify(job) : runModelCheck(job);
  } catch (e) {
    return { kind: 'crash', message: e instanceof Error ? e.message : String(e) };
  }
}

// One worker serves one document for as long as it is open, one job at a time: modules and the
// solver's WASM stay loaded between saves, so a save after the first is answered from warm state.
if (parentPort) {
  const port = parentPort;
  port.on('message', (message: { id: number; job: Job }) => {
    void run(message.job).then((result) => port.postMessage({ id: message.id, result }));
  });
}
