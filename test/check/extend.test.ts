// `extend M { def ... }`: state-level defs of a machine declared in another module, declared by
// the module that extends it; where they may be used, and the errors when they are misused.
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../src/syntax/index.js';
import { renderDiagnostics } from '../../src/diagnostics/index.js';
import { checkSources, describe as show, errors, fileOf, program } from './helpers.js';

const COUNTER = `module m
const LIMIT: Int
machine Counter {
  var n: Int
  var done: Bool
  init { n == 0 && !done }
  action tick {
    require n < LIMIT
    n' = n + 1
  }
  def below: Bool = n < LIMIT
  fair weak tick
}
machine Other {
  var n: Int
  action up { n' = n + 1 }
}
`;

/** A module importing `m`, with `body` after the import. */
const user = (body: string) => `module t\nimport m\n${body}\n`;

describe('extend: declarations', () => {
  it('declares defs of the extending module that read the extended machine', () => {
    const p = program(
      user(`extend m.Counter {
  def within(k: Int): Bool = 0 <= n && n <= k
  def safe: Bool = within(m.LIMIT) && below && !done
}
theorem t: m.Counter |= [](safe ==> safe')`),
      COUNTER,
    );
    const within = p.defs.get('t.within')!;
    expect(within.machine).toBe('m.Counter');
    expect(within.level).toBe('state');
    expect(p.defs.get('t.safe')!.machine).toBe('m.Counter');
    expect(p.modules.find((mod) => mod.name === 'm')!.defs.map((d) => d.name)).toEqual(['m.Counter.below']);
  });

  it('lets two modules extend one machine with defs of the same name', () => {
    const a = user('extend m.Counter { def high: Bool = n > 3 }');
    const b = 'module u\nimport m\nextend m.Counter { def high: Bool = n > 5 }\n';
    const main = 'module v\nimport m\nimport t\nimport u\ntheorem th: m.Counter |= [](u.high ==> t.high)\n';
    const p = program(main, a.replace(/\n$/, ''), b, COUNTER);
    expect(p.defs.get('t.high')!.machine).toBe('m.Counter');
    expect(p.defs.get('u.high')!.machine).toBe('m.Counter');
  });

  it('extends the machine of each instance of a generic module, and an instance machine', () => {
    const gen = 'module gen\ntype T\ndef start: T\nmachine G {\n  var x: T\n  init { x == start }\n}\nextend G { def same(y: T): Bool = x == y }\n';
    const host = `module host
import gen
def zero: Int = 0
instance i = gen { type T = Int, def start = zero }
extend i.G { def small: Bool = x < 5 }
theorem uses: i.G |= [](i.same(0) ==> small)`;
    const p = program(host, gen);
    expect(p.defs.get('host.i.same')!.machine).toBe('host.i.G');
    expect(p.defs.get('host.small')!.machine).toBe('host.i.G');
    expect(p.defs.get('gen.same')!.machine).toBe('gen.G');
  });

  it('allows Action and Formula results, like a def inside the machine', () => {
    program(
      user(`extend m.Counter {
  def go: Action = tick && n' > n
  def ever: Formula = <>done
}
theorem t: m.Counter |= [](go ==> n' > n)`),
      COUNTER,
    );
  });

  it('may be used in a model of the machine, by name and in a property', () => {
    const p = program(
      user(`extend m.Counter { def small: Bool = n <= m.LIMIT }
model tiny of m.Counter {
  LIMIT = 2
  check small
  check p: [](small)
}`),
      COUNTER,
    );
    expect(p.models.get('t.tiny')!.checks.map((c) => c.kind)).toEqual(['def', 'property']);
  });

  it('keeps `extend` an ordinary name everywhere else', () => {
    program(
      `module t
record extend { extend: Int }
def f(extend: Int): Int = let extend2 = extend in extend2
def extend_all(e: extend): Int = e.extend
machine Counter {
  var extend: Bool
  init { extend }
  action flip { extend' = !extend }
}
def empty: Seq<Int> = []
extend Counter {
  def on: Bool = extend
}
theorem th: Counter |= []extend ==> []on`,
    );
  });

  it('parses `[]` before an extend block as the empty sequence', () => {
    const r = parseModule('module t\ndef e: Seq<Int> = []\nextend a.M {\n  def f: Bool = true\n}\n', 't.kspec');
    expect(r.diagnostics).toEqual([]);
    expect(r.ast!.decls.map((d) => d.kind)).toEqual(['def', 'extend']);
  });
});

describe('extend: errors', () => {
  it('KSP027 / KSP020: extending something that is not a machine', () => {
    expect(errors(user('extend m.LIMIT {\n  def a: Bool = n > 0\n}'), COUNTER)).toEqual([
      'KSP027 3:8-3:15 `m.LIMIT` is a constant, not a machine',
    ]);
    expect(errors(user('extend m.Nope { def a: Bool = true }'), COUNTER)).toEqual([
      expect.stringMatching(/^KSP020 3:10-3:14 module `m` has no declaration `Nope`/),
    ]);
  });

  it('KSP067: a name of the machine itself (a variable, a def, an action)', () => {
    expect(errors(user('extend m.Counter {\n  def n: Bool = true\n  def below: Bool = true\n  def tick: Bool = true\n}'), COUNTER)).toEqual([
      'KSP067 4:7-4:8 `n` is already a variable of machine `Counter`; a def extending the machine needs another name',
      'KSP067 5:7-5:12 `below` is already a def of machine `Counter`; a def extending the machine needs another name',
      'KSP067 6:7-6:11 `tick` is already an action of machine `Counter`; a def extending the machine needs another name',
    ]);
  });

  it('KSP021: a name of the module', () => {
    expect(errors(user('def a: Int = 1\nextend m.Counter { def a: Bool = true }'), COUNTER)).toEqual([
      expect.stringMatching(/^KSP021 4:24-4:25 `a` is already declared in module `t`/),
    ]);
  });

  it('is state level, with the errors of a def inside a machine', () => {
    const machineDef = errors(`module t\nmachine M {\n  var n: Int\n  def a: Bool = n' > n\n  def b: Bool = <>(n > 0)\n}`);
    const extension = errors(user(`extend m.Other {\n  def a: Bool = n' > n\n  def b: Bool = <>(n > 0)\n}`), COUNTER);
    const strip = (ds: string[]) => ds.map((d) => d.replace(/^(KSP\d+) \S+/, '$1'));
    expect(strip(extension)).toEqual(strip(machineDef));
    expect(extension.map((d) => d.slice(0, 6))).toEqual(['KSP047', 'KSP048']);
  });

  it('KSP068: used where there is no state of its machine', () => {
    const ext = 'extend m.Counter {\n  def pos: Bool = n > 0\n}\n';
    const cases: [string, string][] = [
      ['def plain: Bool = pos', 'plain def'],
      ['def pred: Pred = pos', 'Pred def'],
      ['assume pos', 'assume'],
      ['theorem no_machine: []pos', 'theorem without machine'],
      ['lemma l: []pos', 'lemma'],
      ['theorem other: m.Other |= []pos', 'theorem about another machine with a variable n'],
      ['theorem other2: m.Other |= [](n > 0) proof { have s: [](pos ==> n > 0) by smt\n qed by ptl(s) }', 'proof step'],
      ['model o of m.Other {\n  LIMIT = 1\n  check p: []pos\n}', 'property of a model of another machine'],
    ];
    for (const [text, what] of cases) {
      const found = errors(user(`${ext}${text}`), COUNTER);
      expect(found, what).toHaveLength(1);
      expect(found[0], what).toMatch(/^KSP068 \d+:\d+-\d+:\d+ `pos` reads the state of machine `Counter`/);
    }
    expect(errors(user(`${ext}theorem other: m.Other |= []pos`), COUNTER)[0]).toContain('not of machine `Other` that this formula is about');
    expect(errors(user(`${ext}def plain: Bool = pos`), COUNTER)[0]).toContain('and there is none here');
  });

  it('KSP068 through a qualified name, from a module that imports the extension', () => {
    const ext = user('extend m.Counter { def pos: Bool = n > 0 }');
    const main = 'module v\nimport m\nimport t\ntheorem other: m.Other |= [](t.pos)\n';
    expect(errors(main, ext, COUNTER)).toEqual([expect.stringMatching(/^KSP068 4:32-4:35 `pos` reads the state of machine `Counter`, not of machine `Other`/)]);
  });

  it('KSP034: a model of another machine cannot check one by name', () => {
    const found = errors(user('extend m.Counter { def pos: Bool = n > 0 }\nmodel o of m.Other {\n  LIMIT = 1\n  check pos\n}'), COUNTER);
    expect(found).toEqual([expect.stringMatching(/^KSP034 6:9-6:12 `pos` reads the state of another machine/)]);
  });

  it('reports at file:line:col with a code frame', () => {
    const src = user('extend m.Counter {\n  def pos: Bool = n > 0\n}\ntheorem other: m.Other |= []pos');
    const r = checkSources(src, COUNTER);
    const text = renderDiagnostics(r.diagnostics, { sources: new Map([[fileOf(src), src]]), color: false });
    expect(text).toContain(`${fileOf(src)}:6:29: error KSP068`);
    expect(text).toContain('> 6 | theorem other: m.Other |= []pos');
    expect(text).toMatch(/^ +\| +\^\^\^$/m);
    expect(r.diagnostics.map(show)).toHaveLength(1);
  });
});
