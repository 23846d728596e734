// Mutants of a reconciler for the mutation tests of the proofs: single guards, branches, steps and
// assignments of a def are changed, from its source text, and a mutant is judged by the model
// checker (does it violate the property?) and by the prover (is the property still proved?).
import { mcResults, runCli, verifyTheorems } from './cli-async.js';

export interface Mutant {
  readonly name: string;
  readonly text: string;
}

/** The source text of `def NAME(...)`, up to the next blank line. */
export function defRange(source: string, name: string): { start: number; end: number } {
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
export type Operator = (body: string) => { site: string; body: string }[];

/** `==` becomes `!=` and `!=` becomes `==`. */
export const flipComparison: Operator = (body) =>
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
export const swapBranches: Operator = (body) =>
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
export const dropRequest: Operator = (body) =>
  [...body.matchAll(/\((\w+)(\([^()]*\))?, api\(/g)].map((m) => ({
    site: `${m[1]} at ${m.index}`,
    body: body.slice(0, m.index) + '(Done, None)' + body.slice(closing(body, m.index)),
  }));

/** An assignment from the custom resource's spec, `spec: cr.spec`, keeps the object's instead. */
export const keepOldSpec: Operator = (body) =>
  [...body.matchAll(/spec: cr\.spec/g)].map((m) => ({ site: `spec at ${m.index}`, body: body.slice(0, m.index) + 'spec: o.spec' + body.slice(m.index + 'spec: cr.spec'.length) }));

/** The `which`-th mutant (0-based) of def `name` by `operator`, as a whole source text. */
export function mutate(source: string, name: string, operator: Operator, label: string, which: number): Mutant {
  const { start, end } = defRange(source, name);
  const mutants = operator(source.slice(start, end));
  const chosen = mutants[which];
  if (!chosen) throw new Error(`${label}: def ${name} has ${mutants.length} sites`);
  return { name: `${label} (${name}, ${chosen.site})`, text: source.slice(0, start) + chosen.body + source.slice(end) };
}

/** The prover's verdict on `theorem` when verifying `files` from `cwd`. */
export async function verdict(files: readonly string[], theorem: string, cwd: string): Promise<string | undefined> {
  // Short time limit: a failing premise costs all of it, and a time-out never proves anything.
  const run = await runCli(['verify', '--json', '--timeout', '2000', ...files], cwd);
  return verifyTheorems(run.stdout).get(theorem)?.status;
}

/** Whether the model checker finds `property` violated in `model` of `file`. */
export async function violates(file: string, model: string, property: string, cwd: string): Promise<boolean> {
  const run = await runCli(['mc', '--json', '--model', model, file], cwd);
  const result = mcResults(run.stdout)[0];
  return result?.status === 'violation' && result.violation?.property === property;
}
