// Must-reject: a def, a fact or an assumption is encoded once per program and its text reused by
// every obligation, so its binders must never capture an obligation's names (same kspec names,
// nested defs, recursion, facts whose binders are named like the goal's), and the reused text must
// be the same in each.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSolvers, mismatches, proveSpec } from '../smt/helper.js';

afterAll(closeSolvers);

const SPEC = String.raw`module defcapture
def shift(x: Int, y: Int): Int = let z = x + 1 in z + y
def twice(x: Int): Int = shift(x, x)
def all_above(x: Int, s: Set<Int>): Bool = forall y in s :: y > x
def sum_to(n: Int): Int decreases n = if n <= 0 then 0 else n + sum_to(n - 1)
def picks(o: Option<Int>, x: Int): Int = match o { Some(x) => x, None => x }

theorem ok_shift: forall x: Int, y: Int :: shift(y, x) == x + y + 1 proof by smt
theorem bad_shift_swapped_meaning: forall x: Int, y: Int :: shift(y, x) == 2 * x + 1 proof by smt
theorem ok_twice: forall x: Int :: twice(x) == 2 * x + 1 proof by smt
theorem bad_twice: forall x: Int :: twice(x + 1) == twice(x) proof by smt
theorem ok_above: forall y: Int, x: Int :: all_above(x, {y}) == (y > x) proof by smt
theorem bad_above: forall y: Int, x: Int :: all_above(y, {x}) == (y > x) proof by smt
theorem ok_sum: sum_to(3) == 6 proof by smt
theorem bad_sum: forall n: Int :: n > 0 ==> sum_to(n) == sum_to(n - 1) proof by smt
theorem ok_picks: forall x: Int :: picks(Some(x + 1), x) == x + 1 && picks(None, x) == x proof by smt
theorem bad_picks: forall x: Int :: picks(Some(x + 1), x) == x proof by smt

machine Bag {
  var x: Int
  var s: Set<Int>
  init { x == 0 && s == {} }
  action put(y: Int in 0..3) {
    s' = s.add(y + x)
    x' = x + 1
  }
}
theorem ok_members: Bag |= [](forall y in s :: y >= 0) proof by invariant using ok_count
theorem ok_count: Bag |= [](x >= 0) proof by invariant
theorem ok_with_facts: Bag |= [](forall y in s :: y + x >= 0) proof by smt using ok_members, ok_count
theorem bad_with_facts: Bag |= [](forall y in s :: y >= x) proof by smt using ok_members, ok_count
theorem bad_members_positive: Bag |= [](forall y in s :: y >= 1) proof by invariant using ok_members, ok_count
`;

describe('defs encoded once per program', () => {
  it('keep their meaning in every obligation that calls them', async () => {
    const reports = await proveSpec(SPEC);
    expect(mismatches(reports)).toEqual([]);
  });

  it('are written with the same text in each obligation, with binders of their own', async () => {
    const reports = await proveSpec(SPEC);
    const shiftTexts: string[] = [];
    for (const r of reports.values()) {
      for (const o of r.obligations) {
        const line = o.obligation.smt.split('\n').find((l) => l.startsWith('(define-fun |d:defcapture.shift|'));
        if (line) shiftTexts.push(line);
      }
    }
    expect(shiftTexts.length).toBeGreaterThanOrEqual(4);
    expect(new Set(shiftTexts).size).toBe(1);
    const [text] = [...shiftTexts];
    expect(text).toContain('|b0:x|');
    expect(text).not.toMatch(/\|l\d+:/);
  });
});
