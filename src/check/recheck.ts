// Re-checking a module after an edit that changed only the bodies of top-level defs, the common
// case while typing inside a def: every other declaration keeps its symbol (with its memoized
// signature) and the output of its check; only the edited bodies and the recursion check run
// again. Signatures do not depend on bodies, and nothing else reads a def's body, so the result
// is the one a full check gives. Text inserted or deleted in a body moves every later
// declaration: the incremental parser moves their positions in place, and the output of their
// checks shares those positions, so it is reused as it is. Any other edit (a signature, a
// declaration added or removed, an instance) needs a full check.
import type * as A from '../syntax/ast.js';
import type { ModuleIR, QName } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import type { DeclSymbol } from './symbols.js';
import { checkDef, checkRecursion, defSymbols } from './decls.js';
import { copyOutput, unit, type CheckedDefUnit } from './units.js';

export interface BodyEdit {
  /** the previous check's symbols, by the new module's declarations */
  readonly reused: ReadonlyMap<A.Decl, DeclSymbol>;
  /** the defs whose bodies changed */
  readonly changed: ReadonlySet<QName>;
}

/**
 * How `next` (parsed from `nextText`) differs from `prev`'s module (checked from `prevText`) when
 * only def bodies changed; undefined when it needs a full check. Unchanged declarations are the
 * very same syntax trees (the incremental parser reuses them, moved to where they lie now).
 */
export function bodyEdit(prev: ModuleChecker, prevText: string, next: A.ModuleAst, nextText: string): BodyEdit | undefined {
  const before = prev.ast;
  if (!prev.units || prev.incomplete || prev.subst) return undefined;
  if (next.name !== before.name || next.imports.length !== before.imports.length || next.imports.some((imp, i) => imp !== before.imports[i])) return undefined;
  if (next.decls.length !== before.decls.length) return undefined;
  const reused = new Map<A.Decl, DeclSymbol>();
  const changed = new Set<QName>();
  for (let i = 0; i < next.decls.length; i++) {
    const old = before.decls[i]!;
    const now = next.decls[i]!;
    // an instance's module is built from this module's declarations
    if (old.kind === 'instance') return undefined;
    if (old === now) {
      for (const d of old.kind === 'extend' ? old.defs : [old]) {
        const declared = declaredBy(prev, d);
        if (declared) reused.set(d, declared);
      }
      continue;
    }
    const declared = declaredBy(prev, old);
    if (old.kind !== 'def' || now.kind !== 'def' || !old.body || !now.body) return undefined;
    if (old.span.start.offset !== now.span.start.offset || old.span.start.line !== now.span.start.line) return undefined;
    const oldHead = prevText.slice(old.span.start.offset, old.body.span.start.offset);
    if (oldHead !== nextText.slice(now.span.start.offset, now.body.span.start.offset)) return undefined;
    // a second declaration of a name is reported by the constructor and never checked
    if (!declared) continue;
    if (declared.kind !== 'def' || !declared.sig) return undefined;
    reused.set(now, { kind: 'def', name: now.name, qname: declared.qname, ast: now, sig: declared.sig });
    changed.add(declared.qname);
  }
  return { reused, changed };
}

/** The symbol `decl` declared in `mc` (none for an assume or an `extend` block, or a name declared earlier). */
function declaredBy(mc: ModuleChecker, decl: A.Decl): DeclSymbol | undefined {
  if (decl.kind === 'assume' || decl.kind === 'extend') return undefined;
  const sym = mc.decls.get(decl.name.text);
  return sym && 'ast' in sym && sym.ast === decl ? sym : undefined;
}

/**
 * Checks `mc` (constructed with `edit.reused`) by copying the output of `prev`'s check for
 * everything but the changed def bodies and the recursion check, which run again.
 */
export function recheckBodies(mc: ModuleChecker, prev: ModuleChecker, edit: BodyEdit): ModuleIR {
  const units = prev.units!;
  const signatures = copyOutput(prev, units.signatures, mc);
  const defSyms = defSymbols(mc);
  const defs = new Map<QName, CheckedDefUnit>();
  for (const [q, sym] of defSyms) {
    const old = units.defs.get(q);
    if (old && !edit.changed.has(q)) {
      defs.set(q, { checked: old.checked, output: copyOutput(prev, old.output, mc) });
    } else {
      const { result: checked, output } = unit(mc, () => checkDef(mc, sym));
      defs.set(q, { checked, output });
    }
  }
  const checkedDefs = new Map([...defs].map(([q, u]) => [q, u.checked]));
  const recursion = unit(mc, () => checkRecursion(mc, checkedDefs, defSyms)).output;
  const rest = copyOutput(prev, units.rest, mc);
  const ir: ModuleIR = { ...prev.ir!, defs: [...checkedDefs.values()].map((d) => d.ir) };
  mc.ir = ir;
  mc.units = { signatures, defs, recursion, rest };
  return ir;
}
