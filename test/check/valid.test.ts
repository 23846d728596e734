// Valid programs covering every construct, with the IR shape checked where it matters.
import { describe, expect, it } from 'vitest';
import type { Expr, ExprOf, Program } from '../../src/ir/index.js';
import { errors, exprs, program } from './helpers.js';

const EVERYTHING = `module all.constructs

type Name = String
record Pod { name: Name, replicas: Int, labels: Map<String, String>, owner: Option<String> }
enum Phase { Pending, Running(step: Int, node: String), Failed(code: Int) }
enum Tree { Leaf, Node(left: Tree, value: Int, right: Tree) }
const LIMIT: Int
const NAMES: Set<String>
assume LIMIT > 0 && "a" in NAMES

def inc(x: Int): Int = x + 1
def zero: Int = 0
def unit(): Int = 1
def lits: Bool = true && !false && 42 == 42 && "t" != "u"
def arith(a: Int, b: Int): Int = -a + b * 2 - a / b % 3
def cmp(a: Int, b: Int): Bool = a < b || a <= b || a > b || a >= b
def logic(p: Bool, q: Bool): Bool = (p ==> q) <==> (!p || q)
def seqs(s: Seq<Int>): Seq<Int> = if s.len() > 0 && s.contains(s[0]) then s.push(1) ++ [2, 3] else []
def sets(s: Set<Int>): Set<Int> = s.add(1).remove(2).union({3}).intersect(0..10).minus({}) 
def setq(s: Set<Int>): Bool = s.subset(s) && s.size() >= 0 && 1 in s && 2 in [1, 2]
def maps(m: Map<String, Int>): Map<String, Int> = if "k" in m && m["k"] > 0 then m.insert("j", 1).remove("k") else Map {}
def mget(m: Map<String, Int>): Option<Int> = m.get("k")
def mkeys(m: Map<String, Int>): Set<String> = m.keys()
def strs(s: String): Int = (s ++ "x").len()
def opt(o: Option<Int>): Int = match o { Some(v) => v, None => 0 }
def optIs(o: Option<Int>): Bool = o is Some || o is None
def mkOpt: Option<Int> = Some(3)
def noOpt: Option<Int> = None
def tuple(p: (Int, String)): Int = p.0 + (p.1).len()
def mkTuple: (Int, Bool) = (1, true)
def pod(n: String): Pod = Pod { name: n, replicas: 1, labels: Map {}, owner: None }
def scale(p: Pod): Pod = { p with replicas: p.replicas + 1 }
def phase(p: Phase): Int = match p { Pending => 0, Running(s, _) => s, Failed(c) => c }
def ctors: Seq<Phase> = [Pending, Running(1, "n"), Phase.Failed(2)]
def isRunning(p: Phase): Bool = p is Running && !(p is Phase.Failed)
def depth(t: Tree): Int decreases 0 = match t { Leaf => 0, Node(l, _, _) => 1 + depth(l) }
def lets(x: Int): Int = let y = x + 1 in let z: Int = y * 2 in z
def quants(s: Set<Int>): Bool = (forall x in s :: x > 0) && (exists x: Int :: x == 1) && (forall x, y in s :: x + y >= 0)
def filters(s: Set<Int>): Set<Int> = { x in s where x > 1 }
def images(s: Set<Int>): Set<String> = { "v" for x in s }
def mapc(s: Set<Int>): Map<Int, Bool> = Map { x in s => x > 0 }
def empties: Bool = {} == NAMES && [] == seqs([]) && Map {} == Map { "a": 1 }.remove("a")
def nested: Set<Option<Int>> = { None, Some(1) }

machine Ctl {
  var pods: Map<String, Pod>
  var queue: Seq<String>
  var done: Set<String>
  var count: Int
  var phase: Phase

  def size: Int = count + queue.len()
  def sane: Bool = count >= 0
  def moved: Action = count' != count
  def fairStep: Formula = WF(step)
  def ready: Pred = count > 0 && enabled(step)

  init { pods == Map {} && queue == [] && done == {} && count == 0 && phase == Pending }

  action enqueue(n: String in NAMES) {
    require !(n in pods) && count < LIMIT
    queue' = queue.push(n)
    count' = inc(count)
  }
  action step {
    require queue.len() > 0
    pods' = pods.insert(queue[0], pod(queue[0]))
    queue' = []
    phase' = Running(count, queue[0])
  }
  action pick(k: Int in 0..LIMIT, m: Int) {
    require k > m && size > 0
    count' = k
    done' = {}
  }
  fair weak enqueue(*)
  fair strong step
  fair weak pick(1, *)
}

lemma trans(p: Pred, q: Pred, r: Pred): (p ~> q) && (q ~> r) ==> (p ~> r)
proof by ptl
lemma wf_use(a: Action, f: Formula): WF(a) && f ==> []<>(!enabled(a)) || <>a || f
lemma induct(q: Int -> Pred, p: Pred): (forall k: Int :: q(k) ~> (p || exists j: Int :: j < k && q(j))) ==> p

theorem bounded: Ctl |= [](0 <= count && count <= LIMIT)
proof by invariant

theorem progress: Ctl |= (count < LIMIT) ~> (count == LIMIT)
proof {
  have s1: forall k: Int :: (count < LIMIT && LIMIT - count == k) ~> (count == LIMIT || LIMIT - count < k)
    by wf1(enqueue(*)) using bounded
  have s2: count < LIMIT ~> count == LIMIT by rank(LIMIT - count, s1) using bounded
  have s3: [](count == LIMIT ==> [](count == LIMIT)) by stable
  have s4: (count < LIMIT) ~> (count == LIMIT) by trans(count < LIMIT, count < LIMIT, count == LIMIT)
  qed by ptl(s2, s3, s4)
}

theorem steps: Ctl |= [](step ==> size' >= 0) && WF(pick(*, *)) && SF(enqueue("a")) && (moved ~> ready) && fairStep
theorem sched: Ctl |= [](enabled(step) ==> queue.len() > 0)
proof by smt using bounded, all.constructs.bounded

model small of Ctl {
  LIMIT = 3
  NAMES = {"a", "b"}
  check bounded, progress, sane
}
`;

function find<K extends Expr['kind']>(root: unknown, kind: K, pred: (e: ExprOf<K>) => boolean = () => true): ExprOf<K> {
  const hit = exprs(root).find((e): e is ExprOf<K> => e.kind === kind && pred(e as ExprOf<K>));
  if (!hit) throw new Error(`no ${kind} node`);
  return hit;
}

describe('valid programs', () => {
  const p: Program = program(EVERYTHING);
  const m = p.modules.find((x) => x.name === 'all.constructs')!;
  const def = (name: string) => p.defs.get(`all.constructs.${name}`)!;

  it('checks every construct without a diagnostic', () => {
    expect(p.roots).toEqual(['all.constructs']);
    expect(m.records.map((r) => r.name)).toEqual(['all.constructs.Pod']);
    expect(m.enums.map((e) => e.name)).toEqual(['all.constructs.Phase', 'all.constructs.Tree']);
    expect(m.machines).toHaveLength(1);
    expect(m.theorems.map((t) => t.name.split('.').pop())).toEqual(['trans', 'wf_use', 'induct', 'bounded', 'progress', 'steps', 'sched']);
  });

  it('gives every expression a unique id, a type and a level', () => {
    const all = exprs(p.modules);
    expect(all.length).toBeGreaterThan(400);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    for (const e of all) {
      expect(e.type).toBeDefined();
      expect(e.type.kind === 'abstract' && e.type.name === '?error').toBe(false);
    }
  });

  it('resolves aliases, records, options and tuples to their types', () => {
    const pod = p.records.get('all.constructs.Pod')!;
    expect(pod.fields.map((f) => [f.name, f.type.kind])).toEqual([
      ['name', 'string'],
      ['replicas', 'int'],
      ['labels', 'map'],
      ['owner', 'option'],
    ]);
    const rec = find(def('pod'), 'record');
    expect(rec.fields.map((f) => f.kind)).toEqual(['ref', 'int', 'mapLit', 'none']);
    expect(rec.fields[3]!.type).toEqual({ kind: 'option', elem: { kind: 'string' } });
    expect(find(def('tuple'), 'tupleGet').index).toBe(0);
  });

  it('maps collection operations to built-ins, receivers first', () => {
    const ops = (name: string) => exprs(def(name)).filter((e) => e.kind === 'builtin').map((e) => (e as ExprOf<'builtin'>).op);
    expect(ops('seqs').sort()).toEqual(['seq.concat', 'seq.contains', 'seq.index', 'seq.len', 'seq.push'].sort());
    expect(ops('sets').sort()).toEqual(['set.add', 'set.intersect', 'set.minus', 'set.range', 'set.remove', 'set.union'].sort());
    expect(ops('setq').sort()).toEqual(['seq.contains', 'set.in', 'set.size', 'set.subset'].sort());
    expect(ops('maps').sort()).toEqual(['map.in', 'map.index', 'map.insert', 'map.remove'].sort());
    expect(ops('mget')).toEqual(['map.get']);
    expect(ops('mkeys')).toEqual(['map.keys']);
    expect(ops('strs').sort()).toEqual(['string.concat', 'string.len']);
    const inSet = find(def('setq'), 'builtin', (e) => e.op === 'set.in');
    expect(inSet.args.map((a) => a.type.kind)).toEqual(['int', 'set']);
  });

  it('types empty collections and None from context', () => {
    const empties = exprs(def('empties'));
    const setLit = empties.find((e) => e.kind === 'setLit')!;
    expect(setLit.type).toEqual({ kind: 'set', elem: { kind: 'string' } });
    const seqLit = empties.find((e) => e.kind === 'seqLit')!;
    expect(seqLit.type).toEqual({ kind: 'seq', elem: { kind: 'int' } });
    const maps = empties.filter((e) => e.kind === 'mapLit');
    expect(maps.every((x) => x.type.kind === 'map' && x.type.key.kind === 'string')).toBe(true);
    const nested = find(def('nested'), 'setLit');
    expect(nested.elems.map((e) => e.kind)).toEqual(['none', 'some']);
    expect(nested.elems[0]!.type).toEqual({ kind: 'option', elem: { kind: 'int' } });
    const assign = p.machines.get('all.constructs.Ctl')!.actions.find((a) => a.name === 'step')!.assigns.find((a) => a.variable === 'queue')!;
    expect(assign.value.type).toEqual({ kind: 'seq', elem: { kind: 'string' } });
  });

  it('builds enum constructors, `is` and exhaustive matches', () => {
    const ctors = find(def('ctors'), 'seqLit').elems as ExprOf<'ctor'>[];
    expect(ctors.map((c) => [c.kind, c.ctor, c.args.length])).toEqual([
      ['ctor', 'Pending', 0],
      ['ctor', 'Running', 2],
      ['ctor', 'Failed', 1],
    ]);
    const mt = find(def('phase'), 'match');
    expect(mt.arms.map((a) => [a.ctor, a.binders.map((b) => b?.name)])).toEqual([
      ['Pending', []],
      ['Running', ['s', undefined]],
      ['Failed', ['c']],
    ]);
    const isNodes = exprs(def('isRunning')).filter((e) => e.kind === 'is') as ExprOf<'is'>[];
    expect(isNodes.map((e) => e.ctor)).toEqual(['Running', 'Failed']);
    expect(find(def('opt'), 'match').arms.map((a) => a.ctor)).toEqual(['Some', 'None']);
  });

  it('nests several quantifier binders into single-binder nodes, with unique binders', () => {
    const qs = exprs(def('quants')).filter((e) => e.kind === 'quant') as ExprOf<'quant'>[];
    expect(qs).toHaveLength(4);
    const [all1, ex, outer, inner] = qs;
    expect(all1!.domain?.type.kind).toBe('set');
    expect(ex!.domain).toBeUndefined();
    expect(ex!.binder.type.kind).toBe('int');
    expect(outer!.body).toBe(inner);
    expect(outer!.binder.name).toBe('x');
    expect(inner!.binder.name).toBe('y');
    const ids = qs.map((q) => q.binder.id);
    expect(new Set(ids).size).toBe(4);
    const ref = find(inner!.body, 'ref', (r) => r.ref.kind === 'local' && r.ref.binder.name === 'x');
    expect(ref.ref.kind === 'local' && ref.ref.binder).toBe(outer!.binder);
  });

  it('turns comprehensions into filter, image and map nodes', () => {
    expect(find(def('filters'), 'setFilter').type).toEqual({ kind: 'set', elem: { kind: 'int' } });
    expect(find(def('images'), 'setImage').type).toEqual({ kind: 'set', elem: { kind: 'string' } });
    expect(find(def('mapc'), 'mapComp').type).toEqual({ kind: 'map', key: { kind: 'int' }, value: { kind: 'bool' } });
  });

  it('calls defs with and without parentheses, and `!=` is not(eq)', () => {
    expect(find(def('lits'), 'not', (n) => n.arg.kind === 'eq').type.kind).toBe('bool');
    const recursive = def('depth');
    expect(recursive.decreases?.kind).toBe('int');
    expect(find(recursive.body, 'call').def).toBe('all.constructs.depth');
    const z = exprs(p.defs.get('all.constructs.Ctl.size')!.body).find((e) => e.kind === 'call');
    expect(z).toBeUndefined();
  });

  it('computes levels: constant, state, action, temporal', () => {
    expect(def('inc').level).toBe('constant');
    const size = p.defs.get('all.constructs.Ctl.size')!;
    expect(size.machine).toBe('all.constructs.Ctl');
    expect(size.level).toBe('state');
    expect(size.body!.level).toBe('state');
    expect(p.defs.get('all.constructs.Ctl.moved')!.body!.level).toBe('action');
    expect(p.defs.get('all.constructs.Ctl.fairStep')!.level).toBe('temporal');
    const steps = p.theorems.get('all.constructs.steps')!;
    expect(steps.formula.level).toBe('temporal');
    const primedCall = find(steps.formula, 'prime');
    expect(primedCall.arg.kind).toBe('call');
    expect(primedCall.level).toBe('action');
    const action = find(steps.formula, 'action');
    expect(action.instance).toMatchObject({ machine: 'all.constructs.Ctl', action: 'step', args: [] });
    expect(action.level).toBe('action');
  });

  it('builds enabled, WF and SF over action instances, `*` as undefined', () => {
    const steps = p.theorems.get('all.constructs.steps')!;
    const wf = find(steps.formula, 'fairness', (f) => f.strength === 'weak');
    expect(wf.arg.kind === 'action' && wf.arg.instance.args).toEqual([undefined, undefined]);
    const sf = find(steps.formula, 'fairness', (f) => f.strength === 'strong');
    expect(sf.arg.kind === 'action' && sf.arg.instance.args.map((a) => a?.kind)).toEqual(['string']);
    const ready = p.defs.get('all.constructs.Ctl.ready')!;
    expect(find(ready.body, 'enabled').level).toBe('state');
  });

  it('checks machines: vars, init, guards, assignments, parameters with domains, fairness', () => {
    const ctl = p.machines.get('all.constructs.Ctl')!;
    expect(ctl.vars.map((v) => v.name)).toEqual(['pods', 'queue', 'done', 'count', 'phase']);
    expect(ctl.init.level).toBe('state');
    const pick = ctl.actions.find((a) => a.name === 'pick')!;
    expect(pick.params.map((x) => [x.binder.name, x.binder.type.kind, x.domain?.kind])).toEqual([
      ['k', 'int', 'builtin'],
      ['m', 'int', undefined],
    ]);
    expect(pick.assigns.map((a) => a.variable)).toEqual(['count', 'done']);
    const enqueue = ctl.actions.find((a) => a.name === 'enqueue')!;
    expect(enqueue.params[0]!.binder.type.kind).toBe('string');
    expect(ctl.fairness.map((f) => [f.strength, f.action, f.args.map((a) => a?.kind)])).toEqual([
      ['weak', 'enqueue', [undefined]],
      ['strong', 'step', []],
      ['weak', 'pick', ['int', undefined]],
    ]);
  });

  it('resolves lemma parameters, applications, proof steps and facts', () => {
    const trans = p.theorems.get('all.constructs.trans')!;
    expect(trans.kind).toBe('lemma');
    expect(trans.params.map((b) => [b.name, b.type.kind, b.level])).toEqual([
      ['p', 'bool', 'state'],
      ['q', 'bool', 'state'],
      ['r', 'bool', 'state'],
    ]);
    const wfUse = p.theorems.get('all.constructs.wf_use')!;
    expect(wfUse.params.map((b) => b.level)).toEqual(['action', 'temporal']);
    const induct = p.theorems.get('all.constructs.induct')!;
    expect(induct.params[0]!.type).toEqual({ kind: 'fn', params: [{ kind: 'int' }], result: { kind: 'bool' } });
    expect(find(induct.formula, 'apply').fn).toBe(induct.params[0]);

    const progress = p.theorems.get('all.constructs.progress')!;
    expect(progress.machine).toBe('all.constructs.Ctl');
    const proof = progress.proof!;
    if (proof.kind !== 'steps') throw new Error('expected steps');
    expect(proof.steps.map((s) => s.name)).toEqual(['s1', 's2', 's3', 's4']);
    const j = (i: number) => (proof.steps[i]!.proof.kind === 'by' ? (proof.steps[i]!.proof as { justification: import('../../src/ir/index.js').Justification }).justification : undefined)!;
    expect(j(0).rule).toEqual({ kind: 'builtin', name: 'wf1' });
    expect(j(0).using).toMatchObject([{ kind: 'theorem', name: 'all.constructs.bounded' }]);
    expect(j(1).args.map((a) => a.kind)).toEqual(['expr', 'fact']);
    expect(j(1).args[1]).toMatchObject({ kind: 'fact', fact: { kind: 'step', name: 's1' } });
    expect(j(3).rule).toEqual({ kind: 'lemma', name: 'all.constructs.trans' });
    expect(j(3).args).toHaveLength(3);
    expect(proof.qed.rule).toEqual({ kind: 'builtin', name: 'ptl' });
    expect(proof.qed.args.map((a) => a.kind === 'fact' && a.fact.name)).toEqual(['s2', 's3', 's4']);
    const sched = p.theorems.get('all.constructs.sched')!.proof!;
    expect(sched.kind === 'by' && sched.justification.using.map((u) => u.name)).toEqual(['all.constructs.bounded', 'all.constructs.bounded']);
  });

  it('checks models: constants and what to check', () => {
    const small = p.models.get('all.constructs.small')!;
    expect(small.machine).toBe('all.constructs.Ctl');
    expect([...small.constants.keys()].sort()).toEqual(['all.constructs.LIMIT', 'all.constructs.NAMES']);
    expect(small.constants.get('all.constructs.NAMES')!.type).toEqual({ kind: 'set', elem: { kind: 'string' } });
    expect(small.checks).toEqual([
      { kind: 'theorem', name: 'all.constructs.bounded' },
      { kind: 'theorem', name: 'all.constructs.progress' },
      { kind: 'def', name: 'all.constructs.Ctl.sane' },
    ]);
  });
});

describe('small valid programs', () => {
  it('lets a model of an instance give a value to a constant of the module that declares the instance', () => {
    const generic = 'module gen\ndef stop(x: Int): Bool\nconst START: Int\nmachine M {\n  var x: Int\n  init { x == START }\n  action step { require !stop(x)\n x\' = x + 1 }\n}\n';
    const p = program('module t\nimport gen\nconst LIMIT: Int\ndef at_limit(x: Int): Bool = x >= LIMIT\ninstance g = gen { def stop = at_limit, const START = 0 }\nmodel m of g.M { LIMIT = 3 }\n', generic);
    expect([...p.models.get('t.m')!.constants.keys()]).toEqual(['t.LIMIT']);
    const elsewhere = program('module u\nimport t\nmodel m of t.g.M { LIMIT = 3 }\n', 'module t\nimport gen\nconst LIMIT: Int\ndef at_limit(x: Int): Bool = x >= LIMIT\ninstance g = gen { def stop = at_limit, const START = 0 }\n', generic);
    expect([...elsewhere.models.get('u.m')!.constants.keys()]).toEqual(['t.LIMIT']);
  });

  it('lets a model check a theorem of its own module that has the name of a machine def', () => {
    const p = program('module t\nmachine M {\n  var x: Int\n  init { x == 0 }\n  def ok: Bool = x >= 0\n}\ntheorem ok: M |= [](x >= 0)\nmodel m of M { check ok }\n');
    expect(p.models.get('t.m')!.checks).toEqual([{ kind: 'theorem', name: 't.ok' }]);
    const q = program('module t\nmachine M {\n  var x: Int\n  init { x == 0 }\n  def ok: Bool = x >= 0\n}\nmodel m of M { check ok }\n');
    expect(q.models.get('t.m')!.checks).toEqual([{ kind: 'def', name: 't.M.ok' }]);
  });

  it('reads a model property `check p: F` as a theorem about the model machine, without making it a theorem', () => {
    const machine = "machine M {\n  var x: Int\n  init { x == 0 }\n  def ok: Bool = x >= 0\n  action step { require x < N\n x' = x + 1 }\n  fair weak step\n}\n";
    const p = program(`module t\nconst N: Int\n${machine}theorem safe: M |= [](x >= 0)\nmodel a of M {\n  N = 2\n  check safe\n  check grows: [](ok ==> <>(x == N)) && WF(step)\n}\nmodel b of M {\n  N = 3\n  check grows: <>(x == N)\n}\n`);
    const checks = p.models.get('t.a')!.checks;
    expect(checks.map((c) => [c.kind, c.name])).toEqual([['theorem', 't.safe'], ['property', 'grows']]);
    const grows = checks[1]!;
    expect(grows.kind === 'property' && grows.formula.level).toBe('temporal');
    expect(p.models.get('t.b')!.checks.map((c) => c.name)).toEqual(['grows']);
    expect([...p.theorems.keys()]).toEqual(['t.safe']);
    // outside a theorem the machine's names are not in scope, and a property must be a Bool formula
    expect(errors(`module t\nconst N: Int\n${machine}model a of M {\n  N = 2\n  check bad: x + 1\n}\ndef y: Bool = x > 0\n`).map((d) => d.slice(0, 6))).toEqual(['KSP040', 'KSP020']);
  });

  it('lets an expected type pick between constructors of the same name', () => {
    const p = program('module t\nenum E { A, B }\nenum F { A, C }\ndef f: E = A\ndef g(x: F): Bool = x == F.A\n');
    expect(p.defs.get('t.f')!.body).toMatchObject({ kind: 'ctor', enumName: 't.E', ctor: 'A' });
  });

  it('accepts a `Formula` def with temporal operators and a prime inside an Action def', () => {
    const p = program("module t\nmachine M {\n  var x: Int\n  def grows: Action = x' > x\n  def always: Formula = [](x >= 0) && <>grows\n}\n");
    expect(p.defs.get('t.M.always')!.body!.level).toBe('temporal');
  });

  it('instantiates lemmas: Action and Pred arguments, and a def for a function parameter', () => {
    const src = [
      'module t',
      'lemma induct(q: Int -> Pred, p: Pred): (forall k: Int :: q(k) ~> p) ==> ((exists k: Int :: q(k)) ~> p)',
      'lemma wfl(a: Action, p: Pred): WF(a) ==> (p ~> p)',
      'machine C {',
      '  var n: Int',
      '  def at(k: Int): Bool = n == k',
      "  action tick { n' = n + 1 }",
      '}',
      'theorem th: C |= (exists k: Int :: at(k)) ~> n > 0',
      'proof {',
      '  have c: WF(tick) ==> (n > 0 ~> n > 0) by wfl(tick, n > 0)',
      '  qed by induct(at, n > 0) using c',
      '}',
      '',
    ].join('\n');
    const p = program(src);
    const proof = p.theorems.get('t.th')!.proof!;
    if (proof.kind !== 'steps') throw new Error('expected steps');
    expect(proof.qed.args[0]).toEqual({ kind: 'def', def: 't.C.at' });
    expect(proof.qed.args[1]).toMatchObject({ kind: 'expr', expr: { kind: 'compare', level: 'state' } });
    const step = proof.steps[0]!.proof;
    expect(step.kind === 'by' && step.justification.args[0]).toMatchObject({ kind: 'expr', expr: { kind: 'action', level: 'action' } });
  });

  it("lets a justification and the proof's steps name the leading forall binders of the formula it proves", () => {
    const src = [
      'module t',
      'machine C {',
      '  var n: Int',
      "  action jump(k: Int in 0..10) { n' = k }",
      '}',
      'theorem th: C |= forall k: Int :: (n < k) ~> (n == k)',
      'proof {',
      '  have s: forall j: Int :: (n < j) ~> (n == j) by wf1(jump(j))',
      '  qed by wf1(jump(k)) using s',
      '}',
      '',
    ].join('\n');
    const th = program(src).theorems.get('t.th')!;
    const proof = th.proof!;
    if (proof.kind !== 'steps' || th.formula.kind !== 'quant') throw new Error('expected steps and a quantifier');
    const arg = proof.qed.args[0]!;
    expect(arg.kind === 'expr' && arg.expr.kind === 'action' && arg.expr.instance.args[0]).toMatchObject({ kind: 'ref', ref: { kind: 'local', binder: th.formula.binder } });
    // the steps of the proof may name k too (∀-introduction: k is arbitrary there); other names stay unknown
    expect(errors(src.replace('wf1(jump(j))', 'wf1(jump(k))'))).toEqual([]);
    expect(errors(src.replace('wf1(jump(j))', 'wf1(jump(z))'))).toEqual(['KSP020 8:60-8:61 unknown name `z`']);
  });

  it('gives `next` the machine\'s next-state relation with stuttering', () => {
    const src = [
      'module t',
      'lemma next_to_stable(p: Pred, next: Action): [](p && next ==> p\') && []next ==> [](p ==> []p)',
      'machine C {',
      '  var x: Int',
      "  action inc(k: Int in 0..3) { x' = x + k }",
      '  action stop { }',
      '}',
      'theorem st: C |= [](x >= 0 ==> [](x >= 0)) proof by next_to_stable(x >= 0, next)',
      '',
    ].join('\n');
    const proof = program(src).theorems.get('t.st')!.proof!;
    const arg = proof.kind === 'by' ? proof.justification.args[1] : undefined;
    if (arg?.kind !== 'expr') throw new Error('expected an expression argument');
    expect(arg.expr.level).toBe('action');
    const actions = exprs(arg.expr).filter((e) => e.kind === 'action') as ExprOf<'action'>[];
    expect(actions.map((a) => [a.instance.action, a.instance.args])).toEqual([
      ['inc', [undefined]],
      ['stop', []],
    ]);
    expect(exprs(arg.expr).filter((e) => e.kind === 'prime')).toHaveLength(1);
    expect(errors(src.replace("action stop { }", "action stop { }\n  def next: Int = 1"))).toContainEqual(expect.stringMatching(/^KSP040 /));
  });

  it('rejects a lemma argument above the parameter level', () => {
    const src = 'module t\nlemma l(p: Pred): p ==> p\nmachine C { var n: Int }\ntheorem th: C |= true proof by l([](n > 0))\n';
    expect(errors(src)).toEqual(['KSP049 4:34-4:43 this argument is temporal-level; parameter `p` of `l` accepts at most state-level formulas']);
  });

  it('allows a Pred def parameter to be applied to a state predicate', () => {
    const p = program('module t\ndef stable_(p: Pred): Formula = [](p ==> []p)\nmachine M { var x: Int }\ntheorem th: M |= stable_(x > 0)\n');
    expect(p.theorems.get('t.th')!.formula).toMatchObject({ kind: 'call', def: 't.stable_', level: 'temporal' });
  });
});
