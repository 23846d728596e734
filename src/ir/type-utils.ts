import type { Program, Type } from './types.js';

export const BOOL: Type = { kind: 'bool' };
export const INT: Type = { kind: 'int' };
export const STRING: Type = { kind: 'string' };

/**
 * Structural equality. `wildcard` marks types that equal anything (the checker's "already
 * reported" error type), so one comparison serves both the checker and the back ends.
 */
export function typeEquals(a: Type, b: Type, wildcard?: (t: Type) => boolean): boolean {
  if (wildcard && (wildcard(a) || wildcard(b))) return true;
  const eq = (x: Type, y: Type) => typeEquals(x, y, wildcard);
  switch (a.kind) {
    case 'bool':
    case 'int':
    case 'string':
      return b.kind === a.kind;
    case 'seq':
    case 'set':
    case 'option':
      return b.kind === a.kind && eq(a.elem, (b as typeof a).elem);
    case 'map':
      return b.kind === 'map' && eq(a.key, b.key) && eq(a.value, b.value);
    case 'tuple':
      return b.kind === 'tuple' && a.elems.length === b.elems.length && a.elems.every((t, i) => eq(t, b.elems[i]!));
    case 'record':
    case 'enum':
    case 'abstract':
      return b.kind === a.kind && a.name === (b as typeof a).name;
    case 'fn':
      return (
        b.kind === 'fn' &&
        a.params.length === b.params.length &&
        a.params.every((t, i) => eq(t, b.params[i]!)) &&
        eq(a.result, b.result)
      );
  }
}

/** The last segment of a qualified name, as users wrote it. */
export function shortName(qname: string): string {
  const dot = qname.lastIndexOf('.');
  return dot < 0 ? qname : qname.slice(dot + 1);
}

/** kspec syntax for a type; declared types print by their short name unless `qualified`. */
export function typeToString(t: Type, qualified = false): string {
  const name = (n: string) => (qualified ? n : shortName(n));
  switch (t.kind) {
    case 'bool':
      return 'Bool';
    case 'int':
      return 'Int';
    case 'string':
      return 'String';
    case 'seq':
      return `Seq<${typeToString(t.elem, qualified)}>`;
    case 'set':
      return `Set<${typeToString(t.elem, qualified)}>`;
    case 'option':
      return `Option<${typeToString(t.elem, qualified)}>`;
    case 'map':
      return `Map<${typeToString(t.key, qualified)}, ${typeToString(t.value, qualified)}>`;
    case 'tuple':
      return `(${t.elems.map((e) => typeToString(e, qualified)).join(', ')})`;
    case 'record':
    case 'enum':
    case 'abstract':
      return name(t.name);
    case 'fn': {
      const params = t.params.map((p) => typeToString(p, qualified));
      const lhs = params.length === 1 ? params[0]! : `(${params.join(', ')})`;
      return `${lhs} -> ${typeToString(t.result, qualified)}`;
    }
  }
}

/** Whether values of type t may hold a Set or a Map (SMT arrays, which include infinite ones). */
export function holdsCollection(t: Type, decls: Pick<Program, 'records' | 'enums'>, seen: Set<string> = new Set()): boolean {
  switch (t.kind) {
    case 'set':
    case 'map':
      return true;
    case 'seq':
    case 'option':
      return holdsCollection(t.elem, decls, seen);
    case 'tuple':
      return t.elems.some((x) => holdsCollection(x, decls, seen));
    case 'record': {
      if (seen.has(t.name)) return false;
      seen.add(t.name);
      return (decls.records.get(t.name)?.fields ?? []).some((f) => holdsCollection(f.type, decls, seen));
    }
    case 'enum': {
      if (seen.has(t.name)) return false;
      seen.add(t.name);
      return (decls.enums.get(t.name)?.ctors ?? []).some((c) => c.fields.some((f) => holdsCollection(f.type, decls, seen)));
    }
    default:
      return false;
  }
}
