// SMT sorts for kspec types. Records, enums, options and tuples become datatypes (options and
// tuples monomorphised per element type); Set<T> is (Array T Bool); Map<K, V> is
// (Array K Option<V>), so `k in m`, `m.get(k)`, insert and remove are exact and two maps are equal
// exactly when they agree on domain and values (no junk outside the domain to tell them apart).
import type { Program, Type } from '../ir/index.js';
import { escapeName, quoted, SYM } from './names.js';

interface Field {
  readonly name: string;
  readonly type: Type;
}

interface Ctor {
  readonly symbol: string;
  readonly fields: readonly { readonly symbol: string; readonly type: Type }[];
}

interface Datatype {
  readonly key: string;
  readonly sort: string;
  readonly ctors: readonly Ctor[];
}

export interface OptionSymbols {
  readonly sort: string;
  readonly none: string;
  readonly some: string;
  readonly value: string;
}

/** What registering one datatype adds: itself and everything its fields need, transitively. */
interface Closure {
  readonly datatypes: readonly Datatype[];
  readonly abstracts: readonly string[];
}

/**
 * Per program: the closure of each datatype and the declarations of each set of sorts. Both are
 * functions of the program alone (a key spells its type injectively), and every obligation of a
 * program asks for the same few, so each is computed once.
 */
interface ProgramSorts {
  readonly closures: Map<string, Closure>;
  readonly declarations: Map<string, readonly string[]>;
}

const programSorts = new WeakMap<Program, ProgramSorts>();

function sortsOf(program: Program): ProgramSorts {
  let cached = programSorts.get(program);
  if (!cached) {
    cached = { closures: new Map(), declarations: new Map() };
    programSorts.set(program, cached);
  }
  return cached;
}

export class SortRegistry {
  private readonly datatypes = new Map<string, Datatype>();
  private readonly abstracts = new Set<string>();
  private readonly cache: ProgramSorts;

  /** `scratch`: computes a closure from scratch, without the program's cache */
  constructor(
    private readonly program: Program,
    private readonly scratch = false,
  ) {
    this.cache = sortsOf(program);
  }

  /** a stable, injective spelling of a type, used inside generated symbols */
  key(t: Type): string {
    switch (t.kind) {
      case 'bool':
        return 'Bool';
      case 'int':
        return 'Int';
      case 'string':
        return 'String';
      case 'seq':
        return `Seq<${this.key(t.elem)}>`;
      case 'set':
        return `Set<${this.key(t.elem)}>`;
      case 'map':
        return `Map<${this.key(t.key)},${this.key(t.value)}>`;
      case 'option':
        return `Opt<${this.key(t.elem)}>`;
      case 'tuple':
        return `Tup<${t.elems.map((e) => this.key(e)).join(',')}>`;
      case 'record':
        return `R:${escapeName(t.name)}`;
      case 'enum':
        return `E:${escapeName(t.name)}`;
      case 'abstract':
        return `A:${escapeName(t.name)}`;
      case 'fn':
        return `Fn<${t.params.map((p) => this.key(p)).join(',')}:${this.key(t.result)}>`;
    }
  }

  /** the SMT sort of a type, registering every datatype it needs */
  sort(t: Type): string {
    switch (t.kind) {
      case 'bool':
        return 'Bool';
      case 'int':
        return 'Int';
      case 'string':
        return SYM.stringSort;
      case 'seq':
        return `(Seq ${this.sort(t.elem)})`;
      case 'set':
        return `(Array ${this.sort(t.elem)} Bool)`;
      case 'map':
        return `(Array ${this.sort(t.key)} ${this.option(t.value).sort})`;
      case 'option':
        return this.option(t.elem).sort;
      case 'tuple':
        return this.tuple(t.elems).sort;
      case 'record':
        return this.record(t.name);
      case 'enum':
        return this.enumSort(t.name);
      case 'abstract':
        this.abstracts.add(t.name);
        return SYM.abstractSort(t.name);
      case 'fn':
        throw new Error('function types have no sort; they are declared as functions');
    }
  }

  option(elem: Type): OptionSymbols {
    const key = `Opt<${this.key(elem)}>`;
    const names = { sort: quoted(key), none: quoted(`${key}:None`), some: quoted(`${key}:Some`), value: quoted(`${key}:val`) };
    this.register(key, names.sort, () => [
      { symbol: names.none, fields: [] },
      { symbol: names.some, fields: [{ symbol: names.value, type: elem }] },
    ]);
    return names;
  }

  tuple(elems: readonly Type[]): { sort: string; ctor: string; fields: string[] } {
    const key = `Tup<${elems.map((e) => this.key(e)).join(',')}>`;
    const fields = elems.map((_, i) => quoted(`${key}:${i}`));
    const names = { sort: quoted(key), ctor: quoted(`${key}:mk`), fields };
    this.register(key, names.sort, () => [{ symbol: names.ctor, fields: elems.map((type, i) => ({ symbol: fields[i]!, type })) }]);
    return names;
  }

  private record(q: string): string {
    const sort = SYM.record(q);
    this.register(`R:${escapeName(q)}`, sort, () => {
      const decl = this.program.records.get(q);
      if (!decl) throw new Error(`unknown record ${q}`);
      return [{ symbol: SYM.recordCtor(q), fields: decl.fields.map((f: Field) => ({ symbol: SYM.recordField(q, f.name), type: f.type })) }];
    });
    return sort;
  }

  private enumSort(q: string): string {
    const sort = SYM.enumSort(q);
    this.register(`E:${escapeName(q)}`, sort, () => {
      const decl = this.program.enums.get(q);
      if (!decl) throw new Error(`unknown enum ${q}`);
      return decl.ctors.map((c) => ({
        symbol: SYM.enumCtor(q, c.name),
        fields: c.fields.map((f) => ({ symbol: SYM.enumField(q, c.name, f.name), type: f.type })),
      }));
    });
    return sort;
  }

  /**
   * Adds the datatype and its closure. The set registered is always closed under field types, so
   * adding a whole closure at once yields the same set as registering field by field.
   */
  private register(key: string, sort: string, ctors: () => Ctor[]): void {
    if (this.datatypes.has(key)) return;
    if (this.scratch) return this.registerFieldByField(key, sort, ctors);
    let closure = this.cache.closures.get(key);
    if (!closure) {
      const fresh = new SortRegistry(this.program, true);
      fresh.registerFieldByField(key, sort, ctors);
      closure = { datatypes: [...fresh.datatypes.values()], abstracts: [...fresh.abstracts] };
      this.cache.closures.set(key, closure);
    }
    for (const d of closure.datatypes) if (!this.datatypes.has(d.key)) this.datatypes.set(d.key, d);
    for (const a of closure.abstracts) this.abstracts.add(a);
  }

  /** registers before visiting the fields, so recursive types terminate */
  private registerFieldByField(key: string, sort: string, ctors: () => Ctor[]): void {
    if (this.datatypes.has(key)) return;
    const placeholder: Datatype = { key, sort, ctors: [] };
    this.datatypes.set(key, placeholder);
    const built = ctors();
    this.datatypes.set(key, { key, sort, ctors: built });
    for (const c of built) for (const f of c.fields) this.sort(f.type);
  }

  /** Adds everything `other` registered (both are closed under field types, so is the union). */
  absorb(other: SortRegistry): void {
    for (const [key, d] of other.datatypes) if (!this.datatypes.has(key)) this.datatypes.set(key, d);
    for (const a of other.abstracts) this.abstracts.add(a);
  }

  /** datatype keys a field of this type depends on directly */
  private datatypeDeps(t: Type, out: Set<string>): void {
    switch (t.kind) {
      case 'seq':
      case 'set':
        this.datatypeDeps(t.elem, out);
        return;
      case 'map':
        this.datatypeDeps(t.key, out);
        out.add(`Opt<${this.key(t.value)}>`);
        return;
      case 'option':
      case 'tuple':
      case 'record':
      case 'enum':
        out.add(this.key(t));
        return;
      default:
        return;
    }
  }

  /** declare-sort and declare-datatypes commands, each group after the groups it depends on */
  declarations(): string[] {
    const abstracts = [...this.abstracts].sort();
    const keys = [...this.datatypes.keys()].sort();
    const id = JSON.stringify([abstracts, keys]);
    let out = this.cache.declarations.get(id);
    if (!out) {
      out = this.renderDeclarations(abstracts, keys);
      this.cache.declarations.set(id, out);
    }
    return [...out];
  }

  private renderDeclarations(abstracts: readonly string[], keys: readonly string[]): string[] {
    const out = abstracts.map((q) => `(declare-sort ${SYM.abstractSort(q)} 0)`);
    const deps = new Map<string, string[]>();
    for (const key of keys) {
      const set = new Set<string>();
      for (const c of this.datatypes.get(key)!.ctors) for (const f of c.fields) this.datatypeDeps(f.type, set);
      deps.set(key, [...set].sort());
    }
    for (const group of stronglyConnected(keys, (k) => deps.get(k) ?? [])) {
      const dts = group.map((k) => this.datatypes.get(k)!);
      const heads = dts.map((d) => `(${d.sort} 0)`).join(' ');
      const bodies = dts
        .map((d) => `(${d.ctors.map((c) => (c.fields.length === 0 ? `(${c.symbol})` : `(${c.symbol} ${c.fields.map((f) => `(${f.symbol} ${this.sort(f.type)})`).join(' ')})`)).join(' ')})`)
        .join(' ');
      out.push(`(declare-datatypes (${heads}) (${bodies}))`);
    }
    return out;
  }
}

/** Tarjan: components come out dependencies first; members keep the input order */
export function stronglyConnected(nodes: readonly string[], edges: (n: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  const order = new Map(nodes.map((n, i) => [n, i]));
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!order.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      result.push(group.sort((a, b) => order.get(a)! - order.get(b)!));
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return result;
}
