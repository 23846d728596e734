// Robustness: whatever the input, parseModule returns (never throws), reports well-formed
// diagnostics, and is deterministic (the shared parser instance carries no state between files).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineStarts, positionAt } from '../../src/diagnostics/index.js';
import { parseModule, type ParseResult } from '../../src/syntax/index.js';
import { noSpans } from './helpers.js';

const valid = readFileSync(new URL('./fixtures/counter.kspec', import.meta.url), 'utf8');
const validTokens = parseModule(valid, 'v').tokens.map((t) => t.image);

const vocabulary = [
  ...'module import as enum record type const assume def machine var init action require fair weak strong theorem lemma proof by using have qed model of check instance if then else let in match is forall exists true false where for with'.split(' '),
  ...'x y S Map Some None WF _ decreases 0 42 "s" "\\q" <==> ==> <= <> < >= > == != ! => = ~> && || |= ++ + -> - .. . :: : \' [] [ ] * / % , ; ( ) { } // /* */ # @'.split(' '),
];

/** Problems with the result's shape, as text (one `expect` per parse keeps the fuzz fast). */
function malformations(text: string, result: ParseResult): string[] {
  const problems: string[] = [];
  if (!Array.isArray(result.diagnostics)) return ['diagnostics is not an array'];
  if (result.ast === undefined && result.diagnostics.length === 0) problems.push('no AST and no diagnostic');
  const starts = lineStarts(text);
  for (const d of result.diagnostics) {
    const { start, end } = d.span;
    if (start.offset < 0 || end.offset < start.offset || end.offset > text.length) problems.push(`span out of range: ${d.message}`);
    const expected = positionAt(starts, start.offset);
    if (start.line !== expected.line || start.column !== expected.column) problems.push(`wrong line/column: ${d.message}`);
    if (d.message.length === 0) problems.push('empty message');
    if (d.message.includes('internal error')) problems.push(d.message);
  }
  return problems;
}

function parseChecked(text: string): ParseResult {
  let result: ParseResult | undefined;
  expect(() => (result = parseModule(text, 'fuzz.kspec'))).not.toThrow();
  expect(malformations(text, result!)).toEqual([]);
  return result!;
}

type Mutation = { kind: 'delete' | 'insert' | 'swap'; at: number; text: string };

function mutate(units: readonly string[], mutations: readonly Mutation[]): string[] {
  const out = [...units];
  for (const m of mutations) {
    const i = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'delete') out.splice(i, 1);
    else if (m.kind === 'insert') out.splice(i, 0, m.text);
    else if (i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  }
  return out;
}

const mutation = (insertable: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  fc.record({ kind: fc.constantFrom('delete' as const, 'insert' as const, 'swap' as const), at: fc.nat(), text: insertable });

describe('parseModule never throws', () => {
  it('on random token sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 60 }), fc.boolean(), (words, header) => {
        const text = `${header ? 'module m\n' : ''}${words.join(' ')}`;
        parseChecked(text);
      }),
      { numRuns: 200 },
    );
  });

  it('on random character mutations of a valid file', () => {
    fc.assert(
      fc.property(fc.array(mutation(fc.string({ minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 6 }), (mutations) => {
        parseChecked(mutate([...valid], mutations).join(''));
      }),
      { numRuns: 100 },
    );
  });

  it('on random token mutations of a valid file', () => {
    fc.assert(
      fc.property(fc.array(mutation(fc.constantFrom(...vocabulary)), { minLength: 1, maxLength: 6 }), (mutations) => {
        parseChecked(mutate(validTokens, mutations).join(' '));
      }),
      { numRuns: 100 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        parseChecked(s);
        parseChecked(`module m\n${s}`);
      }),
      { numRuns: 80 },
    );
  });
});

describe('invalid text is reported', () => {
  it('deleting any bracket of a valid file gives a diagnostic', () => {
    const brackets = validTokens.map((t, i) => [t, i] as const).filter(([t]) => ['(', ')', '{', '}', '[', ']'].includes(t));
    expect(brackets.length).toBeGreaterThan(20);
    for (const [, i] of brackets) {
      const text = validTokens.filter((_, j) => j !== i).join(' ');
      expect(parseChecked(text).diagnostics.length, `without token ${i}`).toBeGreaterThan(0);
    }
  });

  it('parsing is deterministic: the shared parser keeps no state between files', () => {
    fc.assert(
      fc.property(fc.array(mutation(fc.constantFrom(...vocabulary)), { maxLength: 4 }), fc.string({ maxLength: 30 }), (mutations, noise) => {
        const text = mutate(validTokens, mutations).join(' ');
        const first = parseModule(text, 'a.kspec');
        parseModule(noise, 'noise.kspec');
        const second = parseModule(text, 'a.kspec');
        expect(noSpans(second.ast)).toEqual(noSpans(first.ast));
        expect(second.diagnostics).toEqual(first.diagnostics);
      }),
      { numRuns: 60 },
    );
  });

  it('the valid file re-joined from its tokens is still valid', () => {
    expect(parseModule(validTokens.join(' '), 'v').diagnostics).toEqual([]);
  });
});
