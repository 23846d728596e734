// Must-reject: the encoder's shortcuts do not change what an obligation means. Strings compared
// only for equality become an uninterpreted sort with distinct literals; `exists x :: x == t && P`
// becomes P at t (the domain still checked); an action's given arguments are bound by `let`.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSolvers, mismatches, proveSpec } from '../smt/helper.js';

afterAll(closeSolvers);

const SPEC = String.raw`module encoding
machine Names {
  var name: String
  var n: Int
  init { name == "a" && n == 0 }
  action rename(to: String) {
    require to != name
    name' = to
  }
  action step(k: Int) {
    require k > 0
    n' = n + k
  }
}
theorem ok_literals_differ: "a" != "b" proof by smt
theorem bad_literals_equal: "a" == "b" proof by smt
theorem bad_two_strings_only: forall s: String :: s == "a" || s == "b" proof by smt
theorem ok_length: "ab".len() == 2 proof by smt
theorem bad_length: "ab".len() == 3 proof by smt
theorem bad_name_stays: Names |= [](name == "a") proof by invariant
theorem ok_one_point: exists x: Int :: x == 3 && x > 2 proof by smt
theorem bad_one_point_body: exists x: Int :: x == 3 && x > 5 proof by smt
theorem bad_one_point_domain: exists x in {1, 2} :: x == 3 proof by smt
theorem ok_one_point_domain: exists x in {1, 2} :: x == 2 proof by smt
theorem ok_enabled_given: Names |= [](enabled(step(1))) proof by smt
theorem bad_enabled_given: Names |= [](enabled(step(0))) proof by smt
theorem bad_rename_to_itself: Names |= [](enabled(rename("a"))) proof by smt
`;

describe('encoding shortcuts keep the meaning', () => {
  it('proves and refutes exactly as the spec means', async () => {
    const reports = await proveSpec(SPEC);
    expect(mismatches(reports)).toEqual([]);
    for (const r of reports.values()) for (const o of r.obligations) expect(o.status).not.toBe('error');
  });
});
