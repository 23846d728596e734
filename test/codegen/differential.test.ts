// Generated code against the SMT semantics of the same defs: for random inputs (fast-check), the
// value the generated function computes is the only value Z3 allows (asserting anything else is
// unsat). The model checker's index.ts exports no evaluator, so Z3 (through src/smt) is the
// reference here.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as rt from '../../src/codegen/runtime.js';
import type { Expr, Program, Type } from '../../src/ir/index.js';
import { SmtEncoder } from '../../src/smt/index.js';
import { createSolver, type Solver } from '../../src/solver/index.js';
import { generate } from './generate-helper.js';

const span = { file: 'differential', start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
let nextId = 2_000_000_000;
const node = (n: object, type: Type): Expr => ({ ...n, id: nextId++, span, type, level: 'constant' }) as Expr;

/** a generated-code value as an IR literal of its kspec type */
function toIr(v: unknown, t: Type, program: Program): Expr {
  switch (t.kind) {
    case 'bool':
      return node({ kind: 'bool', value: v }, t);
    case 'int':
      return node({ kind: 'int', value: v }, t);
    case 'string':
      return node({ kind: 'string', value: v }, t);
    case 'seq':
      return node({ kind: 'seqLit', elems: (v as unknown[]).map((x) => toIr(x, t.elem, program)) }, t);
    case 'set':
      return node({ kind: 'setLit', elems: [...(v as Iterable<unknown>)].map((x) => toIr(x, t.elem, program)) }, t);
    case 'map':
      return node({ kind: 'mapLit', entries: [...(v as Iterable<[unknown, unknown]>)].map(([k, x]) => ({ key: toIr(k, t.key, program), value: toIr(x, t.value, program) })) }, t);
    case 'option': {
      if (v === undefined) return node({ kind: 'none' }, t);
      const tagged = t.elem.kind === 'option';
      return node({ kind: 'some', arg: toIr(tagged ? (v as { some: unknown }).some : v, t.elem, program) }, t);
    }
    case 'tuple':
      return node({ kind: 'tuple', elems: t.elems.map((e, i) => toIr((v as unknown[])[i], e, program)) }, t);
    case 'record': {
      const decl = program.records.get(t.name)!;
      return node({ kind: 'record', record: t.name, fields: decl.fields.map((f) => toIr((v as Record<string, unknown>)[f.name], f.type, program)) }, t);
    }
    case 'enum': {
      const value = v as { kind: string } & Record<string, unknown>;
      const ctor = program.enums.get(t.name)!.ctors.find((c) => c.name === value.kind)!;
      return node({ kind: 'ctor', enumName: t.name, ctor: ctor.name, args: ctor.fields.map((f) => toIr(value[f.name === 'kind' ? 'kind$' : f.name], f.type, program)) }, t);
    }
    default:
      throw new Error(`no literal for ${t.kind}`);
  }
}

/** random values in the representation generated code uses */
function arb(t: Type, program: Program): fc.Arbitrary<unknown> {
  switch (t.kind) {
    case 'bool':
      return fc.boolean();
    case 'int':
      return fc.bigInt({ min: -20n, max: 20n });
    case 'string':
      return fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', 'é'), maxLength: 3 });
    case 'seq':
      return fc.array(arb(t.elem, program), { maxLength: 3 });
    case 'set':
      return fc.array(arb(t.elem, program), { maxLength: 3 }).map((xs) => rt.setOf(xs));
    case 'map':
      return fc.array(fc.tuple(arb(t.key, program), arb(t.value, program)), { maxLength: 3 }).map((xs) => rt.mapOf(xs));
    case 'option': {
      const inner = arb(t.elem, program);
      return fc.option(t.elem.kind === 'option' ? inner.map((some) => ({ some })) : inner, { nil: undefined });
    }
    case 'tuple':
      return fc.tuple(...t.elems.map((e) => arb(e, program)));
    case 'record': {
      const decl = program.records.get(t.name)!;
      return fc.record(Object.fromEntries(decl.fields.map((f) => [f.name, arb(f.type, program)])));
    }
    case 'enum': {
      const decl = program.enums.get(t.name)!;
      return fc.oneof(
        ...decl.ctors.map((c) =>
          fc.tuple(...c.fields.map((f) => arb(f.type, program))).map((args) => ({ kind: c.name, ...Object.fromEntries(c.fields.map((f, i) => [f.name === 'kind' ? 'kind$' : f.name, args[i]])) })),
        ),
      );
    }
    default:
      throw new Error(`no arbitrary for ${t.kind}`);
  }
}

// `count` (S.size() of a parameter) is left out: its SMT encoding is deliberately loose (>= 0, 0 iff empty).
const DEFS = ['catch', 'area', 'width', 'is_round', 'euclid', 'nested', 'wrap', 'unwrap_or', 'points', 'has_origin', 'maybe', 'seqs', 'filt', 'img', 'comp', 'quants', 'lets', 'strs', 'maps', 'keyset', 'setops', 'eqs'];
const GENERATED_NAMES: Record<string, string> = { catch: 'catch$' };

describe('generated code agrees with the SMT semantics (Z3) on random inputs', () => {
  let dir: string;
  let program: Program;
  let mod: Record<string, (...args: unknown[]) => unknown>;
  let solver: Solver;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kproof-diff-'));
    const g = await generate('test/codegen/fixtures/codegen/tricky.kspec');
    program = g.program;
    const file = join(dir, 'tricky.ts');
    writeFileSync(file, g.code);
    mod = (await import(file)) as typeof mod;
    const created = createSolver({ backend: 'auto', jobs: 2 });
    if (!created.ok) throw new Error(created.message);
    solver = created.solver;
  });
  afterAll(async () => {
    await solver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(DEFS)('%s', async (name) => {
    const q = `codegen.tricky.${name}`;
    const def = program.defs.get(q)!;
    const usesDefault = name === 'catch';
    const inputs = fc.sample(fc.tuple(fc.bigInt({ min: -5n, max: 5n }), ...def.params.map((p) => arb(p.type, program))), { numRuns: 6, seed: 42 });
    let checked = 0;
    for (const [constant, ...args] of inputs) {
      const fn = mod[GENERATED_NAMES[name] ?? name]!;
      let result: unknown;
      try {
        result = usesDefault ? fn({ default$: constant }, ...args) : fn(...args);
      } catch (e) {
        if (e instanceof Error && e.name === 'KspecPartialError') continue;
        throw e;
      }
      const enc = new SmtEncoder(program);
      const call = node({ kind: 'call', def: q, args: args.map((a, i) => toIr(a, def.params[i]!.type, program)) }, def.result);
      const env = { state: 0, polarity: 'both' as const };
      const assertions = [`(not (= ${enc.expr(call, env)} ${enc.expr(toIr(result, def.result, program), env)}))`];
      if (usesDefault) assertions.push(`(= ${enc.constant('codegen.tricky.default')} ${enc.expr(toIr(constant, { kind: 'int' }, program), env)})`);
      const verdict = await solver.check({ smt: enc.render(assertions), timeoutMs: 10_000, wantModel: false });
      expect(verdict.status, `${name}(${args.map(rt.canonicalKey).join(', ')}) = ${rt.canonicalKey(result)}`).toBe('unsat');
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
