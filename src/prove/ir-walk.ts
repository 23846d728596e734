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

