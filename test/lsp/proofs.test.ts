// Proof and model-check status after save, through the built server's proof worker.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { TheoremStatusItem } from '../../src/lsp/index.js';
import { LspClient } from './client.js';
import { positionOf, scratchWorkspace } from './fixtures.js';

interface StatusParams {
  readonly uri: string;
  readonly version: number;
  readonly theorems: readonly TheoremStatusItem[];
}

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

const settled = (uri: string, version: number) => (p: StatusParams) => p.uri === uri && p.version === version && p.theorems.every((t) => t.status !== 'pending');
const latestDiagnostics = (uri: string): PublishDiagnosticsParams => client.diagnostics.get(uri)!.at(-1)!;

describe('proof status after save', () => {
  it('shows a failed step at its line with the counterexample, and clears it once fixed', async () => {
    const file = path.join(root, 'app/steps.kspec');
    const text = fs.readFileSync(file, 'utf8');
    const uri = await client.open(file, text);
    await client.diagnosticsFor(uri, 1);
    const done = client.waitFor<StatusParams>('kproof/theoremStatus', settled(uri, 1), 50_000);
    await client.save(uri);
    const status = await done;
    expect(status.theorems.map((t) => [t.name, t.status])).toEqual([
      ['bounded', 'proved'],
      ['stepwise', 'not proved'],
    ]);
    const failed = latestDiagnostics(uri).diagnostics;
    expect(failed).toHaveLength(1);
    expect(failed[0]!.code).toBe('KSP100');
    expect(failed[0]!.range.start).toEqual(positionOf(text, 'by smt using low', 3));
    expect(failed[0]!.message).toContain('counterexample');
    const hover = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'stepwise', 2) }) as Hover;
    expect(JSON.stringify(hover.contents)).toContain('not proved');

    const fixed = text.replace('have low: [](n <= LIMIT)', 'have low: [](0 <= n && n <= LIMIT)');
    const from = positionOf(text, '[](n <= LIMIT)');
    await client.change(uri, 2, [{ range: { start: from, end: { line: from.line, character: from.character + '[](n <= LIMIT)'.length } }, text: '[](0 <= n && n <= LIMIT)' }]);
    fs.writeFileSync(file, fixed);
    const again = client.waitFor<StatusParams>('kproof/theoremStatus', settled(uri, 2), 50_000);
    await client.save(uri);
    expect((await again).theorems.map((t) => t.status)).toEqual(['proved', 'proved']);
    expect(latestDiagnostics(uri).version).toBe(2);
    expect(latestDiagnostics(uri).diagnostics).toEqual([]);
  });

  it('a newer save cancels the running proof: only the newest version reports', async () => {
    const file = path.join(root, 'app/main.kspec');
    const text = fs.readFileSync(file, 'utf8');
    const uri = await client.open(file, text);
    await client.diagnosticsFor(uri, 1);
    await client.save(uri);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    const latest = client.waitFor<StatusParams>('kproof/theoremStatus', settled(uri, 2), 50_000);
    await client.save(uri);
    const status = await latest;
    expect(status.theorems.every((t) => t.status === 'proved')).toBe(true);
    // the run for version 1 was cancelled (or finished before the edit): it never reports as current
    const stale = client.waitFor<StatusParams>('kproof/theoremStatus', settled(uri, 1), 500).then(() => 'reported', () => 'silent');
    expect(await stale).toBe('silent');
  });

  it('kproof.verify and kproof.modelCheck run on demand; a violation is a diagnostic on the model', async () => {
    const file = path.join(root, 'app/mcv.kspec');
    const text = [
      'module app.mcv',
      '',
      'const LIMIT: Int',
      '',
      'machine C {',
      '  var n: Int',
      '  init { n == 0 }',
      '  action tick {',
      '    require n < LIMIT',
      "    n' = n + 1",
      '  }',
      '}',
      '',
      'theorem small: C |= [](n < 2)',
      '',
      'model m of C {',
      '  LIMIT = 3',
      '  check small',
      '}',
      '',
    ].join('\n');
    fs.writeFileSync(file, text);
    const uri = await client.open(file, text);
    await client.diagnosticsFor(uri, 1);
    const verified = (await client.conn.sendRequest('workspace/executeCommand', { command: 'kproof.verify', arguments: [uri, 'small'] })) as { theorems: TheoremStatusItem[] };
    expect(verified.theorems.map((t) => [t.name, t.status, t.modelCheck])).toEqual([['small', 'not proved', 'violated']]);
    const mc = (await client.conn.sendRequest('workspace/executeCommand', { command: 'kproof.modelCheck', arguments: [uri, 'm'] })) as { models: { status: string; report: string }[] };
    expect(mc.models[0]!.status).toBe('violation');
    const violation = latestDiagnostics(uri).diagnostics.find((d) => d.source === 'kproof mc');
    expect(violation?.range.start).toEqual(positionOf(text, 'm of C', 0));
    expect(violation?.message).toContain('small');
  });
});
