// Signatures of defs, machines and theorems: what uses of them need, computed once per symbol
// (memoized by ModuleChecker) without checking bodies.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import type { Binder, Level, Type } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import { maxLevel } from './typing.js';
import { actionSignature } from './machine.js';
import type { DefSig, DefSymbol, MachineInfo, MachineSymbol, TheoremSig, TheoremSymbol } from './symbols.js';

function parameters(mc: ModuleChecker, params: readonly A.Param[], schematic: boolean): { binders: Binder[]; limits: Level[] } {
  const binders: Binder[] = [];
  const limits: Level[] = [];
  const seen = new Map<string, Span>();
  for (const p of params) {
    const first = seen.get(p.name.text);
    if (first) {
      mc.diags.error('KSP021', `parameter \`${p.name.text}\` is already declared`, p.name.span, [{ message: 'first declared here', span: first }]);
    }
    seen.set(p.name.text, p.name.span);
    const { type, level } = mc.resolveFormulaType(p.type, schematic);
    binders.push(mc.binder(p.name, type, level));
    // a plain value parameter takes any non-temporal argument: a temporal formula is not a value
    limits.push(level ?? 'action');
  }
  return { binders, limits };
}

export function defSignature(mc: ModuleChecker, sym: DefSymbol): DefSig {
  const { binders, limits } = parameters(mc, sym.ast.params ?? [], false);
  const result = mc.resolveFormulaType(sym.ast.result, false);
  const machine = mc.defMachine(sym);
  const base: Level = sym.machine || sym.extension ? 'state' : 'constant';
  const callLevel = maxLevel(base, result.level ?? 'constant');
  const bodyLevel = binders.reduce<Level>((l, b) => maxLevel(l, b.level ?? 'constant'), callLevel);
  return {
    qname: sym.qname,
    params: binders,
    paramLimits: limits,
    hasParens: sym.ast.params !== undefined,
    result: result.type,
    callLevel,
    bodyLevel,
    ...(machine ? { machine: machine.qname } : {}),
    abstract: sym.ast.body === undefined,
    span: sym.name.span,
  };
}

/** Registers the info before computing action signatures: their domains may read the machine. */
export function machineSignature(mc: ModuleChecker, sym: MachineSymbol): MachineInfo {
  const vars = new Map<string, { name: string; type: Type; span: Span }>();
  const defs = new Map<string, DefSymbol>();
  const actionAsts: A.ActionDecl[] = [];
  const seen = new Map<string, Span>();
  for (const item of sym.ast.items) {
    if (item.kind !== 'var' && item.kind !== 'def' && item.kind !== 'action') continue;
    const first = seen.get(item.name.text);
    if (first) {
      mc.diags.error('KSP021', `\`${item.name.text}\` is already declared in machine \`${sym.name.text}\``, item.name.span, [
        { message: 'first declared here', span: first },
      ]);
      continue;
    }
    seen.set(item.name.text, item.name.span);
    if (item.kind === 'var') vars.set(item.name.text, { name: item.name.text, type: mc.resolveType(item.type), span: item.name.span });
    else if (item.kind === 'def') defs.set(item.name.text, { kind: 'def', name: item.name, qname: `${sym.qname}.${item.name.text}`, ast: item, machine: sym });
    else actionAsts.push(item);
  }
  const info: MachineInfo = { qname: sym.qname, ast: sym.ast, vars, defs, actions: new Map() };
  sym.info = info;
  for (const a of actionAsts) info.actions.set(a.name.text, actionSignature(mc, info, a));
  return info;
}

export function theoremSignature(mc: ModuleChecker, sym: TheoremSymbol): TheoremSig {
  const { binders, limits } = parameters(mc, sym.ast.params, true);
  const machine = sym.ast.machine ? mc.resolveMachine(sym.ast.machine) : undefined;
  return { params: binders, paramLimits: limits, ...(machine ? { machine } : {}) };
}
