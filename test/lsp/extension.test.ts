// The VS Code extension's manifest, language configuration and TextMate grammar are well formed
// and agree with the server; the packaging script writes a valid .vsix.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './client.js';

const extensionDir = path.join(repoRoot, 'editors/vscode');
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  dependencies: Record<string, string>;
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = readJson(path.join(extensionDir, 'package.json')) as unknown as Manifest;

describe('VS Code extension', () => {
  it('declares the kspec language, its grammar and configuration', () => {
    expect(manifest.contributes.languages).toEqual([expect.objectContaining({ id: 'kspec', extensions: ['.kspec'], configuration: './language-configuration.json' })]);
    expect(manifest.contributes.grammars).toEqual([{ language: 'kspec', scopeName: 'source.kspec', path: './syntaxes/kspec.tmLanguage.json' }]);
    expect(manifest.activationEvents).toContain('onLanguage:kspec');
    expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(['kproof.path', 'kproof.include']);
  });

  it('has a main file that is valid JavaScript and uses vscode-languageclient from its own dependencies', () => {
    const main = path.join(extensionDir, manifest.main);
    expect(fs.existsSync(main)).toBe(true);
    execFileSync(process.execPath, ['--check', main]);
    const source = fs.readFileSync(main, 'utf8');
    expect(source).toContain("require('vscode-languageclient/node')");
    expect(source).toContain("'lsp', '--stdio'");
    expect(manifest.dependencies).toHaveProperty('vscode-languageclient');
    const root = readJson(path.join(repoRoot, 'package.json')) as { dependencies: Record<string, string> };
    expect(root.dependencies).not.toHaveProperty('vscode-languageclient');
  });

  it("contributes commands that do not collide with the server's own (registered by the client)", () => {
    const commands = manifest.contributes.commands.map((c) => c.command);
    expect(commands).toEqual(['kproof.verifyFile', 'kproof.modelCheckFile', 'kproof.restartServer']);
    expect(manifest.contributes.commands.map((c) => `${c.category}: ${c.title}`)).toEqual(['kproof: Verify file', 'kproof: Model check', 'kproof: Restart language server']);
    const source = fs.readFileSync(path.join(extensionDir, manifest.main), 'utf8');
    for (const c of commands) expect(source).toContain(`registerCommand('${c}'`);
    for (const serverCommand of ['kproof.verify', 'kproof.modelCheck']) expect(commands).not.toContain(serverCommand);
  });

  it('has a language configuration with comments, brackets, auto-closing and indentation rules', () => {
    const config = readJson(path.join(extensionDir, 'language-configuration.json')) as {
      comments: { lineComment: string; blockComment: string[] };
      brackets: string[][];
      autoClosingPairs: { open: string; close: string }[];
      indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    };
    expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    expect(config.brackets).toEqual([['{', '}'], ['[', ']'], ['(', ')']]);
    expect(config.autoClosingPairs.map((p) => p.open)).toEqual(['{', '[', '(', '"', '/*']);
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    expect(increase.test('machine Counter {')).toBe(true);
    expect(increase.test('  var n: Int')).toBe(false);
    expect(decrease.test('  }')).toBe(true);
  });

  it('ships a TextMate grammar whose patterns compile and whose includes resolve', () => {
    const grammar = readJson(path.join(repoRoot, 'grammar/kspec.tmLanguage.json')) as { scopeName: string; patterns: unknown[]; repository: Record<string, unknown> };
    expect(grammar.scopeName).toBe('source.kspec');
    const regexes: string[] = [];
    const includes: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof v === 'string') regexes.push(v);
        else if (k === 'include' && typeof v === 'string') includes.push(v);
        else walk(v);
      }
    };
    walk(grammar);
    expect(regexes.length).toBeGreaterThan(5);
    // Oniguruma syntax is close to JavaScript's for what the grammar uses; a pattern that does not compile is a typo
    for (const r of regexes) expect(() => new RegExp(r.replace(/\(\?x\)/g, ''))).not.toThrow();
    for (const inc of includes) if (inc.startsWith('#')) expect(grammar.repository).toHaveProperty(inc.slice(1));
  });

  it('packages a .vsix with the manifest, content types and the extension files', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kproof-vsix-')), 'test.vsix');
    execFileSync(process.execPath, [path.join(extensionDir, 'scripts/package.mjs'), '--skip-deps', `--out=${out}`]);
    const listing = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual(
      ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/README.md', 'extension/extension.js', 'extension/language-configuration.json', 'extension/package.json', 'extension/syntaxes/kspec.tmLanguage.json'].sort(),
    );
    const vsixManifest = execFileSync('unzip', ['-p', out, 'extension.vsixmanifest'], { encoding: 'utf8' });
    expect(vsixManifest).toContain('Id="kproof-vscode" Version="0.1.0" Publisher="kproof"');
    expect(execFileSync('unzip', ['-p', out, 'extension/syntaxes/kspec.tmLanguage.json'], { encoding: 'utf8' })).toBe(fs.readFileSync(path.join(repoRoot, 'grammar/kspec.tmLanguage.json'), 'utf8'));
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
