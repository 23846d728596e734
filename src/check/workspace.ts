// A workspace keeps parsed files and checked modules between checks, so re-checking after an
// edit re-parses only the edited file and re-checks only the modules that depend on it; an edit
// inside def bodies re-checks only those bodies.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, sortDiagnostics, syntheticSpan, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import type { Program } from '../ir/index.js';
import { IncrementalParser } from '../syntax/index.js';
import type * as A from '../syntax/ast.js';
import { Diags } from './diags.js';
import { IdSource } from './ids.js';
import { ModuleChecker } from './module.js';
import { checkModule } from './decls.js';
import { bodyEdit, recheckBodies } from './recheck.js';
import { Registry } from './registry.js';
import { buildProgram } from './program.js';
import { lemmasDir, moduleFilesIn, moduleRoot } from './loader.js';
import { moduleSymbols, type ModuleSymbols } from './symbol-table.js';

export interface CheckOptions {
  /** extra directories searched for imported modules, after the file's root and kproof's lemmas/ */
  readonly include?: readonly string[];
  /** reads a file; undefined when it does not exist (defaults to the file system) */
  readonly readFile?: (path: string) => string | undefined;
}

export interface CheckResult {
  /** present only when there are no errors */
  readonly program?: Program;
  readonly diagnostics: Diagnostic[];
  /** file → text of every file read, for code frames */
  readonly sources: Map<string, string>;
}

interface ParsedFile {
  readonly display: string;
  readonly text: string;
  readonly ast?: A.ModuleAst;
  readonly diagnostics: readonly Diagnostic[];
}

interface CheckedModule {
  readonly text: string;
  readonly checker: ModuleChecker;
  /** the dependencies it was checked against: reused only while they are the very same */
  readonly deps: readonly (ModuleChecker | null)[];
}

/** State of one `check` call. */
interface Pass {
  readonly visited: Map<string, ModuleChecker | null>;
  readonly stack: string[];
  readonly files: string[];
  readonly moduleFiles: Map<string, { file: string; span: A.Path['span'] }>;
  readonly extra: Diagnostic[];
}

export class Workspace {
  private readonly ids = new IdSource();
  private readonly registry = new Registry();
  private readonly overlay = new Map<string, string>();
  /** what the file system (or `readFile`) gave for each path, until `forget` */
  private readonly disk = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly modules = new Map<string, CheckedModule>();
  /** per file: re-parses only the declarations an edit changed */
  private readonly parsers = new Map<string, IncrementalParser>();

  constructor(private readonly options: CheckOptions = {}) {}

  /** Sets a file's text (an editor buffer); it wins over the file system until `forget`. */
  update(file: string, text: string): void {
    this.overlay.set(path.resolve(file), text);
  }

  /** Drops what is known about a file, so the next check reads it again. */
  forget(file: string): void {
    const abs = path.resolve(file);
    this.overlay.delete(abs);
    this.disk.delete(abs);
    this.parsed.delete(abs);
    this.modules.delete(abs);
    this.parsers.delete(abs);
  }

  /** What name resolution found in a file's module at its last check (undefined if not checked). */
  symbols(file: string): ModuleSymbols | undefined {
    const m = this.modules.get(path.resolve(file));
    return m ? moduleSymbols(m.checker) : undefined;
  }

  check(files: string | readonly string[]): CheckResult {
    const list = typeof files === 'string' ? [files] : files;
    const pass: Pass = { visited: new Map(), stack: [], files: [], moduleFiles: new Map(), extra: [] };
    const roots: ModuleChecker[] = [];
    for (const f of list) {
      const abs = path.resolve(f);
      if (this.read(abs) === undefined) {
        pass.extra.push(error('KSP300', `cannot read \`${f}\``, syntheticSpan(f)));
        continue;
      }
      const m = this.visit(abs, f, pass);
      if (m) roots.push(m);
    }
    const diagnostics: Diagnostic[] = [...pass.extra];
    const sources = new Map<string, string>();
    for (const abs of pass.files) {
      const p = this.parsed.get(abs)!;
      sources.set(p.display, p.text);
      diagnostics.push(...p.diagnostics);
      const m = this.modules.get(abs);
      if (m && pass.visited.get(abs) === m.checker) diagnostics.push(...m.checker.diags.list);
    }
    const sorted = sortDiagnostics(diagnostics);
    if (hasErrors(sorted) || roots.length !== list.length) return { diagnostics: sorted, sources };
    return { program: buildProgram(roots), diagnostics: sorted, sources };
  }

  private read(abs: string): string | undefined {
    const over = this.overlay.get(abs);
    if (over !== undefined) return over;
    if (this.disk.has(abs)) return this.disk.get(abs);
    const text = this.readUncached(abs);
    this.disk.set(abs, text);
    return text;
  }

  private readUncached(abs: string): string | undefined {
    if (this.options.readFile) return this.options.readFile(abs);
    try {
      return fs.readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  }

  private parse(abs: string, display: string): ParsedFile | undefined {
    const text = this.read(abs);
    if (text === undefined) return undefined;
    const prior = this.parsed.get(abs);
    if (prior && prior.text === text) return prior;
    let parser = this.parsers.get(abs);
    if (!parser) {
      parser = new IncrementalParser();
      this.parsers.set(abs, parser);
    }
    const r = parser.parse(text, display);
    const file: ParsedFile = r.ast ? { display, text, ast: r.ast, diagnostics: r.diagnostics } : { display, text, diagnostics: r.diagnostics };
    this.parsed.set(abs, file);
    return file;
  }

  /** Where `import a.b` is: the first search directory holding `a/b.kspec` (or a hyphenated spelling). */
  private find(modulePath: string, root: string): string | undefined {
    for (const dir of [root, lemmasDir(), ...(this.options.include ?? []).map((d) => path.resolve(d))]) {
      for (const candidate of moduleFilesIn(dir, modulePath)) if (this.read(candidate) !== undefined) return candidate;
    }
    return undefined;
  }

  private displayFor(abs: string, importer: string): string {
    return path.isAbsolute(importer) ? abs : path.relative(process.cwd(), abs) || abs;
  }

  private visit(abs: string, display: string, pass: Pass): ModuleChecker | null {
    const done = pass.visited.get(abs);
    if (done !== undefined) return done;
    const file = this.parse(abs, display);
    if (!file) return null;
    pass.files.push(abs);
    if (!file.ast) {
      pass.visited.set(abs, null);
      return null;
    }
    const ast = file.ast;
    const name = ast.name.parts.map((p) => p.text).join('.');
    const loaderDiags: Diagnostic[] = [];
    const prior = pass.moduleFiles.get(name);
    if (prior) {
      loaderDiags.push(error('KSP026', `module \`${name}\` is also declared by \`${prior.file}\``, ast.name.span, [{ message: 'declared there', span: prior.span }]));
    } else pass.moduleFiles.set(name, { file: file.display, span: ast.name.span });
    const root = moduleRoot(abs, ast.name, loaderDiags);
    pass.stack.push(abs);
    const imports = new Map<string, ModuleChecker | null>();
    const byPath = new Map<string, ModuleChecker | null>();
    const dependency = (modulePath: string, at: A.Path): ModuleChecker | null => {
      const target = this.find(modulePath, root);
      if (!target) {
        loaderDiags.push(error('KSP022', `module \`${modulePath}\` not found (looked for \`${modulePath.split('.').join('/')}.kspec\` in \`${root}\`, kproof's lemmas and the --include directories)`, at.span));
        return null;
      }
      const cycleAt = pass.stack.indexOf(target);
      if (cycleAt >= 0) {
        const chain = [...pass.stack.slice(cycleAt), target].map((f) => this.parsed.get(f)?.ast?.name.parts.map((p) => p.text).join('.') ?? f);
        loaderDiags.push(error('KSP024', `import cycle: ${chain.join(' → ')}`, at.span));
        return null;
      }
      return this.visit(target, this.displayFor(target, display), pass);
    };
    for (const imp of ast.imports) {
      const modulePath = imp.path.parts.map((p) => p.text).join('.');
      const dep = byPath.has(modulePath) ? byPath.get(modulePath)! : dependency(modulePath, imp.path);
      byPath.set(modulePath, dep);
      imports.set(imp.alias ? imp.alias.text : modulePath, dep);
    }
    for (const d of ast.decls) {
      if (d.kind !== 'instance') continue;
      const modulePath = d.module.parts.map((p) => p.text).join('.');
      // `instance zk = c { ... }` may name the module by an import alias
      if (!byPath.has(modulePath) && !imports.has(modulePath)) byPath.set(modulePath, dependency(modulePath, d.module));
    }
    pass.stack.pop();
    const deps = [...imports.values(), ...byPath.values()];
    const cached = this.modules.get(abs);
    const sameContext = cached !== undefined && cached.deps.length === deps.length && cached.deps.every((d, i) => d === deps[i]) && loaderDiags.length === 0;
    if (sameContext && cached.text === file.text) {
      pass.visited.set(abs, cached.checker);
      return cached.checker;
    }
    const diags = new Diags();
    diags.list.push(...loaderDiags);
    let checker = new ModuleChecker(name, file.display, { ...ast, decls: [] }, this.ids, diags, imports, byPath, this.registry);
    try {
      const prev = sameContext && file.diagnostics.length === 0 && cached.checker.file === file.display ? cached.checker : undefined;
      const edit = prev ? bodyEdit(prev, cached!.text, ast, file.text) : undefined;
      checker = new ModuleChecker(name, file.display, ast, this.ids, diags, imports, byPath, this.registry, undefined, edit?.reused);
      if (prev && edit) {
        recheckBodies(checker, prev, edit);
      } else {
        // declarations lost to syntax errors are missing: names that would resolve to them say nothing
        checker.incomplete = hasErrors(file.diagnostics);
        checkModule(checker);
      }
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      diags.error('KSP039', `internal error in the checker (a bug in kproof; please report it): ${detail}`, ast.name.span);
    }
    this.modules.set(abs, { text: file.text, checker, deps });
    pass.visited.set(abs, checker);
    return checker;
  }
}

/** Parses and checks the given files and everything they import. */
export function checkFiles(paths: readonly string[], options?: CheckOptions): CheckResult {
  return new Workspace(options).check(paths);
}
