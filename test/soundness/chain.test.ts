// Must-reject uses of `by chain`: the links it generates are ordinary steps the kernel checks, so a
// chain that skips a waypoint, a waypoint that does not lead to the next, a context that is not
// preserved, or a last waypoint that does not reach the goal is "not proved", reported at the
// link that fails. (ok_* controls: the same chains, done right, are proved.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectations, type Expectation } from './temporal-helpers.js';
import { verifyFile, type FileVerdicts } from './temporal-run.js';

const SPEC = `module chain_rejects

// phase walks 0, 1, 2, 3 by one, two, three; \`spoil\` may clear \`ok\` at any time (no fairness).
machine Walk {
  var phase: Int
  var ok: Bool
  init { phase == 0 && ok }
  action one {
    require phase == 0
    phase' = 1
  }
  action two {
    require phase == 1
    phase' = 2
  }
  action three {
    require phase == 2
    phase' = 3
  }
  action spoil {
    ok' = false
  }
  fair weak one
  fair weak two
  fair weak three
}

theorem ok_walk: Walk |= phase == 0 ~> phase == 3
proof by chain {
  wf1(one)
  ~> phase == 1 by wf1(two)
  ~> phase == 2 by wf1(three)
}

// phase 1 is skipped: \`one\` leads to phase 1, not to phase 2
theorem bad_skip: Walk |= phase == 0 ~> phase == 3
proof by chain {
  wf1(one) // fail: bad_skip
  ~> phase == 2 by wf1(three)
}

// from phase 1 the walk never goes back to phase 0
theorem bad_next: Walk |= phase == 1 ~> phase == 3
proof by chain {
  wf1(two)
  ~> phase == 0 by wf1(one) // fail: bad_next
  ~> phase == 2 by wf1(three)
}

// \`spoil\` clears \`ok\` for good: the context does not stay, nor does the goal hold
theorem bad_context: Walk |= (ok && phase == 0) ~> (ok && phase == 3)
proof by chain within ok {
  wf1(one) // fail: bad_context
  ~> phase == 1 by wf1(two)
  ~> phase == 2 by wf1(three)
}

// the last waypoint's link ends at phase 2, not at the goal
theorem bad_last: Walk |= phase == 0 ~> phase == 3
proof by chain {
  wf1(one)
  ~> phase == 1 by wf1(two) // fail: bad_last
}

// the step is not a consequence of a chain whose links all hold: the goal's right side is not reached
theorem bad_goal: Walk |= phase == 0 ~> phase == 4
proof by chain {
  wf1(one)
  ~> phase == 1 by wf1(two)
  ~> phase == 2 by wf1(three) // fail: bad_goal
}
`;

const root = mkdtempSync(join(tmpdir(), 'kproof-chain-soundness-'));
const file = join(root, 'chain_rejects.kspec');
let verdicts: FileVerdicts;

beforeAll(async () => {
  writeFileSync(file, SPEC);
  verdicts = await verifyFile(file);
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('by chain: must-reject', () => {
  it('checks without errors', () => {
    expect(verdicts.errorLines).toEqual([]);
  });

  const all: Expectation[] = (() => {
    writeFileSync(join(root, 'expectations.kspec'), SPEC);
    return expectations(join(root, 'expectations.kspec'));
  })();

  it('has every case', () => {
    expect(all.map((e) => e.name)).toEqual(['ok_walk', 'bad_skip', 'bad_next', 'bad_context', 'bad_last', 'bad_goal']);
  });

  for (const e of all) {
    it(`${e.name} is ${e.kind === 'ok' ? 'proved' : 'not proved, at its failing link'}`, () => {
      const v = verdicts.theorems.get(e.name);
      if (e.kind === 'ok') {
        expect(v?.status).toBe('proved');
        return;
      }
      expect(v?.status).toBe('not proved');
      expect(v?.problems.map((p) => p.line)).toContain(e.line);
      for (const p of v?.problems ?? []) expect(p.message).toMatch(new RegExp(`^step \`${e.name} / link \\d`));
    });
  }
});
