// Small read-only queries over IR expressions.
import type { Expr, ModuleIR, Program, QName } from '../ir/index.js';

/** every object node below `node` (expressions, binders, arms), depth first */
function visit(node: unknown, fn: (e: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const x of node) visit(x, fn);
    return;
  }
  if (node === null || typeof node !== 'object' || node instanceof Map) return;
  const rec = node as Record<string, unknown>;
  fn(rec);
  for (const [key, value] of Object.entries(rec)) if (key !== 'span' && key !== 'type') visit(value, fn);
}

/** names of the machine variables an expression reads (primed or not), in order of appearance */
export function variablesIn(e: Expr): string[] {
  const names: string[] = [];
  visit(e, (n) => {
    if (n['kind'] === 'ref') {
      const ref = n['ref'] as { kind: string; name: string };
      if (ref.kind === 'var' && !names.includes(ref.name)) names.push(ref.name);
    }
  });
  return names;
}

/** defs called from an expression (directly) */
export function callsIn(e: Expr): QName[] {
  const names: QName[] = [];
  visit(e, (n) => {
    if (n['kind'] === 'call' && !names.includes(n['def'] as string)) names.push(n['def'] as string);
  });
  return names;
}

/** the module that declares a theorem */
export function homeModule(program: Program, theorem: QName): ModuleIR | undefined {
  return program.modules.find((m) => m.theorems.some((t) => t.name === theorem));
}

/** a module and every module it imports (instances included), transitively */
export function moduleClosure(program: Program, moduleName: string): ModuleIR[] {
  const byName = new Map(program.modules.map((m) => [m.name, m]));
  const seen = new Set<string>();
  const stack = [moduleName];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const imp of byName.get(name)?.imports ?? []) stack.push(imp);
  }
  return program.modules.filter((m) => seen.has(m.name));
}

/** the direct sub-expressions of an expression */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'bool':
    case 'int':
    case 'string':
    case 'ref':
    case 'none':
      return [];
    case 'prime':
    case 'not':
    case 'neg':
    case 'some':
    case 'always':
    case 'eventually':
    case 'enabled':
    case 'fairness':
      return [e.arg];
    case 'is':
      return [e.arg];
    case 'call':
    case 'apply':
    case 'builtin':
    case 'ctor':
      return [...e.args];
    case 'logic':
    case 'arith':
    case 'compare':
    case 'eq':
    case 'leadsTo':
      return [e.left, e.right];
    case 'seqLit':
    case 'setLit':
    case 'tuple':
      return [...e.elems];
    case 'mapLit':
      return e.entries.flatMap((x) => [x.key, x.value]);
    case 'tupleGet':
      return [e.tuple];
    case 'record':
      return [...e.fields];
    case 'field':
      return [e.target];
    case 'with':
      return [e.target, ...e.updates.map((u) => u.value)];
    case 'match':
      return [e.scrutinee, ...e.arms.map((a) => a.body)];
    case 'if':
      return [e.cond, e.then, e.else];
    case 'let':
      return [e.value, e.body];
    case 'quant':
      return e.domain ? [e.domain, e.body] : [e.body];
    case 'setFilter':
      return [e.source, e.pred];
    case 'setImage':
      return [e.source, e.body];
    case 'mapComp':
      return [e.domain, e.body];
    case 'action':
      return e.instance.args.filter((a): a is Expr => a !== undefined);
  }
}
