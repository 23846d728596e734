// Writes spec files into a scratch tree (module a.b lives at <root>/a/b.kspec), for tests that
// check or verify changed copies of real specs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `text` to `root/rel`, making its folders; returns the file's path. */
export function writeUnder(root: string, rel: string, text: string): string {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}
