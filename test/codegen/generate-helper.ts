// Generating a fixture's TypeScript in tests, with the runtime imported from the source tree.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFiles } from '../../src/check/index.js';
import { generateTypeScript, rootModule } from '../../src/codegen/index.js';
import type { Program } from '../../src/ir/index.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const RUNTIME = join(REPO, 'src/codegen/runtime.js');

export async function generate(spec: string, runtimeImport = RUNTIME): Promise<{ program: Program; code: string }> {
  const checked = checkFiles([join(REPO, spec)]);
  if (!checked.program) throw new Error(`${spec}: ${checked.diagnostics.map((d) => d.message).join('; ')}`);
  const result = await generateTypeScript(checked.program, rootModule(checked.program)!, { sourceFile: spec, version: '9.9.9', runtimeImport });
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return { program: checked.program, code: result.code };
}
