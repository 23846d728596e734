// Incremental re-parsing (the language server's per-keystroke path) gives exactly what a full
// parse of the edited text gives, whatever the sequence of edits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IncrementalParser, parseModule } from '../../src/syntax/index.js';
import { generateSpec } from '../../bench/parse.js';

const fixture = readFileSync(new URL('./fixtures/counter.kspec', import.meta.url), 'utf8');
const generated = generateSpec(160);

/** An edit as an editor makes it: replace [start, start + length) (positions as fractions of the text) with `insert`. */
interface Edit {
  readonly at: number;
  readonly length: number;
  readonly insert: string;
}

const pieces = ['\n', '\n\n', ' ', '1', '7', 'x', '// note\n', 'def extra: Int = 3\n', 'const K: Int\n', '(', '}', '{', 'theorem', '  ', '"', '/*'];

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(80)),
  insert: fc.oneof(fc.constantFrom(...pieces), fc.constant('')),
});

function apply(text: string, e: Edit): string {
  const start = Math.floor(e.at * text.length);
  return text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.length));
}

/** Moves the declaration starting on one line to the end: every later chunk shifts. */
function moveLine(text: string, line: number): string {
  const lines = text.split('\n');
  const index = line % lines.length;
  const [moved] = lines.splice(index, 1);
  return [...lines, moved].join('\n');
}

function expectSameAsFull(parser: IncrementalParser, text: string): void {
  const incremental = parser.parse(text, 'f.kspec');
  const full = parseModule(text, 'f.kspec');
  expect(incremental.diagnostics).toEqual(full.diagnostics);
  expect(incremental.ast).toEqual(full.ast);
}

describe('IncrementalParser', () => {
  for (const [name, base] of [['the contract example', fixture], ['a generated spec', generated]] as const) {
    it(`equals a full parse after every edit of ${name}`, () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(edit, fc.nat()), { minLength: 1, maxLength: 8 }), (edits) => {
          const parser = new IncrementalParser();
          let text = base;
          expectSameAsFull(parser, text);
          for (const e of edits) {
            text = typeof e === 'number' ? moveLine(text, e) : apply(text, e);
            expectSameAsFull(parser, text);
          }
        }),
        { numRuns: 30 },
      );
    });
  }

  it('reuses unchanged declarations and shifts those that moved', () => {
    const parser = new IncrementalParser();
    const before = parser.parse(generated, 'f.kspec').ast!;
    const at = generated.indexOf('def grow0');
    const edited = `${generated.slice(0, at)}\n\n${generated.slice(at)}`;
    const after = parser.parse(edited, 'f.kspec').ast!;
    expect(after).toEqual(parseModule(edited, 'f.kspec').ast);
    expect(after.decls[0]).toBe(before.decls[0]);
    const moved = after.decls.find((d) => d.kind === 'def')!;
    expect(moved.span.start.line).toBe(before.decls.find((d) => d.kind === 'def')!.span.start.line + 2);
  });

  it('reports the same errors as a full parse and recovers once the text is clean again', () => {
    const parser = new IncrementalParser();
    parser.parse(generated, 'f.kspec');
    const broken = generated.replace('def grow0', 'def grow0 (');
    expect(parser.parse(broken, 'f.kspec').diagnostics).toEqual(parseModule(broken, 'f.kspec').diagnostics);
    expect(parser.parse(broken, 'f.kspec').diagnostics.length).toBeGreaterThan(0);
    expectSameAsFull(parser, generated);
  });
});
