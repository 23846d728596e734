// Printing diagnostics the same way from every verb: code frames for people, JSON for machines.
import { renderDiagnostics, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { CliContext } from './context.js';

export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly notes: readonly { readonly message: string; readonly file: string; readonly line: number; readonly column: number }[];
}

export function diagnosticToJson(d: Diagnostic): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.span.file,
    line: d.span.start.line,
    column: d.span.start.column,
    endLine: d.span.end.line,
    endColumn: d.span.end.column,
    notes: (d.notes ?? []).map((n) => ({ message: n.message, file: n.span.file, line: n.span.start.line, column: n.span.start.column })),
  };
}

export function printDiagnostics(ctx: CliContext, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): void {
  if (diagnostics.length === 0) return;
  ctx.err(`${renderDiagnostics(sortDiagnostics(diagnostics), { sources, color: ctx.color })}\n`);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
