// Errors are values: every stage returns diagnostics instead of throwing, and each carries a
// stable code so tools and tests can rely on it across releases.

export interface Position {
  /** 0-based character offset into the file's text */
  readonly offset: number;
  /** 1-based line */
  readonly line: number;
  /** 1-based column (in UTF-16 code units, as editors count) */
  readonly column: number;
}

export interface Span {
  /** the file's path as given to the tool (absolute or relative to the working directory) */
  readonly file: string;
  readonly start: Position;
  /** exclusive end */
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedNote {
  readonly message: string;
  readonly span: Span;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly notes?: readonly RelatedNote[];
}

export { CODES, type DiagnosticCode, describeCode } from './codes.js';
export { renderDiagnostic, renderDiagnostics, type RenderOptions } from './render.js';
export { spanFromOffsets, lineStarts, positionAt, mergeSpans, syntheticSpan } from './span.js';

import type { DiagnosticCode } from './codes.js';

export function error(code: DiagnosticCode, message: string, span: Span, notes?: readonly RelatedNote[]): Diagnostic {
  return notes && notes.length > 0 ? { code, severity: 'error', message, span, notes } : { code, severity: 'error', message, span };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorted by file, then position, so output is stable whatever order the stages found them in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.span.file.localeCompare(b.span.file) ||
      a.span.start.offset - b.span.start.offset ||
      a.code.localeCompare(b.code),
  );
}
