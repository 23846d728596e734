// One module being checked: its declarations, what it imports, qualified-name resolution,
// type resolution and the memoized signatures other modules and instances read.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import type { Binder, Level, ModuleIR, QName, RecordDecl, EnumDecl, Type, Expr } from '../ir/index.js';
import type { Diags } from './diags.js';
import type { Registry } from './registry.js';
import type { IdSource } from './ids.js';
import { didYouMean } from './suggest.js';
import { ERROR_TYPE } from './typing.js';
import {
  PREDEFINED_TYPES,
  PREDEFINED_VALUES,
  kindWord,
  type DeclSymbol,
  type DefSig,
  type DefSymbol,
  type EnumSymbol,
  type MachineInfo,
  type MachineSymbol,
  type RecordSymbol,
  type TheoremSig,
  type TheoremSymbol,
} from './symbols.js';
import { ExprChecker } from './expr.js';
import { resolveTypeExpr } from './type-resolve.js';
import { defSignature, machineSignature, theoremSignature } from './signatures.js';
import { materializeInstance } from './instance.js';
import { SymbolTable } from './symbol-table.js';
import type { DerivedPosition, ModuleUnits } from './units.js';

/**
 * What an instance gives the abstract types of the generic module it re-checks. Its def and
 * constant bindings come later (`bind`): their signatures may mention the instance's own types.
 */
export interface InstanceSubst {
  readonly genericModule: ModuleChecker;
  /** the module that declares the instance (the defs it binds may read that module's constants) */
  readonly host: ModuleChecker;
  readonly types: ReadonlyMap<string, Type>;
  readonly span: Span;
}

/** what may be used through an instance while its def and constant bindings are checked */
const TYPE_KINDS: ReadonlySet<DeclSymbol['kind']> = new Set(['record', 'enum', 'alias', 'abstractType', 'boundType']);

export type PathResult =
  | { readonly kind: 'decl'; readonly sym: DeclSymbol; readonly module: ModuleChecker; readonly consumed: number }
  | { readonly kind: 'ctor'; readonly sym: EnumSymbol; readonly module: ModuleChecker; readonly ctor: string; readonly consumed: number }
  /** already reported, or inside a module that failed to load: say nothing more */
  | { readonly kind: 'silent' };

export class ModuleChecker {
  readonly decls = new Map<string, DeclSymbol>();
  /** bare constructor names of this module's enums */
  readonly ctors = new Map<string, { readonly sym: EnumSymbol; readonly ctor: string }[]>();
  readonly exprs: ExprChecker;
  /** the machine each `extend` block names (null: it names none, which is reported) */
  private readonly extended = new Map<A.ExtendDecl, MachineInfo | null>();
  /** 'building': its type bindings are being resolved, so nothing of it exists yet */
  private readonly instanceModules = new Map<A.InstanceDecl, ModuleChecker | null | 'building'>();
  /** an instance module whose def and constant bindings are not in place yet: only its types may be used */
  bindingsPending: boolean;
  /** counts uses of symbols bound by an instance, so an `assume` knows whether it mentions one */
  boundUses = 0;
  /** the file had syntax errors, so some declarations are missing: unknown names are not reported */
  incomplete = false;
  /** while checking a def body or an assume: the defs it calls */
  calls: Set<QName> | undefined;
  ir?: ModuleIR;
  /** where each unit of the finished check put its output, for re-checks after an edit */
  units?: ModuleUnits;
  /** what resolution found, for editors */
  readonly symbols = new SymbolTable();
  /** positions the check computed rather than took from the syntax tree */
  readonly derived: DerivedPosition[] = [];

  constructor(
    readonly name: string,
    readonly file: string,
    readonly ast: A.ModuleAst,
    readonly ids: IdSource,
    readonly diags: Diags,
    /** qualified-name prefixes usable in this module: an import's path or its alias */
    readonly imports: ReadonlyMap<string, ModuleChecker | null>,
    /** every module this one may instantiate, by its path (null: it failed to load) */
    readonly modulesByPath: ReadonlyMap<string, ModuleChecker | null>,
    readonly registry: Registry,
    readonly subst?: InstanceSubst,
    /** symbols carried over from a previous check of the same module, by declaration */
    private readonly reused?: ReadonlyMap<A.Decl, DeclSymbol>,
  ) {
    this.exprs = new ExprChecker(this);
    this.bindingsPending = subst !== undefined;
    for (const d of ast.decls) this.declare(d);
    for (const sym of this.decls.values()) {
      if (sym.kind === 'record') registry.records.set(sym.qname, { module: this, sym });
      else if (sym.kind === 'enum') registry.enums.set(sym.qname, { module: this, sym });
    }
  }

  qname(name: string): QName {
    return `${this.name}.${name}`;
  }

  private declare(d: A.Decl): void {
    if (d.kind === 'assume') return;
    if (d.kind === 'extend') {
      for (const def of d.defs) this.declareSymbol(def, this.reused?.get(def) ?? { kind: 'def', name: def.name, qname: this.qname(def.name.text), ast: def, extension: d });
      return;
    }
    this.declareSymbol(d, this.reused?.get(d) ?? this.symbolFor(d));
  }

  private declareSymbol(d: Exclude<A.Decl, A.AssumeDecl | A.ExtendDecl>, sym: DeclSymbol): void {
    const text = d.name.text;
    if (!this.subst && (PREDEFINED_TYPES.has(text) || PREDEFINED_VALUES.has(text))) {
      this.diags.error('KSP029', `\`${text}\` is predefined and cannot be declared again`, d.name.span);
      return;
    }
    const prior = this.decls.get(text);
    if (prior) {
      this.diags.error('KSP021', `\`${text}\` is already declared in module \`${this.name}\``, d.name.span, [
        { message: 'first declared here', span: prior.name.span },
      ]);
      return;
    }
    this.decls.set(text, sym);
    if (d.kind === 'enum') this.declareCtors(sym as EnumSymbol);
  }

  private symbolFor(d: Exclude<A.Decl, A.AssumeDecl | A.ExtendDecl>): DeclSymbol {
    const name = d.name;
    const qname = this.qname(name.text);
    switch (d.kind) {
      case 'record':
        return { kind: 'record', name, qname, ast: d };
      case 'enum':
        return { kind: 'enum', name, qname, ast: d };
      case 'type': {
        if (d.body) return { kind: 'alias', name, ast: d };
        const bound = this.subst?.types.get(name.text);
        return bound ? { kind: 'boundType', name, type: bound } : { kind: 'abstractType', name, qname };
      }
      case 'const':
        return { kind: 'const', name, qname, ast: d };
      case 'def':
        return { kind: 'def', name, qname, ast: d };
      case 'machine':
        return { kind: 'machine', name, qname, ast: d };
      case 'theorem':
      case 'lemma':
        return { kind: 'theorem', name, qname, ast: d };
      case 'model':
        return { kind: 'model', name, qname, ast: d };
      case 'instance':
        return { kind: 'instance', name, ast: d };
    }
  }

  /** Puts an instance's def and constant bindings in place of the abstract symbols they bind. */
  bind(defs: ReadonlyMap<string, DefSig>, consts: ReadonlyMap<string, Expr>): void {
    for (const [text, target] of defs) {
      const sym = this.decls.get(text);
      if (sym?.kind === 'def') this.decls.set(text, { kind: 'boundDef', name: sym.name, target });
    }
    for (const [text, value] of consts) {
      const sym = this.decls.get(text);
      if (sym?.kind === 'const') this.decls.set(text, { kind: 'boundConst', name: sym.name, value });
    }
    this.bindingsPending = false;
  }

  private declareCtors(sym: EnumSymbol): void {
    const seen = new Map<string, Span>();
    for (const c of sym.ast.ctors) {
      const first = seen.get(c.name.text);
      if (first) {
        this.diags.error('KSP021', `constructor \`${c.name.text}\` is already declared in enum \`${sym.name.text}\``, c.name.span, [
          { message: 'first declared here', span: first },
        ]);
        continue;
      }
      seen.set(c.name.text, c.name.span);
      const list = this.ctors.get(c.name.text) ?? [];
      list.push({ sym, ctor: c.name.text });
      this.ctors.set(c.name.text, list);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Qualified names

  /** Names a reader could have meant, for "did you mean". */
  candidates(): string[] {
    return [...this.decls.keys(), ...[...this.imports.keys()].map((k) => k.split('.')[0]!)];
  }

  /**
   * Resolves the longest meaningful prefix of `a.b.c`: a declaration of this module, or a
   * declaration reached through an import or instance, or `Enum.Ctor`. `consumed` says how many
   * parts were used; the rest are field accesses for the caller.
   */
  resolvePath(parts: readonly A.Name[], report = true): PathResult | undefined {
    if (parts.length === 0) return { kind: 'silent' }; // lost to a syntax error
    let module: ModuleChecker = this;
    let i = 0;
    if (!this.decls.has(parts[0]!.text)) {
      let found = false;
      for (let k = parts.length - 1; k >= 1 && !found; k--) {
        const key = parts.slice(0, k).map((p) => p.text).join('.');
        const target = key === this.name ? this : this.imports.get(key);
        if (target === undefined) continue;
        if (!target) return { kind: 'silent' };
        module = target;
        i = k;
        found = true;
      }
      if (!found) {
        if (!report) return undefined;
        if (this.incomplete) return { kind: 'silent' };
        const first = parts[0]!;
        const isModule = parts.length === 1 && this.imports.has(first.text);
        this.diags.error(
          isModule ? 'KSP027' : 'KSP020',
          isModule ? `\`${first.text}\` is a module; name one of its declarations, as in \`${first.text}.x\`` : `unknown name \`${first.text}\`${didYouMean(first.text, this.candidates())}`,
          first.span,
        );
        return { kind: 'silent' };
      }
    }
    for (;;) {
      const part = parts[i]!;
      const sym = module.decls.get(part.text);
      const ctors = sym ? undefined : module.ctors.get(part.text);
      if (ctors && ctors.length === 1) {
        this.refCtor(part, ctors[0]!.sym);
        return { kind: 'ctor', sym: ctors[0]!.sym, module, ctor: part.text, consumed: i + 1 };
      }
      if (ctors && report) {
        const names = ctors.map((c) => `\`${c.sym.name.text}.${part.text}\``);
        this.diags.error('KSP025', `\`${part.text}\` is a constructor of several enums of module \`${module.name}\`; write ${names.join(' or ')}`, part.span);
        return { kind: 'silent' };
      }
      if (sym && module !== this && module.bindingsPending && !TYPE_KINDS.has(sym.kind)) {
        const inst = parts[i - 1]!;
        this.diags.error('KSP037', `\`${inst.text}.${part.text}\` depends on the bindings of instance \`${inst.text}\`, so they cannot use it (only its types and constructors)`, part.span);
        return { kind: 'silent' };
      }
      if (!sym) {
        if (module.incomplete) return { kind: 'silent' };
        if (report) {
          this.diags.error('KSP020', `module \`${module.name}\` has no declaration \`${part.text}\`${didYouMean(part.text, module.decls.keys())}`, part.span);
        }
        return report ? { kind: 'silent' } : undefined;
      }
      const next = parts[i + 1];
      this.symbols.refDecl(part.span, sym);
      if (sym.kind === 'instance' && next) {
        const inst = module.instanceModule(sym.ast);
        if (inst === 'building') {
          this.diags.error('KSP037', `instance \`${part.text}\` is used in its own type bindings, which its types are made of`, part.span);
          return { kind: 'silent' };
        }
        if (!inst) return { kind: 'silent' };
        module = inst;
        i++;
        continue;
      }
      if (sym.kind === 'enum' && next) {
        if (sym.ast.ctors.some((c) => c.name.text === next.text)) {
          this.refCtor(next, sym);
          return { kind: 'ctor', sym, module, ctor: next.text, consumed: i + 2 };
        }
        if (report) {
          const names = sym.ast.ctors.map((c) => c.name.text);
          this.diags.error('KSP020', `enum \`${sym.name.text}\` has no constructor \`${next.text}\`${didYouMean(next.text, names)}`, next.span);
        }
        return report ? { kind: 'silent' } : undefined;
      }
      return { kind: 'decl', sym, module, consumed: i + 1 };
    }
  }

  /** Records that `use` names constructor `use.text` of `sym`. */
  refCtor(use: A.Name, sym: EnumSymbol): void {
    const decl = sym.ast.ctors.find((c) => c.name.text === use.text);
    if (decl) this.symbols.ref(use.span, { name: use.text, kind: 'ctor', span: decl.name.span });
  }

  /** the instance's module, built on first use (null: it could not be built, and that is reported) */
  instanceModule(ast: A.InstanceDecl): ModuleChecker | null | 'building' {
    const known = this.instanceModules.get(ast);
    if (known !== undefined) return known;
    this.instanceModules.set(ast, 'building');
    // once its types exist, its def and constant bindings may name them (`def f(x: Int): inst.Box`)
    const made = materializeInstance(this, ast, (typed) => this.instanceModules.set(ast, typed));
    this.instanceModules.set(ast, made);
    return made;
  }

  materializedInstances(): ModuleChecker[] {
    return [...this.instanceModules.values()].filter((m): m is ModuleChecker => m instanceof ModuleChecker);
  }

  // -------------------------------------------------------------------------------------------
  // Types

  resolveType(te: A.TypeExpr): Type {
    return resolveTypeExpr(this, te, 'plain').type;
  }

  /** Types of parameters and results, where `Pred`/`Action`/`Formula` (and, for lemmas, `T -> Pred`) are allowed. */
  resolveFormulaType(te: A.TypeExpr, schematic: boolean): { type: Type; level?: Level } {
    return resolveTypeExpr(this, te, schematic ? 'schematic' : 'formula');
  }

  aliasType(sym: Extract<DeclSymbol, { kind: 'alias' }>): Type {
    if (sym.type) return sym.type;
    if (sym.resolving) {
      this.diags.error('KSP058', `type alias \`${sym.name.text}\` is defined in terms of itself`, sym.name.span);
      sym.type = ERROR_TYPE;
      return ERROR_TYPE;
    }
    sym.resolving = true;
    const t = this.resolveType(sym.ast.body!);
    sym.resolving = false;
    sym.type ??= t;
    return sym.type;
  }

  recordIR(sym: RecordSymbol): RecordDecl {
    if (!sym.ir) {
      sym.ir = { name: sym.qname, fields: [], span: sym.ast.span };
      const fields: { name: string; type: Type; span: Span }[] = [];
      const seen = new Map<string, Span>();
      for (const f of sym.ast.fields) {
        const first = seen.get(f.name.text);
        if (first) {
          this.diags.error('KSP021', `field \`${f.name.text}\` is already declared in record \`${sym.name.text}\``, f.name.span, [
            { message: 'first declared here', span: first },
          ]);
          continue;
        }
        seen.set(f.name.text, f.name.span);
        fields.push({ name: f.name.text, type: this.resolveType(f.type), span: f.name.span });
      }
      sym.ir = { name: sym.qname, fields, span: sym.ast.span };
    }
    return sym.ir;
  }

  enumIR(sym: EnumSymbol): EnumDecl {
    if (!sym.ir) {
      sym.ir = { name: sym.qname, ctors: [], span: sym.ast.span };
      sym.ir = {
        name: sym.qname,
        ctors: sym.ast.ctors.map((c) => ({
          name: c.name.text,
          fields: c.fields.map((f) => ({ name: f.name.text, type: this.resolveType(f.type) })),
          span: c.name.span,
        })),
        span: sym.ast.span,
      };
    }
    return sym.ir;
  }

  constType(sym: Extract<DeclSymbol, { kind: 'const' }>): Type {
    sym.type ??= this.resolveType(sym.ast.type);
    return sym.type;
  }

  binder(name: A.Name, type: Type, level?: Level): Binder {
    this.symbols.local({ name: name.text, kind: 'local', span: name.span, type });
    return level === undefined
      ? { id: this.ids.fresh(), name: name.text, type, span: name.span }
      : { id: this.ids.fresh(), name: name.text, type, level, span: name.span };
  }

  defSig(sym: DefSymbol): DefSig {
    sym.sig ??= defSignature(this, sym);
    return sym.sig;
  }

  machineInfo(sym: MachineSymbol): MachineInfo {
    return sym.info ?? machineSignature(this, sym);
  }

  theoremSig(sym: TheoremSymbol): TheoremSig {
    sym.sig ??= theoremSignature(this, sym);
    return sym.sig;
  }

  /** The machine whose state a def reads: the one it is declared in, or the one its `extend` block names. */
  defMachine(sym: DefSymbol): MachineInfo | undefined {
    if (sym.machine) return this.machineInfo(sym.machine);
    return sym.extension ? this.extendedMachine(sym.extension) : undefined;
  }

  /**
   * The machine an `extend` block names, resolved once per block. Its defs are found before the
   * module's declarations in formulas about the machine, so one named like a variable, def or
   * action of the machine would hide it (or be hidden): that is an error.
   */
  private extendedMachine(block: A.ExtendDecl): MachineInfo | undefined {
    const known = this.extended.get(block);
    if (known !== undefined) return known ?? undefined;
    const info = this.resolveMachineIn(block.machine)?.info;
    this.extended.set(block, info ?? null);
    if (!info) return undefined;
    for (const def of block.defs) {
      const text = def.name.text;
      const v = info.vars.get(text);
      const d = info.defs.get(text);
      const a = info.actions.get(text);
      const [what, span] = v ? ['a variable', v.span] : d ? ['a def', d.name.span] : a ? ['an action', a.ast.name.span] : [undefined, undefined];
      if (what === undefined) continue;
      this.diags.error('KSP067', `\`${text}\` is already ${what} of machine \`${info.ast.name.text}\`; a def extending the machine needs another name`, def.name.span, [
        { message: 'declared here', span },
      ]);
    }
    return info;
  }

  resolveMachine(path: A.Path): MachineInfo | undefined {
    return this.resolveMachineIn(path)?.info;
  }

  /** The machine a path names, with the module that declares it. */
  resolveMachineIn(path: A.Path): { info: MachineInfo; module: ModuleChecker } | undefined {
    const r = this.resolvePath(path.parts);
    if (!r || r.kind === 'silent') return undefined;
    if (r.kind === 'decl' && r.sym.kind === 'machine' && r.consumed === path.parts.length) return { info: r.module.machineInfo(r.sym), module: r.module };
    const what = r.kind === 'decl' ? kindWord(r.sym) : 'an enum constructor';
    this.diags.error('KSP027', `\`${path.parts.map((p) => p.text).join('.')}\` is ${what}, not a machine`, path.span);
    return undefined;
  }
}
