// The contract's example: specs/examples/counter.kspec, `bounded` and `finishes`, proved by the kernel.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProved } from '../../src/kernel/index.js';
import { runVerify } from '../prove/cli-helper.js';
import { runKernel } from './kernel-helpers.js';

const COUNTER = join(import.meta.dirname, '..', '..', 'specs', 'examples', 'counter.kspec');

describe('counter.kspec through the kernel', () => {
  it('proves bounded and finishes', async () => {
    const run = await runKernel([COUNTER]);
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const finishes = run.verdicts.get('finishes')!;
    expect(finishes.status, JSON.stringify(finishes.failures)).toBe('proved');
    expect(run.verdicts.get('bounded')!.status).toBe('proved');
    expect(isProved(finishes.proved)).toBe(true);
    const { rules, theorems, oracles } = finishes.proved!.provenance;
    expect([...rules].sort()).toEqual(['forall-intro', 'invariance', 'ptl', 'rank', 'smt', 'stable', 'wf1']);
    expect(theorems).toContain('examples.counter.bounded');
    expect(oracles.filter((o) => o.kind === 'ptl-valid')).toHaveLength(1);
    // every first-order obligation of the proof itself went to the solver, none was failed
    expect(finishes.obligations.length).toBeGreaterThan(5);
    expect(finishes.obligations.every((o) => o.status === 'unsat')).toBe(true);
  }, 60_000);

  it('`kproof verify` proves the example and exits 0', async () => {
    const r = await runVerify([COUNTER, '--no-cache']);
    expect(r.out).toContain('✓ examples.counter.bounded  proved');
    expect(r.out).toContain('✓ examples.counter.finishes  proved');
    expect(r.code).toBe(0);
  }, 60_000);

  it('`kproof verify` shows a failed temporal step at its line with the atoms\' counterexample', async () => {
    const r = await runVerify([join(import.meta.dirname, '..', 'fixtures', 'kernel', 'rules.kspec'), '--no-cache', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { theorems: { name: string; status: string; problems: { code: string; line: number; message: string }[] }[] };
    const glue = json.theorems.find((t) => t.name === 'rules.bad_ptl_missing_fact')!;
    expect(glue.status).toBe('not proved');
    expect(glue.problems[0]!.code).toBe('KSP157');
    expect(glue.problems[0]!.message).toMatch(/state 0: .*"n < LIMIT"=/);
    expect(glue.problems[0]!.message).toContain('loop back to state');
  }, 60_000);
});
