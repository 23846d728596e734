// kproof/runtime: Euclidean division, value-based Sets and Maps, typed partial-operation errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as rt from '../../src/codegen/runtime.js';

describe('kproof/runtime', () => {
  it('div and mod are Euclidean: a == b * (a / b) + a % b and 0 <= a % b < |b|', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt().filter((b) => b !== 0n), (a, b) => {
        const q = rt.div(a, b);
        const r = rt.mod(a, b);
        expect(b * q + r).toBe(a);
        expect(r >= 0n && r < (b < 0n ? -b : b)).toBe(true);
      }),
    );
    expect([rt.div(-7n, 2n), rt.mod(-7n, 2n), rt.div(7n, -2n), rt.mod(7n, -2n)]).toEqual([-4n, 1n, -3n, 1n]);
  });

  it('throws KspecPartialError naming the operation', () => {
    const op = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof rt.KspecPartialError ? e.operation : 'other';
      }
      return 'none';
    };
    expect(op(() => rt.div(1n, 0n))).toBe('division');
    expect(op(() => rt.mod(1n, 0n))).toBe('remainder');
    expect(op(() => rt.index([1n], 1n))).toBe('seq index');
    expect(op(() => rt.mapIndex(rt.mapOf<bigint, bigint>([]), 3n))).toBe('map index');
  });

  it('Sets and Maps of records compare and look up by value, whatever the insertion order', () => {
    const p = (x: bigint) => ({ x, y: 0n });
    const s = rt.setOf([p(1n), p(2n), p(1n)]);
    expect(s.size).toBe(2);
    expect(rt.setHas(s, p(2n))).toBe(true);
    expect(rt.equals(s, rt.setOf([p(2n), p(1n)]))).toBe(true);
    const m = rt.mapInsert(rt.mapOf([[p(1n), 'a'] as const]), p(1n), 'b');
    expect(rt.mapIndex(m, p(1n))).toBe('b');
    expect(rt.keys(m).size).toBe(1);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: -3n, max: 3n }), fc.string({ maxLength: 2 }))), (xs) => {
        const a = rt.setOf(xs);
        const b = rt.setOf([...xs].reverse());
        expect(rt.equals(a, b)).toBe(true);
        expect(rt.canonicalKey(a)).toBe(rt.canonicalKey(b));
      }),
    );
  });

  it('canonical keys tell apart values that JSON would confuse', () => {
    const keys = [1n, '1', true, 'T', undefined, [1n], { some: undefined }, rt.setOf([1n]), rt.mapOf([[1n, 1n] as const]), { __proto__x: 1n }].map(rt.canonicalKey);
    expect(new Set(keys).size).toBe(keys.length);
    const proto = { ['__proto__']: 5n } as Record<string, bigint>;
    expect(rt.canonicalKey(proto)).toBe('("__proto__":5n)');
  });

  it('strLen counts code points, as kspec does', () => {
    expect(rt.strLen('a😀')).toBe(2n);
  });
});
