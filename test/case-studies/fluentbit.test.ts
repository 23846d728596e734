// The FluentBit case study (specs/fluentbit): the controller type-checks, its models have no
// violation of ESR (assuming the user-written configuration Secret exists), under crashes and
// transient failures, with the Secret created before or after the FluentBit resource; and ESR is
// proved for unbounded ids, every resource and spec (fluentbit.kspec: phases 0-3; esr.kspec: the
// phases hold for good, phase 4 and the assembly).
import { describe, expect, it } from 'vitest';
import { mcResults, runCli, verifyTheorems } from '../helpers/cli-async.js';

const CONTROLLER = 'specs/fluentbit/fluentbit.kspec';
const PROOF = 'specs/fluentbit/esr.kspec';

describe('the FluentBit controller', () => {
  it('type-checks', async () => {
    const run = await runCli(['check', CONTROLLER]);
    expect(run.stdout).toContain('ok');
    expect(run.status).toBe(0);
  }, 60_000);

  it('model-checks clean, ESR included', async () => {
    const run = await runCli(['mc', '--json', CONTROLLER]);
    const results = mcResults(run.stdout);
    expect(results.map((r) => [r.model, r.status, r.bounded])).toEqual([
      ['faults', 'ok', false],
      ['two_writes', 'ok', false],
    ]);
    for (const r of results) expect(r.properties.map((p) => [p.name, p.kind, p.status])).toEqual([['esr_holds', 'liveness', 'holds']]);
    expect(run.status).toBe(0);
  }, 120_000);

  it('has its phases proved', async () => {
    const run = await runCli(['verify', '--json', '--jobs', '2', CONTROLLER]);
    const theorems = verifyTheorems(run.stdout);
    // esr_holds is no theorem but a property the models check: it speaks of their bounded ids (esr.kspec proves ESR for unbounded ones).
    expect([...theorems.values()].filter((t) => t.status !== 'proved').map((t) => t.name)).toEqual([]);
    expect(theorems.has('fluentbit.fluentbit.esr_holds')).toBe(false);
    for (const name of ['records_well_formed', 'gets_answered', 'steps_lower_rank', 'writes_settle']) {
      expect(theorems.get(`fluentbit.fluentbit.${name}`)?.status).toBe('proved');
    }
    expect(run.status).toBe(0);
  }, 600_000);

  it('has ESR proved under its premise (the resource keeps its spec, the Secret exists)', async () => {
    const run = await runCli(['verify', '--json', '--jobs', '2', PROOF]);
    const theorems = verifyTheorems(run.stdout);
    expect([...theorems.values()].filter((t) => t.status !== 'proved').map((t) => t.name)).toEqual([]);
    for (const name of ['phases_hold', 'converges', 'esr']) expect(theorems.get(`fluentbit.esr.${name}`)?.status).toBe('proved');
    // phases 1-2 are the library's generic lemmas, for FluentBit's rank: proved once for every controller
    for (const name of ['reconcile_terminates', 'snapshots_settle']) {
      const t = theorems.get(`fluentbit.fluentbit.cluster.${name}`);
      expect([name, t?.status, t?.byGeneric]).toEqual([name, 'proved', `k8s.cluster.${name}`]);
    }
    expect(run.status).toBe(0);
  }, 600_000);
});
