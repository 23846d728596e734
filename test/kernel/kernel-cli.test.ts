// `kproof kernel`: the trusted code base and its size.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/kernel.js';
import type { CliContext } from '../../src/cli/context.js';

function run(args: readonly string[]): { out: string; code: number } {
  let out = '';
  let code = 0;
  const ctx: CliContext = { cwd: process.cwd(), out: (t) => (out += t), err: (t) => (out += t), isTTY: false, color: false, exitWith: (c) => (code = c) };
  const program = new Command().exitOverride();
  register(program, ctx);
  program.parse(['kernel', ...args], { from: 'user' });
  return { out, code };
}

describe('kproof kernel', () => {
  it('lists the kernel, the decision procedure and the SMT encoding with line counts', () => {
    const { out, code } = run([]);
    expect(code).toBe(0);
    for (const f of ['src/kernel/proved.ts', 'src/kernel/rules.ts', 'src/kernel/ptl/decide.ts', 'src/smt/encoder.ts', 'src/solver/staged.ts']) expect(out).toContain(f);
    expect(out).toMatch(/total: \d+ files, \d+ lines/);
    expect(out).toContain('src/kernel/check.ts');
  });

  it('gives the same figures as JSON', () => {
    const json = JSON.parse(run(['--json']).out) as { files: { path: string; lines: number; trusted: boolean }[]; trusted: { files: number; lines: number } };
    const trusted = json.files.filter((f) => f.trusted);
    expect(json.trusted.files).toBe(trusted.length);
    expect(json.trusted.lines).toBe(trusted.reduce((s, f) => s + f.lines, 0));
    expect(json.files.find((f) => f.path === 'src/kernel/check.ts')?.trusted).toBe(false);
  });
});
