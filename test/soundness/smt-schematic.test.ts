// Must-reject: a lemma parameter standing for a state predicate may change from one state to the
// next; encoding it as one constant would make every such predicate stable.
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { planTheorem } from '../../src/prove/index.js';
import { closeSolvers, proveSpec, specFile } from '../smt/helper.js';

afterAll(closeSolvers);

const SPEC = `module schem
machine M {
  var x: Int
  init { x == 0 }
  action up { x' = x + 1 }
  action down { x' = x - 1 }
}
lemma bad_stable(P: Pred): M |= [](P || x == 0 || x != 0 && P) proof by invariant
lemma ok_tautology(P: Pred, q: Int -> Pred): M |= [](P || !P || q(x)) proof by smt
`;

describe('schematic predicates', () => {
  it('are state-dependent: P in the next state is a different symbol from P now', () => {
    const program = checkFiles([specFile(SPEC)]).program!;
    const plan = planTheorem(program, program.theorems.get('schem.bad_stable')!).plan;
    const step = plan.obligations.find((o) => o.origin.premise === 'consecution of up')!;
    expect(step.smt).toMatch(/\|l\d+:P@0\|/);
    expect(step.smt).toMatch(/\|l\d+:P@1\|/);
  });

  it('do not make a non-inductive predicate inductive', async () => {
    const reports = await proveSpec(SPEC);
    expect(reports.get('bad_stable')!.status).not.toBe('proved');
    expect(reports.get('ok_tautology')!.status).toBe('proved');
  });
});
