// Printers for expressions. The CST keeps binary expressions flat (`operand (op operand)*`); for
// layout they are regrouped by precedence, as Prettier does for JavaScript: a chain of one
// operator breaks after each operator with its continuation indented, and tighter sub-chains stay
// whole as long as they fit. Regrouping only decides where lines break, never which tokens are
// printed, so the tree the parser builds from the output is the one it built from the input.
import type { CstNode } from 'chevrotain';
import { doc, type Doc } from 'prettier';
import type { PrintContext } from './context.js';
import { bracketList, braceList, LINE_FOLLOWS } from './layout.js';
import { printLeading, printTrailing } from './print-comments.js';
import { childNodes, firstNode, hasChild, isToken, sortedChildren, type KspecNode } from './nodes.js';
import type { NodePrinter } from './print-decl.js';

const { group, indent, join, line, lineSuffixBoundary, softline } = doc.builders;

/** Binding strength, loosest first, as in the language contract. */
const precedence: Readonly<Record<string, number>> = {
  '<==>': 1, '==>': 2, '~>': 3, '||': 4, '&&': 5,
  '==': 6, '!=': 6, '<': 6, '<=': 6, '>': 6, '>=': 6,
  in: 7, is: 7, '++': 8, '..': 9, '+': 10, '-': 10, '*': 11, '/': 11, '%': 11,
};

/** An operand, and what follows the operator after it (its end-of-line comments). */
interface Operand {
  readonly doc: Doc;
  readonly afterOperator: Doc;
}

type Chain = { readonly operand: Operand } | { readonly op: string; readonly left: Chain; readonly right: Chain };

function buildChain(operands: readonly Operand[], ops: readonly string[]): Chain {
  let next = 0;
  const climb = (minLevel: number): Chain => {
    let left: Chain = { operand: operands[next]! };
    while (next < ops.length && precedence[ops[next]!]! >= minLevel) {
      const op = ops[next]!;
      next++;
      const level = precedence[op]!;
      const right = climb(op === '==>' ? level : level + 1);
      left = { op, left, right };
    }
    return left;
  };
  return climb(0);
}

/** Operands and operators of one precedence level, flattened: `a && b && c`. */
function sameLevel(chain: Chain, level: number): Array<Chain | string> {
  if (!('op' in chain) || precedence[chain.op] !== level) return [chain];
  return [...sameLevel(chain.left, level), chain.op, ...sameLevel(chain.right, level)];
}

/** The operand a chain ends with: its comments go after the operator that follows it. */
function lastOperand(chain: Chain): Operand {
  return 'op' in chain ? lastOperand(chain.right) : chain.operand;
}

function printChain(chain: Chain, flat: boolean): Doc {
  if (!('op' in chain)) return chain.operand.doc;
  const [head, ...tail] = sameLevel(chain, precedence[chain.op]!);
  const rest: Doc[] = [];
  let before = head as Chain;
  for (let i = 0; i < tail.length; i += 2) {
    const op = tail[i] as string;
    const after = tail[i + 1] as Chain;
    const operand = printChain(after, false);
    const comments = lastOperand(before).afterOperator;
    // `..` has no line break after it: a deferred comment must be flushed at once
    rest.push(op === '..' ? ['..', comments, lineSuffixBoundary, operand] : [' ', op, comments, line, operand]);
    before = after;
  }
  const first = printChain(head as Chain, false);
  return group(flat ? [first, ...rest] : [first, indent(rest)]);
}

/**
 * Operands of a chain print their comments here, before their printer sees them: a comment at the
 * end of an operand's line stays at the end of the line, after the operator (`a && // why` / `b`),
 * instead of forcing a break inside the operand's own group.
 */
function operandWithComments(ctx: PrintContext, index: number, isLast: boolean): Operand {
  const node = childNodes(ctx.node, 'operand')[index] as KspecNode;
  const comments = (node.comments ?? []).filter((c) => !c.printed);
  for (const c of comments) c.printed = true;
  const leading = comments.filter((c) => c.leading).flatMap((c) => printLeading(ctx.text, c));
  const trailing = printTrailing(ctx.text, comments.filter((c) => c.trailing), true);
  const doc = [...leading, ctx.child('operand', index)];
  return isLast ? { doc: [doc, ...trailing], afterOperator: '' } : { doc, afterOperator: trailing };
}

function expression(ctx: PrintContext): Doc {
  // children in source order: operand, then (BinaryOperator operand | Is path)*
  const ops: string[] = [];
  const parts: Array<{ readonly kind: 'operand' | 'path'; readonly index: number }> = [];
  const seen = { operand: 0, path: 0 };
  for (const element of sortedChildren(ctx.node)) {
    if (isToken(element)) ops.push(element.image);
    else if (element.name === 'operand' || element.name === 'path') parts.push({ kind: element.name, index: seen[element.name]++ });
  }
  if (ops.length === 0) return ctx.child('operand');
  const operands = parts.map(({ kind, index }, i): Operand =>
    kind === 'operand' ? operandWithComments(ctx, index, i === parts.length - 1) : { doc: ctx.child('path', index), afterOperator: '' },
  );
  return printChain(buildChain(operands, ops), ctx.args.flatChain === true);
}

/** The keys under which `operand` keeps its one primary. */
const primaryKeys = [
  'Identifier', 'IntLiteral', 'StringLiteral', 'True', 'False', 'Box', 'mapExpression', 'parenExpression', 'seqExpression',
  'braceExpression', 'ifExpression', 'letExpression', 'matchExpression', 'quantifierExpression',
];

export function primaryKey(operand: CstNode): string | undefined {
  return primaryKeys.find((key) => hasChild(operand, key));
}

function operand(ctx: PrintContext): Doc {
  const key = primaryKey(ctx.node);
  const primary = key === undefined ? '' : /^[A-Z]/.test(key) ? ctx.token(key) : ctx.child(key);
  return [ctx.tokens('PrefixOperator').join(''), primary, ...ctx.all('postfixOperator')];
}

function postfixOperator(ctx: PrintContext): Doc {
  if (ctx.has('Dot')) return ['.', ctx.has('Identifier') ? ctx.token('Identifier') : ctx.token('IntLiteral')];
  if (ctx.has('argumentList')) return ctx.child('argumentList');
  if (ctx.has('LBracket')) return group(['[', indent([softline, ctx.child('expression', 0, { flatChain: true, lineFollows: true })]), softline, ']']);
  if (ctx.has('Prime')) return "'";
  return braceList(ctx, '', [ctx.child('fieldInits', 0, LINE_FOLLOWS)], firstNode(ctx.node, 'fieldInits'));
}

/** `(a, *, b)`: expressions and the `*` wildcard, in source order. */
function argumentList(ctx: PrintContext): Doc {
  let expressions = 0;
  const args = sortedChildren(ctx.node).flatMap((element): Doc[] => {
    if (!isToken(element)) return [ctx.child('expression', expressions++, LINE_FOLLOWS)];
    return element.image === '*' ? ['*'] : [];
  });
  return bracketList('(', args, ')');
}

/** The expressions under `key` in a tail node, e.g. the further elements of a set literal. */
function tailExpressions(ctx: PrintContext, tailKey: string, key = 'expression'): Doc[] {
  const tail = firstNode(ctx.node, tailKey);
  return tail ? childNodes(tail, key).map((_, i) => ctx.descendant([tailKey, 0, key, i], LINE_FOLLOWS)) : [];
}

function braceExpression(ctx: PrintContext): Doc {
  if (!ctx.has('expression')) return '{}';
  const first = ctx.child('expression', 0, LINE_FOLLOWS);
  if (ctx.has('setTail')) return bracketList('{', [first, ...tailExpressions(ctx, 'setTail')], '}');
  let tail: Doc = '';
  if (ctx.has('filterTail')) tail = [line, 'where ', ctx.descendant(['filterTail', 0, 'expression', 0])];
  else if (ctx.has('imageTail')) tail = [line, 'for ', ctx.descendant(['imageTail', 0, 'binderList', 0])];
  else if (ctx.has('withTail')) tail = [' with', indent([line, ctx.descendant(['withTail', 0, 'fieldInits', 0], LINE_FOLLOWS)])];
  return group(['{', indent([line, first, tail]), line, '}']);
}

function mapExpression(ctx: PrintContext): Doc {
  if (!ctx.has('expression')) return 'Map {}';
  if (ctx.has('mapComprehensionTail')) {
    const key = ctx.child('expression', 0, LINE_FOLLOWS);
    const body = ctx.descendant(['mapComprehensionTail', 0, 'expression', 0]);
    return group(['Map {', indent([line, key, ' =>', indent([line, body])]), line, '}']);
  }
  // the first entry's value is the tail's only direct expression; the other entries follow it
  const [firstValue] = tailExpressions(ctx, 'mapEntriesTail');
  const entries = [[ctx.child('expression'), ': ', firstValue ?? ''], ...tailExpressions(ctx, 'mapEntriesTail', 'mapEntry')];
  return ['Map ', bracketList('{', entries, '}')];
}

function ifExpression(ctx: PrintContext): Doc {
  const elseNode = childNodes(ctx.node, 'expression')[2];
  const elseIsIf = elseNode !== undefined && isBare(elseNode, 'ifExpression');
  const otherwise = ctx.child('expression', 2);
  return group([
    'if ',
    ctx.child('expression', 0, LINE_FOLLOWS),
    ' then',
    indent([line, ctx.child('expression', 1, LINE_FOLLOWS)]),
    line,
    'else',
    elseIsIf ? [' ', otherwise] : indent([line, otherwise]),
  ]);
}

/** An expression that is just one `key` construct (no operators, no suffixes). */
function isBare(expression: CstNode, key: string): boolean {
  const [only, ...more] = childNodes(expression, 'operand');
  if (!only || more.length > 0 || hasChild(expression, 'path')) return false;
  return !hasChild(only, 'PrefixOperator') && !hasChild(only, 'postfixOperator') && hasChild(only, key);
}

export const expressionPrinters: Readonly<Record<string, NodePrinter>> = {
  expression,
  operand,
  postfixOperator,
  argumentList,
  fieldInits: (ctx) => join([',', line], ctx.all('fieldInit', LINE_FOLLOWS)),
  fieldInit: (ctx) => [ctx.token('Identifier'), ': ', ctx.child('expression')],
  parenExpression: (ctx) => bracketList('(', ctx.all('expression', { flatChain: true, lineFollows: true }), ')'),
  // `[ ]` keeps its space: written `[]` it would be the "always" operator before an expression
  seqExpression: (ctx) => (ctx.has('expression') ? bracketList('[', ctx.all('expression', LINE_FOLLOWS), ']') : '[ ]'),
  braceExpression,
  mapExpression,
  ifExpression,
  letExpression: (ctx) =>
    group([
      'let ',
      ctx.token('Identifier'),
      ctx.has('Colon') ? [': ', ctx.child('type')] : '',
      ' = ',
      ctx.child('expression', 0, LINE_FOLLOWS),
      ' in',
      line,
      ctx.child('expression', 1),
    ]),
  matchExpression: (ctx) => {
    const header = ['match ', ctx.child('expression', 0, LINE_FOLLOWS)];
    return braceList(ctx, header, ctx.all('matchArm', LINE_FOLLOWS), firstNode(ctx.node, 'matchArm'));
  },
  mapEntry: (ctx) => [ctx.child('expression', 0), ': ', ctx.child('expression', 1)],
  matchArm: (ctx) => [ctx.child('pattern'), ' => ', ctx.child('expression')],
  pattern: (ctx) => [ctx.child('path'), ctx.has('LParen') ? ['(', ctx.tokens('Identifier').join(', '), ')'] : ''],
  quantifierExpression: (ctx) =>
    group([
      ctx.has('Forall') ? 'forall' : 'exists',
      ' ',
      ctx.child('binderList', 0, LINE_FOLLOWS),
      ' ::',
      indent([line, ctx.child('expression', 0, { flatChain: true })]),
    ]),
  binderList: (ctx) => join(', ', ctx.all('binderGroup')),
  binderGroup: (ctx) => {
    const names = ctx.tokens('Identifier').join(', ');
    if (!ctx.has('Colon')) return [names, ' in ', ctx.child('expression')];
    return [names, ': ', ctx.child('type'), ctx.has('In') ? [' in ', ctx.child('expression')] : ''];
  },
};
