// Local scopes (binders, proof steps) and the context an expression is checked in.
import type * as I from '../ir/index.js';
import type { Span } from '../diagnostics/index.js';
import type { MachineInfo } from './symbols.js';

export interface Local {
  readonly name: string;
  readonly binder: I.Binder;
  readonly next?: Local;
}

export function bind(locals: Local | undefined, binder: I.Binder): Local {
  return { name: binder.name, binder, ...(locals ? { next: locals } : {}) };
}

export function lookupLocal(locals: Local | undefined, name: string): I.Binder | undefined {
  for (let l = locals; l; l = l.next) if (l.name === name) return l.binder;
  return undefined;
}

export function localNames(locals: Local | undefined): string[] {
  const out: string[] = [];
  for (let l = locals; l; l = l.next) out.push(l.name);
  return out;
}

export interface Ctx {
  readonly locals?: Local;
  /** the machine whose variables and defs are in scope */
  readonly machine?: MachineInfo;
  /** the machine's actions may be used as formulas and in enabled/WF/SF */
  readonly actions: boolean;
  /** the highest level an expression may have here */
  readonly maxLevel: I.Level;
  /** how the context reads in a message: "an `init` block" */
  readonly where: string;
  /** proof steps in scope (for facts), with where each is declared */
  readonly steps?: ReadonlyMap<string, Span>;
}

export function withLocal(ctx: Ctx, binder: I.Binder): Ctx {
  return { ...ctx, locals: bind(ctx.locals, binder) };
}
