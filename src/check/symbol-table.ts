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

  /**
   * One target per declaration referred to (a binder, a variable, a declaration's symbol): a
   * module refers to each many times, and the table lives as long as the module's check.
   */
  private readonly targets = new Map<object, SymbolTarget>();

  ref(span: Span, target: SymbolTarget): void {
    this.refs.push({ span, target });
  }

  /** A reference to a typed binder or variable `of`, which is named `name`. */
  refTyped(span: Span, of: { readonly span: Span; readonly type: Type }, name: string, kind: SymbolKind): void {
    const known = this.targets.get(of);
    if (known !== undefined && known.name === name && known.kind === kind) {
      this.refs.push({ span, target: known });
      return;
    }
    const target: SymbolTarget = { name, kind, span: of.span, type: of.type };
    if (known === undefined) this.targets.set(of, target);
    this.refs.push({ span, target });
  }

  /** A reference to a declaration. */
  refDecl(span: Span, sym: DeclSymbol): void {
    let target = this.targets.get(sym);
    if (target === undefined) {
      target = declTarget(sym);
      this.targets.set(sym, target);
    }
    this.refs.push({ span, target });
  }

  local(target: SymbolTarget): void {
    this.locals.push(target);
  }

  /** The expression itself serves as its typed span (nothing changes it once it is built). */
  expr(e: Expr): void {
    this.exprs.push(e);
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
