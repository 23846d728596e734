// `kproof mc` end to end: verdicts, exit codes, the trace table, JSON, bounds and the HTML page.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/mc.js';
import { runInProcess } from '../helpers/cli-in-process.js';
import { fixture } from './helpers.js';

function mc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runInProcess([register], ['mc', ...args]);
}

describe('kproof mc', () => {
  it('exit 0 and statistics when nothing is violated', async () => {
    const r = await mc(fixture('two_phase.kspec'), '--model', 'rm3');
    expect(r.code).toBe(0);
    expect(r.out).toContain('no violation (all 288 reachable states explored)');
    expect(r.out).toContain('states generated 1,146, distinct 288, depth 11');
    expect(r.out).toMatch(/states\/s .* distinct\/s\), [\d.]+ s, memory/);
  });

  it('exit 1 with the trace as a table of changed variables', async () => {
    const r = await mc(fixture('counter.kspec'), '--model', 'three_reached');
    expect(r.code).toBe(1);
    expect(r.out).toContain('invariant not_three is violated');
    expect(r.out).toMatch(/step\s+action\s+n\n/);
    expect(r.out).toMatch(/ 1\s+jump\(k = 3\)\s+3/);
  });

  it('checks every model of the file when --model is not given', async () => {
    const r = await mc(fixture('mutex.kspec'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('model strong3 of StrongMutex: no violation');
    expect(r.out).toContain('model weak2 of WeakMutex: weak_no_starvation (P ~> Q) is violated');
  });

  it('prints a lasso for a liveness violation', async () => {
    const r = await mc(fixture('mutex.kspec'), '--model', 'weak2');
    expect(r.code).toBe(1);
    expect(r.out).toContain('then loops back to step 1 forever');
    expect(r.out).toContain('acquire(p = 2)');
  });

  it('bounded runs exit 0 but say so, in text and JSON', async () => {
    const text = await mc(fixture('two_phase.kspec'), '--model', 'rm3', '--max-states', '20');
    expect(text.code).toBe(0);
    expect(text.out).toContain('bounded, no violation within');
    expect(text.out).toContain('NOT a complete check');
    const json = await mc(fixture('two_phase.kspec'), '--model', 'rm3', '--max-depth', '2', '--json');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { ok: boolean; results: { bounded: boolean; status: string }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.results.map((r) => [r.status, r.bounded])).toEqual([['bounded', true]]);
  });

  it('JSON carries the violation and the trace', async () => {
    const r = await mc(fixture('partial.kspec'), '--model', 'divide', '--json');
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { ok: boolean; results: { violation: { kind: string; code: string; trace: unknown[] } }[] };
    expect(parsed.ok).toBe(false);
    const v = parsed.results[0]!.violation;
    expect(v.kind).toBe('error');
    expect(v.code).toBe('KSP207');
    expect(v.trace).toHaveLength(3);
  });

  it('exit 2 for malformed models, usage errors and missing files', async () => {
    const bad = await mc(fixture('malformed.kspec'), '--model', 'unbounded_init');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('KSP201');
    expect(bad.err).toContain('malformed.kspec:7:10');
    expect((await mc(fixture('counter.kspec'), '--max-states', 'lots')).code).toBe(2);
    expect((await mc(fixture('counter.kspec'))).code).toBe(2); // every model is checked; `zero` contradicts an assume
    expect((await mc('no/such/file.kspec')).code).toBe(2);
  });

  it('prints the ends of a very long lasso without overflowing the stack', async () => {
    const r = await mc(fixture('chain.kspec'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('often ([]<>P) is violated');
    expect(r.out).toContain('ok   reaches (liveness)');
    expect(r.out).toContain('ok   leads (liveness)');
    expect(r.out).toContain('steps omitted (see --json or --html for all)');
    expect(r.out).toMatch(/\*130000\s+inc\s+130000/);
    expect(r.out).toContain('then stutters forever in step 130000');
  });

  it('writes a self-contained HTML page with everything escaped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kproof-mc-'));
    const spec = path.join(dir, 'html.kspec');
    fs.writeFileSync(
      spec,
      `module html
machine M {
  var s: String
  init { s == "<b>&</b>" }
  action grow {
    require s.len() < 12
    s' = s ++ "<script>"
  }
}
theorem short: M |= [](s.len() < 12)
model m of M { check short }
`,
    );
    const page = path.join(dir, 'trace.html');
    const r = await mc(spec, '--html', page);
    expect(r.code).toBe(1);
    const html = fs.readFileSync(page, 'utf8');
    expect(html).toContain('&quot;&lt;b&gt;&amp;&lt;/b&gt;&quot;');
    expect(html).toContain('&lt;script&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('Step 1: grow');
    fs.rmSync(dir, { recursive: true });
  });
});
