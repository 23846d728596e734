// A model of a refuted obligation, presented as kspec values: the constants, then the state (or
// the pre-state, the action with its parameter values, and the post-state), the variables that
// the failed formula mentions first.
import type { Program } from '../ir/index.js';
import { SYM } from '../smt/index.js';
import { Model } from './model.js';
import type { ModelReading } from './types.js';
import { printValue, ValueReader, type KValue } from './values.js';

export interface CounterexampleEntry {
  readonly name: string;
  /** in kspec syntax */
  readonly value: string;
  readonly data: KValue;
}

export interface CounterexampleSection {
  /** 'constants', 'state', 'before', 'step', 'after', 'parameters' */
  readonly title: string;
  readonly entries: readonly CounterexampleEntry[];
}

export interface Counterexample {
  readonly sections: readonly CounterexampleSection[];
  /** e.g. `tick(k = 3)` for a consecution failure */
  readonly action?: string;
}

const bare = (quotedSymbol: string): string => quotedSymbol.slice(1, -1);

export function readCounterexample(program: Program, reading: ModelReading, modelText: string): Counterexample {
  const model = new Model(modelText);
  const reader = new ValueReader(program);
  const entry = (name: string, v: Parameters<ValueReader['read']>[0], t: Parameters<ValueReader['read']>[1]): CounterexampleEntry => {
    const data = reader.read(v, t);
    return { name, value: printValue(data), data };
  };
  const sections: CounterexampleSection[] = [];

  const constants: CounterexampleEntry[] = [];
  for (const c of [...program.consts.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const v = model.value(bare(SYM.constant(c.name)));
    if (v) constants.push(entry(c.name.slice(c.name.lastIndexOf('.') + 1), v, c.type));
  }
  if (constants.length > 0) sections.push({ title: 'constants', entries: constants });

  const locals = (binders: ModelReading['params']): CounterexampleEntry[] =>
    binders.flatMap(({ binder, symbol }) => {
      const v = model.value(bare(symbol));
      return v ? [entry(binder.name, v, binder.type)] : [];
    });
  const params = locals(reading.params);
  const witnesses = locals(reading.witnesses);

  const machine = reading.machine ? program.machines.get(reading.machine) : undefined;
  const stateAt = (state: number): CounterexampleEntry[] => {
    if (!machine) return [];
    const ordered = [...machine.vars].sort((a, b) => rank(a.name) - rank(b.name));
    const out: CounterexampleEntry[] = [];
    for (const v of ordered) {
      const value = model.value(bare(SYM.variable(state, machine.name, v.name)));
      if (value) out.push(entry(v.name, value, v.type));
    }
    return out;
  };
  const rank = (name: string) => {
    const i = reading.relevant.indexOf(name);
    return i < 0 ? reading.relevant.length : i;
  };

  const where = witnesses.length > 0 ? [{ title: 'where', entries: witnesses }] : [];
  if (reading.kind === 'state') sections.push({ title: 'state', entries: stateAt(0) }, ...where);
  else if (reading.kind === 'step') {
    sections.push({ title: 'before', entries: stateAt(0) });
    sections.push({ title: 'step', entries: params });
    sections.push({ title: 'after', entries: stateAt(1) }, ...where);
    const action = `${reading.action ?? '?'}${params.length > 0 ? `(${params.map((p) => `${p.name} = ${p.value}`).join(', ')})` : ''}`;
    return { sections, action };
  } else sections.push(...where);
  return { sections };
}
