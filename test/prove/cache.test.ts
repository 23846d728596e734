// The proof cache: reruns are fast, a changed spec is proved again, only `unsat` is stored, and
// an entry that does not match what it claims is never trusted.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles } from '../../src/check/index.js';
import { ProofCache, verifyProgram, planTheorem, type TheoremReport } from '../../src/prove/index.js';
import { closeSolvers, sharedSolver, specFile } from '../smt/helper.js';
import { runVerify } from './cli-helper.js';

afterAll(closeSolvers);

const GOOD = `module cached
machine M {
  var x: Int
  init { x == 0 }
  action up { x' = x + 1 }
  action down { require x > 0
    x' = x - 1 }
}
theorem nonneg: M |= [](x >= 0) proof by invariant
`;
const BAD = GOOD.replace('require x > 0\n', 'require x > -1\n');

async function run(source: string, cacheDir: string | undefined): Promise<{ reports: TheoremReport[]; file: string }> {
  const file = specFile(source);
  const program = checkFiles([file]).program!;
  const reports = await verifyProgram(program, { solver: sharedSolver('z3'), timeoutMs: 10_000, ...(cacheDir ? { cacheDir } : {}) });
  return { reports, file };
}

/** the obligation entries (not the records of whole runs, in runs/) */
function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((sub) => sub !== 'runs').flatMap((sub) => readdirSync(join(dir, sub)).map((f) => join(dir, sub, f)));
}

describe('proof cache', () => {
  it('answers a rerun from the cache, with the same verdicts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kproof-cache-'));
    const first = (await run(GOOD, dir)).reports[0]!;
    expect(first.status).toBe('proved');
    expect(first.obligations.every((o) => !o.cached)).toBe(true);
    expect(entries(dir)).toHaveLength(3);
    const second = (await run(GOOD, dir)).reports[0]!;
    expect(second.status).toBe('proved');
    expect(second.obligations.every((o) => o.cached)).toBe(true);
  });

  it('proves a changed obligation again and stores only unsat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kproof-cache-'));
    await run(GOOD, dir);
    const changed = (await run(BAD, dir)).reports[0]!;
    expect(changed.status).toBe('not proved');
    const byPremise = new Map(changed.obligations.map((o) => [o.obligation.origin.premise, o]));
    expect(byPremise.get('init')!.cached).toBe(true);
    expect(byPremise.get('consecution of up')!.cached).toBe(true);
    expect(byPremise.get('consecution of down')!.cached).toBe(false);
    expect(byPremise.get('consecution of down')!.status).toBe('sat');
    expect(entries(dir)).toHaveLength(3);
  });

  it('does not trust an entry that was edited, copied or corrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kproof-cache-'));
    await run(GOOD, dir);
    const program = checkFiles([specFile(BAD)]).program!;
    const failing = planTheorem(program, program.theorems.get('cached.nonneg')!).plan.obligations.find((o) => o.origin.premise === 'consecution of down')!;
    const solver = sharedSolver('z3');
    const cache = new ProofCache(dir, solver.name, solver.version);
    const key = cache.key(failing.smt);
    const target = join(dir, key.slice(0, 2), `${key}.json`);
    mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });

    // a valid entry of another obligation, copied under the failing obligation's name
    copyFileSync(entries(dir)[0]!, target);
    expect(cache.isProved(failing.smt)).toBe(false);
    expect((await run(BAD, dir)).reports[0]!.status).toBe('not proved');

    // an entry with the right key but the hash of other text
    const forged = JSON.parse(readFileSync(entries(dir)[0]!, 'utf8')) as Record<string, unknown>;
    writeFileSync(target, JSON.stringify({ ...forged, key }));
    expect(cache.isProved(failing.smt)).toBe(false);
    expect((await run(BAD, dir)).reports[0]!.status).toBe('not proved');

    // an entry made for another solver build
    writeFileSync(target, JSON.stringify({ ...forged, key, smtHash: failing.hash, version: 'Z3 version 0.0.1' }));
    expect(cache.isProved(failing.smt)).toBe(false);

    // garbage
    writeFileSync(target, '{"format":1,"key":');
    expect(cache.isProved(failing.smt)).toBe(false);
    expect((await run(BAD, dir)).reports[0]!.status).toBe('not proved');

    // sanity: an honest entry for that text is accepted (this is what the checks protect)
    writeFileSync(target, JSON.stringify({ ...forged, key, smtHash: failing.hash }));
    expect(cache.isProved(failing.smt)).toBe(true);
  });

  it('keys entries by solver name and version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kproof-cache-'));
    const a = new ProofCache(dir, 'z3-native', 'Z3 version 4.8.12 - 64 bit');
    const b = new ProofCache(dir, 'z3-wasm', 'z3-solver 5.2.0');
    a.recordProved('(assert false)\n');
    expect(a.isProved('(assert false)\n')).toBe(true);
    expect(b.isProved('(assert false)\n')).toBe(false);
    expect(a.isProved('(assert false) \n')).toBe(false);
  });

  it('the CLI caches in .kproof-cache/ of the working directory, and not at all with --no-cache', async () => {
    const file = specFile(GOOD);
    const off = mkdtempSync(join(tmpdir(), 'kproof-nocache-'));
    expect((await runVerify([file, '--no-cache', '--solver', 'z3'], off)).code).toBe(0);
    expect(existsSync(join(off, '.kproof-cache'))).toBe(false);
    const on = mkdtempSync(join(tmpdir(), 'kproof-withcache-'));
    expect((await runVerify([file, '--solver', 'z3'], on)).code).toBe(0);
    expect(entries(join(on, '.kproof-cache'))).toHaveLength(3);
    const again = await runVerify([file, '--solver', 'z3'], on);
    expect(again.out).toContain('3 obligations, 3 cached');
  });
});
