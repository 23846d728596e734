// A test client for the built language server: spawns `node bin/kproof lsp --stdio` and talks
// JSON-RPC over its pipes, as an editor does.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidCloseTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const uriOf = (file: string): string => pathToFileURL(path.resolve(file)).href;

interface Waiter {
  readonly method: string;
  readonly test: (params: unknown) => boolean;
  readonly resolve: (params: unknown) => void;
}

export class LspClient {
  readonly logs: string[] = [];
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: Waiter[] = [];
  private exitCode: number | null | undefined;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {
    proc.on('exit', (code) => {
      this.exitCode = code;
    });
  }

  static async start(root = repoRoot): Promise<LspClient> {
    const proc = spawn(process.execPath, [path.join(repoRoot, 'bin/kproof'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn);
    proc.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = client.diagnostics.get(p.uri) ?? [];
      list.push(p);
      client.diagnostics.set(p.uri, list);
      client.notify(PublishDiagnosticsNotification.method, p);
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    for (const method of ['kproof/theoremStatus', 'kproof/modelCheckResult']) conn.onNotification(method, (params: unknown) => client.notify(method, params));
    conn.listen();
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: 'root' }],
      capabilities: {},
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private notify(method: string, params: unknown): void {
    for (const w of [...this.waiters]) {
      if (w.method === method && w.test(params)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  }

  waitFor<T>(method: string, test: (params: T) => boolean, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}; logs:\n${this.logs.join('\n')}`)), timeoutMs);
      this.waiters.push({
        method,
        test: (p) => test(p as T),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      });
    });
  }

  /** The next diagnostics published for `uri` at `version` (or later). */
  diagnosticsFor(uri: string, version: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.get(uri)?.find((p) => (p.version ?? 0) >= version);
    if (seen) return Promise.resolve(seen);
    return this.waitFor<PublishDiagnosticsParams>(PublishDiagnosticsNotification.method, (p) => p.uri === uri && (p.version ?? 0) >= version, timeoutMs);
  }

  async open(file: string, text: string, version = 1): Promise<string> {
    const uri = uriOf(file);
    this.diagnostics.delete(uri);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kspec', version, text } });
    return uri;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async save(uri: string): Promise<void> {
    await this.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    const exited = new Promise<number | null>((resolve) => this.proc.once('exit', (code) => resolve(code)));
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    const timer = setTimeout(() => this.proc.kill(), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.conn.dispose();
    return code;
  }
}
