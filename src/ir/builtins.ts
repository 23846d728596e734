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
