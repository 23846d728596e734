import { afterAll, describe, expect, it } from 'vitest';
import { closeSolvers, mismatches, proveSpec } from './helper.js';

afterAll(closeSolvers);

describe('Int: Euclidean / and %, and division by zero left unspecified', () => {
  it('proves the Euclidean facts and refutes the truncating ones', async () => {
    const reports = await proveSpec(`module ints
theorem ok_div_neg_num: (-7) / 2 == -4 proof by smt
theorem ok_mod_neg_num: (-7) % 2 == 1 proof by smt
theorem ok_div_neg_den: 7 / (-2) == -3 proof by smt
theorem ok_mod_neg_den: 7 % (-2) == 1 proof by smt
theorem ok_div_both_neg: (-7) / (-2) == 4 proof by smt
theorem ok_mod_both_neg: (-7) % (-2) == 1 proof by smt
theorem ok_euclid: forall a: Int, b: Int :: b != 0 ==> (a == b * (a / b) + a % b && 0 <= a % b && (a % b < b || a % b < -b)) proof by smt
theorem bad_truncating_div: (-7) / 2 == -3 proof by smt
theorem bad_truncating_mod: (-7) % 2 == -1 proof by smt
theorem ok_div_zero_is_a_function: forall x: Int :: x / 0 == x / 0 proof by smt
theorem bad_div_zero_is_zero: forall x: Int :: x / 0 == 0 proof by smt
theorem bad_div_zero_is_x: forall x: Int :: x / 0 == x proof by smt
theorem bad_mod_zero_is_x: forall x: Int :: x % 0 == x proof by smt
theorem bad_mod_zero_is_zero: forall x: Int :: x % 0 == 0 proof by smt
theorem bad_div_zero_same_for_all: forall x: Int, y: Int :: x / 0 == y / 0 proof by smt
theorem bad_div_zero_bounded: forall x: Int :: x / 0 <= x proof by smt
theorem ok_unbounded: 1000000000000000000000 * 1000000000000000000000 > 1000000000000000000000 proof by smt
theorem ok_neg: forall x: Int :: -(-x) == x proof by smt
theorem ok_arith: forall x: Int :: x + x - x * 2 == 0 proof by smt
theorem bad_arith: forall x: Int :: x * x > 0 proof by smt
`);
    expect(mismatches(reports)).toEqual([]);
    expect(reports.size).toBe(20);
  });
});

describe('Bool, let, if', () => {
  it('proves and refutes', async () => {
    const reports = await proveSpec(`module bools
theorem ok_let: let x = 3 in x + 1 == 4 proof by smt
theorem ok_if: forall b: Bool :: (if b then 1 else 2) > 0 proof by smt
theorem bad_if: forall b: Bool :: (if b then 1 else 2) == 1 proof by smt
theorem ok_iff: forall a: Bool, b: Bool :: (a <==> b) == (b <==> a) proof by smt
theorem ok_implies_right_assoc: forall a: Bool, b: Bool :: a ==> b ==> a proof by smt
theorem bad_implies: forall a: Bool, b: Bool :: (a ==> b) ==> a proof by smt
theorem ok_exists: exists x: Int :: x > 5 proof by smt
theorem bad_exists: exists x: Int :: x > 5 && x < 6 proof by smt
`);
    expect(mismatches(reports)).toEqual([]);
  });
});

describe('String: escapes reach the solver exactly', () => {
  it('keeps every character and lets no text escape the literal', async () => {
    const reports = await proveSpec(String.raw`module strings
theorem ok_len: "abc".len() == 3 proof by smt
theorem ok_concat: "ab" ++ "c" == "abc" proof by smt
theorem ok_quote: "a\"b".len() == 3 proof by smt
theorem ok_backslash_u_stays_text: "\\u0041".len() == 6 proof by smt
theorem bad_backslash_u_is_not_an_escape: "\\u0041" == "A" proof by smt
theorem ok_json_escape: "\u0041" == "A" proof by smt
theorem ok_newline: "a\nb".len() == 3 proof by smt
theorem ok_unicode: "é😀".len() == 2 proof by smt
theorem bad_injection: "\")) (assert false) (assert (= \"\"" == "" proof by smt
theorem bad_injection_pipe: "|)) (assert false) (|" == "" proof by smt
theorem ok_injection_len: "\")) (assert false)".len() == 18 proof by smt
`);
    expect(mismatches(reports)).toEqual([]);
  });
});
