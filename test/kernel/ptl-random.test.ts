// The decision procedure against independent oracles on random formulas (see ptl-oracle.ts for
// why brute force alone cannot be complete and what each check establishes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  always,
  and,
  atomsOf,
  decideValidity,
  evaluateOnLasso,
  implies,
  leadsTo,
  next,
  not,
  type Formula,
} from '../../src/kernel/ptl/index.js';
import { arbitraryFormula } from './ptl-arbitrary.js';
import { freeBits, lassos, satisfiableByTypes } from './ptl-oracle.js';

function expectGenuineCounterexample(f: Formula): boolean {
  const verdict = decideValidity(f);
  expect(verdict.valid).not.toBe('unknown');
  if (verdict.valid !== false) return true;
  const { prefix, loop } = verdict.counterexample;
  expect(loop.length).toBeGreaterThan(0);
  for (const state of [...prefix, ...loop]) expect([...state.keys()].sort()).toEqual(atomsOf(f));
  expect(evaluateOnLasso(f, verdict.counterexample)).toBe(false);
  return false;
}

describe('PTL decision procedure on random formulas', () => {
  it('agrees with the Hintikka-structure oracle in both directions (10,000 formulas, ≤ 4 atoms)', () => {
    fc.assert(
      fc.property(arbitraryFormula(['p', 'q', 'r', 's'], 3, 10), (f) => {
        const valid = expectGenuineCounterexample(f);
        expect(valid).toBe(!satisfiableByTypes(not(f)));
      }),
      { numRuns: 10_000 },
    );
  });

  it('agrees with the oracle on small formulas over ≤ 3 atoms (size ≤ 6)', () => {
    fc.assert(
      fc.property(arbitraryFormula(['p', 'q', 'r'], 1, 6), (f) => {
        expect(expectGenuineCounterexample(f)).toBe(!satisfiableByTypes(not(f)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('agrees with the oracle on proof-step shapes: boxed facts and leads-to premises imply a goal', () => {
    const part = arbitraryFormula(['p', 'q', 'r'], 1, 3);
    const fact = fc.oneof(
      part.map(always),
      fc.tuple(part, part).map(([a, b]) => leadsTo(a, b)),
      fc.tuple(part, part).map(([a, b]) => always(implies(a, next(b)))),
    );
    const step = fc
      .tuple(fc.array(fact, { minLength: 1, maxLength: 3 }), fc.oneof(fact, part))
      .map(([facts, goal]) => implies(and(...facts), goal))
      .filter((f) => freeBits(f) <= 9);
    fc.assert(
      fc.property(step, (f) => {
        expect(expectGenuineCounterexample(f)).toBe(!satisfiableByTypes(not(f)));
      }),
      { numRuns: 400 },
    );
  });

  it('says invalid whenever brute force finds a falsifying lasso (all lassos of ≤ 3 states, 2 atoms)', () => {
    const all = [...lassos(['p', 'q'], 3)];
    fc.assert(
      fc.property(arbitraryFormula(['p', 'q'], 2, 8), (f) => {
        const falsified = all.some((lasso) => !evaluateOnLasso(f, lasso));
        const valid = expectGenuineCounterexample(f);
        if (falsified) expect(valid).toBe(false);
        // the oracle itself, in the direction brute force can confirm
        if (all.some((lasso) => evaluateOnLasso(f, lasso))) expect(satisfiableByTypes(f)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
