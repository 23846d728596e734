import type { Diagnostic, Span } from './index.js';

export interface RenderOptions {
  /** the text of each file, for code frames; a file missing here is rendered without a frame */
  readonly sources: ReadonlyMap<string, string>;
  readonly color: boolean;
}

const ANSI = { red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };

function paint(on: boolean, style: keyof typeof ANSI, text: string): string {
  return on ? `${ANSI[style]}${text}${ANSI.reset}` : text;
}

function location(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}

/** Up to one line of context above, the offending lines, and carets under the span. */
function codeFrame(text: string, span: Span, color: boolean): string {
  const lines = text.split(/\r\n|\r|\n/);
  const first = span.start.line;
  const last = Math.max(first, Math.min(span.end.line, first + 4));
  const from = Math.max(1, first - 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = from; n <= last && n <= lines.length; n++) {
    const line = lines[n - 1] ?? '';
    const gutter = `${String(n).padStart(width)} | `;
    const marked = n >= first && n <= last;
    out.push(`${marked ? paint(color, 'bold', '>') : ' '} ${paint(color, 'dim', gutter)}${line}`);
    if (!marked) continue;
    const startCol = n === first ? span.start.column : 1;
    const endCol = n === span.end.line ? span.end.column : line.length + 1;
    const carets = Math.max(1, endCol - startCol);
    out.push(`  ${' '.repeat(width)} ${paint(color, 'dim', '|')} ${' '.repeat(startCol - 1)}${paint(color, 'red', '^'.repeat(carets))}`);
  }
  return out.join('\n');
}

export function renderDiagnostic(d: Diagnostic, options: RenderOptions): string {
  const head = `${paint(options.color, 'bold', location(d.span))}: ${paint(
    options.color,
    d.severity === 'error' ? 'red' : 'yellow',
    `${d.severity} ${d.code}`,
  )}: ${d.message}`;
  const parts = [head];
  const text = options.sources.get(d.span.file);
  if (text !== undefined) parts.push(codeFrame(text, d.span, options.color));
  for (const note of d.notes ?? []) {
    parts.push(`  ${paint(options.color, 'cyan', 'note')}: ${note.message} (${location(note.span)})`);
  }
  return parts.join('\n');
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  return diagnostics.map((d) => renderDiagnostic(d, options)).join('\n\n');
}
