// Mutation test of the proofs: single guards, branches, steps and assignments of a reconciler are
// changed (generated from the source text of its reconcile defs), and for every mutant the model
// checker shows violating a property, kproof must not report that property proved. A mutant that
// breaks the proof but not the model checker is fine (the proof is incomplete for it, or the model
// too small); one that proves and violates would be a soundness bug.
//
// Properties: ESR of the ConfigMap controller (specs/examples/configmap_esr.kspec, imported by a
// mutated copy of configmap_controller.kspec in a temp dir) and the RabbitMQ controller's safety
// proof (replicas never decrease). Only mutants the model checker finds violating are verified,
// with a short solver time limit: a time-out never proves anything. The mutants share one proof
// cache (obligations that do not involve the mutated def), none of the repo's.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mcResults, runCli, verifyTheorems } from '../helpers/cli-async.js';
import { writeUnder } from '../helpers/files.js';
import { REPO } from '../helpers/run-cli.js';

interface Mutant {
  readonly name: string;
  readonly text: string;
}

/** The source text of `def NAME(...)`, up to the next blank line. */
function defRange(source: string, name: string): { start: number; end: number } {
  const start = source.indexOf(`def ${name}(`);
  if (start < 0) throw new Error(`no def ${name}`);
  const blank = source.indexOf('\n\n', start);
  return { start, end: blank < 0 ? source.length : blank };
}

/** The end of the balanced parenthesized expression that starts at `open` (a `(`). */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  throw new Error('unbalanced parentheses');
}

// The mutation operators: each yields every mutated body of one def.
type Operator = (body: string) => { site: string; body: string }[];

/** `==` becomes `!=` and `!=` becomes `==`. */
const flipComparison: Operator = (body) =>
  [...body.matchAll(/ (==|!=) /g)].map((m) => ({
    site: `${m[1]} at ${m.index}`,
    body: body.slice(0, m.index) + (m[1] === '==' ? ' != ' : ' == ') + body.slice(m.index + 4),
  }));

/** The end of the term at `at`: a name, a call or a parenthesized expression (undefined for anything else, e.g. `if`). */
function termEnd(text: string, at: number): number | undefined {
  const name = /^[\w.]*/.exec(text.slice(at))![0];
  if (name === 'if' || name === 'match') return undefined;
  const after = at + name.length;
  if (text[after] === '(') return closing(text, after);
  return name.length > 0 ? after : undefined;
}

/** `if C then A else B` becomes `if C then B else A` (A and B simple terms, not `if`s). */
const swapBranches: Operator = (body) =>
  [...body.matchAll(/ then\s+/g)].flatMap((m) => {
    const thenStart = m.index + m[0].length;
    const thenEnd = termEnd(body, thenStart);
    const elseWord = thenEnd === undefined ? null : /^\s+else\s+/.exec(body.slice(thenEnd));
    if (thenEnd === undefined || !elseWord) return [];
    const elseStart = thenEnd + elseWord[0].length;
    const elseEnd = termEnd(body, elseStart);
    if (elseEnd === undefined) return [];
    const swapped = body.slice(elseStart, elseEnd) + body.slice(thenEnd, elseStart) + body.slice(thenStart, thenEnd);
    return [{ site: `then at ${m.index}`, body: body.slice(0, thenStart) + swapped + body.slice(elseEnd) }];
  });

/** A step that sends a request, `(State, api(...))`, becomes `(Done, None)`: the request is never sent. */
const dropRequest: Operator = (body) =>
  [...body.matchAll(/\((\w+)(\([^()]*\))?, api\(/g)].map((m) => ({
    site: `${m[1]} at ${m.index}`,
    body: body.slice(0, m.index) + '(Done, None)' + body.slice(closing(body, m.index)),
  }));

/** An assignment from the custom resource's spec, `spec: cr.spec`, keeps the object's instead. */
const keepOldSpec: Operator = (body) =>
  [...body.matchAll(/spec: cr\.spec/g)].map((m) => ({ site: `spec at ${m.index}`, body: body.slice(0, m.index) + 'spec: o.spec' + body.slice(m.index + 'spec: cr.spec'.length) }));

/** The `which`-th mutant (0-based) of def `name` by `operator`, as a whole source text. */
function mutate(source: string, name: string, operator: Operator, label: string, which: number): Mutant {
  const { start, end } = defRange(source, name);
  const mutants = operator(source.slice(start, end));
  const chosen = mutants[which];
  if (!chosen) throw new Error(`${label}: def ${name} has ${mutants.length} sites`);
  return { name: `${label} (${name}, ${chosen.site})`, text: source.slice(0, start) + chosen.body + source.slice(end) };
}

async function verdict(files: readonly string[], theorem: string): Promise<string | undefined> {
  // Short time limit: a failing premise costs all of it, and a time-out never proves anything.
  const run = await runCli(['verify', '--json', '--timeout', '2000', ...files], root);
  return verifyTheorems(run.stdout).get(theorem)?.status;
}

async function violates(file: string, model: string, property: string): Promise<boolean> {
  const run = await runCli(['mc', '--json', '--model', model, file], root);
  const result = mcResults(run.stdout)[0];
  return result?.status === 'violation' && result.violation?.property === property;
}

const root = mkdtempSync(join(tmpdir(), 'kproof-mutation-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CONFIGMAP = readFileSync(join(REPO, 'specs/examples/configmap_controller.kspec'), 'utf8');
const CONFIGMAP_ESR = readFileSync(join(REPO, 'specs/examples/configmap_esr.kspec'), 'utf8');
const RABBITMQ = readFileSync(join(REPO, 'specs/rabbitmq/rabbitmq.kspec'), 'utf8');

const CONFIGMAP_MUTANTS: readonly Mutant[] = [
  mutate(CONFIGMAP, 'cm_core', flipComparison, 'flip the up-to-date check', 0),
  mutate(CONFIGMAP, 'cm_core', keepOldSpec, 'update with the old spec', 0),
  mutate(CONFIGMAP, 'cm_core', swapBranches, 'swap the branches of the create answer', 2),
];

const RABBITMQ_MUTANTS: readonly Mutant[] = [
  mutate(RABBITMQ, 'may_update', flipComparison, 'flip the owner check', 1),
  mutate(RABBITMQ, 'reconcile_with', swapBranches, 'swap update and error', 0),
  mutate(RABBITMQ, 'reconcile_with', dropRequest, 'never create', 1),
];

describe('mutants of the reconcilers', () => {
  it('the operators find their sites', () => {
    const { start, end } = defRange(CONFIGMAP, 'cm_core');
    const body = CONFIGMAP.slice(start, end);
    expect(flipComparison(body).length).toBeGreaterThanOrEqual(2);
    expect(swapBranches(body).length).toBe(4);
    expect(dropRequest(body).length).toBe(3);
    expect(keepOldSpec(body).length).toBe(1);
    for (const m of CONFIGMAP_MUTANTS) expect(m.text).not.toBe(CONFIGMAP);
    for (const m of RABBITMQ_MUTANTS) expect(m.text).not.toBe(RABBITMQ);
  });

  it('no ConfigMap mutant that violates ESR in the model checker has ESR proved', async () => {
    const violating: string[] = [];
    for (const [i, mutant] of CONFIGMAP_MUTANTS.entries()) {
      const controller = writeUnder(root, `configmap${i}/examples/configmap_controller.kspec`, mutant.text);
      const proof = writeUnder(root, `configmap${i}/examples/configmap_esr.kspec`, CONFIGMAP_ESR);
      const violated = (await violates(controller, 'tiny', 'esr_one')) || (await violates(controller, 'specs_change', 'esr_one'));
      if (!violated) continue;
      violating.push(mutant.name);
      expect([mutant.name, await verdict([proof], 'examples.configmap_esr.esr')]).toEqual([mutant.name, 'not proved']);
    }
    // The test is not vacuous: the first two break ESR (an error after a successful create is retried).
    expect(violating).toEqual(CONFIGMAP_MUTANTS.slice(0, 2).map((m) => m.name));
  }, 300_000);

  it('no RabbitMQ mutant whose StatefulSet shrinks in the model checker has the safety proof', async () => {
    const violating: string[] = [];
    for (const [i, mutant] of RABBITMQ_MUTANTS.entries()) {
      const file = writeUnder(root, `rabbitmq${i}/rabbitmq/rabbitmq.kspec`, mutant.text);
      if (!(await violates(file, 'recreate', 'replicas_never_decrease'))) continue;
      violating.push(mutant.name);
      expect([mutant.name, await verdict([file], 'rabbitmq.rabbitmq.replicas_never_decrease')]).toEqual([mutant.name, 'not proved']);
    }
    // The first two update a StatefulSet of a deleted resource; one that never creates never shrinks one.
    expect(violating).toEqual(RABBITMQ_MUTANTS.slice(0, 2).map((m) => m.name));
  }, 300_000);
});
