import { afterAll, describe, expect, it } from 'vitest';
import { closeSolvers, mismatches, proveSpec } from './helper.js';

afterAll(closeSolvers);

describe('Set<T> as (Array T Bool)', () => {
  it('membership, add, remove, union, intersect, minus, subset, size, ranges and comprehensions', async () => {
    const reports = await proveSpec(`module sets
theorem ok_in: 3 in {1, 2, 3} proof by smt
theorem bad_in: 4 in {1, 2, 3} proof by smt
theorem ok_add: {1, 2}.add(3) == {1, 2, 3} proof by smt
theorem ok_remove: {1, 2, 3}.remove(2) == {3, 1} proof by smt
theorem ok_union: {1}.union({2}) == {1, 2} proof by smt
theorem ok_intersect: {1, 2}.intersect({2, 3}) == {2} proof by smt
theorem ok_minus: {1, 2}.minus({2, 3}) == {1} proof by smt
theorem ok_subset: {1}.subset({1, 2}) proof by smt
theorem bad_subset: {1, 3}.subset({1, 2}) proof by smt
theorem ok_size_literal: {1, 2, 2}.size() == 2 proof by smt
theorem bad_size_literal: {1, 2, 2}.size() == 3 proof by smt
theorem ok_size_range: (1..3).size() == 3 proof by smt
theorem ok_size_empty_range: (3..1).size() == 0 proof by smt
theorem ok_size_add: forall s: Set<Int>, x: Int :: !(x in s) ==> s.add(x).size() == s.size() + 1 proof by smt
theorem ok_size_nonneg: forall s: Set<Int> :: s.size() >= 0 proof by smt
theorem bad_size_positive: forall s: Set<Int> :: s.size() > 0 proof by smt
theorem ok_range: forall x in 1..3 :: x >= 1 && x <= 3 proof by smt
theorem ok_range_member: 2 in 1..3 proof by smt
theorem bad_range_member: 4 in 1..3 proof by smt
theorem ok_filter: { x in 1..5 where x % 2 == 0 } == {2, 4} proof by smt
theorem ok_image: { x * 2 for x in {1, 2} } == {2, 4} proof by smt
theorem bad_image: { x * 2 for x in {1, 2} } == {2, 3} proof by smt
theorem ok_empty: forall s: Set<Int>, x: Int :: s == {} ==> !(x in s) proof by smt
theorem ok_forall_set: forall s: Set<Int>, x: Int :: x in s.add(x) proof by smt
theorem bad_exists_infinite_set: exists s: Set<Int> :: forall x: Int :: x in s proof by smt
`);
    expect(mismatches(reports)).toEqual([]);
    expect(reports.get('bad_exists_infinite_set')?.problems[0]?.code).toBe('KSP104');
  });
});

describe('Map<K, V> as (Array K Option<V>)', () => {
  it('domain, lookup, get, insert, remove, keys, comprehension, and reads outside the domain', async () => {
    const reports = await proveSpec(`module maps
theorem ok_lookup: Map {1: 2}[1] == 2 proof by smt
theorem ok_in: 1 in Map {1: 2} proof by smt
theorem bad_in: 2 in Map {1: 2} proof by smt
theorem ok_get_none: Map {1: 2}.get(2) == None proof by smt
theorem ok_get_some: Map {1: 2}.get(1) == Some(2) proof by smt
theorem ok_insert: forall m: Map<Int, Int>, k: Int, v: Int :: m.insert(k, v)[k] == v proof by smt
theorem ok_insert_other: forall m: Map<Int, Int>, k: Int, j: Int, v: Int :: j != k ==> m.insert(k, v).get(j) == m.get(j) proof by smt
theorem ok_remove: forall m: Map<Int, Int>, k: Int :: !(k in m.remove(k)) proof by smt
theorem ok_keys: Map {1: 2, 3: 4}.keys() == {1, 3} proof by smt
theorem ok_comprehension: Map { x in {1, 2} => x * 10 }[2] == 20 proof by smt
theorem bad_comprehension_domain: 3 in Map { x in {1, 2} => x * 10 } proof by smt
theorem ok_extensional: forall m: Map<Int, Int>, k: Int :: !(k in m) ==> m.insert(k, 1).remove(k) == m proof by smt
theorem ok_read_is_a_function: forall m: Map<Int, Int>, k: Int :: m[k] == m[k] proof by smt
theorem bad_read_outside_is_zero: forall m: Map<Int, Int>, k: Int :: !(k in m) ==> m[k] == 0 proof by smt
theorem bad_read_outside_same: forall m1: Map<Int, Int>, m2: Map<Int, Int>, k: Int :: (!(k in m1) && !(k in m2)) ==> m1[k] == m2[k] proof by smt
theorem bad_read_outside_empty: forall m: Map<Int, Int> :: m == Map {} ==> m[5] == 0 proof by smt
theorem bad_exists_infinite_map: exists m: Map<Int, Int> :: forall k: Int :: k in m proof by smt
`);
    expect(mismatches(reports)).toEqual([]);
  });
});

describe('Seq<T> as (Seq T)', () => {
  it('len, index, push, concat, contains, and reads out of range', async () => {
    const reports = await proveSpec(`module seqs
theorem ok_len: [1, 2].len() == 2 proof by smt
theorem ok_push: [1, 2].push(3) == [1, 2, 3] proof by smt
theorem ok_concat: [1] ++ [2] == [1, 2] proof by smt
theorem ok_index: [1, 2][1] == 2 proof by smt
theorem ok_contains: [1, 2].contains(2) proof by smt
theorem bad_contains: [1, 2].contains(3) proof by smt
theorem ok_push_keeps: forall s: Seq<Int>, i: Int :: (0 <= i && i < s.len()) ==> s.push(7)[i] == s[i] proof by smt
theorem ok_empty: forall s: Seq<Int> :: s == [] ==> s.len() == 0 proof by smt
theorem bad_out_of_range_zero: forall s: Seq<Int> :: s[s.len()] == 0 proof by smt
theorem bad_out_of_range_same: forall s: Seq<Int>, t: Seq<Int> :: s[-1] == t[-1] proof by smt
theorem bad_out_of_range_last: forall s: Seq<Int> :: s.len() > 0 ==> s[s.len()] == s[s.len() - 1] proof by smt
theorem ok_forall_in_seq: forall x in [1, 2, 3] :: x > 0 proof by smt
theorem ok_exists_in_seq: exists x in [1, 2, 3] :: x == 2 proof by smt
theorem ok_strings_in_seq: ["a", "b"][0] ++ "c" == "ac" proof by smt
`);
    expect(mismatches(reports)).toEqual([]);
  });
});
