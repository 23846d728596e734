// The kspec language server (`kproof lsp`): diagnostics as you type, proof and model-check status
// after save, hover, go to definition, references, completion, outline, semantic tokens, code
// lenses, formatting and rename.
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { KspecServer } from './server.js';

export { Analyzer, type Analysis } from './analysis.js';
export { KspecServer, THEOREM_STATUS, MODEL_CHECK_RESULT, type ServerOptions, type TheoremStatusItem } from './server.js';

/**
 * Serves LSP over stdin/stdout until the client says `exit`. Nothing else may write to stdout,
 * so console output is sent to the client's log instead.
 */
export function serveStdio(): KspecServer {
  const server = new KspecServer({ reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout) });
  const toLog = (...args: unknown[]): void => server.connection.console.log(args.map(String).join(' '));
  console.log = toLog;
  console.info = toLog;
  console.warn = toLog;
  console.error = toLog;
  process.on('uncaughtException', (e) => server.connection.console.error(`kproof: uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => server.connection.console.error(`kproof: unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  server.listen();
  return server;
}
