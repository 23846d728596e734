// `extend M { def ... }`: the block's syntax tree, its errors, `extend` as an ordinary name
// elsewhere, and incremental re-parsing of files that have such blocks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalParser, parseModule } from '../../src/syntax/index.js';
import { decls, noSpans, only, pathText } from './helpers.js';

describe('extend blocks', () => {
  it('hold the machine path and the defs, in order', () => {
    const ext = only('extend fb.cluster.Cluster {\n  def on(k: Int): Bool = k > 0\n  def off: Bool = !on(0); def third(): Int = 3\n}', 'extend');
    expect(pathText(ext.machine)).toBe('fb.cluster.Cluster');
    expect(ext.defs.map((d) => [d.name.text, d.params?.length])).toEqual([
      ['on', 1],
      ['off', undefined],
      ['third', 0],
    ]);
    expect(noSpans(ext.defs[1]!.body)).toEqual({ kind: 'unary', op: '!', arg: { kind: 'call', callee: { kind: 'name', name: { text: 'on' } }, args: [{ kind: 'int', value: '0n' }] } });
  });

  it('may be empty, and stand among other declarations', () => {
    expect(decls('def a: Int = 1\nextend M {}\ntheorem t: M |= true\nextend N { def b: Bool = true }').map((d) => d.kind)).toEqual(['def', 'extend', 'theorem', 'extend']);
  });

  it('take defs only', () => {
    const r = parseModule('module t\nextend M {\n  var x: Int\n}\ndef ok: Int = 1\n', 't.kspec');
    expect(r.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`)[0]).toBe('KSP010 3:3 expected `}` but found `var`');
    expect(r.ast!.decls.map((d) => d.kind)).toEqual(['extend', 'def']);
  });

  it('need a machine path', () => {
    const r = parseModule('module t\nextend {\n  def a: Bool = true\n}\n', 't.kspec');
    expect(r.diagnostics[0]?.code).toBe('KSP010');
    expect(r.diagnostics[0]?.span.start).toMatchObject({ line: 2, column: 8 });
  });

  it('leave `extend` an ordinary name: a def, a parameter, a variable, a record field, a path part', () => {
    const ds = decls(
      [
        'def extend(extend: Int): Int = extend + 1',
        'record R { extend: Bool }',
        'machine extend { var extend: Int }',
        'extend extend { def x: Bool = extend > 0 }',
        'def e: Bool = [] extend',
        'def f: Seq<Int> = []',
        'extend extend.extend { def y: Bool = true }',
      ].join('\n'),
    );
    expect(ds.map((d) => d.kind)).toEqual(['def', 'record', 'machine', 'extend', 'def', 'def', 'extend']);
    expect(noSpans((ds[4] as { body: unknown }).body)).toEqual({ kind: 'unary', op: '[]', arg: { kind: 'name', name: { text: 'extend' } } });
    expect(noSpans((ds[5] as { body: unknown }).body)).toEqual({ kind: 'seq', elems: [] });
  });

  it('re-parse incrementally as a full parse does', () => {
    const base = [
      'module t',
      'import m',
      'def a: Seq<Int> = []',
      'extend m.M {',
      '  def on(k: Int): Bool = k > 0',
      '  def off: Bool = !on(1)',
      '}',
      'theorem th: m.M |= []on(2)',
      'extend m.N { def x: Bool = true }',
      '',
    ].join('\n');
    const pieces = ['\n', ' ', 'x', 'extend M {', '}', 'def b: Int = 2\n', '[]', '{', 'extend'];
    const edit = fc.record({ at: fc.nat({ max: base.length }), length: fc.nat(6), insert: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const parser = new IncrementalParser();
        let text = base;
        parser.parse(text, 'f.kspec');
        for (const e of edits) {
          const at = Math.min(e.at, text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.length);
          const incremental = parser.parse(text, 'f.kspec');
          const full = parseModule(text, 'f.kspec');
          expect(incremental.diagnostics).toEqual(full.diagnostics);
          expect(incremental.ast).toEqual(full.ast);
        }
      }),
      { numRuns: 60 },
    );
  });
});
