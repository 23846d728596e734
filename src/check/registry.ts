// Records and enums by qualified name, across every module of a workspace: a type only carries
// its QName, and checking `e.f` or `match e` needs the declaration behind it.
import type { QName } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import type { EnumSymbol, RecordSymbol } from './symbols.js';

export class Registry {
  readonly records = new Map<QName, { readonly module: ModuleChecker; readonly sym: RecordSymbol }>();
  readonly enums = new Map<QName, { readonly module: ModuleChecker; readonly sym: EnumSymbol }>();
}
