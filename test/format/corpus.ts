// The .kspec texts the formatter laws run over: every spec, lemma and fixture in the repository,
// and every kspec example in docs/language.md (wrapped in a module when it has none, as the docs
// test does).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

function kspecFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return kspecFiles(path);
    return entry.endsWith('.kspec') ? [path] : [];
  });
}

export function repositorySpecs(): CorpusFile[] {
  return ['specs', 'lemmas', 'test/fixtures', 'test/syntax/fixtures']
    .flatMap((dir) => kspecFiles(join(ROOT, dir)))
    .map((path) => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}

export function docExamples(): CorpusFile[] {
  const text = readFileSync(join(ROOT, 'docs/language.md'), 'utf8');
  const fence = /^```kspec\n([\s\S]*?)^```$/gm;
  return [...text.matchAll(fence)].map((m) => {
    const line = text.slice(0, m.index).split('\n').length;
    const body = m[1]!;
    const source = /^module\s/.test(body) ? body : `module doc.example_${line}\n\n${body}`;
    return { name: `docs/language.md:${line}`, text: source };
  });
}
