// Layout shapes shared by several constructs: comma lists in brackets, `{ ... }` lists that stay on
// one line when they fit, blocks whose items each take a line, and the right side of `=`.
import type { CstNode } from 'chevrotain';
import { doc, type Doc } from 'prettier';
import { absorbingItem, chunkOf } from './frozen.js';
import { isBlockComment } from './comments.js';
import { childNodes, extendedStart, firstNode, hasChild, locEnd, locStart, type CommentToken, type KspecNode } from './nodes.js';
import type { PrintContext } from './context.js';
import { printTrailing } from './print-comments.js';

const { group, hardline, ifBreak, indent, join, line, softline } = doc.builders;

/** Print arguments for a child that a possible line break follows (see print-comments.ts). */
export const LINE_FOLLOWS = { lineFollows: true } as const;

/**
 * `(a, b)`, `[a, b]`, `{a, b}`: one line, or one element per line (no trailing comma: kspec forbids
 * it). Comments inside empty brackets stay inside.
 */
export function bracketList(open: string, items: Doc[], close: string, ctx?: PrintContext, empty: Doc = [open, close]): Doc {
  if (items.length === 0) return ctx?.hasDanglingComments() ? [open, indent([hardline, ctx.danglingComments()]), hardline, close] : empty;
  return group([open, indent([softline, join([',', line], items)]), softline, close]);
}

/** `header { a, b }` on one line if it fits, else one item per line with a trailing comma. */
export function braceList(ctx: PrintContext, header: Doc, items: Doc[], firstItem: CstNode | undefined): Doc {
  if (items.length === 0) return emptyBraces(ctx, header);
  const open = ctx.node.children['LCurly']?.[0];
  // like Prettier's objects: a line break the author put after `{` keeps the list expanded
  const shouldBreak =
    open !== undefined && firstItem !== undefined && ctx.text.slice(locStart(open as KspecNode), extendedStart(firstItem)).includes('\n');
  return group([header, ' {', indent([line, join([',', line], items)]), ifBreak(','), line, '}'], { shouldBreak });
}

export function emptyBraces(ctx: PrintContext, header: Doc): Doc {
  if (!ctx.hasDanglingComments()) return [header, ' {}'];
  return [header, ' {', indent([hardline, ctx.danglingComments()]), hardline, '}'];
}

export interface ItemRef {
  readonly node: CstNode;
  readonly key: string;
  readonly index: number;
}

/** The children under `keys`, in source order, with what it takes to print each. */
export function itemRefs(node: CstNode, keys: readonly string[]): ItemRef[] {
  return keys
    .flatMap((key) => childNodes(node, key).map((child, index) => ({ node: child, key, index })))
    .sort((a, b) => locStart(a.node) - locStart(b.node));
}

function itemEnd(item: CstNode): number {
  let end = chunkOf(item)?.end ?? locEnd(item);
  for (const c of (item as KspecNode).comments ?? []) if (c.trailing) end = Math.max(end, locEnd(c));
  return end;
}

export function blankLineBetween(text: string, previous: CstNode, next: CstNode): boolean {
  return /\n[ \t]*\n/.test(text.slice(itemEnd(previous), extendedStart(next)));
}

/**
 * Items one per line. `blank(previous, next, hadBlank)` decides whether an empty line separates
 * two items; items a frozen chunk absorbed are printed as part of it.
 */
export function printItems(
  ctx: PrintContext,
  items: readonly ItemRef[],
  blank: (previous: CstNode, next: CstNode, hadBlank: boolean) => boolean,
): Doc[] {
  const parts: Doc[] = [];
  let previous: CstNode | undefined;
  for (const item of items) {
    if (absorbingItem(item.node)) continue;
    if (previous) {
      parts.push(hardline);
      if (blank(previous, item.node, blankLineBetween(ctx.text, previous, item.node))) parts.push(hardline);
    }
    parts.push(ctx.child(item.key, item.index, LINE_FOLLOWS));
    previous = item.node;
  }
  return parts;
}

/** `header {` items one per line `}`; single blank lines between items are kept. */
export function block(ctx: PrintContext, header: Doc, keys: readonly string[]): Doc {
  const refs = itemRefs(ctx.node, keys);
  const afterBrace = commentsAfterBrace(ctx, refs[0]?.node);
  const items = printItems(ctx, refs, (_p, _n, hadBlank) => hadBlank);
  if (items.length === 0) return emptyBraces(ctx, header);
  return [header, ' {', afterBrace, indent([hardline, ...items]), hardline, '}'];
}

/**
 * `action a(k: Int) { // why`: comments on the line of the `{` stay there, up to the first line
 * comment (whatever follows it starts a new line, inside the block).
 */
function commentsAfterBrace(ctx: PrintContext, first: KspecNode | undefined): Doc {
  const onBraceLine: CommentToken[] = [];
  for (const c of (first?.comments ?? []).filter((c) => c.leading && !c.printed)) {
    if (/\n[ \t]*$/.test(ctx.text.slice(0, c.startOffset))) break;
    onBraceLine.push(c);
    if (!isBlockComment(c)) break;
  }
  for (const c of onBraceLine) c.printed = true;
  return printTrailing(ctx.text, onBraceLine, true);
}

/** An expression that opens its own brackets reads best right after `=`. */
export function opensBlock(expression: CstNode | undefined): boolean {
  if (!expression || hasChild(expression, 'path')) return false;
  const [operand, ...more] = childNodes(expression, 'operand');
  if (!operand || more.length > 0 || hasChild(operand, 'PrefixOperator')) return false;
  const suffixes = childNodes(operand, 'postfixOperator');
  if (suffixes.length === 1 && hasChild(suffixes[0]!, 'LCurly')) return hasChild(operand, 'Identifier');
  if (suffixes.length > 0) return false;
  const seq = firstNode(operand, 'seqExpression');
  if (seq) return hasChild(seq, 'expression');
  return ['matchExpression', 'braceExpression', 'mapExpression'].some((key) => hasChild(operand, key));
}

/** ` = value`: after `=` on the same line, or the whole value on the next line, indented. */
export function assignedValue(ctx: PrintContext, operator: string, key = 'expression', index = 0): Doc {
  const value = ctx.child(key, index, { flatChain: true });
  if (opensBlock(childNodes(ctx.node, key)[index])) return [' ', operator, ' ', value];
  return [' ', operator, group(indent([line, value]))];
}
