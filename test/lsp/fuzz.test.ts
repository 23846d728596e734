// Random edit sequences (with requests in between) never crash the server, and the final
// diagnostics are for the final text and lie inside it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './client.js';
import { scratchWorkspace } from './fixtures.js';

let client: LspClient;
let root: string;

beforeAll(async () => {
  root = scratchWorkspace();
  client = await LspClient.start(root);
});

afterAll(async () => {
  expect(await client.stop()).toBe(0);
  fs.rmSync(root, { recursive: true, force: true });
});

const FRAGMENTS = ['x', '.', '(', ')', '{', '}', '[]', '<>', '~>', "'", '"', '/*', '*/', '//', '\n', ' ', 'forall k: Int :: ', 'by ', 'proof {', 'have s: ', 'n', 'LIMIT', 'app.types.', '0..', 'é', '\u{1F600}', 'match n {', '=>', '&&', '|='];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 12 }),
  insert: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 }).map((parts) => parts.join('')),
  ask: fc.constantFrom('none', 'hover', 'completion', 'definition', 'references', 'symbols', 'tokens', 'lenses', 'format', 'rename'),
});

it('survives a few dozen random edits per run, with requests in between', async () => {
  const file = path.join(root, 'app/main.kspec');
  const original = fs.readFileSync(file, 'utf8');
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 20, maxLength: 40 }), async (edits) => {
      run++;
      const uri = `file://${path.join(root, `app/fuzz${run}.kspec`)}`;
      let doc = TextDocument.create(uri, 'kspec', 1, original.replace('module app.main', `module app.fuzz${run}`));
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kspec', version: 1, text: doc.getText() } });
      for (const e of edits) {
        const text = doc.getText();
        const start = Math.floor(e.at * text.length);
        const range = { start: doc.positionAt(start), end: doc.positionAt(Math.min(text.length, start + e.remove)) };
        const version = doc.version + 1;
        doc = TextDocument.update(doc, [{ range, text: e.insert }], version);
        await client.change(uri, version, [{ range, text: e.insert }]);
        const position = doc.positionAt(Math.floor(e.at * doc.getText().length));
        const params = { textDocument: { uri }, position };
        const ask = {
          none: undefined,
          hover: () => client.conn.sendRequest('textDocument/hover', params),
          completion: () => client.conn.sendRequest('textDocument/completion', params),
          definition: () => client.conn.sendRequest('textDocument/definition', params),
          references: () => client.conn.sendRequest('textDocument/references', { ...params, context: { includeDeclaration: true } }),
          lenses: () => client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } }),
          // refusing (no local name here) is an error response by design, not a failure
          rename: () => client.conn.sendRequest('textDocument/rename', { ...params, newName: 'renamed' }).catch((e: Error) => expect(e.message).toMatch(/rename|name/)),
          symbols: () => client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
          tokens: () => client.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }),
          format: () => client.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
        }[e.ask];
        if (ask) await ask();
      }
      const final = await client.diagnosticsFor(uri, doc.version, 20_000);
      expect(final.version).toBe(doc.version);
      const lines = doc.lineCount;
      for (const d of final.diagnostics) {
        expect(d.range.start.line).toBeLessThan(lines);
        expect(d.range.end.line).toBeLessThan(lines);
        expect(d.code).toMatch(/^KSP\d{3}$/);
      }
      await client.close(uri);
      expect(client.alive).toBe(true);
    }),
    { numRuns: 4, seed: 20261121 },
  );
  expect(client.logs.filter((l) => /failed|uncaught|unhandled/.test(l))).toEqual([]);
});
