// One must-reject fixture file run through `verify` (see temporal-helpers.ts for its conventions):
// every `bad_*` is not proved with a failure on its `// fail:` line, every `ok_*` is proved.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectations, FIXTURES } from './temporal-helpers.js';
import { verifyFile, type FileVerdicts } from './temporal-run.js';

export function describeFixture(name: string): void {
  const file = join(FIXTURES, name);
  let run: FileVerdicts;

  beforeAll(async () => {
    run = await verifyFile(file);
  }, 120_000);

  describe(name, () => {
    for (const e of expectations(file)) {
      it(`${e.name} is ${e.kind === 'bad' ? 'rejected at its step' : 'proved'}`, () => {
        const v = run.theorems.get(e.name);
        expect(v, `no verdict for ${e.name}`).toBeDefined();
        if (e.kind === 'ok') {
          expect(v!.status, JSON.stringify(v!.problems)).toBe('proved');
          return;
        }
        expect(v!.status).not.toBe('proved');
        expect(e.line, `${e.name} has no // fail marker`).toBeDefined();
        expect(v!.problems.map((p) => p.line)).toContain(e.line);
      });
    }
  });
}
