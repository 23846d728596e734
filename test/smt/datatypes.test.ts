import { afterAll, describe, expect, it } from 'vitest';
import { closeSolvers, mismatches, proveSpec } from './helper.js';

afterAll(closeSolvers);

describe('records, enums (recursive, with payloads), options and tuples as datatypes', () => {
  it('constructs, reads, updates, tests and matches', async () => {
    const reports = await proveSpec(`module dts
record Pod { name: String, replicas: Int, ready: Bool }
record Wrapper { pod: Pod, tags: Set<String>, owner: Option<Pod> }
enum Phase { Pending, Running(since: Int), Failed(code: Int, why: String) }
enum Tree { Leaf, Node(left: Tree, value: Int, right: Tree) }
enum Forest { Empty, Trees(first: Tree, rest: Forest) }

theorem ok_field: Pod { name: "a", replicas: 3, ready: true }.replicas == 3 proof by smt
theorem ok_with: forall p: Pod :: { p with replicas: 1 }.replicas == 1 && { p with replicas: 1 }.name == p.name proof by smt
theorem bad_with: forall p: Pod :: { p with replicas: 1 } == p proof by smt
theorem ok_record_eq: forall p: Pod, q: Pod :: (p.name == q.name && p.replicas == q.replicas && p.ready == q.ready) ==> p == q proof by smt
theorem ok_nested: forall w: Wrapper :: { w with pod: { w.pod with ready: true } }.pod.ready proof by smt
theorem ok_ctor_distinct: Pending != Running(0) proof by smt
theorem ok_payload: forall t: Int :: match Running(t) { Running(s) => s == t, _ => false } proof by smt
theorem ok_is: forall p: Phase :: p is Pending || p is Running || p is Failed proof by smt
theorem bad_is: forall p: Phase :: p is Pending || p is Running proof by smt
theorem ok_match_all: forall p: Phase :: (match p { Pending => 0, Running(s) => 1, Failed(c, w) => 2 }) >= 0 proof by smt
theorem bad_match: forall p: Phase :: (match p { Pending => 0, Running(s) => s, Failed(c, w) => 2 }) >= 0 proof by smt
theorem ok_recursive_enum: forall t: Tree :: t is Node ==> match t { Node(l, v, r) => l != t, Leaf => false } proof by smt
theorem ok_mutual_enum: forall f: Forest :: f is Trees ==> match f { Trees(a, b) => b != f, Empty => true } proof by smt
theorem ok_option: forall o: Option<Int> :: o is Some || o is None proof by smt
theorem ok_some: Some(3) != None proof by smt
theorem ok_option_match: forall x: Int :: (match Some(x) { Some(y) => y, None => 0 }) == x proof by smt
theorem bad_option_default: forall o: Option<Int> :: (match o { Some(y) => y, None => 0 }) != 0 proof by smt
theorem ok_tuple: (1, true).0 == 1 && (1, true).1 proof by smt
theorem ok_tuple_eq: forall a: Int, b: Int :: (a, b) == (b, a) ==> a == b proof by smt
theorem bad_tuple: forall a: Int, b: Int :: (a, b).0 == b proof by smt
theorem ok_option_of_record: forall w: Wrapper :: w.owner is Some ==> (match w.owner { Some(p) => p.replicas == p.replicas, None => false }) proof by smt
`);
    expect(mismatches(reports)).toEqual([]);
  });
});

describe('defs, recursion and termination', () => {
  it('uses definitions, and refuses recursion that does not terminate', async () => {
    const reports = await proveSpec(`module defs
def double(x: Int): Int = x * 2
def sum(n: Int): Int decreases n = if n <= 0 then 0 else n + sum(n - 1)
def countdown(n: Int): Int decreases n = if n == 0 then 0 else countdown(n - 1)
def forever(n: Int): Int decreases n = forever(n) + 1
def even(n: Int): Bool decreases n = if n <= 0 then true else odd(n - 1)
def odd(n: Int): Bool decreases n = if n <= 0 then false else even(n - 1)

theorem ok_double: double(21) == 42 proof by smt
theorem bad_double: forall x: Int :: double(x) > x proof by smt
theorem ok_sum: sum(3) == 6 proof by smt
theorem ok_sum_nonneg: sum(-5) == 0 proof by smt
theorem ok_mutual: even(4) && odd(3) proof by smt
theorem bad_countdown_diverges_below_zero: countdown(2) == 0 proof by smt
theorem bad_forever_proves_false: forever(0) == forever(0) + 1 proof by smt
theorem bad_forever_anything: 1 == 2 || forever(0) != forever(0) + 1 proof by smt
`, 'z3', 3000);
    expect(mismatches(reports)).toEqual([]);
    // countdown(2) == 0 is true of the definition; only its termination check stops the proof
    expect(reports.get('bad_countdown_diverges_below_zero')!.problems.some((p) => p.code === 'KSP108')).toBe(true);
  });
});

describe('abstract types and defs are uninterpreted', () => {
  it('proves only what holds for every interpretation', async () => {
    const reports = await proveSpec(`module generic
type S
def core(s: S): S
def ok(s: S): Bool
theorem ok_congruence: forall a: S, b: S :: a == b ==> core(a) == core(b) proof by smt
theorem bad_identity: forall s: S :: core(s) == s proof by smt
theorem bad_total_truth: forall s: S :: ok(s) proof by smt
theorem ok_excluded_middle: forall s: S :: ok(core(s)) || !ok(core(s)) proof by smt
`);
    expect(mismatches(reports)).toEqual([]);
  });
});
