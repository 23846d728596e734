// The laws on random programs: idempotence, the same AST, the same comments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainProgram, spacedProgram } from './generate.js';
import { checkLaws, parsesCleanly } from './laws.js';

describe('formatter laws on generated programs', () => {
  it('hold for plainly laid out programs', async () => {
    let parsed = 0;
    await fc.assert(
      fc.asyncProperty(plainProgram, async (text) => {
        if (!parsesCleanly(text)) return;
        parsed++;
        await checkLaws(text);
      }),
      { numRuns: 150 },
    );
    expect(parsed).toBeGreaterThan(100);
  });

  it('hold with line breaks and comments in every gap between tokens', async () => {
    let parsed = 0;
    await fc.assert(
      fc.asyncProperty(spacedProgram, async (text) => {
        if (!parsesCleanly(text)) return;
        parsed++;
        await checkLaws(text);
      }),
      { numRuns: 150 },
    );
    expect(parsed).toBeGreaterThan(100);
  });
});
