// The typed IR (see types.ts) and the small helpers every back end needs to read it.
export * from './types.js';
export { BUILTIN_SYNTAX, BUILTIN_SIGNATURES, PARTIAL_BUILTINS } from './builtins.js';
export { BOOL, INT, STRING, typeEquals, typeToString, shortName, holdsCollection } from './type-utils.js';
export { exprChildren, freeBinders, someExpr } from './walk.js';
