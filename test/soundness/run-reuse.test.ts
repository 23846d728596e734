// Must reject: a remembered run never answers for a spec that is no longer the one it proved.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerify } from '../prove/cli-helper.js';

const LIB = `module lib
def step(x: Int): Int = x + 1
`;
const MAIN = `module main
import lib
machine M {
  var x: Int
  init { x == 0 }
  action up { x' = lib.step(x) }
}
theorem nonneg: M |= [](x >= 0) proof by invariant
`;

describe('a remembered run', () => {
  it('does not answer once the spec, or a module it imports, makes the theorem false', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kproof-reuse-'));
    writeFileSync(join(dir, 'lib.kspec'), LIB);
    writeFileSync(join(dir, 'main.kspec'), MAIN);
    expect((await runVerify([join(dir, 'main.kspec'), '--solver', 'z3'], dir)).code).toBe(0);
    expect((await runVerify([join(dir, 'main.kspec'), '--solver', 'z3'], dir)).out).toContain('reused');

    writeFileSync(join(dir, 'lib.kspec'), LIB.replace('x + 1', 'x - 1'));
    const imported = await runVerify([join(dir, 'main.kspec'), '--solver', 'z3'], dir);
    expect(imported.code).toBe(1);
    expect(imported.out).toContain('✗ main.nonneg  not proved');

    writeFileSync(join(dir, 'lib.kspec'), LIB);
    writeFileSync(join(dir, 'main.kspec'), MAIN.replace('x == 0', 'x == -1'));
    const own = await runVerify([join(dir, 'main.kspec'), '--solver', 'z3'], dir);
    expect(own.code).toBe(1);
    expect(own.out).not.toContain('reused');
  });
});
