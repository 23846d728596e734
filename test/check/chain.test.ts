// `by chain`: how it parses, the steps the checker generates for the kernel, and its diagnostics.
import { describe as group, expect, it } from 'vitest';
import { parseModule } from '../../src/syntax/index.js';
import { freeBinders, type Expr, type HaveStep, type Proof, type TheoremDecl } from '../../src/ir/index.js';
import { errors, exprs, program } from './helpers.js';

const MACHINE = `module t

machine Jobs {
  var pending: Set<Int>
  var done: Set<Int>
  var phase: Int
  init { pending == {} && done == {} && phase == 0 }
  action open {
    require phase == 0
    phase' = 1
  }
  action serve(x in pending) {
    pending' = pending.remove(x)
    done' = done.add(x)
  }
  fair weak open
  fair weak serve(*)
}
`;

/** A spec with one theorem `th: Jobs |= FORMULA` proved by PROOF. */
function spec(formula: string, proof: string): string {
  return `${MACHINE}\ntheorem th: Jobs |= ${formula}\n${proof}\n`;
}

function theorem(text: string): TheoremDecl {
  const t = program(text).theorems.get('t.th');
  if (!t) throw new Error('no theorem t.th');
  return t;
}

function steps(p: Proof | undefined): { steps: readonly HaveStep[]; qed: Extract<Proof, { kind: 'steps' }>['qed'] } {
  if (p?.kind !== 'steps') throw new Error(`expected generated steps, found ${p?.kind}`);
  return p;
}

function leadsTo(e: Expr): { left: Expr; right: Expr } {
  if (e.kind !== 'leadsTo') throw new Error(`expected a leads-to, found ${e.kind}`);
  return e;
}

/** `exists x in D :: body` → its body */
function existsBody(e: Expr): Expr {
  if (e.kind !== 'quant' || e.quantifier !== 'exists') throw new Error(`expected an exists, found ${e.kind}`);
  return e.body;
}

const SIMPLE = spec(
  '(phase == 0 && done == {}) ~> phase == 2',
  `proof by chain within done == {} {
  wf1(open) using inv
  ~> exists x in pending :: phase == 1 && x > 0 by wf1(serve(x))
  ~> phase == 1 by smt
}`,
);

group('by chain: parsing', () => {
  it('builds the context, the first justification and the waypoints', () => {
    const parsed = parseModule(SIMPLE, '/virtual/t.kspec');
    expect(parsed.diagnostics).toEqual([]);
    const th = parsed.ast?.decls.find((d) => d.kind === 'theorem');
    const proof = th?.kind === 'theorem' ? th.proof : undefined;
    if (proof?.kind !== 'chain') throw new Error('expected a chain proof');
    expect(proof.context?.kind).toBe('binary');
    expect(proof.first.name.parts.map((p) => p.text)).toEqual(['wf1']);
    expect(proof.first.using.map((u) => u.parts.map((p) => p.text).join('.'))).toEqual(['inv']);
    expect(proof.waypoints.map((w) => w.justification.name.parts[0]?.text)).toEqual(['wf1', 'smt']);
    expect(SIMPLE.slice(proof.span.start.offset, proof.span.end.offset)).toMatch(/^chain within done == \{\} \{[\s\S]*\}$/);
    expect(SIMPLE.slice(proof.waypoints[0]!.span.start.offset, proof.waypoints[0]!.span.end.offset)).toBe('~> exists x in pending :: phase == 1 && x > 0 by wf1(serve(x))');
  });

  it('leaves `chain` and `within` ordinary names elsewhere', () => {
    const text = `module chain\n\ntheorem chain: true\nproof by smt\n\ntheorem within: true\nproof by chain\n\ntheorem u: true\nproof by within using chain\n`;
    expect(parseModule(text, '/virtual/chain.kspec').diagnostics).toEqual([]);
  });

  it('reports a waypoint without its justification as a syntax error', () => {
    const text = spec('phase == 0 ~> phase == 1', 'proof by chain {\n  wf1(open)\n  ~> phase == 1\n}');
    expect(parseModule(text, '/virtual/t.kspec').diagnostics.map((d) => d.code)).toContain('KSP010');
  });
});

group('by chain: the generated steps', () => {
  const withInv = SIMPLE.replace('theorem th', 'theorem inv: Jobs |= [](phase >= 0)\n\ntheorem th');

  it('generates one link per justification and closes them with ptl', () => {
    const p = steps(theorem(withInv).proof);
    expect(p.steps.map((s) => s.name)).toEqual(['th / link 1 (from the left side)', 'th / link 2 (from the waypoint at line 25)', 'th / link 3 (from the waypoint at line 26)']);
    expect(p.qed.rule).toEqual({ kind: 'builtin', name: 'ptl' });
    expect(p.qed.args.map((a) => (a.kind === 'fact' ? a.fact.name : '?'))).toEqual(p.steps.map((s) => s.name));
    // each link is reported at the waypoint it leaves
    expect(p.steps.map((s) => s.span.start.line)).toEqual([24, 25, 26]);
    expect(p.steps.map((s) => (s.proof.kind === 'by' ? s.proof.justification.span.start.line : 0))).toEqual([24, 25, 26]);
  });

  it('conjoins the context inside the waypoint’s exists and lets each link reach the goal', () => {
    const p = steps(theorem(withInv).proof);
    const [l1, l2, l3] = p.steps.map((s) => leadsTo(s.formula));
    // link 1: P ~> (Q || exists x in pending :: C && W1)
    expect(l1!.left.kind).toBe('logic');
    const r1 = l1!.right;
    if (r1.kind !== 'logic' || r1.op !== '||') throw new Error('expected Q || Ŵ1');
    expect(r1.left.kind).toBe('eq'); // phase == 2
    const inner = existsBody(r1.right);
    if (inner.kind !== 'logic' || inner.op !== '&&') throw new Error('expected C && W1');
    expect(inner.left.kind).toBe('eq'); // done == {}
    // link 2 starts from Ŵ1 (its binder is the one the justification `wf1(serve(x))` names)
    expect(l2!.left.kind).toBe('quant');
    const serve = p.steps[1]!.proof.kind === 'by' ? p.steps[1]!.proof.justification.args[0] : undefined;
    const action = serve?.kind === 'expr' ? serve.expr : undefined;
    if (action?.kind !== 'action') throw new Error('expected an action argument');
    const x = l2!.left.kind === 'quant' ? l2!.left.binder : undefined;
    expect(action.instance.args[0] && freeBinders(action.instance.args[0]).has(x!.id)).toBe(true);
    // the copy of Ŵ1 in link 1 binds its own x
    expect(r1.right.kind === 'quant' && r1.right.binder.id).not.toBe(x!.id);
    // the last link reaches Q alone; a waypoint without exists is `C && W`
    expect(l3!.right.kind).toBe('eq');
    expect(l3!.left.kind === 'logic' && l3!.left.op).toBe('&&');
  });

  it('gives every generated node its own id', () => {
    const t = theorem(withInv);
    const ids = exprs(t).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts from the body of an exists on the left, its binder free in every link', () => {
    const text = spec(
      '(exists v in done :: phase == 0 && v > 0) ~> phase == 1',
      'proof by chain within v in done {\n  wf1(open)\n  ~> phase == 1 && v > 0 by smt\n}',
    );
    const t = theorem(text);
    const goal = leadsTo(t.formula);
    const v = goal.left.kind === 'quant' ? goal.left.binder : undefined;
    const p = steps(t.proof);
    for (const s of p.steps) expect(freeBinders(s.formula).has(v!.id)).toBe(true);
    // link 1 starts from `v in done && body`, as ∃-elimination leaves it
    const l1 = leadsTo(p.steps[0]!.formula);
    expect(l1.left.kind === 'logic' && l1.left.op).toBe('&&');
    expect(l1.left.kind === 'logic' && l1.left.left.kind === 'builtin' && l1.left.left.op).toBe('set.in');
  });

  it('works under leading foralls', () => {
    const text = spec('forall k: Int :: (phase == k && k == 0) ~> phase == 1', 'proof by chain {\n  wf1(open)\n}');
    const p = steps(theorem(text).proof);
    expect(p.steps).toHaveLength(1);
  });

  it('names the enclosing have step in the links', () => {
    const text = spec('phase == 0 ~> phase == 1', 'proof {\n  have s1: phase == 0 ~> phase == 1 by chain {\n    wf1(open)\n  }\n  qed by ptl(s1)\n}');
    const outer = steps(theorem(text).proof);
    expect(steps(outer.steps[0]!.proof).steps.map((s) => s.name)).toEqual(['s1 / link 1 (from the left side)']);
  });
});

group('by chain: diagnostics', () => {
  it('rejects a chain for a formula that is not a leads-to (KSP066)', () => {
    const text = spec('[](phase >= 0)', 'proof by chain {\n  smt\n  ~> phase == 1 by smt\n}');
    expect(errors(text)).toEqual([expect.stringMatching(/^KSP066 21:10-24:2 `by chain` proves a leads-to `P ~> Q`/)]);
  });

  it('does not add KSP066 to a formula that has a type error of its own', () => {
    const text = spec('phase + 1', 'proof by chain {\n  smt\n}');
    expect(errors(text).map((e) => e.slice(0, 6))).toEqual(['KSP040']);
  });

  it('reports a type error in a waypoint once, where it is', () => {
    const text = spec('phase == 0 ~> phase == 2', 'proof by chain {\n  wf1(open)\n  ~> phase == true by smt\n}');
    expect(errors(text)).toEqual([expect.stringMatching(/^KSP040 23:15-23:19 /)]);
  });

  it('reports a type error in the context once, where it is', () => {
    const text = spec('phase == 0 ~> phase == 2', 'proof by chain within phase + 1 {\n  wf1(open)\n  ~> phase == 1 by smt\n  ~> phase == 3 by smt\n}');
    expect(errors(text)).toEqual([expect.stringMatching(/^KSP040 21:23-21:32 expected Bool/)]);
  });

  it('scopes a waypoint’s binder to the link that leaves it', () => {
    const text = spec('phase == 0 ~> phase == 2', 'proof by chain {\n  wf1(serve(x))\n  ~> exists x in pending :: x > 0 by wf1(serve(x))\n}');
    expect(errors(text)).toEqual([expect.stringMatching(/^KSP020 22:13-22:14 unknown name `x`/)]);
  });

  it('reports unknown facts in a link’s `using`', () => {
    const text = spec('phase == 0 ~> phase == 2', 'proof by chain {\n  wf1(open)\n  ~> phase == 1 by smt using nope\n}');
    expect(errors(text)).toEqual([expect.stringMatching(/^KSP020 23:30-23:34 unknown proof step or theorem `nope`/)]);
  });
});
