// `kproof lemmas [QUERY...]`: list and search the lemma library.
import * as path from 'node:path';
import type { Command } from 'commander';
import { listLemmas, type LibraryLemma } from '../lemmas/index.js';
import { lemmasDir } from '../check/index.js';
import { hasErrors } from '../diagnostics/index.js';
import { EXIT, type CliContext } from './context.js';
import { diagnosticToJson, plural, printDiagnostics } from './report.js';

interface LemmasOptions {
  readonly json?: boolean;
  readonly include?: string[];
}

const HELP = `
QUERY words are matched, case-insensitively, against each lemma's qualified name and its doc
comment; a lemma is listed when every word occurs. Without a QUERY every lemma is listed.
Finding nothing is not an error: kproof prints "no lemma matches" and exits 0. Exit 2 when a
library file cannot be read or has a syntax error (its lemmas are left out, the others listed).

Examples:
  $ kproof lemmas                      every lemma of the library
  $ kproof lemmas leads_to             lemmas about leads-to
  $ kproof lemmas always invariant     lemmas whose name or doc mentions both words
  $ kproof lemmas --json wf1           as JSON
  $ kproof lemmas rank --include mine  also search the .kspec files under mine/ (put the query first:
                                       --include takes every directory that follows it)`;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('lemmas')
    .description("list and search kproof's lemma library (lemmas/): qualified name, statement, file:line")
    .argument('[query...]', 'words that must all occur in the name or doc comment')
    .option('--json', 'print the lemmas as JSON')
    .option('--include <dir...>', 'also list the lemmas of the .kspec files under these directories')
    .addHelpText('after', HELP)
    .action((query: string[], options: LemmasOptions) => {
      const text = query.join(' ');
      const dirs = [lemmasDir(), ...(options.include ?? []).map((d) => path.resolve(ctx.cwd, d))];
      const listing = listLemmas(text, { dirs });
      const shown = listing.lemmas.map((l) => ({ ...l, file: displayPath(l.file, ctx.cwd) }));
      if (options.json) {
        ctx.out(`${JSON.stringify({ query: text, lemmas: shown, diagnostics: listing.diagnostics.map(diagnosticToJson) }, null, 2)}\n`);
      } else {
        printDiagnostics(ctx, listing.diagnostics, new Map());
        ctx.out(shown.map(formatLemma).join('\n'));
        ctx.out(shown.length === 0 ? `no lemma matches${text === '' ? '' : ` "${text}"`}\n` : `\n${plural(shown.length, 'lemma')}\n`);
      }
      ctx.exitWith(hasErrors(listing.diagnostics) ? EXIT.malformed : EXIT.ok);
    });
}

function formatLemma(l: LibraryLemma & { readonly file: string }): string {
  const doc = l.doc === '' ? '' : `${indent(l.doc, '  // ')}\n`;
  return `${l.name}  ${l.file}:${l.line}\n${doc}${indent(l.statement, '  ')}\n`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`.trimEnd())
    .join('\n');
}

/** Relative to the working directory when the file is below it, else absolute (clickable either way). */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
