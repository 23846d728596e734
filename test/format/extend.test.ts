// The formatter on `extend M { def ... }` blocks: exact output, comments, frozen regions, and the
// laws (idempotence, the same tree after a round trip, every comment kept).
import { describe, expect, it } from 'vitest';
import { checkLaws } from './laws.js';

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

describe('extend blocks', () => {
  it('print one def a line, standing apart from their neighbours', async () => {
    const input = lines(
      'module demo.ext',
      'import demo.counter as c',
      'def extend(x: Int): Int = x + 1',
      'extend   c . Counter {def within(k: Int): Bool = 0 <= n && n <= k; def safe: Bool = within(c.LIMIT)',
      '',
      '',
      '  def far: Bool = n > 100000000 && n > 200000000 && n > 300000000 && n > 400000000 && n > 500000000 && n > 600000000}',
      'theorem t: c.Counter |= [](safe)',
    );
    expect(await checkLaws(input)).toBe(
      lines(
        'module demo.ext',
        '',
        'import demo.counter as c',
        '',
        'def extend(x: Int): Int = x + 1',
        '',
        'extend c.Counter {',
        '  def within(k: Int): Bool = 0 <= n && n <= k',
        '  def safe: Bool = within(c.LIMIT)',
        '',
        '  def far: Bool =',
        '    n > 100000000 &&',
        '    n > 200000000 &&',
        '    n > 300000000 &&',
        '    n > 400000000 &&',
        '    n > 500000000 &&',
        '    n > 600000000',
        '}',
        '',
        'theorem t: c.Counter |= [](safe)',
      ),
    );
  });

  it('keep their comments, an empty block, and `[]` before them', async () => {
    const input = lines(
      'module demo.ext',
      'def none: Seq<Int> = []',
      'extend M { // the counter',
      '  // inside',
      '  def a: Bool = x /* why */',
      '}',
      'extend M {}',
      'extend M {',
      '  // only a comment',
      '}',
    );
    expect(await checkLaws(input)).toBe(
      lines(
        'module demo.ext',
        '',
        'def none: Seq<Int> = []',
        '',
        'extend M { // the counter',
        '  // inside',
        '  def a: Bool = x /* why */',
        '}',
        '',
        'extend M {}',
        '',
        'extend M {',
        '  // only a comment',
        '}',
      ),
    );
  });

  it('leave frozen defs as written', async () => {
    const input = lines('module demo.ext', 'extend M {', '  // prettier-ignore', '  def a: Bool =   x', '  def b: Bool =   y', '}');
    expect(await checkLaws(input)).toBe(lines('module demo.ext', '', 'extend M {', '  // prettier-ignore', '  def a: Bool =   x', '  def b: Bool = y', '}'));
  });
});
