// Module loading across real files: roots, the search path, qualified names, aliases, cycles,
// and the contract's Counter example.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles, lemmasDir } from '../../src/check/index.js';
import { writeUnder } from '../helpers/files.js';
import { describe as show } from './helpers.js';

let dir: string;

const write = (rel: string, text: string): string => writeUnder(dir, rel, text);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kproof-check-'));
  write('proj/lib/util.kspec', 'module lib.util\nrecord Pair { a: Int, b: Int }\nenum Color { Red, Green }\ndef swap(p: Pair): Pair = Pair { a: p.b, b: p.a }\nconst MAX: Int\ntheorem trivial: true\n');
  write('proj/app/main.kspec', [
    'module app.main',
    'import lib.util',
    'import lib.util as u',
    'import extra.more',
    'def one: lib.util.Pair = lib.util.Pair { a: 1, b: 2 }',
    'def two: u.Pair = u.swap(one)',
    'def col: u.Color = u.Color.Red',
    'def col2: Bool = u.Green == lib.util.Color.Green',
    'def m: Int = u.MAX + extra.more.K',
    'theorem th: true proof by smt using u.trivial, lib.util.trivial',
    'machine M { var x: Int }',
    'model small of M { MAX = 1; K = 2 }',
    '',
  ].join('\n'));
  write('inc/extra/more.kspec', 'module extra.more\nconst K: Int\n');
  write('cyc/a.kspec', 'module a\nimport b\n');
  write('cyc/b.kspec', 'module b\nimport a\n');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('module loading', () => {
  it('finds imports under the root, then --include directories, with qualified and aliased names', () => {
    const r = checkFiles([path.join(dir, 'proj/app/main.kspec')], { include: [path.join(dir, 'inc')] });
    expect(r.diagnostics.map(show)).toEqual([]);
    const p = r.program!;
    expect(p.modules.map((m) => m.name)).toEqual(['lib.util', 'extra.more', 'app.main']);
    expect(p.roots).toEqual(['app.main']);
    expect(p.modules[2]!.imports).toEqual(['lib.util', 'extra.more']);
    expect(p.defs.get('app.main.two')!.body).toMatchObject({ kind: 'call', def: 'lib.util.swap' });
    expect(p.defs.get('app.main.col')!.body).toMatchObject({ kind: 'ctor', enumName: 'lib.util.Color', ctor: 'Red' });
    expect([...p.models.get('app.main.small')!.constants.keys()].sort()).toEqual(['extra.more.K', 'lib.util.MAX']);
    expect(r.sources.size).toBe(3);
  });

  it('reports a module that is not on the search path at the import', () => {
    const r = checkFiles([path.join(dir, 'proj/app/main.kspec')]);
    const d = r.diagnostics.find((x) => x.code === 'KSP022')!;
    expect(d.span.start).toMatchObject({ line: 4, column: 8 });
    expect(r.program).toBeUndefined();
  });

  it('reports an import cycle once, at the import that closes it', () => {
    const r = checkFiles([path.join(dir, 'cyc/a.kspec')]);
    expect(r.diagnostics.map(show)).toEqual([expect.stringMatching(/^KSP024 2:8-2:9 import cycle: a → b → a$/)]);
  });

  it('reports an unreadable root file', () => {
    const r = checkFiles([path.join(dir, 'nope.kspec')]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['KSP300']);
  });

  it("finds kproof's own lemmas directory from the source tree", () => {
    expect(fs.existsSync(path.join(lemmasDir(), '..', 'package.json'))).toBe(true);
    expect(path.basename(lemmasDir())).toBe('lemmas');
  });
});

const COUNTER = `module examples.counter          // first line; the name matches the path (examples/counter.kspec)
import temporal                  // lemmas/temporal.kspec: names usable as temporal.leads_to_trans
import k8s.cluster as cluster    // alias

const LIMIT: Int                 // a constant: free in proofs, given a value in a model
assume LIMIT > 0                 // an assumption about constants
def inc(x: Int): Int = x + 1     // a pure, total function (non-recursive unless \`decreases e\` is given)
type S                           // an abstract type (a module parameter, see Generic modules)
def core(s: S): S                // an abstract function (no body: a module parameter)

machine Counter {
  var n: Int
  var done: Bool

  init { n == 0 && !done }       // a state predicate; for model checking, a conjunction of \`x == e\` / \`x in S\`

  action tick {
    require n < LIMIT            // guards (zero or more); their conjunction is ENABLED(tick)
    n' = n + 1                   // assignments; a variable not assigned is unchanged
  }

  action finish {
    require n == LIMIT && !done
    done' = true
  }

  action jump(k: Int in 0..LIMIT) {   // parameters range over a domain (a Set or Seq expression over constants and state)
    require k > n
    n' = k
  }

  fair weak tick                 // WF(tick)
  fair weak finish               // \`fair strong finish\` would be SF(finish)
  fair weak jump(*)              // WF(jump(k)) for every k
}

theorem bounded: Counter |= [](0 <= n && n <= LIMIT)
proof by invariant

theorem finishes: Counter |= <>[] done
proof {
  have s1: forall k: Int :: (n < LIMIT && LIMIT - n == k) ~> (n == LIMIT || (n < LIMIT && LIMIT - n < k))
                                                  by wf1(tick) using bounded
  have s2: n < LIMIT ~> n == LIMIT                by rank(LIMIT - n, s1) using bounded
  have s3: (n == LIMIT && !done) ~> done          by wf1(finish) using bounded
  have s4: [](done ==> []done)                    by stable
  have g:  [](!done ==> n < LIMIT || (n == LIMIT && !done))  by smt using bounded
  qed by ptl(s2, s3, s4, g)
}

model small of Counter {
  LIMIT = 3                      // every const gets a value
  check bounded, finishes        // theorems (or named formulas) to check by exploring states
}

record ZkState { phase: Int }
def zk_core(s: ZkState): ZkState = s
instance zk = k8s.cluster { type S = ZkState, def core = zk_core }
`;

describe('the contract example', () => {
  it('checks the Counter example of kspec.md clean, with the modules it imports', () => {
    const files = new Map([
      ['/w/examples/counter.kspec', COUNTER],
      ['/w/temporal.kspec', 'module temporal\nlemma leads_to_trans(p: Pred, q: Pred, r: Pred): (p ~> q) && (q ~> r) ==> (p ~> r)\n'],
      ['/w/k8s/cluster.kspec', 'module k8s.cluster\ntype S\ndef core(s: S): S\nmachine Ctl {\n  var st: S\n  action run { st\' = core(st) }\n}\n'],
    ]);
    const r = checkFiles(['/w/examples/counter.kspec'], { readFile: (p) => files.get(p) });
    expect(r.diagnostics.map(show)).toEqual([]);
    const p = r.program!;
    expect(p.modules.map((m) => m.name)).toEqual(['temporal', 'k8s.cluster', 'examples.counter.zk', 'examples.counter']);
    const counter = p.machines.get('examples.counter.Counter')!;
    expect(counter.actions.map((a) => a.name)).toEqual(['tick', 'finish', 'jump']);
    expect(p.modules[3]!.generic).toBe(true);
    expect(p.theorems.get('examples.counter.finishes')!.formula.level).toBe('temporal');
    expect(p.machines.get('examples.counter.zk.Ctl')!.vars[0]!.type).toEqual({ kind: 'record', name: 'examples.counter.ZkState' });
  });
});
