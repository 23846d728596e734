// Evaluating IR expressions on concrete inputs by compiling them exactly as `kproof codegen` does
// (so the values are the generated model's) and running the result. Used to show the spec's and
// the exec function's outputs on a refinement counterexample. The only code run is code kproof
// generated from the IR, with every name renamed and every string escaped.
import ts from 'typescript';
import type { Binder, Expr, ModuleIR, Program } from '../ir/index.js';
import { ExprEmitter, type Scope } from './emit-expr.js';
import { generateModule } from './generate.js';
import { Plan } from './plan.js';
import * as runtime from './runtime.js';

export interface EvaluationInputs {
  /** a TypeScript literal for the constants object (`$Constants`) */
  readonly consts?: string;
  /** a TypeScript literal for the machine state */
  readonly state?: string;
  /** TypeScript literals for the free binders of the expressions */
  readonly locals: readonly { readonly binder: Binder; readonly value: string }[];
}

export type Evaluation = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

export function evaluateExprs(program: Program, root: ModuleIR, exprs: readonly Expr[], inputs: EvaluationInputs): Evaluation[] {
  const plan = new Plan(program, root);
  plan.settle();
  const emitter = new ExprEmitter(plan);
  const scope: Scope = { consts: '$c', state: '$s' };
  let thunks: string[];
  try {
    thunks = exprs.map((e) => `() => ${emitter.expr(e, scope)}`);
  } catch (e) {
    return exprs.map(() => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
  }
  const source = [
    generateModule(program, root, { sourceFile: '', version: '', runtimeImport: 'kproof/runtime' }),
    `const $c = ${inputs.consts ?? '{}'};`,
    `const $s = ${inputs.state ?? '{}'};`,
    ...inputs.locals.map((l) => `const ${emitter.binder(l.binder)} = ${l.value};`),
    `export const $results = [${thunks.join(', ')}];`,
  ].join('\n');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exports: { $results?: (() => unknown)[] } = {};
  const requireRuntime = (specifier: string): unknown => {
    if (specifier === 'kproof/runtime') return runtime;
    throw new Error(`unexpected import ${specifier}`);
  };
  try {
    new Function('require', 'exports', js)(requireRuntime, exports);
  } catch (e) {
    return exprs.map(() => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
  }
  return (exports.$results ?? []).map((thunk) => {
    try {
      return { ok: true, value: thunk() };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  });
}
