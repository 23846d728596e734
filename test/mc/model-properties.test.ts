// Properties stated in a model (`check p: F`): checked like a theorem with the same formula,
// reported under their own names, and invisible to `kproof verify` (they are not theorems).
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/mc.js';
import type { Violation } from '../../src/mc/index.js';
import { mcResults } from '../helpers/cli-async.js';
import { runInProcess } from '../helpers/cli-in-process.js';
import { runVerify } from '../prove/cli-helper.js';
import { fixture, run, steps } from './helpers.js';

const FILE = 'model_properties.kspec';

function lasso(v: Violation | undefined) {
  if (v?.kind !== 'liveness') throw new Error(`not a liveness violation: ${v?.kind}`);
  return { property: v.property, prefix: steps(v.prefix), cycle: steps(v.cycle) };
}

describe('a property stated in a model', () => {
  it('is checked next to the theorems the model names, in the order written', () => {
    const r = run(FILE, 'three');
    expect(r.status).toBe('ok');
    expect(r.properties).toEqual([
      { name: 'bounded', kind: 'invariant', status: 'holds' },
      { name: 'settles', kind: 'liveness', status: 'holds' },
      { name: 'reaches_three', kind: 'liveness', status: 'holds' },
    ]);
  });

  it('of the same name in another model is that model’s own claim: violated there, with a fair lasso', () => {
    const r = run(FILE, 'two');
    expect(r.status).toBe('violation');
    expect(r.properties.find((p) => p.name === 'below_three')?.status).toBe('holds');
    const l = lasso(r.violation);
    expect(l.property).toBe('reaches_three');
    expect(l.prefix.map(([, s]) => s['x'])).toEqual(['0', '1', '2']);
    expect(l.cycle).toEqual([]);
  });

  it('that is a state invariant gives the shortest trace under its name', () => {
    const v = run(FILE, 'small_invariant').violation;
    expect(v?.kind).toBe('invariant');
    if (v?.kind !== 'invariant') return;
    expect(v.property).toBe('below_two');
    expect(steps(v.trace).map(([, s]) => s['x'])).toEqual(['0', '1', '2']);
  });

  it('is reported by `kproof mc` under its name, as a checked theorem is', async () => {
    const out = await runInProcess([register], ['mc', '--json', '--model', 'two', fixture(FILE)]);
    expect(out.code).toBe(1);
    expect(mcResults(out.out).map((r) => r.violation)).toMatchObject([{ kind: 'liveness', property: 'reaches_three' }]);
    const text = await runInProcess([register], ['mc', '--model', 'three', fixture(FILE)]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/ok\s+reaches_three \(liveness\)/);
  });

  it('is no theorem: verify proves the file’s one theorem and exits 0', async () => {
    const out = await runVerify(['--json', '--no-cache', fixture(FILE)]);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.out) as { theorems: { name: string; status: string }[] };
    expect(json.theorems.map((t) => [t.name, t.status])).toEqual([['model_properties.bounded', 'proved']]);
  }, 60_000);
});
