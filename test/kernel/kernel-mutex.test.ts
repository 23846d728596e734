// specs/examples/mutex.kspec: every theorem proved, `no_starvation` by ∀-introduction over the
// arbitrary process `p` named in its steps, with SF1 on `acquire(p)` and a lemma over a family.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProved } from '../../src/kernel/index.js';
import { runKernel } from './kernel-helpers.js';

const MUTEX = join(import.meta.dirname, '..', '..', 'specs', 'examples', 'mutex.kspec');

describe('mutex.kspec through the kernel', () => {
  it('proves every theorem, no_starvation with forall-intro, sf1, wf1 and a library lemma', async () => {
    const run = await runKernel([MUTEX]);
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...run.verdicts.keys()].sort()).toEqual(['exclusion', 'holder_in_procs', 'lock_owner', 'no_starvation']);
    for (const [name, v] of run.verdicts) expect(v.status, `${name}: ${JSON.stringify(v.failures)}`).toBe('proved');
    const starvation = run.verdicts.get('no_starvation')!;
    expect(isProved(starvation.proved)).toBe(true);
    const { rules, theorems } = starvation.proved!.provenance;
    expect(rules).toEqual(expect.arrayContaining(['forall-intro', 'sf1', 'wf1', 'ptl', 'lemma']));
    expect(theorems).toEqual(expect.arrayContaining(['temporal.leads_to_exists_intro', 'examples.mutex.lock_owner']));
  }, 60_000);
});
