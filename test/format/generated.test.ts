// The laws on random programs: idempotence, the same AST, the same comments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainProgram, spacedProgram } from './generate.js';
import { checkLaws, parsesCleanly } from './laws.js';

/** Enough to cover every construct in a few seconds; KPROOF_FMT_RUNS=2000 for a long soak. */
const NUM_RUNS = Number(process.env['KPROOF_FMT_RUNS'] ?? 40);

describe('formatter laws on generated programs', () => {
  it('hold for plainly laid out programs', async () => {
    let parsed = 0;
    await fc.assert(
      fc.asyncProperty(plainProgram, async (text) => {
        if (!parsesCleanly(text)) return;
        parsed++;
        await checkLaws(text);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(parsed).toBeGreaterThan(NUM_RUNS * 0.75);
  });

  it('hold with line breaks and comments in every gap between tokens', async () => {
    let parsed = 0;
    await fc.assert(
      fc.asyncProperty(spacedProgram, async (text) => {
        if (!parsesCleanly(text)) return;
        parsed++;
        await checkLaws(text);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(parsed).toBeGreaterThan(NUM_RUNS * 0.75);
  });
});
