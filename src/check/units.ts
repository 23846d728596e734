// A module check is a sequence of units (the declarations' signatures, each def body, the
// recursion check, everything after the defs) that only ever append to the module's diagnostics
// and symbol table. Remembering where each unit's output lies lets a re-check after an edit copy
// the output of the units the edit did not touch instead of computing it again. That output
// shares its positions with the syntax tree, which the incremental parser moves in place when an
// edit moves a declaration, so it is right for the new text as it is; only the few positions the
// check computed itself (`DerivedPosition`) are brought up to date when copied.
import type { Position } from '../diagnostics/index.js';
import type { DefDecl, QName } from '../ir/index.js';
import type { ModuleChecker } from './module.js';

/** Lengths of a module's append-only outputs at one moment of its check. */
export interface Mark {
  readonly diags: number;
  readonly refs: number;
  readonly locals: number;
  readonly exprs: number;
  readonly derived: number;
}

/** A position a check computed: `columns` after `from`, on its line (such as a keyword's end). */
export interface DerivedPosition {
  readonly position: { offset: number; line: number; column: number };
  readonly from: Position;
  readonly columns: number;
}

/** What one unit of a check appended. */
export interface OutputRange {
  readonly from: Mark;
  readonly to: Mark;
}

export interface CheckedDef {
  readonly ir: DefDecl;
  readonly calls: Set<QName>;
  /** mentions a symbol bound by the instance being checked */
  readonly usesBound: boolean;
}

export interface CheckedDefUnit {
  readonly checked: CheckedDef;
  readonly output: OutputRange;
}

/** Where the output of each unit of a finished module check lies. */
export interface ModuleUnits {
  /** instances and every signature, after the declarations themselves */
  readonly signatures: OutputRange;
  /** every def (top-level and machine defs) in checking order */
  readonly defs: ReadonlyMap<QName, CheckedDefUnit>;
  readonly recursion: OutputRange;
  /** machines, assumes, theorems, models and the proof circularity check */
  readonly rest: OutputRange;
}

export function mark(mc: ModuleChecker): Mark {
  return { diags: mc.diags.list.length, refs: mc.symbols.refs.length, locals: mc.symbols.locals.length, exprs: mc.symbols.exprs.length, derived: mc.derived.length };
}

/** Runs one unit of a check, returning its result and where its output lies. */
export function unit<T>(mc: ModuleChecker, run: () => T): { result: T; output: OutputRange } {
  const from = mark(mc);
  const result = run();
  return { result, output: { from, to: mark(mc) } };
}

/** Appends to `to` what a unit of `from`'s check appended; returns where it lies in `to`. */
export function copyOutput(from: ModuleChecker, range: OutputRange, to: ModuleChecker): OutputRange {
  return unit(to, () => {
    appendSlice(to.diags.list, from.diags.list, range.from.diags, range.to.diags);
    appendSlice(to.symbols.refs, from.symbols.refs, range.from.refs, range.to.refs);
    appendSlice(to.symbols.locals, from.symbols.locals, range.from.locals, range.to.locals);
    appendSlice(to.symbols.exprs, from.symbols.exprs, range.from.exprs, range.to.exprs);
    appendSlice(to.derived, from.derived, range.from.derived, range.to.derived);
    for (let i = range.from.derived; i < range.to.derived; i++) refresh(from.derived[i]!);
  }).output;
}

/** A loop, not `push(...xs)`: a large module's tables exceed the argument limit of a call. */
function appendSlice<T>(target: T[], source: readonly T[], from: number, to: number): void {
  for (let i = from; i < to; i++) target.push(source[i]!);
}

/** Computes a derived position again from the position it was derived from, which may have moved. */
function refresh({ position, from, columns }: DerivedPosition): void {
  position.offset = from.offset + columns;
  position.line = from.line;
  position.column = from.column + columns;
}

/** A position `columns` after `from` on its line, remembered in `mc` so that a re-check can move it. */
export function derivedPosition(mc: ModuleChecker, from: Position, columns: number): Position {
  const position = { offset: from.offset + columns, line: from.line, column: from.column + columns };
  mc.derived.push({ position, from, columns });
  return position;
}
