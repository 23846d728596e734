// Runtime values of the model checker. Every kspec type has one canonical representation, so
// two equal values are always structurally identical and `compareValues` is a total order:
//   Bool → boolean; Int → number when it is a safe integer, bigint otherwise (never both for one
//   integer); String → string; tuple and record → array of components (declaration order);
//   enum → [ctorIndex, ...payload], or just ctorIndex when no constructor has a payload; Option → null (None) or [x] (Some); Seq → array;
//   Set → array sorted by compareValues without duplicates; Map → KMap with sorted keys.
import { EvalError } from './errors.js';
import type { Span } from '../diagnostics/index.js';

export type Int = number | bigint;
export type Value = boolean | number | bigint | string | null | readonly Value[] | KMap;

/** A finite map: keys strictly increasing by compareValues, `vals[i]` belongs to `keys[i]`. */
export class KMap {
  constructor(
    readonly keys: readonly Value[],
    readonly vals: readonly Value[],
  ) {}
}

export const EMPTY: readonly Value[] = Object.freeze([]);
export const EMPTY_MAP = new KMap(EMPTY, EMPTY);

export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  const ta = typeof a;
  if (ta === 'number' || ta === 'bigint') return (a as Int) < (b as Int) ? -1 : (a as Int) > (b as Int) ? 1 : 0;
  if (ta === 'string') return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  if (ta === 'boolean') return a ? 1 : -1;
  if (a === null) return -1;
  if (b === null) return 1;
  if (a instanceof KMap) {
    const m = b as KMap;
    const c = compareArrays(a.keys, m.keys);
    return c !== 0 ? c : compareArrays(a.vals, m.vals);
  }
  return compareArrays(a as readonly Value[], b as readonly Value[]);
}

function compareArrays(a: readonly Value[], b: readonly Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof KMap) return b instanceof KMap && arraysEqual(a.keys, b.keys) && arraysEqual(a.vals, b.vals);
  return !(b instanceof KMap) && arraysEqual(a as readonly Value[], b as readonly Value[]);
}

function arraysEqual(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i]!, b[i]!)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Int: unbounded, with a number fast path that falls back to bigint before precision is lost.

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function normInt(x: bigint): Int {
  return x >= -MAX_SAFE && x <= MAX_SAFE ? Number(x) : x;
}

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(BigInt(a) + BigInt(b));
}

export function intSub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(BigInt(a) - BigInt(b));
}

export function intMul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    // When the exact product is a safe integer the float product is exact; otherwise it is not safe.
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normInt(BigInt(a) * BigInt(b));
}

export function intNeg(a: Int): Int {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : normInt(-a);
}

/** Euclidean division and remainder: `a == b * q + r` with `0 <= r < |b|`. */
export function intDivMod(a: Int, b: Int, span: Span): [Int, Int] {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) <= 2 ** 52 && Math.abs(b) <= 2 ** 52) {
    if (b === 0) throw new EvalError('KSP207', 'division by zero', span);
    let r = a % b;
    if (r < 0) r += Math.abs(b);
    return [(a - r) / b + 0, r + 0];
  }
  const x = BigInt(a);
  const y = BigInt(b);
  if (y === 0n) throw new EvalError('KSP207', 'division by zero', span);
  let r = x % y;
  if (r < 0n) r += y < 0n ? -y : y;
  return [normInt((x - r) / y), normInt(r)];
}

// ---------------------------------------------------------------------------------------------
// Sets (sorted arrays) and maps (KMap). Every operation takes the comparator for the element (or
// key) type: compareValues by default, or a faster one made for the type that orders the same way.

export type Comparator = (a: Value, b: Value) => number;

/** compareValues restricted to booleans, numbers, bigints or strings of one type. */
export const comparePrimitives: Comparator = (a, b) => ((a as Int) < (b as Int) ? -1 : (a as Int) > (b as Int) ? 1 : 0);

/** compareValues restricted to arrays (records, tuples) of primitives of the same length. */
export const comparePrimitiveArrays: Comparator = (a, b) => {
  const x = a as readonly Value[];
  const y = b as readonly Value[];
  for (let i = 0; i < x.length; i++) {
    const p = x[i] as Int;
    const q = y[i] as Int;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
};

/** Index of `x` in the sorted array, or `-(insertion point) - 1`. */
export function search(sorted: readonly Value[], x: Value, cmp: Comparator = compareValues): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cmp(sorted[mid]!, x);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

export function makeSet(elems: Value[]): readonly Value[] {
  if (elems.length < 2) return elems;
  elems.sort(compareValues);
  let w = 1;
  for (let i = 1; i < elems.length; i++) if (compareValues(elems[i]!, elems[w - 1]!) !== 0) elems[w++] = elems[i]!;
  elems.length = w;
  return elems;
}

export function setHas(s: readonly Value[], x: Value, cmp?: Comparator): boolean {
  return search(s, x, cmp) >= 0;
}

export function setAdd(s: readonly Value[], x: Value, cmp?: Comparator): readonly Value[] {
  const i = search(s, x, cmp);
  if (i >= 0) return s;
  const at = -i - 1;
  const out = s.slice(0, at);
  out.push(x);
  for (let j = at; j < s.length; j++) out.push(s[j]!);
  return out;
}

export function setRemove(s: readonly Value[], x: Value, cmp?: Comparator): readonly Value[] {
  const i = search(s, x, cmp);
  if (i < 0) return s;
  return s.slice(0, i).concat(s.slice(i + 1));
}

/** Merge of two sorted sets; `keep` chooses union, intersection or difference. */
function merge(a: readonly Value[], b: readonly Value[], inA: boolean, inB: boolean, inBoth: boolean): readonly Value[] {
  const out: Value[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c = compareValues(a[i]!, b[j]!);
    if (c < 0) {
      if (inA) out.push(a[i]!);
      i++;
    } else if (c > 0) {
      if (inB) out.push(b[j]!);
      j++;
    } else {
      if (inBoth) out.push(a[i]!);
      i++;
      j++;
    }
  }
  if (inA) while (i < a.length) out.push(a[i++]!);
  if (inB) while (j < b.length) out.push(b[j++]!);
  return out;
}

export const setUnion = (a: readonly Value[], b: readonly Value[]) => (b.length === 0 ? a : a.length === 0 ? b : merge(a, b, true, true, true));
export const setIntersect = (a: readonly Value[], b: readonly Value[]) => merge(a, b, false, false, true);
export const setMinus = (a: readonly Value[], b: readonly Value[]) => merge(a, b, true, false, false);

export function setSubset(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length > b.length) return false;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    while (j < b.length && compareValues(b[j]!, a[i]!) < 0) j++;
    if (j === b.length || compareValues(b[j]!, a[i]!) !== 0) return false;
    j++;
  }
  return true;
}

export function mapLookup(m: KMap, k: Value, cmp?: Comparator): number {
  return search(m.keys, k, cmp);
}

export function mapInsert(m: KMap, k: Value, v: Value, cmp?: Comparator): KMap {
  const i = search(m.keys, k, cmp);
  if (i >= 0) {
    if (valuesEqual(m.vals[i]!, v)) return m;
    const vals = m.vals.slice();
    vals[i] = v;
    return new KMap(m.keys, vals);
  }
  const at = -i - 1;
  const keys = m.keys.slice(0, at);
  const vals = m.vals.slice(0, at);
  keys.push(k);
  vals.push(v);
  for (let j = at; j < m.keys.length; j++) {
    keys.push(m.keys[j]!);
    vals.push(m.vals[j]!);
  }
  return new KMap(keys, vals);
}

export function mapRemove(m: KMap, k: Value, cmp?: Comparator): KMap {
  const i = search(m.keys, k, cmp);
  if (i < 0) return m;
  return new KMap(m.keys.slice(0, i).concat(m.keys.slice(i + 1)), m.vals.slice(0, i).concat(m.vals.slice(i + 1)));
}

/** Builds a map from unsorted entries; a later entry for the same key wins. */
export function makeMap(keys: Value[], vals: Value[]): KMap {
  const order = keys.map((_, i) => i).sort((i, j) => compareValues(keys[i]!, keys[j]!) || i - j);
  const ks: Value[] = [];
  const vs: Value[] = [];
  for (const i of order) {
    if (ks.length > 0 && compareValues(ks[ks.length - 1]!, keys[i]!) === 0) vs[vs.length - 1] = vals[i]!;
    else {
      ks.push(keys[i]!);
      vs.push(vals[i]!);
    }
  }
  return new KMap(ks, vs);
}
