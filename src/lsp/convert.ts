// Between kspec's spans (1-based lines and columns, UTF-16 offsets) and LSP ranges (0-based).
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Diagnostic as LspDiagnostic, Position as LspPosition, Range } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic, Span } from '../diagnostics/index.js';

export function toRange(span: Span): Range {
  return {
    start: { line: span.start.line - 1, character: span.start.column - 1 },
    end: { line: span.end.line - 1, character: span.end.column - 1 },
  };
}

/** A position is inside a span when it touches it (the cursor right after a name is on it). */
export function spanContains(span: Span, pos: LspPosition): boolean {
  const line = pos.line + 1;
  const column = pos.character + 1;
  if (line < span.start.line || line > span.end.line) return false;
  if (line === span.start.line && column < span.start.column) return false;
  if (line === span.end.line && column > span.end.column) return false;
  return true;
}

export function spanLength(span: Span): number {
  return span.end.offset - span.start.offset;
}

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : path.resolve(uri);
}

export function pathToUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = { range: toRange(d.span), severity: SEVERITY[d.severity], code: d.code, source: 'kproof', message: d.message };
  if (d.notes && d.notes.length > 0) {
    out.relatedInformation = d.notes.map((n) => ({ location: { uri: pathToUri(n.span.file), range: toRange(n.span) }, message: n.message }));
  }
  return out;
}

export function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
