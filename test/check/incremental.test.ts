// Re-checking after an edit inside def bodies re-checks only those bodies; whatever the edits,
// the workspace reports exactly what a check from scratch of the same text reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/check/index.js';
import type { ModuleSymbols } from '../../src/check/index.js';
import type { ModuleIR } from '../../src/ir/index.js';

const LIB = `module lib
record P { a: Int, b: Bool }
def get(p: P): Int = p.a
`;

const MAIN = `module main
import lib
enum Phase { Idle, Running(step: Int), Done(code: Int) }
record Obj { name: String, replicas: Int, phase: Phase }
type Name = String
const MAX: Int
assume MAX > 0
def grow(o: Obj): Obj = { o with replicas: o.replicas + 1 }
def ready(o: Obj): Bool = match o.phase { Running(s) => s >= MAX, Done(c) => c == 0, _ => false }
def total(xs: Seq<Int>, k: Int): Int = if k <= 0 then 0 else let y = k * 2 in y + xs.len()
def count(n: Int): Int decreases n = if n <= 0 then 0 else count(n - 1) + 1
def ping(n: Int): Int decreases n = if n <= 0 then 0 else pong(n - 1) + lib.get(lib.P { a: n, b: true })
def pong(n: Int): Int decreases n = if n <= 0 then 1 else ping(n - 2) * 2
def pick(xs: Seq<Int>, i: Int): Int = if i < xs.len() then xs[i] else total(xs, i)
def twice(size: Int): Int = size + size
def step(size: Int): Int = twice(size) + grow(Obj { name: "s", replicas: size, phase: Idle }).replicas
machine Ctl {
  var objs: Map<Name, Obj>
  var queue: Seq<Name>
  var count: Int
  def busy: Bool = queue.len() > 0
  init { objs == Map {} && queue == [] && count == 0 }
  action enqueue(n: Name in {"a", "b"}) {
    require !(n in objs) && count < MAX
    queue' = queue.push(n)
    count' = count + 1
  }
  action reconcile {
    require busy
    objs' = objs.insert(queue[0], grow(Obj { name: queue[0], replicas: 0, phase: Idle }))
    queue' = []
  }
  fair weak enqueue(*)
}
theorem bounded: Ctl |= [](0 <= count && count <= MAX)
proof by invariant
extend Ctl {
  def crowded(k: Int): Bool = queue.len() > k && busy
  def settled(n: Name): Bool = n in objs && ready(objs[n])
}
theorem calm: Ctl |= [](crowded(1) ==> busy && !settled("a") || settled("a"))
proof by smt
`;

const FILES = { '/w/lib.kspec': LIB, '/w/main.kspec': MAIN };

function workspace(files: Record<string, string>): Workspace {
  return new Workspace({ readFile: (p) => files[p] });
}

/** An IR without its ids, which differ between workspaces (each has its own id source). */
function withoutIds(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'id' ? undefined : typeof v === 'bigint' ? `${v}n` : v)));
}

function table(s: ModuleSymbols | undefined): unknown {
  return s && withoutIds({ refs: s.table.refs, locals: s.table.locals, exprs: s.table.exprs, decls: s.decls });
}

/** Checks `text` as main.kspec both in `ws` (incrementally) and from scratch, and compares. */
function expectSameAsFromScratch(ws: Workspace, text: string): void {
  ws.update('/w/main.kspec', text);
  const incremental = ws.check('/w/main.kspec');
  const fresh = workspace({ ...FILES, '/w/main.kspec': text });
  const scratch = fresh.check('/w/main.kspec');
  expect(incremental.diagnostics).toEqual(scratch.diagnostics);
  expect(table(ws.symbols('/w/main.kspec'))).toEqual(table(fresh.symbols('/w/main.kspec')));
  const mainIR = (r: typeof scratch): ModuleIR | undefined => r.program?.modules.find((m) => m.name === 'main');
  expect(withoutIds(mainIR(incremental))).toEqual(withoutIds(mainIR(scratch)));
}

/** Where def bodies lie in the text: same-length edits there take the incremental path. */
function bodyRegions(text: string): [number, number][] {
  const regions: [number, number][] = [];
  const re = /^\s*def [^\n]*?\) ?: [^=\n]+= ([^\n]*)$|^\s*def \w+: [^=\n]+= ([^\n]*)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[1] ?? m[2]!;
    const end = m.index + m[0].length;
    regions.push([end - body.length, end]);
  }
  return regions;
}

const REGIONS = bodyRegions(MAIN);
/** what a body's words and operators may be swapped for (padded with spaces to the same length) */
const CALLEES = ['ping', 'pong', 'pick', 'count', 'total', 'grow', 'ready', 'twice', 'step'];
const NAMES = ['x', 'k', 'n', 'y', 'o', 's', 'i', 'xs', '0', '1', '2', 'MAX', 'true', 'ping', 'pong', 'pick', 'count', 'total', 'grow', 'ready', 'lib', 'get', 'Idle', 'Done'];
const OPERATORS = ['+', '-', '*', '<', '>', '<=', '>=', '==', '&&'];
const KEYWORDS = new Set(['if', 'then', 'else', 'let', 'in', 'match', 'with']);
const SNIPPETS = ['x', ' + 1', 'true', '(', ')', '\n', 'def z: Int = 1\n', 'total', 'lib.', ' * k', '"s"', '{', '}', 'forall i: Int :: ', '/*', '*/'];
const CHARS = ['x', '1', '+', '(', ')', ' ', '.', '"', '{', '}', '_', '\n'];
/** typed into a body: the text after it moves (by lines, too) */
const TYPED = ['x', '1', ' ', ' + 1', ' * k', '\n', '\n  ', '(', 'z', 'total(xs, 1) + '];

/**
 * A same-length change inside a def body (mostly a word or an operator swapped for another, which
 * usually still parses), text typed into or deleted from a def body (which moves everything
 * after it), or an insertion or deletion anywhere.
 */
const edit = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('word' as const),
      region: fc.nat({ max: REGIONS.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      name: fc.constantFrom(...NAMES),
      operator: fc.constantFrom(...OPERATORS),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('call' as const),
      region: fc.nat({ max: REGIONS.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      callee: fc.constantFrom(...CALLEES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('char' as const),
      region: fc.nat({ max: REGIONS.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      text: fc.constantFrom(...CHARS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      region: fc.nat({ max: REGIONS.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.constantFrom(...TYPED),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      region: fc.nat({ max: REGIONS.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      count: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('any' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 6 }),
      text: fc.constantFrom(...SNIPPETS),
    }),
  },
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

/** Applies an edit; body edits land in a def body as it lies in the text (if there is one). */
function apply(text: string, e: Edit): string {
  if (e.kind === 'any') {
    const at = Math.floor(e.at * text.length);
    return text.slice(0, at) + e.text + text.slice(Math.min(text.length, at + e.remove));
  }
  const regions = bodyRegions(text);
  if (regions.length === 0) return text;
  const [from, to] = regions[e.region % regions.length]!;
  const region = text.slice(from, to);
  if (e.kind === 'type') {
    const at = from + Math.floor(e.at * region.length);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  if (e.kind === 'delete') {
    const at = from + Math.floor(e.at * region.length);
    return text.slice(0, at) + text.slice(Math.min(to, at + e.count));
  }
  if (e.kind === 'char') {
    const at = from + Math.floor(e.at * region.length);
    return text.slice(0, at) + e.text + text.slice(at + 1);
  }
  if (e.kind === 'call') {
    // another callee changes the call graph: recursion appears and disappears
    const calls = [...region.matchAll(/\w+(?=\()/g)];
    const call = calls[Math.floor(e.at * calls.length)];
    if (!call || e.callee.length > call[0].length) return text;
    return text.slice(0, from + call.index) + e.callee.padEnd(call[0].length) + text.slice(from + call.index + call[0].length);
  }
  const words = [...region.matchAll(/\w+|<=|>=|==|&&|[+\-*<>]/g)].filter((w) => !KEYWORDS.has(w[0]));
  const word = words[Math.floor(e.at * words.length)];
  const replacement = word && /\w/.test(word[0]) ? e.name : e.operator;
  if (!word || replacement.length > word[0].length) return text;
  const at = from + word.index;
  return text.slice(0, at) + replacement.padEnd(word[0].length) + text.slice(at + word[0].length);
}

describe('incremental re-check', () => {
  it('re-checks only the edited def body and reuses every other def', () => {
    const ws = workspace({ ...FILES });
    const first = ws.check('/w/main.kspec').program!.modules.find((m) => m.name === 'main')!;
    ws.update('/w/main.kspec', MAIN.replace('k * 2', 'k * 3'));
    const edited = ws.check('/w/main.kspec').program!.modules.find((m) => m.name === 'main')!;
    for (const [i, d] of edited.defs.entries()) {
      if (d.name === 'main.total') expect(d).not.toBe(first.defs[i]);
      else expect(d).toBe(first.defs[i]);
    }
    expect(edited.machines[0]).toBe(first.machines[0]);
    expect(edited.theorems[0]).toBe(first.theorems[0]);
  });

  it('reuses every declaration that text typed into a body moved', () => {
    const ws = workspace({ ...FILES });
    const first = ws.check('/w/main.kspec').program!.modules.find((m) => m.name === 'main')!;
    for (const text of [MAIN.replace('o.replicas + 1', 'o.replicas + 10'), MAIN.replace('o.replicas + 1', 'o.replicas +\n    1'), MAIN]) {
      expectSameAsFromScratch(ws, text);
      const edited = ws.check('/w/main.kspec').program!.modules.find((m) => m.name === 'main')!;
      for (const [i, d] of edited.defs.entries()) {
        if (d.name === 'main.grow') expect(d).not.toBe(first.defs[i]);
        else expect(d).toBe(first.defs[i]);
      }
      expect(edited.machines[0]).toBe(first.machines[0]);
      expect(edited.theorems[0]).toBe(first.theorems[0]);
    }
  });

  it('keeps what refers to an edited def right when text typed above it moves it', () => {
    const ws = workspace({ ...FILES });
    expectSameAsFromScratch(ws, MAIN);
    // \`pick\` refers to \`total\`, whose body (and so its syntax tree) changes first
    const edited = MAIN.replace('k * 2', 'k * 3');
    expectSameAsFromScratch(ws, edited);
    expectSameAsFromScratch(ws, edited.replace('o.replicas + 1', 'o.replicas +\n 1'));
    expectSameAsFromScratch(ws, edited.replace('o.replicas + 1', 'o.replicas +\n 1').replace('k * 3', 'k * 3 + k'));
    expectSameAsFromScratch(ws, MAIN);
  });

  it('moves the positions the check computed itself with the declarations they belong to', () => {
    // a prime outside a machine and a second `init` are reported at spans the checker computes
    const errors = MAIN.replace('def twice(size: Int): Int = size + size', "def twice(size: Int): Int = size' + size").replace(
      '  init { objs == Map {} && queue == [] && count == 0 }',
      '  init { objs == Map {} && queue == [] && count == 0 }\n  init { count == 0 }',
    );
    const ws = workspace({ ...FILES });
    expectSameAsFromScratch(ws, errors);
    expect(ws.check('/w/main.kspec').diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['KSP047', 'KSP064']));
    expectSameAsFromScratch(ws, errors.replace('o.replicas + 1', 'o.replicas +\n\n 12'));
    expectSameAsFromScratch(ws, errors.replace('o.replicas + 1', 'o.replicas'));
    expectSameAsFromScratch(ws, errors);
  });

  it('reports an error introduced in a body and clears it when fixed, like a full check', () => {
    const ws = workspace({ ...FILES });
    expectSameAsFromScratch(ws, MAIN);
    expectSameAsFromScratch(ws, MAIN.replace('k * 2', 'q * 2'));
    expectSameAsFromScratch(ws, MAIN.replace('decreases n = if n <= 0 then 0 else count', 'decreases n = if n <= 0 then 0 else total'));
    // same length, so only the body is re-checked: `pick` becomes recursive without `decreases`
    expectSameAsFromScratch(ws, MAIN.replace('total(xs, i)', 'pick (xs, i)'));
    // a line break typed over a space: later declarations keep their offsets but move down a line
    expectSameAsFromScratch(ws, MAIN.replace('size + size', 'size +\nsize'));
    expectSameAsFromScratch(ws, MAIN);
  });

  it('gives the diagnostics, symbols and IR of a check from scratch after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const ws = workspace({ ...FILES });
        let text = MAIN;
        expectSameAsFromScratch(ws, text);
        for (const e of edits) {
          text = apply(text, e);
          expectSameAsFromScratch(ws, text);
        }
      }),
      { numRuns: 60, seed: 20261121 },
    );
  });
});
