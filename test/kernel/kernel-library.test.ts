// The lemma library is checked by the kernel on every run: every lemma of lemmas/temporal.kspec
// that has a proof is proved; one stated without a proof is reported as not proved (KSP109).
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/prove/index.js';

describe('lemmas/temporal.kspec', () => {
  it('proves every lemma that has a proof, and no other', async () => {
    const result = await verify(['lemmas/temporal.kspec'], { cache: false, jobs: 2 });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.theorems.length).toBeGreaterThan(80);
    for (const t of result.theorems) {
      if (t.status === 'proved') continue;
      expect(t.problems.map((p) => p.code), `${t.name}: ${t.problems.map((p) => p.message).join('; ')}`).toEqual(['KSP109']);
    }
    const proved = result.theorems.filter((t) => t.status === 'proved').length;
    expect(proved).toBeGreaterThanOrEqual(83);
  }, 120_000);
});
