// Generic modules and their instances, materialized with the bindings substituted.
import { describe, expect, it } from 'vitest';
import type { ExprOf } from '../../src/ir/index.js';
import { errors, exprs, program } from './helpers.js';

const GENERIC = `module k8s.cluster
type S
type R
const N: Int
const M: Int
def core(s: S): S
def step(s: S): S = core(core(s))
def free(r: R): R
assume N > 0
assume M > 0
assume forall s: S :: step(s) == core(core(s))
record Box { val: S, count: Int }
enum Msg { Req(s: S), Ack }
machine Ctl {
  var st: S
  var box: Box
  var inbox: Set<Msg>
  init { box.count == 0 && inbox == {} }
  action run {
    require box.count < N
    st' = step(st)
    box' = { box with count: box.count + 1 }
    inbox' = inbox.add(Req(st))
  }
  fair weak run
}
theorem small: Ctl |= [](box.count <= N) proof by invariant
`;

const USER = `module app.zk
import k8s.cluster
record ZkState { phase: Int }
def zk_core(s: ZkState): ZkState = { s with phase: s.phase + 1 }
instance zk = k8s.cluster { type S = ZkState, def core = zk_core, const N = 3 }
def first: zk.Box = zk.Box { val: ZkState { phase: 0 }, count: 1 }
def acks: Bool = zk.Ack == zk.Msg.Ack && k8s.cluster.Msg.Ack == k8s.cluster.Ack
theorem mine: zk.Ctl |= [](zk.Ack == zk.Ack) proof by zk.small
`;

describe('instances', () => {
  const p = program(USER, GENERIC);
  const inst = p.modules.find((m) => m.name === 'app.zk.zk')!;

  it('creates a module named after the instance, placed before the module that declares it', () => {
    expect(p.modules.map((m) => m.name)).toEqual(['k8s.cluster', 'app.zk.zk', 'app.zk']);
    expect(p.modules[2]!.imports).toEqual(['k8s.cluster', 'app.zk.zk']);
    expect(inst.file).toBe('/virtual/k8s/cluster.kspec');
    expect(inst.instanceOf!.module).toBe('k8s.cluster');
    expect([...inst.instanceOf!.types]).toEqual([['k8s.cluster.S', { kind: 'record', name: 'app.zk.ZkState' }]]);
    expect([...inst.instanceOf!.defs]).toEqual([['k8s.cluster.core', 'app.zk.zk_core']]);
    expect([...inst.instanceOf!.consts!.keys()]).toEqual(['k8s.cluster.N']);
  });

  it('substitutes bound types everywhere and keeps unbound ones abstract, per instance', () => {
    expect(inst.generic).toBe(true);
    expect(inst.abstractTypes).toEqual(['app.zk.zk.R']);
    const box = p.records.get('app.zk.zk.Box')!;
    expect(box.fields[0]!.type).toEqual({ kind: 'record', name: 'app.zk.ZkState' });
    const ctl = p.machines.get('app.zk.zk.Ctl')!;
    expect(ctl.vars.map((v) => v.type)).toEqual([
      { kind: 'record', name: 'app.zk.ZkState' },
      { kind: 'record', name: 'app.zk.zk.Box' },
      { kind: 'set', elem: { kind: 'enum', name: 'app.zk.zk.Msg' } },
    ]);
    expect(p.defs.get('app.zk.zk.free')!.params[0]!.type).toEqual({ kind: 'abstract', name: 'app.zk.zk.R' });
    expect(p.defs.get('app.zk.zk.free')!.body).toBeUndefined();
  });

  it('sends calls of a bound def to its target and drops the abstract def', () => {
    expect(p.defs.has('app.zk.zk.core')).toBe(false);
    const step = p.defs.get('app.zk.zk.step')!;
    const calls = exprs(step.body).filter((e) => e.kind === 'call') as ExprOf<'call'>[];
    expect(calls.map((c) => c.def)).toEqual(['app.zk.zk_core', 'app.zk.zk_core']);
  });

  it('substitutes bound constants with fresh copies of their value', () => {
    expect(inst.consts.map((c) => c.name)).toEqual(['app.zk.zk.M']);
    const guard = p.machines.get('app.zk.zk.Ctl')!.actions[0]!.guards[0]!;
    expect(guard).toMatchObject({ kind: 'compare', right: { kind: 'int', value: 3n } });
    const theorem = p.theorems.get('app.zk.zk.small')!;
    const three = exprs(theorem.formula).filter((e) => e.kind === 'int' && e.value === 3n);
    expect(three).toHaveLength(1);
    expect(three[0]!.id).not.toBe((guard as ExprOf<'compare'>).right.id);
  });

  it('turns assumes that mention a bound symbol (directly or through defs) into obligations', () => {
    expect(inst.assumes.map((a) => a.obligation ?? false)).toEqual([true, false, true]);
    const generic = p.modules.find((m) => m.name === 'k8s.cluster')!;
    expect(generic.assumes.every((a) => a.obligation === undefined)).toBe(true);
  });

  it('marks each theorem of the instance as an instance of the generic one', () => {
    expect(p.theorems.get('app.zk.zk.small')!.instanceOf).toBe('k8s.cluster.small');
    expect(p.theorems.get('app.zk.zk.small')!.machine).toBe('app.zk.zk.Ctl');
    expect(p.theorems.get('k8s.cluster.small')!.instanceOf).toBeUndefined();
    expect(p.theorems.get('app.zk.mine')!.machine).toBe('app.zk.zk.Ctl');
    const j = p.theorems.get('app.zk.mine')!.proof!;
    expect(j.kind === 'by' && j.justification.rule).toEqual({ kind: 'lemma', name: 'app.zk.zk.small' });
  });

  it('resolves names through the instance: types, constructors and records', () => {
    expect(p.defs.get('app.zk.first')!.result).toEqual({ kind: 'record', name: 'app.zk.zk.Box' });
    const ctors = exprs(p.defs.get('app.zk.acks')!.body).filter((e) => e.kind === 'ctor') as ExprOf<'ctor'>[];
    expect(ctors.map((c) => c.enumName)).toEqual(['app.zk.zk.Msg', 'app.zk.zk.Msg', 'k8s.cluster.Msg', 'k8s.cluster.Msg']);
  });

  it('rejects bindings whose signature does not match, and names that are not parameters', () => {
    const bad = `module app.bad
import k8s.cluster
def wrong(s: Int): Bool = true
instance a = k8s.cluster { type S = Int, def core = wrong }
instance b = k8s.cluster { type Box = Int, def step = wrong, const N = true }
`;
    expect(errors(bad, GENERIC)).toEqual([
      'KSP059 4:53-4:58 `wrong` has type Int -> Bool, but `core` needs Int -> Int',
      'KSP030 5:33-5:36 `Box` is a record in module `k8s.cluster`, not an abstract type it leaves open',
      'KSP030 5:48-5:52 `step` is a def with a body in module `k8s.cluster`, not an abstract def it leaves open',
      'KSP040 5:72-5:76 expected Int, found Bool',
    ]);
  });

  it('accepts an import alias as the generic module of an instance', () => {
    const p2 = program('module app.three\nimport k8s.cluster as kc\ninstance g = kc { type S = Int }\n', GENERIC);
    expect(p2.modules.find((m) => m.name === 'app.three.g')!.instanceOf!.module).toBe('k8s.cluster');
  });

  it('accepts a generic module that is not imported, and binds nothing for an empty instance', () => {
    const p2 = program('module app.two\ninstance g = k8s.cluster { }\n', GENERIC);
    const g = p2.modules.find((m) => m.name === 'app.two.g')!;
    expect(g.abstractTypes).toEqual(['app.two.g.S', 'app.two.g.R']);
    expect(g.assumes.every((a) => !a.obligation)).toBe(true);
  });

  describe('bindings that mention the instance itself', () => {
    const GEN = `module g.gen
type Spec
record Obj { spec: Spec }
enum Box { Full(v: Spec), Empty }
def pick(o: Obj): Int
def f(x: Int): Option<Box>
machine M {
  var x: Option<Obj>
  init { x == None }
  def val: Int = match x { Some(o) => pick(o), None => 0 }
}
`;

    it("accept a bound def whose signature names the instance's own types", () => {
      const p2 = program(
        'module inst\nimport g.gen\ndef my_pick(o: c.Obj): Int = 1\ndef my_f(x: Int): Option<c.Box> = Some(c.Box.Empty)\ninstance c = g.gen { type Spec = Int, def pick = my_pick, def f = my_f }\n',
        GEN,
      );
      expect(p2.defs.get('inst.my_pick')!.params[0]!.type).toEqual({ kind: 'record', name: 'inst.c.Obj' });
      expect(p2.defs.get('inst.my_f')!.result).toEqual({ kind: 'option', elem: { kind: 'enum', name: 'inst.c.Box' } });
      expect([...p2.modules.find((m) => m.name === 'inst.c')!.instanceOf!.defs]).toEqual([
        ['g.gen.pick', 'inst.my_pick'],
        ['g.gen.f', 'inst.my_f'],
      ]);
    });

    it("reject, at the binding, a def over the generic module's record instead of the instance's", () => {
      const src = 'module inst\nimport g.gen\ndef my_pick(o: g.gen.Obj): Int = 1\ninstance c = g.gen { type Spec = Int, def pick = my_pick }\n';
      expect(errors(src, GEN)).toEqual(['KSP059 4:50-4:57 `my_pick` has type g.gen.Obj -> Int, but `pick` needs c.Obj -> Int']);
    });

    it('qualify type names in a mismatch only when they would print the same', () => {
      const src = 'module inst\nimport g.gen\ninstance c = g.gen { type Spec = Int }\ndef o(x: g.gen.Obj): c.Obj = x\ndef n: c.Obj = 1\n';
      expect(errors(src, GEN)).toEqual([
        'KSP040 4:30-4:31 expected c.Obj, found g.gen.Obj',
        'KSP040 5:16-5:17 expected Obj, found Int',
      ]);
    });
  });
});
