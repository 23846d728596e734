// A model's constants must satisfy the `assume`s that speak of them (as TLC checks ASSUME):
// exploring a model that contradicts its own assumptions would check nothing the proofs rely on.
import type { Diagnostic } from '../diagnostics/index.js';
import { error } from '../diagnostics/index.js';
import type { Program } from '../ir/index.js';
import type { ExprCompiler } from './compile-expr.js';
import { CompileError, EvalError } from './errors.js';

export function checkAssumptions(program: Program, compiler: ExprCompiler): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const module of program.modules) {
    for (const assume of module.assumes) {
      if (assume.expr.level !== 'constant') continue;
      let holds: boolean;
      try {
        holds = compiler.compile(assume.expr)(compiler.newEnv()) === true;
      } catch (err) {
        // An assumption this model cannot evaluate (about constants it does not bind, or abstract
        // defs of a generic module) is not about this model.
        if (err instanceof CompileError) continue;
        if (err instanceof EvalError) {
          out.push(error(err.code, `cannot evaluate this assumption with the model's constants: ${err.message}`, assume.span));
          continue;
        }
        throw err;
      }
      if (!holds) out.push(error('KSP211', `the model's constants violate this assumption${assume.name ? ` (${assume.name})` : ''}`, assume.span));
    }
  }
  return out;
}
