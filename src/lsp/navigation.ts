// Go to definition, find references and rename, from the references name resolution recorded.
import type { Location } from 'vscode-languageserver';
import type { ModuleSymbols, SymbolRef, SymbolTarget } from '../check/index.js';
import type { Span } from '../diagnostics/index.js';
import type { Position } from 'vscode-languageserver';
import { pathToUri, sameFile, spanContains, spanLength, toRange } from './convert.js';

export function targetKey(t: { readonly span: Span }): string {
  return `${t.span.file}\u0000${t.span.start.offset}`;
}

/** The symbol under the cursor: a reference, or a declaration's own name. */
export function symbolAt(symbols: ModuleSymbols, file: string, pos: Position): { target: SymbolTarget; at: Span } | undefined {
  let best: SymbolRef | undefined;
  for (const r of symbols.table.refs) {
    if (!sameFile(r.span.file, file) || !spanContains(r.span, pos)) continue;
    if (!best || spanLength(r.span) < spanLength(best.span)) best = r;
  }
  if (best) return { target: best.target, at: best.span };
  const here = (d: SymbolTarget): boolean => sameFile(d.span.file, file) && spanContains(d.span, pos);
  // machine items and fields are declarations too, known from the references to them
  const declared = symbols.table.locals.find(here) ?? symbols.decls.find(here) ?? symbols.table.refs.find((r) => here(r.target))?.target;
  return declared ? { target: declared, at: declared.span } : undefined;
}

export function locationOf(span: Span): Location {
  return { uri: pathToUri(span.file), range: toRange(span) };
}

/** Every use of `target` among the given modules, and its declaration when asked, without duplicates. */
export function referencesTo(target: SymbolTarget, modules: readonly ModuleSymbols[], includeDeclaration: boolean): Span[] {
  const key = targetKey(target);
  const seen = new Set<string>();
  const out: Span[] = [];
  const add = (s: Span): void => {
    const k = targetKey({ span: s });
    if (seen.has(k)) return;
    seen.add(k);
    out.push(s);
  };
  if (includeDeclaration) add(target.span);
  for (const m of modules) for (const r of m.table.refs) if (targetKey(r.target) === key) add(r.span);
  return out;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function validNewName(name: string, keywords: ReadonlySet<string>): string | undefined {
  if (!IDENT.test(name)) return `\`${name}\` is not a name (letters, digits and _, not starting with a digit)`;
  if (keywords.has(name)) return `\`${name}\` is a keyword`;
  return undefined;
}
