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
import { childNodes, childTokens, firstNode, hasChild, isToken, sortedChildren, type CommentToken, type KspecNode } from './nodes.js';
import type { NodePrinter } from './print-decl.js';

const { group, indent, join, line, lineSuffixBoundary, softline } = doc.builders;

/** Binding strength, loosest first, as in the language contract. */
const precedence: Readonly<Record<string, number>> = {
  '<==>': 1, '==>': 2, '~>': 3, '||': 4, '&&': 5,
  '==': 6, '!=': 6, '<': 6, '<=': 6, '>': 6, '>=': 6,
  in: 7, is: 7, '++': 8, '..': 9, '+': 10, '-': 10, '*': 11, '/': 11, '%': 11,
};

/** An operator the table does not know yet is laid out like a comparison (and never dropped). */
const levelOf = (op: string): number => precedence[op] ?? 6;

/** An operand, its own-line comments before it, and what follows the operator after it (its end-of-line comments). */
interface Operand {
  readonly leading: Doc;
  readonly doc: Doc;
  readonly afterOperator: Doc;
}

type Chain = { readonly operand: Operand } | { readonly op: string; readonly left: Chain; readonly right: Chain };

function buildChain(operands: readonly Operand[], ops: readonly string[]): Chain {
  let next = 0;
  const climb = (minLevel: number): Chain => {
    let left: Chain = { operand: operands[next]! };
    while (next < ops.length && levelOf(ops[next]!) >= minLevel) {
      const op = ops[next]!;
      next++;
      const level = levelOf(op);
      const right = climb(op === '==>' ? level : level + 1);
      left = { op, left, right };
    }
    return left;
  };
  return climb(0);
}

/** Operands and operators of one precedence level, flattened: `a && b && c`. */
function sameLevel(chain: Chain, level: number): Array<Chain | string> {
  if (!('op' in chain) || levelOf(chain.op) !== level) return [chain];
  return [...sameLevel(chain.left, level), chain.op, ...sameLevel(chain.right, level)];
}

/** The operand a chain ends with: its comments go after the operator that follows it. */
function lastOperand(chain: Chain): Operand {
  return 'op' in chain ? lastOperand(chain.right) : chain.operand;
}

function firstOperand(chain: Chain): Operand {
  return 'op' in chain ? firstOperand(chain.left) : chain.operand;
}

/** A chain, with the comments above its first operand outside its group (their line break must not break it). */
function printChain(chain: Chain, flat: boolean): Doc {
  return [firstOperand(chain).leading, printChainBody(chain, flat)];
}

function printChainBody(chain: Chain, flat: boolean): Doc {
  if (!('op' in chain)) return chain.operand.doc;
  const [head, ...tail] = sameLevel(chain, levelOf(chain.op));
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
  const first = printChainBody(head as Chain, false);
  return group(flat ? [first, ...rest] : [first, indent(rest)]);
}

interface OperandParts {
  readonly leading: Doc;
  readonly doc: Doc;
  /** comments printed at the end of the operator's line: the operand's own trailing ones */
  readonly trailing: CommentToken[];
  /** ... and the end-of-line comments right after the operator before this operand */
  readonly atLineEnd: CommentToken[];
}

/**
 * Operands of a chain print their comments here, before their printer sees them: a comment at the
 * end of an operand's line stays at the end of the line, after the operator (`a && // why` / `b`),
 * instead of forcing a break inside the operand's own group.
 */
function operandParts(ctx: PrintContext, index: number): OperandParts {
  const node = childNodes(ctx.node, 'operand')[index] as KspecNode;
  const comments = (node.comments ?? []).filter((c) => !c.printed);
  for (const c of comments) c.printed = true;
  const isAtLineEnd = (c: CommentToken): boolean => index > 0 && c.leading === true && !/\n[ \t]*$/.test(ctx.text.slice(0, c.startOffset));
  const leading = comments.filter((c) => c.leading && !isAtLineEnd(c)).flatMap((c) => printLeading(ctx.text, c));
  return {
    leading,
    doc: ctx.child('operand', index),
    trailing: comments.filter((c) => c.trailing),
    atLineEnd: comments.filter(isAtLineEnd),
  };
}

function expression(ctx: PrintContext): Doc {
  // children: operand (BinaryOperator operand)*, `is` included
  const ops = childTokens(ctx.node, 'BinaryOperator').map((t) => t.image);
  if (ops.length === 0) return ctx.child('operand');
  const printed = childNodes(ctx.node, 'operand').map((_, index) => operandParts(ctx, index));
  const operands = printed.map((operand, i): Operand => {
    const next = printed[i + 1];
    if (!next) {
      const trailing = printTrailing(ctx.text, operand.trailing, ctx.args.lineFollows === true);
      return { leading: operand.leading, doc: [operand.doc, trailing], afterOperator: '' };
    }
    return { leading: operand.leading, doc: operand.doc, afterOperator: printTrailing(ctx.text, [...operand.trailing, ...next.atLineEnd], true) };
  });
  return printChain(buildChain(operands, ops), ctx.args.flatChain === true);
}

/** The keys under which `operand` keeps its one primary. */
const primaryKeys = [
  'Identifier', 'IntLiteral', 'StringLiteral', 'True', 'False', 'Box', 'mapExpression', 'parenExpression', 'seqExpression',
  'braceExpression', 'ifExpression', 'letExpression', 'matchExpression', 'quantifierExpression',
];

function primaryKey(operand: CstNode): string | undefined {
  return primaryKeys.find((key) => hasChild(operand, key));
}

function operand(ctx: PrintContext): Doc {
  const key = primaryKey(ctx.node);
  let primary: Doc = key === undefined ? '' : /^[A-Z]/.test(key) ? ctx.token(key) : ctx.child(key);
  // `Map { ... }`: the name `Map`, then the literal's braces
  if (key === 'Identifier' && ctx.has('mapExpression')) primary = [primary, ' ', ctx.child('mapExpression')];
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
  return bracketList('(', args, ')', ctx);
}

/** The expressions under `key` in a tail node, e.g. the further elements of a set literal. */
function tailExpressions(ctx: PrintContext, tailKey: string, key = 'expression'): Doc[] {
  const tail = firstNode(ctx.node, tailKey);
  return tail ? childNodes(tail, key).map((_, i) => ctx.descendant([tailKey, 0, key, i], LINE_FOLLOWS)) : [];
}

function braceExpression(ctx: PrintContext): Doc {
  if (!ctx.has('expression')) return bracketList('{', [], '}', ctx);
  // `with` comes between the first expression and the next line break
  const first = ctx.child('expression', 0, ctx.has('withTail') ? undefined : LINE_FOLLOWS);
  if (ctx.has('setTail')) return bracketList('{', [first, ...tailExpressions(ctx, 'setTail')], '}');
  let tail: Doc = '';
  if (ctx.has('filterTail')) tail = [line, 'where ', ctx.descendant(['filterTail', 0, 'expression', 0])];
  else if (ctx.has('imageTail')) tail = [line, 'for ', ctx.descendant(['imageTail', 0, 'binderList', 0])];
  else if (ctx.has('withTail')) tail = [' with', indent([line, ctx.descendant(['withTail', 0, 'fieldInits', 0], LINE_FOLLOWS)])];
  return group(['{', indent([line, first, tail]), line, '}']);
}

function mapExpression(ctx: PrintContext): Doc {
  if (!ctx.has('expression')) return bracketList('{', [], '}', ctx);
  if (ctx.has('mapComprehensionTail')) {
    const key = ctx.child('expression');
    const body = ctx.descendant(['mapComprehensionTail', 0, 'expression', 0]);
    return group(['{', indent([line, key, ' =>', indent([line, body])]), line, '}']);
  }
  // the first entry's value is the tail's only direct expression; the other entries follow it
  const [firstValue] = tailExpressions(ctx, 'mapEntriesTail');
  const entries = [[ctx.child('expression'), ': ', firstValue ?? ''], ...tailExpressions(ctx, 'mapEntriesTail', 'mapEntry')];
  return bracketList('{', entries, '}');
}

function ifExpression(ctx: PrintContext): Doc {
  const elseNode = childNodes(ctx.node, 'expression')[2];
  const elseIsIf = elseNode !== undefined && isBare(elseNode, 'ifExpression');
  const otherwise = ctx.child('expression', 2);
  return group([
    'if ',
    ctx.child('expression', 0),
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
  seqExpression: (ctx) => bracketList('[', ctx.all('expression', LINE_FOLLOWS), ']', ctx, '[ ]'),
  braceExpression,
  mapExpression,
  ifExpression,
  letExpression: (ctx) =>
    group([
      'let ',
      ctx.token('Identifier'),
      ctx.has('Colon') ? [': ', ctx.child('type')] : '',
      ' = ',
      ctx.child('expression', 0),
      ' in',
      line,
      ctx.child('expression', 1),
    ]),
  matchExpression: (ctx) => {
    const header = ['match ', ctx.child('expression')];
    return braceList(ctx, header, ctx.all('matchArm', LINE_FOLLOWS), firstNode(ctx.node, 'matchArm'));
  },
  mapEntry: (ctx) => [ctx.child('expression', 0), ': ', ctx.child('expression', 1)],
  matchArm: (ctx) => [ctx.child('pattern'), ' => ', ctx.child('expression')],
  pattern: (ctx) => [ctx.child('path'), ctx.has('LParen') ? ['(', ctx.tokens('Identifier').join(', '), ')'] : ''],
  quantifierExpression: (ctx) =>
    group([
      ctx.has('Forall') ? 'forall' : 'exists',
      ' ',
      ctx.child('binderList'),
      ' ::',
      indent([line, ctx.child('expression', 0, { flatChain: true })]),
    ]),
  binderList: (ctx) => group(indent(join([',', line], ctx.all('binderGroup', LINE_FOLLOWS)))),
  binderGroup: (ctx) => {
    const names = ctx.tokens('Identifier').join(', ');
    if (!ctx.has('Colon')) return [names, ' in ', ctx.child('expression')];
    return [names, ': ', ctx.child('type'), ctx.has('In') ? [' in ', ctx.child('expression')] : ''];
  },
};
