// The lemma library is checked by the kernel on every run: every lemma of lemmas/temporal.kspec
// is proved (the induction lemmas by the kernel's `by rank` shapes).
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/prove/index.js';

describe('lemmas/temporal.kspec', () => {
  it('proves every lemma', async () => {
    const result = await verify(['lemmas/temporal.kspec'], { cache: false, jobs: 2 });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.theorems.length).toBeGreaterThan(80);
    for (const t of result.theorems) expect(t.status, `${t.name}: ${t.problems.map((p) => p.message).join('; ')}`).toBe('proved');
  }, 120_000);
});
