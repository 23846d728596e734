// Safety: shortest traces for invariant violations, deadlock, honest bounds, partial operations
// reported as errors with the trace that reaches them, and malformed models refused with codes.
import { describe, expect, it } from 'vitest';
import { checkModel, run, steps } from './helpers.js';

describe('invariants', () => {
  it('reports the shortest trace: one jump, not three ticks', () => {
    const r = run('counter.kspec', 'three_reached');
    expect(r.status).toBe('violation');
    const v = r.violation!;
    expect(v.kind).toBe('invariant');
    if (v.kind !== 'invariant') return;
    expect(v.property).toBe('not_three');
    expect(steps(v.trace)).toEqual([
      ['init', { n: '0' }],
      ['jump(3)', { n: '3' }],
    ]);
    expect(r.properties).toEqual([{ name: 'not_three', kind: 'invariant', status: 'violated' }]);
  });

  it('checks action invariants on every step', () => {
    const r = run('counter.kspec', 'five');
    expect(r.properties.find((p) => p.name === 'monotone')).toEqual({ name: 'monotone', kind: 'action', status: 'holds' });
  });
});

describe('deadlock', () => {
  it('is reported only when asked, with the shortest trace', () => {
    expect(run('counter.kspec', 'five').status).toBe('ok');
    const r = run('counter.kspec', 'five', { deadlock: true });
    const v = r.violation!;
    expect(v.kind).toBe('deadlock');
    if (v.kind !== 'deadlock') return;
    expect(steps(v.trace)).toEqual([
      ['init', { n: '0' }],
      ['jump(5)', { n: '5' }],
    ]);
  });
});

describe('bounds are reported honestly', () => {
  it('max-states: bounded, never ok', () => {
    const r = run('two_phase.kspec', 'rm3', { maxStates: 50 });
    expect(r.status).toBe('bounded');
    expect(r.bounded).toBe(true);
    expect(r.distinct).toBeGreaterThanOrEqual(50);
    expect(r.distinct).toBeLessThan(288);
  });

  it('max-depth: bounded, states only up to that depth', () => {
    const r = run('two_phase.kspec', 'rm3', { maxDepth: 3 });
    expect(r.status).toBe('bounded');
    expect(r.depth).toBe(3);
  });

  it('liveness is not claimed on a truncated graph', () => {
    const r = run('liveness.kspec', 'flip_often', { maxStates: 1 });
    expect(r.status).toBe('bounded');
    expect(r.properties.every((p) => p.status === 'unchecked')).toBe(true);
  });

  it('a bound that cuts nothing off still says bounded only if states were left', () => {
    expect(run('counter.kspec', 'five', { maxStates: 1000 }).status).toBe('ok');
  });
});

describe('partial operations are errors with a trace', () => {
  it('map index outside the domain, reached by an invariant', () => {
    const r = run('partial.kspec', 'lookup');
    const v = r.violation!;
    expect(v.kind).toBe('error');
    if (v.kind !== 'error') return;
    expect(v.code).toBe('KSP205');
    expect(v.message).toContain('2 is not a key of the map');
    expect(v.span.start.line).toBe(14);
    expect(steps(v.trace).map(([a, s]) => [a, s['i']])).toEqual([
      ['init', '0'],
      ['next', '1'],
      ['next', '2'],
    ]);
  });

  it('division by zero in an update', () => {
    const v = run('partial.kspec', 'divide').violation!;
    expect(v.kind === 'error' && v.code).toBe('KSP207');
    if (v.kind !== 'error') return;
    expect(v.message).toContain('in action step');
    expect(steps(v.trace).map(([, s]) => s['d'])).toEqual(['2', '1', '0']);
  });

  it('sequence index out of range in a guard', () => {
    const v = run('partial.kspec', 'index').violation!;
    expect(v.kind === 'error' && v.code).toBe('KSP206');
    if (v.kind !== 'error') return;
    expect(v.message).toContain('in action peek');
    expect(steps(v.trace).map(([, s]) => s['k'])).toEqual(['0', '1', '2']);
  });
});

describe('malformed models', () => {
  it.each([
    ['unbounded_init', 'KSP201', 7],
    ['infinite_quantifier', 'KSP202', 22],
    ['unsupported_shape', 'KSP204', 23],
  ])('%s is refused with %s at line %i', (model, code, line) => {
    const outcome = checkModel('malformed.kspec', model);
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([[code, line]]);
  });

  it('an unknown model name lists the models', () => {
    const outcome = checkModel('counter.kspec', 'nope');
    expect(outcome.diagnostics[0]!.code).toBe('KSP200');
    expect(outcome.diagnostics[0]!.message).toContain('five, three_reached, zero');
  });

  it('constants that violate an assume are refused', () => {
    const outcome = checkModel('counter.kspec', 'zero');
    expect(outcome.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([['KSP211', 42]]);
  });
});
