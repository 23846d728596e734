// The ZooKeeper case study (specs/zookeeper): the controller and its buggy variant type-check, the
// controller's models have no violation (ESR included, under crashes and transient failures), and
// the variant with pravega/zookeeper-operator#569 violates ESR with a fair lasso in which the
// controller crashes and the StatefulSet never gets the replicas the user asked for. The ESR proof
// (zookeeper.kspec: phases 0-3; esr.kspec: phase 4 and `esr`, for unbounded ids, every key and spec,
// premise k == ZK_CLUSTER) is complete: every theorem stated is proved. The variant keeps the link
// "a missing znode is created", which #569 breaks (it fails at its helpful step).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mcResults, runCli, variable, verifyTheorems } from '../helpers/cli-async.js';
import { writeUnder } from '../helpers/files.js';
import { REPO } from '../helpers/run-cli.js';

const CONTROLLER = 'specs/zookeeper/zookeeper.kspec';
const ESR = 'specs/zookeeper/esr.kspec';
const BUGGY = 'specs/zookeeper/buggy-569.kspec';

/** The 1-based line of the first line of `file` that starts with `prefix`. */
function lineOf(file: string, prefix: string): number {
  return readFileSync(join(REPO, file), 'utf8').split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}

// The StatefulSet's replicas in a printed etcd (its spec is replicas + 100 * the ConfigMap's
// resource version, zookeeper.kspec `sts_spec`), or undefined when it does not exist.
function statefulSetReplicas(etcd: string): number | undefined {
  const sts = /Obj \{ key: ObjKey \{ kind: "StatefulSet", [^}]*\}, uid: \d+, rv: \d+, owners: \{[^}]*\}, spec: (\d+)/.exec(etcd);
  return sts ? Number(sts[1]) % 100 : undefined;
}

/**
 * The controller with #569's reconciler (and its `matches`): buggy-569.kspec's defs, renamed apart
 * from the controller's where both define a name, put into the controller's module in place of
 * its own reconciler, so that esr.kspec carries over unchanged.
 */
function controllerWithBug569(): string {
  const controller = readFileSync(join(REPO, CONTROLLER), 'utf8');
  const buggy = readFileSync(join(REPO, BUGGY), 'utf8');
  let defs = buggy.slice(buggy.indexOf('import zookeeper.zookeeper as zk'), buggy.indexOf('instance cluster'));
  defs = defs.slice(defs.indexOf('\n') + 1);
  const own = new Set([...controller.matchAll(/^def (\w+)\(/gm)].map((m) => m[1]));
  for (const [, name] of defs.matchAll(/^def (\w+)\(/gm)) {
    if (name && own.has(name)) defs = defs.replace(new RegExp(`(?<!zk\\.)\\b${name}\\b`, 'g'), `bug569_${name}`);
  }
  defs = defs.replace(/\bzk\./g, '');
  return controller
    .replace('instance cluster', `${defs}instance cluster`)
    .replace('def reconcile_core = zk_core,', 'def reconcile_core = buggy_core,')
    .replace('def state_matches = zk_matches,', 'def state_matches = buggy_matches,');
}

describe('the ZooKeeper controller', () => {
  it('the controller and the buggy variant type-check', async () => {
    const run = await runCli(['check', CONTROLLER, BUGGY]);
    expect(run.stdout).toContain('ok');
    expect(run.status).toBe(0);
  }, 60_000);

  it('model-checks clean, ESR included', async () => {
    const run = await runCli(['mc', '--json', CONTROLLER]);
    const results = mcResults(run.stdout);
    // `faults` (one spec) and `two_specs`, both with crashes and transient failures.
    expect(results.map((r) => [r.model, r.status, r.bounded])).toEqual([
      ['faults', 'ok', false],
      ['two_specs', 'ok', false],
    ]);
    expect(run.status).toBe(0);
  }, 120_000);

  it('#569: after a crash and a scale-up the StatefulSet is never scaled', async () => {
    const run = await runCli(['mc', '--json', BUGGY]);
    const results = mcResults(run.stdout);
    expect(run.status).toBe(1);
    expect(results).toHaveLength(1);
    const violation = results[0]?.violation;
    expect(violation).toMatchObject({ kind: 'liveness', property: 'esr_two' });
    const steps = [...(violation?.prefix ?? []), ...(violation?.cycle ?? [])];
    expect(steps.some((s) => s.action === 'crash')).toBe(true);
    const replicas = steps.map((s) => statefulSetReplicas(variable(s, 'etcd')));
    // The StatefulSet was created (with the first spec) and never gets the new replicas.
    expect(replicas).toContain(1);
    expect(replicas).not.toContain(2);
    // It ends at the znode check: the znode is missing (the status, its mirror, stays 0).
    const last = steps[steps.length - 1];
    expect(last && variable(last, 'etcd')).toMatch(/kind: "ZookeeperCluster"[^}]*\}, uid: \d+, rv: \d+, owners: \{\}, spec: 2, status: 0/);
  }, 180_000);

  it('the ESR proof: esr proved, every theorem stated proved', async () => {
    const run = await runCli(['verify', '--json', CONTROLLER, ESR]);
    const theorems = verifyTheorems(run.stdout);
    const proved = [
      'zookeeper.records_well_formed',
      'zookeeper.crs_filed',
      'zookeeper.steps_lower_rank',
      'zookeeper.cluster.reconcile_terminates',
      'zookeeper.cluster.snapshots_settle',
      'zookeeper.pending_about',
      'zookeeper.steps_write_owned',
      'zookeeper.pending_iff_waiting',
      'zookeeper.writes_settle',
      // Phase 4: its invariants, the phase it adds (the reconcile started under the phases), the
      // objects in the operator's order, and ESR.
      ...['reads_current', 'pending_carries', 'coh_stays', 'updates_change', 'specs_valid', 'uids_unique', 'snapshots_named',
        'sts_owned', 'phases_hold', 'converges', 'esr'].map((l) => `esr.${l}`),
    ];
    for (const name of proved) expect([name, theorems.get(`zookeeper.${name}`)?.status]).toEqual([name, 'proved']);
    expect([...theorems.values()].filter((t) => t.status !== 'proved').map((t) => t.name)).toEqual([]);
    expect(run.status).toBe(0);
  }, 900_000);

  it('#569: the znode link fails at its helpful step (the reconcile gives up on a missing znode)', async () => {
    const run = await runCli(['verify', '--json', '--timeout', '20000', BUGGY]);
    const link = verifyTheorems(run.stdout).get('zookeeper.buggy_569.missing_znode_created');
    expect(link?.status).toBe('not proved');
    const line = lineOf(BUGGY, 'proof by wf1(receive(k, r))');
    expect(line).toBeGreaterThan(0);
    expect(link?.problems.map((p) => [p.line, p.message.split(':')[0]])).toContainEqual([line, 'helpful step receive(k, r)']);
    expect(run.status).toBe(1);
  }, 120_000);

  it('#569: the ESR proof carried over fails, among others at the link the bug breaks', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kproof-zk569-'));
    try {
      writeUnder(root, 'zookeeper/zookeeper.kspec', controllerWithBug569());
      const esr = writeUnder(root, 'zookeeper/esr.kspec', readFileSync(join(REPO, ESR), 'utf8'));
      const run = await runCli(['verify', '--json', '--timeout', '2000', esr], root);
      const theorems = verifyTheorems(run.stdout);
      expect(theorems.get('zookeeper.esr.esr')?.status).toBe('not proved');
      // Among the steps not proved: the znode is missing, and the reconcile gives up instead of
      // creating its parent (within this short time limit the solver does not decide it either way).
      const converges = theorems.get('zookeeper.esr.converges');
      expect(converges?.problems.some((p) => /`head \/ link 2 [^`]*`: helpful step receive\(k, m\)/.test(p.message))).toBe(true);
      expect(run.status).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 1_800_000);
});
