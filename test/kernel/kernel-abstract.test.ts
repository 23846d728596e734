// Abstraction of IR formulas to propositional temporal logic: which atoms, shared how.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import type { Expr, Program } from '../../src/ir/index.js';
import { Abstraction, canonicalKey } from '../../src/kernel/index.js';
import { substitute } from '../../src/kernel/terms.js';
import { formatFormula } from '../../src/kernel/ptl/index.js';
import { FIXTURES } from '../soundness/temporal-helpers.js';

const checked = checkFiles([join(FIXTURES, 'atoms.kspec')]);
const program = checked.program as Program;
const formula = (name: string): Expr => program.theorems.get(`atoms.${name}`)!.formula;

describe('abstraction to PTL', () => {
  it('keeps boolean connectives propositional and makes maximal predicates atoms', () => {
    const abs = new Abstraction(program);
    const f = abs.formula(formula('glue'));
    expect(abs.atomTable().map((a) => a.name)).toEqual(['done', 'n < LIMIT', 'n == LIMIT']);
    expect(formatFormula(f)).toBe('[](!done ==> "n < LIMIT" || "n == LIMIT" && !done)');
  });

  it('gives alpha-equivalent predicates one atom', () => {
    expect(canonicalKey(formula('alpha1'))).toBe(canonicalKey(formula('alpha2')));
    const abs = new Abstraction(program);
    expect(abs.formula(formula('alpha1'))).toBe(abs.formula(formula('alpha2')));
    expect(abs.atomTable()).toHaveLength(1);
  });

  it('normalises && and ||, double negation and flipped comparisons', () => {
    expect(canonicalKey(formula('commuted'))).toBe(canonicalKey(formula('swapped')));
  });

  it('reads a primed state predicate as next-time', () => {
    const abs = new Abstraction(program);
    expect(formatFormula(abs.formula(formula('primed')))).toBe('[](done ==> X(done))');
  });

  it('makes actions and their enabledness atoms, with WF expanded and enablement added', () => {
    const abs = new Abstraction(program);
    expect(formatFormula(abs.formula(formula('weakfair')))).toBe('WF(tick)');
    expect(abs.enablementFacts().map(formatFormula)).toEqual(['[](tick ==> enabled(tick))']);
    const step = new Abstraction(program);
    step.formula(formula('step'));
    expect(step.atomTable().map((a) => a.name)).toEqual(["n' == (n + 1)", 'tick', 'enabled(tick)']);
  });

  it('keys do not depend on spans, node ids or the names of bound variables (laws)', () => {
    const names = ['glue', 'alpha1', 'primed', 'step', 'weakfair', 'commuted'];
    const moved = (value: unknown, shift: number): unknown => {
      if (Array.isArray(value)) return value.map((v) => moved(v, shift));
      if (value === null || typeof value !== 'object' || value instanceof Map) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = moved(v, shift);
      if ('kind' in value && 'span' in value) {
        const span = (value as Expr).span;
        out['id'] = (value as Expr).id + shift;
        out['span'] = { ...span, start: { ...span.start, offset: span.start.offset + shift, line: span.start.line + shift } };
      }
      return out;
    };
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.integer({ min: 1, max: 1000 }), (name, shift) => {
        const f = formula(name);
        return canonicalKey(moved(f, shift) as Expr) === canonicalKey(f) && canonicalKey(substitute(f, new Map())) === canonicalKey(f);
      }),
    );
  });
});
