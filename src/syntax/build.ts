// CST → AST for modules and declarations. A declaration (or machine item) whose required parts
// were lost to error recovery is left out; the syntax error that caused it is already reported.
import type { CstNode, IToken } from 'chevrotain';
import { BlockComment } from '../../grammar/tokens.js';
import type {
  ActionDecl, Assignment, ChainProof, ChainWaypoint, Comment, Decl, DefDecl, FairDecl, HaveStep, Import, InstanceBinding, Justification, MachineItem,
  ModelCheckItem, ModuleAst, Param, Path, Proof, Require, TheoremDecl,
} from './ast.js';
import { BuildContext, child, children, has, Incomplete, need, startOffset, token } from './cst.js';
import { buildArguments, buildBinderGroup, buildExpr, buildType } from './build-expr.js';

/** Runs `build`, or returns undefined when the construct is incomplete after recovery. */
function attempt<T>(build: () => T): T | undefined {
  try {
    return build();
  } catch (e) {
    if (e instanceof Incomplete) return undefined;
    throw e;
  }
}

function present<T>(values: readonly (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

export function buildModule(ctx: BuildContext, cst: CstNode, comments: readonly IToken[]): ModuleAst {
  const header = child(cst.children.moduleHeader);
  const emptyPath: Path = { parts: [], span: ctx.span(0, 0) };
  const name = (header && attempt(() => ctx.path(child(header.children.path)))) ?? emptyPath;
  const imports = present(children(cst.children.importDecl).map((node) => attempt(() => buildImport(ctx, node))));
  const decls = present(children(cst.children.declaration).map((node) => attempt(() => buildDecl(ctx, node))));
  return {
    name,
    imports,
    decls,
    comments: comments.map((c): Comment => ({ text: c.image, block: c.tokenType === BlockComment, span: ctx.span(c.startOffset, c.startOffset + c.image.length) })),
    span: ctx.span(0, ctx.textLength),
  };
}

function buildImport(ctx: BuildContext, node: CstNode): Import {
  const base = { kind: 'import' as const, path: ctx.path(child(node.children.path)), span: ctx.nodeSpan(node) };
  return has(node.children.As) ? { ...base, alias: ctx.name(token(node.children.Identifier)) } : base;
}

function buildParams(ctx: BuildContext, node: CstNode | undefined): Param[] {
  return children(need(node).children.param).map((p) => ({
    name: ctx.name(token(p.children.Identifier)),
    type: buildType(ctx, child(p.children.type)),
    span: ctx.nodeSpan(p),
  }));
}

function buildDecl(ctx: BuildContext, node: CstNode): Decl {
  const [key] = Object.keys(node.children);
  const decl = need(child(node.children[need(key)]));
  const span = ctx.nodeSpan(decl);
  const name = (): ReturnType<BuildContext['name']> => ctx.name(token(decl.children.Identifier));
  switch (key) {
    case 'enumDecl':
      return {
        kind: 'enum',
        name: name(),
        ctors: children(decl.children.ctorDecl).map((c) => ({
          name: ctx.name(token(c.children.Identifier)),
          fields: has(c.children.paramList) ? buildParams(ctx, child(c.children.paramList)) : [],
          span: ctx.nodeSpan(c),
        })),
        span,
      };
    case 'recordDecl':
      return { kind: 'record', name: name(), fields: buildParams(ctx, decl), span };
    case 'typeDecl': {
      const body = child(decl.children.type);
      return body ? { kind: 'type', name: name(), body: buildType(ctx, body), span } : { kind: 'type', name: name(), span };
    }
    case 'constDecl':
      return { kind: 'const', name: name(), type: buildType(ctx, child(decl.children.type)), span };
    case 'assumeDecl': {
      const expr = buildExpr(ctx, child(decl.children.expression));
      return has(decl.children.Identifier) ? { kind: 'assume', name: name(), expr, span } : { kind: 'assume', expr, span };
    }
    case 'defDecl':
      return buildDef(ctx, decl);
    case 'machineDecl':
      return {
        kind: 'machine',
        name: name(),
        items: present(children(decl.children.machineItem).map((item) => attempt(() => buildMachineItem(ctx, item)))),
        span,
      };
    case 'extendDecl':
      return {
        kind: 'extend',
        machine: ctx.path(child(decl.children.path)),
        defs: present(children(decl.children.defDecl).map((d) => attempt(() => buildDef(ctx, d)))),
        span,
      };
    case 'theoremDecl':
      return buildTheorem(ctx, decl);
    case 'modelDecl':
      return {
        kind: 'model',
        name: name(),
        machine: ctx.path(child(decl.children.path)),
        bindings: children(decl.children.modelBinding).map((b) => ({
          name: ctx.name(token(b.children.Identifier)),
          value: buildExpr(ctx, child(b.children.expression)),
          span: ctx.nodeSpan(b),
        })),
        checks: buildModelChecks(ctx, decl),
        span,
      };
    case 'instanceDecl':
      return {
        kind: 'instance',
        name: name(),
        module: ctx.path(child(decl.children.path)),
        bindings: buildInstanceBindings(ctx, decl),
        span,
      };
    default:
      throw new Incomplete();
  }
}

/** `check a, b` and `check p: F` items, in source order. */
function buildModelChecks(ctx: BuildContext, decl: CstNode): ModelCheckItem[] {
  const named = children(decl.children.modelCheck).map((c) => ({
    offset: startOffset(c),
    items: children(c.children.path).map((p): ModelCheckItem => ({ kind: 'named', path: ctx.path(p) })),
  }));
  // A property still being typed (no formula yet) is left out, not the whole model.
  const inline = present(
    children(decl.children.modelProperty).map((c) =>
      attempt(() => ({
        offset: startOffset(c),
        items: [
          { kind: 'property', name: ctx.name(token(c.children.Identifier)), formula: buildExpr(ctx, child(c.children.expression)), span: ctx.nodeSpan(c) } satisfies ModelCheckItem,
        ],
      })),
    ),
  );
  return [...named, ...inline].sort((a, b) => a.offset - b.offset).flatMap((g) => g.items);
}

function buildDef(ctx: BuildContext, node: CstNode): DefDecl {
  const decreases = child(node.children.decreasesClause);
  const body = child(node.children.expression);
  return {
    kind: 'def',
    name: ctx.name(token(node.children.Identifier)),
    ...(has(node.children.LParen) ? { params: buildParams(ctx, child(node.children.paramList)) } : {}),
    result: buildType(ctx, child(node.children.type)),
    ...(decreases ? { decreases: buildExpr(ctx, child(decreases.children.expression)) } : {}),
    ...(body ? { body: buildExpr(ctx, body) } : {}),
    span: ctx.nodeSpan(node),
  };
}

function buildMachineItem(ctx: BuildContext, node: CstNode): MachineItem {
  const [key] = Object.keys(node.children);
  const item = need(child(node.children[need(key)]));
  const span = ctx.nodeSpan(item);
  switch (key) {
    case 'varDecl':
      return { kind: 'var', name: ctx.name(token(item.children.Identifier)), type: buildType(ctx, child(item.children.type)), span };
    case 'initDecl':
      return { kind: 'init', pred: buildExpr(ctx, child(item.children.expression)), span };
    case 'actionDecl':
      return buildAction(ctx, item);
    case 'fairDecl':
      return buildFair(ctx, item);
    case 'defDecl':
      return buildDef(ctx, item);
    default:
      throw new Incomplete();
  }
}

function buildAction(ctx: BuildContext, node: CstNode): ActionDecl {
  const params = children(node.children.actionParam).flatMap((p) => buildBinderGroup(ctx, p));
  const body = children(node.children.actionItem).map((item): Require | Assignment => {
    const require = child(item.children.requireStmt);
    if (require) return { kind: 'require', cond: buildExpr(ctx, child(require.children.expression)), span: ctx.nodeSpan(require) };
    const assign = need(child(item.children.assignStmt));
    return {
      kind: 'assign',
      target: ctx.name(token(assign.children.Identifier)),
      value: buildExpr(ctx, child(assign.children.expression)),
      span: ctx.nodeSpan(assign),
    };
  });
  return { kind: 'action', name: ctx.name(token(node.children.Identifier)), params, body, span: ctx.nodeSpan(node) };
}

function buildFair(ctx: BuildContext, node: CstNode): FairDecl {
  const args = child(node.children.argumentList);
  return {
    kind: 'fair',
    strength: has(node.children.Strong) ? 'strong' : 'weak',
    action: ctx.name(token(node.children.Identifier)),
    ...(args ? { args: buildArguments(ctx, args) } : {}),
    span: ctx.nodeSpan(node),
  };
}

function buildTheorem(ctx: BuildContext, node: CstNode): TheoremDecl {
  const target = child(node.children.machineTarget);
  const proof = child(node.children.proof);
  return {
    kind: has(node.children.Lemma) ? 'lemma' : 'theorem',
    name: ctx.name(token(node.children.Identifier)),
    params: has(node.children.LParen) ? buildParams(ctx, child(node.children.paramList)) : [],
    ...(target ? { machine: ctx.path(child(target.children.path)) } : {}),
    formula: buildExpr(ctx, child(node.children.expression)),
    ...(proof ? { proof: buildProof(ctx, proof) } : {}),
    span: ctx.nodeSpan(node),
  };
}

function buildProof(ctx: BuildContext, node: CstNode): Proof {
  const span = ctx.nodeSpan(node);
  const by = child(node.children.byProof);
  const chain = by && child(by.children.chainProof);
  if (chain) return buildChain(ctx, chain);
  if (by) return { kind: 'by', justification: buildJustification(ctx, child(by.children.justification)), span };
  const steps = need(child(node.children.stepsProof));
  const haves = children(steps.children.haveStep).map(
    (h): HaveStep => ({
      kind: 'have',
      name: ctx.name(token(h.children.Identifier)),
      formula: buildExpr(ctx, child(h.children.expression)),
      proof: buildProof(ctx, need(child(h.children.proof))),
      span: ctx.nodeSpan(h),
    }),
  );
  const qed = need(child(steps.children.qedStep));
  return {
    kind: 'steps',
    steps: haves,
    qed: { kind: 'qed', justification: buildJustification(ctx, child(qed.children.justification)), span: ctx.nodeSpan(qed) },
    span,
  };
}

function buildChain(ctx: BuildContext, node: CstNode): ChainProof {
  const context = has(node.children.Within) ? child(node.children.expression) : undefined;
  const waypoints = children(node.children.chainWaypoint).map(
    (w): ChainWaypoint => ({
      formula: buildExpr(ctx, child(w.children.expression)),
      justification: buildJustification(ctx, child(w.children.justification)),
      span: ctx.nodeSpan(w),
    }),
  );
  return {
    kind: 'chain',
    ...(context ? { context: buildExpr(ctx, context) } : {}),
    first: buildJustification(ctx, child(node.children.justification)),
    waypoints,
    span: ctx.nodeSpan(node),
  };
}

function buildJustification(ctx: BuildContext, node: CstNode | undefined): Justification {
  const j = need(node);
  const [name, ...using] = children(j.children.path).map((p) => ctx.path(p));
  const args = child(j.children.argumentList);
  return { name: need(name), ...(args ? { args: buildArguments(ctx, args) } : {}), using, span: ctx.nodeSpan(j) };
}

function buildInstanceBindings(ctx: BuildContext, node: CstNode): InstanceBinding[] {
  const all = [...children(node.children.instanceType), ...children(node.children.instanceDef), ...children(node.children.instanceConst)];
  all.sort((a, b) => startOffset(a) - startOffset(b));
  return all.map((b): InstanceBinding => {
    const name = ctx.name(token(b.children.Identifier));
    const span = ctx.nodeSpan(b);
    if (has(b.children.Type)) return { kind: 'type', name, type: buildType(ctx, child(b.children.type)), span };
    if (has(b.children.Def)) return { kind: 'def', name, target: ctx.path(child(b.children.path)), span };
    return { kind: 'const', name, value: buildExpr(ctx, child(b.children.expression)), span };
  });
}

