// Must-reject: defs that extend a machine declared in another module (`extend M { def ... }`) read
// that machine's variables in the state they are evaluated in: the next one when primed, the
// current one otherwise. A false theorem must stay unproved however they are used; and one used
// about another machine (even one with variables of the same names) is an error, never a silent
// read of the other machine's variables.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { verifyProgram, type TheoremReport } from '../../src/prove/index.js';
import { closeSolvers, mismatches, sharedSolver } from '../smt/helper.js';

afterAll(closeSolvers);

const MACHINES = String.raw`module machines
// x counts up from 0; reset sends it back to 0 from 5 on.
machine Up {
  var x: Int
  init { x == 0 }
  action inc { x' = x + 1 }
  action reset {
    require x >= 5
    x' = 0
  }
  fair weak inc
}
// a machine with a variable of the same name, counting down from 10
machine Down {
  var x: Int
  init { x == 10 }
  action dec { x' = x - 1 }
  fair weak dec
}
`;

const EXTENSION = String.raw`module ext
import machines as m
extend m.Up {
  def at(k: Int): Bool = x == k
  def nonneg: Bool = x >= 0
  def small: Bool = x <= 5
  def at_four: Bool = at(4)
}

theorem ok_nonneg: m.Up |= [](nonneg) proof by invariant
theorem bad_small: m.Up |= [](small) proof by invariant
theorem bad_small_smt: m.Up |= [](small) proof by smt using ok_nonneg

// primed: the next state
theorem ok_prime_next: m.Up |= [](at(3) && inc ==> at(4)') proof by smt
theorem bad_prime_now: m.Up |= [](at(3) && inc ==> at(3)') proof by smt
theorem bad_unprimed_now: m.Up |= [](at(3) && inc ==> at(4)) proof by smt
theorem ok_prime_through_call: m.Up |= [](at(3) && inc ==> at_four') proof by smt
theorem bad_prime_through_call: m.Up |= [](at(4) && inc ==> at_four') proof by smt
theorem ok_prime_any_step: m.Up |= [](nonneg ==> nonneg') proof by smt using ok_nonneg
theorem bad_prime_any_step: m.Up |= [](small ==> small') proof by smt using ok_nonneg

// progress
theorem ok_wf1: m.Up |= at(2) ~> at(3) proof by wf1(inc)
theorem bad_wf1_back: m.Up |= at(3) ~> at(2) proof by wf1(inc)
theorem bad_wf1_reset: m.Up |= at(5) ~> at(0) proof by wf1(reset)
`;

function write(dir: string, name: string, text: string): string {
  const file = join(dir, `${name}.kspec`);
  writeFileSync(file, text);
  return file;
}

async function prove(extension: string): Promise<Map<string, TheoremReport>> {
  const dir = mkdtempSync(join(tmpdir(), 'kproof-extend-'));
  write(dir, 'machines', MACHINES);
  const checked = checkFiles([write(dir, 'ext', extension)]);
  if (!checked.program) throw new Error(checked.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  const reports = await verifyProgram(checked.program, { solver: sharedSolver('z3'), timeoutMs: 10_000 });
  return new Map(reports.filter((r) => r.name.startsWith('ext.')).map((r) => [r.name.slice('ext.'.length), r]));
}

function errorsOf(extension: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kproof-extend-'));
  write(dir, 'machines', MACHINES);
  const checked = checkFiles([write(dir, 'ext', extension)]);
  expect(checked.program).toBeUndefined();
  return checked.diagnostics.map((d) => d.code);
}

describe('extension defs in proofs', () => {
  it('read the state they are evaluated in: ok_ proved, bad_ not', async () => {
    const reports = await prove(EXTENSION);
    expect(reports.size).toBe(13);
    expect(mismatches(reports)).toEqual([]);
  });

  it('are an error about another machine with a variable of the same name, not a read of it', () => {
    const head = 'module ext\nimport machines as m\nextend m.Up {\n  def big: Bool = x >= 10\n}\n';
    // about Down, `big` would hold initially and `x >= 10` is not inductive there either way
    expect(errorsOf(`${head}theorem bad_other: m.Down |= big proof by smt\n`)).toEqual(['KSP068']);
    expect(errorsOf(`${head}theorem bad_other: m.Down |= [](x <= 10) proof {\n  have s: [](big ==> x >= 10) by smt\n  qed by ptl(s)\n}\n`)).toEqual(['KSP068']);
    expect(errorsOf(`${head}model d of m.Down {\n  check p: [](big)\n}\n`)).toEqual(['KSP068']);
    expect(errorsOf(`${head}model d of m.Down {\n  check big\n}\n`)).toEqual(['KSP034']);
  });

  it('are an error where there is no state: a plain def, an assume, a theorem about no machine', () => {
    const head = 'module ext\nimport machines as m\nextend m.Up {\n  def big: Bool = x >= 10\n}\n';
    expect(errorsOf(`${head}def always_big: Bool = big\ntheorem bad_plain: always_big proof by smt\n`)).toEqual(['KSP068']);
    expect(errorsOf(`${head}assume big\n`)).toEqual(['KSP068']);
    expect(errorsOf(`${head}theorem bad_none: []big ==> big proof by ptl()\n`)).toEqual(['KSP068', 'KSP068']);
  });
});
