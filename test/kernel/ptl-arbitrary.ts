// Random PTL formulas for property tests, with the size drawn uniformly so that large formulas
// are as common as small ones.
import fc from 'fast-check';
import {
  FALSE,
  TRUE,
  always,
  and,
  atom,
  eventually,
  iff,
  implies,
  next,
  not,
  or,
  until,
  type Formula,
} from '../../src/kernel/ptl/index.js';

const UNARY = [not, next, always, eventually] as const;
const BINARY = [
  (p: Formula, q: Formula) => and(p, q),
  (p: Formula, q: Formula) => or(p, q),
  implies,
  iff,
  until,
] as const;

/** Formulas over `atoms` with between `minSize` and `maxSize` nodes. */
export function arbitraryFormula(atoms: readonly string[], minSize: number, maxSize: number): fc.Arbitrary<Formula> {
  const leaf = fc.oneof(
    { arbitrary: fc.constantFrom(...atoms).map(atom), weight: 6 },
    { arbitrary: fc.constantFrom(TRUE, FALSE), weight: 1 },
  );
  const bySize = new Map<number, fc.Arbitrary<Formula>>();
  const ofSize = (n: number): fc.Arbitrary<Formula> => {
    const known = bySize.get(n);
    if (known) return known;
    let made: fc.Arbitrary<Formula>;
    if (n === 1) made = leaf;
    else {
      const unary = fc.tuple(fc.constantFrom(...UNARY), ofSize(n - 1)).map(([op, f]) => op(f));
      made =
        n === 2
          ? unary
          : fc.oneof(
              unary,
              fc
                .integer({ min: 1, max: n - 2 })
                .chain((k) => fc.tuple(fc.constantFrom(...BINARY), ofSize(k), ofSize(n - 1 - k)))
                .map(([op, f, g]) => op(f, g)),
            );
    }
    bySize.set(n, made);
    return made;
  };
  for (let n = 1; n <= maxSize; n++) ofSize(n);
  return fc.integer({ min: minSize, max: maxSize }).chain(ofSize);
}
