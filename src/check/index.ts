// The checker: module loading, name resolution, type and level checking, and instance
// materialization, turning ASTs into the typed IR Program every back end consumes.
export { Workspace, checkFiles, type CheckOptions, type CheckResult } from './workspace.js';
export { lemmasDir } from './loader.js';
export type { ModuleSymbols, ScopeEntry, SymbolKind, SymbolRef, SymbolTarget, TypedSpan } from './symbol-table.js';
