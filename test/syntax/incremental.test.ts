// Incremental re-parsing (the language server's per-keystroke path) gives exactly what a full
// parse of the edited text gives, whatever the sequence of edits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IncrementalParser, parseModule } from '../../src/syntax/index.js';
import type { ModuleAst } from '../../src/syntax/ast.js';
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

  it('keeps each declaration after typed or deleted text as the same object, moved', () => {
    const typing = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      remove: fc.nat(3),
      insert: fc.constantFrom('', '1', 'x', ' ', '\n', '\n\n  ', '7 + '),
    });
    fc.assert(
      fc.property(fc.array(typing, { minLength: 1, maxLength: 10 }), (edits) => {
        const parser = new IncrementalParser();
        let text = generated;
        // the last clean parse, when the text before this edit was that text
        let before: ModuleAst | undefined = parser.parse(text, 'f.kspec').ast!;
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const editEndLine = text.slice(0, at + e.remove).split('\n').length;
          const starts = before?.decls.map((d) => d.span.start.line) ?? [];
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const after = parser.parse(text, 'f.kspec');
          const full = parseModule(text, 'f.kspec');
          expect(after.diagnostics).toEqual(full.diagnostics);
          expect(after.ast).toEqual(full.ast);
          if (full.diagnostics.length > 0) {
            before = undefined;
            continue;
          }
          const shift = after.ast!.decls.length - (before?.decls.length ?? 0);
          before?.decls.forEach((d, i) => {
            if (starts[i]! > editEndLine) expect(after.ast!.decls[i + shift]).toBe(d);
          });
          before = after.ast!;
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reuses unchanged declarations, moving those after an insertion in place', () => {
    const parser = new IncrementalParser();
    const before = parser.parse(generated, 'f.kspec').ast!;
    const firstDef = before.decls.find((d) => d.kind === 'def')!;
    const line = firstDef.span.start.line;
    const offset = firstDef.span.start.offset;
    const at = generated.indexOf('def grow0');
    const edited = `${generated.slice(0, at)}\n\n${generated.slice(at)}`;
    const after = parser.parse(edited, 'f.kspec').ast!;
    expect(after).toEqual(parseModule(edited, 'f.kspec').ast);
    expect(after.decls[0]).toBe(before.decls[0]);
    const moved = after.decls.find((d) => d.kind === 'def')!;
    expect(moved).toBe(firstDef);
    expect(moved.span.start).toEqual({ offset: offset + 2, line: line + 2, column: 1 });
    // deleting the lines again moves it back
    expect(parser.parse(generated, 'f.kspec').ast).toEqual(parseModule(generated, 'f.kspec').ast);
    expect(moved.span.start).toEqual({ offset, line, column: 1 });
  });

  it('gives each repetition of a declaration its own syntax tree', () => {
    const parser = new IncrementalParser();
    const twice = `module m\ndef a: Int = 1\nconst k: Int\n`;
    parser.parse(twice, 'f.kspec');
    const text = `module m\ndef a: Int = 1\ndef a: Int = 1\nconst k: Int\n`;
    const ast = parser.parse(text, 'f.kspec').ast!;
    expect(ast).toEqual(parseModule(text, 'f.kspec').ast);
    expect(ast.decls[0]).not.toBe(ast.decls[1]);
    expectSameAsFull(parser, `\n${text}`);
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
