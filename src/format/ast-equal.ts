// "Formatting changed nothing that matters": the syntax tree without source positions, and the
// comments as a multiset of texts (line comments without trailing blanks, which the printer drops;
// line ends as Prettier writes them).
import type { Comment, ModuleAst } from '../syntax/index.js';

const positionKeys = new Set(['span', 'opSpan']);

/** A copy of an AST with every span removed, for structural comparison. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!positionKeys.has(key)) out[key] = withoutSpans(v);
  return out;
}

export function commentTexts(comments: readonly Comment[]): string[] {
  return comments.map((c) => (c.block ? c.text.replace(/\r\n?/g, '\n') : c.text.trimEnd())).sort();
}

/** The module's meaning (comments aside) as a canonical string. */
function semanticFingerprint(ast: ModuleAst): string {
  const { comments: _comments, ...rest } = ast;
  return JSON.stringify(withoutSpans(rest), (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

export function sameModule(a: ModuleAst, b: ModuleAst): boolean {
  return semanticFingerprint(a) === semanticFingerprint(b) && JSON.stringify(commentTexts(a.comments)) === JSON.stringify(commentTexts(b.comments));
}
