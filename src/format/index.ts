// The kspec formatter: a Prettier 3 plugin that prints from the Chevrotain CST (so every token and
// comment is in the tree it prints from), and `formatKspec`, which the `kproof fmt` command uses.
//
//   prettier --plugin kproof/prettier --write specs/**/*.kspec
import { format, type Parser, type Plugin, type Printer, type SupportLanguage } from 'prettier';
import { error, hasErrors, spanFromOffsets, lineStarts, type Diagnostic } from '../diagnostics/index.js';
import { parseModule } from '../syntax/index.js';
import { sameModule } from './ast-equal.js';
import { canAttachComment, getCommentChildNodes, handleComments, isBlockComment, printComment } from './comments.js';
import { locEnd, locStart, type KspecNode } from './nodes.js';
import { parseForPrettier } from './parse.js';
import { printKspec } from './print.js';

export { withoutSpans, commentTexts } from './ast-equal.js';

export const languages: SupportLanguage[] = [
  { name: 'kspec', parsers: ['kspec'], extensions: ['.kspec'], vscodeLanguageIds: ['kspec'] },
];

export const parsers: Record<string, Parser<KspecNode>> = {
  kspec: {
    parse: (text, options) => parseForPrettier(text, options.filepath),
    astFormat: 'kspec-cst',
    locStart,
    locEnd,
  },
};

export const printers: Record<string, Printer<KspecNode>> = {
  'kspec-cst': {
    print: printKspec,
    canAttachComment,
    getCommentChildNodes,
    isBlockComment,
    printComment,
    handleComments,
    willPrintOwnComments: () => true,
  },
};

/** kspec lines are long formulas: 100 columns, two-space indents. */
export const defaultOptions = { printWidth: 100, tabWidth: 2 };

const plugin: Plugin<KspecNode> = { languages, parsers, printers, defaultOptions };
export default plugin;

export interface FormatResult {
  /** absent when the file does not parse cleanly (or, defensively, when formatting would change its meaning) */
  readonly formatted?: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * Formats one file. A file with any error diagnostic is left alone. The result is re-parsed and
 * must have the same syntax tree and the same comments as the input; otherwise the formatter has a
 * bug, which is reported (KSP303) instead of handing back a changed spec.
 */
export async function formatKspec(text: string, file: string): Promise<FormatResult> {
  const parsed = parseModule(text, file);
  if (hasErrors(parsed.diagnostics) || !parsed.ast) return { diagnostics: parsed.diagnostics };
  let formatted: string;
  try {
    formatted = await format(text, { parser: 'kspec', plugins: [plugin], filepath: file });
  } catch (e) {
    return { diagnostics: [...parsed.diagnostics, internalError(text, file, e instanceof Error ? e.message : String(e))] };
  }
  const again = parseModule(formatted, file);
  if (hasErrors(again.diagnostics) || !again.ast || !sameModule(parsed.ast, again.ast)) {
    return { diagnostics: [...parsed.diagnostics, internalError(text, file, 'the formatted text would not mean the same as the original')] };
  }
  return { formatted, diagnostics: parsed.diagnostics };
}

function internalError(text: string, file: string, detail: string): Diagnostic {
  const span = spanFromOffsets(file, lineStarts(text), 0, 0);
  return error('KSP303', `the formatter cannot format this file (internal error: ${detail}); the file is left unchanged`, span);
}
