// ∀-introduction at the theorem level (steps naming the theorem's own forall variable): test/fixtures/kernel/forall_steps.kspec.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectations, FIXTURES } from './temporal-helpers.js';
import { verifyFile, type FileVerdicts } from './temporal-run.js';

const file = join(FIXTURES, 'forall_steps.kspec');
let run: FileVerdicts;

beforeAll(async () => {
  run = await verifyFile(file);
}, 120_000);

describe('forall_steps.kspec', () => {
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
