// Type helpers private to the checker. ERROR_TYPE stands for "already reported": it is
// compatible with every type, so one mistake is reported once instead of cascading. It never
// reaches a Program, because a Program is only produced when there are no errors.
import { typeEquals, typeToString, type Level, type Type, LEVEL_ORDER } from '../ir/index.js';

export const ERROR_TYPE: Type = { kind: 'abstract', name: '?error' };

export function isError(t: Type): boolean {
  return t === ERROR_TYPE;
}

/** Equal up to ERROR_TYPE, which matches anything. */
export function compatible(a: Type, b: Type): boolean {
  return typeEquals(a, b, isError);
}

/** Prefer the type that carries more information (not ERROR_TYPE). */
export function join(a: Type, b: Type): Type {
  return a === ERROR_TYPE ? b : a;
}

export function show(t: Type): string {
  return typeToString(t).replace(/\?error/g, '?');
}

/**
 * Two types for one message. When they print the same although they differ (`Obj` of a generic
 * module and `Obj` of its instance), names are qualified, relative to module `from`.
 */
export function showApart(a: Type, b: Type, from: string): [string, string] {
  const [sa, sb] = [show(a), show(b)];
  if (sa !== sb) return [sa, sb];
  const relative = (t: Type): string => typeToString(renameNamed(t, (n) => (n.startsWith(`${from}.`) ? n.slice(from.length + 1) : n)), true).replace(/\?error/g, '?');
  return [relative(a), relative(b)];
}

function renameNamed(t: Type, rename: (name: string) => string): Type {
  switch (t.kind) {
    case 'record':
    case 'enum':
    case 'abstract':
      return t === ERROR_TYPE ? t : { kind: t.kind, name: rename(t.name) };
    case 'seq':
    case 'set':
    case 'option':
      return { kind: t.kind, elem: renameNamed(t.elem, rename) };
    case 'map':
      return { kind: 'map', key: renameNamed(t.key, rename), value: renameNamed(t.value, rename) };
    case 'tuple':
      return { kind: 'tuple', elems: t.elems.map((e) => renameNamed(e, rename)) };
    case 'fn':
      return { kind: 'fn', params: t.params.map((p) => renameNamed(p, rename)), result: renameNamed(t.result, rename) };
    default:
      return t;
  }
}

export function maxLevel(a: Level, b: Level): Level {
  return LEVEL_ORDER[a] >= LEVEL_ORDER[b] ? a : b;
}

export function exceeds(level: Level, limit: Level): boolean {
  return LEVEL_ORDER[level] > LEVEL_ORDER[limit];
}

export function levelWord(level: Level): string {
  return level === 'constant' ? 'constant-level' : `${level}-level`;
}
