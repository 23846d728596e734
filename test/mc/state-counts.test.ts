// Exact state counts for small machines, computed by hand (see each fixture's comments) or by an
// independent enumeration written directly in JavaScript.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

/** TwoPhase (Gray and Lamport) enumerated directly: the reference for the spec's counts. */
function twoPhaseCounts(rms: number): { generated: number; distinct: number; depth: number } {
  type S = { rm: string[]; tm: string; prepared: number[]; msgs: string[] };
  const key = (s: S) => JSON.stringify(s);
  const norm = (s: S): S => ({ ...s, prepared: [...new Set(s.prepared)].sort(), msgs: [...new Set(s.msgs)].sort() });
  const next = (s: S): S[] => {
    const out: S[] = [];
    for (let r = 0; r < rms; r++) {
      if (s.tm === 'init' && s.msgs.includes(`P${r}`)) out.push(norm({ ...s, prepared: [...s.prepared, r] }));
      const set = (v: string): string[] => s.rm.map((x, i) => (i === r ? v : x));
      if (s.rm[r] === 'working') out.push(norm({ ...s, rm: set('prepared'), msgs: [...s.msgs, `P${r}`] }));
      if (s.rm[r] === 'working') out.push(norm({ ...s, rm: set('aborted') }));
      if (s.msgs.includes('C')) out.push(norm({ ...s, rm: set('committed') }));
      if (s.msgs.includes('A')) out.push(norm({ ...s, rm: set('aborted') }));
    }
    if (s.tm === 'init' && s.prepared.length === rms) out.push(norm({ ...s, tm: 'committed', msgs: [...s.msgs, 'C'] }));
    if (s.tm === 'init') out.push(norm({ ...s, tm: 'aborted', msgs: [...s.msgs, 'A'] }));
    return out;
  };
  const init: S = { rm: Array<string>(rms).fill('working'), tm: 'init', prepared: [], msgs: [] };
  const seen = new Map<string, number>([[key(init), 1]]);
  let frontier = [init];
  let generated = 1;
  let depth = 1;
  while (frontier.length > 0) {
    const nextFrontier: S[] = [];
    for (const s of frontier)
      for (const t of next(s)) {
        generated++;
        if (!seen.has(key(t))) {
          seen.set(key(t), depth + 1);
          nextFrontier.push(t);
        }
      }
    if (nextFrontier.length > 0) depth++;
    frontier = nextFrontier;
  }
  return { generated, distinct: seen.size, depth };
}

describe('state counts', () => {
  it('counter: 6 distinct, 16 generated, depth 2', () => {
    const r = run('counter.kspec', 'five');
    expect([r.status, r.distinct, r.generated, r.depth]).toEqual(['ok', 6, 16, 2]);
    expect(r.properties.map((p) => [p.name, p.kind, p.status])).toEqual([
      ['bounded', 'invariant', 'holds'],
      ['in_range', 'invariant', 'holds'],
      ['monotone', 'action', 'holds'],
      ['ticks_while_below', 'invariant', 'holds'],
      ['jumps_to_five', 'invariant', 'holds'],
    ]);
  });

  it('a queue that uses most expression forms: 17 distinct, 21 generated, depth 7', () => {
    const r = run('coverage.kspec', 'two');
    expect([r.status, r.distinct, r.generated, r.depth]).toEqual(['ok', 17, 21, 7]);
    expect(r.properties).toEqual([{ name: 'all_shapes', kind: 'invariant', status: 'holds' }]);
  });

  it('mutex with 3 processes: 20 distinct, 49 generated, depth 5', () => {
    const r = run('mutex.kspec', 'strong3');
    expect([r.status, r.distinct, r.generated, r.depth]).toEqual(['ok', 20, 49, 5]);
  });

  it('two-phase commit with 3 resource managers matches TLC (288 distinct, 1,146 generated, depth 11)', () => {
    const r = run('two_phase.kspec', 'rm3');
    expect([r.status, r.distinct, r.generated, r.depth]).toEqual(['ok', 288, 1146, 11]);
    expect(twoPhaseCounts(3)).toEqual({ generated: 1146, distinct: 288, depth: 11 });
  });

  it('two-phase commit with 2 resource managers matches a direct enumeration', () => {
    const r = run('two_phase.kspec', 'rm2');
    expect(twoPhaseCounts(2)).toEqual({ generated: 154, distinct: 56, depth: 8 });
    expect([r.status, r.distinct, r.generated, r.depth]).toEqual(['ok', 56, 154, 8]);
  });
});
