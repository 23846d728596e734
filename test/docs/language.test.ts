// Every example in docs/language.md is checked, so the language reference cannot rot.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { CODES } from '../../src/diagnostics/index.js';

const DOC = new URL('../../docs/language.md', import.meta.url);
const text = readFileSync(DOC, 'utf8');

interface Example {
  readonly line: number;
  readonly module: string;
  readonly file: string;
  readonly expectCode?: string;
}

function examples(root: string): Example[] {
  const found: Example[] = [];
  const fence = /^```(kspec(?:-error)?)([^\n]*)\n([\s\S]*?)^```$/gm;
  for (const m of text.matchAll(fence)) {
    const line = text.slice(0, m.index).split('\n').length;
    const body = m[3]!;
    const declared = /^module\s+([\w.]+)/.exec(body);
    const module = declared ? declared[1]! : `doc.example_${line}`;
    const source = declared ? body : `module ${module}\n\n${body}`;
    // `kspec file=a/b-c.kspec`: the example lives in that file (spellings the loader accepts)
    const named = m[1] === 'kspec' ? /\bfile=(\S+)/.exec(m[2]!) : null;
    const file = named ? join(root, ...named[1]!.split('/')) : join(root, ...module.split('.')) + '.kspec';
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, source);
    found.push(m[1] === 'kspec-error' ? { line, module, file, expectCode: m[2]!.trim() } : { line, module, file });
  }
  return found;
}

const root = mkdtempSync(join(tmpdir(), 'kproof-doc-'));
const all = examples(root);

describe('docs/language.md', () => {
  it('has examples', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  for (const ex of all) {
    it(`example at line ${ex.line} (${ex.module}) ${ex.expectCode ? `reports ${ex.expectCode}` : 'checks clean'}`, () => {
      const result = checkFiles([ex.file]);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (ex.expectCode) expect(errors.map((d) => d.code)).toContain(ex.expectCode);
      else expect(errors.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`)).toEqual([]);
    });
  }

  it('lists every diagnostic code with its meaning', () => {
    const listed = text.slice(text.indexOf('<!-- codes:start -->'), text.indexOf('<!-- codes:end -->'));
    for (const [code, meaning] of Object.entries(CODES)) expect(listed).toContain(`| ${code} | ${meaning} |`);
  });
});
