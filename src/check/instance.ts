// `instance zk = k8s.cluster { type S = ZkState, def core = zk_core, const N = 3 }`: the generic
// module is checked again as module `<this>.zk`, with the bound types, defs and constants
// substituted, so back ends never see generics through an instance.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import type { Expr, QName, Type } from '../ir/index.js';
import { Diags } from './diags.js';
import { ModuleChecker } from './module.js';
import { checkModule } from './decls.js';
import { compatible, showApart } from './typing.js';
import { kindWord, type DefSig } from './symbols.js';

function signature(sig: DefSig): Type {
  return { kind: 'fn', params: sig.params.map((p) => p.type), result: sig.result };
}

/**
 * Type bindings first; then the instance's module is made (and handed to `typed`, so that the def
 * and constant bindings may mention its types); then those bindings, checked against the abstract
 * symbols as the instance sees them (its types, not the generic module's), are put in place.
 */
export function materializeInstance(mc: ModuleChecker, ast: A.InstanceDecl, typed: (instance: ModuleChecker) => void): ModuleChecker | null {
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
  const firstBinding = (b: A.InstanceBinding): boolean => {
    const first = given.get(b.name.text);
    if (first) mc.diags.error('KSP032', `\`${b.name.text}\` is bound more than once`, b.name.span, [{ message: 'first bound here', span: first }]);
    else given.set(b.name.text, b.name.span);
    return first === undefined;
  };
  for (const b of ast.bindings) {
    if (b.kind !== 'type' || !firstBinding(b)) continue;
    const sym = generic.decls.get(b.name.text);
    if (sym?.kind !== 'abstractType') {
      notParameter(b, 'an abstract type');
      continue;
    }
    const t = mc.resolveType(b.type);
    types.set(b.name.text, t);
    typesByQName.set(sym.qname, t);
  }
  const diags = new Diags();
  const child = new ModuleChecker(`${mc.name}.${ast.name.text}`, generic.file, generic.ast, mc.ids, diags, generic.imports, generic.modulesByPath, mc.registry, {
    genericModule: generic,
    host: mc,
    types,
    span: ast.span,
  });
  typed(child);
  for (const b of ast.bindings) {
    if (b.kind === 'type' || !firstBinding(b)) continue;
    const sym = generic.decls.get(b.name.text);
    const own = child.decls.get(b.name.text);
    if (b.kind === 'def') {
      if (sym?.kind !== 'def' || sym.ast.body || sym.machine || sym.extension || own?.kind !== 'def') {
        notParameter(b, 'an abstract def');
        continue;
      }
      const target = resolveDefTarget(mc, b.target);
      if (!target) continue;
      const want = signature(child.defSig(own));
      const got = signature(target);
      if (!compatible(want, got)) {
        const [shownGot, shownWant] = showApart(got, want, mc.name);
        mc.diags.error('KSP059', `\`${b.target.parts.map((p) => p.text).join('.')}\` has type ${shownGot}, but \`${b.name.text}\` needs ${shownWant}`, b.target.span);
        continue;
      }
      defs.set(b.name.text, target);
      defsByQName.set(sym.qname, target.qname);
    } else {
      if (sym?.kind !== 'const' || own?.kind !== 'const') {
        notParameter(b, 'a constant');
        continue;
      }
      const value = mc.exprs.check(b.value, { actions: false, maxLevel: 'constant', where: 'an instance binding' }, child.constType(own));
      consts.set(b.name.text, value);
      constsByQName.set(sym.qname, value);
    }
  }
  child.bind(defs, consts);
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
