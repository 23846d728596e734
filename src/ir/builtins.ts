import type { BuiltinOp } from './types.js';

/** How each built-in is written in kspec, for messages, printing and documentation. */
export const BUILTIN_SYNTAX: Readonly<Record<BuiltinOp, string>> = {
  'seq.len': 's.len()',
  'seq.index': 's[i]',
  'seq.push': 's.push(x)',
  'seq.concat': 's ++ t',
  'seq.contains': 's.contains(x)',
  'set.in': 'x in S',
  'set.add': 'S.add(x)',
  'set.remove': 'S.remove(x)',
  'set.union': 'S.union(T)',
  'set.intersect': 'S.intersect(T)',
  'set.minus': 'S.minus(T)',
  'set.subset': 'S.subset(T)',
  'set.size': 'S.size()',
  'set.range': 'a..b',
  'map.in': 'k in m',
  'map.index': 'm[k]',
  'map.get': 'm.get(k)',
  'map.insert': 'm.insert(k, v)',
  'map.remove': 'm.remove(k)',
  'map.keys': 'm.keys()',
  'string.len': 's.len()',
  'string.concat': 's ++ t',
};

/**
 * Operations whose value is unspecified on part of their domain: proofs may conclude nothing
 * about that value, and the model checker reports reaching it as an error.
 */
export const PARTIAL_BUILTINS: ReadonlySet<BuiltinOp> = new Set<BuiltinOp>(['seq.index', 'map.index']);

/**
 * Argument and result types of each built-in, in kspec notation (`T`, `K`, `V` are the element,
 * key and value types). Arguments are in the order they are written in BUILTIN_SYNTAX: the
 * receiver of a method first, `x in S` as [x, S], `k in m` as [k, m].
 */
export const BUILTIN_SIGNATURES: Readonly<Record<BuiltinOp, { readonly args: readonly string[]; readonly result: string }>> = {
  'seq.len': { args: ['Seq<T>'], result: 'Int' },
  'seq.index': { args: ['Seq<T>', 'Int'], result: 'T' },
  'seq.push': { args: ['Seq<T>', 'T'], result: 'Seq<T>' },
  'seq.concat': { args: ['Seq<T>', 'Seq<T>'], result: 'Seq<T>' },
  'seq.contains': { args: ['Seq<T>', 'T'], result: 'Bool' },
  'set.in': { args: ['T', 'Set<T>'], result: 'Bool' },
  'set.add': { args: ['Set<T>', 'T'], result: 'Set<T>' },
  'set.remove': { args: ['Set<T>', 'T'], result: 'Set<T>' },
  'set.union': { args: ['Set<T>', 'Set<T>'], result: 'Set<T>' },
  'set.intersect': { args: ['Set<T>', 'Set<T>'], result: 'Set<T>' },
  'set.minus': { args: ['Set<T>', 'Set<T>'], result: 'Set<T>' },
  'set.subset': { args: ['Set<T>', 'Set<T>'], result: 'Bool' },
  'set.size': { args: ['Set<T>'], result: 'Int' },
  'set.range': { args: ['Int', 'Int'], result: 'Set<Int>' },
  'map.in': { args: ['K', 'Map<K, V>'], result: 'Bool' },
  'map.index': { args: ['Map<K, V>', 'K'], result: 'V' },
  'map.get': { args: ['Map<K, V>', 'K'], result: 'Option<V>' },
  'map.insert': { args: ['Map<K, V>', 'K', 'V'], result: 'Map<K, V>' },
  'map.remove': { args: ['Map<K, V>', 'K'], result: 'Map<K, V>' },
  'map.keys': { args: ['Map<K, V>'], result: 'Set<K>' },
  'string.len': { args: ['String'], result: 'Int' },
  'string.concat': { args: ['String', 'String'], result: 'String' },
};
