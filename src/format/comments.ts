// How comments find their place. Prettier attaches each comment to the nearest CST node before or
// after it (tokens never hold comments: the printer may drop or re-spell separators like `;`).
// The hooks here only cover what the generic rule gets wrong: comments inside a frozen chunk,
// comments after a chunk's absorbed last item, and comments in an empty `{ }` block.
import type { CstNode } from 'chevrotain';
import { util, type AstPath } from 'prettier';
import { BlockComment } from '../../grammar/tokens.js';
import { absorbingItem, blockItems, chunkOwner } from './frozen.js';
import { hasLocation, isToken, locEnd, locStart, sortedChildren, type CommentToken, type KspecNode } from './nodes.js';

/**
 * Nodes the printer never prints as a whole (it drops separators and reaches into the tails of
 * brace expressions for their parts), so comments go to their children or neighbours instead.
 */
const detachedNodes = new Set([
  'separator', 'filterTail', 'imageTail', 'withTail', 'setTail', 'mapEntriesTail', 'mapComprehensionTail',
]);

export function canAttachComment(node: KspecNode): boolean {
  return !isToken(node) && hasLocation(node) && !detachedNodes.has(node.name);
}

export function getCommentChildNodes(node: KspecNode): KspecNode[] {
  return isToken(node) ? [] : sortedChildren(node);
}

export function isBlockComment(comment: KspecNode): boolean {
  return isToken(comment) && comment.tokenType === BlockComment;
}

/** Line comments lose trailing blanks (Prettier trims line ends anyway); block comments are kept as written. */
export function commentText(comment: CommentToken): string {
  return comment.tokenType === BlockComment ? comment.image : comment.image.trimEnd();
}

export function printComment(path: AstPath<KspecNode>): string {
  return commentText(path.node as CommentToken);
}

interface DecoratedComment extends CommentToken {
  enclosingNode?: KspecNode;
  precedingNode?: KspecNode;
  followingNode?: KspecNode;
}

/** Containers written `{ ... }` whose items may all be missing. */
const itemKeysOfBraces: Readonly<Record<string, readonly string[]>> = {
  enumDecl: ['ctorDecl'],
  recordDecl: ['param'],
  instanceDecl: ['instanceType', 'instanceDef', 'instanceConst'],
  matchExpression: ['matchArm'],
};

function isEmptyBraces(node: CstNode, comment: CommentToken): boolean {
  const items = blockItems(node) ?? itemKeysOfBraces[node.name]?.flatMap((key) => node.children[key] ?? []);
  if (items === undefined || items.length > 0) return false;
  const open = (node.children['LCurly'] ?? []).find((t) => isToken(t));
  return open !== undefined && locStart(open) < comment.startOffset && locEnd(comment) <= locEnd(node);
}

/**
 * A comment after a token that follows the preceding node (`a -> // why` / `B`) belongs to what
 * comes next: attached to the preceding node it would be printed before that token, and after the
 * next run it would move again. Separators (`,` `;`) end an item, so `A, // why` stays trailing.
 */
function followsAToken(comment: DecoratedComment, text: string): boolean {
  const preceding = comment.precedingNode;
  if (!preceding || !comment.followingNode) return false;
  const between = text.slice(locEnd(preceding), comment.startOffset).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
  return /[^\s,;]/.test(between);
}

/** Containers whose items each end a line (or a `,` before a line break): comments after an item stay with it. */
const itemContainers = new Set([
  'module', 'machineDecl', 'extendDecl', 'actionDecl', 'stepsProof', 'chainProof', 'modelDecl', 'enumDecl', 'recordDecl', 'instanceDecl',
  'matchExpression', 'fieldInits',
]);

/**
 * A line comment at the end of a line inside a construct (`M |= // why` / `F`, `if c // why` / `then`) goes
 * with what follows, printed at the end of the line before it; as a trailing comment of what
 * precedes it would have to end the line before the next token, which then starts a line, and
 * the next run would attach it differently again.
 */
function endsLineInside(comment: DecoratedComment, text: string): boolean {
  const { enclosingNode: enclosing, precedingNode: preceding, followingNode: following } = comment;
  if (isBlockComment(comment) || !preceding || !following || !enclosing || isToken(enclosing) || itemContainers.has(enclosing.name)) {
    return false;
  }
  return !/[,;]/.test(text.slice(locEnd(preceding), comment.startOffset));
}

function attach(comment: DecoratedComment, text: string): boolean {
  const owner = chunkOwner(comment);
  if (owner) return util.addDanglingComment(owner, comment, undefined);
  const preceding = comment.precedingNode;
  const absorbedBy = preceding && !isToken(preceding) ? absorbingItem(preceding) : undefined;
  if (absorbedBy) return util.addTrailingComment(absorbedBy, comment);
  const enclosing = comment.enclosingNode;
  if (enclosing && !isToken(enclosing) && isEmptyBraces(enclosing, comment)) {
    return util.addDanglingComment(enclosing, comment, undefined);
  }
  if (comment.followingNode && followsAToken(comment, text)) return util.addLeadingComment(comment.followingNode, comment);
  return false;
}

export const handleComments = {
  ownLine: (comment: DecoratedComment, text: string) => attach(comment, text),
  endOfLine: (comment: DecoratedComment, text: string) =>
    attach(comment, text) || (endsLineInside(comment, text) && util.addLeadingComment(comment.followingNode!, comment)),
  remaining: (comment: DecoratedComment, text: string) => attach(comment, text),
};
