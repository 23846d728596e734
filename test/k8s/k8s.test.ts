// The Kubernetes environment (lemmas/k8s) end to end: the generic model checks, every environment
// lemma is proved by the kernel, false environment claims are rejected at the failing premise,
// the example controller's ESR is proved and its instance model-checked clean (broken controllers:
// esr-variants.test.ts). One `verify` run covers every proof (the solver pool and the kernel's memo
// are shared), to keep the file fast.
import { beforeAll, describe, expect, it } from 'vitest';
import { mcResults, runCli, verifyTheorems, type TheoremJson } from '../helpers/cli-async.js';

const EXAMPLE = 'specs/examples/configmap_controller.kspec';
const ESR = 'specs/examples/configmap_esr.kspec';
const WRONG = 'test/fixtures/k8s/wrong_lemmas.kspec';

let verifyStatus = -1;
let theorems = new Map<string, TheoremJson>();

beforeAll(async () => {
  const run = await runCli(['verify', '--json', '--no-cache', 'lemmas/k8s', EXAMPLE, ESR, WRONG]);
  verifyStatus = run.status;
  theorems = verifyTheorems(run.stdout);
}, 400_000);

describe('lemmas/k8s', () => {
  it('the model and the example type-check', async () => {
    const run = await runCli(['check', 'lemmas/k8s', EXAMPLE, ESR]);
    expect(run.stdout).toContain('ok');
    expect(run.status).toBe(0);
  });

  it('every environment lemma is proved (none assumed)', () => {
    const library = [...theorems.values()].filter((t) => t.name.startsWith('k8s.cluster.'));
    expect(library.length).toBeGreaterThanOrEqual(20);
    for (const t of library) expect({ name: t.name, status: t.status }).toEqual({ name: t.name, status: 'proved' });
    for (const lemma of [
      'unique_ids',
      'rv_increases',
      'at_most_one_pending',
      'crash_eventually_disabled',
      'failure_eventually_disabled',
      'api_request_handled',
      'response_delivered',
      'existing_cr_scheduled',
      'reconcile_starts_without_crash',
      'orphan_collected',
      'get_succeeds',
      'update_succeeds',
      'reconcile_terminates',
      'snapshots_settle',
    ]) {
      expect(theorems.get(`k8s.cluster.${lemma}`)?.status).toBe('proved');
    }
    // Something is not proved (the wrong claims, ESR of the example): exit code 1.
    expect(verifyStatus).toBe(1);
  });

  it('each false environment claim is not proved, at the failing premise', () => {
    const first = (name: string) => {
      const t = theorems.get(`wrong_lemmas.${name}`);
      return { status: t?.status, reason: t?.problems?.[0]?.message.split(':')[0], line: t?.problems?.[0]?.line };
    };
    expect(first('scheduled_is_running')).toMatchObject({ status: 'not proved', line: 12 });
    expect(first('scheduled_is_running').reason).toContain('the goal does not follow');
    expect(first('get_always_succeeds')).toEqual({ status: 'not proved', reason: 'progress or stay under fail_request', line: 18 });
    expect(first('never_crashes')).toMatchObject({ status: 'not proved', reason: 'init' });
    expect(first('update_always_succeeds')).toEqual({ status: 'not proved', reason: 'progress or stay under api_handle', line: 28 });
  });
});

describe('the ConfigMap controller', () => {
  it('phases 0-3 of its ESR proof are proved (invariants, termination, settled snapshots, drained writes)', () => {
    const status = (name: string) => theorems.get(`examples.configmap_controller.${name}`)?.status;
    for (const name of ['msg_shapes', 'controller_never_writes_crs', 'records_well_formed', 'crs_filed', 'steps_lower_rank', 'cluster.reconcile_terminates', 'cluster.snapshots_settle', 'writes_settle']) {
      expect({ name, status: status(name) }).toEqual({ name, status: 'proved' });
    }
    // ESR for the models' one resource is a property the models check (`check esr_one: F`), no theorem
    expect(status('esr_one')).toBeUndefined();
  });

  it('its ESR is proved: phase 4 (a fresh reconcile creates or updates the ConfigMap) and the assembly', () => {
    expect(theorems.get('examples.configmap_esr.converges')?.status).toBe('proved');
    expect(theorems.get('examples.configmap_esr.esr')?.status).toBe('proved');
  });

  it('model-checks clean, ESR included', async () => {
    const run = await runCli(['mc', '--json', EXAMPLE]);
    const results = mcResults(run.stdout);
    // `tiny` (crashes and failures) and `specs_change` (spec changes, delete and re-create).
    expect(results.map((r) => [r.status, r.bounded])).toEqual([
      ['ok', false],
      ['ok', false],
    ]);
    for (const r of results) expect(r.properties.map((p) => [p.name, p.kind, p.status])).toEqual([['esr_one', 'liveness', 'holds']]);
    expect(run.status).toBe(0);
  }, 120_000);
});
