// Checking open documents: one incremental checker Workspace for the session, fed the unsaved
// text of every open document, so imports see what the user sees. Each check's result is kept
// per document with the version it was computed from.
import { Workspace, type ModuleSymbols } from '../check/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Program } from '../ir/index.js';
import { parseModule, type ParseResult } from '../syntax/index.js';
import { sameFile } from './convert.js';

export interface Analysis {
  readonly file: string;
  readonly version: number;
  readonly text: string;
  /** diagnostics located in this file */
  readonly diagnostics: readonly Diagnostic[];
  readonly symbols?: ModuleSymbols;
  /** present when the file and everything it imports check without errors */
  readonly program?: Program;
}

export class Analyzer {
  private readonly ws: Workspace;
  private readonly latest = new Map<string, Analysis>();
  private readonly parses = new Map<string, { text: string; result: ParseResult }>();

  constructor(include: readonly string[]) {
    this.ws = new Workspace({ include });
  }

  /** Sets the text of an open document (other documents' imports see it at once). */
  update(file: string, text: string): void {
    this.ws.update(file, text);
  }

  /** Forgets a closed document or a file changed on disk. */
  forget(file: string): void {
    this.ws.forget(file);
    this.latest.delete(file);
    this.parses.delete(file);
  }

  /** Checks an open document's text, or (`text` undefined) a file as it is on disk. */
  check(file: string, version: number, text?: string): Analysis | undefined {
    if (text !== undefined) this.ws.update(file, text);
    const result = this.ws.check(file);
    text ??= result.sources.get(file);
    if (text === undefined) return undefined;
    const symbols = this.ws.symbols(file);
    const analysis: Analysis = {
      file,
      version,
      text,
      diagnostics: [...result.diagnostics.filter((d) => sameFile(d.span.file, file)), ...this.importErrors(file, text, result.diagnostics)],
      ...(symbols ? { symbols } : {}),
      ...(result.program ? { program: result.program } : {}),
    };
    this.latest.set(file, analysis);
    return analysis;
  }

  /** An import of a module with errors gets one diagnostic, so the reason nothing checks is visible. */
  private importErrors(file: string, text: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const elsewhere = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      if (d.severity !== 'error' || sameFile(d.span.file, file)) continue;
      const list = elsewhere.get(d.span.file) ?? [];
      list.push(d);
      elsewhere.set(d.span.file, list);
    }
    if (elsewhere.size === 0) return [];
    const ast = this.parse(file, text).ast;
    const out: Diagnostic[] = [];
    for (const [other, errors] of elsewhere) {
      const first = errors[0]!;
      const imp = ast?.imports.find((i) => other.endsWith(`${i.path.parts.map((p) => p.text).join('/')}.kspec`));
      const where = `${first.span.file}:${first.span.start.line}:${first.span.start.column}`;
      const span = imp?.path.span ?? ast?.name.span;
      if (!span) continue;
      const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
      out.push({ code: first.code, severity: 'error', message: `\`${imp ? imp.path.parts.map((p) => p.text).join('.') : other}\` has ${count}; the first: ${where}: ${first.message}`, span });
    }
    return out;
  }

  /** The last analysis of a file (possibly of an older version while edits are pending). */
  get(file: string): Analysis | undefined {
    return this.latest.get(file);
  }

  /** Symbols of any module file, checking it (from disk or its open buffer) if needed. */
  symbolsOf(file: string): ModuleSymbols | undefined {
    const known = this.ws.symbols(file);
    if (known) return known;
    this.ws.check(file);
    return this.ws.symbols(file);
  }

  /** Tokens, comments and syntax tree of a text (memoized per file for its latest text). */
  parse(file: string, text: string): ParseResult {
    const prior = this.parses.get(file);
    if (prior && prior.text === text) return prior.result;
    const result = parseModule(text, file);
    this.parses.set(file, { text, result });
    return result;
  }
}
