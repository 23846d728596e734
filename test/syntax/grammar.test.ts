import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cstTypes, diagramsHtml } from '../../grammar/diagrams.js';
import { Lexer } from '../../grammar/chevrotain.js';
import { KspecParser, serializedProductions } from '../../grammar/parser.js';
import { allTokens, lexerConfig } from '../../grammar/tokens.js';

describe('the grammar', () => {
  it('passes Chevrotain’s self-analysis (it throws on ambiguities, left recursion, bad rules)', () => {
    expect(() => new KspecParser()).not.toThrow();
  });

  it('has token definitions that pass Chevrotain’s lexer validations', () => {
    expect(() => new Lexer(allTokens, lexerConfig())).not.toThrow();
  });

  it('serialises its productions, one per rule', () => {
    const names = serializedProductions().map((p) => ('name' in p ? p.name : ''));
    expect(names).toContain('module');
    expect(names).toContain('expression');
    expect(names).toContain('theoremDecl');
  });

  it('the committed diagrams and CST types are up to date (run `npm run grammar` after changing the grammar)', () => {
    const read = (file: string): string => readFileSync(new URL(`../../grammar/${file}`, import.meta.url), 'utf8');
    expect(read('cst.ts')).toBe(cstTypes());
    const html = diagramsHtml();
    expect(read('diagrams.html')).toBe(html);
    expect(html).not.toContain('unpkg.com');
    expect(html).toContain('"name": "theoremDecl"');
  });
});
