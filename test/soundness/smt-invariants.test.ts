// Must-reject: invariant proofs that would be accepted by a careless encoding.
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { verifyProgram } from '../../src/prove/index.js';
import { closeSolvers, mismatches, proveSpec, sharedSolver, specFile } from '../smt/helper.js';

afterAll(closeSolvers);

describe('by invariant', () => {
  it('rejects an invariant false in an initial state, and one broken by an action', async () => {
    const reports = await proveSpec(`module inv_basic
machine M {
  var n: Int
  init { n == 1 }
  action inc { n' = n + 1 }
  action dec { require n > 0
    n' = n - 1 }
}
theorem bad_init: M |= [](n == 0) proof by invariant
theorem bad_step: M |= [](n >= 1) proof by invariant
theorem ok_nonneg: M |= [](n >= 0) proof by invariant
`);
    expect(mismatches(reports)).toEqual([]);
    expect(reports.get('bad_init')!.problems.map((p) => p.obligation?.obligation.origin.premise)).toContain('init');
    expect(reports.get('bad_step')!.problems.map((p) => p.obligation?.obligation.origin.premise)).toEqual(['consecution of dec']);
  });

  it('rejects an action that breaks the invariant through one parameter value only, and names it', async () => {
    const reports = await proveSpec(`module inv_param
const LIMIT: Int
assume LIMIT > 0
machine Counter {
  var n: Int
  init { n == 0 }
  action jump(k: Int in 0..LIMIT + 1) {
    require k > n
    n' = k
  }
}
theorem bad_bounded: Counter |= [](0 <= n && n <= LIMIT) proof by invariant
`);
    const problems = reports.get('bad_bounded')!.problems;
    expect(problems).toHaveLength(1);
    const cx = problems[0]!.obligation!.counterexample!;
    const limit = cx.sections.find((s) => s.title === 'constants')!.entries.find((e) => e.name === 'LIMIT')!.value;
    const k = cx.sections.find((s) => s.title === 'step')!.entries.find((e) => e.name === 'k')!.value;
    expect(BigInt(k)).toBe(BigInt(limit) + 1n);
    expect(cx.action).toBe(`jump(k = ${k})`);
  });

  it('does not accept an invariant that holds only under an unproven `using`', async () => {
    const reports = await proveSpec(`module inv_using
machine M {
  var x: Int
  var y: Int
  init { x == 0 && y == 0 }
  action step { x' = x + 1
    y' = y + 1 }
  action skew { y' = y + 2 }
}
theorem bad_same: M |= [](x == y) proof by invariant
theorem bad_nonneg_via_same: M |= [](x >= 0 ==> y >= 0 && x == y) proof by invariant using bad_same
theorem ok_x_nonneg: M |= [](x >= 0) proof by invariant
theorem ok_y_nonneg: M |= [](y >= 0) proof by invariant using ok_x_nonneg
theorem bad_uses_temporal: M |= [](y >= 0) proof by invariant using temporal_fact
theorem temporal_fact: M |= <>(x > 0) proof by smt
`);
    expect(mismatches(reports.has('temporal_fact') ? new Map([...reports].filter(([n]) => n !== 'temporal_fact')) : reports)).toEqual([]);
    expect(reports.get('bad_nonneg_via_same')!.problems.some((p) => /bad_same/.test(p.message))).toBe(true);
    expect(reports.get('temporal_fact')!.status).not.toBe('proved');
  });

  it('rejects circular `using`, which would let each invariant assume itself in the next state', async () => {
    const cyclic = `module inv_cycle
machine M {
  var x: Int
  init { x == 10 }
  action dec { x' = x - 1 }
}
theorem bad_a: M |= [](x > 5) proof by invariant using bad_b
theorem bad_b: M |= [](x > 5) proof by invariant using bad_a
`;
    // the checker refuses the cycle outright
    expect(checkFiles([specFile(cyclic)]).diagnostics.map((d) => d.code)).toContain('KSP035');
    // and verification refuses it on its own, should a cyclic program ever reach it
    const program = checkFiles([specFile(cyclic.replace('using bad_a', ''))]).program!;
    const b = program.theorems.get('inv_cycle.bad_b')!;
    const a = program.theorems.get('inv_cycle.bad_a')!;
    if (b.proof?.kind !== 'by' || a.proof?.kind !== 'by') throw new Error('expected `by` proofs');
    const usingA = a.proof.justification.using.map((u) => ({ ...u, name: 'inv_cycle.bad_a' }));
    const cycledB = { ...b, proof: { ...b.proof, justification: { ...b.proof.justification, using: usingA } } };
    const theorems = new Map(program.theorems).set(b.name, cycledB);
    const modules = program.modules.map((m) => ({ ...m, theorems: m.theorems.map((t) => (t.name === b.name ? cycledB : t)) }));
    const reports = await verifyProgram({ ...program, theorems, modules }, { solver: sharedSolver('z3'), timeoutMs: 10_000 });
    for (const r of reports) expect(r.status).not.toBe('proved');
    expect(reports.flatMap((r) => r.problems.map((p) => p.code))).toContain('KSP107');
  });
});

describe('partial operations in actions', () => {
  it('rejects a Map read outside its domain used as if defined', async () => {
    const reports = await proveSpec(`module inv_map
machine Counts {
  var m: Map<Int, Int>
  init { m == Map {} }
  action bump(k: Int in 0..3) { m' = m.insert(k, m[k] + 1) }
}
machine SafeCounts {
  var m: Map<Int, Int>
  init { m == Map {} }
  action bump(k: Int in 0..3) { m' = m.insert(k, if k in m then m[k] + 1 else 1) }
}
theorem bad_positive: Counts |= [](forall k in m.keys() :: m[k] >= 1) proof by invariant
theorem ok_positive: SafeCounts |= [](forall k in m.keys() :: m[k] >= 1) proof by invariant
`);
    expect(mismatches(reports)).toEqual([]);
  });

  it('rejects division by zero and by negatives treated as harmless', async () => {
    const reports = await proveSpec(`module inv_div
machine D {
  var n: Int
  var d: Int
  init { n == 10 && d == 2 }
  action setd(x: Int in -3..3) { d' = x }
  action divide_nonzero { require d != 0
    n' = n / d }
  action divide_any { require d >= 0
    n' = n / d }
}
machine P {
  var n: Int
  var d: Int
  init { n == 10 && d == 2 }
  action setd(x: Int in 1..3) { d' = x }
  action divide { require d > 0
    n' = n / d }
  action rem { require d > 0
    n' = n % d }
}
theorem bad_nonneg: D |= [](n >= 0) proof by invariant
theorem ok_nonneg_positive_divisor: P |= [](n >= 0 && d > 0) proof by invariant
theorem ok_euclid_mod: forall a: Int, b: Int :: b != 0 ==> a % b >= 0 proof by smt
theorem ok_neg_edges: (-1) % 5 == 4 && (-1) / 5 == -1 && 1 / (-5) == 0 && (-5) % (-5) == 0 proof by smt
theorem bad_neg_edge: (-1) / 5 == 0 proof by smt
`);
    expect(mismatches(reports)).toEqual([]);
    const premises = reports.get('bad_nonneg')!.problems.map((p) => p.obligation?.obligation.origin.premise);
    expect(premises).toContain('consecution of divide_nonzero');
    expect(premises).toContain('consecution of divide_any');
  });
});

describe('vacuity', () => {
  it('warns when the assumptions or the initial condition are contradictory', async () => {
    const reports = await proveSpec(`module vacuous
const LIMIT: Int
assume LIMIT > 0
assume LIMIT < 0
machine M {
  var n: Int
  init { n == 0 }
  action tick { n' = n + 1 }
}
machine Empty {
  var n: Int
  init { n > 0 && n < 0 }
  action tick { n' = n + 1 }
}
theorem anything: LIMIT == 42 proof by smt
theorem also: M |= [](n < 0) proof by invariant
`);
    for (const name of ['anything', 'also']) {
      expect(reports.get(name)!.status).toBe('proved');
      expect(reports.get(name)!.warnings.map((w) => w.code)).toEqual(['KSP112']);
    }
    const init = await proveSpec(`module vacuous_init
machine Empty {
  var n: Int
  init { n > 0 && n < 0 }
  action tick { n' = n + 1 }
}
theorem never: Empty |= [](n == 7) proof by invariant
theorem fine: 1 + 1 == 2 proof by smt
`);
    expect(init.get('never')!.warnings[0]!.message).toMatch(/initial condition/);
    expect(init.get('fine')!.warnings).toEqual([]);
  });
});
