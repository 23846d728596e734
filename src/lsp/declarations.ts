// Finding a declaration's syntax from the span of its name, and the text a reader wants to see
// for it: a def's signature, a lemma's statement (without its proof), a record's fields.
import type * as A from '../syntax/index.js';

export type DeclNode = A.Decl | A.MachineItem | A.HaveStep;

function named(node: DeclNode): A.Name | undefined {
  return 'name' in node && node.name && typeof node.name === 'object' && 'text' in node.name ? node.name : undefined;
}

function* stepsOf(proof: A.Proof | undefined): Generator<A.HaveStep> {
  if (!proof || proof.kind !== 'steps') return;
  for (const s of proof.steps) {
    yield s;
    yield* stepsOf(s.proof);
  }
}

/** Every declaration of a module, with machine items and proof steps, in source order. */
export function* allDeclarations(ast: A.ModuleAst): Generator<DeclNode> {
  for (const d of ast.decls) {
    yield d;
    if (d.kind === 'machine') yield* d.items;
    if (d.kind === 'extend') yield* d.defs;
    if (d.kind === 'theorem' || d.kind === 'lemma') yield* stepsOf(d.proof);
  }
}

export function declarationAt(ast: A.ModuleAst, nameOffset: number): DeclNode | undefined {
  for (const d of allDeclarations(ast)) if (named(d)?.span.start.offset === nameOffset) return d;
  return undefined;
}

/** Where the part of a declaration worth showing ends: before a body, a proof or a block. */
function headerEnd(d: DeclNode): number {
  switch (d.kind) {
    case 'theorem':
    case 'lemma':
      return d.formula.span.end.offset;
    case 'have':
      return d.formula.span.end.offset;
    case 'def':
      return d.result.span.end.offset;
    case 'machine':
    case 'action':
    case 'model':
      return d.name.span.end.offset;
    default:
      return d.span.end.offset;
  }
}

const MAX_HEADER = 1500;

export function declarationHeader(d: DeclNode, text: string): string {
  const raw = text.slice(d.span.start.offset, headerEnd(d));
  return raw.length > MAX_HEADER ? `${raw.slice(0, MAX_HEADER)} …` : raw;
}
