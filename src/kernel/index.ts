// The kernel: the only code that can say "proved". Judgements (`Proved`) are made only by the
// primitive rules in rules.ts, from first-order obligations the kernel writes itself and decides
// with the solver it is given, and from propositional temporal skeletons decided by ./ptl; and an
// instance's copy of a proved generic theorem by instances.ts.
// `mint` is deliberately not exported: nothing outside src/kernel can make a judgement.
export { isProved, type Proved, type Statement, type Provenance, type Oracle } from './proved.js';
export { checkProgram, ProofChecker, type TheoremVerdict, type TheoremStatus, type KernelOptions } from './check.js';
export type { Failure } from './rules.js';
export type { ObligationRecord, ObligationCache, ModelReading, SolverAccess } from './smt.js';
export { Abstraction, type AtomInfo } from './abstract.js';
export { printExpr } from './print.js';
export { canonicalKey } from './terms.js';
export { trustedCodeBase, type TrustedFile } from './trusted.js';
