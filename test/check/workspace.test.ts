// Re-checking after an edit: only the edited module and what depends on it are checked again.
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/check/index.js';
import { exprs } from './helpers.js';

const LIB = 'module lib\nrecord P { a: Int }\ndef get(p: P): Int = p.a\n';
const MID = 'module mid\nimport lib\ndef twice(p: lib.P): Int = lib.get(p) * 2\n';
const TOP = 'module top\nimport mid\nimport lib\ndef v: Int = mid.twice(lib.P { a: 1 })\n';

function workspace(): { ws: Workspace; reads: string[] } {
  const files = new Map([
    ['/w/lib.kspec', LIB],
    ['/w/mid.kspec', MID],
    ['/w/top.kspec', TOP],
  ]);
  const reads: string[] = [];
  const ws = new Workspace({
    readFile: (p) => {
      reads.push(p);
      return files.get(p);
    },
  });
  return { ws, reads };
}

describe('Workspace', () => {
  it('reuses unchanged modules and re-checks only the edited one and its dependents', () => {
    const { ws } = workspace();
    const first = ws.check('/w/top.kspec').program!;
    const again = ws.check('/w/top.kspec').program!;
    expect(again.modules.map((m) => m.name)).toEqual(['lib', 'mid', 'top']);
    again.modules.forEach((m, i) => expect(m).toBe(first.modules[i]));

    ws.update('/w/top.kspec', TOP.replace('a: 1', 'a: 2'));
    const edited = ws.check('/w/top.kspec').program!;
    expect(edited.modules[0]).toBe(first.modules[0]);
    expect(edited.modules[1]).toBe(first.modules[1]);
    expect(edited.modules[2]).not.toBe(first.modules[2]);

    ws.update('/w/lib.kspec', LIB + 'def extra: Int = 0\n');
    const deep = ws.check('/w/top.kspec').program!;
    deep.modules.forEach((m, i) => expect(m).not.toBe(edited.modules[i]));
    const ids = exprs(deep.modules).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports errors introduced by an edit and clears them when fixed', () => {
    const { ws } = workspace();
    expect(ws.check('/w/top.kspec').diagnostics).toEqual([]);
    ws.update('/w/lib.kspec', LIB.replace('p.a', 'p.b'));
    const broken = ws.check('/w/top.kspec');
    expect(broken.program).toBeUndefined();
    expect(broken.diagnostics.map((d) => `${d.code} ${d.span.file}`)).toEqual(['KSP028 /w/lib.kspec']);
    ws.update('/w/lib.kspec', LIB);
    expect(ws.check('/w/top.kspec').program).toBeDefined();
  });

  it('reports syntax errors of an imported file and does not cascade into its importers', () => {
    const { ws } = workspace();
    ws.update('/w/mid.kspec', 'module mid\nimport lib\ndef twice(p: lib.P): Int = (\n');
    const r = ws.check('/w/top.kspec');
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.span.file === '/w/mid.kspec')).toBe(true);
  });

  it('reads each file once across checks, and again after forget', () => {
    const { ws, reads } = workspace();
    ws.check('/w/top.kspec');
    ws.check('/w/top.kspec');
    expect(reads.filter((f) => f === '/w/lib.kspec')).toHaveLength(1);
    ws.forget('/w/lib.kspec');
    ws.check('/w/top.kspec');
    expect(reads.filter((f) => f === '/w/lib.kspec')).toHaveLength(2);
  });
});
