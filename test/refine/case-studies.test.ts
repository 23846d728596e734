// The case studies' exec reconcilers (specs/<case study>/exec/reconciler.ts) refine their models'
// reconcile functions, through `kproof refine` with no hand-written proof; one mutant of each is
// reported as not refining, with a counterexample; the generated types they use are what `kproof
// codegen` produces today; they type-check under `--strict`; and the line counts in docs/refine.md
// are the files' own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { generateTypeScript, kproofVersion, rootModule } from '../../src/codegen/index.js';
import { REPO, runKproof } from './cli-runner.js';
import { MUTANTS } from './fixtures/case-studies/mutants.js';

const CASE_STUDIES = [
  { name: 'zookeeper', title: 'ZooKeeper', prefix: 'zk' },
  { name: 'rabbitmq', title: 'RabbitMQ', prefix: 'rmq' },
  { name: 'fluentbit', title: 'FluentBit', prefix: 'fb' },
] as const;

const execFile = (name: string) => `specs/${name}/exec/reconciler.ts`;
const specFile = (name: string) => `specs/${name}/${name}.kspec`;

interface RefineJson {
  ok: boolean;
  functions: { function: string; target: string; status: string; counterexample?: { inputs: { name: string; value: string }[]; spec: string; exec: string } }[];
}

/** lines holding code: not blank, not only comments */
function codeLines(text: string): number {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022);
  const lines = new Set<number>();
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const first = sf.getLineAndCharacterOfPosition(scanner.getTokenStart()).line;
    const last = sf.getLineAndCharacterOfPosition(scanner.getTokenEnd()).line;
    // a multi-line token (a template string) holds code on every line it spans
    for (let line = first; line <= last; line++) lines.add(line);
  }
  return lines.size;
}

describe('the case studies’ exec reconcilers', () => {
  it.each(CASE_STUDIES)('$title: every function refines its model (exit 0)', async ({ name, prefix }) => {
    const run = await runKproof(['refine', execFile(name), '--spec', specFile(name), '--no-cache', '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as RefineJson;
    const verdicts = Object.fromEntries(json.functions.map((f) => [f.target, f.status]));
    expect(verdicts).toEqual({
      [`${name}.${name}.${prefix}_core`]: 'refines',
      [`${name}.${name}.${prefix}_init`]: 'refines',
      [`${name}.${name}.${prefix}_done`]: 'refines',
      [`${name}.${name}.${prefix}_error`]: 'refines',
    });
  });

  it.each(CASE_STUDIES)('$title: the refined functions are those the cluster instance binds', ({ name, prefix }) => {
    const spec = readFileSync(join(REPO, specFile(name)), 'utf8');
    const instance = /instance cluster = k8s\.cluster \{([^}]*)\}/.exec(spec)?.[1] ?? '';
    for (const [param, suffix] of [['reconcile_core', 'core'], ['reconcile_init_state', 'init'], ['reconcile_done', 'done'], ['reconcile_error', 'error']]) {
      expect(instance).toContain(`def ${param} = ${prefix}_${suffix}`);
    }
  });

  describe('mutants', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'kproof-mutants-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(MUTANTS)('$caseStudy: $mutation — does not refine, with a counterexample', async (m) => {
      const original = readFileSync(join(REPO, execFile(m.caseStudy)), 'utf8');
      expect(original.split(m.find).length, 'the mutated text occurs once in the reconciler').toBe(2);
      const mutant = join(dir, `${m.caseStudy}.ts`);
      writeFileSync(mutant, original.replace(m.find, m.replace));
      const run = await runKproof(['refine', mutant, '--spec', specFile(m.caseStudy), '--no-cache', '--json']);
      expect(run.code).toBe(1);
      const json = JSON.parse(run.out) as RefineJson;
      expect(json.ok).toBe(false);
      const differing = json.functions.filter((f) => f.status !== 'refines');
      expect(differing.map((f) => [f.function, f.status])).toEqual([[m.fn, 'differs']]);
      const cex = differing[0]!.counterexample!;
      expect(cex.spec).not.toBe(cex.exec);
      expect(cex.inputs.map((i) => i.value).join(' ')).toContain(m.witness);
    });
  });

  it.each(CASE_STUDIES)('$title: the generated types are up to date', async ({ name }) => {
    const program = checkFiles([join(REPO, specFile(name))]).program!;
    const generated = await generateTypeScript(program, rootModule(program)!, { sourceFile: specFile(name), version: kproofVersion() });
    const committed = readFileSync(join(REPO, `specs/${name}/exec/generated/${name}.${name}.ts`), 'utf8');
    expect(generated.ok && generated.code, `run: kproof codegen ${specFile(name)} -o specs/${name}/exec/generated`).toBe(committed);
  });

  it('the reconcilers type-check with --strict against the generated types and the runtime', () => {
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      noFallthroughCasesInSwitch: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts'],
      types: [],
      skipLibCheck: true,
      baseUrl: REPO,
      paths: { 'kproof/runtime': ['src/codegen/runtime.ts'] },
    };
    const program = ts.createProgram(CASE_STUDIES.map((c) => join(REPO, execFile(c.name))), options);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  });

  it('docs/refine.md gives each reconciler’s exec lines (no comments, no blank lines, no generated code)', () => {
    const docs = readFileSync(join(REPO, 'docs/refine.md'), 'utf8');
    for (const { name, title } of CASE_STUDIES) {
      const row = new RegExp(`^\\| ${title} \\| (\\d+) \\|`, 'm').exec(docs);
      expect(row, `a row for ${title}`).not.toBeNull();
      expect(Number(row![1])).toBe(codeLines(readFileSync(join(REPO, execFile(name)), 'utf8')));
    }
  });
});
