// Must-reject: an instance whose bindings break an assumption of the generic module must not
// inherit the generic theorems (the assumption is an obligation there, not a hypothesis).
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { verifyProgram } from '../../src/prove/index.js';
import { closeSolvers, sharedSolver } from '../smt/helper.js';

afterAll(closeSolvers);

async function verifyFile(file: string) {
  const checked = checkFiles([file]);
  if (!checked.program) throw new Error(checked.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return verifyProgram(checked.program, { solver: sharedSolver('z3'), timeoutMs: 10_000 });
}

describe('instance assumptions', () => {
  it('an instance that satisfies them gets the generic theorems', async () => {
    const reports = await verifyFile('test/fixtures/smt/instances/good_instance.kspec');
    expect(reports.map((r) => [r.name, r.status])).toContainEqual(['good_instance.g (instance assumptions)', 'proved']);
    expect(reports.find((r) => r.name === 'good_instance.uses_instance')!.status).toBe('proved');
  });

  it('an instance that breaks them proves nothing through them', async () => {
    const reports = await verifyFile('test/fixtures/smt/instances/bad_instance.kspec');
    const assumptions = reports.find((r) => r.name === 'bad_instance.g (instance assumptions)')!;
    expect(assumptions.status).toBe('not proved');
    expect(assumptions.problems[0]!.code).toBe('KSP111');
    const uses = reports.find((r) => r.name === 'bad_instance.uses_instance')!;
    expect(uses.status).not.toBe('proved');
    for (const r of reports) if (r.name.includes('square_positive')) expect(r.status).not.toBe('proved');
  });
});

describe("a bound def whose signature names the instance's own enum", () => {
  it('proves what holds and refutes what does not, with a counterexample, never a solver error', async () => {
    const reports = await verifyFile('test/fixtures/smt/instance_enum/inst3.kspec');
    const verdict = (name: string) => reports.find((r) => r.name === name)!;
    expect(verdict('inst3.boxes').status).toBe('proved');
    const wrong = verdict('inst3.only_full');
    expect(wrong.status).toBe('not proved');
    expect(wrong.problems.map((p) => p.code)).toEqual(['KSP100']);
    expect(wrong.problems[0]!.span.file).toMatch(/g\/gen3\.kspec$/);
    expect(wrong.problems[0]!.span.start.line).toBe(15);
    expect(wrong.problems[0]!.obligation?.status).toBe('sat');
    expect(wrong.problems[0]!.obligation?.counterexample).toBeDefined();
    expect(reports.every((r) => r.status !== 'error')).toBe(true);
  });
});
