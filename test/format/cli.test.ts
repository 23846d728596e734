// `kproof fmt` end to end, in process: exit codes of --check, --write changing only what it must,
// keeping the file's mode and leaving no temporary files, and never touching a file that does not parse.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';

const FORMATTED = 'module t\n\nconst A: Int\nassume A > 0\n';
const UNFORMATTED = 'module t\nconst   A :Int\nassume A>0\n';
const BROKEN = 'module t\nconst A: Int =\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kproof-fmt-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code: 0 | 1 | 2 = 0;
  const ctx = {
    cwd,
    out: (text: string) => void (out += text),
    err: (text: string) => void (err += text),
    isTTY: false,
    color: false,
    exitWith: (c: 0 | 1 | 2) => {
      if (c > code) code = c;
    },
    code: () => code,
  };
  const exit = await main(argv, ctx);
  return { code: exit, out, err };
}

describe('kproof fmt --check', () => {
  it('exits 0 when every file is formatted', async () => {
    const dir = workspace({ 'a.kspec': FORMATTED });
    const result = await run(dir, 'fmt', '--check', 'a.kspec');
    expect(result.code).toBe(0);
    expect(result.out).toContain('ok: 1 file formatted');
  });

  it('exits 1 and names the file when one is not formatted, changing nothing', async () => {
    const dir = workspace({ 'a.kspec': FORMATTED, 'b.kspec': UNFORMATTED });
    const result = await run(dir, 'fmt', '--check', 'a.kspec', 'b.kspec');
    expect(result.code).toBe(1);
    expect(result.out).toContain('not formatted: b.kspec');
    expect(readFileSync(join(dir, 'b.kspec'), 'utf8')).toBe(UNFORMATTED);
  });

  it('exits 2 with the syntax error when a file does not parse', async () => {
    const dir = workspace({ 'bad.kspec': BROKEN });
    const result = await run(dir, 'fmt', '--check', 'bad.kspec');
    expect(result.code).toBe(2);
    expect(result.out + result.err).toContain('KSP010');
  });
});

describe('kproof fmt --write', () => {
  it('rewrites only unformatted files, keeps the mode, and leaves no temporary file', async () => {
    const dir = workspace({ 'a.kspec': FORMATTED, 'b.kspec': UNFORMATTED });
    chmodSync(join(dir, 'b.kspec'), 0o640);
    const before = statSync(join(dir, 'a.kspec')).mtimeMs;
    const result = await run(dir, 'fmt', '--write', 'a.kspec', 'b.kspec');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'b.kspec'), 'utf8')).toBe(FORMATTED);
    expect(statSync(join(dir, 'b.kspec')).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, 'a.kspec')).mtimeMs).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['a.kspec', 'b.kspec']);
    expect((await run(dir, 'fmt', '--check', 'a.kspec', 'b.kspec')).code).toBe(0);
  });

  it('leaves a file with a syntax error byte-identical and exits 2', async () => {
    const dir = workspace({ 'bad.kspec': BROKEN, 'b.kspec': UNFORMATTED });
    const result = await run(dir, 'fmt', '--write', 'bad.kspec', 'b.kspec');
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, 'bad.kspec'), 'utf8')).toBe(BROKEN);
    expect(readFileSync(join(dir, 'b.kspec'), 'utf8')).toBe(FORMATTED);
    expect(readdirSync(dir).sort()).toEqual(['b.kspec', 'bad.kspec']);
  });
});

describe('kproof fmt', () => {
  it('prints the formatted text and changes nothing', async () => {
    const dir = workspace({ 'b.kspec': UNFORMATTED });
    const result = await run(dir, 'fmt', 'b.kspec');
    expect(result.code).toBe(0);
    expect(result.out).toBe(FORMATTED);
    expect(readFileSync(join(dir, 'b.kspec'), 'utf8')).toBe(UNFORMATTED);
  });
});
