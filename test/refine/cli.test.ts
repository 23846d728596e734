// `kproof codegen` and `kproof refine` on the command line (in-process): output, --json, exit codes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runKproof as run } from './cli-runner.js';

describe('kproof codegen / refine CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kproof-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('codegen -o writes <module>.ts and exits 0', async () => {
    const r = await run(['codegen', 'specs/examples/counter.kspec', '-o', dir]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'examples.counter.ts'), 'utf8')).toContain('export function Counter$tick$next(');
  });

  it('codegen of a malformed spec exits 2 with a located diagnostic', async () => {
    const bad = join(dir, 'bad.kspec');
    writeFileSync(bad, 'module bad\n\ndef f(x: Int): Int = y\n');
    const r = await run(['codegen', bad, '--json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { ok: boolean; diagnostics: { code: string; line: number }[] };
    expect(json.ok).toBe(false);
    expect(json.diagnostics[0]).toMatchObject({ code: 'KSP020', line: 3 });
  });

  it('refine of the counter exec code: every action refines, exit 0', async () => {
    const r = await run(['refine', 'specs/examples/exec/counter.ts', '--spec', 'specs/examples/counter.kspec', '--no-cache']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ tick refines examples.counter.Counter.tick');
    expect(r.out).toContain('3 functions: 3 refine, 0 do not');
  });

  it('refine --json of a mutant: exit 1, the counterexample, and --emit-test writes the test', async () => {
    const mutant = join(dir, 'counter.ts');
    writeFileSync(mutant, readFileSync(join(REPO, 'specs/examples/exec/counter.ts'), 'utf8').replace('if (s.n >= c.LIMIT)', 'if (s.n > c.LIMIT)'));
    const testFile = join(dir, 'cex.test.ts');
    const r = await run(['refine', mutant, '--spec', 'specs/examples/counter.kspec', '--json', '--no-cache', '--emit-test', testFile]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { ok: boolean; functions: { function: string; status: string; line: number; counterexample?: { spec: string; exec: string } }[] };
    expect(json.ok).toBe(false);
    const tick = json.functions.find((f) => f.function === 'tick')!;
    expect(tick).toMatchObject({ status: 'differs', line: 7, counterexample: { spec: 'undefined' } });
    expect(json.functions.filter((f) => f.status === 'refines').map((f) => f.function).sort()).toEqual(['finish', 'jump']);
    expect(existsSync(testFile)).toBe(true);
    expect(readFileSync(testFile, 'utf8')).toContain("import { tick } from \"./counter.js\";");
  });

  it('refine of code outside the subset exits 2 with file:line:col', async () => {
    const r = await run(['refine', 'test/refine/fixtures/refine/rejected.ts', '--spec', 'test/refine/fixtures/refine/shapes.kspec', '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('test/refine/fixtures/refine/rejected.ts:9:3: error KSP261');
  });

  it('refine uses the cache (in the working directory) on a second run', async () => {
    const args = ['refine', join(REPO, 'specs/examples/exec/mutex.ts'), '--spec', join(REPO, 'specs/examples/mutex.kspec'), '--json'];
    const first = JSON.parse((await run(args, dir)).out) as { ok: boolean; functions: { cached: boolean }[] };
    expect(first.ok).toBe(true);
    expect(first.functions.some((f) => f.cached)).toBe(false);
    expect(existsSync(join(dir, '.kproof-cache'))).toBe(true);
    const again = JSON.parse((await run(args, dir)).out) as { functions: { cached: boolean }[] };
    expect(again.functions.every((f) => f.cached)).toBe(true);
  });
});
