// Model values as kspec values (guided by the kspec type of what they denote), and their kspec
// syntax. Collections the model leaves infinite or partly unknown are marked incomplete.
import type { Program, Type } from '../ir/index.js';
import { shortName } from '../ir/index.js';
import { SortRegistry, SYM } from '../smt/index.js';
import type { SmtValue } from './model.js';

export type KValue =
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'seq'; readonly elems: readonly KValue[] }
  /**
   * `complete` false: the model's set is infinite or not fully known; `elems` are some members.
   * `excluded`: the set holds every value but these (a model may leave a set unconstrained).
   */
  | { readonly kind: 'set'; readonly elems: readonly KValue[]; readonly complete: boolean; readonly excluded?: readonly KValue[] }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [KValue, KValue])[]; readonly complete: boolean }
  | { readonly kind: 'option'; readonly value?: KValue }
  | { readonly kind: 'tuple'; readonly elems: readonly KValue[] }
  | { readonly kind: 'record'; readonly name: string; readonly fields: readonly (readonly [string, KValue])[] }
  | { readonly kind: 'enum'; readonly name: string; readonly ctor: string; readonly args: readonly KValue[] }
  /** an element of an abstract type, or something the model did not make concrete */
  | { readonly kind: 'opaque'; readonly text: string };

const bare = (quotedSymbol: string): string => quotedSymbol.slice(1, -1);

/** An element of an uninterpreted sort (`Sort!val!3`) as `kind#3`; other text as it is. */
function element(text: string, kind: string): KValue {
  const index = /!val!(\d+)$/.exec(text)?.[1];
  return { kind: 'opaque', text: index !== undefined ? `${kind}#${index}` : text };
}

export class ValueReader {
  private readonly sorts: SortRegistry;

  constructor(private readonly program: Program) {
    this.sorts = new SortRegistry(program);
  }

  read(v: SmtValue, t: Type): KValue {
    const opaque = (): KValue => ({ kind: 'opaque', text: v.k === 'opaque' ? v.text : v.k === 'dt' ? v.ctor : 'unknown' });
    switch (t.kind) {
      case 'bool':
        return v.k === 'bool' ? { kind: 'bool', value: v.v } : opaque();
      case 'int':
        return v.k === 'int' ? { kind: 'int', value: v.v } : opaque();
      case 'string':
        // A string the model names but the spec does not (strings are uninterpreted unless measured).
        return v.k === 'str' ? { kind: 'string', value: v.v } : v.k === 'opaque' ? element(v.text, 'string') : opaque();
      case 'seq':
        return v.k === 'seq' ? { kind: 'seq', elems: v.elems.map((x) => this.read(x, t.elem)) } : opaque();
      case 'set': {
        if (v.k !== 'array') return opaque();
        const elems = v.entries.filter(([, b]) => b.k === 'bool' && b.v).map(([x]) => this.read(x, t.elem));
        if (v.dflt?.k === 'bool' && v.dflt.v) {
          const excluded = v.entries.filter(([, b]) => b.k === 'bool' && !b.v).map(([x]) => this.read(x, t.elem));
          return { kind: 'set', elems, complete: false, excluded };
        }
        return { kind: 'set', elems, complete: v.dflt?.k === 'bool' && !v.dflt.v };
      }
      case 'map': {
        if (v.k !== 'array') return opaque();
        const opt = this.sorts.option(t.value);
        const entries = v.entries.flatMap(([k, o]) => (o.k === 'dt' && o.ctor === bare(opt.some) ? [[this.read(k, t.key), this.read(o.args[0]!, t.value)] as const] : []));
        return { kind: 'map', entries, complete: v.dflt?.k === 'dt' && v.dflt.ctor === bare(opt.none) };
      }
      case 'option': {
        const opt = this.sorts.option(t.elem);
        if (v.k === 'dt' && v.ctor === bare(opt.none)) return { kind: 'option' };
        if (v.k === 'dt' && v.ctor === bare(opt.some)) return { kind: 'option', value: this.read(v.args[0]!, t.elem) };
        return opaque();
      }
      case 'tuple':
        return v.k === 'dt' ? { kind: 'tuple', elems: v.args.map((x, i) => this.read(x, t.elems[i]!)) } : opaque();
      case 'record': {
        const decl = this.program.records.get(t.name);
        if (!decl || v.k !== 'dt') return opaque();
        return { kind: 'record', name: t.name, fields: decl.fields.map((f, i) => [f.name, v.args[i] ? this.read(v.args[i]!, f.type) : opaque()] as const) };
      }
      case 'enum': {
        const ctor = this.program.enums.get(t.name)?.ctors.find((c) => v.k === 'dt' && bare(SYM.enumCtor(t.name, c.name)) === v.ctor);
        if (!ctor || v.k !== 'dt') return opaque();
        return { kind: 'enum', name: t.name, ctor: ctor.name, args: ctor.fields.map((f, i) => (v.args[i] ? this.read(v.args[i]!, f.type) : opaque())) };
      }
      case 'abstract':
        return element(v.k === 'opaque' ? v.text : v.k === 'dt' ? v.ctor : 'unknown', shortName(t.name));
      case 'fn':
        return opaque();
    }
  }
}

/** kspec syntax; incomplete collections are shown in angle brackets, as they are not kspec values */
export function printValue(v: KValue): string {
  switch (v.kind) {
    case 'bool':
    case 'int':
      return String(v.value);
    case 'string':
      return JSON.stringify(v.value);
    case 'seq':
      return `[${v.elems.map(printValue).join(', ')}]`;
    case 'set': {
      const body = `{${v.elems.map(printValue).join(', ')}}`;
      if (v.excluded) return `<every value but {${v.excluded.map(printValue).join(', ')}}>`;
      return v.complete ? body : `<an infinite set containing ${body}>`;
    }
    case 'map': {
      const body = v.entries.length === 0 ? 'Map {}' : `Map {${v.entries.map(([k, x]) => `${printValue(k)}: ${printValue(x)}`).join(', ')}}`;
      return v.complete ? body : `<an infinite map extending ${body}>`;
    }
    case 'option':
      return v.value === undefined ? 'None' : `Some(${printValue(v.value)})`;
    case 'tuple':
      return `(${v.elems.map(printValue).join(', ')})`;
    case 'record':
      return `${shortName(v.name)} { ${v.fields.map(([f, x]) => `${f}: ${printValue(x)}`).join(', ')} }`;
    case 'enum':
      return v.args.length === 0 ? v.ctor : `${v.ctor}(${v.args.map(printValue).join(', ')})`;
    case 'opaque':
      return `<${v.text}>`;
  }
}
