// Writes spec files into a scratch tree (module a.b lives at <root>/a/b.kspec), for tests that
// check or verify changed copies of real specs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `text` to `root/rel`, making its folders; returns the file's path. */
export function writeUnder(root: string, rel: string, text: string): string {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** The 1-based line of the first occurrence of `text` in `file` (so tests that expect a location survive edits above it). */
export function lineOf(file: string, text: string): number {
  const source = readFileSync(file, 'utf8');
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`${file} has no ${JSON.stringify(text)}`);
  return source.slice(0, at).split('\n').length;
}
