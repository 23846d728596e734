// `kproof verify` end to end: verdicts, exit codes, locations, counterexamples, JSON.
import { describe, expect, it } from 'vitest';
import { runVerify } from './cli-helper.js';

const FIX = 'test/fixtures/smt';

describe('kproof verify', () => {
  it('exits 0 when every theorem is proved', async () => {
    const r = await runVerify([`${FIX}/all_proved.kspec`, '--no-cache', '--solver', 'z3']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const t of ['counts_positive', 'owned', 'keys_in_range', 'euclid']) expect(r.out).toContain(`✓ all_proved.${t}  proved`);
    expect(r.out).toMatch(/4 theorems: 4 proved, 0 not proved/);
  });

  it('exits 1 and shows where, what and a counterexample when an invariant is broken', async () => {
    const r = await runVerify([`${FIX}/broken_counter.kspec`, '--no-cache', '--solver', 'z3']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ broken_counter.bounded  not proved');
    // the location is the failing action or the justification, with a code frame
    expect(r.out).toMatch(new RegExp(`${FIX}/broken_counter\\.kspec:(17:3|24:10): error KSP100: consecution of jump`));
    expect(r.out).toMatch(/> (17 \|   action jump\(k: Int in 0\.\.LIMIT \+ 1\) \{|24 \| proof by invariant)/);
    expect(r.out).toContain('to show: action `jump` preserves the invariant');
    expect(r.out).toMatch(/counterexample:\n\s+constants: LIMIT = (\d+)\n\s+before: +n = \d+, done = (true|false)\n\s+step: +jump\(k = \d+\)\n\s+after: +n = \d+/);
    const limit = Number(/LIMIT = (\d+)/.exec(r.out)![1]);
    expect(Number(/jump\(k = (\d+)\)/.exec(r.out)![1])).toBe(limit + 1);
  });

  it('verifies the example spec; the exit code follows the verdicts', async () => {
    const r = await runVerify(['specs/examples/counter.kspec', '--no-cache', '--solver', 'z3']);
    expect(r.out).toContain('✓ examples.counter.bounded  proved');
    const notProved = (r.out.match(/^✗ /gm) ?? []).length;
    expect(r.code).toBe(notProved > 0 ? 1 : 0);
  });

  it('verifies only the theorems named by --only, and the theorems their proofs use', async () => {
    const broken = await runVerify([`${FIX}/broken_counter.kspec`, '--no-cache', '--solver', 'z3', '--only', 'broken_counter.bounded']);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^1 theorem: 0 proved, 1 not proved/m);
    const proved = await runVerify([`${FIX}/all_proved.kspec`, '--no-cache', '--solver', 'z3', '--only', 'owned, euclid']);
    expect(proved.code).toBe(0);
    expect(proved.out).toMatch(/^2 theorems: 2 proved, 0 not proved/m);
    const esr = await runVerify(['specs/examples/configmap_esr.kspec', '--solver', 'z3', '--only', 'converges', '--json']);
    const names = (JSON.parse(esr.out) as { theorems: { name: string }[] }).theorems.map((t) => t.name);
    expect(names).toContain('examples.configmap_esr.converges');
    expect(names).toContain('examples.configmap_controller.crs_filed');
    expect(names).not.toContain('examples.configmap_esr.esr');
    const unknown = await runVerify([`${FIX}/all_proved.kspec`, '--only', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.out + unknown.err).toContain('KSP301');
    expect(unknown.out + unknown.err).toContain('no theorem or lemma `nope`');
  }, 120_000);

  it('exits 2 on malformed input, missing files and bad options', async () => {
    const syntax = await runVerify([`${FIX}/syntax_error.kspec`, '--no-cache']);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toContain('syntax_error.kspec:3:');
    expect((await runVerify([`${FIX}/no_such_file.kspec`])).code).toBe(2);
    expect((await runVerify([`${FIX}/all_proved.kspec`, '--solver', 'cvc5'])).code).toBe(2);
    expect((await runVerify([`${FIX}/all_proved.kspec`, '--timeout', 'soon'])).code).toBe(2);
    expect((await runVerify([`${FIX}/all_proved.kspec`, '--jobs', '0'])).code).toBe(2);
  });

  it('prints one JSON document with --json', async () => {
    const r = await runVerify([`${FIX}/broken_counter.kspec`, '--no-cache', '--solver', 'z3', '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as { ok: boolean; solver: { name: string }; theorems: { name: string; status: string; problems: { line: number; counterexample?: { action?: string } }[] }[] };
    expect(json.ok).toBe(false);
    expect(json.solver.name).toBe('z3-native');
    expect(json.theorems[0]!.status).toBe('not proved');
    expect([17, 24]).toContain(json.theorems[0]!.problems[0]!.line);
    expect(json.theorems[0]!.problems[0]!.counterexample!.action).toMatch(/^jump\(k = \d+\)$/);
  });

  it('draws a progress bar on a terminal, and never with --json', async () => {
    const tty = await runVerify([`${FIX}/all_proved.kspec`, '--no-cache', '--solver', 'z3'], process.cwd(), true);
    expect(tty.code).toBe(0);
    expect(tty.err).toMatch(/\[#+\.*\] \d+\/\d+ obligations/);
    const last = [...tty.err.matchAll(/(\d+)\/(\d+) obligations/g)].pop()!;
    expect(last[1]).toBe(last[2]);
    const json = await runVerify([`${FIX}/all_proved.kspec`, '--no-cache', '--solver', 'z3', '--json'], process.cwd(), true);
    expect(json.err).toBe('');
    expect(JSON.parse(json.out).ok).toBe(true);
  });

  it('gives the same verdicts with the WASM solver', async () => {
    const ok = await runVerify([`${FIX}/all_proved.kspec`, '--no-cache', '--solver', 'wasm', '--jobs', '2']);
    expect(ok.code).toBe(0);
    const bad = await runVerify([`${FIX}/broken_counter.kspec`, '--no-cache', '--solver', 'wasm', '--jobs', '1']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/jump\(k = \d+\)/);
  });
});
