// Completion: names in scope, members after `.` (a module's declarations, an enum's constructors,
// a record's fields, collection methods) and proof rules and lemmas after `by`.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { ModuleSymbols, ScopeEntry, SymbolKind, TypedSpan } from '../check/index.js';
import { shortName, typeToString, type Type } from '../ir/index.js';
import type * as A from '../syntax/index.js';
import { sameFile } from './convert.js';
import { declarationAt, declarationHeader } from './declarations.js';
import { BUILTIN_RULES, KEYWORDS, PREDEFINED_TYPES, PREDEFINED_VALUES, methodsOf } from './vocabulary.js';

export interface CompletionSources {
  readonly parsed: (file: string) => { text: string; parse: A.ParseResult } | undefined;
}

export interface CompletionRequest {
  readonly file: string;
  /** the document's current text and the cursor's offset in it */
  readonly text: string;
  readonly offset: number;
  /** the last analysis: possibly of an older version (the text being typed rarely checks) */
  readonly symbols?: ModuleSymbols;
  /** the analysis before the current edit: a half-typed `x.` rarely checks, the text before it did */
  readonly previous?: ModuleSymbols;
  readonly ast?: A.ModuleAst;
}

const ITEM_KIND: Readonly<Record<SymbolKind, CompletionItemKind>> = {
  local: CompletionItemKind.Variable, step: CompletionItemKind.Reference, var: CompletionItemKind.Field,
  def: CompletionItemKind.Function, action: CompletionItemKind.Method, const: CompletionItemKind.Constant,
  type: CompletionItemKind.TypeParameter, record: CompletionItemKind.Struct, field: CompletionItemKind.Field,
  enum: CompletionItemKind.Enum, ctor: CompletionItemKind.EnumMember, machine: CompletionItemKind.Class,
  theorem: CompletionItemKind.Interface, lemma: CompletionItemKind.Interface, model: CompletionItemKind.Module,
  instance: CompletionItemKind.Module,
};

function entryItem(e: ScopeEntry, sources: CompletionSources, label = e.name): CompletionItem {
  const item: CompletionItem = { label, kind: ITEM_KIND[e.kind] };
  const src = sources.parsed(e.span.file);
  const decl = src?.parse.ast ? declarationAt(src.parse.ast, e.span.start.offset) : undefined;
  if (decl && src && e.kind !== 'local') item.detail = declarationHeader(decl, src.text).replace(/\s+/g, ' ');
  return item;
}

export function complete(req: CompletionRequest, sources: CompletionSources): CompletionItem[] {
  const lineStart = req.text.lastIndexOf('\n', req.offset - 1) + 1;
  const before = req.text.slice(lineStart, req.offset);
  if (/\b(by|using)\s+(?:[\w.]+\s*,\s*)*[\w.]*$/.test(before) || /\bqed\s+by\s+[\w.]*$/.test(before)) return proofNames(req, sources, /\bby\s+[\w.]*$/.test(before));
  const member = /([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(\w*)$/.exec(before);
  if (member) return members(req, sources, member[1]!, req.offset - member[2]!.length - 1);
  return inScope(req, sources);
}

function proofNames(req: CompletionRequest, sources: CompletionSources, rules: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (rules) for (const [name, detail] of Object.entries(BUILTIN_RULES)) items.push({ label: name, kind: CompletionItemKind.Keyword, detail });
  const provable = (e: ScopeEntry): boolean => e.kind === 'theorem' || e.kind === 'lemma';
  for (const e of req.symbols?.decls ?? []) if (provable(e)) items.push(entryItem(e, sources));
  for (const [prefix, entries] of req.symbols?.imports ?? []) {
    for (const e of entries) if (provable(e)) items.push(entryItem(e, sources, `${prefix}.${e.name}`));
  }
  for (const step of stepsInScope(req)) items.push({ label: step, kind: CompletionItemKind.Reference, detail: 'proof step' });
  return items;
}

function enclosingDecl(ast: A.ModuleAst | undefined, offset: number): A.Decl | undefined {
  return ast?.decls.find((d) => d.span.start.offset <= offset && offset <= d.span.end.offset);
}

function stepsInScope(req: CompletionRequest): string[] {
  const d = enclosingDecl(req.ast, req.offset);
  if (!d || (d.kind !== 'theorem' && d.kind !== 'lemma') || !d.proof || d.proof.kind !== 'steps') return [];
  return d.proof.steps.filter((s) => s.span.end.offset <= req.offset).map((s) => s.name.text);
}

function findEntry(req: CompletionRequest, path: string): ScopeEntry | undefined {
  const parts = path.split('.');
  if (parts.length === 1) return req.symbols?.decls.find((e) => e.name === path && e.kind !== 'ctor');
  const prefix = parts.slice(0, -1).join('.');
  return req.symbols?.imports.get(prefix)?.find((e) => e.name === parts[parts.length - 1] && e.kind !== 'ctor');
}

function members(req: CompletionRequest, sources: CompletionSources, path: string, dotOffset: number): CompletionItem[] {
  const imported = req.symbols?.imports.get(path);
  if (imported) return imported.map((e) => entryItem(e, sources));
  const entry = findEntry(req, path);
  if (entry?.kind === 'enum') return enumCtors(entry, sources);
  const typed = typeBefore(req, dotOffset);
  return typed ? membersOfType(req, typed.type, sources) : [];
}

function enumCtors(entry: ScopeEntry, sources: CompletionSources): CompletionItem[] {
  const src = sources.parsed(entry.span.file);
  const decl = src?.parse.ast ? declarationAt(src.parse.ast, entry.span.start.offset) : undefined;
  if (!decl || decl.kind !== 'enum') return [];
  return decl.ctors.map((c) => ({ label: c.name.text, kind: CompletionItemKind.EnumMember, detail: src!.text.slice(c.span.start.offset, c.span.end.offset) }));
}

/** The expression that ends right before the dot, in the last analysis. */
function typeBefore(req: CompletionRequest, dotOffset: number): TypedSpan | undefined {
  for (const symbols of [req.symbols, req.previous]) {
    let best: TypedSpan | undefined;
    for (const e of symbols?.table.exprs ?? []) {
      if (!sameFile(e.span.file, req.file) || e.span.end.offset !== dotOffset) continue;
      if (!best || e.span.start.offset < best.span.start.offset) best = e;
    }
    if (best) return best;
  }
  return undefined;
}

function membersOfType(req: CompletionRequest, t: Type, sources: CompletionSources): CompletionItem[] {
  if (t.kind === 'seq' || t.kind === 'set' || t.kind === 'map' || t.kind === 'string') {
    return methodsOf(t.kind).map((m) => ({ label: m.name, kind: CompletionItemKind.Method, detail: m.detail }));
  }
  if (t.kind === 'tuple') return t.elems.map((e, i) => ({ label: String(i), kind: CompletionItemKind.Field, detail: typeToString(e) }));
  if (t.kind !== 'record') return [];
  const name = shortName(t.name);
  const all = [...(req.symbols?.decls ?? []), ...[...(req.symbols?.imports.values() ?? [])].flat()];
  const entry = all.find((e) => e.kind === 'record' && e.name === name);
  const src = entry ? sources.parsed(entry.span.file) : undefined;
  const decl = entry && src?.parse.ast ? declarationAt(src.parse.ast, entry.span.start.offset) : undefined;
  if (!decl || decl.kind !== 'record') return [];
  return decl.fields.map((f) => ({ label: f.name.text, kind: CompletionItemKind.Field, detail: src!.text.slice(f.type.span.start.offset, f.type.span.end.offset) }));
}

function machineOf(req: CompletionRequest, d: A.Decl | undefined): A.MachineDecl | undefined {
  if (d?.kind === 'machine') return d;
  const path = d?.kind === 'theorem' || d?.kind === 'lemma' || d?.kind === 'model' ? d.machine : undefined;
  if (!path || path.parts.length !== 1) return undefined;
  const m = req.ast?.decls.find((x) => x.kind === 'machine' && x.name.text === path.parts[0]!.text);
  return m?.kind === 'machine' ? m : undefined;
}

function inScope(req: CompletionRequest, sources: CompletionSources): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  const add = (item: CompletionItem): void => {
    if (!items.has(item.label)) items.set(item.label, item);
  };
  const d = enclosingDecl(req.ast, req.offset);
  for (const l of req.symbols?.table.locals ?? []) {
    if (!d || !sameFile(l.span.file, req.file) || l.span.start.offset < d.span.start.offset || l.span.start.offset > Math.min(req.offset, d.span.end.offset)) continue;
    add({ label: l.name, kind: ITEM_KIND[l.kind], ...(l.type ? { detail: typeToString(l.type) } : {}) });
  }
  const machine = machineOf(req, d);
  for (const item of machine?.items ?? []) {
    if (item.kind === 'var') add({ label: item.name.text, kind: CompletionItemKind.Field, detail: `variable of ${machine!.name.text}` });
    else if (item.kind === 'def' || item.kind === 'action') add({ label: item.name.text, kind: item.kind === 'def' ? CompletionItemKind.Function : CompletionItemKind.Method, detail: item.kind });
  }
  for (const e of req.symbols?.decls ?? []) add(entryItem(e, sources));
  for (const prefix of req.symbols?.imports.keys() ?? []) add({ label: prefix, kind: CompletionItemKind.Module, detail: 'imported module' });
  for (const v of PREDEFINED_VALUES) add({ label: v, kind: CompletionItemKind.Function, detail: 'predefined' });
  for (const t of PREDEFINED_TYPES) add({ label: t, kind: CompletionItemKind.TypeParameter, detail: 'predefined type' });
  for (const k of KEYWORDS) add({ label: k, kind: CompletionItemKind.Keyword });
  return [...items.values()];
}
