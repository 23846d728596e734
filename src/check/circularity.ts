// A theorem may not be used (as a fact or as a lemma) in its own proof, directly or through
// other theorems of the module: that would prove anything. Imports are acyclic, so a cycle can
// only run through one module.
import type { Justification, Proof, QName, TheoremDecl } from '../ir/index.js';
import type { ModuleChecker } from './module.js';

function cited(proof: Proof | undefined, out: Set<QName>): void {
  if (!proof) return;
  const justification = (j: Justification) => {
    if (j.rule.kind === 'lemma') out.add(j.rule.name);
    for (const u of j.using) if (u.kind === 'theorem') out.add(u.name);
    for (const a of j.args) if (a.kind === 'fact' && a.fact.kind === 'theorem') out.add(a.fact.name);
  };
  if (proof.kind === 'by') return justification(proof.justification);
  for (const step of proof.steps) cited(step.proof, out);
  justification(proof.qed);
}

export function checkCircularProofs(mc: ModuleChecker, theorems: readonly TheoremDecl[]): void {
  const uses = new Map<QName, Set<QName>>();
  for (const t of theorems) {
    const out = new Set<QName>();
    cited(t.proof, out);
    uses.set(t.name, out);
  }
  for (const t of theorems) {
    const path = cycleFrom(t.name, uses);
    if (!path) continue;
    const sym = mc.decls.get(t.name.slice(mc.name.length + 1));
    if (!sym) continue;
    const names = path.map((q) => q.slice(mc.name.length + 1));
    mc.diags.error('KSP035', `\`${names[0]}\` is used in its own proof: ${names.join(' → ')}`, sym.name.span);
  }
}

/** The shortest chain of citations from `start` back to itself, if there is one. */
function cycleFrom(start: QName, uses: ReadonlyMap<QName, ReadonlySet<QName>>): QName[] | undefined {
  const parent = new Map<QName, QName>();
  const queue: QName[] = [start];
  while (queue.length > 0) {
    const q = queue.shift()!;
    for (const next of uses.get(q) ?? []) {
      if (next === start) {
        const path = [start];
        for (let at: QName | undefined = q; at !== undefined && at !== start; at = parent.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!parent.has(next) && uses.has(next)) {
        parent.set(next, q);
        queue.push(next);
      }
    }
  }
  return undefined;
}
