// Counterexamples are checked against the spec by a separate evaluator: the pre-state satisfies
// the invariant, the step is a real step of the named action, and the post-state breaks it.
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { verifyProgram, type Counterexample, type KValue } from '../../src/prove/index.js';
import type { Program } from '../../src/ir/index.js';
import { closeSolvers, sharedSolver, specFile } from '../smt/helper.js';
import { evaluate, sameValue, type EvalEnv } from './evaluate.js';

afterAll(closeSolvers);

function section(cx: Counterexample, title: string): Map<string, KValue> {
  return new Map((cx.sections.find((s) => s.title === title)?.entries ?? []).map((e) => [e.name, e.data]));
}

async function failures(source: string, backend: 'z3' | 'wasm' = 'z3') {
  const checked = checkFiles([specFile(source)]);
  const program = checked.program!;
  const reports = await verifyProgram(program, { solver: sharedSolver(backend), timeoutMs: 10_000 });
  return { program, problems: reports.flatMap((r) => r.problems.filter((p) => p.obligation?.counterexample)) };
}

function checkStep(program: Program, cx: Counterexample, premise: string, theorem: string) {
  const machine = [...program.machines.values()][0]!;
  const action = machine.actions.find((a) => `consecution of ${a.name}` === premise)!;
  const inv = program.theorems.get(theorem)!.formula;
  if (inv.kind !== 'always') throw new Error('expected an invariant');
  const consts = section(cx, 'constants');
  const before = section(cx, 'before');
  const after = section(cx, 'after');
  const params = section(cx, 'step');
  const locals = new Map(action.params.map((p) => [p.binder.id, params.get(p.binder.name)!] as const));
  const env: EvalEnv = { program, state: before, next: after, consts, locals };
  expect(evaluate(inv.arg, env)).toEqual({ kind: 'bool', value: true });
  for (const p of action.params) if (p.domain) expect(evaluate({ ...p.domain, kind: 'builtin', op: 'set.in', args: [{ ...p.domain, kind: 'ref', ref: { kind: 'local', binder: p.binder } }, p.domain] } as never, env)).toEqual({ kind: 'bool', value: true });
  for (const g of action.guards) expect(evaluate(g, env)).toEqual({ kind: 'bool', value: true });
  for (const v of machine.vars) {
    const assign = action.assigns.find((a) => a.variable === v.name);
    const expected = assign ? evaluate(assign.value, env) : before.get(v.name)!;
    expect(sameValue(after.get(v.name)!, expected)).toBe(true);
  }
  expect(evaluate(inv.arg, { ...env, state: after })).toEqual({ kind: 'bool', value: false });
}

describe('counterexamples are real', () => {
  for (const backend of ['z3', 'wasm'] as const) {
    it(`${backend}: a consecution failure gives a real step from a good state to a bad one`, async () => {
      const { program, problems } = await failures(
        `module cx_counter
const LIMIT: Int
assume LIMIT > 2
machine Counter {
  var n: Int
  var log: Map<Int, Int>
  init { n == 0 && log == Map {} }
  action jump(k: Int in 0..LIMIT + 1) {
    require k > n
    n' = k
    log' = log.insert(n, k)
  }
}
theorem bounded: Counter |= [](0 <= n && n <= LIMIT && (forall i in log.keys() :: log[i] <= LIMIT)) proof by invariant
`,
        backend,
      );
      expect(problems).toHaveLength(1);
      const o = problems[0]!.obligation!;
      checkStep(program, o.counterexample!, o.obligation.origin.premise, 'cx_counter.bounded');
    });
  }

  it('an init failure gives an initial state that breaks the invariant', async () => {
    const { program, problems } = await failures(`module cx_init
machine M {
  var s: Set<Int>
  var x: Int
  init { s == {1, 2} && x in s }
  action noop { x' = x }
}
theorem small: M |= [](x < 2) proof by invariant
`);
    expect(problems).toHaveLength(1);
    const cx = problems[0]!.obligation!.counterexample!;
    const state = section(cx, 'state');
    const env: EvalEnv = { program, state, consts: new Map(), locals: new Map() };
    const machine = program.machines.get('cx_init.M')!;
    expect(evaluate(machine.init, env)).toEqual({ kind: 'bool', value: true });
    const inv = program.theorems.get('cx_init.small')!.formula;
    if (inv.kind !== 'always') throw new Error('expected an invariant');
    expect(evaluate(inv.arg, env)).toEqual({ kind: 'bool', value: false });
    expect(cx.sections[0]!.entries[0]!.name).toBe('x');
  });

  it('a refuted forall names the values it fails for', async () => {
    const { problems } = await failures(`module cx_forall
theorem t: forall a in 1..10, b in 1..10 :: a * b != 12 proof by smt
`);
    const where = section(problems[0]!.obligation!.counterexample!, 'where');
    const a = where.get('a')!;
    const b = where.get('b')!;
    if (a.kind !== 'int' || b.kind !== 'int') throw new Error('expected Ints');
    expect(a.value * b.value).toBe(12n);
  });
});
