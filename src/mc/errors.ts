// Evaluation errors: a partial operation outside its domain, or something the model checker cannot
// evaluate. Thrown inside compiled closures (they are rare, so the hot path pays nothing for them)
// and caught by the explorer, which turns them into a reported error with the trace that reached it.
import type { Span } from '../diagnostics/index.js';
import type { McCode } from '../diagnostics/codes/mc.js';

export class EvalError extends Error {
  constructor(
    readonly code: McCode,
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** Raised while compiling a model: the spec uses something the model checker cannot run. */
export class CompileError extends Error {
  constructor(
    readonly code: McCode,
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}
