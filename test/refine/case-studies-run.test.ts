// The case studies' exec reconcilers, run: on random inputs (fast-check) each returns what the
// generated model of its spec returns. `kproof refine` proves this for every input from its
// translation of the TypeScript; running the TypeScript itself checks that translation.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import * as rt from '../../src/codegen/runtime.js';
import type { Program, Type } from '../../src/ir/index.js';
import { REPO } from './cli-runner.js';

const RUNTIME = join(REPO, 'src/codegen/runtime.js');

/** [exec function, generated function] for the refined functions that take inputs */
const PAIRS = (prefix: string) => [
  ['reconcile', `${prefix}_core`],
  ['isDone', `${prefix}_done`],
  ['isError', `${prefix}_error`],
];

// Small domains, so that the inputs meet the reconcilers' cases: object contents equal to what
// they ask for, ZooKeeper reply codes (n % 10), owners equal to the resource's uid.
const INTS = [-1n, 0n, 1n, 2n, 3n, 4n, 11n, 12n, 13n, 14n, 23n, 100n, 101n, 301n];
const STRINGS = ['', 'zk', 'rmq', 'fluent-bit-config', 'FluentBit'];

/** random values of a kspec type in the representation generated code uses */
function arb(t: Type, program: Program): fc.Arbitrary<unknown> {
  switch (t.kind) {
    case 'bool':
      return fc.boolean();
    case 'int':
      return fc.constantFrom(...INTS);
    case 'string':
      return fc.constantFrom(...STRINGS);
    case 'set':
      return fc.array(arb(t.elem, program), { maxLength: 2 }).map((xs) => rt.setOf(xs));
    case 'option':
      return fc.option(arb(t.elem, program), { nil: undefined });
    case 'record': {
      const decl = program.records.get(t.name)!;
      return fc.record(Object.fromEntries(decl.fields.map((f) => [f.name, arb(f.type, program)])));
    }
    case 'enum': {
      const ctors = program.enums.get(t.name)!.ctors;
      return fc.oneof(
        ...ctors.map((c) =>
          fc.tuple(...c.fields.map((f) => arb(f.type, program))).map((args) => ({ kind: c.name, ...Object.fromEntries(c.fields.map((f, i) => [f.name === 'kind' ? 'kind$' : f.name, args[i]])) })),
        ),
      );
    }
    default:
      throw new Error(`no random ${t.kind} in the case studies' reconcilers`);
  }
}

describe.each([
  ['zookeeper', 'zk'],
  ['rabbitmq', 'rmq'],
  ['fluentbit', 'fb'],
])('%s: the exec reconciler run against the generated model', (name, prefix) => {
  let dir: string;
  let exec: Record<string, (...args: unknown[]) => unknown>;
  let model: Record<string, (...args: unknown[]) => unknown>;
  let program: Program;
  beforeAll(async () => {
    // the files as they are, with kproof/runtime taken from the source tree
    dir = mkdtempSync(join(tmpdir(), `kproof-run-${name}-`));
    mkdirSync(join(dir, 'generated'));
    const withRuntime = (file: string) => readFileSync(join(REPO, `specs/${name}/exec`, file), 'utf8').replaceAll(/(["'])kproof\/runtime\1/g, JSON.stringify(RUNTIME));
    writeFileSync(join(dir, 'reconciler.ts'), withRuntime('reconciler.ts'));
    writeFileSync(join(dir, `generated/${name}.${name}.ts`), withRuntime(`generated/${name}.${name}.ts`));
    exec = await import(join(dir, 'reconciler.ts'));
    model = await import(join(dir, `generated/${name}.${name}.ts`));
    program = checkFiles([join(REPO, `specs/${name}/${name}.kspec`)]).program!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(PAIRS(prefix))('%s returns what %s returns', (fn, generated) => {
    const def = program.defs.get(`${name}.${name}.${generated}`)!;
    const inputs = fc.tuple(...def.params.map((p) => arb(p.type, program)));
    fc.assert(
      fc.property(inputs, (args) => {
        expect(rt.equals(exec[fn]!(...args), model[generated]!(...args)), JSON.stringify(args, (_, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Set ? [...v] : v))).toBe(true);
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('the initial state is the model’s', () => {
    const init = exec.initialStep ?? exec.initialState;
    expect(rt.equals(init!(), model[`${prefix}_init`]!())).toBe(true);
  });
});
