// Hover: what a name is (its declaration, a lemma's statement and module, a theorem's proof
// status), or the type and level of the smallest expression under the cursor.
import type { Hover, Position } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import { typeToString } from '../ir/index.js';
import type { ModuleSymbols, SymbolTarget, TypedSpan } from '../check/index.js';
import { sameFile, spanContains, spanLength, toRange } from './convert.js';
import { declarationAt, declarationHeader } from './declarations.js';
import { symbolAt } from './navigation.js';
import type { ParseResult } from '../syntax/index.js';

export interface HoverSources {
  /** text and syntax of a file (an open buffer or the file on disk) */
  readonly parsed: (file: string) => { text: string; parse: ParseResult } | undefined;
  /** the last proof status of a theorem, by the span of its name */
  readonly status: (target: SymbolTarget) => string | undefined;
  readonly moduleOf: (file: string) => string | undefined;
}

const KIND_WORD: Readonly<Record<SymbolTarget['kind'], string>> = {
  local: 'bound name', step: 'proof step', var: 'variable', def: 'def', action: 'action', const: 'constant', type: 'type',
  record: 'record', field: 'field', enum: 'enum', ctor: 'constructor', machine: 'machine', theorem: 'theorem', lemma: 'lemma',
  model: 'model', instance: 'instance',
};

function describe(target: SymbolTarget, sources: HoverSources): string {
  const lines: string[] = [];
  const source = sources.parsed(target.span.file);
  const decl = source?.parse.ast ? declarationAt(source.parse.ast, target.span.start.offset) : undefined;
  const code = decl && source && target.kind !== 'local' ? declarationHeader(decl, source.text) : `${target.name}${target.type ? `: ${typeToString(target.type)}` : ''}`;
  lines.push(fenced(code));
  const module = sources.moduleOf(target.span.file);
  lines.push(`*${KIND_WORD[target.kind]}*${module ? ` in module \`${module}\`` : ''} (${target.span.file}:${target.span.start.line})`);
  if (target.type && decl && target.kind !== 'local') lines.push(`type: \`${typeToString(target.type)}\``);
  const status = target.kind === 'theorem' || target.kind === 'lemma' ? sources.status(target) : undefined;
  if (status) lines.push(`status: **${status}**`);
  return lines.join('\n\n');
}

function fenced(code: string): string {
  return `\`\`\`kspec\n${code}\n\`\`\``;
}

function smallestExpr(exprs: readonly TypedSpan[], file: string, pos: Position): TypedSpan | undefined {
  let best: TypedSpan | undefined;
  for (const e of exprs) {
    if (!sameFile(e.span.file, file) || !spanContains(e.span, pos)) continue;
    if (!best || spanLength(e.span) < spanLength(best.span)) best = e;
  }
  return best;
}

export function hoverAt(symbols: ModuleSymbols, file: string, pos: Position, sources: HoverSources): Hover | null {
  const sym = symbolAt(symbols, file, pos);
  if (sym) {
    const typed = smallestExpr(symbols.table.exprs, file, pos);
    const target = !sym.target.type && typed && typed.span.start.offset === sym.at.start.offset ? { ...sym.target, type: typed.type } : sym.target;
    return { contents: { kind: MarkupKind.Markdown, value: describe(target, sources) }, range: toRange(sym.at) };
  }
  const e = smallestExpr(symbols.table.exprs, file, pos);
  if (!e) return null;
  return { contents: { kind: MarkupKind.Markdown, value: `${fenced(typeToString(e.type))}\n\n${e.level}-level expression` }, range: toRange(e.span) };
}
