// Exact output for representative constructs, comments, frozen regions, and refusal of files that
// do not parse.
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import plugin, { formatKspec } from '../../src/format/index.js';
import { checkLaws } from './laws.js';

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

async function formatted(text: string): Promise<string> {
  return checkLaws(text);
}

describe('layout', () => {
  it('declarations, lists that fit, matches, if/let chains, proofs', async () => {
    const input = lines(
      'module   demo.shapes',
      'import temporal',
      'import k8s.cluster   as  cluster',
      'record Point{x:Int,y:Int}',
      'enum Shape {',
      '  Dot, Circle(r: Int)',
      '}',
      'enum Tree { Leaf, Node(left: Tree, value: Int, right: Tree) }',
      'def area(s: Shape): Int = match s { Dot => 0, Circle(r) => 3 * r * r }',
      'def long_condition(a: Int, b: Int): Bool = a + b > 1000000 && a - b < 2000000 && a * b != 3000000 && a % 7 == 1 && b % 11 == 2',
      'def pick(x: Int): Int = if x < 0 then -x else if x == 0 then 1 else x',
      'def hyp(a: Int, b: Int): Int = let a2 = a * a in let b2 = b * b in a2 + b2',
      'theorem t: forall x in {1, 2, 3} :: x > 0',
      'proof {',
      '  have s1: forall k: Int :: (k < 10 && 10 - k == k) ~> (k == 10 || (k < 10 && 10 - k < k)) by wf1(tick) using bounded, other',
      '  qed by ptl(s1)',
      '}',
    );
    expect(await formatted(input)).toBe(
      lines(
        'module demo.shapes',
        '',
        'import temporal',
        'import k8s.cluster as cluster',
        '',
        'record Point { x: Int, y: Int }',
        'enum Shape {',
        '  Dot,',
        '  Circle(r: Int),',
        '}',
        'enum Tree { Leaf, Node(left: Tree, value: Int, right: Tree) }',
        'def area(s: Shape): Int = match s { Dot => 0, Circle(r) => 3 * r * r }',
        'def long_condition(a: Int, b: Int): Bool =',
        '  a + b > 1000000 && a - b < 2000000 && a * b != 3000000 && a % 7 == 1 && b % 11 == 2',
        'def pick(x: Int): Int = if x < 0 then -x else if x == 0 then 1 else x',
        'def hyp(a: Int, b: Int): Int = let a2 = a * a in let b2 = b * b in a2 + b2',
        '',
        'theorem t: forall x in {1, 2, 3} :: x > 0',
        'proof {',
        '  have s1: forall k: Int :: (k < 10 && 10 - k == k) ~> (k == 10 || (k < 10 && 10 - k < k))',
        '    by wf1(tick) using bounded, other',
        '  qed by ptl(s1)',
        '}',
      ),
    );
  });

  it('breaks a long chain after each operator; keeps `[ ]`, `[]` and strings as written', async () => {
    const input = lines(
      'module demo.chains',
      'def very_long_condition(alpha: Int, beta: Int): Bool = alpha + beta > 1000000 && alpha - beta < 2000000 && alpha * beta != 3000000 && alpha % 7 == 1 && beta % 11 == 2',
      'machine M {',
      '  var q: Seq<Int>',
      '  var n: Int',
      '  init { q == [ ] && n == 0 }',
      '  action go { require []n > 0 || [ ] == q',
      "    q' = []",
      "    n' = n + 1 }",
      '}',
      'def s: String = "a \\"quoted\\" word\\n" ++ "\\u00e9"',
    );
    expect(await formatted(input)).toBe(
      lines(
        'module demo.chains',
        '',
        'def very_long_condition(alpha: Int, beta: Int): Bool =',
        '  alpha + beta > 1000000 &&',
        '  alpha - beta < 2000000 &&',
        '  alpha * beta != 3000000 &&',
        '  alpha % 7 == 1 &&',
        '  beta % 11 == 2',
        '',
        'machine M {',
        '  var q: Seq<Int>',
        '  var n: Int',
        '  init { q == [ ] && n == 0 }',
        '  action go {',
        '    require []n > 0 || [ ] == q',
        "    q' = []",
        "    n' = n + 1",
        '  }',
        '}',
        '',
        'def s: String = "a \\"quoted\\" word\\n" ++ "\\u00e9"',
      ),
    );
  });

  it('a model: bindings, named checks and inline properties one a line, in source order; a property breaks as a theorem does', async () => {
    const input = lines(
      'module demo.models',
      'model small of M { N = 3; check esr_one:[]([]desired(the_cr, 1) ==> <>[]matches(the_cr, 1))',
      '  check   a,b   // named ones',
      'check long_property_name: [](some_reasonably_long_predicate(alpha, beta) ==> <>[]another_long_predicate(alpha, beta, gamma)) }',
    );
    expect(await formatted(input)).toBe(
      lines(
        'module demo.models',
        '',
        'model small of M {',
        '  N = 3',
        '  check esr_one: []([]desired(the_cr, 1) ==> <>[]matches(the_cr, 1))',
        '  check a, b // named ones',
        '  check long_property_name: [](',
        '    some_reasonably_long_predicate(alpha, beta) ==> <>[]another_long_predicate(alpha, beta, gamma)',
        '  )',
        '}',
      ),
    );
  });
});

describe('comments', () => {
  it('keeps own-line and end-of-line comments where they were', async () => {
    const input = lines(
      'module t   // header note',
      '',
      '/* leading block */',
      'import a.b   // trailing import',
      '',
      '',
      '',
      '// own line before const',
      'const A: Int // trailing const',
      'const B: Int;  const C: Int',
      'machine M {',
      '  // first comment',
      '  var x: Int',
      '',
      '  // before init',
      '',
      '',
      '  init { x == 0 } // after init',
      '  action a(k: Int /* inline */) {',
      '    require x < 10 && // after and',
      '      k > 0',
      "    x' = x + k   // bump",
      '    // last in action',
      '  }',
      '  action empty {',
      '    // nothing here',
      '  }',
      '}',
      'enum E { A, /* mid */ B(x: Int), C // c',
      '}',
      '// end of file',
    );
    expect(await formatted(input)).toBe(
      lines(
        'module t // header note',
        '',
        '/* leading block */',
        'import a.b // trailing import',
        '',
        '// own line before const',
        'const A: Int // trailing const',
        'const B: Int',
        'const C: Int',
        '',
        'machine M {',
        '  // first comment',
        '  var x: Int',
        '',
        '  // before init',
        '',
        '  init { x == 0 } // after init',
        '  action a(k: Int /* inline */) {',
        '    require x < 10 && // after and',
        '      k > 0',
        "    x' = x + k // bump",
        '    // last in action',
        '  }',
        '  action empty {',
        '    // nothing here',
        '  }',
        '}',
        '',
        'enum E {',
        '  A,',
        '  /* mid */ B(x: Int),',
        '  C, // c',
        '}',
        '// end of file',
      ),
    );
  });

  it('prints `kproof-fmt: off` … `on` regions and the item after `prettier-ignore` verbatim', async () => {
    const input = lines(
      'module t',
      'machine M {',
      '  var x: Int',
      '  // kproof-fmt: off',
      '  init {   x==0 }',
      '  action   a {  x\'=x+1 }   // kept',
      '  // kproof-fmt: on',
      '  action   b {  x\'=x+2 }',
      '}',
      '// prettier-ignore',
      'def  ignored :Int= 4',
      'def notignored :Int= 4',
    );
    expect(await formatted(input)).toBe(
      lines(
        'module t',
        '',
        'machine M {',
        '  var x: Int',
        '  // kproof-fmt: off',
        '  init {   x==0 }',
        '  action   a {  x\'=x+1 }   // kept',
        '  // kproof-fmt: on',
        '  action b {',
        "    x' = x + 2",
        '  }',
        '}',
        '',
        '// prettier-ignore',
        'def  ignored :Int= 4',
        'def notignored: Int = 4',
      ),
    );
  });
});

describe('files that do not parse', () => {
  it('are not formatted: formatKspec returns the diagnostics and no text', async () => {
    const result = await formatKspec('module t\ndef f: Int = (1 +\n', 'bad.kspec');
    expect(result.formatted).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain('KSP010');
  });

  it('make the Prettier plugin throw an error with the position and the KSP code', async () => {
    const failure = await format('module t\nconst A: = 1\n', { parser: 'kspec', plugins: [plugin] }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain('KSP010');
    expect((failure as { loc?: unknown }).loc).toEqual({ start: { line: 2, column: 10 } });
  });

  it('a lexical error (KSP001) is refused too', async () => {
    const result = await formatKspec('module t\nconst A: Int $\n', 'bad.kspec');
    expect(result.formatted).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain('KSP001');
  });
});

describe('the Prettier plugin', () => {
  it('is picked by file extension and uses 100 columns', async () => {
    const long = `module t\ndef f: Bool = ${Array.from({ length: 12 }, (_, i) => `x${i} > ${i}`).join(' && ')}\n`;
    const out = await format(long, { filepath: 'specs/t.kspec', plugins: [plugin] });
    expect(out.split('\n').every((line) => line.length <= 100)).toBe(true);
    expect(out).toContain('def f: Bool =\n  x0 > 0 &&');
  });
});
