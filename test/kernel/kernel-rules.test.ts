// Every rule of the kernel used correctly (test/fixtures/kernel/positive.kspec): each `ok_*`
// theorem is proved, and its judgement records the rules and oracles it rests on.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectations, FIXTURES } from '../soundness/temporal-helpers.js';
import { runKernel, type KernelRun } from './kernel-helpers.js';

const file = join(FIXTURES, 'positive.kspec');
let run: KernelRun;

beforeAll(async () => {
  run = await runKernel([file]);
}, 120_000);

describe('positive.kspec', () => {
  for (const e of expectations(file)) {
    it(`${e.name} is proved`, () => {
      const v = run.verdicts.get(e.name);
      expect(v, `no verdict for ${e.name}`).toBeDefined();
      expect(v!.status, JSON.stringify(v!.failures)).toBe('proved');
    });
  }

  const rulesOf = (name: string): readonly string[] => run.verdicts.get(name)?.proved?.provenance.rules ?? [];

  it('records the primitive rules each proof used', () => {
    expect(rulesOf('ok_bounded')).toEqual(['invariance']);
    expect(rulesOf('ok_wf1_instance')).toEqual(expect.arrayContaining(['wf1', 'forall-intro']));
    expect(rulesOf('ok_sf1_temporal_enabling')).toEqual(expect.arrayContaining(['sf1', 'ptl', 'smt']));
    expect(rulesOf('ok_rank')).toEqual(expect.arrayContaining(['rank', 'wf1', 'forall-intro']));
    expect(rulesOf('ok_lemma_temporal')).toEqual(expect.arrayContaining(['lemma', 'ptl', 'rank', 'sf1']));
  });

  it('records the oracles and the theorems a judgement rests on', () => {
    const p = run.verdicts.get('ok_lemma_temporal')!.proved!.provenance;
    expect(p.oracles.some((o) => o.kind === 'z3-unsat')).toBe(true);
    expect(p.oracles.some((o) => o.kind === 'ptl-valid')).toBe(true);
    expect(p.theorems).toEqual(expect.arrayContaining(['positive.trans', 'positive.ok_rank', 'positive.ok_sf1']));
    for (const o of p.oracles) if (o.kind === 'z3-unsat') expect(o.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('states a lemma with its schematic parameters', () => {
    const lemma = run.verdicts.get('trans')!.proved!;
    expect(lemma.statement.params.map((p) => p.name)).toEqual(['p', 'q', 'r']);
    expect(lemma.statement.machine).toBeUndefined();
  });
});
