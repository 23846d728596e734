// Must-reject: a formula that recurs across obligations (a hypothesis, a goal, an action's guard
// or assignment) is encoded once per program with its free names as placeholders, which each
// obligation fills with its own symbols. Two free names must never become one, a name bound inside
// the formula must never capture one, and the same formula read in another state must read that state.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSolvers, mismatches, proveSpec } from '../smt/helper.js';

afterAll(closeSolvers);

const SPEC = String.raw`module reuse
machine Pair {
  var a: Int
  var b: Int
  init { a == 0 && b == 0 }
  action set(k: Int in 0..3, j: Int in 0..3) {
    require k != j
    a' = k
    b' = j
  }
  action copy(k: Int in 0..3) {
    require forall j in 0..3 :: j != k ==> a != j
    b' = k
  }
}
// The guard k != j: a step sets a and b apart.
theorem ok_bounded: Pair |= [](0 <= a && a <= 3 && 0 <= b && b <= 3) proof by invariant
theorem bad_always_equal: Pair |= [](a == b) proof by invariant
// copy's guard binds j inside, next to set's parameter j; copy(k) needs a == k (for a in 0..3).
theorem bad_copy_never_equal: Pair |= [](a != b || a == 0) proof by invariant using ok_bounded
// Two free names, in either order.
theorem ok_order: forall x: Int, y: Int :: x > y ==> x + 1 > y proof by smt
theorem bad_order_xy: forall x: Int, y: Int :: x + 1 > y proof by smt
theorem bad_order_yx: forall y: Int, x: Int :: x + 1 > y proof by smt
// The same goal in the state after a step: the invariant's text in state 1 reads a' and b'.
theorem bad_stays_zero: Pair |= [](a == 0) proof by invariant using ok_bounded
`;

describe('formulas encoded once per program and reused', () => {
  it('keep their meaning in every obligation', async () => {
    const reports = await proveSpec(SPEC);
    expect(mismatches(reports)).toEqual([]);
  });

  it('give each obligation its own symbols for the free names', async () => {
    const reports = await proveSpec(SPEC);
    const order = reports.get('bad_order_yx')!.obligations[0]!.obligation.smt;
    expect(order).not.toContain('\u0000');
    expect(order).toMatch(/\(not \(> \(\+ \|l1:x\| 1\) \|l0:y\|\)\)/);
  });
});
