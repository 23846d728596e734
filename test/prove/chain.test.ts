// `by chain` end to end: a chain of WF1 links through waypoints verifies (exit 0); a wrong waypoint
// fails at the line of the link that leaves it (exit 1), naming the step and the link.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVerify } from './cli-helper.js';

const WALK = `module walk

// A counter walks through phases 0, 1, 2, 3, one action each; \`ok\` never changes.
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
  fair weak one
  fair weak two
  fair weak three
}

theorem walks: Walk |= (ok && phase == 0) ~> (phase == 3 && ok)
proof {
  have w: (ok && phase == 0) ~> (phase == 3 && ok)
    by chain within ok {
      wf1(one)
      ~> phase == 1 by wf1(two)
      ~> phase == 2 by wf1(three)
    }
  qed by ptl(w)
}
`;

const ECHO = `module echo

// Requests are handled into responses, responses received into answers.
machine Echo {
  var requests: Set<Int>
  var responses: Set<Int>
  var answered: Set<Int>
  init { requests == {} && responses == {} && answered == {} }
  action handle(x in requests) {
    requests' = requests.remove(x)
    responses' = responses.add(x)
  }
  action receive(y in responses) {
    responses' = responses.remove(y)
    answered' = answered.add(y)
  }
  fair weak handle(*)
  fair weak receive(*)
}

// Under a forall, from an exists (its witness named by the first link), through an exists waypoint.
theorem echoed: Echo |= forall k: Int :: (exists x in requests :: x == k) ~> k in answered
proof by chain {
  wf1(handle(x))
  ~> exists y in responses :: y == k by wf1(receive(y))
}
`;

const root = mkdtempSync(join(tmpdir(), 'kproof-chain-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(root, `${name}.kspec`);
  writeFileSync(file, text);
  return file;
}

describe('kproof verify: by chain', () => {
  it('proves a chain with a context, and a chain through an exists waypoint under a forall', async () => {
    const run = await runVerify(['--no-cache', write('walk', WALK), write('echo', ECHO)], root);
    expect(run.out).toMatch(/walk\.walks {2}proved/);
    expect(run.out).toMatch(/echo\.echoed {2}proved/);
    expect(run.code).toBe(0);
  }, 120_000);

  it('fails at the waypoint whose link does not hold, naming the step and the link', async () => {
    // from `phase >= 2` the action `three` need not be enabled (phase 7): link 3 fails, link 2 still holds
    const bad = WALK.replace('module walk', 'module wrong').replace('~> phase == 2 by wf1(three)', '~> phase >= 2 by wf1(three)');
    const run = await runVerify(['--no-cache', write('wrong', bad)], root);
    expect(run.code).toBe(1);
    const line = bad.split('\n').findIndex((l) => l.includes('~> phase >= 2')) + 1;
    const errors = run.out.split('\n').filter((l) => / error KSP/.test(l));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toContain(`wrong.kspec:${line}:7: error KSP100: step \`w / link 3 (from the waypoint at line ${line})\`: `);
  }, 120_000);
});
