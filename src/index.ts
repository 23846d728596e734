// The library API: every CLI verb is also a function.
export * from './diagnostics/index.js';
export * as ir from './ir/index.js';
export { parseModule, parseExpression, type ParseResult } from './syntax/index.js';
export { checkFiles, type CheckResult } from './check/index.js';
export { main } from './cli/index.js';
