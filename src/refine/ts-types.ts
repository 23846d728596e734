// TypeScript type annotations read as kspec types, for the names `kproof codegen` gives them
// (`bigint`, `readonly T[]`, `ReadonlySet<T>`, `T | undefined`, records, enums, `M$State`).
import ts from 'typescript';
import type { Type } from '../ir/index.js';

/** what an annotation says: a kspec type, `number` (which no kspec type is), or nothing we know */
export type Annotated = { readonly kind: 'type'; readonly type: Type } | { readonly kind: 'number' } | { readonly kind: 'unknown' };

const UNKNOWN: Annotated = { kind: 'unknown' };

export function readAnnotation(node: ts.TypeNode | undefined, named: ReadonlyMap<string, Type>): Annotated {
  if (!node) return UNKNOWN;
  const t = (n: ts.TypeNode | undefined): Type | undefined => {
    const a = readAnnotation(n, named);
    return a.kind === 'type' ? a.type : undefined;
  };
  const ok = (type: Type | undefined): Annotated => (type ? { kind: 'type', type } : UNKNOWN);
  switch (node.kind) {
    case ts.SyntaxKind.BigIntKeyword:
      return ok({ kind: 'int' });
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return ok({ kind: 'bool' });
    case ts.SyntaxKind.StringKeyword:
      return ok({ kind: 'string' });
    default:
      break;
  }
  if (ts.isParenthesizedTypeNode(node)) return readAnnotation(node.type, named);
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return readAnnotation(node.type, named);
  if (ts.isArrayTypeNode(node)) {
    const elem = t(node.elementType);
    return ok(elem && { kind: 'seq', elem });
  }
  if (ts.isTupleTypeNode(node)) {
    const elems = node.elements.map((e) => t(ts.isNamedTupleMember(e) ? e.type : e));
    return elems.every((e): e is Type => e !== undefined) ? ok({ kind: 'tuple', elems }) : UNKNOWN;
  }
  if (ts.isUnionTypeNode(node)) {
    const rest = node.types.filter((x) => x.kind !== ts.SyntaxKind.UndefinedKeyword);
    if (rest.length !== node.types.length - 1 || rest.length !== 1) return UNKNOWN;
    const only = rest[0]!;
    if (ts.isTypeReferenceNode(only) && lastName(only.typeName) === 'Some' && only.typeArguments?.length === 1) {
      const elem = t(only.typeArguments[0]);
      return ok(elem && { kind: 'option', elem });
    }
    const elem = t(only);
    return ok(elem && { kind: 'option', elem });
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = lastName(node.typeName);
    const args = node.typeArguments ?? [];
    if ((name === 'ReadonlySet' || name === 'Set') && args.length === 1) {
      const elem = t(args[0]);
      return ok(elem && { kind: 'set', elem });
    }
    if ((name === 'ReadonlyArray' || name === 'Array') && args.length === 1) {
      const elem = t(args[0]);
      return ok(elem && { kind: 'seq', elem });
    }
    if ((name === 'ReadonlyMap' || name === 'Map') && args.length === 2) {
      const key = t(args[0]);
      const value = t(args[1]);
      return ok(key && value && { kind: 'map', key, value });
    }
    return ok(named.get(name));
  }
  return UNKNOWN;
}

function lastName(n: ts.EntityName): string {
  return ts.isIdentifier(n) ? n.text : n.right.text;
}
