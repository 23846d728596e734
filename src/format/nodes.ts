// The tree Prettier walks: Chevrotain CST nodes and tokens, as the parser produced them, plus the
// `comments` Prettier attaches to them. Offsets, not lines, locate everything.
import type { CstElement, CstNode, IToken } from 'chevrotain';

/** A comment token as Prettier's attachment code sees it (it reads `value`, writes the flags). */
export interface CommentToken extends IToken {
  value: string;
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
}

export type KspecNode = (CstNode | IToken) & { comments?: CommentToken[] };

/** The root handed to Prettier: the `module` CST node with the file's comments on it. */
export type KspecRoot = CstNode & { comments?: CommentToken[] };

export function isToken(element: CstElement | KspecNode): element is IToken {
  return 'image' in element;
}

export function locStart(node: KspecNode): number {
  return isToken(node) ? node.startOffset : node.location?.startOffset ?? Number.NaN;
}

/** Exclusive end. */
export function locEnd(node: KspecNode): number {
  if (isToken(node)) return (node.endOffset ?? node.startOffset + node.image.length - 1) + 1;
  const end = node.location?.endOffset;
  return end === undefined ? Number.NaN : end + 1;
}

export function hasLocation(node: KspecNode): boolean {
  return Number.isFinite(locStart(node)) && Number.isFinite(locEnd(node));
}

/** Every child (tokens and nodes) that has a place in the text, in source order. */
export function sortedChildren(node: CstNode): CstElement[] {
  const all: CstElement[] = [];
  for (const list of Object.values(node.children)) all.push(...list.filter((e) => hasLocation(e)));
  return all.sort((a, b) => locStart(a) - locStart(b));
}

export function childNodes(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []).filter((e): e is CstNode => !isToken(e));
}

export function childTokens(node: CstNode, key: string): IToken[] {
  return (node.children[key] ?? []).filter((e): e is IToken => isToken(e));
}

export function firstNode(node: CstNode, key: string): CstNode | undefined {
  return childNodes(node, key)[0];
}

export function hasChild(node: CstNode, key: string): boolean {
  return (node.children[key]?.length ?? 0) > 0;
}

/** Where an item starts once its leading comments are counted (for blank-line decisions). */
export function extendedStart(node: KspecNode): number {
  let start = locStart(node);
  for (const c of node.comments ?? []) if (c.leading) start = Math.min(start, c.startOffset);
  return start;
}

