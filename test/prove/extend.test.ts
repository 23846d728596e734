// End to end: a module proves and model-checks a machine declared in another module with defs that
// extend it (`extend M { def ... }`), through every justification that reads them, and the model
// checker evaluates them in a model of the machine.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { generateTypeScript, rootModule } from '../../src/codegen/index.js';
import { modelCheck } from '../../src/mc/index.js';
import { verify } from '../../src/prove/index.js';

const COUNTER = String.raw`module counter
const LIMIT: Int
assume LIMIT >= 0
machine Counter {
  var n: Int
  var done: Bool
  init { n == 0 && !done }
  action tick {
    require n < LIMIT
    n' = n + 1
  }
  action finish {
    require n == LIMIT && !done
    done' = true
  }
  fair weak tick
  fair weak finish
}
`;

const PROOFS = String.raw`module proofs
import counter as c

extend c.Counter {
  def inside: Bool = 0 <= n && n <= c.LIMIT
  def left: Int = c.LIMIT - n
  def counting(k: Int): Bool = inside && !done && left == k
  def finished: Bool = n == c.LIMIT && done
}

theorem bounded: c.Counter |= [](inside) proof by invariant
theorem stays: c.Counter |= [](inside ==> inside') proof by smt using bounded
theorem done_final: c.Counter |= [](done ==> n == c.LIMIT) proof by invariant using bounded
theorem steps_down: c.Counter |= forall k: Int :: counting(k) && k > 0 ~> counting(k - 1) proof by wf1(tick) using bounded, done_final
theorem finishes: c.Counter |= <>finished
proof {
  have step: forall j: Int :: (!done && left == j) ~> (counting(0) || (!done && left < j))
  proof {
    have eq: [](!done && left == j ==> counting(j)) by smt using bounded
    have lt: [](counting(j - 1) ==> !done && left < j) by smt
    have zero: [](counting(j) && !(j > 0) ==> counting(0)) by smt using bounded
    qed by ptl(steps_down, eq, lt, zero)
  }
  have count: !done ~> counting(0) by rank(left, step) using bounded
  have last: counting(0) ~> finished by wf1(finish) using bounded, done_final
  have ended: [](done ==> finished) by smt using done_final
  qed by ptl(count, last, ended)
}

model small of c.Counter {
  LIMIT = 3
  check bounded, finishes, inside
  check ends: <>[]finished
}
`;

function files(proofs: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kproof-extend-prove-'));
  writeFileSync(join(dir, 'counter.kspec'), COUNTER);
  const file = join(dir, 'proofs.kspec');
  writeFileSync(file, proofs);
  return file;
}

describe('extension defs, end to end', () => {
  it('prove theorems by invariant, smt (primed), wf1, rank and ptl', async () => {
    const result = await verify([files(PROOFS)], { cache: false, jobs: 2 });
    const own = result.theorems.filter((t) => t.name.startsWith('proofs.'));
    expect(own.map((t) => `${t.name} ${t.status}`)).toEqual(
      ['bounded', 'stays', 'done_final', 'steps_down', 'finishes'].map((n) => `proofs.${n} proved`),
    );
    expect(result.exitCode).toBe(0);
  });

  it('are evaluated by the model checker in a model of their machine', () => {
    const checked = checkFiles([files(PROOFS)]);
    expect(checked.diagnostics).toEqual([]);
    const outcome = modelCheck(checked.program!, 'small');
    expect(outcome.result?.status).toBe('ok');
    expect(outcome.result?.properties.map((p) => `${p.name} ${p.status}`)).toEqual(['bounded holds', 'finishes holds', 'inside holds', 'ends holds']);
  });

  it('give the model checker a counterexample when a property using them fails', () => {
    const checked = checkFiles([files(PROOFS.replace('check ends: <>[]finished', "check ends: [](counting(3) ==> counting(3)')"))]);
    const outcome = modelCheck(checked.program!, 'small');
    expect(outcome.result?.status).toBe('violation');
    expect(outcome.result?.violation?.kind).toBe('action');
  });

  it('are left out of generated code, which has no state type for a machine of another module', async () => {
    const checked = checkFiles([files(PROOFS)]);
    const root = rootModule(checked.program!, 'proofs')!;
    const generated = await generateTypeScript(checked.program!, root, { version: 'test', sourceFile: 'proofs.kspec' });
    expect(generated.ok).toBe(true);
    const code = generated.ok ? generated.code : '';
    expect(code).toContain('//   inside: it reads the state of counter.Counter, a machine of another module');
    expect(code).not.toContain('export function inside');
    expect(code).not.toContain('$State');
  });
});
