// End to end: the built `kproof lsp` driven over stdio, as an editor drives it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, DocumentSymbol, Hover, Location, PublishDiagnosticsParams, SemanticTokens, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, repoRoot, uriOf } from './client.js';
import { positionOf, scratchWorkspace } from './fixtures.js';

let client: LspClient;
let root: string;
let mainFile: string;
let mainText: string;
let mainUri: string;

beforeAll(async () => {
  root = scratchWorkspace();
  client = await LspClient.start(root);
  mainFile = path.join(root, 'app/main.kspec');
  mainText = fs.readFileSync(mainFile, 'utf8');
  mainUri = await client.open(mainFile, mainText);
});

afterAll(async () => {
  const code = await client.stop();
  expect(code).toBe(0);
  fs.rmSync(root, { recursive: true, force: true });
});

const request = <R>(method: string, params: object): Promise<R> => client.conn.sendRequest(method, params) as Promise<R>;
const at = (needle: string, shift = 0, nth = 1) => ({ textDocument: { uri: mainUri }, position: positionOf(mainText, needle, shift, nth) });

describe('diagnostics as you type', () => {
  it('a clean file publishes no diagnostics', async () => {
    const d = await client.diagnosticsFor(mainUri, 1);
    expect(d.diagnostics).toEqual([]);
  });

  it('reports syntax, name and type errors at their exact range with their code, and clears them when fixed', async () => {
    const file = path.join(root, 'app/broken.kspec');
    const text = 'module app.broken\n\ndef f(x: Int): Int = x + y\ndef g: Bool = 1\n';
    const uri = await client.open(file, text);
    const first = await client.diagnosticsFor(uri, 1);
    expect(first.diagnostics.map((d) => [d.code, d.range])).toEqual([
      ['KSP020', { start: { line: 2, character: 25 }, end: { line: 2, character: 26 } }],
      ['KSP040', { start: { line: 3, character: 14 }, end: { line: 3, character: 15 } }],
    ]);
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 25 }, end: { line: 2, character: 26 } }, text: 'x' }]);
    const second = await client.diagnosticsFor(uri, 2);
    expect(second.diagnostics.map((d) => d.code)).toEqual(['KSP040']);
    await client.change(uri, 3, [{ range: { start: { line: 3, character: 14 }, end: { line: 3, character: 15 } }, text: 'true' }]);
    expect((await client.diagnosticsFor(uri, 3)).diagnostics).toEqual([]);
    await client.change(uri, 4, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, text: 'deff' }]);
    const syntax = await client.diagnosticsFor(uri, 4);
    expect(syntax.diagnostics[0]?.code).toBe('KSP010');
    expect(syntax.diagnostics[0]?.range.start).toEqual({ line: 2, character: 0 });
    await client.close(uri);
  });

  it('rapid edits publish only the latest version (stale results are dropped)', async () => {
    const file = path.join(root, 'app/rapid.kspec');
    const uri = await client.open(file, 'module app.rapid\n\ndef a: Int = 0\n');
    await client.diagnosticsFor(uri, 1);
    for (let v = 2; v <= 21; v++) {
      await client.change(uri, v, [{ range: { start: { line: 2, character: 13 }, end: { line: 2, character: 14 } }, text: v % 2 === 0 ? 'q' : '0' }]);
    }
    const last = await client.diagnosticsFor(uri, 21);
    expect(last.version).toBe(21);
    expect(last.diagnostics).toEqual([]);
    const versions = (client.diagnostics.get(uri) ?? []).map((p: PublishDiagnosticsParams) => p.version ?? 0);
    expect(versions.length).toBeLessThan(8); // debounced: not one check per keystroke
    expect([...versions].sort((x, y) => x - y)).toEqual(versions);
    await client.close(uri);
  });

  it('typing and deleting above a declaration moves its diagnostics and definitions with it', async () => {
    const file = path.join(root, 'app/typing.kspec');
    const uri = await client.open(file, 'module app.typing\n\ndef a(x: Int): Int = x + 1\ndef b(y: Int): Int = a(y) + q\n');
    const unknown = (line: number) => [['KSP020', { start: { line, character: 28 }, end: { line, character: 29 } }]];
    const codes = async (version: number) => (await client.diagnosticsFor(uri, version)).diagnostics.map((d) => [d.code, d.range]);
    const definitionOfA = async (line: number) => (await request<Location>('textDocument/definition', { textDocument: { uri }, position: { line, character: 21 } })).range;
    expect(await codes(1)).toEqual(unknown(3));
    // `x + 1` → `x + 21` → `x +\n 21` → `x + 21` → `x + 1`
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 25 }, end: { line: 2, character: 25 } }, text: '2' }]);
    expect(await codes(2)).toEqual(unknown(3));
    await client.change(uri, 3, [{ range: { start: { line: 2, character: 24 }, end: { line: 2, character: 25 } }, text: '\n ' }]);
    expect(await codes(3)).toEqual(unknown(4));
    expect(await definitionOfA(4)).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 5 } });
    await client.change(uri, 4, [{ range: { start: { line: 2, character: 24 }, end: { line: 3, character: 1 } }, text: ' ' }]);
    expect(await codes(4)).toEqual(unknown(3));
    await client.change(uri, 5, [{ range: { start: { line: 2, character: 25 }, end: { line: 2, character: 26 } }, text: '' }]);
    expect(await codes(5)).toEqual(unknown(3));
    expect(await definitionOfA(3)).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 5 } });
    await client.close(uri);
  });

  it("uses the unsaved text of another open document for imports", async () => {
    const typesFile = path.join(root, 'app/types.kspec');
    const typesText = fs.readFileSync(typesFile, 'utf8');
    const typesUri = await client.open(typesFile, typesText);
    await client.diagnosticsFor(typesUri, 1);
    const userFile = path.join(root, 'app/user.kspec');
    const userUri = await client.open(userFile, 'module app.user\n\nimport app.types\n\ndef h: Int = app.types.fresh\n');
    const before = await client.diagnosticsFor(userUri, 1);
    expect(before.diagnostics.map((d) => d.code)).toEqual(['KSP020']);
    await client.change(typesUri, 2, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: 'def fresh: Int = 7\n' }]);
    await client.change(userUri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '' }]);
    const after = await client.diagnosticsFor(userUri, 2);
    expect(after.diagnostics).toEqual([]);
    expect(fs.readFileSync(typesFile, 'utf8')).toBe(typesText);
    await client.close(userUri);
    await client.close(typesUri);
  });

  it('an error in an imported module is shown at its import', async () => {
    const typesFile = path.join(root, 'app/types.kspec');
    const typesUri = await client.open(typesFile, 'module app.types\n\nrecord Pod { name: Strin }\n');
    const userUri = await client.open(path.join(root, 'app/user2.kspec'), 'module app.user2\n\nimport app.types\n');
    const d = await client.diagnosticsFor(userUri, 1);
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0]!.range).toEqual({ start: { line: 2, character: 7 }, end: { line: 2, character: 16 } });
    expect(d.diagnostics[0]!.message).toContain('`app.types` has 1 error');
    await client.close(userUri);
    await client.close(typesUri);
  });
});

describe('navigation', () => {
  it('hover shows the type of a bound name and of an expression', async () => {
    const h = await request<Hover>('textDocument/hover', at('x + x', 0));
    expect(JSON.stringify(h.contents)).toContain('x: Int');
    expect(h.range).toEqual({ start: positionOf(mainText, 'x + x'), end: positionOf(mainText, 'x + x', 1) });
    const e = await request<Hover>('textDocument/hover', at('n + 1', 2));
    expect(JSON.stringify(e.contents)).toContain('Int');
  });

  it("hover shows a lemma's full statement and where it lives", async () => {
    const text = 'module app.hov\n\nimport temporal\n\nlemma mine(p: Formula, q: Formula): []p && [](p ==> q) ==> []q\nproof by temporal.always_weaken(p, q)\n';
    const uri = await client.open(path.join(root, 'app/hov.kspec'), text);
    await client.diagnosticsFor(uri, 1);
    const h = await request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'always_weaken', 3) });
    const value = (h.contents as { value: string }).value;
    expect(value).toContain('lemma always_weaken(p: Formula, q: Formula): []p && [](p ==> q) ==> []q');
    expect(value).toContain('module `temporal`');
    expect(value).toContain(path.join(repoRoot, 'lemmas/temporal.kspec'));
    await client.close(uri);
  });

  it('goes to definitions in the same file, in another module, and in lemmas/temporal.kspec', async () => {
    const local = await request<Location>('textDocument/definition', at('x + x', 4));
    expect(local.range.start).toEqual(positionOf(mainText, 'x: Int'));
    const variable = await request<Location>('textDocument/definition', at('n < LIMIT', 0));
    expect(variable).toEqual({ uri: mainUri, range: { start: positionOf(mainText, 'n: Int'), end: positionOf(mainText, 'n: Int', 1) } });
    const typesText = fs.readFileSync(path.join(root, 'app/types.kspec'), 'utf8');
    const record = await request<Location>('textDocument/definition', at('Pod', 1));
    expect(record).toEqual({ uri: uriOf(path.join(root, 'app/types.kspec')), range: { start: positionOf(typesText, 'Pod'), end: positionOf(typesText, 'Pod', 3) } });
    const field = await request<Location>('textDocument/definition', at('pod.ready', 5));
    expect(field.range.start).toEqual(positionOf(typesText, 'ready: Bool'));
    const ctor = await request<Location>('textDocument/definition', at('app.types.Idle', 11));
    expect(ctor.range.start).toEqual(positionOf(typesText, 'Idle'));

    const text = 'module app.nav\n\nimport temporal\n\nlemma mine(p: Formula): [][]p <==> []p\nproof by temporal.always_double_equality(p)\n';
    const uri = await client.open(path.join(root, 'app/nav.kspec'), text);
    await client.diagnosticsFor(uri, 1);
    const lemma = await request<Location>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'always_double', 2) });
    const temporalText = fs.readFileSync(path.join(repoRoot, 'lemmas/temporal.kspec'), 'utf8');
    expect(lemma.uri).toBe(uriOf(path.join(repoRoot, 'lemmas/temporal.kspec')));
    expect(lemma.range.start).toEqual(positionOf(temporalText, 'lemma always_double_equality', 6));
    await client.close(uri);
  });

  it('finds references across modules', async () => {
    const refs = await request<Location[]>('textDocument/references', { ...at('Pod', 1), context: { includeDeclaration: true } });
    const where = refs.map((l) => `${path.basename(l.uri)}:${l.range.start.line}`).sort();
    expect(where).toEqual(['main.kspec:10', 'types.kspec:4', 'types.kspec:6']);
    const vars = await request<Location[]>('textDocument/references', { ...at('n: Int'), context: { includeDeclaration: false } });
    expect(vars.length).toBe(6); // init, guard, n' and n in the assignment, twice in the theorem
  });

  it('finds references to a library lemma, with its declaration in lemmas/temporal.kspec', async () => {
    const text = 'module app.refs\n\nimport temporal\n\nlemma mine(p: Formula, q: Formula): []p && [](p ==> q) ==> []q\nproof by temporal.always_weaken(p, q)\n';
    const uri = await client.open(path.join(root, 'app/refs.kspec'), text);
    await client.diagnosticsFor(uri, 1);
    const refs = await request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(text, 'always_weaken', 2), context: { includeDeclaration: true } });
    const temporal = uriOf(path.join(repoRoot, 'lemmas/temporal.kspec'));
    const temporalText = fs.readFileSync(path.join(repoRoot, 'lemmas/temporal.kspec'), 'utf8');
    expect(refs).toContainEqual({ uri: temporal, range: { start: positionOf(temporalText, 'lemma always_weaken', 6), end: positionOf(temporalText, 'lemma always_weaken', 19) } });
    expect(refs).toContainEqual({ uri, range: { start: positionOf(text, 'always_weaken'), end: positionOf(text, 'always_weaken', 13) } });
    await client.close(uri);
  });

  it('outlines declarations, machine items and proof steps', async () => {
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: mainUri } });
    expect(symbols.map((s) => s.name)).toEqual(['LIMIT', 'assume', 'Counter', 'twice', 'bounded', 'weaken', 'ready_is_ready']);
    expect(symbols[2]!.children!.map((s) => s.name)).toEqual(['n', 'pod', 'phase', 'init', 'tick', 'fair weak tick']);
  });

  it('colours tokens with the advertised legend', async () => {
    const tokens = await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: mainUri } });
    expect(tokens.data.length % 5).toBe(0);
    // the first token is the keyword `module` at 0:0
    expect(tokens.data.slice(0, 5)).toEqual([0, 0, 6, 0, 0]);
    const types = new Set<number>();
    for (let i = 3; i < tokens.data.length; i += 5) types.add(tokens.data[i]!);
    for (const t of [0, 1, 2, 3, 4, 6]) expect(types).toContain(t); // keyword type function variable parameter comment
  });

  it('offers verify and model-check lenses', async () => {
    const lenses = await request<{ command: { command: string; arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri: mainUri } });
    expect(lenses.map((l) => `${l.command.command} ${String(l.command.arguments[1])}`)).toEqual(['kproof.verify bounded', 'kproof.verify weaken', 'kproof.verify ready_is_ready']);
  });
});

describe('completion', () => {
  const labels = (items: CompletionItem[] | { items: CompletionItem[] }): string[] => (Array.isArray(items) ? items : items.items).map((i) => i.label);

  it('offers names in scope, machine variables and keywords', async () => {
    const items = await request<CompletionItem[]>('textDocument/completion', at('n < LIMIT', 0));
    const names = labels(items);
    for (const n of ['n', 'pod', 'phase', 'tick', 'LIMIT', 'twice', 'app.types', 'temporal', 'Some', 'forall']) expect(names).toContain(n);
  });

  it('offers record fields, enum constructors, collection methods and module members after a dot', async () => {
    const text = 'module app.comp\n\nimport app.types\n\ndef f(p: app.types.Pod): Int = p.tags.len()\ndef g: app.types.Phase = app.types.Idle\n';
    const uri = await client.open(path.join(root, 'app/comp.kspec'), text);
    await client.diagnosticsFor(uri, 1);
    const fields = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'p.tags', 2) });
    expect(labels(fields).sort()).toEqual(['name', 'ready', 'tags']);
    const methods = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'tags.len', 5) });
    expect(labels(methods).sort()).toEqual(['contains', 'len', 'push']);
    const members = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'types.Idle', 6) });
    expect(labels(members)).toEqual(expect.arrayContaining(['Phase', 'Pod', 'isReady', 'Idle', 'Busy']));
    await client.change(uri, 2, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'def h: app.types.Phase = app.types.Phase.' }]);
    const ctors = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 41 } });
    expect(labels(ctors)).toEqual(['Idle', 'Busy']);
    await client.close(uri);
  });

  it('offers rules and lemmas after `by`, with their statements', async () => {
    const text = 'module app.byc\n\nimport temporal\n\nlemma mine(p: Formula): [][]p <==> []p\nproof by \n';
    const uri = await client.open(path.join(root, 'app/byc.kspec'), text);
    const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 9 } });
    const names = labels(items);
    expect(names).toEqual(expect.arrayContaining(['invariant', 'smt', 'wf1', 'ptl', 'temporal.always_weaken', 'temporal.leads_to_trans']));
    const weaken = items.find((i) => i.label === 'temporal.always_weaken');
    expect(weaken?.detail).toBe('lemma always_weaken(p: Formula, q: Formula): []p && [](p ==> q) ==> []q');
    await client.close(uri);
  });
});

describe('editing', () => {
  it('formats the document with formatKspec', async () => {
    const text = 'module   app.fmt\n\ndef   f(x:Int):Int=x+1\n';
    const uri = await client.open(path.join(root, 'app/fmt.kspec'), text);
    const edits = await request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.newText).toBe('module app.fmt\n\ndef f(x: Int): Int = x + 1\n');
    await client.close(uri);
  });

  it('renames a local name everywhere it is used, and nothing else', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', { ...at('x + x'), newName: 'value' });
    const changes = edit.changes![mainUri]!;
    expect(changes).toHaveLength(3);
    expect(changes.every((c) => c.newText === 'value' && c.range.start.line === positionOf(mainText, 'x + x').line)).toBe(true);
    const step = await request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', at('y = x', 0));
    expect(step.placeholder).toBe('y');
  });

  it('refuses to rename a declaration other modules may use, with a clear error', async () => {
    await expect(request('textDocument/rename', { ...at('twice'), newName: 'double' })).rejects.toThrow(/only local names/);
    await expect(request('textDocument/rename', { ...at('x + x'), newName: 'forall' })).rejects.toThrow(/keyword/);
  });
});

describe('robustness', () => {
  it('answers a failing request with an error and keeps serving', async () => {
    await expect(request('workspace/executeCommand', { command: 'kproof.nope', arguments: [mainUri] })).rejects.toThrow(/unknown command/);
    await expect(request('workspace/executeCommand', { command: 'kproof.verify', arguments: [] })).rejects.toThrow(/URI/);
    const nowhere = await request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(path.join(root, 'missing.kspec')) }, position: { line: 0, character: 0 } });
    expect(nowhere).toBeNull();
    const h = await request<Hover>('textDocument/hover', at('x + x'));
    expect(h).not.toBeNull();
    expect(client.alive).toBe(true);
  });
});
