// Where module files live: `module a.b` is `<root>/a/b.kspec`; imports are searched in the
// importing file's root, then kproof's own lemmas/, then each --include directory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as A from '../syntax/ast.js';
import { error, type Diagnostic } from '../diagnostics/index.js';

function findPackageRoot(): string {
  // src/check (tests run from source) or dist/src/check (built): the first ancestor with a package.json
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return dir;
    dir = up;
  }
}

let lemmas: string | undefined;

/** kproof's own lemma library directory. */
export function lemmasDir(): string {
  lemmas ??= path.join(findPackageRoot(), 'lemmas');
  return lemmas;
}

/**
 * The root directory of a file that declares `module a.b`: the file must be `<root>/a/b.kspec`.
 * When it is not, the file's own directory is the root and the mismatch is reported.
 */
export function moduleRoot(absFile: string, name: A.Path, diagnostics: Diagnostic[]): string {
  const parts = name.parts.map((p) => p.text);
  const dir = path.dirname(absFile);
  const base = path.basename(absFile).replace(/\.kspec$/, '');
  const dirs = dir.split(path.sep);
  const wantDirs = parts.slice(0, -1);
  const matches = base === parts[parts.length - 1] && wantDirs.every((d, i) => dirs[dirs.length - wantDirs.length + i] === d);
  if (matches) return dirs.slice(0, dirs.length - wantDirs.length).join(path.sep) || path.sep;
  diagnostics.push(
    error('KSP023', `module \`${parts.join('.')}\` must be in a file \`${parts.join('/')}.kspec\` under its root directory, but this file is \`${path.basename(absFile)}\` in \`${dir}\``, name.span),
  );
  return dir;
}

export function moduleFileIn(dir: string, modulePath: string): string {
  return path.join(dir, ...modulePath.split('.')) + '.kspec';
}
