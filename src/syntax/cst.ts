// Defensive access to CST children. Chevrotain's error recovery leaves nodes with missing
// children (and inserts placeholder tokens), so every read may come back empty.
//
// The helpers take the elements under one key, read by the caller as `node.children.key`, so
// that V8 records the node shapes met at each place apart: a read by key inside one shared
// helper would meet every node shape of the grammar.
import type { CstElement, CstNode, CstNodeLocation, IToken } from 'chevrotain';
import { error, spanFromOffsets, type Diagnostic, type Position, type Span } from '../diagnostics/index.js';
import type { Name, Path } from './ast.js';

/** The elements under one key of a node's `children` (absent when there are none). */
export type Elements = readonly CstElement[] | undefined;

/**
 * Thrown when a required part of a construct is missing after error recovery. The builder
 * catches it at the enclosing declaration or item, which is then left out of the AST (the
 * parser has already reported why).
 */
export class Incomplete {
  readonly reason = 'incomplete construct after a syntax error';
}

export function isToken(element: CstElement): element is IToken {
  return 'image' in element;
}

/** The first sub-node under a key. */
export function child(elements: Elements): CstNode | undefined {
  const element = elements?.[0];
  return element !== undefined && !isToken(element) ? element : undefined;
}

const none: readonly never[] = [];

/** The sub-nodes under a key (in this grammar a key holds only tokens or only nodes). */
export function children(elements: Elements): readonly CstNode[] {
  if (elements === undefined) return none;
  return elements.length > 0 && isToken(elements[0]!) ? none : (elements as CstNode[]);
}

/** The first token under a key, if it was really in the text (not inserted while recovering). */
export function token(elements: Elements): IToken | undefined {
  const element = elements?.[0];
  return element !== undefined && isToken(element) && !element.isInsertedInRecovery ? element : undefined;
}

/** The tokens under a key that were really in the text. */
export function tokens(elements: Elements): readonly IToken[] {
  if (elements === undefined) return none;
  const all = elements as readonly IToken[];
  if (all.length > 0 && !isToken(all[0]!)) return none;
  for (const t of all) if (t.isInsertedInRecovery) return all.filter((t) => !t.isInsertedInRecovery);
  return all;
}

export function has(elements: Elements): boolean {
  return (elements?.length ?? 0) > 0;
}

export function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Incomplete();
  return value;
}

export function startOffset(element: CstElement): number {
  return isToken(element) ? element.startOffset : element.location?.startOffset ?? Number.NaN;
}

/**
 * V8 stores a number field as a boxed double (a heap object of its own) once any object of that
 * shape has held a number that is not a small integer there, such as NaN. One position holding
 * non-numbers keeps the fields of every `{ offset, line, column }` tagged instead, so a stray NaN
 * position cannot make every later one (about 150,000 in a 10,000-line spec) cost three more
 * objects. This changes memory and speed only, never a value.
 */
({ offset: null, line: null, column: null }) satisfies Record<keyof Position, null>;

function usableLocation(node: CstNode): CstNodeLocation {
  const l = node.location;
  if (!l || !Number.isFinite(l.startOffset) || !Number.isFinite(l.endOffset ?? Number.NaN)) throw new Incomplete();
  return l;
}

/** Spans, names and diagnostics for one file. */
export class BuildContext {
  readonly diagnostics: Diagnostic[] = [];
  /**
   * Positions shared by offset: a token's end is often the next token's start and a node starts
   * and ends where its first and last tokens do, so about a quarter of the positions in a syntax
   * tree are equal to one built before. Sharing them saves objects that garbage collection would
   * otherwise copy for as long as the tree lives. `positionSlots[offset]` is 1 + the index in
   * `sharedPositions`, or 0.
   */
  private positionSlots: Int32Array | undefined;
  private readonly sharedPositions: Position[] = [];

  /**
   * `sharePositions` is false where only a few declarations of a long text are parsed (an edit):
   * the table over the whole text would then cost more than the positions it saves.
   */
  constructor(
    readonly file: string,
    readonly starts: readonly number[],
    readonly textLength: number,
    private readonly sharePositions = true,
  ) {}

  span(start: number, endExclusive: number): Span {
    return spanFromOffsets(this.file, this.starts, start, endExclusive);
  }

  /**
   * Token and node spans come from the positions the lexer already tracked (its line breaks are
   * configured to match src/diagnostics), which avoids a line search per node. Tokens never end
   * in a line break, except comments, which go through `span`.
   */
  tokenSpan(t: IToken): Span {
    const start = t.startOffset;
    return {
      file: this.file,
      start: this.position(start, t.startLine ?? 0, t.startColumn ?? 0),
      end: this.position(start + t.image.length, t.endLine ?? 0, (t.endColumn ?? 0) + 1),
    };
  }

  /** The node's extent; a recovered node without a usable location is incomplete. */
  nodeSpan(node: CstNode): Span {
    const l = usableLocation(node);
    return {
      file: this.file,
      start: this.position(l.startOffset, l.startLine ?? 0, l.startColumn ?? 0),
      end: this.position((l.endOffset ?? 0) + 1, l.endLine ?? 0, (l.endColumn ?? 0) + 1),
    };
  }

  /** Where the node starts (the start of `nodeSpan`, which fails the same way). */
  nodeStart(node: CstNode): Position {
    const l = usableLocation(node);
    return this.position(l.startOffset, l.startLine ?? 0, l.startColumn ?? 0);
  }

  /** The position at `offset`: one built before when it is equal, else a new one. */
  private position(offset: number, line: number, column: number): Position {
    if (!this.sharePositions || !(offset >= 0 && offset <= this.textLength)) return { offset, line, column };
    const slots = (this.positionSlots ??= new Int32Array(this.textLength + 1));
    const slot = slots[offset]!;
    if (slot !== 0) {
      const known = this.sharedPositions[slot - 1]!;
      if (known.line === line && known.column === column) return known;
      return { offset, line, column };
    }
    const fresh = { offset, line, column };
    slots[offset] = this.sharedPositions.push(fresh);
    return fresh;
  }

  name(t: IToken | undefined): Name {
    const present = need(t);
    return { text: present.image, span: this.tokenSpan(present) };
  }

  path(node: CstNode | undefined): Path {
    const present = need(node);
    const parts = tokens(present.children.Identifier).map((t) => this.name(t));
    if (parts.length === 0) throw new Incomplete();
    return { parts, span: this.nodeSpan(present) };
  }

  report(message: string, span: Span): void {
    this.diagnostics.push(error('KSP010', message, span));
  }
}
