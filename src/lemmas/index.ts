// The lemma library as data: every lemma of the .kspec files under kproof's lemmas/ (and any
// other directory asked for), with its qualified name, its statement exactly as written, its doc
// comment and its place, and a search over names and doc comments. Used by `kproof lemmas` and
// by the language server (hover, completion), so it only parses: listing must stay fast and
// must work even when a library file has a type error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lemmasDir } from '../check/index.js';
import { error, hasErrors, lineStarts, positionAt, syntheticSpan, type Diagnostic } from '../diagnostics/index.js';
import { parseModule, type TheoremDecl } from '../syntax/index.js';

export interface LibraryLemma {
  /** `module.name`, the name a proof uses: `temporal.leads_to_trans` */
  readonly name: string;
  readonly module: string;
  /** the statement as written, from `lemma` to the end of its formula (without the proof) */
  readonly statement: string;
  /** the `//` comment lines right above the lemma, without the slashes */
  readonly doc: string;
  /** the justification of a one-line proof (`ptl`), `steps` for a proof block, absent when stated without proof */
  readonly proof?: string;
  readonly file: string;
  readonly line: number;
}

export interface LemmaListing {
  readonly lemmas: readonly LibraryLemma[];
  /** problems reading or parsing library files; a file with a syntax error adds no lemma, the others are still listed */
  readonly diagnostics: readonly Diagnostic[];
}

export interface ListOptions {
  /** directories searched for .kspec files; kproof's own lemmas/ when absent */
  readonly dirs?: readonly string[];
}

/**
 * The lemmas whose qualified name or doc comment contains every word of `query`
 * (case-insensitive); all of them when the query is empty. Ordered by module, then by place.
 */
export function listLemmas(query = '', options: ListOptions = {}): LemmaListing {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const diagnostics: Diagnostic[] = [];
  const lemmas: LibraryLemma[] = [];
  for (const dir of options.dirs ?? [lemmasDir()]) {
    for (const file of kspecFilesUnder(dir, diagnostics)) lemmas.push(...lemmasOfFile(file, diagnostics));
  }
  const matching = lemmas.filter((l) => {
    const haystack = `${l.name}\n${l.doc}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  matching.sort((a, b) => a.module.localeCompare(b.module) || a.line - b.line);
  return { lemmas: matching, diagnostics };
}

function kspecFilesUnder(dir: string, diagnostics: Diagnostic[]): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    diagnostics.push(error('KSP300', `cannot read the lemma directory \`${dir}\``, syntheticSpan(dir)));
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) return kspecFilesUnder(full, diagnostics);
      return entry.isFile() && entry.name.endsWith('.kspec') ? [full] : [];
    });
}

function lemmasOfFile(file: string, diagnostics: Diagnostic[]): LibraryLemma[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    diagnostics.push(error('KSP300', `cannot read \`${file}\``, syntheticSpan(file)));
    return [];
  }
  const parsed = parseModule(text, file);
  diagnostics.push(...parsed.diagnostics);
  // A recovered parse may hold half a statement: list nothing from a file with syntax errors.
  if (!parsed.ast || hasErrors(parsed.diagnostics)) return [];
  const module = parsed.ast.name.parts.map((p) => p.text).join('.');
  // Doc lines are `//` comments alone on their line (not trailing code), keyed by line number.
  const starts = lineStarts(text);
  const lineComments = new Map<number, string>();
  for (const c of parsed.comments) {
    const at = positionAt(starts, c.startOffset);
    const alone = text.slice(c.startOffset - at.column + 1, c.startOffset).trim() === '';
    if (c.image.startsWith('//') && alone) lineComments.set(at.line, c.image.slice(2).replace(/^ /, '').trimEnd());
  }
  return parsed.ast.decls
    .filter((d): d is TheoremDecl => d.kind === 'lemma')
    .map((d) => ({
      name: `${module}.${d.name.text}`,
      module,
      statement: text.slice(d.span.start.offset, d.formula.span.end.offset),
      doc: docAbove(d.span.start.line, lineComments),
      ...proofWord(d),
      file,
      line: d.span.start.line,
    }));
}

/** The run of `//` comment lines that ends on the line just above `line`. */
function docAbove(line: number, lineComments: ReadonlyMap<number, string>): string {
  const lines: string[] = [];
  for (let l = line - 1; lineComments.has(l); l--) lines.unshift(lineComments.get(l)!);
  return lines.join('\n');
}

function proofWord(d: TheoremDecl): { proof?: string } {
  if (!d.proof) return {};
  if (d.proof.kind === 'steps' || d.proof.kind === 'chain') return { proof: d.proof.kind };
  return { proof: d.proof.justification.name.parts.map((p) => p.text).join('.') };
}
