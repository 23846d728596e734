// Where module files live: `module a.b` is `<root>/a/b.kspec`; imports are searched in the
// importing file's root, then kproof's own lemmas/, then each --include directory. A folder or
// file name may write every `_` of its segment as `-` (`module zookeeper.buggy_569` in
// `zookeeper/buggy-569.kspec`): names are identifiers, file names follow the file system's habits.
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

/** How a file or folder name may spell one segment of a module name: as it is, or with every `_` as `-`. */
function spellings(segment: string): string[] {
  const hyphenated = segment.replace(/_/g, '-');
  return hyphenated === segment ? [segment] : [segment, hyphenated];
}

/**
 * The root directory of a file that declares `module a.b`: the file must be `<root>/a/b.kspec`
 * (each name spelled as `spellings` allows). When it is not, the file's own directory is the root
 * and the mismatch is reported.
 */
export function moduleRoot(absFile: string, name: A.Path, diagnostics: Diagnostic[]): string {
  const parts = name.parts.map((p) => p.text);
  const dir = path.dirname(absFile);
  const base = path.basename(absFile).replace(/\.kspec$/, '');
  const dirs = dir.split(path.sep);
  const wantDirs = parts.slice(0, -1);
  const last = parts[parts.length - 1];
  const matches =
    last !== undefined && spellings(last).includes(base) && wantDirs.every((d, i) => spellings(d).includes(dirs[dirs.length - wantDirs.length + i] ?? ''));
  if (matches) return dirs.slice(0, dirs.length - wantDirs.length).join(path.sep) || path.sep;
  diagnostics.push(
    error('KSP023', `module \`${parts.join('.')}\` must be in a file \`${parts.join('/')}.kspec\` under its root directory (or with every \`_\` of a name written \`-\`), but this file is \`${path.basename(absFile)}\` in \`${dir}\``, name.span),
  );
  return dir;
}

/** The files that may hold a module in a directory, the exact spelling first. */
export function moduleFilesIn(dir: string, modulePath: string): string[] {
  let paths: string[][] = [[]];
  for (const segment of modulePath.split('.')) paths = paths.flatMap((p) => spellings(segment).map((s) => [...p, s]));
  return paths.map((p) => path.join(dir, ...p) + '.kspec');
}
