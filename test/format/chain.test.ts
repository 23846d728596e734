// Exact output for `by chain` proofs: one waypoint a line, its `by` on the same line when it fits,
// a broken waypoint continuing deeper than its `by`; comments stay where they were.
import { describe, expect, it } from 'vitest';
import { checkLaws } from './laws.js';

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

describe('layout of by chain', () => {
  it('short chains: one line per link, in a have step and at the top of a proof', async () => {
    const input = lines(
      'module demo.chain',
      'theorem t: (ok && phase == 0) ~> phase == 3',
      'proof {',
      '  have w: (ok && phase == 0) ~> phase == 3 by chain within ok { wf1(one)  ~> phase == 1 by wf1(two) using inv',
      '  ~> phase == 2 by wf1(three) }',
      '  qed by ptl(w)',
      '}',
      'theorem u: phase == 0 ~> phase == 1 proof by chain {wf1(one)}',
    );
    expect(await checkLaws(input)).toBe(
      lines(
        'module demo.chain',
        '',
        'theorem t: (ok && phase == 0) ~> phase == 3',
        'proof {',
        '  have w: (ok && phase == 0) ~> phase == 3',
        '    by chain within ok {',
        '      wf1(one)',
        '      ~> phase == 1 by wf1(two) using inv',
        '      ~> phase == 2 by wf1(three)',
        '    }',
        '  qed by ptl(w)',
        '}',
        '',
        'theorem u: phase == 0 ~> phase == 1',
        'proof by chain {',
        '  wf1(one)',
        '}',
      ),
    );
  });

  it('long waypoints and contexts break, comments between links stay', async () => {
    const input = lines(
      'module demo.chain',
      'theorem t: p ~> q',
      'proof by chain within a_rather_long_context_name && another_rather_long_context_name && yet_another_one_here {',
      '  wf1(start) // leaves p',
      '  // the request is in flight',
      '  ~> exists m in network :: m == request(pending_id(ongoing[k])) && k in ongoing && ongoing[k].local == AfterGet by wf1(api_handle(m)) using unique_ids',
      '}',
    );
    expect(await checkLaws(input)).toBe(
      lines(
        'module demo.chain',
        '',
        'theorem t: p ~> q',
        'proof by chain within a_rather_long_context_name &&',
        '    another_rather_long_context_name &&',
        '    yet_another_one_here {',
        '  wf1(start) // leaves p',
        '  // the request is in flight',
        '  ~> exists m in network ::',
        '      m == request(pending_id(ongoing[k])) && k in ongoing && ongoing[k].local == AfterGet',
        '    by wf1(api_handle(m)) using unique_ids',
        '}',
      ),
    );
  });
});
