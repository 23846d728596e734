// SMT arrays may be infinite; kspec's sets and maps are not. When a model gives a Set- or
// Map-valued symbol an infinite value, these assertions pin it to its listed (finite) part; if
// the obligation is still satisfiable with them, that model is a counterexample made only of
// kspec values.
import type { Program, Type } from '../ir/index.js';
import { intLiteral, quoted, SortRegistry, stringLiteral, SYM } from '../smt/index.js';
import { Model, type SmtValue } from './model.js';
import type { ModelReading } from './types.js';

const bare = (quotedSymbol: string): string => quotedSymbol.slice(1, -1);

class TermWriter {
  readonly sorts: SortRegistry;
  constructor(private readonly program: Program) {
    this.sorts = new SortRegistry(program);
  }

  /** the value as an SMT term, with every array made finite; undefined when not expressible */
  term(v: SmtValue, t: Type): string | undefined {
    switch (v.k) {
      case 'int':
        return intLiteral(v.v);
      case 'bool':
        return v.v ? 'true' : 'false';
      case 'str':
        return v.symbol ?? stringLiteral(v.v);
      case 'seq': {
        if (t.kind !== 'seq') return undefined;
        if (v.elems.length === 0) return `(as seq.empty ${this.sorts.sort(t)})`;
        const parts = v.elems.map((x) => this.term(x, t.elem));
        if (parts.some((p) => p === undefined)) return undefined;
        return parts.length === 1 ? `(seq.unit ${parts[0]})` : `(seq.++ ${parts.map((p) => `(seq.unit ${p})`).join(' ')})`;
      }
      case 'array':
        return this.finiteArray(v, t);
      case 'dt': {
        const fields = this.fieldTypes(v.ctor, t);
        if (!fields || fields.length !== v.args.length) return undefined;
        const args = v.args.map((x, i) => this.term(x, fields[i]!));
        if (args.some((a) => a === undefined)) return undefined;
        return args.length === 0 ? quoted(v.ctor) : `(${quoted(v.ctor)} ${args.join(' ')})`;
      }
      default:
        return undefined;
    }
  }

  finiteArray(v: Extract<SmtValue, { k: 'array' }>, t: Type): string | undefined {
    if (t.kind === 'set') {
      let acc = `((as const ${this.sorts.sort(t)}) false)`;
      for (const [k, b] of v.entries) {
        if (b.k !== 'bool' || !b.v) continue;
        const key = this.term(k, t.elem);
        if (key === undefined) return undefined;
        acc = `(store ${acc} ${key} true)`;
      }
      return acc;
    }
    if (t.kind === 'map') {
      const opt = this.sorts.option(t.value);
      let acc = `((as const ${this.sorts.sort(t)}) ${opt.none})`;
      for (const [k, o] of v.entries) {
        if (o.k !== 'dt' || o.ctor !== bare(opt.some)) continue;
        const key = this.term(k, t.key);
        const value = this.term(o.args[0]!, t.value);
        if (key === undefined || value === undefined) return undefined;
        acc = `(store ${acc} ${key} (${opt.some} ${value}))`;
      }
      return acc;
    }
    return undefined;
  }

  private fieldTypes(ctor: string, t: Type): readonly Type[] | undefined {
    switch (t.kind) {
      case 'option': {
        const opt = this.sorts.option(t.elem);
        return ctor === bare(opt.some) ? [t.elem] : ctor === bare(opt.none) ? [] : undefined;
      }
      case 'tuple':
        return t.elems;
      case 'record':
        return this.program.records.get(t.name)?.fields.map((f) => f.type);
      case 'enum':
        return this.program.enums.get(t.name)?.ctors.find((c) => bare(SYM.enumCtor(t.name, c.name)) === ctor)?.fields.map((f) => f.type);
      default:
        return undefined;
    }
  }
}

function isInfinite(v: SmtValue, t: Type, writer: TermWriter): boolean {
  if (v.k !== 'array') return false;
  if (t.kind === 'set') return !(v.dflt?.k === 'bool' && !v.dflt.v);
  if (t.kind === 'map') return !(v.dflt?.k === 'dt' && v.dflt.ctor === bare(writer.sorts.option(t.value).none));
  return false;
}

/** `(= symbol finite-value)` for every Set/Map symbol of the reading that the model made infinite */
export function finiteRefinement(program: Program, reading: ModelReading, modelText: string): string[] {
  const model = new Model(modelText);
  const writer = new TermWriter(program);
  const symbols: [string, Type][] = [...program.consts.values()].map((c) => [SYM.constant(c.name), c.type]);
  const machine = reading.machine ? program.machines.get(reading.machine) : undefined;
  for (const v of machine?.vars ?? []) for (const s of [0, 1]) symbols.push([SYM.variable(s, machine!.name, v.name), v.type]);
  for (const { binder, symbol } of [...reading.params, ...reading.witnesses]) symbols.push([symbol, binder.type]);
  const out: string[] = [];
  for (const [symbol, type] of symbols) {
    const v = model.value(bare(symbol));
    if (!v || !isInfinite(v, type, writer) || v.k !== 'array') continue;
    const finite = writer.finiteArray(v, type);
    if (finite !== undefined) out.push(`(assert (= ${symbol} ${finite}))`);
  }
  return out;
}
