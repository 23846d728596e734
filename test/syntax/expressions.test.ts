import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/syntax/index.js';
import { at, expr } from './helpers.js';

describe('expression precedence (kspec.md: loosest first)', () => {
  it.each([
    // <==> loosest, then ==> (right-assoc), ~>, ||, &&
    ['a <==> b ==> c', '(a <==> (b ==> c))'],
    ['a ==> b <==> c', '((a ==> b) <==> c)'],
    ['a <==> b <==> c', '((a <==> b) <==> c)'],
    ['a ==> b ==> c', '(a ==> (b ==> c))'],
    ['a ~> b ==> c', '((a ~> b) ==> c)'],
    ['a || b ~> c && d', '((a || b) ~> (c && d))'],
    ['a || b && c', '(a || (b && c))'],
    ['a && b || c', '((a && b) || c)'],
    ['a && b && c', '((a && b) && c)'],
    // prefix ! [] <> take a comparison-level operand
    ['!a && b', '(!(a) && b)'],
    ['!a == b', '!((a == b))'],
    ['[] n <= L', '[]((n <= L))'],
    ['<>[] done', '<>([](done))'],
    ['[]<> p && q', '([](<>(p)) && q)'],
    ['!x in S', '!((x in S))'],
    ['[](p ==> []p)', '[](paren((p ==> [](p))))'],
    // comparisons, in/is, ++, .., + -, * / %, unary -
    ['a == b + c', '(a == (b + c))'],
    ['x in S ++ T', '(x in (S ++ T))'],
    ['a < b in S', '(a < (b in S))'],
    ['s ++ t ++ u', '((s ++ t) ++ u)'],
    ['a..b ++ c', '((a .. b) ++ c)'],
    ['0..n - 1', '(0 .. (n - 1))'],
    ['a + b * c - d', '((a + (b * c)) - d)'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b % c * d', '(((a / b) % c) * d)'],
    ['-a * b', '(-(a) * b)'],
    ['- -a', '-(-(a))'],
    ['e is B', '(e is B)'],
    ['e.f is m.B', '(e.f is m.B)'],
    ['x + 1 is B', '((x + 1) is B)'],
    ['!e is B && c', '(!((e is B)) && c)'],
    // postfix binds tightest
    ["-x'", "-(x')"],
    ["x'.f[0]", "x'.f[0]"],
    ['s.len() - 1', '(s.len() - 1)'],
    ['s.0.1', 's.0.1'],
    ['f(a)(b)[c].d', 'f(a)(b)[c].d'],
    ['m.f(x, y)', 'm.f(x, y)'],
  ])('%s', (text, expected) => {
    expect(expr(text)).toBe(expected);
  });

  it('quantifier, let and if bodies extend as far right as possible, in any operand position', () => {
    expect(expr('forall x: Int :: p(x) && q ==> r')).toBe('forall(x: Int :: ((p(x) && q) ==> r))');
    expect(expr('a && forall x in S :: x > 0')).toBe('(a && forall(x in S :: (x > 0)))');
    expect(expr('!exists x: T :: p(x) || q')).toBe('!(exists(x: T :: (p(x) || q)))');
    expect(expr('1 + if c then 2 else 3 + 4')).toBe('(1 + if(c, 2, (3 + 4)))');
    expect(expr('let x = a + 1 in x * 2')).toBe('let(x = (a + 1) in (x * 2))');
    expect(expr('let x: Int = 1 in let y = x in y')).toBe('let(x: Int = 1 in let(y = x in y))');
    expect(expr('let x = let y = 1 in y in x')).toBe('let(x = let(y = 1 in y) in x)');
    expect(expr('let b = (x in S) in b')).toBe('let(b = paren((x in S)) in b)');
    expect(expr('let b = if x in S then 1 else 2 in b')).toBe('let(b = if((x in S), 1, 2) in b)');
    expect(expr('if a in S then b else c')).toBe('if((a in S), b, c)');
  });

  it('quantifier binders: typed, with domains, several at once', () => {
    expect(expr('forall x, y in S :: x == y')).toBe('forall(x in S, y in S :: (x == y))');
    expect(expr('forall x in S, y: T :: p')).toBe('forall(x in S, y: T :: p)');
    expect(expr('exists k: Int in 0..n :: k > 0')).toBe('exists(k: Int in (0 .. n) :: (k > 0))');
    expect(expr('forall x: Int, y: Seq<Int> :: p')).toBe('forall(x: Int, y: Seq<Int> :: p)');
  });

  it('non-associative operators cannot be chained', () => {
    for (const [text, op, col] of [
      ['a == b == c', '==', 8],
      ['a < b <= c', '<=', 7],
      ['a ~> b ~> c', '~>', 8],
      ['a..b..c', '..', 5],
      ['x in S in T', 'in', 8],
    ] as const) {
      const result = parseExpression(text, 'e.kspec');
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]!.code).toBe('KSP010');
      expect(result.diagnostics[0]!.message).toContain(`\`${op}\` cannot be chained`);
      expect(result.diagnostics[0]!.span.start.column).toBe(col);
    }
  });
});

describe('`[]`: always or the empty sequence', () => {
  it.each([
    ['x == []', '(x == [])'],
    ['[] == x', '([] == x)'],
    ['f([], [])', 'f([], [])'],
    ['[[], [1]]', '[[], [1]]'],
    ['{[]}', '{[]}'],
    ['s ++ []', '(s ++ [])'],
    ['if c then [] else s', 'if(c, [], s)'],
    ['[ ]', '[]'],
    ['[] done', '[](done)'],
    ['[](p)', '[](paren(p))'],
    ['[]!p', '[](!(p))'],
    ['[] -x < 0', '[]((-(x) < 0))'],
    ['[][1]', '[]([1])'],
    ['[]{a}', '[]({a})'],
    ['[] forall x: T :: p', '[](forall(x: T :: p))'],
  ])('%s', (text, expected) => {
    expect(expr(text)).toBe(expected);
  });
});

describe('primaries', () => {
  it.each([
    ['true', 'true'],
    ['false', 'false'],
    ['42', '42'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['"a\\"b\\\\c\\n\\t\\u0041\\/"', JSON.stringify('a"b\\c\n\tA/')],
    ['(a)', 'paren(a)'],
    ['(a, b, c)', 'tuple(a, b, c)'],
    ['[a, b]', '[a, b]'],
    ['{}', '{}'],
    ['{a, b}', '{a, b}'],
    ['{ x in S where x > 1 }', '{x in S where (x > 1)}'],
    ['{ x * 2 for x in S }', '{(x * 2) for x in S}'],
    ['{ (x, y) for x in S, y: T }', '{tuple(x, y) for x in S, y: T}'],
    ['{ r with f: 1, g: 2 }', '{r with f: 1, g: 2}'],
    ['Map {}', 'Map{}'],
    ['Map { 1: "a", 2: "b" }', 'Map{1: "a", 2: "b"}'],
    ['Map { x in S => x + 1 }', 'Map{x in S => (x + 1)}'],
    ['R { f: 1, g: x }', 'R{f: 1, g: x}'],
    ['m.R { f: 1 }', 'm.R{f: 1}'],
    ['R { f: 1 }.f', 'R{f: 1}.f'],
    ['Some(x)', 'Some(x)'],
    ['None', 'None'],
    ['WF(jump(*))', 'WF(jump(*))'],
    ['f(*, 3)', 'f(*, 3)'],
    ['enabled(tick)', 'enabled(tick)'],
    ['match x { B(y) => y, _ => 0 }', 'match(x, B(y) => y; _ => 0)'],
    ['match x { m.C(a, _) => a\n None => 1\n Some(z) => z }', 'match(x, m.C(a, _) => a; None() => 1; Some(z) => z)'],
    ['and + select + constructor', '((and + select) + constructor)'],
    ['decreases + Map', '(decreases + Map)'],
  ])('%s', (text, expected) => {
    expect(expr(text)).toBe(expected);
  });

  it('patterns: `_` alone is a wildcard; `C` without parentheses is a constructor with no binders', () => {
    const result = parseExpression('match e { _ => 1, C => 2, C() => 3 }', 'e');
    const m = result.expr;
    expect(m?.kind).toBe('match');
    if (m?.kind !== 'match') return;
    expect(m.arms.map((a) => a.pattern.kind)).toEqual(['wildcard', 'ctor', 'ctor']);
  });

  it('`match x {` is never a record literal; a record literal needs `{ name :`', () => {
    expect(expr('match r { A => 1 }')).toBe('match(r, A() => 1)');
    expect(expr('{ a }')).toBe('{a}');
  });

  it('spans: operators, names and whole expressions', () => {
    const result = parseExpression('a +  b * c', 'e.kspec');
    const e = result.expr!;
    expect(e.kind).toBe('binary');
    if (e.kind !== 'binary') return;
    expect(at(e.span)).toBe('1:1-1:11');
    expect(at(e.opSpan)).toBe('1:3-1:4');
    expect(at(e.right.span)).toBe('1:6-1:11');
    const member = parseExpression('  s.len()', 'e').expr!;
    expect(member.kind).toBe('call');
    if (member.kind !== 'call' || member.callee.kind !== 'member') return;
    expect(at(member.span)).toBe('1:3-1:10');
    expect(at(member.callee.member.span)).toBe('1:5-1:8');
    const q = parseExpression('forall x, y in S :: p', 'e').expr!;
    if (q.kind !== 'quant') throw new Error('expected a quantifier');
    expect(q.binders.map((b) => at(b.name.span))).toEqual(['1:8-1:9', '1:11-1:12']);
  });

  it('a map literal spans from `Map` to its closing brace', () => {
    const e = parseExpression('x == Map { 1: 2 }', 'e').expr!;
    if (e.kind !== 'binary') throw new Error('expected binary');
    expect(e.right.kind).toBe('map');
    expect(at(e.right.span)).toBe('1:6-1:18');
  });

  it('a parenthesised expression keeps its own span', () => {
    const e = parseExpression('(a)', 'e').expr!;
    expect(e.kind).toBe('paren');
    expect(at(e.span)).toBe('1:1-1:4');
  });
});
