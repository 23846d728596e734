// The spec side of a refinement: what `@refines NAME` denotes (a def, a machine def, or an action),
// the parameters the exec function must take (the same as `kproof codegen`'s function), and the
// spec's value as IR. An action's value is `Some(next state)` when enabled, else `None`: exactly
// what the generated `M$action$next` returns.
import type { Span } from '../diagnostics/index.js';
import type { Binder, Expr, MachineDecl, ModuleIR, Program, QName, RecordDecl, Type } from '../ir/index.js';
import { Plan } from '../codegen/index.js';
import { BOOL, IrBuilder } from './ir-build.js';

export type ParamSlot = { readonly kind: 'consts' } | { readonly kind: 'state'; readonly machine: MachineDecl } | { readonly kind: 'value'; readonly binder: Binder };

export interface Target {
  readonly name: QName;
  readonly module: ModuleIR;
  readonly slots: readonly ParamSlot[];
  readonly result: Type;
  readonly machine?: MachineDecl;
  readonly spec: (b: IrBuilder, span: Span) => Expr;
}

const plans = new WeakMap<Program, Map<string, Plan>>();

/** codegen's plan of the module (what it generates and under which names), made once per program */
export function planFor(program: Program, module: ModuleIR): Plan {
  let byModule = plans.get(program);
  if (!byModule) plans.set(program, (byModule = new Map()));
  let plan = byModule.get(module.name);
  if (!plan) byModule.set(module.name, (plan = new Plan(program, module)));
  return plan;
}

/** the record type of a machine's state, as codegen's `M$State` */
export const stateRecordName = (machine: QName): QName => `${machine}.$State`;

/** the program with a record per machine for its state, so an action's result has a type */
export function withStateRecords(program: Program): Program {
  const records = new Map<QName, RecordDecl>(program.records);
  for (const m of program.machines.values()) records.set(stateRecordName(m.name), { name: stateRecordName(m.name), fields: m.vars.map((v) => ({ name: v.name, type: v.type, span: v.span })), span: m.span });
  return { ...program, records };
}

function moduleOf(program: Program, q: QName): ModuleIR | undefined {
  return [...program.modules].sort((a, b) => b.name.length - a.name.length).find((m) => q.startsWith(`${m.name}.`));
}

export function resolveTarget(program: Program, written: string, roots: readonly string[]): Target | string {
  const candidates = [written, ...roots.map((r) => `${r}.${written}`)];
  for (const q of candidates) {
    const def = program.defs.get(q);
    const module = moduleOf(program, q);
    if (def && module) {
      if (!def.body) return `${written} is an abstract def: there is nothing to refine`;
      if (def.level === 'action' || def.level === 'temporal' || def.params.some((p) => p.level !== undefined || p.type.kind === 'fn')) return `${written} is not a value-level def`;
      const plan = planFor(program, module);
      const machine = def.machine ? program.machines.get(def.machine) : undefined;
      const slots: ParamSlot[] = [
        ...(plan.defUsesConstants(q) ? [{ kind: 'consts' } as const] : []),
        ...(machine ? [{ kind: 'state', machine } as const] : []),
        ...def.params.map((binder) => ({ kind: 'value', binder }) as const),
      ];
      return {
        name: q,
        module,
        slots,
        result: def.result,
        ...(machine ? { machine } : {}),
        spec: (b, span) => b.node({ kind: 'call', def: q, args: def.params.map((p) => b.local(p, span)) }, def.result, span),
      };
    }
    const dot = q.lastIndexOf('.');
    const machine = program.machines.get(q.slice(0, dot));
    const action = machine?.actions.find((a) => a.name === q.slice(dot + 1));
    const mod = moduleOf(program, q);
    if (machine && action && mod) {
      const plan = planFor(program, mod);
      const parts = [...action.params.flatMap((p) => (p.domain ? [p.domain] : [])), ...action.guards, ...action.assigns.map((x) => x.value)];
      const stateType: Type = { kind: 'record', name: stateRecordName(machine.name) };
      const result: Type = { kind: 'option', elem: stateType };
      return {
        name: q,
        module: mod,
        machine,
        slots: [...(parts.some((e) => plan.exprUsesConstants(e)) ? [{ kind: 'consts' } as const] : []), { kind: 'state', machine }, ...action.params.map((p) => ({ kind: 'value', binder: p.binder }) as const)],
        result,
        spec: (b, span) => {
          const conds: Expr[] = [];
          for (const p of action.params) {
            if (!p.domain) continue;
            const x = b.local(p.binder, span);
            conds.push(
              p.domain.type.kind === 'seq'
                ? b.node({ kind: 'builtin', op: 'seq.contains', args: [p.domain, x] }, BOOL, span)
                : b.node({ kind: 'builtin', op: p.domain.type.kind === 'map' ? 'map.in' : 'set.in', args: [x, p.domain] }, BOOL, span),
            );
          }
          conds.push(...action.guards);
          const enabled = conds.reduce<Expr>((acc, c) => b.node({ kind: 'logic', op: '&&', left: acc, right: c }, BOOL, span), b.bool(true, span));
          const fields = machine.vars.map((v) => action.assigns.find((a) => a.variable === v.name)?.value ?? b.node({ kind: 'ref', ref: { kind: 'var', machine: machine.name, name: v.name } }, v.type, span));
          const next = b.node({ kind: 'record', record: stateRecordName(machine.name), fields }, stateType, span);
          const some = b.node({ kind: 'some', arg: next }, result, span);
          return b.node({ kind: 'if', cond: enabled, then: some, else: b.node({ kind: 'none' }, result, span) }, result, span);
        },
      };
    }
  }
  return `no def or action named ${written} (write module.def, module.Machine.def or module.Machine.action)`;
}

/** how the exec function's parameters must look, for messages */
export function describeSlots(target: Target, plan: Plan): string {
  return target.slots
    .map((s) => (s.kind === 'consts' ? 'c: $Constants' : s.kind === 'state' ? `s: ${plan.name(s.machine.name)}$State` : `${s.binder.name}: ${s.binder.type.kind}`))
    .join(', ');
}
