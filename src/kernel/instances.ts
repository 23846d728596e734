// INSTANCE OF A GENERIC THEOREM. A generic module's theorems are proved with its abstract types as
// uninterpreted sorts and its abstract defs and unbound constants as uninterpreted symbols, so each
// holds under every interpretation of them. An instance is one interpretation (its bindings), and
// every other symbol of the instance is the generic one with the bindings substituted (the checker
// makes the instance that way: src/check/instance.ts). So the instance's copy of a proved generic
// theorem holds without being proved again, provided
//  - its statement is the generic statement read through the bindings (checked here, by keys);
//  - the instance satisfies the generic module's assumptions that mention what it binds: recorded
//    in the judgement (`instances`) and checked by verify, as for any judgement that assumes them;
//  - every bound def is a function: neither it nor what it calls is recursive (a recursive def's
//    SMT definition is an axiom that needs a termination proof);
//  - no bound type holds a Set or a Map: the generic proof may quantify over an abstract type in a
//    way the encoder refuses for such types (an SMT array may be an infinite set; see
//    checkUnboundedQuantifier in src/smt/encoder.ts).
// Theorems of other instances are proved directly, with the instance's definitions.
import { exprChildren, holdsCollection, typeToString, type Expr, type ModuleIR, type Program, type QName, type TheoremDecl, type Type } from '../ir/index.js';
import { genuine } from './rules.js';
import { mint, type Proved } from './proved.js';
import { renamedKey, type KeyNames } from './terms.js';

type Binding = NonNullable<ModuleIR['instanceOf']>;

/**
 * The instance's judgement of `decl`, its copy of the generic theorem `genericName`, whose judgement
 * is `generic`; undefined when it does not follow.
 */
export function instanceOfGeneric(program: Program, instance: ModuleIR, decl: TheoremDecl, genericName: QName, generic: Proved): Proved | undefined {
  genuine(generic);
  const binding = instance.instanceOf;
  const statement = generic.statement;
  if (!binding || !instance.theorems.includes(decl) || decl.instanceOf !== genericName || !genericName.startsWith(`${binding.module}.`)) return undefined;
  if (!generic.provenance.theorems.includes(genericName)) return undefined;
  if ((statement.hypotheses ?? []).length > 0 || statement.params.length > 0 || decl.params.length > 0) return undefined;
  if ([...binding.defs.values()].some((target) => reachesRecursion(program, target))) return undefined;
  if ([...binding.types.values()].some((t) => holdsCollection(t, program))) return undefined;
  const asInstance: KeyNames = { name: (q) => q, type: (t) => typeToString(t, true), constant: () => undefined };
  const fromGeneric = genericReading(binding, instance.name, asInstance);
  if ((statement.machine === undefined ? undefined : fromGeneric.name(statement.machine)) !== decl.machine) return undefined;
  if (renamedKey(statement.formula, fromGeneric) !== renamedKey(decl.formula, asInstance)) return undefined;
  const assumesBound = instance.assumes.some((a) => a.obligation);
  return mint({ formula: decl.formula, ...(decl.machine ? { machine: decl.machine } : {}), params: [] }, [generic], {
    rules: ['instance of a generic theorem'],
    theorems: [decl.name],
    instances: assumesBound ? [instance.name] : [],
  });
}

/** How the instance spells the generic module's names: bound symbols by what they are bound to, the others as its own copies. */
function genericReading(binding: Binding, instanceName: string, asInstance: KeyNames): KeyNames {
  const prefix = `${binding.module}.`;
  const name = (q: QName): QName => binding.defs.get(q) ?? (q.startsWith(prefix) ? `${instanceName}.${q.slice(prefix.length)}` : q);
  const type = (t: Type): Type => {
    switch (t.kind) {
      case 'seq':
      case 'set':
      case 'option':
        return { kind: t.kind, elem: type(t.elem) };
      case 'map':
        return { kind: 'map', key: type(t.key), value: type(t.value) };
      case 'tuple':
        return { kind: 'tuple', elems: t.elems.map(type) };
      case 'fn':
        return { kind: 'fn', params: t.params.map(type), result: type(t.result) };
      case 'abstract':
        return binding.types.get(t.name) ?? { kind: 'abstract', name: name(t.name) };
      case 'record':
      case 'enum':
        return { kind: t.kind, name: name(t.name) };
      default:
        return t;
    }
  };
  return {
    name,
    type: (t) => typeToString(type(t), true),
    constant: (q) => {
      const value = binding.consts?.get(q);
      return value === undefined ? undefined : renamedKey(value, asInstance);
    },
  };
}

/** Whether `def` or a def it calls (transitively) is recursive. */
function reachesRecursion(program: Program, def: QName): boolean {
  const known = new Map<QName, Set<QName>>();
  const callees = (q: QName): Set<QName> => {
    const cached = known.get(q);
    if (cached) return cached;
    const found = new Set<QName>();
    known.set(q, found);
    const body = program.defs.get(q)?.body;
    const walk = (e: Expr): void => {
      if (e.kind === 'call') found.add(e.def);
      exprChildren(e).forEach(walk);
    };
    if (body) walk(body);
    return found;
  };
  const reachable = new Set<QName>();
  const stack = [def];
  while (stack.length > 0) {
    const q = stack.pop()!;
    if (reachable.has(q)) continue;
    reachable.add(q);
    stack.push(...callees(q));
  }
  // recursive: a reachable def that reaches itself again
  return [...reachable].some((start) => {
    const seen = new Set<QName>();
    const todo = [...callees(start)];
    while (todo.length > 0) {
      const q = todo.pop()!;
      if (q === start) return true;
      if (seen.has(q)) continue;
      seen.add(q);
      todo.push(...callees(q));
    }
    return false;
  });
}
