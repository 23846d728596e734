// The untyped syntax tree of one .kspec file, built from the CST. Names are still strings here;
// the checker (src/check) resolves them and produces the typed IR (src/ir).
// Every node has a span; every name has its own span so errors can point at the offending name.
import type { Span } from '../diagnostics/index.js';

export interface Name {
  readonly text: string;
  readonly span: Span;
}

/** `a.b.c` as written: a module path, or a qualified reference into an imported module. */
export interface Path {
  readonly parts: readonly Name[];
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Types

export type TypeExpr =
  | { readonly kind: 'named'; readonly path: Path; readonly args: readonly TypeExpr[]; readonly span: Span } // Int, Seq<T>, Map<K, V>, m.T
  | { readonly kind: 'tuple'; readonly elems: readonly TypeExpr[]; readonly span: Span } // (A, B); at least two elements
  | { readonly kind: 'fn'; readonly params: readonly TypeExpr[]; readonly result: TypeExpr; readonly span: Span }; // A -> B, (A, B) -> C

// ---------------------------------------------------------------------------------------------
// Expressions (state, action and temporal formulas are expressions too)

export type BinaryOp =
  | '<==>' | '==>' | '~>' | '||' | '&&'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'in' | '++' | '..' | '+' | '-' | '*' | '/' | '%';

export type UnaryOp = '!' | '-' | '[]' | '<>';

export interface Binder {
  readonly name: Name;
  /** `x: T` */
  readonly type?: TypeExpr;
  /** `x in S` (also `x: T in S` for action parameters) */
  readonly domain?: Expr;
  readonly span: Span;
}

export interface FieldInit {
  readonly name: Name;
  readonly value: Expr;
  readonly span: Span;
}

export type Pattern =
  | { readonly kind: 'wildcard'; readonly span: Span } // _
  /** `C`, `C(x, _)`, `Some(x)`, `None`; a binder named `_` ignores that payload field */
  | { readonly kind: 'ctor'; readonly ctor: Path; readonly binders: readonly Name[]; readonly span: Span };

export interface MatchArm {
  readonly pattern: Pattern;
  readonly body: Expr;
  readonly span: Span;
}

export type Expr =
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'int'; readonly value: bigint; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span } // already unescaped
  | { readonly kind: 'name'; readonly name: Name; readonly span: Span }
  /** `e.f`, `e.0`, and `m.x` where `m` names a module (the checker decides which) */
  | { readonly kind: 'member'; readonly target: Expr; readonly member: Name; readonly span: Span }
  | { readonly kind: 'call'; readonly callee: Expr; readonly args: readonly Expr[]; readonly span: Span } // f(a), m.f(a), s.push(x), Some(x)
  | { readonly kind: 'index'; readonly target: Expr; readonly index: Expr; readonly span: Span } // s[i], m[k]
  | { readonly kind: 'prime'; readonly target: Expr; readonly span: Span } // x'
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Expr; readonly span: Span; readonly opSpan: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span; readonly opSpan: Span }
  | { readonly kind: 'is'; readonly target: Expr; readonly ctor: Path; readonly span: Span } // e is C
  | { readonly kind: 'paren'; readonly inner: Expr; readonly span: Span } // kept so spans and the formatter stay faithful
  | { readonly kind: 'tuple'; readonly elems: readonly Expr[]; readonly span: Span } // (a, b)
  | { readonly kind: 'seq'; readonly elems: readonly Expr[]; readonly span: Span } // [a, b], []
  | { readonly kind: 'set'; readonly elems: readonly Expr[]; readonly span: Span } // {a, b}, {}
  | { readonly kind: 'map'; readonly entries: readonly { readonly key: Expr; readonly value: Expr; readonly span: Span }[]; readonly span: Span } // Map {k: v}
  | { readonly kind: 'setFilter'; readonly binder: Binder; readonly pred: Expr; readonly span: Span } // { x in S where P }
  | { readonly kind: 'setImage'; readonly body: Expr; readonly binders: readonly Binder[]; readonly span: Span } // { e for x in S }
  | { readonly kind: 'mapComp'; readonly binder: Binder; readonly body: Expr; readonly span: Span } // Map { x in S => e }
  | { readonly kind: 'record'; readonly type: Path; readonly fields: readonly FieldInit[]; readonly span: Span } // R { f: 1 }
  | { readonly kind: 'with'; readonly target: Expr; readonly fields: readonly FieldInit[]; readonly span: Span } // { e with f: 1 }
  | { readonly kind: 'if'; readonly cond: Expr; readonly then: Expr; readonly else: Expr; readonly span: Span }
  | { readonly kind: 'let'; readonly name: Name; readonly type?: TypeExpr; readonly value: Expr; readonly body: Expr; readonly span: Span }
  | { readonly kind: 'match'; readonly scrutinee: Expr; readonly arms: readonly MatchArm[]; readonly span: Span }
  | { readonly kind: 'quant'; readonly quantifier: 'forall' | 'exists'; readonly binders: readonly Binder[]; readonly body: Expr; readonly span: Span }
  /** `*` as an action argument in `fair weak a(*)` and `WF(a(*))`: every parameter value */
  | { readonly kind: 'wildcardArg'; readonly span: Span };

// ---------------------------------------------------------------------------------------------
// Declarations

export interface Param {
  readonly name: Name;
  readonly type: TypeExpr;
  readonly span: Span;
}

export interface Import {
  readonly kind: 'import';
  readonly path: Path;
  readonly alias?: Name;
  readonly span: Span;
}

export interface EnumDecl {
  readonly kind: 'enum';
  readonly name: Name;
  readonly ctors: readonly { readonly name: Name; readonly fields: readonly Param[]; readonly span: Span }[];
  readonly span: Span;
}

export interface RecordDecl {
  readonly kind: 'record';
  readonly name: Name;
  readonly fields: readonly Param[];
  readonly span: Span;
}

/** `type X = T`, or an abstract type `type S` (a module parameter) when `body` is absent */
export interface TypeDecl {
  readonly kind: 'type';
  readonly name: Name;
  readonly body?: TypeExpr;
  readonly span: Span;
}

export interface ConstDecl {
  readonly kind: 'const';
  readonly name: Name;
  readonly type: TypeExpr;
  readonly span: Span;
}

export interface AssumeDecl {
  readonly kind: 'assume';
  readonly name?: Name;
  readonly expr: Expr;
  readonly span: Span;
}

/** `def f(x: T): U = e`, `def c: U = e`; abstract (a module parameter) when `body` is absent */
export interface DefDecl {
  readonly kind: 'def';
  readonly name: Name;
  /** absent for `def c: U = e` (no parentheses); empty for `def c(): U = e` */
  readonly params?: readonly Param[];
  readonly result: TypeExpr;
  readonly decreases?: Expr;
  readonly body?: Expr;
  readonly span: Span;
}

export interface VarDecl {
  readonly kind: 'var';
  readonly name: Name;
  readonly type: TypeExpr;
  readonly span: Span;
}

export interface InitDecl {
  readonly kind: 'init';
  readonly pred: Expr;
  readonly span: Span;
}

export interface Assignment {
  readonly kind: 'assign';
  readonly target: Name; // the variable, written `x'`
  readonly value: Expr;
  readonly span: Span;
}

export interface Require {
  readonly kind: 'require';
  readonly cond: Expr;
  readonly span: Span;
}

export interface ActionDecl {
  readonly kind: 'action';
  readonly name: Name;
  /** each parameter has a type, a domain, or both (`k: Int in 0..LIMIT`) */
  readonly params: readonly Binder[];
  readonly body: readonly (Require | Assignment)[];
  readonly span: Span;
}

export interface FairDecl {
  readonly kind: 'fair';
  readonly strength: 'weak' | 'strong';
  readonly action: Name;
  /** absent: a parameterless action; otherwise one per parameter, `*` meaning every value */
  readonly args?: readonly Expr[];
  readonly span: Span;
}

export type MachineItem = VarDecl | InitDecl | ActionDecl | FairDecl | DefDecl;

export interface MachineDecl {
  readonly kind: 'machine';
  readonly name: Name;
  readonly items: readonly MachineItem[];
  readonly span: Span;
}

/**
 * `extend M { def ... }`: defs of this module that read the state of machine M, declared in
 * another module, as if declared inside it. Each def is a declaration of this module.
 */
export interface ExtendDecl {
  readonly kind: 'extend';
  readonly machine: Path;
  readonly defs: readonly DefDecl[];
  readonly span: Span;
}

/** `by J(args) using a, b` */
export interface Justification {
  readonly name: Path; // invariant, smt, wf1, sf1, rank, stable, ptl, or a lemma (possibly qualified)
  /** absent when written without parentheses (`by invariant`) */
  readonly args?: readonly Expr[];
  readonly using: readonly Path[];
  readonly span: Span;
}

export type Proof =
  | { readonly kind: 'by'; readonly justification: Justification; readonly span: Span }
  | { readonly kind: 'steps'; readonly steps: readonly HaveStep[]; readonly qed: QedStep; readonly span: Span }
  | ChainProof;

/**
 * `by chain within C { J0 ~> W1 by J1 ... }`: a leads-to chain from the left side through the
 * waypoints to the right side, one link per justification. The checker turns it into ordinary
 * steps (src/check/chain.ts); the kernel never sees a chain.
 */
export interface ChainProof {
  readonly kind: 'chain';
  /** `within C`: conjoined to every waypoint */
  readonly context?: Expr;
  /** the justification of the link that leaves the left side */
  readonly first: Justification;
  readonly waypoints: readonly ChainWaypoint[];
  /** from `chain` to its closing `}` */
  readonly span: Span;
}

/** `~> W by J`: a waypoint and the justification of the link that leaves it */
export interface ChainWaypoint {
  readonly formula: Expr;
  readonly justification: Justification;
  readonly span: Span;
}

export interface HaveStep {
  readonly kind: 'have';
  readonly name: Name;
  readonly formula: Expr;
  readonly proof: Proof;
  readonly span: Span;
}

export interface QedStep {
  readonly kind: 'qed';
  readonly justification: Justification;
  readonly span: Span;
}

export interface TheoremDecl {
  readonly kind: 'theorem' | 'lemma';
  readonly name: Name;
  /** schematic parameters (`p: Pred`, `a: Action`, `f: Formula`, `k: Int`, `q: Int -> Pred`) */
  readonly params: readonly Param[];
  /** `M |= F`: the machine whose behaviours F is about */
  readonly machine?: Path;
  readonly formula: Expr;
  /** absent: the statement is stated without proof, which `verify` reports as not proved */
  readonly proof?: Proof;
  readonly span: Span;
}

export interface ModelDecl {
  readonly kind: 'model';
  readonly name: Name;
  readonly machine: Path;
  readonly bindings: readonly { readonly name: Name; readonly value: Expr; readonly span: Span }[];
  /** in source order: theorems or Bool defs named by `check a, b`, and inline properties `check p: F` */
  readonly checks: readonly ModelCheckItem[];
  readonly span: Span;
}

/**
 * What a model checks: a theorem or Bool def by name, or a property stated inline (`check p: F`),
 * which only the model checker checks: a claim about the bounded model, not a theorem.
 */
export type ModelCheckItem =
  | { readonly kind: 'named'; readonly path: Path }
  | { readonly kind: 'property'; readonly name: Name; readonly formula: Expr; readonly span: Span };

export type InstanceBinding =
  | { readonly kind: 'type'; readonly name: Name; readonly type: TypeExpr; readonly span: Span }
  | { readonly kind: 'def'; readonly name: Name; readonly target: Path; readonly span: Span }
  | { readonly kind: 'const'; readonly name: Name; readonly value: Expr; readonly span: Span };

export interface InstanceDecl {
  readonly kind: 'instance';
  readonly name: Name;
  readonly module: Path;
  readonly bindings: readonly InstanceBinding[];
  readonly span: Span;
}

export type Decl =
  | EnumDecl | RecordDecl | TypeDecl | ConstDecl | AssumeDecl | DefDecl
  | MachineDecl | ExtendDecl | TheoremDecl | ModelDecl | InstanceDecl;

export interface Comment {
  readonly text: string; // including the delimiters
  readonly block: boolean;
  readonly span: Span;
}

export interface ModuleAst {
  readonly name: Path;
  readonly imports: readonly Import[];
  readonly decls: readonly Decl[];
  readonly comments: readonly Comment[];
  readonly span: Span;
}
