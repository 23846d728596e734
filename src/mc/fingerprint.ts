// 64-bit state fingerprints (two independently seeded MurmurHash3 lanes over the canonical bytes)
// and the visited set that stores them. As in TLC and Stateright, distinct states whose
// fingerprints collide would be merged; with 64 bits the odds are about n²/2⁶⁵ for n states.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Result slots of `fingerprint`, so hashing allocates nothing. */
export const fp = new Int32Array(2);

export function fingerprint(buf: Uint8Array, from: number, to: number): void {
  let h1 = 0x9747b28c;
  let h2 = 0x5bd1e995;
  let i = from;
  const end4 = from + ((to - from) & ~3);
  for (; i < end4; i += 4) {
    let k = buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 ^= Math.imul(k, 0x27d4eb2f) ^ (k >>> 11);
    h2 = (h2 << 17) | (h2 >>> 15);
    h2 = (Math.imul(h2, 9) + 0x165667b1) | 0;
  }
  const rest = to - i;
  if (rest > 0) {
    let k = buf[i]!;
    if (rest > 1) k |= buf[i + 1]! << 8;
    if (rest > 2) k |= buf[i + 2]! << 16;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h1 ^= k;
    h2 ^= Math.imul(k, 0x27d4eb2f);
  }
  const len = to - from;
  fp[0] = fmix(h1 ^ len);
  fp[1] = fmix(h2 ^ Math.imul(len, 0x9e3779b1) ^ h1);
}

/**
 * Open addressing with linear probing over one Int32Array of [hi, lo, id + 1] triples
 * (0 in the id slot marks an empty slot). Grows at 60 % load.
 */
export class FingerprintSet {
  private table: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    let cap = 1024;
    while (cap < initialCapacity) cap <<= 1;
    this.table = new Int32Array(cap * 3);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.table.byteLength;
  }

  /** The id stored under fingerprint (hi, lo), or -1 after storing `id` there. */
  findOrAdd(hi: number, lo: number, id: number): number {
    const t = this.table;
    let slot = (lo ^ (hi >>> 7)) & this.mask;
    for (;;) {
      const at = slot * 3;
      const stored = t[at + 2]!;
      if (stored === 0) {
        t[at] = hi;
        t[at + 1] = lo;
        t[at + 2] = id + 1;
        if (++this.count * 5 > (this.mask + 1) * 3) this.grow();
        return -1;
      }
      if (t[at] === hi && t[at + 1] === lo) return stored - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    this.table = new Int32Array(cap * 3);
    this.mask = cap - 1;
    const t = this.table;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      const hi = old[at]!;
      const lo = old[at + 1]!;
      let slot = (lo ^ (hi >>> 7)) & this.mask;
      while (t[slot * 3 + 2] !== 0) slot = (slot + 1) & this.mask;
      t[slot * 3] = hi;
      t[slot * 3 + 1] = lo;
      t[slot * 3 + 2] = old[at + 2]!;
    }
  }
}
