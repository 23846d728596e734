// Models: a value for every constant the machine can see, and what to check.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import { BOOL, shortName, type Expr, type ModelDecl, type ModelProperty, type QName } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import { didYouMean } from './suggest.js';
import { kindWord, type DeclSymbol, type MachineInfo } from './symbols.js';

type ConstSymbol = Extract<DeclSymbol, { kind: 'const' }>;

/** The constants of a module and of everything it imports (instances included), nearest first. */
function reachableConsts(start: ModuleChecker): { module: ModuleChecker; sym: ConstSymbol }[] {
  const out: { module: ModuleChecker; sym: ConstSymbol }[] = [];
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const m = queue.shift()!;
    if (seen.has(m.name)) continue;
    seen.add(m.name);
    for (const sym of m.decls.values()) if (sym.kind === 'const') out.push({ module: m, sym });
    for (const dep of m.imports.values()) if (dep) queue.push(dep);
    queue.push(...m.materializedInstances());
    // An instance's bound defs live in the module declaring it and may read its own constants.
    const host = m.subst?.host;
    if (host) for (const sym of host.decls.values()) if (sym.kind === 'const' && !out.some((c) => c.sym === sym)) out.push({ module: host, sym });
  }
  return out;
}

export function checkModel(mc: ModuleChecker, sym: Extract<DeclSymbol, { kind: 'model' }>): ModelDecl {
  const ast = sym.ast;
  const target = mc.resolveMachineIn(ast.machine);
  const constants = new Map<QName, Expr>();
  const checks: ModelDecl['checks'][number][] = [];
  const ctx = { actions: false, maxLevel: 'constant', where: 'a model binding' } as const;
  if (!target) {
    for (const b of ast.bindings) mc.exprs.infer(b.value, ctx);
    return { name: sym.qname, machine: '', constants, checks, span: ast.span };
  }
  const consts = reachableConsts(target.module);
  const given = new Map<string, Span>();
  for (const b of ast.bindings) {
    const c = consts.find((k) => k.sym.name.text === b.name.text);
    if (!c) {
      const other = mc.decls.get(b.name.text);
      if (other) mc.diags.error('KSP027', `\`${b.name.text}\` is ${kindWord(other)}, not a constant`, b.name.span);
      else mc.diags.error('KSP020', `no constant \`${b.name.text}\` is visible from machine \`${target.info.ast.name.text}\`${didYouMean(b.name.text, consts.map((k) => k.sym.name.text))}`, b.name.span);
      mc.exprs.infer(b.value, ctx);
      continue;
    }
    const first = given.get(c.sym.qname);
    if (first) mc.diags.error('KSP032', `constant \`${b.name.text}\` is given more than once`, b.name.span, [{ message: 'first given here', span: first }]);
    given.set(c.sym.qname, b.name.span);
    constants.set(c.sym.qname, mc.exprs.check(b.value, ctx, c.module.constType(c.sym)));
  }
  const missing = consts.filter((c) => !constants.has(c.sym.qname)).map((c) => `\`${c.sym.name.text}\``);
  if (missing.length > 0) {
    mc.diags.error('KSP031', `model \`${sym.name.text}\` gives no value to ${missing.join(', ')}; every constant needs one`, sym.name.span);
  }
  // The model checker reports a check by its short name, so two with the same name could not be told apart.
  const checkedNames = new Map<string, Span>();
  const claimName = (name: string, span: Span) => {
    const first = checkedNames.get(name);
    if (first) mc.diags.error('KSP038', `model \`${sym.name.text}\` already checks a property named \`${name}\``, span, [{ message: 'first checked here', span: first }]);
    else checkedNames.set(name, span);
  };
  for (const item of ast.checks) {
    if (item.kind === 'property') {
      claimName(item.name.text, item.name.span);
      checks.push(checkProperty(mc, target.info, item));
      continue;
    }
    const checked = checkItem(mc, target.info, item.path);
    if (!checked) continue;
    claimName(shortName(checked.name), item.path.span);
    checks.push(checked);
  }
  return { name: sym.qname, machine: target.info.qname, constants, checks, span: ast.span };
}

/** `check p: F` reads F as the formula of a theorem `M |= F` about the model's machine. */
function checkProperty(mc: ModuleChecker, info: MachineInfo, item: Extract<A.ModelCheckItem, { kind: 'property' }>): ModelProperty {
  const ctx = { machine: info, actions: true, maxLevel: 'temporal', where: 'a model property' } as const;
  return { kind: 'property', name: item.name.text, formula: mc.exprs.check(item.formula, ctx, BOOL), span: item.span };
}

function checkItem(mc: ModuleChecker, info: MachineInfo, path: A.Path): Exclude<ModelDecl['checks'][number], ModelProperty> | undefined {
  const written = path.parts.map((p) => p.text).join('.');
  const notCheckable = (why: string) => {
    mc.diags.error('KSP034', `\`${written}\` ${why}; a model checks theorems about machine \`${info.ast.name.text}\` or Bool defs without parameters`, path.span);
    return undefined;
  };
  // A theorem of the model's own module is what the user named, even when the machine has a def of that name.
  const own = path.parts.length === 1 ? mc.resolvePath(path.parts, false) : undefined;
  const ownTheorem = own?.kind === 'decl' && own.sym.kind === 'theorem' && own.module === mc;
  const machineDef = path.parts.length === 1 && !ownTheorem ? info.defs.get(path.parts[0]!.text) : undefined;
  if (machineDef) {
    const sig = mc.defSig(machineDef);
    return sig.result.kind === 'bool' && sig.params.length === 0 ? { kind: 'def', name: sig.qname } : notCheckable('is not a Bool def without parameters');
  }
  const r = mc.resolvePath(path.parts);
  if (!r || r.kind === 'silent') return undefined;
  if (r.kind !== 'decl' || r.consumed !== path.parts.length) return notCheckable('is not a theorem or def');
  const sym = r.sym;
  if (sym.kind === 'theorem') {
    const sig = r.module.theoremSig(sym);
    if (sig.machine?.qname !== info.qname) return notCheckable(`is not about machine \`${info.ast.name.text}\``);
    if (sig.params.length > 0) return notCheckable('has parameters');
    return { kind: 'theorem', name: sym.qname };
  }
  if (sym.kind === 'def') {
    const sig = r.module.defSig(sym);
    if (sig.machine !== undefined && sig.machine !== info.qname) return notCheckable('reads the state of another machine');
    return sig.result.kind === 'bool' && sig.params.length === 0 ? { kind: 'def', name: sig.qname } : notCheckable('is not a Bool def without parameters');
  }
  return notCheckable(`is ${kindWord(sym)}`);
}
