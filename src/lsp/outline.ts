// The document's shape: outline (declarations, machine items, proof steps), semantic tokens
// and the "verify" / "model check" lenses on theorems and models.
import { SymbolKind, SemanticTokensBuilder, type CodeLens, type DocumentSymbol, type SemanticTokens } from 'vscode-languageserver';
import type { IToken } from 'chevrotain';
import type { ModuleSymbols, SymbolKind as KspecKind } from '../check/index.js';
import type { Span } from '../diagnostics/index.js';
import type * as A from '../syntax/index.js';
import { sameFile, toRange } from './convert.js';
import { KEYWORDS, PREDEFINED_TYPES, PREDEFINED_VALUES } from './vocabulary.js';

const OUTLINE_KIND: Readonly<Record<string, SymbolKind>> = {
  enum: SymbolKind.Enum, record: SymbolKind.Struct, type: SymbolKind.TypeParameter, const: SymbolKind.Constant,
  def: SymbolKind.Function, machine: SymbolKind.Class, theorem: SymbolKind.Interface, lemma: SymbolKind.Interface,
  model: SymbolKind.Module, instance: SymbolKind.Module, var: SymbolKind.Field, action: SymbolKind.Method,
  have: SymbolKind.Key, assume: SymbolKind.Boolean, init: SymbolKind.Constructor, fair: SymbolKind.Event, property: SymbolKind.Property,
};

function symbol(name: string, kind: string, span: Span, selection: Span, children: DocumentSymbol[] = []): DocumentSymbol {
  return { name, kind: OUTLINE_KIND[kind] ?? SymbolKind.Object, range: toRange(span), selectionRange: toRange(selection), children };
}

function steps(proof: A.Proof | undefined): DocumentSymbol[] {
  if (!proof || proof.kind !== 'steps') return [];
  return proof.steps.map((s) => symbol(s.name.text, 'have', s.span, s.name.span, steps(s.proof)));
}

function machineItem(item: A.MachineItem): DocumentSymbol {
  if (item.kind === 'init') return symbol('init', 'init', item.span, item.span);
  if (item.kind === 'fair') return symbol(`fair ${item.strength} ${item.action.text}`, 'fair', item.span, item.action.span);
  return symbol(item.name.text, item.kind, item.span, item.name.span);
}

/** The properties a model states (`check p: F`): named claims of their own, unlike the checks by name. */
function modelProperties(model: A.ModelDecl): DocumentSymbol[] {
  return model.checks.flatMap((c) => (c.kind === 'property' ? [symbol(c.name.text, 'property', c.span, c.name.span)] : []));
}

export function documentSymbols(ast: A.ModuleAst): DocumentSymbol[] {
  return ast.decls.map((d) => {
    if (d.kind === 'assume') return symbol(d.name?.text ?? 'assume', 'assume', d.span, d.name?.span ?? d.span);
    if (d.kind === 'machine') return symbol(d.name.text, 'machine', d.span, d.name.span, d.items.map(machineItem));
    if (d.kind === 'extend') return symbol(`extend ${d.machine.parts.map((p) => p.text).join('.')}`, 'machine', d.span, d.machine.span, d.defs.map(machineItem));
    if (d.kind === 'theorem' || d.kind === 'lemma') return symbol(d.name.text, d.kind, d.span, d.name.span, steps(d.proof));
    if (d.kind === 'model') return symbol(d.name.text, 'model', d.span, d.name.span, modelProperties(d));
    if (d.kind === 'enum') return symbol(d.name.text, 'enum', d.span, d.name.span, d.ctors.map((c) => ({ name: c.name.text, kind: SymbolKind.EnumMember, range: toRange(c.span), selectionRange: toRange(c.name.span) })));
    if (d.kind === 'record') return symbol(d.name.text, 'record', d.span, d.name.span, d.fields.map((f) => ({ name: f.name.text, kind: SymbolKind.Field, range: toRange(f.span), selectionRange: toRange(f.name.span) })));
    return symbol(d.name.text, d.kind, d.span, d.name.span);
  });
}

// ---------------------------------------------------------------------------------------------
// Semantic tokens

export const TOKEN_TYPES = ['keyword', 'type', 'function', 'variable', 'parameter', 'enumMember', 'comment', 'string', 'number', 'operator', 'property', 'method', 'namespace', 'struct', 'enum', 'class', 'interface'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;
type TokenType = (typeof TOKEN_TYPES)[number];

const BY_KIND: Readonly<Record<KspecKind, TokenType>> = {
  local: 'parameter', step: 'variable', var: 'variable', def: 'function', action: 'method', const: 'variable', type: 'type',
  record: 'struct', field: 'property', enum: 'enum', ctor: 'enumMember', machine: 'class', theorem: 'interface', lemma: 'interface',
  model: 'namespace', instance: 'namespace',
};

function classifier(symbols: ModuleSymbols | undefined, file: string): Map<number, { type: TokenType; declaration: boolean; readonly: boolean }> {
  const byOffset = new Map<number, { type: TokenType; declaration: boolean; readonly: boolean }>();
  if (!symbols) return byOffset;
  const here = (s: Span): boolean => sameFile(s.file, file);
  for (const d of [...symbols.decls, ...symbols.table.locals]) if (here(d.span)) byOffset.set(d.span.start.offset, { type: BY_KIND[d.kind], declaration: true, readonly: d.kind === 'const' });
  for (const r of symbols.table.refs) if (here(r.span)) byOffset.set(r.span.start.offset, { type: BY_KIND[r.target.kind], declaration: false, readonly: r.target.kind === 'const' });
  return byOffset;
}

/** A multi-line block comment, one token per line (a semantic token may not span lines). */
function pushMultiline(b: SemanticTokensBuilder, image: string, line: number, column: number, type: TokenType): void {
  image.split(/\r?\n|\r/).forEach((part, i) => {
    if (part.length > 0) b.push(line + i, i === 0 ? column : 0, part.length, TOKEN_TYPES.indexOf(type), 0);
  });
}

/** Tokens in source order, positioned by the lexer, classified by what resolution found. */
export function semanticTokens(parse: A.ParseResult, symbols: ModuleSymbols | undefined, file: string): SemanticTokens {
  const b = new SemanticTokensBuilder();
  const known = classifier(symbols, file);
  const all: IToken[] = [...parse.tokens, ...parse.comments].sort((x, y) => x.startOffset - y.startOffset);
  for (const t of all) {
    const kind = t.tokenType.name;
    const line = (t.startLine ?? 1) - 1;
    const column = (t.startColumn ?? 1) - 1;
    const length = t.image.length;
    if (kind === 'LineComment' || kind === 'BlockComment') {
      pushMultiline(b, t.image, line, column, 'comment');
      continue;
    }
    let type: TokenType | undefined;
    let modifiers = 0;
    if (kind === 'Identifier') {
      const c = known.get(t.startOffset);
      if (c) {
        type = c.type;
        modifiers = (c.declaration ? 1 : 0) | (c.readonly ? 2 : 0);
      } else if (PREDEFINED_TYPES.includes(t.image)) {
        type = 'type';
        modifiers = 4;
      } else if (PREDEFINED_VALUES.includes(t.image)) {
        type = 'function';
        modifiers = 4;
      }
    } else if (KEYWORDS.has(t.image)) type = 'keyword';
    else if (kind === 'StringLiteral') type = 'string';
    else if (kind === 'IntLiteral') type = 'number';
    if (type) b.push(line, column, length, TOKEN_TYPES.indexOf(type), modifiers);
  }
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// Code lenses

export function codeLenses(ast: A.ModuleAst, uri: string, status: (name: string) => string | undefined): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const d of ast.decls) {
    if (d.kind === 'theorem' || d.kind === 'lemma') {
      const s = status(d.name.text);
      lenses.push({ range: toRange(d.name.span), command: { title: s ? `${s === 'proved' ? '✓' : '✗'} ${s} — re-verify` : 'verify', command: 'kproof.verify', arguments: [uri, d.name.text] } });
    } else if (d.kind === 'model') {
      lenses.push({ range: toRange(d.name.span), command: { title: 'model check', command: 'kproof.modelCheck', arguments: [uri, d.name.text] } });
    }
  }
  return lenses;
}
