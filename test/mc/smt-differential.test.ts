// One semantics: random well-typed expressions evaluate in the model checker's compiled closures to
// the value Z3 proves they have under the SMT encoding (src/smt). Where the closures report a
// partial operation (division by zero, an index outside the domain) the SMT value is unspecified,
// so those samples are skipped.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticSpan } from '../../src/diagnostics/index.js';
import type { Expr, ExprNode, MachineDecl, Program, Type } from '../../src/ir/index.js';
import { ExprCompiler } from '../../src/mc/compile-expr.js';
import { EvalError } from '../../src/mc/errors.js';
import { SmtEncoder, intLiteral } from '../../src/smt/index.js';

const span = syntheticSpan('differential');
const INT: Type = { kind: 'int' };
const BOOL: Type = { kind: 'bool' };
const SET: Type = { kind: 'set', elem: INT };
const SEQ: Type = { kind: 'seq', elem: INT };
const MAP: Type = { kind: 'map', key: INT, value: INT };

let nextId = 1;
const node = (type: Type, n: ExprNode): Expr => ({ id: nextId++, span, type, level: 'constant', ...n }) as Expr;
const builtin = (type: Type, op: Extract<ExprNode, { kind: 'builtin' }>['op'], ...args: Expr[]) => node(type, { kind: 'builtin', op, args });

const smallLit = fc.bigInt({ min: -6n, max: 6n }).map((v) => node(INT, { kind: 'int', value: v }));
const intLit = fc.oneof(fc.bigInt({ min: -12n, max: 12n }), fc.bigInt({ min: -(2n ** 66n), max: 2n ** 66n })).map((v) => node(INT, { kind: 'int', value: v }));

const { int: intExpr, bool: boolExpr } = fc.letrec<{ int: Expr; bool: Expr; set: Expr; seq: Expr; map: Expr }>((tie) => ({
  int: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    intLit,
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/', '%'), tie('int'), tie('int'))
      .map(([op, l, r]) => node(INT, { kind: 'arith', op: op as '+', left: l as Expr, right: r as Expr })),
    tie('int').map((a) => node(INT, { kind: 'neg', arg: a as Expr })),
    fc.tuple(tie('bool'), tie('int'), tie('int')).map(([c, t, e]) => node(INT, { kind: 'if', cond: c as Expr, then: t as Expr, else: e as Expr })),
    tie('seq').map((s) => builtin(INT, 'seq.len', s as Expr)),
    fc.tuple(tie('seq'), tie('int')).map(([s, i]) => builtin(INT, 'seq.index', s as Expr, i as Expr)),
    fc.tuple(tie('map'), tie('int')).map(([m, k]) => builtin(INT, 'map.index', m as Expr, k as Expr)),
  ),
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean().map((v) => node(BOOL, { kind: 'bool', value: v })),
    fc
      .tuple(fc.constantFrom('<', '<=', '>', '>='), tie('int'), tie('int'))
      .map(([op, l, r]) => node(BOOL, { kind: 'compare', op: op as '<', left: l as Expr, right: r as Expr })),
    fc.tuple(tie('int'), tie('int')).map(([l, r]) => node(BOOL, { kind: 'eq', left: l as Expr, right: r as Expr })),
    fc.tuple(tie('set'), tie('set')).map(([l, r]) => node(BOOL, { kind: 'eq', left: l as Expr, right: r as Expr })),
    fc.tuple(tie('seq'), tie('seq')).map(([l, r]) => node(BOOL, { kind: 'eq', left: l as Expr, right: r as Expr })),
    fc
      .tuple(fc.constantFrom('&&', '||', '==>', '<==>'), tie('bool'), tie('bool'))
      .map(([op, l, r]) => node(BOOL, { kind: 'logic', op: op as '&&', left: l as Expr, right: r as Expr })),
    tie('bool').map((a) => node(BOOL, { kind: 'not', arg: a as Expr })),
    fc.tuple(tie('int'), tie('set')).map(([x, s]) => builtin(BOOL, 'set.in', x as Expr, s as Expr)),
    fc.tuple(tie('set'), tie('set')).map(([a, b]) => builtin(BOOL, 'set.subset', a as Expr, b as Expr)),
    fc.tuple(tie('seq'), tie('int')).map(([s, x]) => builtin(BOOL, 'seq.contains', s as Expr, x as Expr)),
    fc.tuple(tie('int'), tie('map')).map(([k, m]) => builtin(BOOL, 'map.in', k as Expr, m as Expr)),
  ),
  set: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(tie('int'), { maxLength: 3 }).map((xs) => node(SET, { kind: 'setLit', elems: xs as Expr[] })),
    fc.tuple(tie('set'), tie('int')).map(([s, x]) => builtin(SET, 'set.add', s as Expr, x as Expr)),
    fc.tuple(tie('set'), tie('int')).map(([s, x]) => builtin(SET, 'set.remove', s as Expr, x as Expr)),
    fc
      .tuple(fc.constantFrom('set.union', 'set.intersect', 'set.minus'), tie('set'), tie('set'))
      .map(([op, a, b]) => builtin(SET, op as 'set.union', a as Expr, b as Expr)),
    fc.tuple(smallLit, smallLit).map(([a, b]) => builtin(SET, 'set.range', a, b)),
  ),
  seq: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(tie('int'), { maxLength: 3 }).map((xs) => node(SEQ, { kind: 'seqLit', elems: xs as Expr[] })),
    fc.tuple(tie('seq'), tie('int')).map(([s, x]) => builtin(SEQ, 'seq.push', s as Expr, x as Expr)),
    fc.tuple(tie('seq'), tie('seq')).map(([a, b]) => builtin(SEQ, 'seq.concat', a as Expr, b as Expr)),
  ),
  map: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .array(fc.tuple(tie('int'), tie('int')), { maxLength: 3 })
      .map((es) => node(MAP, { kind: 'mapLit', entries: es.map(([key, value]) => ({ key: key as Expr, value: value as Expr })) })),
    fc.tuple(tie('map'), tie('int'), tie('int')).map(([m, k, v]) => builtin(MAP, 'map.insert', m as Expr, k as Expr, v as Expr)),
    fc.tuple(tie('map'), tie('int')).map(([m, k]) => builtin(MAP, 'map.remove', m as Expr, k as Expr)),
  ),
}));

const program = {
  modules: [],
  roots: [],
  records: new Map(),
  enums: new Map(),
  consts: new Map(),
  defs: new Map(),
  machines: new Map(),
  theorems: new Map(),
  models: new Map(),
} as unknown as Program;
const machine: MachineDecl = { name: 'differential.M', vars: [], init: node(BOOL, { kind: 'bool', value: true }), actions: [], fairness: [], span };

function z3Available(): boolean {
  return spawnSync('z3', ['-version'], { encoding: 'utf8' }).status === 0;
}

/** The closures' value for `e` as an SMT literal, or undefined where a partial operation is reached. */
function evaluate(e: Expr): string | undefined {
  const compiler = new ExprCompiler(program, machine, new Map());
  const fn = compiler.compile(e);
  try {
    const v = fn(compiler.newEnv());
    return typeof v === 'boolean' ? String(v) : intLiteral(BigInt(v as number | bigint));
  } catch (err) {
    if (err instanceof EvalError) return undefined;
    throw err;
  }
}

describe.skipIf(!z3Available())('model checker and SMT encoding agree', () => {
  it('on random Int and Bool expressions over sets, sequences and maps', () => {
    const samples = fc.sample(fc.oneof(intExpr, boolExpr), { numRuns: 1000, seed: 20261121 });
    const queries: { text: string; expr: Expr }[] = [];
    for (const e of samples) {
      const value = evaluate(e);
      if (value === undefined) continue;
      const enc = new SmtEncoder(program);
      const term = enc.expr(e, { state: 0, polarity: 'both' });
      // unsat: the encoding forces the expression to have exactly the closures' value.
      queries.push({ text: `(push 1)\n${enc.render([`(not (= ${term} ${value}))`])}(check-sat)\n(pop 1)\n`, expr: e });
    }
    expect(queries.length).toBeGreaterThan(200);
    const run = spawnSync('z3', ['-in', '-smt2', '-t:20000'], { input: queries.map((q) => q.text).join(''), encoding: 'utf8', maxBuffer: 1 << 26 });
    const answers = run.stdout.trim().split(/\s+/);
    expect(answers).toHaveLength(queries.length);
    const disagreements = answers.flatMap((a, i) => (a === 'unsat' ? [] : [`${a}: ${queries[i]!.text}`]));
    expect(disagreements.slice(0, 3)).toEqual([]);
  });
});
