import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('kproof check', () => {
  it('checks the examples clean (exit 0)', () => {
    const run = runCli(['check', 'specs/examples/counter.kspec', 'specs/examples/mutex.kspec', 'specs/examples/two_phase.kspec']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ok: 3 files checked/);
    expect(run.status).toBe(0);
  });

  it('searches directories', () => {
    const run = runCli(['check', 'specs/examples']);
    expect(run.status).toBe(0);
  });

  it('reports an unknown name at its exact place with a code frame, exit 2', () => {
    const run = runCli(['check', 'test/fixtures/cli/bad.kspec']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('test/fixtures/cli/bad.kspec:7:10: error KSP020');
    expect(run.stderr).toContain("n' = m + 1");
    expect(run.stderr).toMatch(/\|\s+\^\n/);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // never a stack trace
  });

  it('prints diagnostics as JSON with --json', () => {
    const run = runCli(['check', '--json', 'test/fixtures/cli/bad.kspec']);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { ok: boolean; diagnostics: { code: string; line: number; column: number; endColumn: number }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'KSP020', line: 7, column: 10, endColumn: 11 }));
  });

  it('reports a missing file as KSP300, exit 2', () => {
    const run = runCli(['check', 'no/such/file.kspec']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('KSP300');
  });

  it('treats misuse as exit 2', () => {
    expect(runCli(['check']).status).toBe(2);
    expect(runCli(['no-such-command']).status).toBe(2);
    expect(runCli(['check', '--no-such-flag', 'x.kspec']).status).toBe(2);
  });

  it('has --help with examples and --version', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('check');
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('never prints a stack trace on garbage input', () => {
    const run = runCli(['check', 'package.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/KSP0\d\d/);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
