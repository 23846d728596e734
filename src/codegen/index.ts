// `kproof codegen`: TypeScript types and an executable model for a spec module. The runtime the
// generated code imports is `./runtime.ts`, published as `kproof/runtime`.
import { createRequire } from 'node:module';
import { format } from 'prettier';
import { error, type Diagnostic } from '../diagnostics/index.js';
import type { ModuleIR, Program } from '../ir/index.js';
import { generateModule, type GenerateOptions } from './generate.js';

export type { GenerateOptions } from './generate.js';
export { Plan } from './plan.js';
export { safeIdent, propKey, stringLit } from './names.js';
export { isTaggedOption } from './emit-expr.js';
export { evaluateExprs, type EvaluationInputs, type Evaluation } from './evaluate.js';

export type CodegenResult = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** the module named `name`, or the program's first root module */
export function rootModule(program: Program, name?: string): ModuleIR | undefined {
  const wanted = name ?? program.roots[0];
  return program.modules.find((m) => m.name === wanted);
}

/** Generates and formats (prettier, TypeScript parser) the file for module `root`. */
export async function generateTypeScript(program: Program, root: ModuleIR, options: GenerateOptions): Promise<CodegenResult> {
  const raw = generateModule(program, root, options);
  try {
    return { ok: true, code: await format(raw, { parser: 'typescript', printWidth: 110 }) };
  } catch (e) {
    const span = { file: root.file, start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
    return { ok: false, diagnostics: [error('KSP251', `the generated code does not parse: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, span)] };
  }
}

const require = createRequire(import.meta.url);

/** kproof's version, for headers of generated files */
export function kproofVersion(): string {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'kproof' && pkg.version) return pkg.version;
    } catch {
      // the other layout (src/ under vitest, dist/src/ when built)
    }
  }
  return '0.0.0';
}
