// Mutation test of the proofs: single guards, branches, steps and assignments of a reconciler are
// changed (generated from the source text of its reconcile defs), and for every mutant the model
// checker shows violating a property, kproof must not report that property proved. A mutant that
// breaks the proof but not the model checker is fine (the proof is incomplete for it, or the model
// too small); one that proves and violates would be a soundness bug.
//
// Properties: ESR of the ConfigMap controller (specs/examples/configmap_esr.kspec, imported by a
// mutated copy of configmap_controller.kspec in a temp dir) and the RabbitMQ controller's safety
// proof (replicas never decrease). Only mutants the model checker finds violating are verified,
// with a short solver time limit: a time-out never proves anything. The mutants share one proof
// cache (obligations that do not involve the mutated def), none of the repo's.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defRange, dropRequest, flipComparison, keepOldSpec, mutate, swapBranches, verdict as verdictIn, violates as violatesIn, type Mutant } from '../helpers/mutation.js';
import { writeUnder } from '../helpers/files.js';
import { REPO } from '../helpers/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'kproof-mutation-'));
const verdict = (files: readonly string[], theorem: string): Promise<string | undefined> => verdictIn(files, theorem, root);
const violates = (file: string, model: string, property: string): Promise<boolean> => violatesIn(file, model, property, root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CONFIGMAP = readFileSync(join(REPO, 'specs/examples/configmap_controller.kspec'), 'utf8');
const CONFIGMAP_ESR = readFileSync(join(REPO, 'specs/examples/configmap_esr.kspec'), 'utf8');
const RABBITMQ = readFileSync(join(REPO, 'specs/rabbitmq/rabbitmq.kspec'), 'utf8');

const CONFIGMAP_MUTANTS: readonly Mutant[] = [
  mutate(CONFIGMAP, 'cm_core', flipComparison, 'flip the up-to-date check', 0),
  mutate(CONFIGMAP, 'cm_core', keepOldSpec, 'update with the old spec', 0),
  mutate(CONFIGMAP, 'cm_core', swapBranches, 'swap the branches of the create answer', 2),
];

const RABBITMQ_MUTANTS: readonly Mutant[] = [
  mutate(RABBITMQ, 'may_update', flipComparison, 'flip the owner check', 1),
  mutate(RABBITMQ, 'reconcile_with', swapBranches, 'swap update and error', 0),
  mutate(RABBITMQ, 'reconcile_with', dropRequest, 'never create', 1),
];

describe('mutants of the reconcilers', () => {
  it('the operators find their sites', () => {
    const { start, end } = defRange(CONFIGMAP, 'cm_core');
    const body = CONFIGMAP.slice(start, end);
    expect(flipComparison(body).length).toBeGreaterThanOrEqual(2);
    expect(swapBranches(body).length).toBe(4);
    expect(dropRequest(body).length).toBe(3);
    expect(keepOldSpec(body).length).toBe(1);
    for (const m of CONFIGMAP_MUTANTS) expect(m.text).not.toBe(CONFIGMAP);
    for (const m of RABBITMQ_MUTANTS) expect(m.text).not.toBe(RABBITMQ);
  });

  it('no ConfigMap mutant that violates ESR in the model checker has ESR proved', async () => {
    const violating: string[] = [];
    for (const [i, mutant] of CONFIGMAP_MUTANTS.entries()) {
      const controller = writeUnder(root, `configmap${i}/examples/configmap_controller.kspec`, mutant.text);
      const proof = writeUnder(root, `configmap${i}/examples/configmap_esr.kspec`, CONFIGMAP_ESR);
      const violated = (await violates(controller, 'tiny', 'esr_one')) || (await violates(controller, 'specs_change', 'esr_one'));
      if (!violated) continue;
      violating.push(mutant.name);
      expect([mutant.name, await verdict([proof], 'examples.configmap_esr.esr')]).toEqual([mutant.name, 'not proved']);
    }
    // The test is not vacuous: the first two break ESR (an error after a successful create is retried).
    expect(violating).toEqual(CONFIGMAP_MUTANTS.slice(0, 2).map((m) => m.name));
  }, 300_000);

  it('no RabbitMQ mutant whose StatefulSet shrinks in the model checker has the safety proof', async () => {
    const violating: string[] = [];
    for (const [i, mutant] of RABBITMQ_MUTANTS.entries()) {
      const file = writeUnder(root, `rabbitmq${i}/rabbitmq/rabbitmq.kspec`, mutant.text);
      if (!(await violates(file, 'recreate', 'replicas_never_decrease'))) continue;
      violating.push(mutant.name);
      expect([mutant.name, await verdict([file], 'rabbitmq.rabbitmq.replicas_never_decrease')]).toEqual([mutant.name, 'not proved']);
    }
    // The first two update a StatefulSet of a deleted resource; one that never creates never shrinks one.
    expect(violating).toEqual(RABBITMQ_MUTANTS.slice(0, 2).map((m) => m.name));
  }, 300_000);
});
