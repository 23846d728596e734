// An instance's copy of a generic theorem is proved by the generic proof (src/kernel/instances.ts),
// without obligations of its own. Must-reject: a copy whose statement is not the generic one read
// through the bindings, a binding that is not a function (a recursive def whose termination fails),
// a bound type that holds a Set, and a generic theorem that is not proved give nothing through
// that route.
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import type { Program, TheoremDecl } from '../../src/ir/index.js';
import { verifyProgram } from '../../src/prove/index.js';
import { closeSolvers, sharedSolver } from '../smt/helper.js';

afterAll(closeSolvers);

const DIR = 'test/fixtures/smt/generic-reuse';

function programOf(file: string): Program {
  const checked = checkFiles([file]);
  if (!checked.program) throw new Error(checked.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return checked.program;
}

async function verdicts(program: Program) {
  const reports = await verifyProgram(program, { solver: sharedSolver('z3'), timeoutMs: 10_000 });
  return new Map(reports.map((r) => [r.name, r]));
}

/** The program with theorem `name`'s statement replaced by theorem `from`'s (in the map and in its module). */
function withStatement(program: Program, name: string, from: string): Program {
  const decl = program.theorems.get(name)!;
  const forged: TheoremDecl = { ...decl, formula: program.theorems.get(from)!.formula };
  return {
    ...program,
    theorems: new Map([...program.theorems].map(([q, t]) => [q, q === name ? forged : t])),
    modules: program.modules.map((m) => ({ ...m, theorems: m.theorems.map((t) => (t.name === name ? forged : t)) })),
  };
}

describe('an instance inherits the theorems proved for its generic module', () => {
  it('proves the copies from the generic proofs, with no obligation of their own', async () => {
    const v = await verdicts(programOf(`${DIR}/reuse_good.kspec`));
    for (const name of ['k_positive', 'f_functional', 'pick_itself']) {
      const copy = v.get(`reuse_good.g.${name}`)!;
      expect([name, copy.status, copy.obligations.length, copy.byGeneric]).toEqual([name, 'proved', 0, `greuse.${name}`]);
    }
    expect(v.get('reuse_good.uses_k')!.status).toBe('proved');
  });

  it('proves a copy on its own when the generic theorem is not proved (true only of this instance)', async () => {
    const v = await verdicts(programOf(`${DIR}/reuse_good.kspec`));
    const copy = v.get('reuse_good.g.f_of_one')!;
    expect(copy.status).toBe('proved');
    expect(copy.byGeneric).toBeUndefined();
    expect(copy.obligations.length).toBeGreaterThan(0);
  });

  it('must reject: a copy of an unproved generic theorem that is false of the instance too', async () => {
    const v = await verdicts(programOf(`${DIR}/reuse_good.kspec`));
    expect(v.get('reuse_good.g.k_large')!.status).toBe('not proved');
    expect(v.get('reuse_good.uses_large')!.status).toBe('not proved');
  });

  it('must reject: a copy whose statement is not the generic statement read through the bindings', async () => {
    // the copy of k_positive (proved generically) made to state the copy of k_large (2 > 100)
    const forged = withStatement(programOf(`${DIR}/reuse_good.kspec`), 'reuse_good.g.k_positive', 'reuse_good.g.k_large');
    const v = await verdicts(forged);
    expect(v.get('reuse_good.g.k_positive')!.status).toBe('not proved');
    expect(v.get('reuse_good.g.k_positive')!.byGeneric).toBeUndefined();
    expect(v.get('reuse_good.uses_k')!.status).toBe('not proved');
  });

  it('must reject: a bound def that is not a function (its termination fails) gets nothing from the generic proof', async () => {
    const v = await verdicts(programOf(`${DIR}/reuse_loop.kspec`));
    const copy = v.get('reuse_loop.g.f_functional')!;
    expect(copy.status).toBe('not proved');
    expect(copy.problems.map((p) => p.code)).toContain('KSP108');
    expect(v.get('reuse_loop.uses_f')!.status).toBe('not proved');
  });

  it('proves a copy on its own when a bound type holds a Set (the generic proof may quantify over it as the encoder would not)', async () => {
    const v = await verdicts(programOf(`${DIR}/reuse_sets.kspec`));
    const copy = v.get('reuse_sets.g.pick_itself')!;
    expect([copy.status, copy.byGeneric]).toEqual(['proved', undefined]);
    expect(copy.obligations.length).toBeGreaterThan(0);
  });
});
