// The formatter's laws, checked on one text: it formats, formatting again changes nothing, the
// output parses to the same syntax tree (spans aside), and every comment survives.
import { expect } from 'vitest';
import { commentTexts, formatKspec, withoutSpans } from '../../src/format/index.js';
import { parseModule } from '../../src/syntax/index.js';

/** The tree without spans, and the comments as a sorted list of texts. */
function meaning(text: string): { tree: unknown; comments: string[] } {
  const parsed = parseModule(text, 'law.kspec');
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { comments, ...rest } = parsed.ast!;
  return { tree: withoutSpans(rest), comments: commentTexts(comments) };
}

export function parsesCleanly(text: string): boolean {
  const parsed = parseModule(text, 'law.kspec');
  return parsed.ast !== undefined && !parsed.diagnostics.some((d) => d.severity === 'error');
}

export async function checkLaws(text: string): Promise<string> {
  const first = await formatKspec(text, 'law.kspec');
  expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const formatted = first.formatted!;
  expect(typeof formatted).toBe('string');
  // idempotence
  const second = await formatKspec(formatted, 'law.kspec');
  expect(second.formatted).toBe(formatted);
  // round trip: the same tree, the same comments
  expect(meaning(formatted)).toEqual(meaning(text));
  return formatted;
}
