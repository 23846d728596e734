// Values printed as kspec expressions (for traces), directed by their type.
import type { Program, Type } from '../ir/index.js';
import { shortName } from '../ir/index.js';
import { KMap, type Value } from './value.js';

export function showValue(v: Value, type: Type, program: Program): string {
  switch (type.kind) {
    case 'bool':
    case 'int':
      return String(v);
    case 'string':
      return JSON.stringify(v);
    case 'seq':
      return `[${(v as readonly Value[]).map((x) => showValue(x, type.elem, program)).join(', ')}]`;
    case 'set':
      return `{${(v as readonly Value[]).map((x) => showValue(x, type.elem, program)).join(', ')}}`;
    case 'map': {
      const m = v as KMap;
      const entries = m.keys.map((k, i) => `${showValue(k, type.key, program)}: ${showValue(m.vals[i]!, type.value, program)}`);
      return entries.length === 0 ? 'Map {}' : `Map {${entries.join(', ')}}`;
    }
    case 'option':
      return v === null ? 'None' : `Some(${showValue((v as readonly Value[])[0]!, type.elem, program)})`;
    case 'tuple':
      return `(${(v as readonly Value[]).map((x, i) => showValue(x, type.elems[i]!, program)).join(', ')})`;
    case 'record': {
      const decl = program.records.get(type.name);
      const a = v as readonly Value[];
      const fields = decl?.fields.map((f, i) => `${f.name}: ${showValue(a[i]!, f.type, program)}`) ?? [];
      return `${shortName(type.name)} { ${fields.join(', ')} }`;
    }
    case 'enum': {
      if (typeof v === 'number') return program.enums.get(type.name)?.ctors[v]?.name ?? '?';
      const a = v as readonly Value[];
      const ctor = program.enums.get(type.name)?.ctors[a[0] as number];
      if (!ctor) return '?';
      if (ctor.fields.length === 0) return ctor.name;
      return `${ctor.name}(${ctor.fields.map((f, i) => showValue(a[i + 1]!, f.type, program)).join(', ')})`;
    }
    case 'abstract':
    case 'fn':
      return '?';
  }
}
