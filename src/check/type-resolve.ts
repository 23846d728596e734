// Type expressions → IR types. `Pred`, `Action` and `Formula` are Bool formulas of a level, allowed
// only for parameters and def results; function types only for lemma parameters.
import type * as A from '../syntax/ast.js';
import { BOOL, INT, STRING, type Level, type Type } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import { ERROR_TYPE } from './typing.js';
import { PREDEFINED_TYPES, kindWord } from './symbols.js';

export type TypeMode = 'plain' | 'formula' | 'schematic';

const FORMULA_LEVELS: Readonly<Record<string, Level>> = { Pred: 'state', Action: 'action', Formula: 'temporal' };

export function resolveTypeExpr(mc: ModuleChecker, te: A.TypeExpr, mode: TypeMode): { type: Type; level?: Level } {
  switch (te.kind) {
    case 'tuple':
      return { type: { kind: 'tuple', elems: te.elems.map((e) => mc.resolveType(e)) } };
    case 'fn': {
      if (mode !== 'schematic') {
        mc.diags.error('KSP056', 'function types are only allowed for lemma parameters', te.span);
        return { type: ERROR_TYPE };
      }
      const params = te.params.map((p) => mc.resolveType(p));
      const result = resolveTypeExpr(mc, te.result, 'formula');
      return { type: { kind: 'fn', params, result: result.type }, level: result.level ?? 'constant' };
    }
    case 'named':
      return namedType(mc, te, mode);
  }
}

function namedType(mc: ModuleChecker, te: Extract<A.TypeExpr, { kind: 'named' }>, mode: TypeMode): { type: Type; level?: Level } {
  const parts = te.path.parts;
  if (parts.length === 0) return { type: ERROR_TYPE }; // lost to a syntax error
  const head = parts[0]!.text;
  if (parts.length === 1 && PREDEFINED_TYPES.has(head)) {
    const arity = head === 'Map' ? 2 : head === 'Seq' || head === 'Set' || head === 'Option' ? 1 : 0;
    if (te.args.length !== arity) {
      const want = arity === 0 ? 'takes no type arguments' : `takes ${arity} type argument${arity > 1 ? 's' : ''}`;
      mc.diags.error('KSP052', `\`${head}\` ${want}, but ${te.args.length} ${te.args.length === 1 ? 'was' : 'were'} given`, te.span);
      return { type: ERROR_TYPE };
    }
    const args = te.args.map((a) => mc.resolveType(a));
    switch (head) {
      case 'Bool':
        return { type: BOOL };
      case 'Int':
        return { type: INT };
      case 'String':
        return { type: STRING };
      case 'Seq':
        return { type: { kind: 'seq', elem: args[0]! } };
      case 'Set':
        return { type: { kind: 'set', elem: args[0]! } };
      case 'Option':
        return { type: { kind: 'option', elem: args[0]! } };
      case 'Map':
        return { type: { kind: 'map', key: args[0]!, value: args[1]! } };
      default:
        if (mode === 'plain') {
          mc.diags.error('KSP056', `\`${head}\` is only allowed as the type of a lemma or def parameter or of a def's result`, te.span);
          return { type: ERROR_TYPE };
        }
        return { type: BOOL, level: FORMULA_LEVELS[head]! };
    }
  }
  const r = mc.resolvePath(parts);
  if (!r || r.kind === 'silent') return { type: ERROR_TYPE };
  if (r.kind === 'ctor' || r.consumed < parts.length) {
    mc.diags.error('KSP027', `\`${parts.map((p) => p.text).join('.')}\` is not a type`, te.path.span);
    return { type: ERROR_TYPE };
  }
  const sym = r.sym;
  let type: Type;
  switch (sym.kind) {
    case 'record':
      type = { kind: 'record', name: sym.qname };
      break;
    case 'enum':
      type = { kind: 'enum', name: sym.qname };
      break;
    case 'alias':
      type = r.module.aliasType(sym);
      break;
    case 'abstractType':
      type = { kind: 'abstract', name: sym.qname };
      break;
    case 'boundType':
      mc.boundUses++;
      type = sym.type;
      break;
    default:
      mc.diags.error('KSP027', `\`${sym.name.text}\` is ${kindWord(sym)}, not a type`, te.path.span);
      return { type: ERROR_TYPE };
  }
  if (te.args.length > 0) {
    mc.diags.error('KSP052', `\`${sym.name.text}\` takes no type arguments`, te.span);
    return { type: ERROR_TYPE };
  }
  return { type };
}
