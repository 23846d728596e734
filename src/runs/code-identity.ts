// Which kproof is running: a digest of its own code (every compiled module, or every source module
// when run from a checkout by the tests) and of the versions of the packages it depends on. Any
// change to the checker, the kernel or the encoder changes it, so a remembered run never outlives
// the code that produced it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

let computed: string | undefined;

function isCode(name: string): boolean {
  return (name.endsWith('.js') || name.endsWith('.ts')) && !name.endsWith('.d.ts');
}

function codeFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => (e.isDirectory() ? codeFiles(join(dir, e.name)) : isCode(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

function readJson(file: string): { readonly version?: string; readonly dependencies?: Record<string, string> } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { version?: string; dependencies?: Record<string, string> };
  } catch {
    return undefined;
  }
}

/** the installed version of `name`, looked up as Node would from `from` */
function installedVersion(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = readJson(join(dir, 'node_modules', name, 'package.json'));
    if (pkg?.version) return pkg.version;
    if (dirname(dir) === dir) return 'missing';
  }
}

export function codeIdentity(): string {
  if (computed !== undefined) return computed;
  // this file is <code>/src/runs/: <code> is dist/ when built, the checkout when run from source
  const code = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const hash = createHash('sha256');
  for (const file of [...codeFiles(join(code, 'src')), ...codeFiles(join(code, 'grammar'))]) {
    const bytes = readFileSync(file);
    hash.update(`${relative(code, file)}\u0000${bytes.length}\u0000`);
    hash.update(bytes);
  }
  const packageRoot = readJson(join(code, 'package.json')) ? code : dirname(code);
  const pkg = readJson(join(packageRoot, 'package.json'));
  for (const name of Object.keys(pkg?.dependencies ?? {}).sort()) hash.update(`\u0000${name}@${installedVersion(name, packageRoot)}`);
  computed = hash.digest('hex');
  return computed;
}
