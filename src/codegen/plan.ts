// What goes into one generated file: the declarations of the root module and everything they
// reach in other modules, the TypeScript name of each, which functions need the constants object,
// and which defs cannot be executed (and why).
import type { DefDecl, Expr, MachineDecl, ModuleIR, Program, QName, Type } from '../ir/index.js';
import { exprChildren, someExpr } from '../ir/index.js';
import { safeIdent } from './names.js';

export class Plan {
  readonly records = new Set<QName>();
  readonly enums = new Set<QName>();
  readonly consts = new Set<QName>();
  readonly defs = new Set<QName>();
  readonly machines: MachineDecl[];
  /** defs that cannot run, with the reason (they are listed in the file's header) */
  readonly skipped = new Map<QName, string>();
  private readonly constsMemo = new Map<QName, boolean>();
  private readonly moduleNames: readonly string[];

  constructor(
    readonly program: Program,
    readonly root: ModuleIR,
  ) {
    this.moduleNames = [...program.modules.map((m) => m.name)].sort((a, b) => b.length - a.length);
    for (const r of root.records) this.useType({ kind: 'record', name: r.name });
    for (const e of root.enums) this.useType({ kind: 'enum', name: e.name });
    for (const c of root.consts) this.useConst(c.name);
    this.machines = [...root.machines];
    for (const d of root.defs) this.useDef(d.name);
    for (const m of root.machines) {
      for (const v of m.vars) this.useType(v.type);
      this.useExpr(m.init);
      for (const a of m.actions) {
        for (const p of a.params) {
          this.useType(p.binder.type);
          if (p.domain) this.useExpr(p.domain);
        }
        for (const g of a.guards) this.useExpr(g);
        for (const x of a.assigns) this.useExpr(x.value);
      }
    }
  }

  /** the module a qualified name belongs to */
  moduleOf(q: QName): string {
    return this.moduleNames.find((m) => q.startsWith(`${m}.`)) ?? '';
  }

  /** the TypeScript name of a record, enum, def, const or machine */
  name(q: QName): string {
    const module = this.moduleOf(q);
    const rel = q.slice(module.length + 1);
    if (module === this.root.name) return rel.includes('.') ? rel.replace(/\./g, '$') : safeIdent(rel);
    return `${module}.${rel}`.replace(/\./g, '$');
  }

  private useType(t: Type): void {
    switch (t.kind) {
      case 'seq':
      case 'set':
      case 'option':
        this.useType(t.elem);
        return;
      case 'map':
        this.useType(t.key);
        this.useType(t.value);
        return;
      case 'tuple':
        t.elems.forEach((x) => this.useType(x));
        return;
      case 'fn':
        t.params.forEach((x) => this.useType(x));
        this.useType(t.result);
        return;
      case 'record': {
        if (this.records.has(t.name)) return;
        this.records.add(t.name);
        for (const f of this.program.records.get(t.name)?.fields ?? []) this.useType(f.type);
        return;
      }
      case 'enum': {
        if (this.enums.has(t.name)) return;
        this.enums.add(t.name);
        for (const c of this.program.enums.get(t.name)?.ctors ?? []) for (const f of c.fields) this.useType(f.type);
        return;
      }
      default:
        return;
    }
  }

  private useConst(q: QName): void {
    if (this.consts.has(q)) return;
    this.consts.add(q);
    const c = this.program.consts.get(q);
    if (c) this.useType(c.type);
  }

  private useDef(q: QName): void {
    if (this.defs.has(q) || this.skipped.has(q)) return;
    const def = this.program.defs.get(q);
    if (!def) return;
    const why = this.notExecutable(def);
    if (why !== undefined) {
      this.skipped.set(q, why);
      return;
    }
    this.defs.add(q);
    def.params.forEach((p) => this.useType(p.type));
    this.useType(def.result);
    if (def.body) this.useExpr(def.body);
    // an abstract def is a member of the constants object
    else this.consts.add(q);
  }

  private useExpr(e: Expr): void {
    this.useType(e.type);
    if (e.kind === 'ref' && e.ref.kind === 'const') this.useConst(e.ref.name);
    if (e.kind === 'call') this.useDef(e.def);
    if (e.kind === 'let' || e.kind === 'quant' || e.kind === 'setFilter' || e.kind === 'setImage' || e.kind === 'mapComp') this.useType(e.binder.type);
    for (const c of exprChildren(e)) this.useExpr(c);
  }

  private notExecutable(def: DefDecl): string | undefined {
    if (def.level === 'action' || def.level === 'temporal') return `its result is an ${def.level === 'action' ? 'action' : 'temporal'} formula`;
    if (def.params.some((p) => p.level !== undefined || p.type.kind === 'fn')) return 'it takes a predicate or function parameter';
    // a def extending a machine of another module: that machine's state type is generated with it
    if (def.machine !== undefined && !this.machines.some((m) => m.name === def.machine)) return `it reads the state of ${def.machine}, a machine of another module`;
    if (def.body === undefined) return undefined;
    let reason: string | undefined;
    someExpr(def.body, (x) => {
      reason ??= this.unsupported(x);
      return reason !== undefined;
    });
    return reason;
  }

  private unsupported(e: Expr): string | undefined {
    switch (e.kind) {
      case 'prime':
      case 'always':
      case 'eventually':
      case 'leadsTo':
      case 'action':
      case 'enabled':
      case 'fairness':
        return 'it is not a value-level expression';
      case 'apply':
        return 'it applies a function parameter';
      case 'quant':
        return e.domain || this.finiteType(e.binder.type) ? undefined : `it quantifies over the infinite type of \`${e.binder.name}\``;
      default:
        return undefined;
    }
  }

  /** types whose values can be listed: Bool and enums whose constructors carry no payload */
  finiteType(t: Type): boolean {
    if (t.kind === 'bool') return true;
    if (t.kind !== 'enum') return false;
    return (this.program.enums.get(t.name)?.ctors ?? []).every((c) => c.fields.length === 0);
  }

  /** whether a def (transitively) reads a constant or an abstract def: then it takes the constants object */
  defUsesConstants(q: QName): boolean {
    const memo = this.constsMemo.get(q);
    if (memo !== undefined) return memo;
    this.constsMemo.set(q, false);
    const def = this.program.defs.get(q);
    const uses = def === undefined ? false : def.body === undefined ? true : this.exprUsesConstants(def.body);
    this.constsMemo.set(q, uses);
    return uses;
  }

  exprUsesConstants(e: Expr): boolean {
    return someExpr(e, (x) => (x.kind === 'ref' && x.ref.kind === 'const') || (x.kind === 'call' && this.defUsesConstants(x.def)));
  }

  /** a def that calls a skipped def cannot run either; repeated until nothing changes */
  settle(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const q of [...this.defs]) {
        const body = this.program.defs.get(q)?.body;
        if (!body) continue;
        let bad: QName | undefined;
        someExpr(body, (x) => {
          if (x.kind === 'call' && this.skipped.has(x.def)) bad ??= x.def;
          return bad !== undefined;
        });
        if (bad !== undefined) {
          this.defs.delete(q);
          this.skipped.set(q, `it calls ${this.name(bad)}, which is not generated`);
          changed = true;
        }
      }
    }
  }
}
