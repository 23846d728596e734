// Laws of the runtime values: Int never wraps or rounds, / and % are Euclidean, collections are
// canonical (equal values have equal bytes), and the codec round-trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Program, Type } from '../../src/ir/index.js';
import { Reader, Writer, codecFor } from '../../src/mc/codec.js';
import { FingerprintSet, fingerprint, fp } from '../../src/mc/fingerprint.js';
import {
  comparePrimitiveArrays,
  comparePrimitives,
  compareValues,
  intAdd,
  intDivMod,
  intMul,
  intNeg,
  intSub,
  makeMap,
  makeSet,
  mapInsert,
  normInt,
  setAdd,
  setIntersect,
  setMinus,
  setRemove,
  setSubset,
  setUnion,
  valuesEqual,
  type Int,
  type Value,
} from '../../src/mc/value.js';
import { syntheticSpan } from '../../src/diagnostics/index.js';

const span = syntheticSpan('test');
const bigInts = fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.bigInt({ min: -100n, max: 100n }), fc.constantFrom(2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n) + 1n, -(2n ** 53n)));
const asInt = (b: bigint): Int => normInt(b);
const asBig = (i: Int): bigint => BigInt(i);

function canonical(i: Int): boolean {
  return typeof i === 'number' ? Number.isSafeInteger(i) && !Object.is(i, -0) : i > BigInt(Number.MAX_SAFE_INTEGER) || i < -BigInt(Number.MAX_SAFE_INTEGER);
}

describe('Int', () => {
  it('+, -, *, negation agree with bigint arithmetic and stay canonical', () => {
    fc.assert(
      fc.property(bigInts, bigInts, (a, b) => {
        const x = asInt(a);
        const y = asInt(b);
        for (const [got, want] of [
          [intAdd(x, y), a + b],
          [intSub(x, y), a - b],
          [intMul(x, y), a * b],
          [intNeg(x), -a],
        ] as const) {
          expect(asBig(got)).toBe(want);
          expect(canonical(got)).toBe(true);
        }
      }),
    );
  });

  it('/ and % are Euclidean: a == b*q + r and 0 <= r < |b|', () => {
    fc.assert(
      fc.property(bigInts, bigInts, (a, b) => {
        fc.pre(b !== 0n);
        const [q, r] = intDivMod(asInt(a), asInt(b), span);
        expect(canonical(q) && canonical(r)).toBe(true);
        expect(asBig(b) * asBig(q) + asBig(r)).toBe(a);
        expect(asBig(r) >= 0n && asBig(r) < (b < 0n ? -b : b)).toBe(true);
      }),
    );
    expect(intDivMod(-7, 2, span)).toEqual([-4, 1]);
    expect(intDivMod(7, -2, span)).toEqual([-3, 1]);
    expect(intDivMod(-7, -2, span)).toEqual([4, 1]);
  });

  it('division by zero is an evaluation error', () => {
    expect(() => intDivMod(1, 0, span)).toThrow(/division by zero/);
    expect(() => intDivMod(2n ** 60n, 0, span)).toThrow(/division by zero/);
  });

  it('never loses precision past 2^53', () => {
    expect(intAdd(Number.MAX_SAFE_INTEGER, 1)).toBe(2n ** 53n);
    expect(intMul(2 ** 30, 2 ** 30)).toBe(2n ** 60n);
    expect(intSub(intAdd(Number.MAX_SAFE_INTEGER, 2), 2)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

const smallInts = fc.integer({ min: -20, max: 20 });

describe('sets and maps are canonical', () => {
  it('set operations agree with a reference and give sorted duplicate-free arrays', () => {
    fc.assert(
      fc.property(fc.array(smallInts), fc.array(smallInts), fc.integer({ min: -20, max: 20 }), (xs, ys, z) => {
        const a = makeSet([...xs]);
        const b = makeSet([...ys]);
        const ref = (s: Iterable<number>) => [...new Set(s)].sort((p, q) => p - q);
        expect(setUnion(a, b)).toEqual(ref([...xs, ...ys]));
        expect(setIntersect(a, b)).toEqual(ref(xs.filter((x) => ys.includes(x))));
        expect(setMinus(a, b)).toEqual(ref(xs.filter((x) => !ys.includes(x))));
        expect(setSubset(a, b)).toBe(xs.every((x) => ys.includes(x)));
        expect(setAdd(a, z)).toEqual(ref([...xs, z]));
        expect(setRemove(a, z)).toEqual(ref(xs.filter((x) => x !== z)));
      }),
    );
  });

  it('maps built in any order are equal and compare equal', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(smallInts, smallInts), { selector: (e) => e[0] }), (entries) => {
        const m1 = makeMap(
          entries.map((e) => e[0]),
          entries.map((e) => e[1]),
        );
        let m2 = makeMap([], []);
        for (const [k, v] of [...entries].reverse()) m2 = mapInsert(m2, k, v);
        expect(valuesEqual(m1, m2)).toBe(true);
        expect(compareValues(m1, m2)).toBe(0);
      }),
    );
  });
});

describe('typed comparators', () => {
  it('order primitives and records of primitives exactly as compareValues', () => {
    const prim = fc.oneof(smallInts, fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }).map(normInt));
    fc.assert(
      fc.property(prim, prim, fc.array(prim, { minLength: 3, maxLength: 3 }), fc.array(prim, { minLength: 3, maxLength: 3 }), (a, b, r, s) => {
        expect(Math.sign(comparePrimitives(a, b))).toBe(Math.sign(compareValues(a, b)));
        expect(Math.sign(comparePrimitiveArrays(r, s))).toBe(Math.sign(compareValues(r, s)));
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(Math.sign(comparePrimitives(a, b))).toBe(Math.sign(compareValues(a, b)));
      }),
    );
    expect(comparePrimitives(false, true)).toBe(compareValues(false, true));
  });
});

describe('codec', () => {
  const program = {
    records: new Map([
      ['t.R', { name: 't.R', fields: [{ name: 'a', type: { kind: 'int' } }, { name: 'b', type: { kind: 'option', elem: { kind: 'string' } } }], span }],
      ['t.S', { name: 't.S', fields: [{ name: 'x', type: { kind: 'int' } }, { name: 'k', type: { kind: 'enum', name: 't.K' } }, { name: 'f', type: { kind: 'bool' } }], span }],
    ]),
    enums: new Map([
      ['t.E', { name: 't.E', ctors: [{ name: 'A', fields: [], span }, { name: 'B', fields: [{ name: 'x', type: { kind: 'seq', elem: { kind: 'int' } } }], span }], span }],
      ['t.K', { name: 't.K', ctors: Array.from({ length: 200 }, (_, i) => ({ name: `K${i}`, fields: [], span })), span }],
    ]),
  } as unknown as Program;
  const type: Type = {
    kind: 'tuple',
    elems: [
      { kind: 'set', elem: { kind: 'record', name: 't.R' } },
      { kind: 'map', key: { kind: 'int' }, value: { kind: 'enum', name: 't.E' } },
      { kind: 'bool' },
      { kind: 'set', elem: { kind: 'record', name: 't.S' } },
    ],
  };
  const intArb = fc.oneof(smallInts, fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(normInt));
  const recordArb = fc.tuple(intArb, fc.option(fc.string(), { nil: null }).map((s) => (s === null ? null : [s]))) as fc.Arbitrary<Value>;
  const enumArb = fc.oneof(fc.constant([0] as Value), fc.array(intArb).map((xs) => [1, xs] as Value));
  // Plain-enum tags up to 199 and Ints of every size exercise the one-byte and the general paths.
  const scalarArb = fc.tuple(intArb, fc.integer({ min: 0, max: 199 }), fc.boolean()) as fc.Arbitrary<Value>;
  const valueArb = fc
    .tuple(fc.array(recordArb), fc.array(fc.tuple(intArb, enumArb)), fc.boolean(), fc.array(scalarArb))
    .map(([rs, es, b, ss]) => [makeSet(rs), makeMap(es.map((e) => e[0]), es.map((e) => e[1])), b, makeSet(ss)] as Value);

  it('round-trips, and equal values have equal bytes and fingerprints', () => {
    const codec = codecFor(type, program);
    fc.assert(
      fc.property(valueArb, (v) => {
        const w = new Writer();
        codec.enc(w, v);
        const back = codec.dec(new Reader(w.buf, 0));
        expect(valuesEqual(back, v)).toBe(true);
        const w2 = new Writer();
        codec.enc(w2, back);
        expect(w2.buf.subarray(0, w2.pos)).toEqual(w.buf.subarray(0, w.pos));
        fingerprint(w.buf, 0, w.pos);
        const f1 = [...fp];
        fingerprint(w2.buf, 0, w2.pos);
        expect([...fp]).toEqual(f1);
      }),
    );
  });
});

describe('fingerprint set', () => {
  it('finds what it stored across growth', () => {
    const set = new FingerprintSet(16);
    let wrong = 0;
    for (let i = 0; i < 50_000; i++) if (set.findOrAdd(i * 7919, i ^ 0x5bd1e995, i) !== -1) wrong++;
    for (let i = 0; i < 50_000; i++) if (set.findOrAdd(i * 7919, i ^ 0x5bd1e995, -5) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(set.size).toBe(50_000);
  });
});
