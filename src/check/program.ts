// The Program: every reachable module in dependency order, with tables by QName.
import type { ModuleIR, Program, QName, RecordDecl, EnumDecl, ConstDecl, DefDecl, MachineDecl, TheoremDecl, ModelDecl } from '../ir/index.js';
import type { ModuleChecker } from './module.js';

/**
 * A module comes after every module it imports. An instance module comes before the module that
 * declares it (which imports it), after the generic module's own imports; it may mention the
 * declaring module's records and defs through its bindings, which back ends find in the tables.
 */
export function buildProgram(roots: readonly ModuleChecker[]): Program {
  const modules: ModuleIR[] = [];
  const seen = new Set<string>();
  const visit = (m: ModuleChecker): void => {
    if (seen.has(m.name) || !m.ir) return;
    seen.add(m.name);
    for (const dep of m.imports.values()) if (dep) visit(dep);
    for (const dep of m.modulesByPath.values()) if (dep) visit(dep);
    for (const inst of m.materializedInstances()) visit(inst);
    modules.push(m.ir);
  };
  for (const r of roots) visit(r);
  const records = new Map<QName, RecordDecl>();
  const enums = new Map<QName, EnumDecl>();
  const consts = new Map<QName, ConstDecl>();
  const defs = new Map<QName, DefDecl>();
  const machines = new Map<QName, MachineDecl>();
  const theorems = new Map<QName, TheoremDecl>();
  const models = new Map<QName, ModelDecl>();
  for (const m of modules) {
    for (const d of m.records) records.set(d.name, d);
    for (const d of m.enums) enums.set(d.name, d);
    for (const d of m.consts) consts.set(d.name, d);
    for (const d of m.defs) defs.set(d.name, d);
    for (const d of m.machines) machines.set(d.name, d);
    for (const d of m.theorems) theorems.set(d.name, d);
    for (const d of m.models) models.set(d.name, d);
  }
  return { modules, roots: [...new Set(roots.map((r) => r.name))], records, enums, consts, defs, machines, theorems, models };
}
