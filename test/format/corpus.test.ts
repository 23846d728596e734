// The laws on every .kspec in the repository and every example in docs/language.md.
import { describe, expect, it } from 'vitest';
import { docExamples, repositorySpecs } from './corpus.js';
import { formatKspec } from '../../src/format/index.js';
import { checkLaws, parsesCleanly } from './laws.js';

const files = [...repositorySpecs(), ...docExamples()];

describe('formatter laws on the corpus', () => {
  it('finds the corpus', () => {
    expect(repositorySpecs().length).toBeGreaterThan(0);
    expect(docExamples().length).toBeGreaterThan(15);
  });

  for (const file of files) {
    if (parsesCleanly(file.text)) {
      it(`${file.name}: idempotent, same AST, same comments`, async () => {
        await checkLaws(file.text);
      });
    } else {
      it(`${file.name}: does not parse, so it is not formatted`, async () => {
        const result = await formatKspec(file.text, file.name);
        expect(result.formatted).toBeUndefined();
        expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      });
    }
  }
});
