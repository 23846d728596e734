import { describe, expect, it } from 'vitest';
import { MAX_BRACKET_NESTING, parseExpression, parseModule } from '../../src/syntax/index.js';
import { at } from './helpers.js';

function diagnose(text: string): string[] {
  return parseModule(text, 'f.kspec').diagnostics.map((d) => `${d.code} ${at(d.span)} ${d.message}`);
}

describe('lexical errors (KSP001-KSP003)', () => {
  it('KSP001: an unknown character, with its exact span', () => {
    expect(diagnose('module a\ndef f: Int = 1 @@ + 2')).toEqual(['KSP001 2:16-2:18 unexpected characters `@@`']);
    expect(diagnose('module a\ndef café: Int = 1')).toEqual(['KSP001 2:8-2:9 unexpected character `é`']);
    expect(diagnose('module a\ndef f: Int = 1 # 2')).toEqual([
      'KSP001 2:16-2:17 unexpected character `#`',
      'KSP010 2:18-2:19 expected a declaration but found `2`',
    ]);
    expect(diagnose('module a\u0000')).toEqual(['KSP001 1:9-1:10 unexpected character `\\u0000`']);
  });

  it('KSP002: bad escapes and unterminated strings, at the string', () => {
    expect(diagnose('module a\ndef s: String = "a\\qb"')).toEqual(['KSP002 2:17-2:23 invalid escape `\\q` in string']);
    expect(diagnose('module a\ndef s: String = "\\u12G4"')).toEqual(['KSP002 2:17-2:25 invalid escape `\\u` (expected four hex digits)']);
    expect(diagnose('module a\ndef s: String = "abc\ndef t: Int = 1')).toEqual([
      'KSP002 2:17-2:21 unterminated string (strings end on the line they start)',
    ]);
    expect(diagnose('module a\ndef s: String = "abc\\"')).toEqual(['KSP002 2:17-2:23 unterminated string (strings end on the line they start)']);
  });

  it('a malformed string is still a string to the parser (one error, the declaration is kept)', () => {
    const result = parseModule('module a\ndef s: String = "a\\qb"\ndef t: Int = 1', 'f.kspec');
    expect(result.ast?.decls.map((d) => d.kind)).toEqual(['def', 'def']);
  });

  it('KSP003: an unterminated block comment, at its `/*`', () => {
    expect(diagnose('module a\ndef t: Int = 1 /* never closed\ndef u: Int = 2')).toEqual([
      'KSP003 2:16-2:18 unterminated block comment (`/*` without `*/`)',
    ]);
    expect(diagnose('module a /*/')).toEqual(['KSP003 1:10-1:12 unterminated block comment (`/*` without `*/`)']);
  });
});

describe('syntax errors (KSP010): what was expected, what was found, exactly where', () => {
  it.each([
    ['module a\ndef f(x: Int: Int = 1', 'KSP010 2:13-2:14 expected `)` but found `:`'],
    ['module a\ndef f: Int = let x = 1 in', 'KSP010 2:26-2:26 expected an expression but found end of file'],
    ['module a\ndef f: Int = if x then 1', 'KSP010 2:25-2:25 expected `else` but found end of file'],
    ['module a\ndef f: Int = 1 +', 'KSP010 2:17-2:17 expected an expression but found end of file'],
    ['module a\ntheorem t: M |= [] p proof { have a: p by smt }', 'KSP010 2:47-2:48 expected `qed` but found `}`'],
    ['module a\nmachine M { var x: Int\n action a { x = 1 } }', "KSP010 3:15-3:16 expected `'` but found `=`"],
    ['module a\nconst x: Int = 3', 'KSP010 2:14-2:15 expected a declaration but found `=`'],
    ['module a\n}}}', 'KSP010 2:1-2:2 expected a declaration but found `}`'],
    ['module', 'KSP010 1:7-1:7 expected a name but found end of file'],
    ['', 'KSP010 1:1-1:1 expected `module` but found end of file'],
    ['module a\ntheorem t: M |= p proof', 'KSP010 2:24-2:24 expected `by` or a proof block `{ have ... qed ... }` but found end of file'],
    ['module a\ntheorem t: p have', 'KSP010 2:14-2:18 expected a declaration but found `have`'],
    ['module a\ndef f: Int = (1 in S', 'KSP010 2:21-2:21 expected `)` but found end of file'],
    ['module a\ndef f: Int = x in', 'KSP010 2:18-2:18 expected an expression but found end of file'],
    ['module a\ndef f: Int = { x where x > 1 }', 'KSP010 2:16-2:17 expected `x in S` before `where`'],
    ['module a\ndef f: Int = Map { x + 1 => x }', 'KSP010 2:20-2:25 expected `x in S` before `=>`'],
    ['module a\ndef f: Int = (1 + 2).f { g: 1 }', 'KSP010 2:14-2:23 a record literal `{ f: e }` must follow a record type name'],
    ['module a\ntype T = ()', 'KSP010 2:10-2:12 `()` is not a type (it may only stand before `->`)'],
    ['module a\nmachine M { action a(k) { } }', 'KSP010 2:22-2:23 a parameter needs a type (`k: Int`), a domain (`k in S`), or both'],
    ['module a\ndef f: Bool = a == b != c', 'KSP010 2:22-2:24 `!=` cannot be chained here; add parentheses'],
    ['module a\ndef f: Int = f(1,, 2)', 'KSP010 2:18-2:19 expected an expression or `*` but found `,`'],
    ['module a\ndef f: Bool = e is f(x)', 'KSP010 2:20-2:24 expected a constructor name (`C` or `m.C`) after `is`'],
    ['module a\ndef f: Bool = e is !B', 'KSP010 2:20-2:22 expected a constructor name (`C` or `m.C`) after `is`'],
  ])('%j', (text, expected) => {
    expect(diagnose(text)).toEqual([expected]);
  });

  it('parseExpression reports trailing input', () => {
    const result = parseExpression('a + b c', 'e.kspec');
    expect(result.diagnostics.map((d) => `${d.code} ${at(d.span)} ${d.message}`)).toEqual([
      'KSP010 1:7-1:8 expected the end of the expression but found `c`',
    ]);
  });
});

describe('recovery: many errors per file, and still an AST', () => {
  it('reports each broken declaration and keeps the good ones', () => {
    const text = [
      'module a',
      'def f: Int = (1 + 2', // missing )
      'def g: Int = 3',
      'record R { f Int }', // missing :
      'enum E { A }',
      'machine M { var x Int', // missing :
      '  init { x == 0 }',
      '  bogus',
      "  action a { x' = 1 }",
      '}',
      'def ok: Int = 1',
    ].join('\n');
    const result = parseModule(text, 'f.kspec');
    expect(result.diagnostics.map((d) => `${d.code} ${at(d.span)} ${d.message}`)).toEqual([
      'KSP010 3:1-3:4 expected `)` but found `def`',
      'KSP010 4:14-4:17 expected `:` but found `Int`',
      'KSP010 6:19-6:22 expected `:` but found `Int`',
      'KSP010 8:3-8:8 expected `}` but found `bogus`',
    ]);
    expect(result.ast).toBeDefined();
    const names = result.ast!.decls.map((d) => ('name' in d && d.name ? `${d.kind} ${d.name.text}` : d.kind));
    expect(names).toContain('def g');
    expect(names).toContain('enum E');
    expect(names).toContain('def ok');
  });

  it('a model property still without its formula is left out, not the model', () => {
    const result = parseModule('module a\nmachine M { var x: Int }\nmodel m of M {\n  check p:\n  check q: [](x > 0)\n  check r\n}\n', 'f.kspec');
    expect(result.diagnostics.map((d) => `${d.code} ${at(d.span)}`)).toEqual(['KSP010 5:3-5:8']);
    const model = result.ast!.decls.find((d) => d.kind === 'model');
    expect(model?.kind === 'model' && model.checks.map((c) => (c.kind === 'property' ? c.name.text : c.path.parts[0]!.text))).toEqual(['q', 'r']);
  });

  it('a file with no module header still yields an AST and its declarations', () => {
    const result = parseModule('def f: Int = 1\ndef g: Int = 2', 'f.kspec');
    expect(result.diagnostics[0]!.message).toBe('expected `module` but found `def`');
    expect(result.ast).toBeDefined();
  });

  it('never reports two errors at the same token', () => {
    const result = parseModule('module a\ndef def def def', 'f.kspec');
    const offsets = result.diagnostics.map((d) => d.span.start.offset);
    expect(new Set(offsets).size).toBe(offsets.length);
  });
});

describe('pathological nesting', () => {
  it(`refuses brackets nested deeper than ${MAX_BRACKET_NESTING} levels, pointing at the first one too deep`, () => {
    const ok = parseModule(`module a\ndef f: Int = ${'('.repeat(MAX_BRACKET_NESTING)}1${')'.repeat(MAX_BRACKET_NESTING)}`, 'f.kspec');
    expect(ok.diagnostics).toEqual([]);
    const n = MAX_BRACKET_NESTING + 1;
    const deep = parseModule(`module a\ndef f: Int = ${'f('.repeat(n)}1${')'.repeat(n)}`, 'f.kspec');
    expect(deep.diagnostics.map((d) => `${d.code} ${at(d.span)} ${d.message}`)).toEqual([
      `KSP010 2:${14 + 2 * MAX_BRACKET_NESTING + 1}-2:${14 + 2 * MAX_BRACKET_NESTING + 2} brackets are nested more than ${MAX_BRACKET_NESTING} levels deep here`,
    ]);
    expect(deep.ast).toBeUndefined();
  });

  it('a chain too long for the call stack is a diagnostic, not a crash', () => {
    const result = parseModule(`module a\ndef f: Bool = ${'!'.repeat(100_000)}true`, 'f.kspec');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.code).toBe('KSP010');
    expect(result.diagnostics[0]!.message).toContain('too deeply');
  });
});

