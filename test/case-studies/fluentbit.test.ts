// The FluentBit case study (specs/fluentbit): the controller type-checks and its models have no
// violation of ESR (assuming the user-written configuration Secret exists), under crashes and
// transient failures, with the Secret created before or after the FluentBit resource.
import { describe, expect, it } from 'vitest';
import { mcResults, runCli } from '../helpers/cli-async.js';

const CONTROLLER = 'specs/fluentbit/fluentbit.kspec';

describe('the FluentBit controller', () => {
  it('type-checks', async () => {
    const run = await runCli(['check', CONTROLLER]);
    expect(run.stdout).toContain('ok');
    expect(run.status).toBe(0);
  }, 60_000);

  it('model-checks clean, ESR included', async () => {
    const run = await runCli(['mc', '--json', CONTROLLER]);
    const results = mcResults(run.stdout);
    expect(results.map((r) => [r.model, r.status, r.bounded])).toEqual([
      ['faults', 'ok', false],
      ['two_writes', 'ok', false],
    ]);
    for (const r of results) expect(r.properties.map((p) => [p.name, p.kind, p.status])).toEqual([['esr_holds', 'liveness', 'holds']]);
    expect(run.status).toBe(0);
  }, 120_000);
});
