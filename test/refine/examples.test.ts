// The exec examples (specs/examples/exec) refine their specs, and the generated files they import
// their types from are what `kproof codegen` produces today (so they cannot rot).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { generateTypeScript, kproofVersion, rootModule } from '../../src/codegen/index.js';
import { refine } from '../../src/refine/index.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = ['counter', 'mutex', 'two_phase'];

describe('exec examples', () => {
  it.each(EXAMPLES)('%s: every tagged function refines its spec', async (name) => {
    const result = await refine(join(REPO, 'specs/examples/exec', `${name}.ts`), [join(REPO, 'specs/examples', `${name}.kspec`)], { cache: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.reports.length).toBeGreaterThanOrEqual(3);
  });

  it.each(EXAMPLES)('%s: the generated types are up to date', async (name) => {
    const spec = `specs/examples/${name}.kspec`;
    const program = checkFiles([join(REPO, spec)]).program!;
    const generated = await generateTypeScript(program, rootModule(program)!, { sourceFile: spec, version: kproofVersion() });
    expect(generated.ok && generated.code).toBe(readFileSync(join(REPO, `specs/examples/exec/generated/examples.${name}.ts`), 'utf8'));
  });
});
