// The printer `kspec-cst`: terminals print their text, rule nodes dispatch on their name. Frozen
// chunks (`kproof-fmt: off`, `prettier-ignore`) print as the original text.
import type { CstNode } from 'chevrotain';
import type { AstPath, Doc, ParserOptions } from 'prettier';
import { doc } from 'prettier';
import { commentText } from './comments.js';
import { PrintContext, type PrintArgs, type PrintFn } from './context.js';
import { chunkOf } from './frozen.js';
import { isToken, type KspecNode } from './nodes.js';
import { withComments } from './print-comments.js';
import { declarationPrinters } from './print-decl.js';
import { expressionPrinters } from './print-expr.js';

const { hardline } = doc.builders;

const printers = { ...declarationPrinters, ...expressionPrinters };

export function printKspec(path: AstPath<KspecNode>, options: ParserOptions<KspecNode>, print: PrintFn, args?: unknown): Doc {
  const node = path.node;
  if (isToken(node)) return node.image;
  const printArgs = (args ?? {}) as PrintArgs;
  return withComments(node, printNode(node, path, options, print, printArgs), options.originalText, printArgs.lineFollows === true);
}

function printNode(node: CstNode, path: AstPath<KspecNode>, options: ParserOptions<KspecNode>, print: PrintFn, args: PrintArgs): Doc {
  const chunk = chunkOf(node);
  if (chunk) {
    for (const c of (node as KspecNode).comments ?? []) if (!c.leading && !c.trailing) c.printed = true;
    return options.originalText.slice(chunk.start, chunk.end);
  }
  const printer = printers[node.name];
  if (!printer) throw new Error(`kspec printer: no layout for CST rule \`${node.name}\``);
  const printed = printer(new PrintContext(node, path, options, print, args));
  return [strayComments(node), printed];
}

/**
 * A comment that fell between two tokens of a construct with no child to hold it (`f(/* x *\/)`)
 * is printed just before the construct: moved a little, never lost.
 */
function strayComments(node: KspecNode): Doc {
  const stray = (node.comments ?? []).filter((c) => !c.leading && !c.trailing && !c.printed);
  return stray.map((c) => {
    c.printed = true;
    return [commentText(c), c.tokenType.name === 'BlockComment' ? ' ' : hardline];
  });
}
