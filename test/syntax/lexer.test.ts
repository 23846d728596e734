import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keywordTokens } from '../../grammar/tokens.js';
import { lineStarts, spanFromOffsets } from '../../src/diagnostics/index.js';
import { decodeString, parseModule } from '../../src/syntax/index.js';

function tokenNames(text: string): string[] {
  return parseModule(text, 't.kspec').tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

const contractKeywords =
  'module import as enum record type const assume def machine var init action require fair weak strong theorem lemma proof by using have qed model of check instance if then else let in match is forall exists true false where for with'.split(
    ' ',
  );

describe('tokens', () => {
  it('reserves exactly the contract keywords', () => {
    expect(keywordTokens.map((k) => String(k.PATTERN).slice(1, -1))).toEqual(contractKeywords);
    for (const word of contractKeywords) {
      expect(tokenNames(word)[0]).not.toMatch(/^Identifier/);
    }
  });

  it('keyword prefixes and extensions are identifiers', () => {
    expect(tokenNames('assume assumes as ass index in init instance iff for forall format')).toEqual([
      'Assume:assume', 'Identifier:assumes', 'As:as', 'Identifier:ass', 'Identifier:index', 'In:in', 'Init:init',
      'Instance:instance', 'Identifier:iff', 'For:for', 'Forall:forall', 'Identifier:format',
    ]);
  });

  it('predefined and contextual names are identifiers', () => {
    for (const word of ['Some', 'None', 'Map', 'WF', 'SF', 'enabled', 'Bool', 'Int', 'String', 'Seq', 'Set', 'Option', 'Pred', 'Action', 'Formula', 'decreases', '_', 'and', 'select', 'constructor']) {
      expect(tokenNames(word)).toEqual([`Identifier:${word}`]);
    }
  });

  it('operators: longest match', () => {
    expect(tokenNames("<==> ==> <= <> < >= > == != ! => = ~> && || |= ++ + -> - .. . :: : ' [] [ ] * / % , ; ( ) { }").map((t) => t.split(':')[0])).toEqual([
      'Iff', 'Implies', 'LessEq', 'Diamond', 'Less', 'GreaterEq', 'Greater', 'EqEq', 'NotEq', 'Bang', 'FatArrow', 'Equals',
      'LeadsTo', 'AndAnd', 'OrOr', 'Satisfies', 'PlusPlus', 'Plus', 'Arrow', 'Minus', 'DotDot', 'Dot', 'DoubleColon', 'Colon',
      'Prime', 'Box', 'LBracket', 'RBracket', 'Star', 'Slash', 'Percent', 'Comma', 'Semicolon', 'LParen', 'RParen', 'LCurly', 'RCurly',
    ]);
    expect(tokenNames('[ ]')).toEqual(['LBracket:[', 'RBracket:]']);
    expect(tokenNames('1..5')).toEqual(['IntLiteral:1', 'DotDot:..', 'IntLiteral:5']);
    expect(tokenNames('e.0.1')).toEqual(['Identifier:e', 'Dot:.', 'IntLiteral:0', 'Dot:.', 'IntLiteral:1']);
    expect(tokenNames('Seq<Seq<Int>>')).toEqual(['Identifier:Seq', 'Less:<', 'Identifier:Seq', 'Less:<', 'Identifier:Int', 'Greater:>', 'Greater:>']);
  });

  it('comments are kept apart from the tokens, in order', () => {
    const result = parseModule('module a // one\n/* two */ def /** three */ x: Int = 1', 't.kspec');
    expect(result.comments.map((c) => c.image)).toEqual(['// one', '/* two */', '/** three */']);
    expect(result.tokens.map((t) => t.image)).not.toContain('// one');
  });

  it('strings decode JSON escapes', () => {
    expect(decodeString('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00"')).toEqual({ ok: true, value: 'a"b\\c/d\b\f\n\r\té😀' });
    expect(decodeString('""')).toEqual({ ok: true, value: '' });
    expect(decodeString('"\\x"').ok).toBe(false);
    expect(decodeString('"abc').ok).toBe(false);
    expect(decodeString('"').ok).toBe(false);
    expect(decodeString('"\\"').ok).toBe(false);
    expect(decodeString('"\\\\"')).toEqual({ ok: true, value: '\\' });
  });

  it('decodeString inverts JSON.stringify', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const literal = JSON.stringify(s);
        expect(decodeString(literal)).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('token spans agree with the diagnostics line counting (\\n, \\r\\n and \\r)', () => {
    const piece = fc.constantFrom('x', ' ', '\n', '\r\n', '\r', '\t', '"s"', '// c\n', '/* a\r\nb */', '(', '<==>', '42');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = `module m ${pieces.join('')}`;
        const result = parseModule(text, 'f');
        const starts = lineStarts(text);
        for (const t of result.tokens) {
          const expected = spanFromOffsets('f', starts, t.startOffset, t.startOffset + t.image.length);
          expect([t.startLine, t.startColumn, t.endLine, (t.endColumn ?? 0) + 1]).toEqual([
            expected.start.line, expected.start.column, expected.end.line, expected.end.column,
          ]);
        }
      }),
    );
  });
});
