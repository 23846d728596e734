// What name resolution found, kept for editors: every reference with the declaration it resolved
// to, every declared local, and the type of every checked expression. The checker only appends
// here; the language server reads it (go to definition, references, rename, hover, completion).
import type { Span } from '../diagnostics/index.js';
import type { Expr, Level, Type } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import type { DeclSymbol } from './symbols.js';

export type SymbolKind =
  | 'local' | 'step' | 'var' | 'def' | 'action' | 'const' | 'type' | 'record' | 'field' | 'enum' | 'ctor'
  | 'machine' | 'theorem' | 'lemma' | 'model' | 'instance';

export interface SymbolTarget {
  readonly name: string;
  readonly kind: SymbolKind;
  /** the declaring name token (in the declaring module's file) */
  readonly span: Span;
  readonly type?: Type;
}

export interface SymbolRef {
  readonly span: Span;
  readonly target: SymbolTarget;
}

export interface TypedSpan {
  readonly span: Span;
  readonly type: Type;
  readonly level: Level;
}

export class SymbolTable {
  readonly refs: SymbolRef[] = [];
  /** locals (binders, parameters, let names, proof steps) declared in this module */
  readonly locals: SymbolTarget[] = [];
  readonly exprs: TypedSpan[] = [];

  ref(span: Span, target: SymbolTarget): void {
    this.refs.push({ span, target });
  }

  local(target: SymbolTarget): void {
    this.locals.push(target);
  }

  expr(e: Expr): void {
    this.exprs.push({ span: e.span, type: e.type, level: e.level });
  }
}

export function declTarget(sym: DeclSymbol): SymbolTarget {
  return { name: sym.name.text, kind: declKind(sym), span: sym.name.span };
}

function declKind(sym: DeclSymbol): SymbolKind {
  switch (sym.kind) {
    case 'alias':
    case 'abstractType':
    case 'boundType':
      return 'type';
    case 'boundConst':
      return 'const';
    case 'boundDef':
      return 'def';
    case 'theorem':
      return sym.ast.kind;
    default:
      return sym.kind;
  }
}

/** A declaration visible in a module: its own, or one reached through an import prefix. */
export interface ScopeEntry {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly span: Span;
}

export interface ModuleSymbols {
  readonly module: string;
  readonly table: SymbolTable;
  /** this module's declarations, and each enum's constructors */
  readonly decls: readonly ScopeEntry[];
  /** import prefix (path or alias) → the imported module's declarations */
  readonly imports: ReadonlyMap<string, readonly ScopeEntry[]>;
}

function scopeOf(mc: ModuleChecker): ScopeEntry[] {
  const out: ScopeEntry[] = [];
  for (const sym of mc.decls.values()) {
    out.push(declTarget(sym));
    if (sym.kind === 'enum') for (const c of sym.ast.ctors) out.push({ name: c.name.text, kind: 'ctor', span: c.name.span });
  }
  return out;
}

export function moduleSymbols(mc: ModuleChecker): ModuleSymbols {
  const imports = new Map<string, ScopeEntry[]>();
  for (const [prefix, m] of mc.imports) if (m) imports.set(prefix, scopeOf(m));
  return { module: mc.name, table: mc.symbols, decls: scopeOf(mc), imports };
}
