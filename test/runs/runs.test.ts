// Remembered runs: an unchanged `kproof verify` is answered from its record, with the same report;
// anything a verdict depends on (a file, a place an import was looked for, the command, the solver)
// makes it run again.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '../../src/prove/index.js';
import { FileLog, lookupRun, recordRun, type RunRequest } from '../../src/runs/index.js';
import { solverIdentity } from '../../src/solver/index.js';
import { runVerify } from '../prove/cli-helper.js';

const COUNTER = `module counter
import temporal
machine M {
  var x: Int
  init { x == 0 }
  action up { x' = x + 1 }
}
theorem nonneg: M |= [](x >= 0) proof by invariant
`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kproof-runs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const solver = solverIdentity('z3')!;

function request(dir: string, extra: Partial<RunRequest> = {}): RunRequest {
  return { files: ['counter.kspec'], cwd: dir, solver, ...extra };
}

async function recorded(dir: string, req = request(dir)): Promise<void> {
  const log = new FileLog();
  const result = await verify(req.files.map((f) => join(dir, f)), { cwd: dir, solver: 'z3', readFile: log.readFile });
  recordRun(join(dir, '.kproof-cache'), req, log, result);
}

describe('remembered verify runs', () => {
  it('answer an unchanged run with the same theorems, every obligation cached', async () => {
    const dir = project({ 'counter.kspec': COUNTER });
    await recorded(dir);
    const hit = lookupRun(join(dir, '.kproof-cache'), request(dir));
    expect(hit?.reused).toBe(true);
    expect(hit?.exitCode).toBe(0);
    expect(hit?.theorems.map((t) => [t.name, t.status])).toEqual([['counter.nonneg', 'proved']]);
    expect(hit?.theorems[0]!.obligations.length).toBeGreaterThan(0);
    expect(hit?.theorems[0]!.obligations.every((o) => o.cached && o.status === 'unsat')).toBe(true);
    // the record keeps what a report shows, not the SMT texts
    const [entry] = readdirSync(join(dir, '.kproof-cache', 'runs'));
    expect(readFileSync(join(dir, '.kproof-cache', 'runs', entry!), 'utf8')).not.toContain('(assert');
  });

  it('run again when a file read changes, or a module appears where an import was looked for', async () => {
    const dir = project({ 'counter.kspec': COUNTER });
    const cacheDir = join(dir, '.kproof-cache');
    await recorded(dir);
    writeFileSync(join(dir, 'counter.kspec'), `${COUNTER}// a comment changes the text\n`);
    expect(lookupRun(cacheDir, request(dir))).toBeUndefined();
    writeFileSync(join(dir, 'counter.kspec'), COUNTER);
    expect(lookupRun(cacheDir, request(dir))).toBeDefined();
    // `import temporal` now finds this file before kproof's own lemmas
    writeFileSync(join(dir, 'temporal.kspec'), 'module temporal\n');
    expect(lookupRun(cacheDir, request(dir))).toBeUndefined();
  });

  it('run again for another command or another solver', async () => {
    const dir = project({ 'counter.kspec': COUNTER });
    const cacheDir = join(dir, '.kproof-cache');
    await recorded(dir);
    expect(lookupRun(cacheDir, request(dir, { only: ['nonneg'] }))).toBeUndefined();
    expect(lookupRun(cacheDir, request(dir, { include: [dir] }))).toBeUndefined();
    expect(lookupRun(cacheDir, request(dir, { solver: { name: solver.name, version: 'Z3 version 0.0.1' } }))).toBeUndefined();
    expect(lookupRun(cacheDir, request(dir, { solver: solverIdentity('wasm')! }))).toBeUndefined();
  });

  it('never store a run with a theorem not proved', async () => {
    const dir = project({ 'counter.kspec': COUNTER.replace("x' = x + 1", "x' = x - 1") });
    await recorded(dir);
    expect(existsSync(join(dir, '.kproof-cache', 'runs'))).toBe(false);
  });

  it('ignore a record that is corrupt or claims what a stored run cannot', async () => {
    const dir = project({ 'counter.kspec': COUNTER });
    const cacheDir = join(dir, '.kproof-cache');
    await recorded(dir);
    const [name] = readdirSync(join(cacheDir, 'runs'));
    const file = join(cacheDir, 'runs', name!);
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { theorems: { status: string }[]; key: string };
    writeFileSync(file, JSON.stringify({ ...entry, theorems: entry.theorems.map((t) => ({ ...t, status: 'not proved' })) }));
    expect(lookupRun(cacheDir, request(dir))).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...entry, key: '0'.repeat(64) }));
    expect(lookupRun(cacheDir, request(dir))).toBeUndefined();
    writeFileSync(file, '{"format":1,');
    expect(lookupRun(cacheDir, request(dir))).toBeUndefined();
  });

  it('the CLI says a run was reused, in text and JSON, and --no-cache neither reads nor writes records', async () => {
    const dir = project({ 'counter.kspec': COUNTER });
    const first = await runVerify([join(dir, 'counter.kspec'), '--solver', 'z3'], dir);
    expect(first.code).toBe(0);
    expect(first.out).not.toContain('reused');
    const second = await runVerify([join(dir, 'counter.kspec'), '--solver', 'z3'], dir);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/✓ counter\.nonneg {2}proved \(\d+ obligations, \d+ cached, 0 ms\)/);
    expect(second.out).toContain('its verdicts, reused');
    const json = JSON.parse((await runVerify([join(dir, 'counter.kspec'), '--solver', 'z3', '--json'], dir)).out) as { ok: boolean; reused: boolean; theorems: { status: string }[] };
    expect(json).toMatchObject({ ok: true, reused: true, theorems: [{ status: 'proved' }] });
    const off = project({ 'counter.kspec': COUNTER });
    await runVerify([join(off, 'counter.kspec'), '--solver', 'z3', '--no-cache'], off);
    expect((await runVerify([join(off, 'counter.kspec'), '--solver', 'z3', '--no-cache'], off)).out).not.toContain('reused');
    expect(existsSync(join(off, '.kproof-cache'))).toBe(false);
  });
});
