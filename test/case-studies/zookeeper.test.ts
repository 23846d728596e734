// The ZooKeeper case study (specs/zookeeper): the controller and its buggy variant type-check, the
// controller's models have no violation (ESR included, under crashes and transient failures), and
// the variant with pravega/zookeeper-operator#569 violates ESR with a fair lasso in which the
// controller crashes and the StatefulSet never gets the replicas the user asked for.
import { describe, expect, it } from 'vitest';
import { mcResults, runCli, variable } from '../helpers/cli-async.js';

const CONTROLLER = 'specs/zookeeper/zookeeper.kspec';
const BUGGY = 'specs/zookeeper/buggy-569.kspec';

// The StatefulSet's replicas in a printed etcd (its spec is replicas + 100 * the ConfigMap's
// resource version, zookeeper.kspec `sts_spec`), or undefined when it does not exist.
function statefulSetReplicas(etcd: string): number | undefined {
  const sts = /Obj \{ key: ObjKey \{ kind: "StatefulSet", [^}]*\}, uid: \d+, rv: \d+, owners: \{[^}]*\}, spec: (\d+)/.exec(etcd);
  return sts ? Number(sts[1]) % 100 : undefined;
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
});
