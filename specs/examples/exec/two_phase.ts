// Exec code for examples.two_phase: the transaction manager's and resource managers' steps, and
// the `consistent` check. Messages are enum values, so membership uses kproof/runtime's `setHas`
// (by value) rather than Set.prototype.has (by identity).
//   kproof refine specs/examples/exec/two_phase.ts --spec specs/examples/two_phase.kspec
import { mapIndex, mapInsert, setAdd, setHas, subset } from 'kproof/runtime';
import type { $Constants, RmState, TwoPhase$State } from './generated/examples.two_phase.js';

/** @refines examples.two_phase.TwoPhase.tmRcvPrepared */
export function tmRcvPrepared(c: $Constants, s: TwoPhase$State, r: bigint): TwoPhase$State | undefined {
  if (!c.RM.has(r) || s.tmState.kind !== 'TmInit' || !setHas(s.msgs, { kind: 'MsgPrepared', rm: r })) return undefined;
  return { ...s, tmPrepared: setAdd(s.tmPrepared, r) };
}

/** @refines examples.two_phase.TwoPhase.tmCommit */
export function tmCommit(c: $Constants, s: TwoPhase$State): TwoPhase$State | undefined {
  if (s.tmState.kind !== 'TmInit' || !(subset(s.tmPrepared, c.RM) && subset(c.RM, s.tmPrepared))) return undefined;
  return { ...s, tmState: { kind: 'TmCommitted' }, msgs: setAdd(s.msgs, { kind: 'MsgCommit' }) };
}

/** @refines examples.two_phase.TwoPhase.rmPrepare */
export function rmPrepare(c: $Constants, s: TwoPhase$State, r: bigint): TwoPhase$State | undefined {
  if (!c.RM.has(r)) return undefined;
  switch (mapIndex(s.rmState, r).kind) {
    case 'Working':
      return { ...s, rmState: mapInsert(s.rmState, r, { kind: 'Prepared' }), msgs: setAdd(s.msgs, { kind: 'MsgPrepared', rm: r }) };
    default:
      return undefined;
  }
}

/** @refines examples.two_phase.consistent */
export function consistent(states: ReadonlyMap<bigint, RmState>): boolean {
  let ok = true;
  for (const r1 of states.keys()) {
    ok = ok && !(mapIndex(states, r1).kind === 'Aborted' && [...states.keys()].some((r2) => mapIndex(states, r2).kind === 'Committed'));
  }
  return ok;
}
