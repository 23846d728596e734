// The RabbitMQ case study (specs/rabbitmq): the controller and its buggy variant type-check, the
// safety proof "a StatefulSet's replicas never decrease" holds for the controller and fails for the
// variant at the invariant its bug breaks (the update of a StatefulSet read from a deleted
// resource), ESR is proved for unbounded ids, every resource and spec (esr.kspec), the
// controller's models have no violation (ESR under crashes, failures and a scale-up; the
// StatefulSet's replicas never decrease, also when the resource is deleted and re-created with
// fewer replicas), and the variant without the owner check scales the old StatefulSet down: the model checker's
// trace deletes the resource, re-creates it with fewer replicas and updates the old StatefulSet
// before the garbage collector removes it.
import { describe, expect, it } from 'vitest';
import { mcResults, param, runCli, variable, verifyTheorems, type TheoremJson, type TraceStep } from '../helpers/cli-async.js';
import { lineOf } from '../helpers/files.js';

const CONTROLLER = 'specs/rabbitmq/rabbitmq.kspec';
const BUGGY = 'specs/rabbitmq/buggy-scaledown.kspec';
const ESR = 'specs/rabbitmq/esr.kspec';
const STS_KEY = 'ObjKey { kind: "StatefulSet", namespace: "ns", name: "rmq-server" }';

interface StoredObj {
  uid: number;
  owners: string;
  spec: number;
}

// An object of the given kind in a printed etcd, or undefined when there is none.
function stored(etcd: string, kind: string): StoredObj | undefined {
  const found = new RegExp(`Obj \\{ key: ObjKey \\{ kind: "${kind}", [^}]*\\}, uid: (\\d+), rv: \\d+, owners: \\{([^}]*)\\}, spec: (\\d+)`).exec(etcd);
  return found ? { uid: Number(found[1]), owners: found[2]!, spec: Number(found[3]) } : undefined;
}

const etcdAt = (step: TraceStep | undefined) => (step ? variable(step, 'etcd') : '');

async function verify(file: string): Promise<{ status: number; theorems: Map<string, TheoremJson> }> {
  const run = await runCli(['verify', '--json', '--no-cache', file]);
  return { status: run.status, theorems: new Map([...verifyTheorems(run.stdout).values()].map((t) => [t.name.split('.').pop()!, t])) };
}

// The safety proof's steps, in the order they build on each other.
const SAFETY_STEPS = [
  'snapshots_filed',
  'uids_unique',
  'snapshot_uids_unique',
  'gets_answered',
  'msg_shapes',
  'snapshots_behind',
  'cr_writes_behind',
  'scheduled_writes_behind',
  'writes_behind',
  'stored_behind',
];

describe('the RabbitMQ controller', () => {
  it('the controller and the buggy variant type-check', async () => {
    const run = await runCli(['check', CONTROLLER, BUGGY]);
    expect(run.stdout).toContain('ok');
    expect(run.status).toBe(0);
  }, 60_000);

  it('proves that a StatefulSet\'s replicas never decrease', async () => {
    const { status, theorems } = await verify(CONTROLLER);
    for (const name of [...SAFETY_STEPS, 'sts_updates_grow', 'replicas_never_decrease']) {
      expect([name, theorems.get(name)?.status, theorems.get(name)?.problems]).toEqual([name, 'proved', []]);
    }
    // Every theorem stated is proved (ESR in the bounded models is the models' own property).
    expect(status).toBe(0);
  }, 240_000);

  it('proves ESR for every resource and spec, for unbounded ids: phase by phase, then object by object in the operator\'s order', async () => {
    const run = await runCli(['verify', '--json', '--jobs', '2', CONTROLLER, ESR]);
    const theorems = verifyTheorems(run.stdout);
    expect([...theorems.values()].filter((t) => t.status !== 'proved').map((t) => [t.name, t.problems])).toEqual([]);
    // esr_holds is no theorem but a property the models check: it speaks of their bounded ids (esr.kspec proves ESR for unbounded ones).
    expect(theorems.has('rabbitmq.rabbitmq.esr_holds')).toBe(false);
    for (const name of ['rabbitmq.cluster.reconcile_terminates', 'rabbitmq.cluster.snapshots_settle']) expect([name, theorems.get(`rabbitmq.${name}`)?.status]).toEqual([name, 'proved']);
    for (const name of ['steps_lower_rank', 'writes_settle', 'sts_namesake_owned', 'phases_hold', 'each_object', 'converges', 'esr']) {
      expect([name, theorems.get(`rabbitmq.esr.${name}`)?.status]).toEqual([name, 'proved']);
    }
    expect(run.status).toBe(0);
  }, 900_000);

  it('without the owner check the same proof fails, at the update of a StatefulSet read from a deleted resource', async () => {
    const { status, theorems } = await verify(BUGGY);
    expect(status).toBe(1);
    // Every invariant about snapshots and writes still holds ...
    for (const name of SAFETY_STEPS) expect([name, theorems.get(name)?.status]).toEqual([name, 'proved']);
    // ... but an update in flight may now ask for fewer replicas than the stored StatefulSet has:
    // the step that sends it (receive: the answer to the get of the StatefulSet) breaks the invariant.
    const grow = theorems.get('sts_updates_grow');
    expect(grow?.status).toBe('not proved');
    expect(grow?.problems).toEqual([
      expect.objectContaining({ file: 'lemmas/k8s/cluster.kspec', line: lineOf('lemmas/k8s/cluster.kspec', 'action receive('), message: expect.stringMatching(/^consecution of receive: not proved/), goal: 'action `receive` preserves the invariant' }),
    ]);
    expect(theorems.get('replicas_never_decrease')?.problems.map((p) => p.message)).toEqual(['uses `rabbitmq.buggy_scaledown.sts_updates_grow`, which is not proved']);
  }, 240_000);

  it('model-checks clean: ESR and replicas that never decrease', async () => {
    const run = await runCli(['mc', '--json', CONTROLLER]);
    const results = mcResults(run.stdout);
    expect(results.map((r) => [r.model, r.status, r.bounded])).toEqual([
      ['faults', 'ok', false],
      ['scale_up', 'ok', false],
      ['recreate', 'ok', false],
    ]);
    expect(results.map((r) => r.properties.map((p) => [p.name, p.kind, p.status]))).toEqual([
      [
        ['esr_holds', 'liveness', 'holds'],
        ['replicas_never_decrease', 'action', 'holds'],
      ],
      [
        ['esr_holds', 'liveness', 'holds'],
        ['replicas_never_decrease', 'action', 'holds'],
      ],
      [['replicas_never_decrease', 'action', 'holds']],
    ]);
    expect(run.status).toBe(0);
  }, 120_000);

  it('without the owner check: delete, re-create with fewer replicas, the old StatefulSet is scaled down before the garbage collector acts', async () => {
    const run = await runCli(['mc', '--json', BUGGY]);
    const results = mcResults(run.stdout);
    expect(run.status).toBe(1);
    expect(results).toHaveLength(1);
    const violation = results[0]?.violation;
    expect(violation).toMatchObject({ kind: 'action', property: 'replicas_never_decrease' });
    const steps = violation?.trace ?? [];
    const actions = steps.map((s) => s.action);

    // The user creates the resource with 2 replicas, deletes it and re-creates it with 1.
    const created = steps.findIndex((s) => s.action === 'client_write' && param(s, 's') === '2');
    const deleted = actions.indexOf('client_delete');
    const recreated = steps.findIndex((s, i) => i > deleted && s.action === 'client_write' && param(s, 's') === '1');
    expect(created).toBeGreaterThan(0);
    expect(deleted).toBeGreaterThan(created);
    expect(recreated).toBeGreaterThan(deleted);

    // The trace ends in the bad step: the API server applies the controller's update of the StatefulSet.
    const bad = steps[steps.length - 1]!;
    expect(bad.action).toBe('api_handle');
    expect(param(bad, 'm')).toContain(`Update(Obj { key: ${STS_KEY}`);

    // The StatefulSet updated is the old one: owned by the deleted resource, not the current one;
    // it goes from 2 replicas to 1 and keeps its uid.
    const before = etcdAt(steps[steps.length - 2]);
    const oldSts = stored(before, 'StatefulSet');
    const currentCr = stored(before, 'RabbitmqCluster');
    expect(oldSts?.spec).toBe(2);
    expect(currentCr?.spec).toBe(1);
    expect(oldSts?.owners).not.toBe(String(currentCr?.uid));
    const newSts = stored(etcdAt(bad), 'StatefulSet');
    expect(newSts).toMatchObject({ uid: oldSts?.uid, spec: 1 });

    // The garbage collector is late: it never removed that StatefulSet.
    expect(steps.filter((s) => s.action === 'garbage_collect' && param(s, 'k') === STS_KEY)).toEqual([]);
  }, 120_000);
});
