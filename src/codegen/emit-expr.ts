// kspec types and expressions as TypeScript. Expressions become single TypeScript expressions
// (`let` and `match` become immediately applied arrow functions), with every helper taken from the
// runtime imported as `$rt`, so no global a spec could shadow is ever read.
import type { Binder, Expr, ExprOf, Type } from '../ir/index.js';
import { payloadField, propKey, propRead, stringLit } from './names.js';
import type { Plan } from './plan.js';

/** Where an expression is evaluated: the names of the constants object and of the machine state. */
export interface Scope {
  readonly consts: string;
  readonly state?: string;
}

/** An Option whose element may itself be `undefined` is tagged: `Some(x)` is `{ some: x }`. */
export const isTaggedOption = (elem: Type): boolean => elem.kind === 'option' || elem.kind === 'abstract';

export class ExprEmitter {
  private fresh = 0;
  /**
   * Binders are numbered within the generated function that binds them (not by their
   * program-wide ids), so an edit elsewhere in the spec leaves the function's text unchanged.
   */
  private readonly locals = new Map<number, string>();

  constructor(private readonly plan: Plan) {}

  /** starts a generated function: its binders and temporaries are numbered from zero */
  beginFunction(): void {
    this.locals.clear();
    this.fresh = 0;
  }

  /** the TypeScript name of a binder in the current function */
  binder(b: Binder): string {
    let name = this.locals.get(b.id);
    if (name === undefined) {
      name = `${b.name}$${this.locals.size}`;
      this.locals.set(b.id, name);
    }
    return name;
  }

  type(t: Type): string {
    switch (t.kind) {
      case 'bool':
        return 'boolean';
      case 'int':
        return 'bigint';
      case 'string':
        return 'string';
      case 'seq':
        return `readonly (${this.type(t.elem)})[]`;
      case 'set':
        return `ReadonlySet<${this.type(t.elem)}>`;
      case 'map':
        return `ReadonlyMap<${this.type(t.key)}, ${this.type(t.value)}>`;
      case 'option':
        return isTaggedOption(t.elem) ? `$rt.Some<${this.type(t.elem)}> | undefined` : `${this.type(t.elem)} | undefined`;
      case 'tuple':
        return `readonly [${t.elems.map((x) => this.type(x)).join(', ')}]`;
      case 'record':
      case 'enum':
        return this.plan.name(t.name);
      case 'abstract':
        return 'unknown';
      case 'fn':
        return `((${t.params.map((p, i) => `a${i}: ${this.type(p)}`).join(', ')}) => ${this.type(t.result)})`;
    }
  }

  /** the key of a constant (or abstract def) in the constants object */
  constKey(q: string): string {
    return this.plan.name(q);
  }

  private tmp(): string {
    return `$v${this.fresh++}`;
  }

  expr(e: Expr, s: Scope): string {
    const x = (y: Expr): string => this.expr(y, s);
    switch (e.kind) {
      case 'bool':
        return e.value ? 'true' : 'false';
      case 'int':
        return e.value < 0n ? `(${e.value}n)` : `${e.value}n`;
      case 'string':
        return stringLit(e.value);
      case 'ref':
        return this.ref(e, s);
      case 'call':
        return this.call(e.def, e.args.map(x), s);
      case 'not':
        return `!${x(e.arg)}`;
      case 'neg':
        return `(-${x(e.arg)})`;
      case 'logic':
        if (e.op === '==>') return `(!${x(e.left)} || ${x(e.right)})`;
        if (e.op === '<==>') return `(${x(e.left)} === ${x(e.right)})`;
        return `(${x(e.left)} ${e.op} ${x(e.right)})`;
      case 'arith':
        if (e.op === '/') return `$rt.div(${x(e.left)}, ${x(e.right)})`;
        if (e.op === '%') return `$rt.mod(${x(e.left)}, ${x(e.right)})`;
        return `(${x(e.left)} ${e.op} ${x(e.right)})`;
      case 'compare':
        return `(${x(e.left)} ${e.op} ${x(e.right)})`;
      case 'eq':
        return this.isPrimitive(e.left.type) ? `(${x(e.left)} === ${x(e.right)})` : `$rt.equals<${this.type(e.left.type)}>(${x(e.left)}, ${x(e.right)})`;
      case 'builtin':
        return this.builtin(e, s);
      case 'seqLit':
        return `([${e.elems.map(x).join(', ')}] as ${this.type(e.type)})`;
      case 'setLit':
        return `$rt.setOf<${this.elemType(e.type)}>([${e.elems.map(x).join(', ')}])`;
      case 'mapLit': {
        if (e.type.kind !== 'map') throw new Error('map literal without a map type');
        const entries = e.entries.map((en) => `[${x(en.key)}, ${x(en.value)}] as const`).join(', ');
        return `$rt.mapOf<${this.type(e.type.key)}, ${this.type(e.type.value)}>([${entries}])`;
      }
      case 'tuple':
        return `([${e.elems.map(x).join(', ')}] as const)`;
      case 'tupleGet':
        return `${x(e.tuple)}[${e.index}]`;
      case 'record': {
        const decl = this.plan.program.records.get(e.record)!;
        return `({ ${decl.fields.map((f, i) => `${propKey(f.name)}: ${x(e.fields[i]!)}`).join(', ')} } as ${this.plan.name(e.record)})`;
      }
      case 'field':
        return `${x(e.target)}${propRead(e.field)}`;
      case 'with':
        return `({ ...${x(e.target)}, ${e.updates.map((u) => `${propKey(u.field)}: ${x(u.value)}`).join(', ')} } as ${this.plan.name(e.record)})`;
      case 'ctor': {
        const name = `${this.plan.name(e.enumName)}$${e.ctor}`;
        return e.args.length === 0 && this.ctorArity(e.enumName, e.ctor) === 0 ? name : `${name}(${e.args.map(x).join(', ')})`;
      }
      case 'some':
        return isTaggedOption(e.arg.type) ? `({ some: ${x(e.arg)} } as $rt.Some<${this.type(e.arg.type)}>)` : x(e.arg);
      case 'none':
        return `(undefined as ${this.type(e.type)})`;
      case 'is':
        if (e.arg.type.kind === 'option') return `(${x(e.arg)} ${e.ctor === 'Some' ? '!==' : '==='} undefined)`;
        return `(${x(e.arg)}.kind === ${stringLit(e.ctor)})`;
      case 'match':
        return this.match(e, s);
      case 'if':
        return `(${x(e.cond)} ? ${x(e.then)} : ${x(e.else)})`;
      case 'let':
        return `((${this.binder(e.binder)}: ${this.type(e.binder.type)}): ${this.type(e.type)} => ${x(e.body)})(${x(e.value)})`;
      case 'quant':
        return this.quant(e, s);
      case 'setFilter':
        return `$rt.setFilter<${this.type(e.binder.type)}>(${this.iterable(e.source, s)}, (${this.binder(e.binder)}) => ${x(e.pred)})`;
      case 'setImage':
        return `$rt.setImage<${this.type(e.binder.type)}, ${this.elemType(e.type)}>(${this.iterable(e.source, s)}, (${this.binder(e.binder)}) => ${x(e.body)})`;
      case 'mapComp': {
        if (e.type.kind !== 'map') throw new Error('map comprehension without a map type');
        return `$rt.mapComp<${this.type(e.type.key)}, ${this.type(e.type.value)}>(${this.iterable(e.domain, s)}, (${this.binder(e.binder)}) => ${x(e.body)})`;
      }
      case 'prime':
      case 'apply':
      case 'always':
      case 'eventually':
      case 'leadsTo':
      case 'action':
      case 'enabled':
      case 'fairness':
        throw new Error(`internal error: ${e.kind} reached code generation (the plan should have skipped it)`);
    }
  }

  call(q: string, args: readonly string[], s: Scope): string {
    const def = this.plan.program.defs.get(q)!;
    if (def.body === undefined) return `${s.consts}${propRead(this.constKey(q))}(${args.join(', ')})`;
    const pre: string[] = [];
    if (this.plan.defUsesConstants(q)) pre.push(s.consts);
    if (def.machine) pre.push(s.state ?? '$s');
    return `${this.plan.name(q)}(${[...pre, ...args].join(', ')})`;
  }

  private ctorArity(enumName: string, ctor: string): number {
    return this.plan.program.enums.get(enumName)?.ctors.find((c) => c.name === ctor)?.fields.length ?? 0;
  }

  isPrimitive(t: Type): boolean {
    return t.kind === 'bool' || t.kind === 'int' || t.kind === 'string';
  }

  private elemType(t: Type): string {
    if (t.kind !== 'set' && t.kind !== 'seq') throw new Error('expected a collection type');
    return this.type(t.elem);
  }

  private ref(e: ExprOf<'ref'>, s: Scope): string {
    const r = e.ref;
    switch (r.kind) {
      case 'var':
        return `${s.state ?? '$s'}${propRead(r.name)}`;
      case 'const':
        return `${s.consts}${propRead(this.constKey(r.name))}`;
      case 'local':
        return this.binder(r.binder);
    }
  }

  /** the elements of a Set or Seq, or a Map's keys */
  private iterable(c: Expr, s: Scope): string {
    return c.type.kind === 'map' ? `${this.expr(c, s)}.keys()` : this.expr(c, s);
  }

  private quant(e: ExprOf<'quant'>, s: Scope): string {
    const fn = e.quantifier === 'forall' ? 'all' : 'any';
    const b = `(${this.binder(e.binder)}: ${this.type(e.binder.type)}) => ${this.expr(e.body, s)}`;
    if (e.domain) return `$rt.${fn}<${this.type(e.binder.type)}>(${this.iterable(e.domain, s)}, ${b})`;
    if (e.binder.type.kind === 'bool') return `$rt.${fn}<boolean>($rt.BOOLS, ${b})`;
    if (e.binder.type.kind === 'enum') {
      const q = e.binder.type.name;
      const values = (this.plan.program.enums.get(q)?.ctors ?? []).map((c) => `${this.plan.name(q)}$${c.name}`);
      return `$rt.${fn}<${this.plan.name(q)}>([${values.join(', ')}], ${b})`;
    }
    throw new Error('internal error: a quantifier over an infinite type reached code generation');
  }

  private match(e: ExprOf<'match'>, s: Scope): string {
    const v = this.tmp();
    const t = e.scrutinee.type;
    const result = this.type(e.type);
    const wildcard = e.arms.find((a) => a.ctor === undefined);
    if (t.kind === 'option') {
      const arm = (ctor: string) => e.arms.find((a) => a.ctor === ctor) ?? wildcard;
      const none = arm('None')!;
      const some = arm('Some')!;
      const bound = some.ctor === 'Some' ? some.binders[0] : undefined;
      const unwrap = isTaggedOption(t.elem) ? `${v}.some` : v;
      const bind = bound ? `const ${this.binder(bound)}: ${this.type(t.elem)} = ${unwrap}; ` : '';
      return `((${v}: ${this.type(t)}): ${result} => { if (${v} === undefined) return ${this.expr(none.body, s)}; ${bind}return ${this.expr(some.body, s)}; })(${this.expr(e.scrutinee, s)})`;
    }
    if (t.kind !== 'enum') throw new Error('match on a value that is neither an enum nor an option');
    const decl = this.plan.program.enums.get(t.name)!;
    const cases: string[] = [];
    for (const arm of e.arms) {
      if (arm.ctor === undefined) continue;
      const ctor = decl.ctors.find((c) => c.name === arm.ctor)!;
      const binds = arm.binders
        .map((b, i) => (b ? `const ${this.binder(b)}: ${this.type(b.type)} = ${v}${propRead(payloadField(ctor.fields[i]!.name))}; ` : ''))
        .join('');
      cases.push(`case ${stringLit(arm.ctor)}: { ${binds}return ${this.expr(arm.body, s)}; }`);
    }
    if (wildcard) cases.push(`default: return ${this.expr(wildcard.body, s)};`);
    return `((${v}: ${this.type(t)}): ${result} => { switch (${v}.kind) { ${cases.join(' ')} } })(${this.expr(e.scrutinee, s)})`;
  }

  private builtin(e: ExprOf<'builtin'>, s: Scope): string {
    const a = e.args.map((y) => this.expr(y, s));
    const t0 = e.args[0]?.type;
    switch (e.op) {
      case 'seq.len':
        return `$rt.len(${a[0]})`;
      case 'seq.index':
        return `$rt.index(${a[0]}, ${a[1]})`;
      case 'seq.push':
        return `$rt.push(${a[0]}, ${a[1]})`;
      case 'seq.concat':
        return `$rt.concat(${a[0]}, ${a[1]})`;
      case 'seq.contains':
        return `$rt.contains(${a[0]}, ${a[1]})`;
      case 'set.in':
        return `$rt.setHas(${a[1]}, ${a[0]})`;
      case 'set.add':
        return `$rt.setAdd(${a[0]}, ${a[1]})`;
      case 'set.remove':
        return `$rt.setRemove(${a[0]}, ${a[1]})`;
      case 'set.union':
        return `$rt.union(${a[0]}, ${a[1]})`;
      case 'set.intersect':
        return `$rt.intersect(${a[0]}, ${a[1]})`;
      case 'set.minus':
        return `$rt.minus(${a[0]}, ${a[1]})`;
      case 'set.subset':
        return `$rt.subset(${a[0]}, ${a[1]})`;
      case 'set.size':
        return `$rt.size(${a[0]})`;
      case 'set.range':
        return `$rt.range(${a[0]}, ${a[1]})`;
      case 'map.in':
        return `$rt.mapHas(${a[1]}, ${a[0]})`;
      case 'map.index':
        return `$rt.mapIndex(${a[0]}, ${a[1]})`;
      case 'map.get':
        return t0?.kind === 'map' && isTaggedOption(t0.value) ? `$rt.mapGetTagged(${a[0]}, ${a[1]})` : `$rt.mapGet(${a[0]}, ${a[1]})`;
      case 'map.insert':
        return `$rt.mapInsert(${a[0]}, ${a[1]}, ${a[2]})`;
      case 'map.remove':
        return `$rt.mapRemove(${a[0]}, ${a[1]})`;
      case 'map.keys':
        return `$rt.keys(${a[0]})`;
      case 'string.len':
        return `$rt.strLen(${a[0]})`;
      case 'string.concat':
        return `(${a[0]} + ${a[1]})`;
    }
  }
}
