// Text the formatter must not touch: the items of a block between `// kproof-fmt: off` and
// `// kproof-fmt: on` (or the end of the file), and the one item after a `prettier-ignore` comment.
// Consecutive frozen items of one block form a chunk, printed as the original slice from the first
// item's start to the last item's end (plus the comments up to the closing `on`). Every comment
// inside a chunk belongs to the chunk's first item, so Prettier prints it exactly once.
import type { CstNode, IToken } from 'chevrotain';
import { childNodes, locEnd, locStart } from './nodes.js';

export interface Chunk {
  readonly start: number;
  /** exclusive */
  readonly end: number;
}

/** Keyed by the parsed objects themselves, so every parse's marks live exactly as long as its tree. */
const layout = {
  /** first item of a chunk → the chunk */
  chunks: new WeakMap<CstNode, Chunk>(),
  /** later items of a chunk → the chunk's first item (they are not printed on their own) */
  absorbed: new WeakMap<CstNode, CstNode>(),
  /** comments inside a chunk → the chunk's first item */
  owners: new WeakMap<IToken, CstNode>(),
};

export function chunkOf(item: CstNode): Chunk | undefined {
  return layout.chunks.get(item);
}

export function absorbingItem(item: CstNode): CstNode | undefined {
  return layout.absorbed.get(item);
}

export function chunkOwner(comment: IToken): CstNode | undefined {
  return layout.owners.get(comment);
}

/** The item lists whose members each sit on their own line (and so can be frozen). */
const blockItemKeys: Readonly<Record<string, readonly string[]>> = {
  module: ['importDecl', 'declaration'],
  machineDecl: ['machineItem'],
  extendDecl: ['defDecl'],
  actionDecl: ['actionItem'],
  stepsProof: ['haveStep', 'qedStep'],
  chainProof: ['justification', 'chainWaypoint'],
  modelDecl: ['modelBinding', 'modelProperty', 'modelCheck'],
};

export function blockItems(node: CstNode): CstNode[] | undefined {
  const keys = blockItemKeys[node.name];
  if (!keys) return undefined;
  return keys.flatMap((key) => childNodes(node, key)).sort((a, b) => locStart(a) - locStart(b));
}

function directive(comment: IToken): 'off' | 'on' | 'ignore' | undefined {
  const text = comment.image.startsWith('//') ? comment.image.slice(2).trim() : comment.image.slice(2, -2).trim();
  if (text === 'kproof-fmt: off') return comment.image.startsWith('//') ? 'off' : undefined;
  if (text === 'kproof-fmt: on') return comment.image.startsWith('//') ? 'on' : undefined;
  return text === 'prettier-ignore' ? 'ignore' : undefined;
}

interface Region {
  readonly start: number;
  /** where the `on` comment ends (Infinity: the end of the file) */
  readonly end: number;
}

function offRegions(comments: readonly IToken[]): Region[] {
  const regions: Region[] = [];
  let openedAt: number | undefined;
  for (const c of comments) {
    const kind = directive(c);
    if (kind === 'off' && openedAt === undefined) openedAt = c.startOffset;
    if (kind === 'on' && openedAt !== undefined) {
      regions.push({ start: openedAt, end: locEnd(c) });
      openedAt = undefined;
    }
  }
  if (openedAt !== undefined) regions.push({ start: openedAt, end: Number.POSITIVE_INFINITY });
  return regions;
}

export function markFrozenItems(root: CstNode, comments: readonly IToken[]): void {
  const regions = offRegions(comments);
  const ignores = comments.filter((c) => directive(c) === 'ignore');
  if (regions.length === 0 && ignores.length === 0) return;
  const regionOf = (offset: number): Region | undefined => regions.find((r) => r.start < offset && offset < r.end);

  const visit = (node: CstNode): void => {
    const items = blockItems(node);
    if (items) freezeItems(node, items);
    for (const list of Object.values(node.children)) {
      for (const child of list) {
        if ('image' in child || layout.chunks.has(child) || layout.absorbed.has(child)) continue;
        visit(child);
      }
    }
  };

  const freezeItems = (block: CstNode, items: CstNode[]): void => {
    let previousEnd = locStart(block);
    const frozen = items.map((item) => {
      const ignored = ignores.some((c) => c.startOffset >= previousEnd && locEnd(c) <= locStart(item) && isLastCommentBefore(c, item));
      previousEnd = locEnd(item);
      return regionOf(locStart(item)) !== undefined ? 'region' : ignored ? 'ignore' : undefined;
    });
    const listEnd = block.name === 'module' ? Number.POSITIVE_INFINITY : locEnd(block);
    for (let i = 0; i < items.length; i++) {
      if (frozen[i] === undefined) continue;
      let j = i;
      while (frozen[i] === 'region' && frozen[j + 1] === 'region') j++;
      const head = items[i]!;
      const last = items[j]!;
      let end = locEnd(last);
      if (frozen[j] === 'region') {
        // the comments after the last frozen item, up to the `on` that ends its region
        const region = regionOf(locStart(last))!;
        const gapEnd = items[j + 1] ? locStart(items[j + 1]!) : listEnd;
        for (const c of comments) {
          if (c.startOffset >= end && locEnd(c) <= gapEnd && locEnd(c) <= region.end) end = locEnd(c);
        }
      }
      layout.chunks.set(head, { start: locStart(head), end });
      for (let k = i + 1; k <= j; k++) layout.absorbed.set(items[k]!, head);
      for (const c of comments) {
        if (c.startOffset >= locStart(head) && locEnd(c) <= end && !layout.owners.has(c)) layout.owners.set(c, head);
      }
      i = j;
    }
  };

  const isLastCommentBefore = (comment: IToken, item: CstNode): boolean =>
    !comments.some((c) => c.startOffset > comment.startOffset && locEnd(c) <= locStart(item));

  visit(root);
}
