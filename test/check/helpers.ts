// Checks kspec text held in memory: each module `a.b` lives at /virtual/a/b.kspec.
import { checkFiles, type CheckResult } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { Expr, Program } from '../../src/ir/index.js';

export const ROOT = '/virtual';

export function moduleName(text: string): string {
  const m = /^\s*module\s+([A-Za-z_][\w.]*)/.exec(text);
  if (!m) throw new Error('test source without a module line');
  return m[1]!;
}

export function fileOf(text: string): string {
  return `${ROOT}/${moduleName(text).split('.').join('/')}.kspec`;
}

/** Checks the first source; the others are importable modules. */
export function checkSources(main: string, ...others: string[]): CheckResult {
  const files = new Map<string, string>();
  for (const t of [main, ...others]) files.set(fileOf(t), t);
  return checkFiles([fileOf(main)], { readFile: (p) => files.get(p) });
}

export function describe(d: Diagnostic): string {
  return `${d.code} ${d.span.start.line}:${d.span.start.column}-${d.span.end.line}:${d.span.end.column} ${d.message}`;
}

/** The program of a source that must check without any diagnostic. */
export function program(main: string, ...others: string[]): Program {
  const r = checkSources(main, ...others);
  if (r.diagnostics.length > 0 || !r.program) throw new Error(`unexpected diagnostics:\n${r.diagnostics.map(describe).join('\n')}`);
  return r.program;
}

export function errors(main: string, ...others: string[]): string[] {
  return checkSources(main, ...others).diagnostics.map(describe);
}

/** Every expression node inside a value (depth first). */
export function exprs(root: unknown): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v) || v instanceof Map) return;
    seen.add(v);
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Record<string, unknown>;
    if (typeof o['id'] === 'number' && 'level' in o && 'kind' in o) out.push(v as Expr);
    for (const [k, x] of Object.entries(o)) if (k !== 'span' && k !== 'type') walk(x);
  };
  walk(root);
  return out;
}
