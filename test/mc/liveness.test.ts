// Liveness under fairness: verdicts known by hand, and counterexamples that are fair lassos.
import { describe, expect, it } from 'vitest';
import type { Violation } from '../../src/mc/index.js';
import { run, steps } from './helpers.js';

function lasso(v: Violation | undefined) {
  expect(v?.kind).toBe('liveness');
  if (v?.kind !== 'liveness') throw new Error('not a liveness violation');
  return { prefix: steps(v.prefix), cycle: steps(v.cycle), message: v.message };
}

describe('weak fairness', () => {
  it('<>P holds thanks to WF', () => {
    const r = run('liveness.kspec', 'climb');
    expect(r.status).toBe('ok');
    expect(r.properties).toEqual([{ name: 'climbs', kind: 'liveness', status: 'holds' }]);
  });

  it('the same machine without WF fails: it may stutter at 0 forever', () => {
    const l = lasso(run('liveness.kspec', 'lazy').violation);
    expect(l.prefix).toEqual([['init', { x: '0' }]]);
    expect(l.cycle).toEqual([]);
  });
});

describe('cycles', () => {
  it('a cycle that violates <>P is found, and stuttering is not offered when fairness forbids it', () => {
    const l = lasso(run('liveness.kspec', 'flip_two').violation);
    expect(l.prefix).toEqual([['init', { x: '0' }]]);
    expect(l.cycle).toEqual([
      ['flip', { x: '1' }],
      ['flip', { x: '0' }],
    ]);
  });

  it('[]<>P and P ~> Q hold on the fair cycle', () => {
    const r = run('liveness.kspec', 'flip_often');
    expect(r.status).toBe('ok');
    expect(r.properties.map((p) => p.status)).toEqual(['holds', 'holds']);
  });

  it('<>[]P fails on a cycle that keeps leaving P', () => {
    const l = lasso(run('liveness.kspec', 'flip_settle').violation);
    expect(l.cycle.map(([, s]) => s['x'])).toEqual(['1', '0']);
  });

  it('[](P ==> []Q) gives a finite counterexample', () => {
    const v = run('liveness.kspec', 'flip_stability').violation;
    expect(v?.kind).toBe('property');
    if (v?.kind !== 'property') return;
    expect(steps(v.trace).map(([, s]) => s['x'])).toEqual(['0', '1', '0']);
  });
});

describe('strong versus weak fairness', () => {
  it('no starvation holds with SF(acquire)', () => {
    const r = run('mutex.kspec', 'strong3');
    expect(r.properties.find((p) => p.name === 'strong_no_starvation')?.status).toBe('holds');
  });

  it('and fails with WF(acquire): the other process keeps taking the lock', () => {
    const l = lasso(run('mutex.kspec', 'weak2').violation);
    expect(l.message).toContain('for p = 1');
    expect(l.prefix).toEqual([
      ['init', { pc: 'Map {1: Idle, 2: Idle}', lock: 'None' }],
      ['request(1)', { pc: 'Map {1: Waiting, 2: Idle}', lock: 'None' }],
    ]);
    expect(l.cycle).toEqual([
      ['request(2)', { pc: 'Map {1: Waiting, 2: Waiting}', lock: 'None' }],
      ['acquire(2)', { pc: 'Map {1: Waiting, 2: Critical}', lock: 'Some(2)' }],
      ['release(2)', { pc: 'Map {1: Waiting, 2: Idle}', lock: 'None' }],
    ]);
  });
});

describe('eventually stable reconciliation', () => {
  it('holds for a controller that reconciles every resource under WF', () => {
    const r = run('esr.kspec', 'two');
    expect([r.status, r.distinct]).toEqual(['ok', 16]);
  });

  it('fails for a controller that never reconciles resource 2', () => {
    const l = lasso(run('esr.kspec', 'one_track').violation);
    expect(l.message).toContain('for c = 2');
    expect(l.prefix.at(-1)).toEqual(['setSpec(2, 1)', { spec: 'Map {1: 0, 2: 1}', status: 'Map {1: 0, 2: 0}' }]);
    expect(l.cycle).toEqual([]);
  });
});
