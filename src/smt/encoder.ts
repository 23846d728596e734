// The typed IR as SMT-LIB text. One SmtEncoder builds one obligation: it collects exactly the
// sorts, functions, constants and definitions the obligation's expressions use, so output depends
// only on what the obligation mentions (stable cache keys) and is deterministic.
//
// Semantics that need care (kspec.md "Partial operations"): `m[k]` outside the domain, `s[i]`
// outside 0..len-1, `x / 0` and `x % 0` are unspecified. Each is guarded and, off its domain,
// is an uninterpreted function of its arguments, so nothing can be concluded about it beyond
// "the same expression has the same value". `/` and `%` are SMT-LIB's div/mod, which are
// Euclidean, exactly as kspec's.
import { freeBinders, holdsCollection, someExpr, type ActionDecl, type Binder, type Expr, type MachineDecl, type Program, type QName, type Type } from '../ir/index.js';
import type { Span } from '../diagnostics/index.js';
import { SortRegistry, stronglyConnected } from './sorts.js';
import { intLiteral, quoted, stringLiteral, SYM } from './names.js';
import { Unencodable, type Env, type Polarity } from './env.js';
import { encodeBuiltin, type EncoderHost } from './builtins.js';


interface DefEntry {
  readonly q: QName;
  /** undefined for abstract or opaque defs (declared, not defined) */
  body?: string;
  readonly signature: string;
  readonly paramSorts: readonly string[];
  readonly result: string;
  readonly callees: Set<QName>;
}

/** What an encoded text needs declared: symbols, axioms, string literals, datatypes. */
interface Needs {
  readonly declared: ReadonlyMap<string, string>;
  readonly axioms: ReadonlyMap<string, string>;
  readonly stringLiterals: ReadonlySet<string>;
  readonly stringTheory: boolean;
  readonly sorts: SortRegistry;
  /** defs the text calls (their own needs come with them) */
  readonly calls: ReadonlySet<QName>;
}

/**
 * A def encoded on its own. Its binders are numbered within the def, so the text is the same in
 * every obligation, and each def of a program is encoded once, not once per obligation. The body
 * is closed (it reads only its parameters and global symbols), and its binders have a tag of
 * their own, so none can capture an obligation's symbol.
 */
interface EncodedDef {
  readonly entry: DefEntry;
  readonly needs: Needs;
}

/**
 * A formula encoded on its own in the same way (a fact, an assumption, a hypothesis, an action's
 * guard): its free binders are placeholders, filled with each obligation's own symbols. `direct`:
 * what it needs declared mentions a free binder, so it is encoded in each obligation instead.
 */
type EncodedFormula = { readonly text: string; readonly needs: Needs } | 'direct';

// SMT text built here is ASCII without control characters (names are escaped, string literals
// use \u{…}), so a NUL-delimited placeholder cannot occur in it otherwise.
const placeholder = (b: Binder): string => `\u0000${b.id}\u0000`;
const PLACEHOLDER = /\u0000(\d+)\u0000/g;

/** Per program and set of opaque defs. 'encoding' marks a def whose body is being encoded (recursion). */
interface Tables {
  readonly defs: Map<QName, EncodedDef | 'encoding'>;
  /** per formula, then per state and polarity */
  readonly formulas: WeakMap<Expr, Map<string, EncodedFormula>>;
}
const tablesOf = new WeakMap<Program, Map<string, Tables>>();

function programTables(program: Program, opaqueDefs: ReadonlySet<QName>): Tables {
  let byOpaque = tablesOf.get(program);
  if (!byOpaque) {
    byOpaque = new Map();
    tablesOf.set(program, byOpaque);
  }
  const key = JSON.stringify([...opaqueDefs].sort());
  let tables = byOpaque.get(key);
  if (!tables) {
    tables = { defs: new Map(), formulas: new WeakMap() };
    byOpaque.set(key, tables);
  }
  return tables;
}

const isSchematic = (b: Binder): boolean => b.level === 'state' || b.level === 'action' || b.level === 'temporal';

const flip = (p: Polarity): Polarity => (p === 'pos' ? 'neg' : p === 'neg' ? 'pos' : 'both');

/**
 * Z3's E-matching falls into matching loops on the map-of-records shapes of cluster models (an
 * instance creates the terms for the next); a low eager threshold defers such instances so that
 * model-based instantiation gets its turn. Measured on the 1,215 obligations of lemmas/,
 * specs/examples and the test fixtures: the same verdicts, and one timeout fewer. Every option a
 * caller may vary (src/kernel tries `smt.ematching false`) is set here, in every obligation: a
 * solver process or context that runs one job after another keeps options across `(reset)`.
 */
export const SOLVER_OPTIONS = '(set-option :smt.ematching true)\n(set-option :smt.qi.eager_threshold 5)';

/** For `exists x [in D] :: ... && x == t && ...` (t free of x): t. */
function onePointWitness(e: Extract<Expr, { kind: 'quant' }>): Expr | undefined {
  const isX = (a: Expr): boolean => a.kind === 'ref' && a.ref.kind === 'local' && a.ref.binder.id === e.binder.id;
  const mentionsX = (a: Expr): boolean => someExpr(a, isX);
  const conjuncts = (a: Expr): Expr[] => (a.kind === 'logic' && a.op === '&&' ? [...conjuncts(a.left), ...conjuncts(a.right)] : [a]);
  for (const c of conjuncts(e.body)) {
    if (c.kind !== 'eq') continue;
    if (isX(c.left) && !mentionsX(c.right)) return c.right;
    if (isX(c.right) && !mentionsX(c.left)) return c.left;
  }
  return undefined;
}

export class SmtEncoder implements EncoderHost {
  readonly sorts: SortRegistry;
  private readonly declared = new Map<string, string>();
  private readonly axioms = new Map<string, string>();
  private readonly stringLiterals = new Set<string>();
  private stringTheory = false;
  private readonly defs = new Map<QName, DefEntry>();
  private readonly definingStack: QName[] = [];
  private temps = 0;
  /**
   * Binders are numbered per obligation in order of first use (not by their program-wide ids), so
   * an edit elsewhere in the spec leaves this obligation's text, and its cache entry, unchanged.
   */
  private readonly locals = new Map<number, string>();

  private readonly tables: Tables;
  /** in the scope of one def or formula encoded on its own: the defs it calls */
  private readonly calls = new Set<QName>();

  /**
   * defs in `opaqueDefs` are declared as uninterpreted functions, not defined (termination checks);
   * `scope`: an obligation, or one def's body or formula encoded on its own (see EncodedDef, reused)
   */
  constructor(
    readonly program: Program,
    private readonly opaqueDefs: ReadonlySet<QName> = new Set(),
    private readonly scope: 'obligation' | 'def' = 'obligation',
  ) {
    this.sorts = new SortRegistry(program);
    this.tables = programTables(program, opaqueDefs);
  }

  // ---- declarations -------------------------------------------------------------------------

  /** `text` is built only on a symbol's first use: an obligation names the same few symbols many times */
  private declare(symbol: string, text: () => string): string {
    if (!this.declared.has(symbol)) this.declared.set(symbol, text());
    return symbol;
  }

  variable(machine: QName, name: string, state: number): string {
    const decl = this.program.machines.get(machine)?.vars.find((v) => v.name === name);
    if (!decl) throw new Error(`unknown variable ${machine}.${name}`);
    const symbol = SYM.variable(state, machine, name);
    return this.declare(symbol, () => `(declare-const ${symbol} ${this.sorts.sort(decl.type)})`);
  }

  constant(q: QName): string {
    const decl = this.program.consts.get(q);
    if (!decl) throw new Error(`unknown constant ${q}`);
    const symbol = SYM.constant(q);
    return this.declare(symbol, () => `(declare-const ${symbol} ${this.sorts.sort(decl.type)})`);
  }

  /** a binder that is free in the obligation (an action parameter, a theorem parameter) */
  freeLocal(b: Binder): string {
    if (isSchematic(b)) return this.schematic(b, 0);
    const symbol = this.binder(b);
    if (b.type.kind === 'fn') {
      const { params, result } = b.type;
      return this.declare(symbol, () => `(declare-fun ${symbol} (${params.map((p) => this.sorts.sort(p)).join(' ')}) ${this.sorts.sort(result)})`);
    }
    return this.declare(symbol, () => `(declare-const ${symbol} ${this.sorts.sort(b.type)})`);
  }

  /**
   * A lemma parameter that stands for a state predicate or an action (`P: Pred`, `q: Int -> Pred`)
   * has a value that depends on the state: one uninterpreted symbol per state, so that `P` and
   * `P'` are independent (a single symbol would make every such P stable).
   */
  private schematic(b: Binder, state: number): string {
    const symbol = quoted(`${this.binder(b).slice(1, -1)}@${state}`);
    const [params, result] = b.type.kind === 'fn' ? [b.type.params.map((p) => this.sorts.sort(p)), b.type.result] : [[], b.type];
    return this.declare(symbol, () => `(declare-fun ${symbol} (${params.join(' ')}) ${this.sorts.sort(result)})`);
  }

  undefinedFunction(name: string, params: readonly string[], result: string): string {
    const symbol = quoted(`u:${name}`);
    return this.declare(symbol, () => `(declare-fun ${symbol} (${params.join(' ')}) ${result})`);
  }

  axiom(name: string, text: string): void {
    if (!this.axioms.has(name)) this.axioms.set(name, text);
  }

  temp(): string {
    return SYM.temp(this.temps++);
  }

  // ---- expressions --------------------------------------------------------------------------

  expr(e: Expr, env: Env): string {
    // (most subterms are already encoded in both polarities: no new object for them)
    const both: Env = env.polarity === 'both' ? env : { ...env, polarity: 'both' };
    switch (e.kind) {
      case 'bool':
        return e.value ? 'true' : 'false';
      case 'int':
        return intLiteral(e.value);
      case 'string':
        this.stringLiterals.add(e.value);
        return SYM.stringConstant(e.value);
      case 'ref':
        return this.ref(e, env);
      case 'prime':
        return this.expr(e.arg, { ...env, state: env.state + 1 });
      case 'call':
        return this.call(e.def, e.args, env, e.span);
      case 'apply': {
        const fn = isSchematic(e.fn) ? this.schematic(e.fn, env.state) : this.binder(e.fn);
        return `(${fn} ${e.args.map((a) => this.expr(a, both)).join(' ')})`;
      }
      case 'not':
        return `(not ${this.expr(e.arg, { ...env, polarity: flip(env.polarity) })})`;
      case 'neg':
        return `(- ${this.expr(e.arg, both)})`;
      case 'logic': {
        if (e.op === '<==>') return `(= ${this.expr(e.left, both)} ${this.expr(e.right, both)})`;
        if (e.op === '==>') return `(=> ${this.expr(e.left, { ...env, polarity: flip(env.polarity) })} ${this.expr(e.right, env)})`;
        return `(${e.op === '&&' ? 'and' : 'or'} ${this.expr(e.left, env)} ${this.expr(e.right, env)})`;
      }
      case 'arith':
        return this.arith(e.op, this.expr(e.left, both), this.expr(e.right, both));
      case 'compare':
        return `(${e.op} ${this.expr(e.left, both)} ${this.expr(e.right, both)})`;
      case 'eq':
        return `(= ${this.expr(e.left, both)} ${this.expr(e.right, both)})`;
      case 'builtin':
        return encodeBuiltin(this, e, both);
      case 'seqLit':
        return this.seqLiteral(e.type, e.elems.map((x) => this.expr(x, both)));
      case 'setLit': {
        let acc = this.emptySet(e.type);
        for (const x of e.elems) acc = `(store ${acc} ${this.expr(x, both)} true)`;
        return acc;
      }
      case 'mapLit': {
        if (e.type.kind !== 'map') throw new Unencodable('map literal without a map type', e.span);
        const opt = this.sorts.option(e.type.value);
        let acc = `((as const ${this.sorts.sort(e.type)}) ${opt.none})`;
        for (const { key, value } of e.entries) acc = `(store ${acc} ${this.expr(key, both)} (${opt.some} ${this.expr(value, both)}))`;
        return acc;
      }
      case 'tuple': {
        if (e.type.kind !== 'tuple') throw new Unencodable('tuple without a tuple type', e.span);
        return `(${this.sorts.tuple(e.type.elems).ctor} ${e.elems.map((x) => this.expr(x, both)).join(' ')})`;
      }
      case 'tupleGet': {
        if (e.tuple.type.kind !== 'tuple') throw new Unencodable('tuple access on a non-tuple', e.span);
        return `(${this.sorts.tuple(e.tuple.type.elems).fields[e.index]} ${this.expr(e.tuple, both)})`;
      }
      case 'record':
        this.sorts.sort(e.type);
        return e.fields.length === 0 ? SYM.recordCtor(e.record) : `(${SYM.recordCtor(e.record)} ${e.fields.map((x) => this.expr(x, both)).join(' ')})`;
      case 'field':
        this.sorts.sort(e.target.type);
        return `(${SYM.recordField(e.record, e.field)} ${this.expr(e.target, both)})`;
      case 'with':
        return this.withUpdate(e, both);
      case 'ctor':
        this.sorts.sort(e.type);
        return e.args.length === 0 ? SYM.enumCtor(e.enumName, e.ctor) : `(${SYM.enumCtor(e.enumName, e.ctor)} ${e.args.map((x) => this.expr(x, both)).join(' ')})`;
      case 'some':
        return `(${this.sorts.option(e.arg.type).some} ${this.expr(e.arg, both)})`;
      case 'none': {
        if (e.type.kind !== 'option') throw new Unencodable('None without an option type', e.span);
        return this.sorts.option(e.type.elem).none;
      }
      case 'is':
        return `((_ is ${this.ctorSymbol(e.arg.type, e.ctor, e.span)}) ${this.expr(e.arg, both)})`;
      case 'match':
        return this.match(e, env);
      case 'if':
        return `(ite ${this.expr(e.cond, both)} ${this.expr(e.then, env)} ${this.expr(e.else, env)})`;
      case 'let':
        return `(let ((${this.binder(e.binder)} ${this.expr(e.value, both)})) ${this.expr(e.body, env)})`;
      case 'quant':
        return this.quantifier(e, env);
      case 'setFilter': {
        const x = this.binder(e.binder);
        return `(lambda ((${x} ${this.sorts.sort(e.binder.type)})) (and ${this.memberOf(e.source, x, both)} ${this.expr(e.pred, both)}))`;
      }
      case 'setImage': {
        if (e.type.kind !== 'set') throw new Unencodable('set image without a set type', e.span);
        const y = this.temp();
        const x = this.binder(e.binder);
        return `(lambda ((${y} ${this.sorts.sort(e.type.elem)})) (exists ((${x} ${this.sorts.sort(e.binder.type)})) (and ${this.memberOf(e.source, x, both)} (= ${y} ${this.expr(e.body, both)}))))`;
      }
      case 'mapComp': {
        if (e.type.kind !== 'map') throw new Unencodable('map comprehension without a map type', e.span);
        const opt = this.sorts.option(e.type.value);
        const x = this.binder(e.binder);
        return `(lambda ((${x} ${this.sorts.sort(e.binder.type)})) (ite ${this.memberOf(e.domain, x, both)} (${opt.some} ${this.expr(e.body, both)}) ${opt.none}))`;
      }
      case 'action': {
        const machine = this.machine(e.instance.machine, e.span);
        const action = machine.actions.find((a) => a.name === e.instance.action);
        if (!action) throw new Unencodable(`unknown action ${e.instance.action}`, e.span);
        return this.actionFormula(machine, action, e.instance.args, env, true, e.span);
      }
      case 'enabled': {
        if (e.arg.kind !== 'action') throw new Unencodable('enabled(...) of anything but an action is not first-order', e.span);
        const machine = this.machine(e.arg.instance.machine, e.span);
        const action = machine.actions.find((a) => a.name === (e.arg as Extract<Expr, { kind: 'action' }>).instance.action);
        if (!action) throw new Unencodable('unknown action', e.span);
        return this.actionFormula(machine, action, e.arg.instance.args, env, false, e.span);
      }
      case 'always':
      case 'eventually':
      case 'leadsTo':
      case 'fairness':
        throw new Unencodable('a temporal operator cannot appear in a first-order obligation', e.span);
    }
  }

  /** the symbol of a binder in this obligation */
  binder(b: Binder): string {
    let symbol = this.locals.get(b.id);
    if (symbol === undefined) {
      symbol = (this.scope === 'def' ? SYM.defLocal : SYM.local)(this.locals.size, b.name);
      this.locals.set(b.id, symbol);
    }
    return symbol;
  }

  private machine(q: QName, span: Span): MachineDecl {
    const m = this.program.machines.get(q);
    if (!m) throw new Unencodable(`unknown machine ${q}`, span);
    return m;
  }

  private ref(e: Extract<Expr, { kind: 'ref' }>, env: Env): string {
    const r = e.ref;
    switch (r.kind) {
      case 'var':
        if (env.defMachine === r.machine) {
          if (env.state > 1) throw new Unencodable('a variable primed twice', e.span);
          return SYM.defParamVar(env.state, r.name);
        }
        return this.variable(r.machine, r.name, env.state);
      case 'const':
        return this.constant(r.name);
      case 'local':
        return isSchematic(r.binder) ? this.schematic(r.binder, env.state) : this.binder(r.binder);
    }
  }

  private arith(op: string, a: string, b: string): string {
    if (op === '+' || op === '-' || op === '*') return `(${op} ${a} ${b})`;
    const ta = this.temp();
    const tb = this.temp();
    const name = op === '/' ? 'div' : 'mod';
    const undef = this.undefinedFunction(name, ['Int'], 'Int');
    return `(let ((${ta} ${a}) (${tb} ${b})) (ite (= ${tb} 0) (${undef} ${ta}) (${name} ${ta} ${tb})))`;
  }

  emptySet(t: Type): string {
    return `((as const ${this.sorts.sort(t)}) false)`;
  }

  private seqLiteral(t: Type, elems: readonly string[]): string {
    if (elems.length === 0) return `(as seq.empty ${this.sorts.sort(t)})`;
    const units = elems.map((x) => `(seq.unit ${x})`);
    return units.length === 1 ? units[0]! : `(seq.++ ${units.join(' ')})`;
  }

  /** `x` is in the Set, Seq or Map `collection` (as an element, or as a key) */
  memberOf(collection: Expr, x: string, env: Env): string {
    const c = this.expr(collection, env);
    switch (collection.type.kind) {
      case 'set':
        return `(select ${c} ${x})`;
      case 'seq':
        return `(seq.contains ${c} (seq.unit ${x}))`;
      case 'map':
        return `((_ is ${this.sorts.option(collection.type.value).some}) (select ${c} ${x}))`;
      default:
        throw new Unencodable('a domain must be a Set, Seq or Map', collection.span);
    }
  }

  private ctorSymbol(t: Type, ctor: string, span: Span): string {
    if (t.kind === 'option') {
      const opt = this.sorts.option(t.elem);
      return ctor === 'Some' ? opt.some : opt.none;
    }
    if (t.kind === 'enum') {
      this.sorts.sort(t);
      return SYM.enumCtor(t.name, ctor);
    }
    throw new Unencodable('constructor test on a value that is not an enum or option', span);
  }

  private withUpdate(e: Extract<Expr, { kind: 'with' }>, env: Env): string {
    const decl = this.program.records.get(e.record);
    if (!decl) throw new Unencodable(`unknown record ${e.record}`, e.span);
    this.sorts.sort(e.type);
    const t = this.temp();
    const fields = decl.fields.map((f) => {
      const update = e.updates.find((u) => u.field === f.name);
      return update ? this.expr(update.value, env) : `(${SYM.recordField(e.record, f.name)} ${t})`;
    });
    return `(let ((${t} ${this.expr(e.target, env)})) (${SYM.recordCtor(e.record)} ${fields.join(' ')}))`;
  }

  private match(e: Extract<Expr, { kind: 'match' }>, env: Env): string {
    const t = this.temp();
    const scrutType = e.scrutinee.type;
    const fieldSymbols = (ctor: string): string[] => {
      if (scrutType.kind === 'option') return ctor === 'Some' ? [this.sorts.option(scrutType.elem).value] : [];
      if (scrutType.kind === 'enum') {
        const c = this.program.enums.get(scrutType.name)?.ctors.find((k) => k.name === ctor);
        if (!c) throw new Unencodable(`unknown constructor ${ctor}`, e.span);
        return c.fields.map((f) => SYM.enumField(scrutType.name, ctor, f.name));
      }
      throw new Unencodable('match on a value that is not an enum or option', e.span);
    };
    const wildcard = e.arms.findIndex((a) => a.ctor === undefined);
    const arms = wildcard >= 0 ? e.arms.slice(0, wildcard + 1) : e.arms;
    const armBody = (i: number): string => {
      const arm = arms[i]!;
      const body = this.expr(arm.body, env);
      if (arm.ctor === undefined) return body;
      const fields = fieldSymbols(arm.ctor);
      const bindings = arm.binders.flatMap((b, j) => (b ? [`(${this.binder(b)} (${fields[j]} ${t}))`] : []));
      return bindings.length === 0 ? body : `(let (${bindings.join(' ')}) ${body})`;
    };
    if (arms.length === 0) throw new Unencodable('match without arms', e.span);
    let acc = armBody(arms.length - 1);
    for (let i = arms.length - 2; i >= 0; i--) {
      acc = `(ite ((_ is ${this.ctorSymbol(scrutType, arms[i]!.ctor!, e.span)}) ${t}) ${armBody(i)} ${acc})`;
    }
    return `(let ((${t} ${this.expr(e.scrutinee, { ...env, polarity: 'both' })})) ${acc})`;
  }

  private quantifier(e: Extract<Expr, { kind: 'quant' }>, env: Env): string {
    const x = this.binder(e.binder);
    const witness = e.quantifier === 'exists' ? onePointWitness(e) : undefined;
    if (witness) {
      // exists x :: (x == t && B) is B with x = t: no quantifier left for Z3 to instantiate
      const t = this.expr(witness, { ...env, polarity: 'both' });
      const body = this.expr(e.body, env);
      return `(let ((${x} ${t})) ${e.domain ? `(and ${this.memberOf(e.domain, x, { ...env, polarity: 'both' })} ${body})` : body})`;
    }
    const decl = `((${x} ${this.sorts.sort(e.binder.type)}))`;
    if (!e.domain) this.checkUnboundedQuantifier(e.quantifier, e.binder, env, e.span);
    const body = this.expr(e.body, env);
    if (e.quantifier === 'forall') {
      return e.domain ? `(forall ${decl} (=> ${this.memberOf(e.domain, x, { ...env, polarity: 'both' })} ${body}))` : `(forall ${decl} ${body})`;
    }
    return e.domain ? `(exists ${decl} (and ${this.memberOf(e.domain, x, { ...env, polarity: 'both' })} ${body}))` : `(exists ${decl} ${body})`;
  }

  /**
   * SMT arrays include infinite sets and maps, kspec's do not. A quantifier over such a type that
   * acts existentially (exists in the goal, forall in a hypothesis) could pick an infinite witness
   * and prove something false of finite collections, so it is refused. Universal uses are sound:
   * they range over more values than kspec has.
   */
  private checkUnboundedQuantifier(q: 'forall' | 'exists', b: Binder, env: Env, span: Span): void {
    const existential = q === 'exists' ? env.polarity !== 'neg' : env.polarity !== 'pos';
    if (existential && holdsCollection(b.type, this.program)) {
      throw new Unencodable(
        `\`${q} ${b.name}\` ranges over a type containing Set or Map and is used existentially; bound it with \`in\` a collection`,
        span,
      );
    }
  }

  // ---- pieces for callers that build their own formulas (termination conditions) -------------

  /** `text` was built by constructor `ctor` of the enum or option type `t` */
  ctorTest(t: Type, ctor: string, text: string, span: Span): string {
    return `((_ is ${this.ctorSymbol(t, ctor, span)}) ${text})`;
  }

  /** payload field `index` of constructor `ctor` */
  ctorField(t: Type, ctor: string, index: number, text: string, span: Span): string {
    if (t.kind === 'option') return `(${this.sorts.option(t.elem).value} ${text})`;
    const c = t.kind === 'enum' ? this.program.enums.get(t.name)?.ctors.find((k) => k.name === ctor) : undefined;
    const f = c?.fields[index];
    if (t.kind !== 'enum' || !f) throw new Unencodable(`unknown field of ${ctor}`, span);
    return `(${SYM.enumField(t.name, ctor, f.name)} ${text})`;
  }

  /** declares the variables a machine def reads as free constants (they are its parameters) */
  freeDefState(machine: MachineDecl, states: number): void {
    for (let s = 0; s < states; s++) {
      for (const v of machine.vars) {
        const symbol = SYM.defParamVar(s, v.name);
        const sort = this.sorts.sort(v.type);
        this.declare(symbol, () => `(declare-const ${symbol} ${sort})`);
      }
    }
  }

  // ---- actions ------------------------------------------------------------------------------

  /**
   * The conjuncts of one step of `action` from state `env.state` to the next, with its
   * parameters given by `paramSymbols` (already declared or bound by the caller): parameters in
   * their domains, the guards, and every variable's next value (unassigned ones unchanged).
   */
  actionConjuncts(machine: MachineDecl, action: ActionDecl, env: Env, withEffect: boolean): string[] {
    const both: Env = { ...env, polarity: 'both' };
    const out: string[] = [];
    for (const p of action.params) if (p.domain) out.push(this.memberOf(p.domain, this.binder(p.binder), both));
    for (const g of action.guards) out.push(this.reused(g, env));
    if (!withEffect) return out;
    for (const v of machine.vars) {
      const next = this.variable(machine.name, v.name, env.state + 1);
      const assign = action.assigns.find((a) => a.variable === v.name);
      out.push(`(= ${next} ${assign ? this.reused(assign.value, both) : this.variable(machine.name, v.name, env.state)})`);
    }
    return out;
  }

  /**
   * `a(args)` as a formula: some parameter values for which it steps. A parameter whose value is
   * given is bound to it by `let` (not by `exists` and an equation, which Z3 does not always
   * eliminate: it then answers "unknown" where the instance is plainly true or false).
   */
  private actionFormula(machine: MachineDecl, action: ActionDecl, args: readonly (Expr | undefined)[], env: Env, withEffect: boolean, span: Span): string {
    const conjuncts = this.actionConjuncts(machine, action, env, withEffect);
    const given: string[] = [];
    const bound: string[] = [];
    action.params.forEach((p, i) => {
      const x = this.binder(p.binder);
      const value = args[i];
      if (value) given.push(`(${x} ${this.expr(value, { ...env, polarity: 'both' })})`);
      else {
        if (!p.domain) this.checkUnboundedQuantifier('exists', p.binder, env, span);
        bound.push(`(${x} ${this.sorts.sort(p.binder.type)})`);
      }
    });
    const body = conjuncts.length === 0 ? 'true' : conjuncts.length === 1 ? conjuncts[0]! : `(and ${conjuncts.join(' ')})`;
    const some = bound.length === 0 ? body : `(exists (${bound.join(' ')}) ${body})`;
    return given.length === 0 ? some : `(let (${given.join(' ')}) ${some})`;
  }

  // ---- defs ---------------------------------------------------------------------------------

  private call(q: QName, args: readonly Expr[], env: Env, span: Span): string {
    const def = this.program.defs.get(q);
    if (!def) throw new Unencodable(`unknown def ${q}`, span);
    this.useDef(q, span);
    const caller = this.definingStack[this.definingStack.length - 1];
    if (caller !== undefined) this.defs.get(caller)!.callees.add(q);
    const both: Env = { ...env, polarity: 'both' };
    const actuals = args.map((a) => this.expr(a, both));
    if (def.machine) {
      const machine = this.machine(def.machine, span);
      const states = def.level === 'action' ? [0, 1] : [0];
      for (const s of states) {
        for (const v of machine.vars) {
          const state = env.state + s;
          actuals.push(env.defMachine === def.machine ? SYM.defParamVar(state, v.name) : this.variable(def.machine, v.name, state));
        }
      }
    }
    return actuals.length === 0 ? SYM.def(q) : `(${SYM.def(q)} ${actuals.join(' ')})`;
  }

  /** Makes `q` and every def it calls, transitively, part of this obligation. */
  private useDef(q: QName, span: Span): void {
    if (this.defs.has(q)) return;
    const table = this.tables.defs;
    if (!table.has(q)) table.set(q, this.encodeAlone(q, span));
    if (this.scope === 'def') {
      this.calls.add(q);
      return;
    }
    const pending = [q];
    while (pending.length > 0) {
      const d = pending.pop()!;
      if (this.defs.has(d)) continue;
      const encoded = table.get(d)!;
      if (encoded === 'encoding') throw new Error(`def ${d} used while its body is encoded`);
      this.defs.set(d, encoded.entry);
      this.adopt(encoded.needs);
      pending.push(...encoded.entry.callees);
    }
  }

  private encodeAlone(q: QName, span: Span): EncodedDef {
    const table = this.tables.defs;
    table.set(q, 'encoding');
    try {
      const alone = new SmtEncoder(this.program, this.opaqueDefs, 'def');
      const entry = alone.defineBody(q, span);
      return { entry, needs: alone.needs() };
    } finally {
      table.delete(q);
    }
  }

  /**
   * A formula as text, encoded once per program for each state and polarity (facts, assumptions,
   * hypotheses and guards recur in many obligations); its free binders get this obligation's
   * symbols. Schematic binders (one symbol per state) and defs' state parameters are encoded in place.
   */
  reused(e: Expr, env: Env): string {
    if (this.scope === 'def' || env.defMachine !== undefined) return this.expr(e, env);
    const free = freeBinders(e);
    for (const b of free.values()) if (isSchematic(b)) return this.expr(e, env);
    let byEnv = this.tables.formulas.get(e);
    if (!byEnv) {
      byEnv = new Map();
      this.tables.formulas.set(e, byEnv);
    }
    const key = `${env.state}:${env.polarity}`;
    let encoded = byEnv.get(key);
    if (!encoded) {
      const alone = new SmtEncoder(this.program, this.opaqueDefs, 'def');
      for (const b of free.values()) alone.locals.set(b.id, placeholder(b));
      const text = alone.expr(e, env);
      const needs = alone.needs();
      const leaks = [...needs.declared, ...needs.axioms].some(([name, decl]) => name.includes('\u0000') || decl.includes('\u0000'));
      encoded = leaks ? 'direct' : { text, needs };
      byEnv.set(key, encoded);
    }
    if (encoded === 'direct') return this.expr(e, env);
    this.adopt(encoded.needs);
    for (const q of encoded.needs.calls) this.useDef(q, e.span);
    return free.size === 0 ? encoded.text : encoded.text.replace(PLACEHOLDER, (_, id: string) => this.binder(free.get(Number(id))!));
  }

  private needs(): Needs {
    return { declared: this.declared, axioms: this.axioms, stringLiterals: this.stringLiterals, stringTheory: this.stringTheory, sorts: this.sorts, calls: this.calls };
  }

  /** declares what a text encoded on its own needs (its calls excepted) */
  private adopt(needs: Needs): void {
    for (const [symbol, text] of needs.declared) if (!this.declared.has(symbol)) this.declared.set(symbol, text);
    for (const [name, text] of needs.axioms) this.axiom(name, text);
    for (const v of needs.stringLiterals) this.stringLiterals.add(v);
    if (needs.stringTheory) this.stringTheory = true;
    this.sorts.absorb(needs.sorts);
  }

  private defineBody(q: QName, span: Span): DefEntry {
    const def = this.program.defs.get(q)!;
    const params: [string, string][] = def.params.map((p) => {
      if (p.type.kind === 'fn') throw new Unencodable('a def with a function parameter cannot be encoded', p.span);
      return [this.binder(p), this.sorts.sort(p.type)];
    });
    if (def.machine) {
      const machine = this.machine(def.machine, span);
      const states = def.level === 'action' ? [0, 1] : [0];
      for (const s of states) for (const v of machine.vars) params.push([SYM.defParamVar(s, v.name), this.sorts.sort(v.type)]);
    }
    const entry: DefEntry = {
      q,
      signature: params.map(([x, sort]) => `(${x} ${sort})`).join(' '),
      paramSorts: params.map(([, sort]) => sort),
      result: this.sorts.sort(def.result),
      callees: new Set(),
    };
    this.defs.set(q, entry);
    if (!def.body || this.opaqueDefs.has(q)) return entry;
    this.definingStack.push(q);
    try {
      const env: Env = def.machine ? { state: 0, polarity: 'both', defMachine: def.machine } : { state: 0, polarity: 'both' };
      entry.body = this.expr(def.body, env);
    } finally {
      this.definingStack.pop();
    }
    return entry;
  }

  /** the defs used so far that are (mutually) recursive, as groups; they need termination proofs */
  recursiveGroups(): QName[][] {
    return this.defGroups().filter((g) => g.length > 1 || this.defs.get(g[0]!)!.callees.has(g[0]!));
  }

  private defGroups(): QName[][] {
    const names = [...this.defs.keys()].sort();
    return stronglyConnected(names, (q) => [...this.defs.get(q)!.callees].sort());
  }

  private defDeclarations(): { declared: string[]; defined: string[] } {
    const declared: string[] = [];
    const defined: string[] = [];
    for (const group of this.defGroups()) {
      const entries = group.map((q) => this.defs.get(q)!);
      const abstract = entries.filter((d) => d.body === undefined);
      for (const d of abstract) declared.push(`(declare-fun ${SYM.def(d.q)} (${d.paramSorts.join(' ')}) ${d.result})`);
      const concrete = entries.filter((d) => d.body !== undefined);
      if (concrete.length === 0) continue;
      const recursive = concrete.length > 1 || concrete[0]!.callees.has(concrete[0]!.q);
      if (!recursive) {
        const d = concrete[0]!;
        defined.push(`(define-fun ${SYM.def(d.q)} (${d.signature}) ${d.result} ${d.body})`);
      } else {
        const heads = concrete.map((d) => `(${SYM.def(d.q)} (${d.signature}) ${d.result})`).join(' ');
        defined.push(`(define-funs-rec (${heads}) (${concrete.map((d) => d.body).join(' ')}))`);
      }
    }
    return { declared, defined };
  }

  // ---- output -------------------------------------------------------------------------------

  useStringTheory(): void {
    this.stringTheory = true;
  }

  /**
   * Strings. With `len` or `++` in the obligation, kspec's String is SMT's String. Otherwise only
   * equality of strings matters, and String is an uninterpreted sort whose literals are distinct
   * constants: Z3 decides quantified formulas over that far better than over its string theory
   * (which makes it answer "unknown" where instantiation would do). Sound: a model of the
   * obligation with real strings is a model of this encoding (the sort as all strings, each
   * literal as itself), so "unsat" here means unsat with real strings.
   */
  private stringDeclarations(): string[] {
    const literals = [...this.stringLiterals].sort();
    if (this.stringTheory) {
      return [`(define-sort ${SYM.stringSort} () String)`, ...literals.map((v) => `(define-fun ${SYM.stringConstant(v)} () ${SYM.stringSort} ${stringLiteral(v)})`)];
    }
    const constants = literals.map((v) => SYM.stringConstant(v));
    return [
      `(declare-sort ${SYM.stringSort} 0)`,
      ...constants.map((c) => `(declare-const ${c} ${SYM.stringSort})`),
      ...(constants.length > 1 ? [`(assert (distinct ${constants.join(' ')}))`] : []),
    ];
  }

  /** the whole obligation: declarations in dependency order, then the assertions given */
  render(assertions: readonly string[]): string {
    const { declared, defined } = this.defDeclarations();
    const lines = [
      SOLVER_OPTIONS,
      ...this.stringDeclarations(),
      ...this.sorts.declarations(),
      ...[...this.declared.values()].sort(),
      ...declared,
      ...defined,
      ...[...this.axioms.keys()].sort().map((k) => this.axioms.get(k)!),
      ...assertions.map((a) => `(assert ${a})`),
    ];
    return lines.join('\n') + '\n';
  }
}
