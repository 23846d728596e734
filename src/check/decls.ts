// Checks every declaration of a module and assembles its ModuleIR.
import { BOOL, type AssumeDecl, type DefDecl, type Level, type MachineDecl, type ModelDecl, type ModuleIR, type QName, type TheoremDecl } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import { bind, type Ctx, type Local } from './scope.js';
import type { DefSymbol } from './symbols.js';
import { checkMachine } from './machine.js';
import { checkTheorem } from './proof.js';
import { checkModel } from './model.js';
import { checkCircularProofs } from './circularity.js';
import { unit, type CheckedDef, type CheckedDefUnit } from './units.js';

const DEF_CONTEXT: Readonly<Record<Level, string>> = {
  constant: 'a def outside a machine whose result is not `Pred`, `Action` or `Formula`',
  state: 'a def whose result is not `Action` or `Formula`',
  action: 'a def whose result is not `Formula`',
  temporal: 'a `Formula` def',
};

/** Runs `check` while recording the defs it calls. */
function recordingCalls<T>(mc: ModuleChecker, check: () => T): { result: T; calls: Set<QName> } {
  const calls = new Set<QName>();
  mc.calls = calls;
  try {
    return { result: check(), calls };
  } finally {
    mc.calls = undefined;
  }
}

export function checkDef(mc: ModuleChecker, sym: DefSymbol): CheckedDef {
  const sig = mc.defSig(sym);
  const machine = mc.defMachine(sym);
  let locals: Local | undefined;
  for (const p of sig.params) locals = bind(locals, p);
  const ctx: Ctx = {
    ...(locals ? { locals } : {}),
    ...(machine ? { machine } : {}),
    actions: machine !== undefined,
    maxLevel: sig.bodyLevel,
    where: DEF_CONTEXT[sig.bodyLevel],
  };
  const before = mc.boundUses;
  // an `extend` block that names no machine is reported; its defs' bodies would only add noise
  const ast = sym.extension && !machine ? undefined : sym.ast.body;
  const { result: body, calls } = recordingCalls(mc, () => (ast ? mc.exprs.check(ast, ctx, sig.result) : undefined));
  const decreases = sym.ast.decreases ? mc.exprs.check(sym.ast.decreases, { ...ctx, where: 'a `decreases` clause' }, { kind: 'int' }) : undefined;
  const ir: DefDecl = {
    name: sig.qname,
    params: sig.params,
    result: sig.result,
    level: sig.bodyLevel,
    ...(sig.machine ? { machine: sig.machine } : {}),
    ...(body ? { body } : {}),
    ...(decreases ? { decreases } : {}),
    span: sym.ast.span,
  };
  return { ir, calls, usesBound: mc.boundUses !== before };
}

/** Defs that call themselves (directly or through others) must say `decreases`. */
export function checkRecursion(mc: ModuleChecker, defs: ReadonlyMap<QName, CheckedDef>, syms: ReadonlyMap<QName, DefSymbol>): void {
  for (const [qname, d] of defs) {
    if (d.ir.decreases) continue;
    const seen = new Set<QName>();
    const stack = [...d.calls];
    let recursive = false;
    while (stack.length > 0 && !recursive) {
      const q = stack.pop()!;
      if (q === qname) recursive = true;
      else if (!seen.has(q)) {
        seen.add(q);
        stack.push(...(defs.get(q)?.calls ?? []));
      }
    }
    if (recursive) {
      const sym = syms.get(qname)!;
      mc.diags.error('KSP057', `\`${sym.name.text}\` calls itself; a recursive def needs \`decreases e\` (an Int measure that shrinks on each call)`, sym.name.span);
    }
  }
}

/** Defs that reach a bound symbol through their calls. */
function reachesBound(defs: ReadonlyMap<QName, CheckedDef>): Set<QName> {
  const out = new Set<QName>([...defs].filter(([, d]) => d.usesBound).map(([q]) => q));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [q, d] of defs) {
      if (!out.has(q) && [...d.calls].some((c) => out.has(c))) {
        out.add(q);
        changed = true;
      }
    }
  }
  return out;
}

/** The defs of a module (top-level and machine defs), in checking order. */
export function defSymbols(mc: ModuleChecker): Map<QName, DefSymbol> {
  const defSyms = new Map<QName, DefSymbol>();
  for (const sym of mc.decls.values()) {
    if (sym.kind === 'def') defSyms.set(sym.qname, sym);
    else if (sym.kind === 'machine') for (const d of mc.machineInfo(sym).defs.values()) defSyms.set(d.qname, d);
  }
  return defSyms;
}

export function checkModule(mc: ModuleChecker, instanceOf?: ModuleIR['instanceOf']): ModuleIR {
  const signatures = unit(mc, () => checkSignatures(mc));
  const { records, enums, consts, abstractTypes, defSyms } = signatures.result;
  const defUnits = new Map<QName, CheckedDefUnit>();
  for (const [q, sym] of defSyms) {
    const { result: checked, output } = unit(mc, () => checkDef(mc, sym));
    defUnits.set(q, { checked, output });
  }
  const checkedDefs = new Map([...defUnits].map(([q, u]) => [q, u.checked]));
  const recursion = unit(mc, () => checkRecursion(mc, checkedDefs, defSyms)).output;
  const rest = unit(mc, () => checkAfterDefs(mc, checkedDefs));
  const { machines, assumes, theorems, models } = rest.result;
  const defs = [...checkedDefs.values()].map((d) => d.ir);
  const importNames = [...new Set([...mc.imports.values()].filter((m): m is ModuleChecker => m !== null).map((m) => m.name))];
  const ir: ModuleIR = {
    name: mc.name,
    file: mc.file,
    imports: [...importNames, ...mc.materializedInstances().map((m) => m.name)],
    generic: abstractTypes.length > 0 || defs.some((d) => !d.body && !d.machine),
    ...(instanceOf ? { instanceOf } : {}),
    abstractTypes,
    records,
    enums,
    consts,
    assumes,
    defs,
    machines,
    theorems,
    models,
  };
  mc.ir = ir;
  mc.units = { signatures: signatures.output, defs: defUnits, recursion, rest: rest.output };
  return ir;
}

/**
 * Instances, then every declaration's signature, so that a def body's check appends only its own
 * diagnostics and symbols (never those of a signature it happens to be the first to use).
 */
function checkSignatures(mc: ModuleChecker) {
  for (const d of mc.ast.decls) if (d.kind === 'instance') mc.instanceModule(d);
  const records = [];
  const enums = [];
  const consts = [];
  const abstractTypes: QName[] = [];
  for (const sym of mc.decls.values()) {
    switch (sym.kind) {
      case 'record':
        records.push(mc.recordIR(sym));
        break;
      case 'enum':
        enums.push(mc.enumIR(sym));
        break;
      case 'alias':
        mc.aliasType(sym);
        break;
      case 'abstractType':
        abstractTypes.push(sym.qname);
        break;
      case 'const':
        consts.push({ name: sym.qname, type: mc.constType(sym), span: sym.ast.span });
        break;
      case 'machine':
        mc.machineInfo(sym);
        break;
      default:
        break;
    }
  }
  const defSyms = defSymbols(mc);
  for (const sym of defSyms.values()) mc.defSig(sym);
  return { records, enums, consts, abstractTypes, defSyms };
}

/** Machines, assumes, theorems and models: what the defs' checks do not produce. */
function checkAfterDefs(
  mc: ModuleChecker,
  checkedDefs: ReadonlyMap<QName, CheckedDef>,
): Pick<ModuleIR, 'machines' | 'assumes' | 'theorems' | 'models'> {
  const machines: MachineDecl[] = [];
  for (const sym of mc.decls.values()) if (sym.kind === 'machine') machines.push(checkMachine(mc, sym));
  const bound = mc.subst ? reachesBound(checkedDefs) : new Set<QName>();
  const assumes: AssumeDecl[] = [];
  for (const d of mc.ast.decls) {
    if (d.kind !== 'assume') continue;
    const before = mc.boundUses;
    const { result: expr, calls } = recordingCalls(mc, () => mc.exprs.check(d.expr, { actions: false, maxLevel: 'constant', where: 'an `assume`' }, BOOL));
    const obligation = mc.subst !== undefined && (mc.boundUses !== before || [...calls].some((c) => bound.has(c)));
    assumes.push({ ...(d.name ? { name: d.name.text } : {}), expr, ...(obligation ? { obligation } : {}), span: d.span });
  }
  const theorems: TheoremDecl[] = [];
  const models: ModelDecl[] = [];
  for (const sym of mc.decls.values()) {
    if (sym.kind === 'theorem') theorems.push(checkTheorem(mc, sym));
    else if (sym.kind === 'model') models.push(checkModel(mc, sym));
  }
  checkCircularProofs(mc, theorems);
  return { machines, assumes, theorems, models };
}
