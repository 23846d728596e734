// Theorems, lemmas and their proofs: formulas in the scope of the machine they are about,
// proof steps, justifications (built-in rules or lemma instances) and the facts they cite.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import { BOOL, INT, type Expr, type FactRef, type HaveStep, type Justification, type JustificationArg, type Proof, type TheoremDecl, type BuiltinRule } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import { bind, type Ctx, type Local } from './scope.js';
import { didYouMean } from './suggest.js';
import { ERROR_TYPE, compatible, exceeds, levelWord, show } from './typing.js';
import { BUILTIN_RULES, kindWord, type TheoremSymbol } from './symbols.js';
import { actionArgument, namePath } from './expr-names.js';
import { chainSteps } from './chain.js';

export function checkTheorem(mc: ModuleChecker, sym: TheoremSymbol): TheoremDecl {
  const sig = mc.theoremSig(sym);
  let locals: Local | undefined;
  for (const p of sig.params) locals = bind(locals, p);
  const what = sym.ast.kind === 'lemma' ? 'a lemma' : 'a theorem';
  const ctx: Ctx = {
    ...(locals ? { locals } : {}),
    ...(sig.machine ? { machine: sig.machine } : {}),
    actions: sig.machine !== undefined,
    maxLevel: 'temporal',
    where: what,
  };
  const formula = mc.exprs.check(sym.ast.formula, ctx, BOOL);
  const proof = sym.ast.proof ? checkProof(mc, sym.ast.proof, ctx, formula, sym.name.text) : undefined;
  return {
    name: sym.qname,
    kind: sym.ast.kind,
    params: sig.params,
    ...(sig.machine ? { machine: sig.machine.qname } : {}),
    formula,
    ...(proof ? { proof } : {}),
    ...(mc.subst ? { instanceOf: `${mc.subst.genericModule.name}.${sym.name.text}` } : {}),
    span: sym.ast.span,
  };
}

/**
 * The proof of `forall k: T :: F` may name `k`: in `by wf1(jump(k))`, and in the formulas and
 * justifications of its steps and `qed` (the kernel's ∀-introduction): the formula's leading
 * universal binders are in scope, standing for an arbitrary k. Likewise the proof of
 * `(exists m :: P) ~> Q` may name `m`, a witness of P (the kernel's ∃-elimination).
 */
function withLeadingForall(formula: Expr, ctx: Ctx): Ctx {
  let locals = ctx.locals;
  let e = formula;
  for (; e.kind === 'quant' && e.quantifier === 'forall'; e = e.body) locals = bind(locals, e.binder);
  if (e.kind === 'leadsTo') for (let l = e.left; l.kind === 'quant' && l.quantifier === 'exists'; l = l.body) locals = bind(locals, l.binder);
  return locals ? { ...ctx, locals } : ctx;
}

/** `owner`: the step (or theorem) the proof proves, which names the links of a chain. */
function checkProof(mc: ModuleChecker, proof: A.Proof, ctx: Ctx, formula: Expr, owner: string): Proof {
  if (proof.kind === 'by') {
    return { kind: 'by', justification: checkJustification(mc, proof.justification, withLeadingForall(formula, ctx)), span: proof.span };
  }
  if (proof.kind === 'chain') {
    const inner = withLeadingForall(formula, ctx);
    return chainSteps(mc, proof, inner, formula, owner, (j, link) => checkJustification(mc, j, withLeadingForall(link, inner)));
  }
  const steps = new Map<string, Span>(ctx.steps ?? []);
  const checked: HaveStep[] = [];
  const inner = withLeadingForall(formula, ctx);
  for (const step of proof.steps) {
    const stepCtx: Ctx = { ...inner, steps: new Map(steps), where: 'a proof step' };
    const formula = mc.exprs.check(step.formula, stepCtx, BOOL);
    const sub = checkProof(mc, step.proof, stepCtx, formula, step.name.text);
    const first = steps.get(step.name.text);
    if (first) {
      mc.diags.error('KSP021', `proof step \`${step.name.text}\` is already declared`, step.name.span, [{ message: 'first declared here', span: first }]);
    }
    steps.set(step.name.text, step.name.span);
    mc.symbols.local({ name: step.name.text, kind: 'step', span: step.name.span });
    checked.push({ name: step.name.text, formula, proof: sub, span: step.span });
  }
  const qed = checkJustification(mc, proof.qed.justification, { ...inner, steps });
  return { kind: 'steps', steps: checked, qed, span: proof.span };
}

function checkJustification(mc: ModuleChecker, j: A.Justification, ctx: Ctx): Justification {
  const using = j.using.map((p) => factFromPath(mc, p.parts, p.span, ctx)).filter((f): f is FactRef => f !== undefined);
  const parts = j.name.parts;
  const args = j.args ?? [];
  if (parts.length === 0) return { rule: { kind: 'builtin', name: 'smt' }, args: [], using, span: j.span }; // lost to a syntax error
  if (parts.length === 1 && BUILTIN_RULES.has(parts[0]!.text)) {
    const rule = parts[0]!.text as BuiltinRule;
    return { rule: { kind: 'builtin', name: rule }, args: builtinArgs(mc, rule, j, ctx), using, span: j.span };
  }
  const head = parts[0]!;
  const r =
    parts.length === 1 && !mc.decls.has(head.text)
      ? unknownJustification(mc, head)
      : mc.resolvePath(parts);
  if (r && r.kind !== 'silent') {
    if (r.kind === 'decl' && r.sym.kind === 'theorem' && r.consumed === parts.length) {
      sameMachine(mc, r.module, r.sym, j.name.span, ctx);
      return { rule: { kind: 'lemma', name: r.sym.qname }, args: lemmaArgs(mc, r.module, r.sym, j, ctx), using, span: j.span };
    }
    const what = r.kind === 'decl' ? kindWord(r.sym) : 'an enum constructor';
    mc.diags.error('KSP033', `\`${parts.map((p) => p.text).join('.')}\` is ${what}; a justification is one of ${[...BUILTIN_RULES].join(', ')} or a theorem or lemma`, j.name.span);
  }
  for (const a of args) mc.exprs.infer(a, ctx, ERROR_TYPE);
  return { rule: { kind: 'builtin', name: 'smt' }, args: [], using, span: j.span };
}

function unknownJustification(mc: ModuleChecker, name: A.Name): undefined {
  if (mc.incomplete) return undefined;
  const theorems = [...mc.decls.values()].filter((d) => d.kind === 'theorem').map((d) => d.name.text);
  const hint = didYouMean(name.text, [...BUILTIN_RULES, ...theorems]);
  mc.diags.error('KSP020', `unknown justification \`${name.text}\`: neither a built-in rule (${[...BUILTIN_RULES].join(', ')}) nor a theorem or lemma${hint}`, name.span);
  return undefined;
}

function arity(mc: ModuleChecker, j: A.Justification, want: number | string): void {
  const n = j.args?.length ?? 0;
  mc.diags.error('KSP041', `\`${j.name.parts.map((p) => p.text).join('.')}\` takes ${want} argument${want === 1 ? '' : 's'}, found ${n}`, j.span);
}

function builtinArgs(mc: ModuleChecker, rule: BuiltinRule, j: A.Justification, ctx: Ctx): JustificationArg[] {
  const args = j.args ?? [];
  switch (rule) {
    case 'invariant':
    case 'smt':
    case 'stable':
      if (args.length > 0) arity(mc, j, 'no');
      return [];
    case 'wf1':
    case 'sf1':
      if (args.length !== 1) arity(mc, j, 1);
      return args.slice(0, 1).map((a) => ({ kind: 'expr', expr: actionArgument(mc.exprs, a, ctx, rule) }));
    case 'rank': {
      // no arguments: the kernel's induction shapes (lattice, countdown, finite Set domain)
      if (args.length !== 0 && args.length !== 2) arity(mc, j, '0 or 2');
      const out: JustificationArg[] = [];
      if (args[0]) out.push({ kind: 'expr', expr: mc.exprs.check(args[0], { ...ctx, maxLevel: 'state', where: 'a rank expression' }, INT) });
      const fact = args[1] ? factFromExpr(mc, args[1], ctx) : undefined;
      if (fact) out.push({ kind: 'fact', fact });
      return out;
    }
    case 'drain': {
      if (args.length !== 1) arity(mc, j, 1);
      const fact = args[0] ? factFromExpr(mc, args[0], ctx) : undefined;
      return fact ? [{ kind: 'fact', fact }] : [];
    }
    case 'ptl':
      return args.map((a) => factFromExpr(mc, a, ctx)).filter((f): f is FactRef => f !== undefined).map((fact) => ({ kind: 'fact', fact }));
  }
}

function lemmaArgs(mc: ModuleChecker, module: ModuleChecker, sym: TheoremSymbol, j: A.Justification, ctx: Ctx): JustificationArg[] {
  const sig = module.theoremSig(sym);
  const args = j.args ?? [];
  if (args.length !== sig.params.length) arity(mc, j, sig.params.length);
  return args.map((a, i): JustificationArg => {
    const p = sig.params[i];
    if (!p) {
      mc.exprs.infer(a, ctx, ERROR_TYPE);
      return { kind: 'expr', expr: mc.exprs.errorNode(a.span) };
    }
    if (p.type.kind === 'fn') return fnArg(mc, a, p.name, p.type, ctx);
    const expr = mc.exprs.check(a, ctx, p.type);
    const lim = sig.paramLimits[i]!;
    if (exceeds(expr.level, lim)) {
      mc.diags.error('KSP049', `this argument is ${levelWord(expr.level)}; parameter \`${p.name}\` of \`${sym.name.text}\` accepts at most ${levelWord(lim)} formulas`, a.span);
    }
    return { kind: 'expr', expr };
  });
}

/** A def named for a function-typed lemma parameter (`q: Int -> Pred`): its signature must match. */
function fnArg(mc: ModuleChecker, a: A.Expr, param: string, type: Extract<import('../ir/index.js').Type, { kind: 'fn' }>, ctx: Ctx): JustificationArg {
  const path = namePath(a);
  const fail = (): JustificationArg => ({ kind: 'expr', expr: mc.exprs.errorNode(a.span) });
  if (!path) {
    mc.diags.error('KSP065', `parameter \`${param}\` is a function (${show(type)}): pass the name of a def`, a.span);
    return fail();
  }
  const machineDef = path.parts.length === 1 ? ctx.machine?.defs.get(path.parts[0]!.text) : undefined;
  let sig;
  if (machineDef) sig = mc.defSig(machineDef);
  else {
    const r = mc.resolvePath(path.parts, false);
    if (r?.kind === 'silent') return fail();
    if (r?.kind === 'decl' && r.sym.kind === 'def' && r.consumed === path.parts.length) sig = r.module.defSig(r.sym);
    else if (r?.kind === 'decl' && r.sym.kind === 'boundDef' && r.consumed === path.parts.length) sig = r.sym.target;
    else {
      mc.diags.error('KSP065', `parameter \`${param}\` is a function (${show(type)}): pass the name of a def`, a.span);
      return fail();
    }
  }
  const got: import('../ir/index.js').Type = { kind: 'fn', params: sig.params.map((p) => p.type), result: sig.result };
  if (!compatible(got, type)) mc.exprs.mismatch(type, got, a.span, ` for parameter \`${param}\``);
  return { kind: 'def', def: sig.qname };
}

function factFromExpr(mc: ModuleChecker, a: A.Expr, ctx: Ctx): FactRef | undefined {
  const path = namePath(a);
  if (!path) {
    mc.diags.error('KSP065', 'expected the name of a proof step, theorem or lemma here', a.span);
    return undefined;
  }
  return factFromPath(mc, path.parts, a.span, ctx);
}

function factFromPath(mc: ModuleChecker, parts: readonly A.Name[], span: Span, ctx: Ctx): FactRef | undefined {
  const head = parts[0];
  if (!head) return undefined; // lost to a syntax error
  const stepSpan = parts.length === 1 ? ctx.steps?.get(head.text) : undefined;
  if (stepSpan) {
    mc.symbols.ref(head.span, { name: head.text, kind: 'step', span: stepSpan });
    return { kind: 'step', name: head.text, span };
  }
  if (parts.length === 1 && !mc.decls.has(head.text)) {
    const candidates = [...(ctx.steps?.keys() ?? []), ...[...mc.decls.values()].filter((d) => d.kind === 'theorem').map((d) => d.name.text)];
    mc.diags.error('KSP020', `unknown proof step or theorem \`${head.text}\`${didYouMean(head.text, candidates)}`, head.span);
    return undefined;
  }
  const r = mc.resolvePath(parts);
  if (!r || r.kind === 'silent') return undefined;
  if (r.kind === 'decl' && r.sym.kind === 'theorem' && r.consumed === parts.length) {
    sameMachine(mc, r.module, r.sym, span, ctx);
    return { kind: 'theorem', name: r.sym.qname, span };
  }
  const what = r.kind === 'decl' ? kindWord(r.sym) : 'an enum constructor';
  mc.diags.error('KSP033', `\`${parts.map((p) => p.text).join('.')}\` is ${what}, not a proof step, theorem or lemma`, span);
  return undefined;
}

/**
 * A theorem about machine M holds of M's behaviours only: citing it in a proof about another
 * machine, or about every behaviour (no machine), would conclude too much.
 */
function sameMachine(mc: ModuleChecker, module: ModuleChecker, sym: TheoremSymbol, span: Span, ctx: Ctx): void {
  const cited = module.theoremSig(sym).machine;
  if (!cited || cited.qname === ctx.machine?.qname) return;
  const here = ctx.machine ? `this proof is about machine \`${ctx.machine.ast.name.text}\`` : 'this proof is about every behaviour (it names no machine)';
  mc.diags.error('KSP036', `\`${sym.name.text}\` is about machine \`${cited.ast.name.text}\`, but ${here}`, span);
}
