import { afterAll, describe, expect, it } from 'vitest';
import { closeSolvers, mismatches, proveSpec } from './helper.js';

afterAll(closeSolvers);

describe('enabled(a) and machine defs in first-order formulas', () => {
  it('enabled is the guard with the parameters in their domains', async () => {
    const reports = await proveSpec(`module acts
const LIMIT: Int
assume LIMIT > 0
machine C {
  var n: Int
  var log: Seq<Int>
  def room: Int = LIMIT - n
  init { n == 0 && log == [] }
  action tick {
    require n < LIMIT
    n' = n + 1
    log' = log.push(n)
  }
  action jump(k: Int in 0..LIMIT) {
    require k > n
    n' = k
  }
}
theorem ok_enabled_tick: C |= [](enabled(tick) <==> n < LIMIT) proof by smt
theorem ok_enabled_jump_some: C |= [](enabled(jump(*)) <==> n < LIMIT) proof by smt
theorem ok_enabled_jump_one: C |= [](enabled(jump(LIMIT)) <==> n < LIMIT) proof by smt
theorem bad_enabled_always: C |= [](enabled(tick)) proof by smt
theorem ok_room: C |= [](room > 0 <==> enabled(tick)) proof by smt
theorem ok_room_init: C |= room == LIMIT proof by smt
theorem ok_bounded: C |= [](n <= LIMIT) proof by invariant
theorem ok_room_nonneg: C |= [](room >= 0) proof by smt using ok_bounded
theorem bad_room_positive: C |= [](room > 0) proof by smt using ok_bounded
`);
    expect(mismatches(reports)).toEqual([]);
  });
});
