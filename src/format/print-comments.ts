// Every node prints its own leading and trailing comments (the printer tells Prettier so with
// `willPrintOwnComments`). Where a comment goes depends on what follows the node in its parent's
// layout: when a line break comes next (`lineFollows`: an item of a block or a list, a condition
// before `then`), an end-of-line comment is deferred to the end of that line, as Prettier does;
// anywhere else it is printed at once and the line is broken after it. Two end-of-line comments
// can then never be flushed onto one line, which would turn the second into part of the first.
import { doc, type Doc } from 'prettier';
import { commentText, isBlockComment } from './comments.js';
import { locEnd, type CommentToken, type KspecNode } from './nodes.js';

const { breakParent, hardline, lineSuffix } = doc.builders;

function newlineBefore(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

function newlineAfter(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** An empty line right after the comment (kept, as Prettier keeps it). */
function blankLineAfter(text: string, comment: CommentToken): boolean {
  const rest = /^[ \t]*\r?\n([ \t]*)(\r?\n)?/.exec(text.slice(locEnd(comment)));
  return rest?.[2] !== undefined;
}

function blankLineBefore(text: string, comment: CommentToken): boolean {
  return /\n[ \t]*\r?\n[ \t]*$/.test(text.slice(0, comment.startOffset));
}

export function printLeading(text: string, comment: CommentToken): Doc[] {
  const parts: Doc[] = [commentText(comment)];
  if (!isBlockComment(comment) || newlineAfter(text, locEnd(comment))) {
    parts.push(hardline);
    if (blankLineAfter(text, comment)) parts.push(hardline);
  } else parts.push(' ');
  return parts;
}

/**
 * Trailing comments, in order. A line comment ends its line, so whatever comes after it starts a
 * new line: a later comment of the same node is printed on the line below.
 */
export function printTrailing(text: string, comments: readonly CommentToken[], lineFollows: boolean): Doc[] {
  let lineEnded = false;
  return comments.map((comment) => {
    const printed = commentText(comment);
    const block = isBlockComment(comment);
    const startsLine = lineEnded;
    const ownLine = startsLine || newlineBefore(text, comment.startOffset);
    lineEnded ||= !block;
    if (block && !ownLine) return [' ', printed];
    if (lineFollows) {
      const blank = !startsLine && blankLineBefore(text, comment) ? hardline : '';
      return [lineSuffix(ownLine ? [hardline, blank, printed] : [' ', printed]), breakParent];
    }
    return [startsLine ? '' : ownLine ? hardline : ' ', printed, block ? ' ' : hardline];
  });
}

/** The node's doc with the comments attached to it that nothing has printed yet. */
export function withComments(node: KspecNode, printed: Doc, text: string, lineFollows: boolean): Doc {
  const comments = (node.comments ?? []).filter((c) => !c.printed && (c.leading || c.trailing));
  if (comments.length === 0) return printed;
  for (const c of comments) c.printed = true;
  const leading = comments.filter((c) => c.leading).flatMap((c) => printLeading(text, c));
  const trailing = printTrailing(text, comments.filter((c) => c.trailing), lineFollows);
  return [...leading, printed, ...trailing];
}
