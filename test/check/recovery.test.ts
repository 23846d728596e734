// One mistake, one diagnostic: errors do not cascade, and many are reported per file.
import { describe, expect, it } from 'vitest';
import { errors } from './helpers.js';

describe('error recovery', () => {
  it('reports each independent mistake exactly once', () => {
    const src = [
      'module t',
      'record R { a: Int }',
      'def f(r: R): Int = r.b + 1',
      'def h: Bool = nope.field.len() > 0 && nope2 == {} && f(nope3) > 0',
      'def k: Int = if nope4 then 1 else 2',
      'machine M {',
      '  var x: Int',
      "  action a { x' = y + 1 }",
      '  action b { require x > "s" }',
      '}',
      'theorem th: M |= [](x > zz)',
      'def m(e: Missing): Int = match e { A => 1 }',
      '',
    ].join('\n');
    expect(errors(src)).toEqual([
      'KSP028 3:22-3:23 record `R` has no field `b`',
      'KSP020 4:15-4:19 unknown name `nope`',
      'KSP020 4:39-4:44 unknown name `nope2`',
      'KSP020 4:56-4:61 unknown name `nope3`',
      'KSP020 5:17-5:22 unknown name `nope4`',
      'KSP020 8:19-8:20 unknown name `y`',
      'KSP040 9:26-9:29 expected Int, found String',
      'KSP020 11:25-11:27 unknown name `zz`',
      'KSP020 12:10-12:17 unknown name `Missing`',
    ]);
  });

  it('suggests close names for typos', () => {
    expect(errors('module t\nconst LIMIT: Int\ndef f: Int = LIMTI + 1\n')).toEqual(['KSP020 3:14-3:19 unknown name `LIMTI`; did you mean `LIMIT`?']);
    expect(errors('module t\ndef f: Bool = ture\n')).toEqual(['KSP020 2:15-2:19 unknown name `ture`; did you mean `true`?']);
    expect(errors('module t\ndef f(s: Seq<Int>): Int = s.size()\n')).toEqual(['KSP043 2:29-2:33 `size` is not defined on Seq<Int>; did you mean `len`?']);
    expect(errors('module t\ndef f(s: Set<Int>): Bool = s.contains(1)\n')).toEqual(['KSP043 2:30-2:38 `contains` is not defined on Set<Int>; use `x in S`']);
  });

  it('says what was expected and what was found, at the offending operand', () => {
    expect(errors('module t\ndef f(x: Int, s: Set<String>): Bool = x in s\n')).toEqual(['KSP040 2:39-2:40 expected String, found Int']);
    expect(errors('module t\ndef f(m: Map<String, Int>): Int = m["k"] + m[1]\n')).toEqual(['KSP040 2:46-2:47 expected String, found Int']);
    expect(errors('module t\nrecord R { a: Option<Int> }\ndef f: R = R { a: 3 }\n')).toEqual(['KSP040 3:19-3:20 expected Option<Int>, found Int']);
  });

  it('explains why an enabled guard cannot mention a step', () => {
    const src = "module t\nmachine M {\n  var x: Int\n  action a { require enabled(b) && b\n x' = 1 }\n  action b { x' = 2 }\n}\n";
    expect(errors(src)).toEqual(['KSP049 4:36-4:37 action `b` is action-level; a `require` guard allows only state-level expressions']);
  });
});
