// The checker never throws and never reports an internal error, whatever the (parsable) input.
import fc from 'fast-check';
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';

const SOURCE = fs.readFileSync(new URL('./valid.test.ts', import.meta.url), 'utf8');
const SPEC = SOURCE.slice(SOURCE.indexOf('module all.constructs'), SOURCE.indexOf('`;', SOURCE.indexOf('module all.constructs')));
const TOKENS = SPEC.split(/(\s+)/);
const REPLACEMENTS = ['x', 'Int', 'Bool', '{}', '[]', 'None', "'", 'true', '1', 'count', 'step', 'Pod', 'A', '*', 'WF', '[]', '~>', 'forall', '(', ')', 'Map', '_'];

function check(text: string) {
  const files = new Map([['/f/all/constructs.kspec', text]]);
  return checkFiles(['/f/all/constructs.kspec'], { readFile: (p) => files.get(p) });
}

describe('robustness', () => {
  it('survives a comprehension whose binder was lost to a syntax error', () => {
    const r = check('x all.constructs\ndef images(s: Set<Int>): Set<String> = { "v" for x in s )\n');
    expect(r.diagnostics.filter((d) => d.code === 'KSP039')).toEqual([]);
  });

  it('survives random token edits of a valid spec without an internal error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(TOKENS.length - 1), fc.constantFrom(...REPLACEMENTS, '')), { minLength: 1, maxLength: 6 }),
        (edits) => {
          const tokens = [...TOKENS];
          for (const [i, replacement] of edits) if (tokens[i]!.trim() !== '') tokens[i] = replacement;
          const r = check(tokens.join(''));
          expect(r.diagnostics.filter((d) => d.code === 'KSP039').map((d) => d.message)).toEqual([]);
        },
      ),
      { numRuns: Number(process.env.KPROOF_FUZZ_RUNS ?? 150) },
    );
  });
});
