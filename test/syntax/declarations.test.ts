import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ActionDecl, FairDecl, MachineDecl } from '../../src/syntax/index.js';
import { generateSpec } from '../../bench/parse.js';
import { at, decls, moduleOk, noSpans, only, pathText, show, showType } from './helpers.js';

const counter = readFileSync(new URL('./fixtures/counter.kspec', import.meta.url), 'utf8');

describe('the contract example (every snippet of kspec.md in one file)', () => {
  const ast = moduleOk(counter);

  it('has the module name, the imports and every declaration in order', () => {
    expect(pathText(ast.name)).toBe('examples.counter');
    expect(noSpans(ast.imports)).toEqual([
      { kind: 'import', path: { parts: [{ text: 'temporal' }] } },
      { kind: 'import', path: { parts: [{ text: 'k8s' }, { text: 'cluster' }] }, alias: { text: 'cluster' } },
    ]);
    expect(ast.decls.map((d) => d.kind)).toEqual(['const', 'assume', 'def', 'type', 'def', 'machine', 'theorem', 'theorem', 'model', 'instance']);
  });

  it('keeps every comment with its span', () => {
    expect(ast.comments).toHaveLength(17);
    expect(ast.comments[0]!.text).toBe('// first line; the name matches the path (examples/counter.kspec)');
    expect(ast.comments[0]!.block).toBe(false);
    expect(at(ast.comments[0]!.span)).toBe('1:34-1:99');
  });

  it('reads the machine', () => {
    const machine = ast.decls[5] as MachineDecl;
    expect(machine.name.text).toBe('Counter');
    expect(machine.items.map((i) => i.kind)).toEqual(['var', 'var', 'init', 'action', 'action', 'action', 'fair', 'fair', 'fair']);
    const jump = machine.items[5] as ActionDecl;
    expect(jump.params).toHaveLength(1);
    expect(jump.params[0]!.name.text).toBe('k');
    expect(showType(jump.params[0]!.type!)).toBe('Int');
    expect(show(jump.params[0]!.domain!)).toBe('(0 .. LIMIT)');
    expect(noSpans(jump.body)).toEqual([
      { kind: 'require', cond: { kind: 'binary', op: '>', left: { kind: 'name', name: { text: 'k' } }, right: { kind: 'name', name: { text: 'n' } } } },
      { kind: 'assign', target: { text: 'n' }, value: { kind: 'name', name: { text: 'k' } } },
    ]);
    const fair = machine.items[8] as FairDecl;
    expect(noSpans(fair)).toEqual({ kind: 'fair', strength: 'weak', action: { text: 'jump' }, args: [{ kind: 'wildcardArg' }] });
    expect((machine.items[6] as FairDecl).args).toBeUndefined();
  });

  it('reads the theorems and the structured proof', () => {
    const bounded = ast.decls[6]!;
    if (bounded.kind !== 'theorem') throw new Error('expected a theorem');
    expect(pathText(bounded.machine!)).toBe('Counter');
    expect(show(bounded.formula)).toBe('[](paren(((0 <= n) && (n <= LIMIT))))');
    expect(noSpans(bounded.proof)).toEqual({ kind: 'by', justification: { name: { parts: [{ text: 'invariant' }] }, using: [] } });
    const finishes = ast.decls[7]!;
    if (finishes.kind !== 'theorem' || finishes.proof?.kind !== 'steps') throw new Error('expected a structured proof');
    expect(show(finishes.formula)).toBe('<>([](done))');
    expect(finishes.proof.steps.map((s) => s.name.text)).toEqual(['s1', 's2', 's3', 's4', 'g']);
    const s2 = finishes.proof.steps[1]!;
    expect(show(s2.formula)).toBe('((n < LIMIT) ~> (n == LIMIT))');
    if (s2.proof.kind !== 'by') throw new Error('expected by');
    expect(pathText(s2.proof.justification.name)).toBe('rank');
    expect(s2.proof.justification.args!.map(show)).toEqual(['(LIMIT - n)', 's1']);
    expect(s2.proof.justification.using.map(pathText)).toEqual(['bounded']);
    expect(finishes.proof.qed.justification.args!.map(show)).toEqual(['s2', 's3', 's4', 'g']);
  });

  it('reads the model and the instance', () => {
    expect(noSpans(ast.decls[8])).toEqual({
      kind: 'model',
      name: { text: 'small' },
      machine: { parts: [{ text: 'Counter' }] },
      bindings: [{ name: { text: 'LIMIT' }, value: { kind: 'int', value: '3n' } }],
      checks: [
        { kind: 'named', path: { parts: [{ text: 'bounded' }] } },
        { kind: 'named', path: { parts: [{ text: 'finishes' }] } },
      ],
    });
    expect(noSpans(ast.decls[9])).toEqual({
      kind: 'instance',
      name: { text: 'zk' },
      module: { parts: [{ text: 'k8s' }, { text: 'cluster' }] },
      bindings: [
        { kind: 'type', name: { text: 'S' }, type: { kind: 'named', path: { parts: [{ text: 'ZkState' }] }, args: [] } },
        { kind: 'def', name: { text: 'core' }, target: { parts: [{ text: 'zk_core' }] } },
      ],
    });
  });

  it('gives declarations and names exact spans', () => {
    const inc = ast.decls[2]!;
    expect(at(inc.span)).toBe('7:1-7:29');
    if (inc.kind !== 'def') throw new Error('expected def');
    expect(at(inc.name.span)).toBe('7:5-7:8');
    expect(at(inc.params![0]!.span)).toBe('7:9-7:15');
    expect(at(inc.body!.span)).toBe('7:24-7:29');
    expect(at(ast.span)).toBe(`1:1-${counter.split('\n').length}:1`);
  });
});

describe('declarations', () => {
  it('enum: constructors with and without fields, commas or newlines', () => {
    const e = only('enum E { A, B(x: Int, y: Bool)\n C }', 'enum');
    expect(e.ctors.map((c) => [c.name.text, c.fields.map((f) => `${f.name.text}: ${showType(f.type)}`)])).toEqual([
      ['A', []],
      ['B', ['x: Int', 'y: Bool']],
      ['C', []],
    ]);
  });

  it('record: fields separated by commas or newlines', () => {
    const r = only('record R {\n  f: Int\n  g: Seq<String>,\n  h: Map<K, Set<V>>; i: m.T\n}', 'record');
    expect(r.fields.map((f) => `${f.name.text}: ${showType(f.type)}`)).toEqual(['f: Int', 'g: Seq<String>', 'h: Map<K, Set<V>>', 'i: m.T']);
  });

  it('type aliases, abstract types, and every type form', () => {
    expect(showType(only('type X = (A, B)', 'type').body!)).toBe('(A, B)');
    expect(only('type S', 'type').body).toBeUndefined();
    expect(showType(only('type F = A -> B -> C', 'type').body!)).toBe('fn(A) -> fn(B) -> C');
    expect(showType(only('type F = (A, B) -> C', 'type').body!)).toBe('fn(A, B) -> C');
    expect(showType(only('type F = (A) -> C', 'type').body!)).toBe('fn(A) -> C');
    expect(showType(only('type F = () -> C', 'type').body!)).toBe('fn() -> C');
    expect(showType(only('type F = (A)', 'type').body!)).toBe('A');
    expect(showType(only('type F = Seq<(Int, Int)> -> Bool', 'type').body!)).toBe('fn(Seq<(Int, Int)>) -> Bool');
  });

  it('named types have exact spans (also before an arrow)', () => {
    const t = only('type F = m.T<A> -> B', 'type').body!;
    if (t.kind !== 'fn') throw new Error('expected fn');
    expect(at(t.span)).toBe('2:10-2:21');
    expect(at(t.params[0]!.span)).toBe('2:10-2:16');
    const named = t.params[0]!;
    if (named.kind !== 'named') throw new Error('expected named');
    expect(at(named.path.span)).toBe('2:10-2:13');
  });

  it('const and assume (with and without a name)', () => {
    const [c, a, b] = decls('const LIMIT: Int\nassume LIMIT > 0\nassume pos: LIMIT > 1');
    expect(noSpans(c)).toEqual({ kind: 'const', name: { text: 'LIMIT' }, type: { kind: 'named', path: { parts: [{ text: 'Int' }] }, args: [] } });
    expect(a!.kind === 'assume' && a.name === undefined && show(a.expr)).toBe('(LIMIT > 0)');
    expect(b!.kind === 'assume' && b.name?.text).toBe('pos');
  });

  it('def: with parameters, without, empty, abstract, decreases', () => {
    const [f, c, e, abs, rec] = decls(
      'def f(x: Int, y: Int): Int = x + y\ndef c: Int = 3\ndef e(): Bool = true\ndef core(s: S): S\ndef sum(n: Int): Int decreases n = if n <= 0 then 0 else n + sum(n - 1)',
    );
    if (f?.kind !== 'def' || c?.kind !== 'def' || e?.kind !== 'def' || abs?.kind !== 'def' || rec?.kind !== 'def') throw new Error('defs');
    expect(f.params!.map((p) => p.name.text)).toEqual(['x', 'y']);
    expect(c.params).toBeUndefined();
    expect(e.params).toEqual([]);
    expect(abs.body).toBeUndefined();
    expect(show(rec.decreases!)).toBe('n');
    expect(show(rec.body!)).toBe('if((n <= 0), 0, (n + sum((n - 1))))');
  });

  it('`decreases` stays usable as a name', () => {
    const [d] = decls('def decreases(decreases: Int): Int = decreases');
    expect(d!.kind === 'def' && d.name.text).toBe('decreases');
  });

  it('machine items, separated by newlines or `;`, in order', () => {
    const m = only(
      "machine M { var x: Int; var q: Seq<Int>\n init { x == 0 && q == [] }\n action a(k: Int in 0..LIMIT, j in S, z: T) { require k > x; x' = k; q' = [] }\n action b { q' = []\n x' = 1 }\n fair weak a; fair strong b; fair weak a(*, 3, y)\n def d(v: Int): Int = v + x }",
      'machine',
    );
    expect(m.items.map((i) => i.kind)).toEqual(['var', 'var', 'init', 'action', 'action', 'fair', 'fair', 'fair', 'def']);
    const a = m.items[3] as ActionDecl;
    expect(a.params.map((p) => `${p.name.text}|${p.type ? showType(p.type) : ''}|${p.domain ? show(p.domain) : ''}`)).toEqual([
      'k|Int|(0 .. LIMIT)',
      'j||S',
      'z|T|',
    ]);
    expect(a.body.map((s) => s.kind)).toEqual(['require', 'assign', 'assign']);
    const b = m.items[4] as ActionDecl;
    expect(b.params).toEqual([]);
    expect(b.body.map((s) => (s.kind === 'assign' ? `${s.target.text}=${show(s.value)}` : ''))).toEqual(['q=[]', 'x=1']);
    expect((m.items[6] as FairDecl).strength).toBe('strong');
    expect((m.items[7] as FairDecl).args!.map(show)).toEqual(['*', '3', 'y']);
  });

  it('theorems and lemmas: parameters, `M |=` by lookahead, qualified machines, no proof', () => {
    const [t1, t2, t3, l1] = decls(
      'theorem a: x > 0\ntheorem b: m.M |= []p\ntheorem c: p |= q\nlemma wf(p: Pred, a: Action, q: Int -> Pred, f: (Int, Int) -> Pred): WF(a) ~> p proof by ptl',
    );
    if (t1?.kind !== 'theorem' || t2?.kind !== 'theorem' || t3?.kind !== 'theorem' || l1?.kind !== 'lemma') throw new Error('kinds');
    expect(t1.machine).toBeUndefined();
    expect(t1.proof).toBeUndefined();
    expect(pathText(t2.machine!)).toBe('m.M');
    expect(show(t2.formula)).toBe('[](p)');
    expect(pathText(t3.machine!)).toBe('p');
    expect(l1.params.map((p) => `${p.name.text}: ${showType(p.type)}`)).toEqual(['p: Pred', 'a: Action', 'q: fn(Int) -> Pred', 'f: fn(Int, Int) -> Pred']);
    expect(show(l1.formula)).toBe('(WF(a) ~> p)');
  });

  it('proofs: `proof by`, nested steps, `have ... proof {}`, lemma instantiation with wildcard args', () => {
    const t = only(
      'theorem t: M |= F proof {\n have a: P by smt\n have b: Q proof { have c: R proof by invariant using a; qed by ptl(c) }\n have d: S by temporal.leads_to_trans(p, *, q) using a, m.b\n qed by ptl(a, b, d)\n}',
      'theorem',
    );
    if (t.proof?.kind !== 'steps') throw new Error('steps');
    const [a, b, d] = t.proof.steps;
    expect(a!.proof.kind).toBe('by');
    expect(b!.proof.kind).toBe('steps');
    if (d!.proof.kind !== 'by') throw new Error('by');
    expect(pathText(d!.proof.justification.name)).toBe('temporal.leads_to_trans');
    expect(d!.proof.justification.args!.map(show)).toEqual(['p', '*', 'q']);
    expect(d!.proof.justification.using.map(pathText)).toEqual(['a', 'm.b']);
    if (b!.proof.kind !== 'steps') throw new Error('steps');
    expect(b!.proof.steps[0]!.proof.kind).toBe('by');
  });

  it('model: several bindings and checks, `;` or newlines', () => {
    const m = only('model small of m.Counter { LIMIT = 3; NAMES = {"a", "b"}\n check bounded\n check a, b }', 'model');
    expect(m.bindings.map((b) => `${b.name.text}=${show(b.value)}`)).toEqual(['LIMIT=3', 'NAMES={"a", "b"}']);
    expect(m.checks.map((c) => (c.kind === 'named' ? pathText(c.path) : c.name.text))).toEqual(['bounded', 'a', 'b']);
    expect(pathText(m.machine)).toBe('m.Counter');
  });

  it('model: inline properties `check p: F` keep their place among the named checks', () => {
    const m = only('model small of M { check a\n check p: []ok\n N = 1; check b, c; check q: <>done }', 'model');
    const shown = m.checks.map((c) => (c.kind === 'named' ? pathText(c.path) : `${c.name.text}: ${show(c.formula)}`));
    expect(shown).toEqual(['a', 'p: [](ok)', 'b', 'c', 'q: <>(done)']);
    expect(m.bindings.map((b) => b.name.text)).toEqual(['N']);
  });

  it('instance: type, def and const bindings in source order', () => {
    const i = only('instance zk = k8s.cluster { const N = 3\n type S = ZkState, def core = m.zk_core; type T = Int }', 'instance');
    expect(i.bindings.map((b) => `${b.kind}:${b.name.text}`)).toEqual(['const:N', 'type:S', 'def:core', 'type:T']);
  });

  it('semicolons between declarations and imports are accepted', () => {
    const ast = moduleOk('module a.b; import c; import d as e;\nconst x: Int; def y: Int = 1;;');
    expect(ast.imports).toHaveLength(2);
    expect(ast.decls).toHaveLength(2);
  });

  it('block comments anywhere, nested-looking text inside strings', () => {
    const ast = moduleOk('module a /* c1 */ def /* c2\n spans */ f: String = "/* not a comment */" // end');
    expect(ast.comments.map((c) => [c.block, c.text])).toEqual([
      [true, '/* c1 */'],
      [true, '/* c2\n spans */'],
      [false, '// end'],
    ]);
    const f = ast.decls[0]!;
    expect(f.kind === 'def' && f.body?.kind === 'string' && f.body.value).toBe('/* not a comment */');
  });

  it('an empty sequence before the next item on the following line is not "always"', () => {
    const m = only("machine M { var q: Seq<Int>\n var n: Int\n action a { q' = []\n n' = 1 } }", 'machine');
    const a = m.items[2] as ActionDecl;
    expect(a.body).toHaveLength(2);
    const model = only('model s of M { Q = []\n N = 2 }', 'model');
    expect(model.bindings).toHaveLength(2);
    expect(show(only('def f(x: Int): Seq<Int> = match x { A => []\n B => [x] }', 'def').body!)).toBe('match(x, A() => []; B() => [x])');
  });

  it('contract-reserved words of other languages are ordinary names', () => {
    const d = only('def select(and: Int, constructor: Int, __proto__: Int): Int = and + constructor + __proto__', 'def');
    expect(d.params!.map((p) => p.name.text)).toEqual(['and', 'constructor', '__proto__']);
  });
});

describe('the benchmark spec generator', () => {
  it('produces a valid module of the requested size', () => {
    const text = generateSpec(600);
    expect(text.split('\n').length).toBeGreaterThanOrEqual(600);
    const ast = moduleOk(text);
    expect(ast.decls.map((d) => d.kind)).toEqual(expect.arrayContaining(['enum', 'record', 'const', 'assume', 'def', 'machine', 'theorem']));
  });
});

