// The typed IR: the one representation that every back end (SMT, kernel, model checker, codegen,
// refinement, LSP) consumes. It is produced only by the checker (src/check), after names are
// resolved and types and levels are checked, so back ends may rely on it being well formed:
// every reference resolves, every expression has its type, every match is exhaustive.
import type { Span } from '../diagnostics/index.js';

/** A globally unique name: `module.path.decl`, e.g. `examples.counter.Counter`. */
export type QName = string;

export type Type =
  | { readonly kind: 'bool' }
  | { readonly kind: 'int' }
  | { readonly kind: 'string' }
  | { readonly kind: 'seq'; readonly elem: Type }
  | { readonly kind: 'set'; readonly elem: Type }
  | { readonly kind: 'map'; readonly key: Type; readonly value: Type }
  | { readonly kind: 'option'; readonly elem: Type }
  | { readonly kind: 'tuple'; readonly elems: readonly Type[] }
  | { readonly kind: 'record'; readonly name: QName }
  | { readonly kind: 'enum'; readonly name: QName }
  /** an abstract type of a generic module: an uninterpreted sort */
  | { readonly kind: 'abstract'; readonly name: QName }
  /** only for schematic parameters of lemmas (`q: Int -> Pred`) */
  | { readonly kind: 'fn'; readonly params: readonly Type[]; readonly result: Type };

/**
 * TLA+'s levels. Bool-valued expressions are formulas; their level says where they may appear:
 * constant (no variables), state (variables), action (primed variables or an action), temporal
 * (`[]`, `<>`, `~>`, WF, SF). Levels only grow from operands to the expression that contains them (except `enabled`).
 */
export type Level = 'constant' | 'state' | 'action' | 'temporal';

export const LEVEL_ORDER: Readonly<Record<Level, number>> = { constant: 0, state: 1, action: 2, temporal: 3 };

/** A bound name: quantifier variable, let, match binder, def/action/lemma parameter, comprehension. */
export interface Binder {
  /** unique within the program, so back ends can rename without capture */
  readonly id: number;
  /** as written, for messages and printing */
  readonly name: string;
  readonly type: Type;
  /** for lemma parameters declared `Pred` / `Action` / `Formula`: the level of formula they stand for */
  readonly level?: Level;
  readonly span: Span;
}

export type Ref =
  | { readonly kind: 'var'; readonly machine: QName; readonly name: string }
  | { readonly kind: 'const'; readonly name: QName }
  /** a bound name, including a schematic parameter of a lemma */
  | { readonly kind: 'local'; readonly binder: Binder };

/**
 * Built-in operations on collections, strings and options. One table, so every back end has the
 * same list to implement (see BUILTIN_SIGNATURES in builtins.ts for argument and result types).
 */
export type BuiltinOp =
  | 'seq.len' | 'seq.index' | 'seq.push' | 'seq.concat' | 'seq.contains'
  | 'set.in' | 'set.add' | 'set.remove' | 'set.union' | 'set.intersect' | 'set.minus' | 'set.subset' | 'set.size' | 'set.range'
  | 'map.in' | 'map.index' | 'map.get' | 'map.insert' | 'map.remove' | 'map.keys'
  | 'string.len' | 'string.concat';

export type ArithOp = '+' | '-' | '*' | '/' | '%';
export type CompareOp = '<' | '<=' | '>' | '>=';
export type LogicOp = '&&' | '||' | '==>' | '<==>';

interface ExprBase {
  /** unique within the program; the source map is `span` */
  readonly id: number;
  readonly span: Span;
  readonly type: Type;
  readonly level: Level;
}

export interface ActionInstance {
  readonly machine: QName;
  readonly action: string;
  /** one per parameter; `undefined` for a `*` (every value, as in `WF(jump(*))`) */
  readonly args: readonly (Expr | undefined)[];
}

export type ExprNode =
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'ref'; readonly ref: Ref }
  /** `e'`: `e` is a state-level expression, evaluated in the next state */
  | { readonly kind: 'prime'; readonly arg: Expr }
  /** a call of a user `def` (also abstract defs, and zero-parameter defs with `args` empty) */
  | { readonly kind: 'call'; readonly def: QName; readonly args: readonly Expr[] }
  /** applying a schematic function parameter of a lemma (`q(k)` with `q: Int -> Pred`) */
  | { readonly kind: 'apply'; readonly fn: Binder; readonly args: readonly Expr[] }
  | { readonly kind: 'not'; readonly arg: Expr }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'logic'; readonly op: LogicOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'arith'; readonly op: ArithOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Expr; readonly right: Expr }
  /** structural equality at any type (`!=` is `not(eq)`) */
  | { readonly kind: 'eq'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'builtin'; readonly op: BuiltinOp; readonly args: readonly Expr[] }
  | { readonly kind: 'seqLit'; readonly elems: readonly Expr[] }
  | { readonly kind: 'setLit'; readonly elems: readonly Expr[] }
  | { readonly kind: 'mapLit'; readonly entries: readonly { readonly key: Expr; readonly value: Expr }[] }
  | { readonly kind: 'tuple'; readonly elems: readonly Expr[] }
  | { readonly kind: 'tupleGet'; readonly tuple: Expr; readonly index: number }
  /** fields in the record's declaration order */
  | { readonly kind: 'record'; readonly record: QName; readonly fields: readonly Expr[] }
  | { readonly kind: 'field'; readonly target: Expr; readonly record: QName; readonly field: string }
  | { readonly kind: 'with'; readonly target: Expr; readonly record: QName; readonly updates: readonly { readonly field: string; readonly value: Expr }[] }
  /** an enum constructor; payload in declaration order */
  | { readonly kind: 'ctor'; readonly enumName: QName; readonly ctor: string; readonly args: readonly Expr[] }
  | { readonly kind: 'some'; readonly arg: Expr }
  | { readonly kind: 'none' }
  /** `e is C`; for options `ctor` is 'Some' or 'None' */
  | { readonly kind: 'is'; readonly arg: Expr; readonly ctor: string }
  | { readonly kind: 'match'; readonly scrutinee: Expr; readonly arms: readonly MatchArm[] }
  | { readonly kind: 'if'; readonly cond: Expr; readonly then: Expr; readonly else: Expr }
  | { readonly kind: 'let'; readonly binder: Binder; readonly value: Expr; readonly body: Expr }
  /** over a type when `domain` is absent, else over the Set (or Seq elements) `domain` */
  | { readonly kind: 'quant'; readonly quantifier: 'forall' | 'exists'; readonly binder: Binder; readonly domain?: Expr; readonly body: Expr }
  | { readonly kind: 'setFilter'; readonly binder: Binder; readonly source: Expr; readonly pred: Expr }
  | { readonly kind: 'setImage'; readonly binder: Binder; readonly source: Expr; readonly body: Expr }
  | { readonly kind: 'mapComp'; readonly binder: Binder; readonly domain: Expr; readonly body: Expr }
  // temporal and action-level formulas
  | { readonly kind: 'always'; readonly arg: Expr }
  | { readonly kind: 'eventually'; readonly arg: Expr }
  | { readonly kind: 'leadsTo'; readonly left: Expr; readonly right: Expr }
  /** the step is an `a(args)` step (level action) */
  | { readonly kind: 'action'; readonly instance: ActionInstance }
  /** state-level although its argument is action-level: ENABLED is the one operator that lowers the level */
  | { readonly kind: 'enabled'; readonly arg: Expr }
  | { readonly kind: 'fairness'; readonly strength: 'weak' | 'strong'; readonly arg: Expr };

export type Expr = ExprBase & ExprNode;
export type ExprOf<K extends ExprNode['kind']> = ExprBase & Extract<ExprNode, { kind: K }>;

export interface MatchArm {
  /** undefined: the wildcard arm `_` */
  readonly ctor?: string;
  /** one per payload field; undefined where the pattern wrote `_` */
  readonly binders: readonly (Binder | undefined)[];
  readonly body: Expr;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Declarations

export interface RecordDecl {
  readonly name: QName;
  readonly fields: readonly { readonly name: string; readonly type: Type; readonly span: Span }[];
  readonly span: Span;
}

export interface EnumDecl {
  readonly name: QName;
  readonly ctors: readonly { readonly name: string; readonly fields: readonly { readonly name: string; readonly type: Type }[]; readonly span: Span }[];
  readonly span: Span;
}

export interface ConstDecl {
  readonly name: QName;
  readonly type: Type;
  readonly span: Span;
}

export interface AssumeDecl {
  readonly name?: string;
  readonly expr: Expr;
  /**
   * set in an instance when the assume mentions (directly or through the defs it calls) a symbol
   * the instance binds: it is then an obligation to prove, no longer an assumption
   */
  readonly obligation?: boolean;
  readonly span: Span;
}

export interface DefDecl {
  readonly name: QName;
  readonly params: readonly Binder[];
  readonly result: Type;
  /** the highest level the body may have: a def inside a machine may read its variables */
  readonly level: Level;
  /** set when the def is declared inside a machine (it reads that machine's variables) */
  readonly machine?: QName;
  /** absent for an abstract def (a parameter of a generic module) */
  readonly body?: Expr;
  readonly decreases?: Expr;
  readonly span: Span;
}

export interface VarDecl {
  readonly name: string;
  readonly type: Type;
  readonly span: Span;
}

export interface ActionParam {
  readonly binder: Binder;
  /** a Set or Seq expression over constants and state; absent for a type-only parameter */
  readonly domain?: Expr;
}

export interface ActionDecl {
  readonly name: string;
  readonly params: readonly ActionParam[];
  /** conjunction is ENABLED (together with parameters in their domains) */
  readonly guards: readonly Expr[];
  /** variables not listed are unchanged */
  readonly assigns: readonly { readonly variable: string; readonly value: Expr; readonly span: Span }[];
  readonly span: Span;
}

export interface Fairness {
  readonly strength: 'weak' | 'strong';
  readonly action: string;
  /** one per parameter; undefined for `*` */
  readonly args: readonly (Expr | undefined)[];
  readonly span: Span;
}

export interface MachineDecl {
  readonly name: QName;
  readonly vars: readonly VarDecl[];
  readonly init: Expr;
  readonly actions: readonly ActionDecl[];
  readonly fairness: readonly Fairness[];
  readonly span: Span;
}

export type FactRef =
  | { readonly kind: 'step'; readonly name: string; readonly span: Span }
  | { readonly kind: 'theorem'; readonly name: QName; readonly span: Span };

export type JustificationArg =
  | { readonly kind: 'expr'; readonly expr: Expr }
  | { readonly kind: 'fact'; readonly fact: FactRef }
  /** a def named for a function-typed lemma parameter (`q: Int -> Pred`); its signature matches the parameter's */
  | { readonly kind: 'def'; readonly def: QName };

export type BuiltinRule = 'invariant' | 'smt' | 'wf1' | 'sf1' | 'rank' | 'drain' | 'stable' | 'ptl';

export interface Justification {
  readonly rule: { readonly kind: 'builtin'; readonly name: BuiltinRule } | { readonly kind: 'lemma'; readonly name: QName };
  readonly args: readonly JustificationArg[];
  readonly using: readonly FactRef[];
  readonly span: Span;
}

export type Proof =
  | { readonly kind: 'by'; readonly justification: Justification; readonly span: Span }
  | { readonly kind: 'steps'; readonly steps: readonly HaveStep[]; readonly qed: Justification; readonly span: Span };

export interface HaveStep {
  readonly name: string;
  readonly formula: Expr;
  readonly proof: Proof;
  readonly span: Span;
}

export interface TheoremDecl {
  readonly name: QName;
  readonly kind: 'theorem' | 'lemma';
  readonly params: readonly Binder[];
  readonly machine?: QName;
  readonly formula: Expr;
  readonly proof?: Proof;
  /** set on theorems of an instance: the generic theorem this one is an instance of */
  readonly instanceOf?: QName;
  readonly span: Span;
}

/**
 * A property stated in a model (`check p: F`): checked by the model checker like a theorem `M |= F`
 * of the model's machine, but no theorem (verify never sees it): a claim about the bounded model.
 */
export interface ModelProperty {
  readonly kind: 'property';
  /** as written; unique among what its model checks (another model may reuse it) */
  readonly name: string;
  readonly formula: Expr;
  readonly span: Span;
}

export type ModelCheck = { readonly kind: 'theorem'; readonly name: QName } | { readonly kind: 'def'; readonly name: QName } | ModelProperty;

export interface ModelDecl {
  readonly name: QName;
  readonly machine: QName;
  /** a value for every constant the machine's module (and what it imports) declares */
  readonly constants: ReadonlyMap<QName, Expr>;
  /** theorems, defs of Bool type, and the model's own properties, to check by exploring states */
  readonly checks: readonly ModelCheck[];
  readonly span: Span;
}

export interface ModuleIR {
  readonly name: string;
  readonly file: string;
  /** names of modules this one imports (instances are modules too) */
  readonly imports: readonly string[];
  /** true when the module has abstract types or defs */
  readonly generic: boolean;
  /** set for a module made by `instance`: the generic module and what it was given */
  readonly instanceOf?: {
    readonly module: string;
    readonly types: ReadonlyMap<QName, Type>;
    readonly defs: ReadonlyMap<QName, QName>;
    /** constants of the generic module given a value (already substituted into this module) */
    readonly consts?: ReadonlyMap<QName, Expr>;
    readonly span: Span;
  };
  readonly abstractTypes: readonly QName[];
  readonly records: readonly RecordDecl[];
  readonly enums: readonly EnumDecl[];
  readonly consts: readonly ConstDecl[];
  readonly assumes: readonly AssumeDecl[];
  readonly defs: readonly DefDecl[];
  readonly machines: readonly MachineDecl[];
  readonly theorems: readonly TheoremDecl[];
  readonly models: readonly ModelDecl[];
}

/** Everything reachable from the files given to the checker, with lookup tables by QName. */
export interface Program {
  /** in dependency order: a module comes after every module it imports */
  readonly modules: readonly ModuleIR[];
  /** the modules of the files the user named */
  readonly roots: readonly string[];
  readonly records: ReadonlyMap<QName, RecordDecl>;
  readonly enums: ReadonlyMap<QName, EnumDecl>;
  readonly consts: ReadonlyMap<QName, ConstDecl>;
  readonly defs: ReadonlyMap<QName, DefDecl>;
  readonly machines: ReadonlyMap<QName, MachineDecl>;
  readonly theorems: ReadonlyMap<QName, TheoremDecl>;
  readonly models: ReadonlyMap<QName, ModelDecl>;
}
