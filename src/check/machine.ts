// Machines: action signatures (needed by theorems about the machine), init, guards,
// assignments and fairness.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import { BOOL, type ActionDecl, type ActionParam, type Expr, type Fairness, type MachineDecl } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import { withLocal, type Ctx } from './scope.js';
import { didYouMean } from './suggest.js';
import { ERROR_TYPE } from './typing.js';
import { derivedPosition } from './units.js';
import type { ActionSig, MachineInfo, MachineSymbol } from './symbols.js';

export function actionSignature(mc: ModuleChecker, info: MachineInfo, a: A.ActionDecl): ActionSig {
  let ctx: Ctx = { machine: info, actions: false, maxLevel: 'state', where: "an action parameter's domain" };
  const params: ActionParam[] = [];
  const seen = new Map<string, Span>();
  for (const p of a.params) {
    const first = seen.get(p.name.text);
    if (first) {
      mc.diags.error('KSP021', `parameter \`${p.name.text}\` is already declared`, p.name.span, [{ message: 'first declared here', span: first }]);
    }
    seen.set(p.name.text, p.name.span);
    const { binder, domain } = mc.exprs.binderWithDomain(p, ctx, true);
    params.push(domain ? { binder, domain } : { binder });
    ctx = withLocal(ctx, binder);
  }
  return { name: a.name.text, params, ast: a };
}

/** The span of a keyword at the start of an item (`init`), for errors about the item itself. */
function keywordSpan(mc: ModuleChecker, span: Span, length: number): Span {
  return { file: span.file, start: span.start, end: derivedPosition(mc, span.start, length) };
}

export function checkMachine(mc: ModuleChecker, sym: MachineSymbol): MachineDecl {
  const info = mc.machineInfo(sym);
  const base: Ctx = { machine: info, actions: true, maxLevel: 'state', where: '' };
  let init: Expr | undefined;
  for (const item of sym.ast.items) {
    if (item.kind !== 'init') continue;
    if (init) {
      mc.diags.error('KSP064', `machine \`${sym.name.text}\` has more than one \`init\` block; join them with \`&&\``, keywordSpan(mc, item.span, 4));
      continue;
    }
    init = mc.exprs.check(item.pred, { ...base, where: 'an `init` block' }, BOOL);
  }
  init ??= mc.exprs.mk({ kind: 'bool', value: true, id: mc.ids.fresh(), span: sym.name.span, type: BOOL, level: 'constant' });
  const actions = [...info.actions.values()].map((a) => checkAction(mc, info, a, base));
  const fairness = sym.ast.items.filter((i): i is A.FairDecl => i.kind === 'fair').map((f) => checkFairness(mc, info, f, base));
  return { name: sym.qname, vars: [...info.vars.values()], init, actions, fairness, span: sym.ast.span };
}

function checkAction(mc: ModuleChecker, info: MachineInfo, sig: ActionSig, base: Ctx): ActionDecl {
  let ctx = base;
  for (const p of sig.params) ctx = withLocal(ctx, p.binder);
  const guards: Expr[] = [];
  const assigns: { variable: string; value: Expr; span: Span }[] = [];
  const assigned = new Map<string, Span>();
  for (const item of sig.ast.body) {
    if (item.kind === 'require') {
      guards.push(mc.exprs.check(item.cond, { ...ctx, where: 'a `require` guard' }, BOOL));
      continue;
    }
    const name = item.target.text;
    const v = info.vars.get(name);
    const rhsCtx: Ctx = { ...ctx, where: 'the right-hand side of an assignment' };
    if (!v) {
      mc.diags.error('KSP053', `\`${name}\` is not a variable of machine \`${info.ast.name.text}\`${didYouMean(name, info.vars.keys())}`, item.target.span);
      mc.exprs.infer(item.value, rhsCtx, ERROR_TYPE);
      continue;
    }
    mc.symbols.refTyped(item.target.span, v, name, 'var');
    const first = assigned.get(name);
    if (first) {
      mc.diags.error('KSP054', `\`${name}\` is assigned twice in action \`${sig.name}\``, item.target.span, [{ message: 'first assigned here', span: first }]);
    }
    assigned.set(name, item.target.span);
    assigns.push({ variable: name, value: mc.exprs.check(item.value, rhsCtx, v.type), span: item.span });
  }
  return { name: sig.name, params: sig.params, guards, assigns, span: sig.ast.span };
}

function checkFairness(mc: ModuleChecker, info: MachineInfo, f: A.FairDecl, base: Ctx): Fairness {
  const sig = info.actions.get(f.action.text);
  const ctx: Ctx = { ...base, where: 'a fairness argument' };
  if (!sig) {
    mc.diags.error('KSP020', `machine \`${info.ast.name.text}\` has no action \`${f.action.text}\`${didYouMean(f.action.text, info.actions.keys())}`, f.action.span);
    return { strength: f.strength, action: f.action.text, args: [], span: f.span };
  }
  mc.symbols.ref(f.action.span, { name: sig.name, kind: 'action', span: sig.ast.name.span });
  const given = f.args ?? [];
  if (given.length !== sig.params.length) {
    const n = sig.params.length;
    const hint = !f.args && n > 0 ? `; write \`${sig.name}(${sig.params.map(() => '*').join(', ')})\` for every value` : '';
    mc.diags.error('KSP041', `action \`${sig.name}\` takes ${n} argument${n === 1 ? '' : 's'}, found ${given.length}${hint}`, f.args ? { file: f.span.file, start: f.action.span.start, end: f.span.end } : f.action.span);
  }
  const args = given.map((a, i) => (a.kind === 'wildcardArg' ? undefined : mc.exprs.check(a, ctx, sig.params[i]?.binder.type ?? ERROR_TYPE)));
  return { strength: f.strength, action: sig.name, args, span: f.span };
}
