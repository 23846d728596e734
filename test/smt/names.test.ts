// Laws of the naming and literal escaping, and determinism of the whole encoding.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeName, SOLVER_OPTIONS, stringLiteral, SYM } from '../../src/smt/index.js';
import { checkFiles } from '../../src/check/index.js';
import { planTheorem } from '../../src/prove/index.js';
import { closeSolvers, sharedSolver, specFile } from './helper.js';
import { readFileSync } from 'node:fs';

afterAll(closeSolvers);

/** SMT-LIB 2.6 string literal → its characters (the reading z3 applies) */
function decodeLiteral(lit: string): string {
  expect(lit.startsWith('"') && lit.endsWith('"')).toBe(true);
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '"') {
      expect(body[i + 1]).toBe('"');
      out += '"';
      i++;
    } else if (body.startsWith('\\u{', i)) {
      const close = body.indexOf('}', i);
      out += String.fromCodePoint(parseInt(body.slice(i + 3, close), 16));
      i = close;
    } else {
      expect(body[i]).not.toBe('\\');
      out += body[i];
    }
  }
  return out;
}

describe('names', () => {
  it('escapeName is injective and yields only safe characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const ea = escapeName(a);
        expect(ea).toMatch(/^[A-Za-z0-9_.%;0-9a-f]*$/);
        if (a !== b) expect(ea).not.toBe(escapeName(b));
      }),
      { numRuns: 500 },
    );
  });

  it('symbols of different categories never coincide', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,8}$/), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), (q, n) => {
        const all = [SYM.record(q), SYM.recordCtor(q), SYM.recordField(q, n), SYM.enumSort(q), SYM.enumCtor(q, n), SYM.abstractSort(q), SYM.constant(q), SYM.variable(0, q, n), SYM.variable(1, q, n), SYM.def(q), SYM.local(1, n)];
        expect(new Set(all).size).toBe(all.length);
        for (const s of all) expect(s).toMatch(/^\|[^|\\]*\|$/);
      }),
    );
  });
});

describe('string literals', () => {
  it('decode back to exactly the original text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lit = stringLiteral(s);
        expect(lit).toMatch(/^"[\x20-\x7e]*"$/);
        expect(decodeLiteral(lit)).toBe(s.replace(/[\ud800-\udfff]/g, (c) => c));
      }),
      { numRuns: 500 },
    );
  });

  it('z3 reads them with the right length', async () => {
    const samples = fc.sample(fc.string({ unit: fc.constantFrom('a', '"', '\\', 'u', '{', '}', '|', ')', '(', ' ', '\n', 'é', '😀', ';') , maxLength: 12 }), { numRuns: 60, seed: 7 });
    const smt = samples.map((s) => `(assert (= (str.len ${stringLiteral(s)}) ${[...s].length}))`).join('\n');
    expect((await sharedSolver('z3').check({ smt, timeoutMs: 10_000, wantModel: false })).status).toBe('sat');
    const wrong = `${smt}\n(assert (= (str.len ${stringLiteral(samples[3]!)}) ${[...samples[3]!].length + 1}))`;
    expect((await sharedSolver('z3').check({ smt: wrong, timeoutMs: 10_000, wantModel: false })).status).toBe('unsat');
  });
});

describe('determinism', () => {
  it('the same spec gives byte-identical obligations, checked twice from scratch', () => {
    const text = readFileSync('test/fixtures/smt/mix.kspec', 'utf8');
    const render = () => {
      const program = checkFiles([specFile(text)]).program!;
      return [...program.theorems.values()].flatMap((t) => planTheorem(program, t).plan.obligations.map((o) => o.smt));
    };
    const a = render();
    const b = render();
    expect(a.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  it('every obligation sets the options the kernel varies: a solver keeps options from one job to the next', () => {
    const program = checkFiles([specFile(readFileSync('test/fixtures/smt/mix.kspec', 'utf8'))]).program!;
    const texts = [...program.theorems.values()].flatMap((t) => planTheorem(program, t).plan.obligations.map((o) => o.smt));
    expect(SOLVER_OPTIONS).toContain('(set-option :smt.ematching true)');
    for (const smt of texts) expect(smt.startsWith(SOLVER_OPTIONS)).toBe(true);
  });

  it('an unrelated edit earlier in the file leaves other obligations (and their cache keys) unchanged', () => {
    const text = readFileSync('test/fixtures/smt/mix.kspec', 'utf8');
    const edited = text.replace('record Pod', 'def unrelated(a: Int, b: Seq<Int>): Bool = forall x in b :: x > a\nrecord Pod');
    const hashes = (source: string) => {
      const program = checkFiles([specFile(source)]).program!;
      return [...program.theorems.values()].flatMap((t) => planTheorem(program, t).plan.obligations.map((o) => `${o.id} ${o.hash}`));
    };
    expect(edited).not.toBe(text);
    expect(hashes(edited)).toEqual(hashes(text));
  });
});
