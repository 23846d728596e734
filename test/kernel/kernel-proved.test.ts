// Only the kernel can make a `Proved`: the class is not exported as a value, its constructor is
// private and guarded by a symbol that never leaves src/kernel, `isProved` recognises only real
// judgements, and no module outside src/kernel reaches into the kernel's internals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as kernel from '../../src/kernel/index.js';
import { Proved } from '../../src/kernel/proved.js';
import { conclude, generalize } from '../../src/kernel/rules.js';

const ROOT = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('Proved cannot be forged', () => {
  it('is not a runtime export of the kernel, and neither is mint', () => {
    expect(Object.keys(kernel)).not.toContain('Proved');
    expect(Object.keys(kernel)).not.toContain('mint');
  });

  it('cannot be constructed without the kernel token', () => {
    const forge = Proved as unknown as new (...args: unknown[]) => unknown;
    expect(() => new forge(Symbol('kproof kernel'), { formula: {}, params: [] }, { oracles: [], rules: [], theorems: [], termination: [] })).toThrow(/only be made by the kernel/);
    // @ts-expect-error the constructor is private: TypeScript refuses this call
    expect(() => new Proved(undefined, undefined, undefined)).toThrow();
  });

  it('recognises only judgements the kernel made', () => {
    const lookalike = Object.create(Proved.prototype) as object;
    Object.assign(lookalike, { statement: { formula: {}, params: [] }, provenance: { oracles: [], rules: [], theorems: [], termination: [] } });
    expect(lookalike instanceof Proved).toBe(true);
    expect(kernel.isProved(lookalike)).toBe(false);
    expect(kernel.isProved({ statement: {}, provenance: {} })).toBe(false);
    expect(kernel.isProved(undefined)).toBe(false);
  });

  it('is refused by the rules when it is a look-alike', () => {
    const lookalike = Object.create(Proved.prototype) as Proved;
    const formula = { kind: 'bool', value: true, id: 1, level: 'constant', type: { kind: 'bool' }, span: { file: 'x', start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } } } as const;
    expect(() => generalize(lookalike, formula)).toThrow(/not made by the kernel/);
    expect(() => conclude({ name: 'x.t', formula, params: [] }, lookalike)).toThrow(/not made by the kernel/);
  });

  it('is reached from outside src/kernel only through src/kernel/index.ts', () => {
    const offenders: string[] = [];
    for (const f of files(join(ROOT, 'src'))) {
      const rel = relative(ROOT, f);
      if (rel.startsWith('src/kernel/')) continue;
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/from\s+'([^']*kernel\/[^']*)'/g)) {
        if (!/kernel\/index\.js$/.test(m[1]!)) offenders.push(`${rel}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
