// `kproof lsp`: the language server, over stdio (editors start it; it is not for people).
import type { Command } from 'commander';
import type { CliContext } from './context.js';

export function register(program: Command, _ctx: CliContext): void {
  program
    .command('lsp')
    .description('run the kspec language server over stdin/stdout (started by editors)')
    .option('--stdio', 'talk LSP over stdin/stdout (the default and only transport)')
    .action(async () => {
      const { serveStdio } = await import('../lsp/index.js');
      serveStdio();
      // the connection's `exit` notification ends the process; until then keep serving
      await new Promise<never>(() => undefined);
    });
}
