// The runtime of generated code (`import * as $rt from 'kproof/runtime'`), usable by exec code too.
// kspec values are compared by value, never by identity: Sets and Maps of records, tuples or enums
// work because membership goes through a canonical string key of the value. kspec Ints are bigints,
// so no arithmetic here can overflow or round. Nothing here depends on the rest of kproof.

/** A partial operation (`m[k]` outside the domain, `s[i]` out of range, `/` or `%` by zero) was reached. */
export class KspecPartialError extends Error {
  constructor(
    readonly operation: 'map index' | 'seq index' | 'division' | 'remainder',
    detail: string,
  ) {
    super(`kspec partial operation ${operation}: ${detail}`);
    this.name = 'KspecPartialError';
  }
}

/** `Some(x)` where `x` is itself an Option (so that `Some(None)` differs from `None`). */
export interface Some<T> {
  readonly some: T;
}

/**
 * A canonical text for a kspec value: equal values (structurally, Sets and Maps regardless of
 * insertion order) have equal keys and different values of the same type have different keys.
 */
export function canonicalKey(v: unknown): string {
  switch (typeof v) {
    case 'bigint':
      return `${v}n`;
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'T' : 'F';
    case 'number':
      return `${v}`;
    case 'undefined':
      return 'U';
    default:
      break;
  }
  if (v instanceof KSet || v instanceof Set) return `{${[...(v as Iterable<unknown>)].map(canonicalKey).sort().join(',')}}`;
  if (v instanceof KMap || v instanceof Map) {
    const entries = [...(v as Iterable<readonly [unknown, unknown]>)].map(([k, x]) => `${canonicalKey(k)}:${canonicalKey(x)}`);
    return `M{${entries.sort().join(',')}}`;
  }
  if (Array.isArray(v)) return `[${v.map(canonicalKey).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const fields = Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalKey((v as Record<string, unknown>)[k])}`);
    return `(${fields.join(',')})`;
  }
  throw new TypeError(`not a kspec value: ${String(v)}`);
}

const isPrimitive = (v: unknown): boolean => typeof v === 'bigint' || typeof v === 'string' || typeof v === 'boolean' || v === undefined;

/** Structural equality of kspec values. */
export function equals<T>(a: T, b: T): boolean {
  if (isPrimitive(a) || isPrimitive(b)) return a === b;
  return canonicalKey(a) === canonicalKey(b);
}

/** A Set whose membership is by value; iteration is in canonical-key order, so it is deterministic. */
export class KSet<T> implements ReadonlySet<T> {
  private readonly byKey: ReadonlyMap<string, T>;

  constructor(elems: Iterable<T> = []) {
    const m = new Map<string, T>();
    for (const x of elems) m.set(canonicalKey(x), x);
    this.byKey = new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  get size(): number {
    return this.byKey.size;
  }
  has(x: T): boolean {
    return this.byKey.has(canonicalKey(x));
  }
  forEach(f: (value: T, value2: T, set: ReadonlySet<T>) => void): void {
    for (const x of this.byKey.values()) f(x, x, this);
  }
  *entries(): SetIterator<[T, T]> {
    for (const x of this.byKey.values()) yield [x, x];
  }
  keys(): SetIterator<T> {
    return this.values();
  }
  *values(): SetIterator<T> {
    yield* this.byKey.values();
  }
  [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }
}

/** A Map whose lookup is by value; iteration is in canonical-key order. */
export class KMap<K, V> implements ReadonlyMap<K, V> {
  private readonly byKey: ReadonlyMap<string, readonly [K, V]>;

  constructor(entries: Iterable<readonly [K, V]> = []) {
    const m = new Map<string, readonly [K, V]>();
    for (const [k, v] of entries) m.set(canonicalKey(k), [k, v]);
    this.byKey = new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  get size(): number {
    return this.byKey.size;
  }
  has(k: K): boolean {
    return this.byKey.has(canonicalKey(k));
  }
  get(k: K): V | undefined {
    return this.byKey.get(canonicalKey(k))?.[1];
  }
  forEach(f: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.byKey.values()) f(v, k, this);
  }
  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.byKey.values()) yield [k, v];
  }
  *keys(): MapIterator<K> {
    for (const [k] of this.byKey.values()) yield k;
  }
  *values(): MapIterator<V> {
    for (const [, v] of this.byKey.values()) yield v;
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

const asKSet = <T>(s: ReadonlySet<T>): KSet<T> => (s instanceof KSet ? s : new KSet(s));
const asKMap = <K, V>(m: ReadonlyMap<K, V>): KMap<K, V> => (m instanceof KMap ? m : new KMap(m));

// ---- constructors ----------------------------------------------------------------------------

export const setOf = <T>(elems: Iterable<T>): ReadonlySet<T> => new KSet(elems);
export const mapOf = <K, V>(entries: Iterable<readonly [K, V]>): ReadonlyMap<K, V> => new KMap(entries);

export function range(lo: bigint, hi: bigint): ReadonlySet<bigint> {
  const out: bigint[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return new KSet(out);
}

// ---- Int: Euclidean division, as kspec and SMT-LIB define it ------------------------------------

export function div(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new KspecPartialError('division', `${a} / 0`);
  const r = ((a % b) + (b < 0n ? -b : b)) % (b < 0n ? -b : b);
  return (a - r) / b;
}

export function mod(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new KspecPartialError('remainder', `${a} % 0`);
  const m = b < 0n ? -b : b;
  return ((a % m) + m) % m;
}

// ---- Seq ---------------------------------------------------------------------------------------

export const len = (s: readonly unknown[]): bigint => BigInt(s.length);

export function index<T>(s: readonly T[], i: bigint): T {
  if (i < 0n || i >= BigInt(s.length)) throw new KspecPartialError('seq index', `index ${i} of a sequence of length ${s.length}`);
  return s[Number(i)]!;
}

export const push = <T>(s: readonly T[], x: T): readonly T[] => [...s, x];
export const concat = <T>(s: readonly T[], t: readonly T[]): readonly T[] => [...s, ...t];
export const contains = <T>(s: Iterable<T>, x: T): boolean => {
  for (const y of s) if (equals(x, y)) return true;
  return false;
};

// ---- Set ---------------------------------------------------------------------------------------

export const setHas = <T>(s: ReadonlySet<T>, x: T): boolean => asKSet(s).has(x);
export const setAdd = <T>(s: ReadonlySet<T>, x: T): ReadonlySet<T> => new KSet([...s, x]);
export const setRemove = <T>(s: ReadonlySet<T>, x: T): ReadonlySet<T> => {
  const k = canonicalKey(x);
  return new KSet([...s].filter((y) => canonicalKey(y) !== k));
};
export const union = <T>(s: ReadonlySet<T>, t: ReadonlySet<T>): ReadonlySet<T> => new KSet([...s, ...t]);
export const intersect = <T>(s: ReadonlySet<T>, t: ReadonlySet<T>): ReadonlySet<T> => {
  const kt = asKSet(t);
  return new KSet([...s].filter((x) => kt.has(x)));
};
export const minus = <T>(s: ReadonlySet<T>, t: ReadonlySet<T>): ReadonlySet<T> => {
  const kt = asKSet(t);
  return new KSet([...s].filter((x) => !kt.has(x)));
};
export const subset = <T>(s: ReadonlySet<T>, t: ReadonlySet<T>): boolean => {
  const kt = asKSet(t);
  return [...s].every((x) => kt.has(x));
};
export const size = (s: ReadonlySet<unknown>): bigint => BigInt(asKSet(s).size);

export const setFilter = <T>(s: Iterable<T>, p: (x: T) => boolean): ReadonlySet<T> => new KSet([...s].filter(p));
export const setImage = <T, U>(s: Iterable<T>, f: (x: T) => U): ReadonlySet<U> => new KSet([...s].map(f));
export const mapComp = <K, V>(s: Iterable<K>, f: (x: K) => V): ReadonlyMap<K, V> => new KMap([...s].map((k) => [k, f(k)] as const));

/** `forall x in s :: p` over a Set, a Seq or a Map's keys */
export const all = <T>(s: Iterable<T>, p: (x: T) => boolean): boolean => {
  for (const x of s) if (!p(x)) return false;
  return true;
};
export const any = <T>(s: Iterable<T>, p: (x: T) => boolean): boolean => {
  for (const x of s) if (p(x)) return true;
  return false;
};

// ---- Map ---------------------------------------------------------------------------------------

export const mapHas = <K, V>(m: ReadonlyMap<K, V>, k: K): boolean => asKMap(m).has(k);

export function mapIndex<K, V>(m: ReadonlyMap<K, V>, k: K): V {
  const km = asKMap(m);
  if (!km.has(k)) throw new KspecPartialError('map index', `key ${canonicalKey(k)} is not in the map`);
  return km.get(k) as V;
}

/** `m.get(k)` when V is not an Option */
export const mapGet = <K, V>(m: ReadonlyMap<K, V>, k: K): V | undefined => asKMap(m).get(k);
/** `m.get(k)` when V is itself an Option */
export const mapGetTagged = <K, V>(m: ReadonlyMap<K, V>, k: K): Some<V> | undefined => {
  const km = asKMap(m);
  return km.has(k) ? { some: km.get(k) as V } : undefined;
};
export const mapInsert = <K, V>(m: ReadonlyMap<K, V>, k: K, v: V): ReadonlyMap<K, V> => new KMap([...m, [k, v] as const]);
export const mapRemove = <K, V>(m: ReadonlyMap<K, V>, k: K): ReadonlyMap<K, V> => {
  const key = canonicalKey(k);
  return new KMap([...m].filter(([x]) => canonicalKey(x) !== key));
};
export const keys = <K, V>(m: ReadonlyMap<K, V>): ReadonlySet<K> => new KSet(m.keys());

// ---- String ------------------------------------------------------------------------------------

/** length in Unicode code points, as kspec (and SMT-LIB) count */
export const strLen = (s: string): bigint => BigInt([...s].length);

/** values for a quantifier over Bool */
export const BOOLS: readonly boolean[] = [false, true];
