// Must-reject proofs that never reach the kernel: the checker refuses them (exit code 2, an
// error on the marked line), so nothing about them can be reported as proved.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectations, FIXTURES } from './temporal-helpers.js';
import { verifyFile } from './temporal-run.js';

describe.each(['malformed_circular.kspec', 'malformed_have_order.kspec', 'malformed_other_machine.kspec'])('%s', (name) => {
  const file = join(FIXTURES, name);
  it('is refused with an error at each marked line', async () => {
    const run = await verifyFile(file);
    expect(run.exitCode).toBe(2);
    expect(run.theorems.size).toBe(0);
    for (const e of expectations(file)) {
      expect(e.kind).toBe('bad');
      expect(run.errorLines, e.name).toContain(e.line);
    }
  });
});
