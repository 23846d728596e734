// Exec code for examples.mutex: the actions of one process as state-to-state functions.
// `mapIndex` (kproof/runtime) is `pc[p]`: partial exactly where the spec's is, so the exec code
// throws KspecPartialError where the spec's value is unspecified.
//   kproof refine specs/examples/exec/mutex.ts --spec specs/examples/mutex.kspec
import { mapIndex, mapInsert } from 'kproof/runtime';
import type { $Constants, Mutex$State } from './generated/examples.mutex.js';

/** @refines examples.mutex.Mutex.request */
export function request(c: $Constants, s: Mutex$State, p: bigint): Mutex$State | undefined {
  if (!c.Procs.has(p) || mapIndex(s.pc, p).kind !== 'Idle') return undefined;
  return { ...s, pc: mapInsert(s.pc, p, { kind: 'Waiting' }) };
}

/** @refines examples.mutex.Mutex.acquire */
export function acquire(c: $Constants, s: Mutex$State, p: bigint): Mutex$State | undefined {
  if (!c.Procs.has(p)) return undefined;
  const state = mapIndex(s.pc, p);
  switch (state.kind) {
    case 'Waiting':
      return s.lock === undefined ? { pc: mapInsert(s.pc, p, { kind: 'Critical' }), lock: p } : undefined;
    default:
      return undefined;
  }
}

/** @refines examples.mutex.Mutex.release */
export function release(c: $Constants, s: Mutex$State, p: bigint): Mutex$State | undefined {
  if (c.Procs.has(p) && mapIndex(s.pc, p).kind === 'Critical') return { pc: mapInsert(s.pc, p, { kind: 'Idle' }), lock: undefined };
  return undefined;
}
