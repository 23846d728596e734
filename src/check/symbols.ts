// What the checker knows about each declaration of a module. Signatures are computed on first
// use and memoized, which makes declarations order-independent and lets other modules (and
// instances) read them without re-checking bodies.
import type * as A from '../syntax/ast.js';
import type * as I from '../ir/index.js';
import type { Span } from '../diagnostics/index.js';

export interface DefSig {
  readonly qname: I.QName;
  readonly params: readonly I.Binder[];
  /** the highest level an argument may have: Pred → state, Action → action, Formula → temporal */
  readonly paramLimits: readonly I.Level[];
  /** declared with parentheses (`def f(): T`), as opposed to `def c: T` */
  readonly hasParens: boolean;
  readonly result: I.Type;
  /** the level of a call before its arguments are taken into account */
  readonly callLevel: I.Level;
  /** the highest level the body may have (DefDecl.level) */
  readonly bodyLevel: I.Level;
  readonly machine?: I.QName;
  readonly abstract: boolean;
  readonly span: Span;
}

export interface ActionSig {
  readonly name: string;
  readonly params: readonly I.ActionParam[];
  readonly ast: A.ActionDecl;
}

export interface MachineInfo {
  readonly qname: I.QName;
  readonly ast: A.MachineDecl;
  readonly vars: ReadonlyMap<string, I.VarDecl>;
  readonly defs: ReadonlyMap<string, DefSymbol>;
  readonly actions: Map<string, ActionSig>;
}

export interface TheoremSig {
  readonly params: readonly I.Binder[];
  readonly paramLimits: readonly I.Level[];
  readonly machine?: MachineInfo;
}

export interface DefSymbol {
  readonly kind: 'def';
  readonly name: A.Name;
  readonly qname: I.QName;
  readonly ast: A.DefDecl;
  /** the machine the def is declared in */
  readonly machine?: MachineSymbol;
  /** the `extend` block the def is declared in: a def of this module that reads the machine it names */
  readonly extension?: A.ExtendDecl;
  sig?: DefSig;
  resolving?: boolean;
}

export interface MachineSymbol {
  readonly kind: 'machine';
  readonly name: A.Name;
  readonly qname: I.QName;
  readonly ast: A.MachineDecl;
  info?: MachineInfo;
  resolving?: boolean;
}

export interface RecordSymbol {
  readonly kind: 'record';
  readonly name: A.Name;
  readonly qname: I.QName;
  readonly ast: A.RecordDecl;
  ir?: I.RecordDecl;
}

export interface EnumSymbol {
  readonly kind: 'enum';
  readonly name: A.Name;
  readonly qname: I.QName;
  readonly ast: A.EnumDecl;
  ir?: I.EnumDecl;
}

export interface TheoremSymbol {
  readonly kind: 'theorem';
  readonly name: A.Name;
  readonly qname: I.QName;
  readonly ast: A.TheoremDecl;
  sig?: TheoremSig;
  resolving?: boolean;
}

export type DeclSymbol =
  | RecordSymbol
  | EnumSymbol
  | { readonly kind: 'alias'; readonly name: A.Name; readonly ast: A.TypeDecl; type?: I.Type; resolving?: boolean }
  | { readonly kind: 'abstractType'; readonly name: A.Name; readonly qname: I.QName }
  /** an abstract type of a generic module, given a type by an instance */
  | { readonly kind: 'boundType'; readonly name: A.Name; readonly type: I.Type }
  | { readonly kind: 'const'; readonly name: A.Name; readonly qname: I.QName; readonly ast: A.ConstDecl; type?: I.Type }
  /** a constant of a generic module, given a value by an instance */
  | { readonly kind: 'boundConst'; readonly name: A.Name; readonly value: I.Expr }
  | DefSymbol
  /** an abstract def of a generic module, given a def by an instance: calls go to the target */
  | { readonly kind: 'boundDef'; readonly name: A.Name; readonly target: DefSig }
  | MachineSymbol
  | TheoremSymbol
  | { readonly kind: 'model'; readonly name: A.Name; readonly qname: I.QName; readonly ast: A.ModelDecl }
  | { readonly kind: 'instance'; readonly name: A.Name; readonly ast: A.InstanceDecl };

export function kindWord(sym: DeclSymbol): string {
  switch (sym.kind) {
    case 'record':
      return 'a record';
    case 'enum':
      return 'an enum';
    case 'alias':
    case 'abstractType':
    case 'boundType':
      return 'a type';
    case 'const':
    case 'boundConst':
      return 'a constant';
    case 'def':
    case 'boundDef':
      return 'a def';
    case 'machine':
      return 'a machine';
    case 'theorem':
      return sym.ast.kind === 'lemma' ? 'a lemma' : 'a theorem';
    case 'model':
      return 'a model';
    case 'instance':
      return 'an instance (a module)';
  }
}

export const PREDEFINED_TYPES: ReadonlySet<string> = new Set(['Bool', 'Int', 'String', 'Seq', 'Set', 'Map', 'Option', 'Pred', 'Action', 'Formula']);
export const PREDEFINED_VALUES: ReadonlySet<string> = new Set(['Some', 'None', 'WF', 'SF', 'enabled']);
export const BUILTIN_RULES: ReadonlySet<string> = new Set(['invariant', 'smt', 'wf1', 'sf1', 'rank', 'drain', 'stable', 'ptl']);
