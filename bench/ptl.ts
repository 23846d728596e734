// Benchmark: the propositional temporal decision procedure on the schemas of the temporal lemma
// library (Anvil's temporal_logic rules, the STL/TLA rules, WF1/SF1 skeletons), each decided
// once (so no verdict comes from the cache), with its time and tableau size.
import { performance } from 'node:perf_hooks';
import { decideValidity, parseFormula } from '../src/kernel/ptl/index.js';

// [name, schema]: every schema here is valid (test/kernel/ptl-laws.test.ts checks it).
export const LIBRARY_SCHEMAS: readonly (readonly [string, string])[] = [
  ['always_to_current (STL2)', '[]p ==> p'],
  ['always_double_equality (STL3)', '[][]p <==> []p'],
  ['always_and_equality (STL5)', '[](p && q) <==> []p && []q'],
  ['eventually_always_and (STL6)', '<>[]p && <>[]q <==> <>[](p && q)'],
  ['always_implies_preserved (STL4)', '[](p ==> q) ==> ([]p ==> []q)'],
  ['p_and_always_p_equals_always_p', 'p && []p <==> []p'],
  ['always_to_always_later', '[]p ==> []X(p)'],
  ['implies_to_leads_to', '[](p ==> q) ==> (p ~> q)'],
  ['leads_to_self', 'p ~> p'],
  ['leads_to_is_stable', '(p ~> q) ==> [](p ~> q)'],
  ['always_p_is_stable', '[]p ==> [][]p'],
  ['always_and_eventually', '[]p && <>q ==> <>(p && q)'],
  ['always_prepend_leads_to', '[]q ==> (p ~> []q)'],
  ['always_implies_preserved_by_always', '[](p ==> q) ==> []([]p ==> []q)'],
  ['always_implies_trans', '[](p ==> q) && [](q ==> r) ==> [](p ==> r)'],
  ['always_implies_weaken', '[](p2 ==> p1) && [](q1 ==> q2) && [](p1 ==> q1) ==> [](p2 ==> q2)'],
  ['implies_preserved_by_eventually', '[](p ==> q) ==> (<>p ==> <>q)'],
  ['leads_to_apply', 'p && (p ~> q) ==> <>q'],
  ['leads_to_trans', '(p ~> q) && (q ~> r) ==> (p ~> r)'],
  ['leads_to_trans_3', '(p1 ~> p2) && (p2 ~> p3) && (p3 ~> p4) ==> (p1 ~> p4)'],
  ['leads_to_trans_4', '(p1 ~> p2) && (p2 ~> p3) && (p3 ~> p4) && (p4 ~> p5) ==> (p1 ~> p5)'],
  ['leads_to_weaken', '[](p2 ==> p1) && [](q1 ==> q2) && (p1 ~> q1) ==> (p2 ~> q2)'],
  ['or_leads_to_combine', '(p ~> r) && (q ~> r) ==> (p || q ~> r)'],
  ['or_leads_to_combine_3', '(p ~> s) && (q ~> s) && (r ~> s) ==> (p || q || r ~> s)'],
  ['leads_to_always_combine', '(p ~> []q) && (p ~> []r) ==> (p ~> [](q && r))'],
  ['leads_to_always_enhance', '[]inv && (p ~> []q1) && [](q1 && inv ==> q2) ==> (p ~> []q2)'],
  ['leads_to_stable', '[](q && n ==> X(q)) && []n && (p ~> q) ==> (p ~> []q)'],
  ['leads_to_contraposition', '(p ~> q) ==> []([]!q ==> []!p)'],
  ['leads_to_framed_by_or', '(p ~> q) ==> (p || r ~> q || r)'],
  ['leads_to_shortcut', '(p ~> q || s) && (q ~> r || s) ==> (p ~> r || s)'],
  ['leads_to_confluence', '(p ~> q) && (q ~> <>[]r) ==> (p ~> <>[]r)'],
  ['always_p_or_eventually_q', '[](p && n ==> X(p) || X(q)) && []n ==> [](p ==> []p || <>q)'],
  ['invariant (INV1)', 'i && [](i && n ==> X(i)) && []n ==> []i'],
  ['invariant_strengthened (INV)', 'j && [](j && n ==> X(j)) && [](j ==> i) && []n ==> []i'],
  ['stable_eventually_always', '[](p ==> X(p)) && <>p ==> <>[]p'],
  ['lattice_2', '(p2 ~> p1 || g) && (p1 ~> g) ==> (p2 || p1 ~> g)'],
  ['lattice_3', '(p3 ~> p2 || p1 || g) && (p2 ~> p1 || g) && (p1 ~> g) ==> (p3 ~> g)'],
  [
    'wf1',
    '[](p && n ==> X(p) || X(q)) && [](p && n && a ==> X(q)) && [](p ==> enabled(a)) && WF(a) && [](a ==> enabled(a)) && []n ==> (p ~> q)',
  ],
  ['wf1_variant', '[](p && n ==> X(p) || X(q)) && [](p && n && a ==> X(q)) && []n && ([]p ~> a) ==> (p ~> q)'],
  [
    'wf1_borrow_from_spec',
    '[](c && p && n ==> X(p) || X(q)) && [](c && p && n && a ==> X(q)) && [](c && p ==> enabled(a)) && []c && WF(a) && [](a ==> enabled(a)) && []n ==> (p ~> q)',
  ],
  [
    'sf1',
    '[](p && n ==> X(p) || X(q)) && [](p && n && a ==> X(q)) && []([]p && []n && []f ==> <>enabled(a)) && SF(a) && [](a ==> enabled(a)) && []n && []f ==> (p ~> q)',
  ],
  ['wf_from_sf', 'SF(a) ==> WF(a)'],
  ['wf_apply', 'WF(a) && <>[]enabled(a) ==> []<>a'],
  ['sf_apply', 'SF(a) && []<>enabled(a) ==> []<>a'],
  ['infinitely_often_and_eventually_always', '[]<>p && <>[]q ==> []<>(p && q)'],
  ['infinitely_often_or', '[]<>p || []<>q <==> []<>(p || q)'],
  ['eventually_always_weaken', '<>[]p ==> []<>p'],
  ['leads_to_infinitely_often', '(p ~> q) && []<>p ==> []<>q'],
  ['until_implies_eventually', 'p U q ==> <>q'],
  ['always_until_expansion', '[](p U q <==> q || p && X(p U q))'],
  [
    'wf1_chain_2',
    '(p ~> q) && [](q && n ==> X(q) || X(r)) && [](q && n && a ==> X(r)) && [](q ==> enabled(a)) && WF(a) && [](a ==> enabled(a)) && []n ==> (p ~> r)',
  ],
];

export async function benchPtl(): Promise<string[]> {
  const lines: string[] = [];
  let total = 0;
  for (const [name, text] of LIBRARY_SCHEMAS) {
    const parsed = parseFormula(text);
    if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
    const started = performance.now();
    const verdict = decideValidity(parsed.formula);
    const elapsed = performance.now() - started;
    total += elapsed;
    const size = 'stats' in verdict ? `${verdict.stats.states} states, ${verdict.stats.moves} moves` : verdict.reason;
    lines.push(`${name.padEnd(42)} ${String(verdict.valid).padEnd(7)} ${elapsed.toFixed(1).padStart(7)} ms  (${size})`);
  }
  lines.push(`${LIBRARY_SCHEMAS.length} schemas decided in ${total.toFixed(0)} ms`);
  return lines;
}
