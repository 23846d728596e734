// Defensive access to CST children. Chevrotain's error recovery leaves nodes with missing
// children (and inserts placeholder tokens), so every read may come back empty.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { error, spanFromOffsets, type Diagnostic, type Position, type Span } from '../diagnostics/index.js';
import type { Name, Path } from './ast.js';

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

export function child(node: CstNode, key: string): CstNode | undefined {
  const element = node.children[key]?.[0];
  return element !== undefined && !isToken(element) ? element : undefined;
}

const none: readonly never[] = [];

/** The sub-nodes under `key` (in this grammar a key holds only tokens or only nodes). */
export function children(node: CstNode, key: string): readonly CstNode[] {
  const elements = node.children[key];
  if (elements === undefined) return none;
  return elements.length > 0 && isToken(elements[0]!) ? none : (elements as CstNode[]);
}

/** A token that was really in the text (not one the parser inserted while recovering). */
export function token(node: CstNode, key: string, index = 0): IToken | undefined {
  const element = node.children[key]?.[index];
  return element !== undefined && isToken(element) && !element.isInsertedInRecovery ? element : undefined;
}

export function tokens(node: CstNode, key: string): readonly IToken[] {
  const elements = node.children[key];
  if (elements === undefined) return none;
  const all = elements as IToken[];
  if (all.length > 0 && !isToken(all[0]!)) return none;
  return all.some((t) => t.isInsertedInRecovery) ? all.filter((t) => !t.isInsertedInRecovery) : all;
}

export function has(node: CstNode, key: string): boolean {
  return (node.children[key]?.length ?? 0) > 0;
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

/** Spans, names and diagnostics for one file. */
export class BuildContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    readonly starts: readonly number[],
    readonly textLength: number,
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
    return {
      file: this.file,
      start: { offset: t.startOffset, line: t.startLine ?? 0, column: t.startColumn ?? 0 },
      end: { offset: t.startOffset + t.image.length, line: t.endLine ?? 0, column: (t.endColumn ?? 0) + 1 },
    };
  }

  /** The node's extent; a recovered node without a usable location is incomplete. */
  nodeSpan(node: CstNode): Span {
    const l = node.location;
    if (!l || !Number.isFinite(l.startOffset) || !Number.isFinite(l.endOffset ?? Number.NaN)) throw new Incomplete();
    return {
      file: this.file,
      start: { offset: l.startOffset, line: l.startLine ?? 0, column: l.startColumn ?? 0 },
      end: { offset: (l.endOffset ?? 0) + 1, line: l.endLine ?? 0, column: (l.endColumn ?? 0) + 1 },
    };
  }

  name(t: IToken | undefined): Name {
    const present = need(t);
    return { text: present.image, span: this.tokenSpan(present) };
  }

  path(node: CstNode | undefined): Path {
    const present = need(node);
    const parts = tokens(present, 'Identifier').map((t) => this.name(t));
    if (parts.length === 0) throw new Incomplete();
    return { parts, span: this.nodeSpan(present) };
  }

  report(message: string, span: Span): void {
    this.diagnostics.push(error('KSP010', message, span));
  }
}
