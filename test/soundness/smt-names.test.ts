// Must-reject: identifiers and strings from a spec must not be able to change the solver input.
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { planTheorem } from '../../src/prove/index.js';
import { closeSolvers, mismatches, proveSpec, specFile } from '../smt/helper.js';

afterAll(closeSolvers);

const SPEC = String.raw`module names
const select: Int
const assert: Int
assume select > 0
record constructor { and: Int, or: String }
enum declare { push, pop(exit: Int) }
machine and {
  var or: Int
  var not: String
  var ite: constructor
  init { or == 0 && not == "\")) (assert false) (assert (= \"" && ite.and == 0 }
  action assert { require or < select
    or' = or + 1 }
  action reset { not' = "|)) (check-sat) (exit) (|" }
}
theorem ok_bound: and |= [](or <= select) proof by invariant
theorem bad_bound: and |= [](or < select) proof by invariant
theorem bad_string_is_never_reset: and |= [](not == "\")) (assert false) (assert (= \"") proof by invariant
theorem ok_not_empty_string: and |= [](not != "") proof by invariant
theorem bad_assert_positive: assert > 0 proof by smt
theorem ok_ctor: match pop(select) { pop(exit) => exit == select, push => false } proof by smt
theorem bad_ctor: forall d: declare :: d is push proof by smt
`;

describe('identifiers and strings are inert in SMT-LIB', () => {
  it('proves and refutes exactly as the spec means, whatever the names', async () => {
    const reports = await proveSpec(SPEC);
    expect(mismatches(reports)).toEqual([]);
    for (const r of reports.values()) for (const o of r.obligations) expect(o.status).not.toBe('error');
  });

  it('never writes a spec name or string as bare SMT syntax', () => {
    const checked = checkFiles([specFile(SPEC)]);
    const program = checked.program!;
    for (const theorem of program.theorems.values()) {
      for (const o of planTheorem(program, theorem).plan.obligations) {
        const outsideStrings = o.smt.replace(/"(?:[^"]|"")*"/g, '""');
        expect(outsideStrings).not.toMatch(/assert false|check-sat|\(exit\)/);
        // every symbol that carries a spec name is quoted and tagged
        for (const word of ['select', 'and', 'or', 'not', 'ite', 'push', 'pop', 'assert', 'constructor', 'declare']) {
          const bare = new RegExp(`[ (]${word}[ )]`);
          const lines = o.smt.split('\n').filter((l) => bare.test(l.replace(/\|[^|]*\|/g, '_').replace(/"(?:[^"]|"")*"/g, '_')));
          const allowed = lines.every((l) => /^\(assert|^\(declare|^\(define/.test(l));
          expect(allowed).toBe(true);
        }
      }
    }
  });
});
