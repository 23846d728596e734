// The kspec language server: wires LSP requests to the analyses (checker, symbol index, proof
// worker). Every handler is guarded: an exception answers that one request with an error and
// is logged; the server itself keeps running.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
  type MessageReader,
  type MessageWriter,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hasErrors } from '../diagnostics/index.js';
import { lemmasDir, type ModuleSymbols, type SymbolTarget } from '../check/index.js';
import { formatKspec } from '../format/index.js';
import type { ModelDecl as ModelDeclAst, ModuleAst } from '../syntax/index.js';
import { Analyzer, type Analysis } from './analysis.js';
import { complete } from './completion.js';
import { pathToUri, sameFile, toLspDiagnostic, toRange, uriToPath } from './convert.js';
import { hoverAt } from './hover.js';
import type { Failure, JobResult, ModelOutcome, TheoremOutcome } from './jobs.js';
import { locationOf, referencesTo, symbolAt, validNewName } from './navigation.js';
import { TOKEN_MODIFIERS, TOKEN_TYPES, codeLenses, documentSymbols, semanticTokens } from './outline.js';
import { ProofRunner } from './proofs.js';
import { KEYWORDS } from './vocabulary.js';

export interface ServerOptions {
  readonly reader: MessageReader;
  readonly writer: MessageWriter;
  /** ms of quiet after an edit before the document is checked */
  readonly debounceMs?: number;
}

/** The `kproof/theoremStatus` notification: every theorem and lemma of a file after a save. */
export const THEOREM_STATUS = 'kproof/theoremStatus';
/** The `kproof/modelCheckResult` notification: the outcome of `kproof.modelCheck`. */
export const MODEL_CHECK_RESULT = 'kproof/modelCheckResult';

export interface TheoremStatusItem {
  readonly name: string;
  readonly range: ReturnType<typeof toRange>;
  readonly status: 'pending' | 'proved' | 'not proved' | 'error' | 'cancelled';
  readonly ms?: number;
  readonly obligations?: number;
  readonly cached?: number;
  /** from the model checks of the file's models that check this theorem */
  readonly modelCheck?: 'holds' | 'violated' | 'unchecked';
  readonly failures?: readonly { readonly message: string; readonly range: ReturnType<typeof toRange> }[];
}

interface ProofState {
  readonly version: number;
  readonly theorems: ReadonlyMap<string, TheoremOutcome>;
  readonly diagnostics: readonly LspDiagnostic[];
}

const MAX_WORKSPACE_FILES = 2000;
const MODEL_CHECK_STATES = 200_000;
const PROOF_TIMEOUT_MS = 10_000;

export class KspecServer {
  readonly connection: Connection;
  private readonly documents = new TextDocuments(TextDocument);
  private analyzer = new Analyzer([]);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastEdit = new Map<string, number>();
  private readonly proofs = new Map<string, ProofState>();
  private readonly runner = new ProofRunner(new URL('./worker.js', import.meta.url));
  private readonly debounceMs: number;
  private roots: string[] = [];
  private include: string[] = [];
  private canRefreshLenses = false;

  constructor(options: ServerOptions) {
    this.debounceMs = options.debounceMs ?? 50;
    this.connection = createConnection(ProposedFeatures.all, options.reader, options.writer);
    this.documents.listen(this.connection);
    this.wire();
  }

  listen(): void {
    this.connection.listen();
  }

  // -------------------------------------------------------------------------------------------

  private log(message: string): void {
    this.connection.console.error(message);
  }

  /** Runs a request handler; an exception becomes an error response and a log line. */
  private guard<P, R>(name: string, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        const message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
        this.log(`kproof: ${name} failed: ${message}`);
        throw new ResponseError(ErrorCodes.InternalError, `kproof: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
  }

  /** Runs a notification handler; an exception is logged. */
  private safely<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params: P) => {
      Promise.resolve()
        .then(() => handler(params))
        .catch((e: unknown) => this.log(`kproof: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    };
  }

  private wire(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onShutdown(this.guard('shutdown', () => this.shutdown()));
    this.documents.onDidChangeContent(this.safely('change', (e) => this.changed(e.document)));
    this.documents.onDidClose(this.safely('close', (e) => this.closed(e.document.uri)));
    this.documents.onDidSave(this.safely('save', (e) => this.saved(e.document)));
    c.onDidChangeWatchedFiles(this.safely('watched files', (p) => this.filesChanged(p.changes.map((ch) => ch.uri))));
    c.onHover(this.guard('hover', (p) => this.hover(p.textDocument.uri, p.position)));
    c.onDefinition(this.guard('definition', (p) => this.definition(p.textDocument.uri, p.position)));
    c.onReferences(this.guard('references', (p) => this.references(p.textDocument.uri, p.position, p.context.includeDeclaration)));
    c.onCompletion(this.guard('completion', (p) => this.completion(p.textDocument.uri, p.position)));
    c.onDocumentSymbol(this.guard('document symbols', (p) => this.outline(p.textDocument.uri)));
    c.languages.semanticTokens.on(this.guard('semantic tokens', (p) => this.tokens(p.textDocument.uri)));
    c.onCodeLens(this.guard('code lens', (p) => this.lenses(p.textDocument.uri)));
    c.onDocumentFormatting(this.guard('formatting', (p) => this.format(p.textDocument.uri)));
    c.onPrepareRename(this.guard('prepare rename', (p) => this.prepareRename(p.textDocument.uri, p.position)));
    c.onRenameRequest(this.guard('rename', (p) => this.rename(p.textDocument.uri, p.position, p.newName)));
    c.onExecuteCommand(this.guard('command', (p) => this.command(p.command, p.arguments ?? [])));
  }

  private initialize(params: InitializeParams): InitializeResult {
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? (params.rootUri ? [uriToPath(params.rootUri)] : []);
    this.roots = folders;
    const init = params.initializationOptions as { include?: unknown } | undefined;
    this.include = Array.isArray(init?.include) ? init.include.filter((x): x is string => typeof x === 'string') : [];
    this.analyzer = new Analyzer(this.include);
    this.canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['.', ' '] },
        documentSymbolProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: ['kproof.verify', 'kproof.modelCheck'] },
      },
      serverInfo: { name: 'kproof' },
    };
  }

  private async shutdown(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await this.runner.dispose();
  }

  // -------------------------------------------------------------------------------------------
  // Diagnostics as you type

  private changed(doc: TextDocument): void {
    this.analyzer.update(uriToPath(doc.uri), doc.getText());
    this.schedule(doc.uri);
    // an open document importing this one sees the unsaved text too
    for (const other of this.documents.all()) if (other.uri !== doc.uri) this.schedule(other.uri, this.debounceMs * 3);
  }

  /**
   * Debounces checks of a document: an edit after a quiet spell is checked at once (leading
   * edge), edits in quick succession wait for `delay` ms of quiet (trailing edge).
   */
  private schedule(uri: string, delay = this.debounceMs): void {
    const prior = this.timers.get(uri);
    if (prior) clearTimeout(prior);
    const quiet = !prior && performance.now() - (this.lastEdit.get(uri) ?? -Infinity) >= delay;
    this.lastEdit.set(uri, performance.now());
    if (quiet && delay === this.debounceMs) delay = 0;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        try {
          this.checkNow(uri);
        } catch (e) {
          this.log(`kproof: checking ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
      }, delay),
    );
  }

  /** Checks a document now, unless a newer edit is pending; returns its analysis. */
  private checkNow(uri: string): Analysis | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const analysis = this.analyzer.check(uriToPath(uri), doc.version, doc.getText());
    // an edit that arrived meanwhile has its own check scheduled: never publish stale results
    if (!analysis || this.documents.get(uri)?.version !== analysis.version) return undefined;
    this.publish(uri, analysis);
    return analysis;
  }

  private publish(uri: string, analysis: Analysis): void {
    const proof = this.proofs.get(uri);
    const proofDiagnostics = proof && proof.version === analysis.version ? proof.diagnostics : [];
    void this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: [...analysis.diagnostics.map(toLspDiagnostic), ...proofDiagnostics] });
  }

  /** The analysis of a document's current version (checking it at once if an edit is pending). */
  private current(uri: string): Analysis | undefined {
    const doc = this.documents.get(uri);
    const file = uriToPath(uri);
    const last = this.analyzer.get(file);
    if (!doc) return last ?? this.checkFile(file);
    if (last && last.version === doc.version) return last;
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    return this.checkNow(uri) ?? this.analyzer.get(file);
  }

  private checkFile(file: string): Analysis | undefined {
    return this.analyzer.check(file, 0);
  }

  private closed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.lastEdit.delete(uri);
    this.runner.release(uri);
    this.runner.release(`mc:${uri}`);
    this.proofs.delete(uri);
    this.analyzer.forget(uriToPath(uri));
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private filesChanged(uris: readonly string[]): void {
    for (const uri of uris) if (!this.documents.get(uri)) this.analyzer.forget(uriToPath(uri));
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  private readText(file: string): string | undefined {
    const open = this.documents.get(pathToUri(file));
    if (open) return open.getText();
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  private parsed = (file: string): { text: string; parse: ReturnType<Analyzer['parse']> } | undefined => {
    const text = this.readText(file);
    return text === undefined ? undefined : { text, parse: this.analyzer.parse(file, text) };
  };

  // -------------------------------------------------------------------------------------------
  // Proofs after save

  private async saved(doc: TextDocument): Promise<void> {
    const analysis = this.current(doc.uri);
    if (!analysis || hasErrors(analysis.diagnostics) || !analysis.program) return;
    await this.verifyDocument(doc.uri, doc.version);
  }

  private statusItems(uri: string, theorems: ReadonlyMap<string, TheoremOutcome> | undefined, models: readonly ModelOutcome[], pending: boolean): TheoremStatusItem[] {
    const file = uriToPath(uri);
    const ast = this.parsed(file)?.parse.ast;
    const items: TheoremStatusItem[] = [];
    for (const d of ast?.decls ?? []) {
      if (d.kind !== 'theorem' && d.kind !== 'lemma') continue;
      const t = theorems?.get(d.name.text);
      const checks = models.flatMap((m) => m.properties.filter((p) => p.name === d.name.text || p.name.endsWith(`.${d.name.text}`)));
      const modelCheck = checks.some((p) => p.status === 'violated') ? 'violated' : checks.length === 0 ? undefined : checks.every((p) => p.status === 'holds') ? 'holds' : 'unchecked';
      items.push({
        name: d.name.text,
        range: toRange(d.name.span),
        status: t ? t.status : pending ? 'pending' : 'cancelled',
        ...(t ? { ms: t.ms, obligations: t.obligations, cached: t.cached, failures: t.failures.map((f) => ({ message: f.message, range: toRange(f.span) })) } : {}),
        ...(modelCheck ? { modelCheck } : {}),
      });
    }
    return items;
  }

  /** Verifies a saved document (then model-checks its models); stale or cancelled runs report nothing. */
  private async verifyDocument(uri: string, version: number): Promise<{ theorems: TheoremStatusItem[] } | undefined> {
    const file = uriToPath(uri);
    void this.connection.sendNotification(THEOREM_STATUS, { uri, version, theorems: this.statusItems(uri, undefined, [], true) });
    const cwd = this.rootFor(file);
    const result = await this.runner.run(uri, { kind: 'verify', file, cwd, include: this.include, timeoutMs: PROOF_TIMEOUT_MS });
    if (!result || this.documents.get(uri)?.version !== version) return undefined;
    if (result.kind === 'crash') {
      this.log(`kproof: verification of ${file} failed: ${result.message}`);
      return undefined;
    }
    if (result.kind !== 'verify') return undefined;
    const models = this.modelsIn(file) ? await this.runner.run(uri, { kind: 'modelCheck', file, cwd, include: this.include, maxStates: MODEL_CHECK_STATES }) : undefined;
    if (this.documents.get(uri)?.version !== version) return undefined;
    const modelOutcomes = models?.kind === 'modelCheck' ? models.models : [];
    const theorems = new Map<string, TheoremOutcome>();
    for (const t of result.theorems) if (sameFile(t.span.file, file)) theorems.set(t.name.slice(t.name.lastIndexOf('.') + 1), t);
    const failures: Failure[] = [...result.diagnostics, ...[...theorems.values()].flatMap((t) => t.failures)];
    const diagnostics = failures.filter((f) => sameFile(f.span.file, file)).map((f) => toLspDiagnostic({ code: f.code, severity: 'error', message: f.message, span: f.span }));
    const ast = this.parsed(file)?.parse.ast;
    for (const m of modelOutcomes) if (m.status === 'violation' && m.span && sameFile(m.span.file, file)) diagnostics.push(modelDiagnostic(m, ast));
    this.proofs.set(uri, { version, theorems, diagnostics });
    const analysis = this.analyzer.get(file);
    if (analysis && analysis.version === version) this.publish(uri, analysis);
    const items = this.statusItems(uri, theorems, modelOutcomes, false);
    void this.connection.sendNotification(THEOREM_STATUS, { uri, version, theorems: items });
    if (this.canRefreshLenses) void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    return { theorems: items };
  }

  private modelsIn(file: string): boolean {
    return this.parsed(file)?.parse.ast?.decls.some((d) => d.kind === 'model') ?? false;
  }

  private rootFor(file: string): string {
    return this.roots.find((r) => !path.relative(r, file).startsWith('..')) ?? path.dirname(file);
  }

  private async modelCheck(uri: string, model: string | undefined): Promise<readonly ModelOutcome[] | { error: string }> {
    const file = uriToPath(uri);
    const analysis = this.current(uri);
    if (!analysis?.program) return { error: 'the file has errors; fix them first' };
    const qualified = model && !model.includes('.') ? `${analysis.program.roots[0] ?? ''}.${model}` : model;
    const job = { kind: 'modelCheck' as const, file, cwd: this.rootFor(file), include: this.include, maxStates: MODEL_CHECK_STATES, ...(qualified ? { model: qualified } : {}) };
    const result: JobResult | undefined = await this.runner.run(`mc:${uri}`, job);
    if (!result) return { error: 'cancelled' };
    if (result.kind === 'crash') return { error: result.message };
    if (result.kind !== 'modelCheck') return { error: 'unexpected result' };
    if (result.diagnostics.length > 0) return { error: result.diagnostics.map((d) => d.message).join('\n') };
    void this.connection.sendNotification(MODEL_CHECK_RESULT, { uri, models: result.models });
    const version = this.documents.get(uri)?.version;
    const prior = this.proofs.get(uri);
    if (version !== undefined) {
      const keep = (prior && prior.version === version ? prior.diagnostics : []).filter((d) => d.source !== 'kproof mc');
      const ast = this.parsed(file)?.parse.ast;
      const violations = result.models.filter((m) => m.status === 'violation' && m.span && sameFile(m.span.file, file)).map((m) => modelDiagnostic(m, ast));
      this.proofs.set(uri, { version, theorems: prior?.theorems ?? new Map(), diagnostics: [...keep, ...violations] });
      const analysis2 = this.analyzer.get(file);
      if (analysis2 && analysis2.version === version) this.publish(uri, analysis2);
    }
    return result.models;
  }

  private async command(name: string, args: readonly unknown[]): Promise<unknown> {
    const uri = typeof args[0] === 'string' ? args[0] : undefined;
    if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, `${name} needs the document's URI as its first argument`);
    const item = typeof args[1] === 'string' ? args[1] : undefined;
    if (name === 'kproof.verify') {
      const analysis = this.current(uri);
      if (!analysis || hasErrors(analysis.diagnostics)) return { error: 'the file has errors; fix them first' };
      const done = await this.verifyDocument(uri, this.documents.get(uri)?.version ?? analysis.version);
      if (!done) return { error: 'cancelled by a newer edit or run' };
      return item ? { theorems: done.theorems.filter((t) => t.name === item) } : done;
    }
    if (name === 'kproof.modelCheck') {
      const r = await this.modelCheck(uri, item);
      return 'error' in r ? r : { models: r };
    }
    throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command \`${name}\``);
  }

  // -------------------------------------------------------------------------------------------
  // Navigation and editing

  private hover(uri: string, pos: { line: number; character: number }) {
    const a = this.current(uri);
    if (!a?.symbols) return null;
    return hoverAt(a.symbols, a.file, pos, {
      parsed: this.parsed,
      status: (t) => this.statusOf(t),
      moduleOf: (file) => this.parsed(file)?.parse.ast?.name.parts.map((p) => p.text).join('.'),
    });
  }

  private statusOf(target: SymbolTarget): string | undefined {
    const state = this.proofs.get(pathToUri(target.span.file));
    const t = state?.theorems.get(target.name);
    if (!t) return undefined;
    return t.status === 'proved' ? `proved (${t.obligations} obligations, ${t.cached} cached, ${t.ms} ms)` : `${t.status}: ${t.failures.map((f) => f.message.split('\n')[0]).join('; ')}`;
  }

  private definition(uri: string, pos: { line: number; character: number }) {
    const a = this.current(uri);
    const sym = a?.symbols ? symbolAt(a.symbols, a.file, pos) : undefined;
    return sym ? locationOf(sym.target.span) : null;
  }

  /** The modules of every open document, every .kspec file of the workspace, and the lemma library. */
  private allModules(): ModuleSymbols[] {
    const files = new Set<string>();
    for (const d of this.documents.all()) files.add(uriToPath(d.uri));
    for (const root of [...this.roots, lemmasDir()]) for (const f of kspecFiles(root, MAX_WORKSPACE_FILES)) files.add(f);
    const out: ModuleSymbols[] = [];
    for (const f of files) {
      const s = this.documents.get(pathToUri(f)) ? this.current(pathToUri(f))?.symbols : this.analyzer.symbolsOf(f);
      if (s) out.push(s);
    }
    return out;
  }

  private references(uri: string, pos: { line: number; character: number }, includeDeclaration: boolean) {
    const a = this.current(uri);
    const sym = a?.symbols ? symbolAt(a.symbols, a.file, pos) : undefined;
    if (!sym) return [];
    const local = sym.target.kind === 'local' || sym.target.kind === 'step';
    const modules = local ? [a!.symbols!] : this.allModules();
    return referencesTo(sym.target, modules, includeDeclaration).map(locationOf);
  }

  private completion(uri: string, pos: { line: number; character: number }) {
    const doc = this.documents.get(uri);
    if (!doc) return [];
    const file = uriToPath(uri);
    const previous = this.analyzer.get(file);
    const last = this.current(uri) ?? previous;
    const ast = last ? this.analyzer.parse(file, last.text).ast : undefined;
    const symbols = last?.symbols ?? previous?.symbols;
    return complete(
      {
        file,
        text: doc.getText(),
        offset: doc.offsetAt(pos),
        ...(symbols ? { symbols } : {}),
        ...(previous?.symbols ? { previous: previous.symbols } : {}),
        ...(ast ? { ast } : {}),
      },
      { parsed: this.parsed },
    );
  }

  private outline(uri: string) {
    const text = this.documents.get(uri)?.getText() ?? this.readText(uriToPath(uri));
    if (text === undefined) return [];
    const ast = this.analyzer.parse(uriToPath(uri), text).ast;
    return ast ? documentSymbols(ast) : [];
  }

  private tokens(uri: string) {
    const a = this.current(uri);
    if (!a) return { data: [] };
    return semanticTokens(this.analyzer.parse(a.file, a.text), a.symbols, a.file);
  }

  private lenses(uri: string) {
    const file = uriToPath(uri);
    const ast = this.parsed(file)?.parse.ast;
    if (!ast) return [];
    const state = this.proofs.get(uri);
    return codeLenses(ast, uri, (name) => state?.theorems.get(name)?.status);
  }

  private async format(uri: string) {
    const doc = this.documents.get(uri);
    if (!doc) return [];
    const text = doc.getText();
    const r = await formatKspec(text, uriToPath(uri));
    if (r.formatted === undefined || r.formatted === text) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: r.formatted }];
  }

  private renameTarget(uri: string, pos: { line: number; character: number }) {
    const a = this.current(uri);
    const sym = a?.symbols ? symbolAt(a.symbols, a.file, pos) : undefined;
    if (!sym) throw new ResponseError(ErrorCodes.InvalidRequest, 'there is no name here to rename');
    if (sym.target.kind !== 'local' && sym.target.kind !== 'step') {
      throw new ResponseError(
        ErrorCodes.InvalidRequest,
        `\`${sym.target.name}\` is a ${sym.target.kind} other modules may use; only local names (bound names, parameters, let names, proof steps) can be renamed`,
      );
    }
    return { analysis: a!, target: sym.target, at: sym.at };
  }

  private prepareRename(uri: string, pos: { line: number; character: number }) {
    const { at, target } = this.renameTarget(uri, pos);
    return { range: toRange(at), placeholder: target.name };
  }

  private rename(uri: string, pos: { line: number; character: number }, newName: string): WorkspaceEdit {
    const { analysis, target } = this.renameTarget(uri, pos);
    const problem = validNewName(newName, KEYWORDS);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    const spans = referencesTo(target, [analysis.symbols!], true);
    return { changes: { [uri]: spans.filter((s) => sameFile(s.file, analysis.file)).map((s) => ({ range: toRange(s), newText: newName })) } };
  }
}

/** A violation found by the model checker (not a malformed input, so it has no KSP code), on the model's name. */
function modelDiagnostic(m: ModelOutcome, ast: ModuleAst | undefined): LspDiagnostic {
  const short = m.model.slice(m.model.lastIndexOf('.') + 1);
  const decl = ast?.decls.find((d): d is ModelDeclAst => d.kind === 'model' && d.name.text === short);
  return { range: toRange(decl?.name.span ?? m.span!), severity: DiagnosticSeverity.Error, source: 'kproof mc', message: m.report };
}

/** .kspec files under a directory (not under node_modules or dot-directories), at most `limit`. */
function kspecFiles(dir: string, limit: number): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= limit) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.kspec')) out.push(p);
    }
  };
  walk(dir);
  return out;
}
