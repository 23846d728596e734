// The Prettier parser `kspec`: the project's own parser (src/syntax), whose CST becomes the tree
// Prettier prints. A file with any syntax error is refused with Prettier's error shape (`loc`), so
// `prettier file.kspec` shows the KSP code and position and nothing is ever printed from a tree
// that error recovery patched up.
import type { IToken } from 'chevrotain';
import { parseModule } from '../syntax/index.js';
import { markFrozenItems } from './frozen.js';
import type { CommentToken, KspecRoot } from './nodes.js';

export class KspecSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly loc: { readonly start: { readonly line: number; readonly column: number } },
  ) {
    super(message);
    this.name = 'KspecSyntaxError';
  }
}

export function parseForPrettier(text: string, file = '<input>'): KspecRoot {
  const result = parseModule(text, file);
  const first = result.diagnostics.find((d) => d.severity === 'error');
  if (first || !result.cst) {
    const start = first?.span.start ?? { line: 1, column: 1 };
    const message = first ? `${first.code}: ${first.message}` : 'KSP010: the file could not be parsed';
    throw new KspecSyntaxError(message, { start: { line: start.line, column: start.column } });
  }
  const comments = result.comments.map(asComment);
  const root: KspecRoot = Object.assign(result.cst, { comments });
  markFrozenItems(root, comments);
  return root;
}

function asComment(token: IToken): CommentToken {
  return Object.assign(token, { value: token.image });
}
