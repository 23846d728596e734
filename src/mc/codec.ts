// Canonical bytes for values, directed by their type: no type tags, so a state's bytes are short.
// Equal values have equal bytes because values are canonical (see value.ts); the bytes are what
// the explorer stores and fingerprints.
import type { EnumDecl, Program, Type } from '../ir/index.js';
import { typeToString } from '../ir/index.js';
import { KMap, type Int, type Value } from './value.js';

export class Writer {
  buf = new Uint8Array(1024);
  pos = 0;

  reset(): void {
    this.pos = 0;
  }

  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos++] = b;
  }

  bytes(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    this.ensure(n);
    if (n < 48) {
      // A short copy by hand: cheaper than the view object `subarray` allocates.
      const buf = this.buf;
      let pos = this.pos;
      for (let i = from; i < to; i++) buf[pos++] = src[i]!;
    } else this.buf.set(src.subarray(from, to), this.pos);
    this.pos += n;
  }

  uint(n: number): void {
    if (n < 128 && this.pos < this.buf.length) {
      this.buf[this.pos++] = n;
      return;
    }
    while (n >= 128) {
      this.byte((n % 128) | 128);
      n = Math.floor(n / 128);
    }
    this.byte(n);
  }

  /** First byte: 6 magnitude bits, a sign bit, a continuation bit. `-0` (0x40) marks a bigint. */
  int(v: Int): void {
    if (typeof v === 'number') {
      if (v >= 0 && v < 64 && this.pos < this.buf.length) {
        this.buf[this.pos++] = v;
        return;
      }
      let m = v < 0 ? -v : v;
      let b = (m % 64) | (v < 0 ? 64 : 0);
      m = Math.floor(m / 64);
      if (m > 0) b |= 128;
      this.byte(b);
      if (m > 0) this.uint(m);
      return;
    }
    this.byte(64);
    const digits = (v < 0n ? -v : v).toString(16);
    this.byte(v < 0n ? 1 : 0);
    this.string(digits);
  }

  string(s: string): void {
    this.uint(s.length);
    this.ensure(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.buf[this.pos++] = c & 255;
      this.buf[this.pos++] = c >> 8;
    }
  }
}

export class Reader {
  constructor(
    public buf: Uint8Array,
    public pos: number,
  ) {}

  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.pos++]!;
      n += (b & 127) * scale;
      if (b < 128) return n;
      scale *= 128;
    }
  }

  int(): Int {
    const b = this.buf[this.pos++]!;
    if (b === 64) {
      const negative = this.buf[this.pos++] === 1;
      const m = BigInt('0x' + this.string());
      return negative ? -m : m;
    }
    let m = b & 63;
    if (b & 128) m += this.uint() * 64;
    return b & 64 ? -m : m;
  }

  string(): string {
    const n = this.uint();
    let s = '';
    for (let i = 0; i < n; i++) {
      s += String.fromCharCode(this.buf[this.pos]! | (this.buf[this.pos + 1]! << 8));
      this.pos += 2;
    }
    return s;
  }
}

/** An enum without payloads: its values are represented by the constructor's index alone. */
export function isPlainEnum(decl: EnumDecl): boolean {
  return decl.ctors.every((c) => c.fields.length === 0);
}

export interface Codec {
  readonly enc: (w: Writer, v: Value) => void;
  readonly dec: (r: Reader) => Value;
}

/** Thrown for types that have no runtime values (abstract types, functions). */
export class UncodableType extends Error {}

export function codecFor(type: Type, program: Program, cache = new Map<string, Codec>()): Codec {
  const key = typeToString(type, true);
  const known = cache.get(key);
  if (known) return known;
  // Filled in below; recursive enums reach this entry through the cache before it is complete.
  const slot: { enc: Codec['enc']; dec: Codec['dec'] } = { enc: () => {}, dec: () => null };
  const codec: Codec = { enc: (w, v) => slot.enc(w, v), dec: (r) => slot.dec(r) };
  cache.set(key, codec);
  const made = build(type, program, cache);
  slot.enc = made.enc;
  slot.dec = made.dec;
  cache.set(key, made);
  return made;
}

function build(type: Type, program: Program, cache: Map<string, Codec>): Codec {
  switch (type.kind) {
    case 'bool':
      return { enc: (w, v) => w.byte(v ? 1 : 0), dec: (r) => r.buf[r.pos++] === 1 };
    case 'int':
      return { enc: (w, v) => w.int(v as Int), dec: (r) => r.int() };
    case 'string':
      return { enc: (w, v) => w.string(v as string), dec: (r) => r.string() };
    case 'seq':
    case 'set': {
      const e = codecFor(type.elem, program, cache);
      return {
        enc: (w, v) => {
          const a = v as readonly Value[];
          w.uint(a.length);
          for (let i = 0; i < a.length; i++) e.enc(w, a[i]!);
        },
        dec: (r) => {
          const n = r.uint();
          const a: Value[] = new Array<Value>(n);
          for (let i = 0; i < n; i++) a[i] = e.dec(r);
          return a;
        },
      };
    }
    case 'map': {
      const k = codecFor(type.key, program, cache);
      const x = codecFor(type.value, program, cache);
      return {
        enc: (w, v) => {
          const m = v as KMap;
          w.uint(m.keys.length);
          for (let i = 0; i < m.keys.length; i++) {
            k.enc(w, m.keys[i]!);
            x.enc(w, m.vals[i]!);
          }
        },
        dec: (r) => {
          const n = r.uint();
          const keys: Value[] = new Array<Value>(n);
          const vals: Value[] = new Array<Value>(n);
          for (let i = 0; i < n; i++) {
            keys[i] = k.dec(r);
            vals[i] = x.dec(r);
          }
          return new KMap(keys, vals);
        },
      };
    }
    case 'option': {
      const e = codecFor(type.elem, program, cache);
      return {
        enc: (w, v) => {
          if (v === null) w.byte(0);
          else {
            w.byte(1);
            e.enc(w, (v as readonly Value[])[0]!);
          }
        },
        dec: (r) => (r.buf[r.pos++] === 0 ? null : [e.dec(r)]),
      };
    }
    case 'tuple':
      return product(type.elems.map((t) => codecFor(t, program, cache)));
    case 'record': {
      const decl = program.records.get(type.name);
      if (!decl) throw new UncodableType(`unknown record ${type.name}`);
      const scalars = decl.fields.map((f) => scalarKind(f.type, program));
      if (scalars.every((k) => k !== undefined)) return scalarProduct(Uint8Array.from(scalars as number[]));
      return product(decl.fields.map((f) => codecFor(f.type, program, cache)));
    }
    case 'enum': {
      const decl = program.enums.get(type.name);
      if (!decl) throw new UncodableType(`unknown enum ${type.name}`);
      if (isPlainEnum(decl)) return { enc: (w, v) => w.uint(v as number), dec: (r) => r.uint() };
      const payloads = decl.ctors.map((c) => c.fields.map((f) => codecFor(f.type, program, cache)));
      const nullary = decl.ctors.map((_, i) => Object.freeze([i]) as readonly Value[]);
      return {
        enc: (w, v) => {
          const a = v as readonly Value[];
          const tag = a[0] as number;
          w.uint(tag);
          const fields = payloads[tag]!;
          for (let i = 0; i < fields.length; i++) fields[i]!.enc(w, a[i + 1]!);
        },
        dec: (r) => {
          const tag = r.uint();
          const fields = payloads[tag]!;
          if (fields.length === 0) return nullary[tag]!;
          const a: Value[] = [tag];
          for (let i = 0; i < fields.length; i++) a.push(fields[i]!.dec(r));
          return a;
        },
      };
    }
    case 'abstract':
    case 'fn':
      throw new UncodableType(`values of type ${typeToString(type)} cannot be enumerated or stored`);
  }
}

const INT_FIELD = 0;
const UINT_FIELD = 1;
const BOOL_FIELD = 2;

/** How a field of this type is written when it is a single number or boolean. */
function scalarKind(type: Type, program: Program): number | undefined {
  if (type.kind === 'int') return INT_FIELD;
  if (type.kind === 'bool') return BOOL_FIELD;
  if (type.kind === 'enum') {
    const decl = program.enums.get(type.name);
    return decl && isPlainEnum(decl) ? UINT_FIELD : undefined;
  }
  return undefined;
}

/**
 * A record of Ints, Bools and plain enums (the typical message): the same bytes `product` writes,
 * with the one-byte case (small non-negative numbers) written inline.
 */
function scalarProduct(kinds: Uint8Array): Codec {
  const n = kinds.length;
  return {
    enc: (w, v) => {
      const a = v as readonly Value[];
      w.ensure(n);
      for (let i = 0; i < n; i++) {
        const x = a[i]!;
        const kind = kinds[i]!;
        if (kind === BOOL_FIELD) w.buf[w.pos++] = x ? 1 : 0;
        else if (typeof x === 'number' && x >= 0 && x < 64) w.buf[w.pos++] = x;
        else {
          if (kind === INT_FIELD) w.int(x as Int);
          else w.uint(x as number);
          w.ensure(n - i);
        }
      }
    },
    dec: (r) => {
      const a: Value[] = new Array<Value>(n);
      const buf = r.buf;
      for (let i = 0; i < n; i++) {
        const kind = kinds[i]!;
        const b = buf[r.pos]!;
        if (kind === BOOL_FIELD) {
          a[i] = b === 1;
          r.pos++;
        } else if (b < 64) {
          a[i] = b;
          r.pos++;
        } else a[i] = kind === INT_FIELD ? r.int() : r.uint();
      }
      return a;
    },
  };
}

function product(parts: readonly Codec[]): Codec {
  return {
    enc: (w, v) => {
      const a = v as readonly Value[];
      for (let i = 0; i < parts.length; i++) parts[i]!.enc(w, a[i]!);
    },
    dec: (r) => {
      const a: Value[] = new Array<Value>(parts.length);
      for (let i = 0; i < parts.length; i++) a[i] = parts[i]!.dec(r);
      return a;
    },
  };
}
