// Printers for modules, declarations, machines, proofs, models, instances and types.
import type { CstNode } from 'chevrotain';
import { doc, type Doc } from 'prettier';
import type { PrintContext } from './context.js';
import { assignedValue, block, braceList, bracketList, itemRefs, LINE_FOLLOWS, printItems } from './layout.js';
import { childNodes, firstNode, hasChild, isToken } from './nodes.js';

const { group, hardline, indent, join, line } = doc.builders;

export type NodePrinter = (ctx: PrintContext) => Doc;

/** Wrapper rules (`declaration`, `machineItem`, ...) print their one child. */
export function onlyChild(ctx: PrintContext): Doc {
  for (const [key, list] of Object.entries(ctx.node.children)) {
    const first = list[0];
    if (first === undefined) continue;
    return isToken(first) ? first.image : ctx.child(key);
  }
  return '';
}

/** The declaration inside a `declaration` wrapper. */
function declarationKind(declaration: CstNode): CstNode | undefined {
  return Object.values(declaration.children).flat().find((e): e is CstNode => !isToken(e));
}

/**
 * Machines, `extend` blocks, models and proved theorems always stand apart (one blank line); between two other
 * declarations the author's choice of one blank line or none is kept, so a `const` and the
 * `assume` about it, or a run of small `def`s, stay together.
 */
function standsApart(declaration: CstNode): boolean {
  const inner = declarationKind(declaration);
  if (!inner) return true;
  if (inner.name === 'machineDecl' || inner.name === 'extendDecl' || inner.name === 'modelDecl') return true;
  return inner.name === 'theoremDecl' && hasChild(inner, 'proof');
}

function moduleSeparator(previous: CstNode, next: CstNode, hadBlank: boolean): boolean {
  if (previous.name === 'moduleHeader') return true;
  if (previous.name === 'importDecl') return next.name !== 'importDecl';
  if (next.name !== 'declaration') return hadBlank;
  return hadBlank || standsApart(previous) || standsApart(next);
}

export const declarationPrinters: Readonly<Record<string, NodePrinter>> = {
  module: (ctx) => [printItems(ctx, itemRefs(ctx.node, ['moduleHeader', 'importDecl', 'declaration']), moduleSeparator), hardline],
  moduleHeader: (ctx) => ['module ', ctx.child('path')],
  importDecl: (ctx) => ['import ', ctx.child('path'), ctx.has('As') ? [' as ', ctx.token('Identifier')] : ''],
  path: (ctx) => ctx.tokens('Identifier').join('.'),
  declaration: onlyChild,

  enumDecl: (ctx) => braceList(ctx, ['enum ', ctx.token('Identifier')], ctx.all('ctorDecl', LINE_FOLLOWS), firstNode(ctx.node, 'ctorDecl')),
  ctorDecl: (ctx) => [ctx.token('Identifier'), ctx.has('LParen') ? ctx.child('paramList') : ''],
  paramList: (ctx) => bracketList('(', ctx.all('param', LINE_FOLLOWS), ')', ctx),
  param: (ctx) => [ctx.token('Identifier'), ': ', ctx.child('type')],
  recordDecl: (ctx) => braceList(ctx, ['record ', ctx.token('Identifier')], ctx.all('param', LINE_FOLLOWS), firstNode(ctx.node, 'param')),
  typeDecl: (ctx) => ['type ', ctx.token('Identifier'), ctx.has('Equals') ? [' = ', ctx.child('type')] : ''],
  constDecl: (ctx) => ['const ', ctx.token('Identifier'), ': ', ctx.child('type')],
  assumeDecl: (ctx) => group(['assume ', ctx.has('Colon') ? [ctx.token('Identifier'), ': '] : '', ctx.child('expression')]),
  defDecl: (ctx) =>
    group([
      'def ',
      ctx.token('Identifier'),
      ctx.has('LParen') ? paramsOf(ctx) : '',
      ': ',
      ctx.child('type'),
      ctx.has('decreasesClause') ? [' ', ctx.child('decreasesClause')] : '',
      ctx.has('Equals') ? assignedValue(ctx, '=') : '',
    ]),
  decreasesClause: (ctx) => ['decreases ', ctx.child('expression')],

  machineDecl: (ctx) => block(ctx, ['machine ', ctx.token('Identifier')], ['machineItem']),
  machineItem: onlyChild,
  extendDecl: (ctx) => block(ctx, ['extend ', ctx.child('path')], ['defDecl']),
  varDecl: (ctx) => ['var ', ctx.token('Identifier'), ': ', ctx.child('type')],
  initDecl: (ctx) => group(['init {', indent([line, ctx.child('expression', 0, { flatChain: true, lineFollows: true })]), line, '}']),
  actionDecl: (ctx) =>
    block(ctx, ['action ', ctx.token('Identifier'), ctx.has('LParen') ? bracketList('(', ctx.all('actionParam', LINE_FOLLOWS), ')') : ''], ['actionItem']),
  actionParam: (ctx) => [
    ctx.token('Identifier'),
    ctx.has('Colon') ? [': ', ctx.child('type')] : '',
    ctx.has('In') ? [' in ', ctx.child('expression')] : '',
  ],
  actionItem: onlyChild,
  requireStmt: (ctx) => group(['require ', ctx.child('expression')]),
  assignStmt: (ctx) => group([ctx.token('Identifier'), "'", assignedValue(ctx, '=')]),
  fairDecl: (ctx) => ['fair ', ctx.has('Weak') ? 'weak' : 'strong', ' ', ctx.token('Identifier'), ctx.child('argumentList')],

  theoremDecl: (ctx) => [
    group([
      ctx.has('Lemma') ? 'lemma ' : 'theorem ',
      ctx.token('Identifier'),
      ctx.has('LParen') ? paramsOf(ctx) : '',
      ': ',
      ctx.has('machineTarget') ? [ctx.child('machineTarget'), ' '] : '',
      ctx.child('expression', 0, ctx.has('proof') ? LINE_FOLLOWS : undefined),
    ]),
    ctx.has('proof') ? [hardline, ctx.child('proof')] : '',
  ],
  machineTarget: (ctx) => [ctx.child('path'), ' |='],
  // a block's printer puts the space before its `{`
  proof: (ctx) => (ctx.has('Proof') ? [ctx.has('stepsProof') ? 'proof' : 'proof ', onlyNode(ctx, ['byProof', 'stepsProof'])] : ctx.child('byProof')),
  byProof: (ctx) => ['by ', ctx.has('chainProof') ? ctx.child('chainProof') : ctx.child('justification')],
  // the first link's justification, then one waypoint a line, each with its `by` after it (or
  // below); a broken context or waypoint continues deeper than the lines that follow it
  chainProof: (ctx) =>
    block(ctx, group(['chain', ctx.has('Within') ? [' within ', indent(ctx.child('expression'))] : '']), ['justification', 'chainWaypoint']),
  chainWaypoint: (ctx) => group(['~> ', indent(ctx.child('expression', 0, LINE_FOLLOWS)), indent([line, 'by ', ctx.child('justification')])]),
  justification: (ctx) => {
    // `using` follows the name on the same line; the facts are a list
    const facts = childNodes(ctx.node, 'path').slice(1).map((_, i) => ctx.child('path', i + 1, LINE_FOLLOWS));
    const using = facts.length > 0 ? [' using', indent([line, join([',', line], facts)])] : '';
    return group([ctx.child('path'), ctx.child('argumentList'), using]);
  },
  stepsProof: (ctx) => block(ctx, '', ['haveStep', 'qedStep']),
  haveStep: (ctx) => {
    const head = ['have ', ctx.token('Identifier'), ': ', ctx.child('expression', 0, LINE_FOLLOWS)];
    const proof = firstNode(ctx.node, 'proof');
    if (proof && hasChild(proof, 'stepsProof')) return [head, ' ', ctx.child('proof')];
    return group([head, indent([line, ctx.child('proof')])]);
  },
  qedStep: (ctx) => ['qed by ', ctx.child('justification')],

  modelDecl: (ctx) => block(ctx, ['model ', ctx.token('Identifier'), ' of ', ctx.child('path')], ['modelBinding', 'modelProperty', 'modelCheck']),
  modelBinding: (ctx) => group([ctx.token('Identifier'), assignedValue(ctx, '=')]),
  // laid out as a theorem's statement
  modelProperty: (ctx) => group(['check ', ctx.token('Identifier'), ': ', ctx.child('expression')]),
  modelCheck: (ctx) => group(['check', indent([line, join([',', line], ctx.all('path', LINE_FOLLOWS))])]),

  instanceDecl: (ctx) => {
    const items = itemRefs(ctx.node, ['instanceType', 'instanceDef', 'instanceConst']);
    const header = ['instance ', ctx.token('Identifier'), ' = ', ctx.child('path')];
    return braceList(ctx, header, items.map((item) => ctx.child(item.key, item.index, LINE_FOLLOWS)), items[0]?.node);
  },
  instanceType: (ctx) => ['type ', ctx.token('Identifier'), ' = ', ctx.child('type')],
  instanceDef: (ctx) => ['def ', ctx.token('Identifier'), ' = ', ctx.child('path')],
  instanceConst: (ctx) => group(['const ', ctx.token('Identifier'), assignedValue(ctx, '=')]),

  type: (ctx) => {
    const named = [ctx.tokens('Identifier').join('.'), ctx.has('Less') ? bracketList('<', ctx.all('typeArgument', LINE_FOLLOWS), '>') : ''];
    return [ctx.has('tupleType') ? ctx.child('tupleType') : named, ctx.has('Arrow') ? [' -> ', ctx.child('result')] : ''];
  },
  tupleType: (ctx) => bracketList('(', ctx.all('type', LINE_FOLLOWS), ')', ctx),
};

/** `(a: A, b: B)`; the list prints its own parentheses, also when it is empty. */
function paramsOf(ctx: PrintContext): Doc {
  return ctx.child('paramList');
}

/** The one child present among alternatives. */
function onlyNode(ctx: PrintContext, keys: readonly string[]): Doc {
  const key = keys.find((k) => childNodes(ctx.node, k).length > 0);
  return key ? ctx.child(key) : '';
}
