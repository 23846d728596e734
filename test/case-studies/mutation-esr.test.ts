// Mutation test of the case studies' ESR proofs: single guards, steps and branches of each
// reconciler are changed (test/helpers/mutation.ts), and for every mutant the model checker shows
// violating ESR in one of the controller's models, kproof must not report ESR proved. The proof
// files are the repo's, verified against the mutated controller in a temp dir with a short solver
// time limit (a time-out never proves anything), sharing one proof cache, none of the repo's.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeUnder } from '../helpers/files.js';
import { dropRequest, flipComparison, mutate, swapBranches, verdict, violates, type Mutant } from '../helpers/mutation.js';
import { REPO } from '../helpers/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'kproof-mutation-esr-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface CaseStudy {
  /** the folder under specs/ (also the module path of its files) */
  readonly folder: string;
  readonly mutants: readonly Mutant[];
  /** the models of the controller that check ESR, and the name of the property there */
  readonly models: readonly string[];
  readonly property: string;
}

const source = (folder: string): string => readFileSync(join(REPO, `specs/${folder}/${folder}.kspec`), 'utf8');

const FLUENTBIT: CaseStudy = {
  folder: 'fluentbit',
  mutants: [
    mutate(source('fluentbit'), 'fb_core', flipComparison, 'create on every error but NotFound', 0),
    mutate(source('fluentbit'), 'fb_core', swapBranches, 'give up when the config Secret exists', 1),
  ],
  models: ['faults', 'two_writes'],
  property: 'esr_holds',
};

const RABBITMQ: CaseStudy = {
  folder: 'rabbitmq',
  mutants: [
    mutate(source('rabbitmq'), 'reconcile_with', flipComparison, 'create on every error but NotFound', 0),
    mutate(source('rabbitmq'), 'reconcile_with', dropRequest, 'stop at a wrong object instead of updating it', 0),
  ],
  models: ['faults', 'scale_up'],
  property: 'esr_holds',
};

const ZOOKEEPER: CaseStudy = {
  folder: 'zookeeper',
  mutants: [mutate(source('zookeeper'), 'zk_core', flipComparison, 'record the status only when it is already right', 1)],
  models: ['faults', 'two_specs'],
  property: 'esr_one',
};

/** The mutants the model checker shows violating ESR; for each, the verdict on the ESR proof. */
async function judge(study: CaseStudy): Promise<[string, string | undefined][]> {
  const out: [string, string | undefined][] = [];
  for (const [i, mutant] of study.mutants.entries()) {
    const controller = writeUnder(root, `${study.folder}${i}/${study.folder}/${study.folder}.kspec`, mutant.text);
    const esr = writeUnder(root, `${study.folder}${i}/${study.folder}/esr.kspec`, readFileSync(join(REPO, `specs/${study.folder}/esr.kspec`), 'utf8'));
    let violated = false;
    for (const model of study.models) violated ||= await violates(controller, model, study.property, root);
    if (violated) out.push([mutant.name, await verdict([esr], `${study.folder}.esr.esr`, root)]);
  }
  return out;
}

describe('mutants of the case-study reconcilers', () => {
  it('no FluentBit mutant that violates ESR in the model checker has ESR proved', async () => {
    // Both break ESR: a missing object is never created.
    expect(await judge(FLUENTBIT)).toEqual(FLUENTBIT.mutants.map((m) => [m.name, 'not proved']));
  }, 300_000);

  it('no RabbitMQ mutant that violates ESR in the model checker has ESR proved', async () => {
    // Both break ESR: a missing object is never created; a StatefulSet with fewer replicas is never scaled up.
    expect(await judge(RABBITMQ)).toEqual(RABBITMQ.mutants.map((m) => [m.name, 'not proved']));
  }, 600_000);

  it('no ZooKeeper mutant that violates ESR in the model checker has ESR proved', async () => {
    // It breaks ESR: the status (the znode's mirror) is never written.
    expect(await judge(ZOOKEEPER)).toEqual(ZOOKEEPER.mutants.map((m) => [m.name, 'not proved']));
  }, 900_000);
});
