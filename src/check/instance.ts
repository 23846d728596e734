// `instance zk = k8s.cluster { type S = ZkState, def core = zk_core, const N = 3 }`: the generic
// module is checked again as module `<this>.zk`, with the bound types, defs and constants
// substituted, so back ends never see generics through an instance.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import type { Expr, QName, Type } from '../ir/index.js';
import { Diags } from './diags.js';
import { ModuleChecker } from './module.js';
import { checkModule } from './decls.js';
import { compatible, show } from './typing.js';
import { kindWord, type DefSig } from './symbols.js';

function substitute(t: Type, types: ReadonlyMap<QName, Type>): Type {
  switch (t.kind) {
    case 'abstract':
      return types.get(t.name) ?? t;
    case 'seq':
    case 'set':
    case 'option':
      return { kind: t.kind, elem: substitute(t.elem, types) };
    case 'map':
      return { kind: 'map', key: substitute(t.key, types), value: substitute(t.value, types) };
    case 'tuple':
      return { kind: 'tuple', elems: t.elems.map((e) => substitute(e, types)) };
    case 'fn':
      return { kind: 'fn', params: t.params.map((p) => substitute(p, types)), result: substitute(t.result, types) };
    default:
      return t;
  }
}

function signature(sig: DefSig, types: ReadonlyMap<QName, Type> = new Map()): Type {
  return { kind: 'fn', params: sig.params.map((p) => substitute(p.type, types)), result: substitute(sig.result, types) };
}

export function materializeInstance(mc: ModuleChecker, ast: A.InstanceDecl): ModuleChecker | null {
  const path = ast.module.parts.map((p) => p.text).join('.');
  const generic = mc.imports.has(path) ? mc.imports.get(path) : mc.modulesByPath.get(path);
  if (generic === undefined) {
    mc.diags.error('KSP022', `module \`${path}\` not found`, ast.module.span);
    return null;
  }
  if (generic === null || generic.diags.hasErrors) return null; // its own errors are reported already
  const types = new Map<string, Type>();
  const typesByQName = new Map<QName, Type>();
  const defs = new Map<string, DefSig>();
  const defsByQName = new Map<QName, QName>();
  const consts = new Map<string, Expr>();
  const constsByQName = new Map<QName, Expr>();
  const given = new Map<string, Span>();
  const notParameter = (b: A.InstanceBinding, what: string) => {
    const sym = generic.decls.get(b.name.text);
    const is = sym ? `is ${kindWord(sym)}${sym.kind === 'def' || sym.kind === 'alias' ? ' with a body' : ''}` : 'is not declared there';
    mc.diags.error('KSP030', `\`${b.name.text}\` ${is} in module \`${generic.name}\`, not ${what} it leaves open`, b.name.span);
  };
  const ordered = [...ast.bindings.filter((b) => b.kind === 'type'), ...ast.bindings.filter((b) => b.kind !== 'type')];
  for (const b of ordered) {
    const first = given.get(b.name.text);
    if (first) {
      mc.diags.error('KSP032', `\`${b.name.text}\` is bound more than once`, b.name.span, [{ message: 'first bound here', span: first }]);
      continue;
    }
    given.set(b.name.text, b.name.span);
    const sym = generic.decls.get(b.name.text);
    if (b.kind === 'type') {
      if (sym?.kind !== 'abstractType') {
        notParameter(b, 'an abstract type');
        continue;
      }
      const t = mc.resolveType(b.type);
      types.set(b.name.text, t);
      typesByQName.set(sym.qname, t);
    } else if (b.kind === 'def') {
      if (sym?.kind !== 'def' || sym.ast.body || sym.machine) {
        notParameter(b, 'an abstract def');
        continue;
      }
      const target = resolveDefTarget(mc, b.target);
      if (!target) continue;
      const want = signature(generic.defSig(sym), typesByQName);
      const got = signature(target);
      if (!compatible(want, got)) {
        mc.diags.error('KSP059', `\`${b.target.parts.map((p) => p.text).join('.')}\` has type ${show(got)}, but \`${b.name.text}\` needs ${show(want)}`, b.target.span);
        continue;
      }
      defs.set(b.name.text, target);
      defsByQName.set(sym.qname, target.qname);
    } else {
      if (sym?.kind !== 'const') {
        notParameter(b, 'a constant');
        continue;
      }
      const value = mc.exprs.check(b.value, { actions: false, maxLevel: 'constant', where: 'an instance binding' }, substitute(generic.constType(sym), typesByQName));
      consts.set(b.name.text, value);
      constsByQName.set(sym.qname, value);
    }
  }
  const diags = new Diags();
  const child = new ModuleChecker(`${mc.name}.${ast.name.text}`, generic.file, generic.ast, mc.ids, diags, generic.imports, generic.modulesByPath, mc.registry, {
    genericModule: generic,
    types,
    defs,
    consts,
    span: ast.span,
  });
  checkModule(child, {
    module: generic.name,
    types: typesByQName,
    defs: defsByQName,
    ...(constsByQName.size > 0 ? { consts: constsByQName } : {}),
    span: ast.span,
  });
  mc.diags.list.push(...diags.list);
  return child;
}

function resolveDefTarget(mc: ModuleChecker, path: A.Path): DefSig | undefined {
  const r = mc.resolvePath(path.parts);
  if (!r || r.kind === 'silent') return undefined;
  if (r.kind === 'decl' && r.consumed === path.parts.length) {
    if (r.sym.kind === 'def') return r.module.defSig(r.sym);
    if (r.sym.kind === 'boundDef') return r.sym.target;
  }
  const what = r.kind === 'decl' ? kindWord(r.sym) : 'an enum constructor';
  mc.diags.error('KSP027', `\`${path.parts.map((p) => p.text).join('.')}\` is ${what}, not a def`, path.span);
  return undefined;
}
