// The contract's example: specs/examples/counter.kspec, `bounded` and `finishes`, proved by the kernel.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProved } from '../../src/kernel/index.js';
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
});
