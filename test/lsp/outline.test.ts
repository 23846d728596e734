// The outline of a model: the properties it states (`check p: F`) are its children; what it checks by
// name is declared elsewhere, so it is not repeated there.
import { describe, expect, it } from 'vitest';
import { SymbolKind } from 'vscode-languageserver-protocol';
import { documentSymbols } from '../../src/lsp/outline.js';
import { parseModule } from '../../src/syntax/index.js';

describe('the outline of a model', () => {
  it('lists the properties the model states, with the range of each and of its name', () => {
    const text = 'module app.m\nmachine M { var x: Int }\ntheorem safe: M |= [](x >= 0)\nmodel small of M {\n  check safe\n  check grows: <>(x > 0)\n}\n';
    const { ast } = parseModule(text, '/virtual/app/m.kspec');
    const model = documentSymbols(ast!).find((s) => s.name === 'small')!;
    expect(model.kind).toBe(SymbolKind.Module);
    expect(model.children!.map((c) => [c.name, c.kind, c.range.start, c.selectionRange])).toEqual([
      ['grows', SymbolKind.Property, { line: 5, character: 2 }, { start: { line: 5, character: 8 }, end: { line: 5, character: 13 } }],
    ]);
  });
});
