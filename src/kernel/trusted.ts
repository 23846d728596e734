// What "proved" rests on, as files: the kernel (this folder, with the PTL decision procedure),
// the SMT encoding of the IR (src/smt), the IR's definition (src/ir) and the staged discharge that
// varies Z3's search options (src/solver/staged.ts). Listed by `kproof kernel`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TrustedFile {
  /** relative to the package root, e.g. src/kernel/rules.ts */
  readonly path: string;
  readonly lines: number;
  /** lines that are neither blank nor only a comment */
  readonly codeLines: number;
  readonly role: string;
  /** false for files that cannot make a judgement (proof walking, printing) */
  readonly trusted: boolean;
}

// Files of src/kernel that cannot make or alter a judgement (they only choose which rule to
// apply, or print): listed for completeness, not counted as trusted.
const UNTRUSTED = new Set(['src/kernel/check.ts', 'src/kernel/print.ts', 'src/kernel/trusted.ts', 'src/kernel/index.ts', 'src/kernel/ptl/print.ts', 'src/kernel/ptl/parse.ts', 'src/kernel/ptl/index.ts']);

const ROLES: readonly { readonly dir: string; readonly role: string }[] = [
  { dir: 'src/kernel/ptl', role: 'propositional temporal decision procedure' },
  { dir: 'src/kernel', role: 'kernel: judgements, rules, abstraction, first-order obligations' },
  { dir: 'src/smt', role: 'SMT-LIB encoding of the IR' },
  { dir: 'src/ir', role: 'the IR the statements are written in' },
  { dir: 'src/solver/staged.ts', role: 'how an obligation is put to Z3: options that change the search, not the meaning' },
  { dir: 'src/prove/cache.ts', role: 'remembered unsat answers: an entry counts only for the exact text, solver and version it was stored for' },
  { dir: 'src/runs', role: "remembered runs: reused only while every file read, kproof's own code and the solver are unchanged" },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return name.endsWith('.ts') || name.endsWith('.js') ? [full] : [];
    });
}

function count(text: string): { lines: number; codeLines: number } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const codeLines = lines.filter((l) => {
    const t = l.trim();
    return t !== '' && !t.startsWith('//') && !t.startsWith('/*') && !t.startsWith('*');
  }).length;
  return { lines: lines.length, codeLines };
}

/** The trusted files under the package root (default: the root this module was loaded from). */
export function trustedCodeBase(root: string = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..')): TrustedFile[] {
  const out: TrustedFile[] = [];
  const seen = new Set<string>();
  for (const { dir, role } of ROLES) {
    const abs = join(root, dir);
    let files: string[];
    try {
      files = statSync(abs).isDirectory() ? sourceFiles(abs) : [abs];
    } catch {
      continue;
    }
    for (const f of files) {
      const path = relative(root, f);
      if (seen.has(path)) continue;
      seen.add(path);
      const trusted = !UNTRUSTED.has(path);
      out.push({ path, role: trusted ? role : 'untrusted: chooses rules or prints, makes no judgement', trusted, ...count(readFileSync(f, 'utf8')) });
    }
  }
  return out;
}
