// What every node printer gets: the node, Prettier's path and options, and small helpers to print
// a child through Prettier (so its comments come with it) or read a token's text.
import type { CstNode } from 'chevrotain';
import type { AstPath, Doc, ParserOptions } from 'prettier';
import { doc } from 'prettier';
import { commentText } from './comments.js';
import { childNodes, childTokens, type KspecNode } from './nodes.js';

const { hardline, join } = doc.builders;

export type PrintFn = (selector?: string | number | Array<string | number> | AstPath<KspecNode>, args?: unknown) => Doc;

/** Options a parent passes to a child's printer. */
export interface PrintArgs {
  /** a binary chain whose continuation lines the parent already indents */
  readonly flatChain?: boolean;
  /** the parent's layout puts a possible line break right after this node (see print-comments.ts) */
  readonly lineFollows?: boolean;
}

export class PrintContext {
  constructor(
    readonly node: CstNode,
    readonly path: AstPath<KspecNode>,
    readonly options: ParserOptions<KspecNode>,
    private readonly printFn: PrintFn,
    readonly args: PrintArgs,
  ) {}

  get text(): string {
    return this.options.originalText;
  }

  /** The `index`-th child node under `key`, printed with its comments. */
  child(key: string, index = 0, args?: PrintArgs): Doc {
    if (childNodes(this.node, key)[index] === undefined) return '';
    return this.printFn(['children', key, index], args);
  }

  /** Every child node under `key`, printed. */
  all(key: string, args?: PrintArgs): Doc[] {
    return childNodes(this.node, key).map((_, i) => this.printFn(['children', key, i], args));
  }

  /** Prints a descendant reached through several keys, e.g. `['binaryTail', 2, 'operand', 0]`. */
  descendant(steps: ReadonlyArray<string | number>, args?: PrintArgs): Doc {
    const selector: Array<string | number> = [];
    for (let i = 0; i < steps.length; i += 2) selector.push('children', steps[i]!, steps[i + 1]!);
    return this.printFn(selector, args);
  }

  token(key: string, index = 0): string {
    return childTokens(this.node, key)[index]?.image ?? '';
  }

  tokens(key: string): string[] {
    return childTokens(this.node, key).map((t) => t.image);
  }

  has(key: string): boolean {
    return (this.node.children[key]?.length ?? 0) > 0;
  }

  /** Comments Prettier left inside this node (an empty block); printing marks them as printed. */
  danglingComments(): Doc {
    const comments = (this.node as KspecNode).comments?.filter((c) => !c.leading && !c.trailing && !c.printed) ?? [];
    for (const c of comments) c.printed = true;
    return join(hardline, comments.map(commentText));
  }

  hasDanglingComments(): boolean {
    return ((this.node as KspecNode).comments ?? []).some((c) => !c.leading && !c.trailing && !c.printed);
  }
}
