import type { Position, Span } from './index.js';

/** Offsets at which each line starts; index i holds the start of line i + 1. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { offset, line: lo + 1, column: offset - starts[lo]! + 1 };
}

export function spanFromOffsets(file: string, starts: readonly number[], startOffset: number, endOffset: number): Span {
  return { file, start: positionAt(starts, startOffset), end: positionAt(starts, Math.max(startOffset, endOffset)) };
}

/** The smallest span covering both (they must be in the same file). */
export function mergeSpans(a: Span, b: Span): Span {
  return {
    file: a.file,
    start: a.start.offset <= b.start.offset ? a.start : b.start,
    end: a.end.offset >= b.end.offset ? a.end : b.end,
  };
}

/** For things that have no source text (built-ins, generated code). */
export function syntheticSpan(file: string): Span {
  const origin = { offset: 0, line: 1, column: 1 };
  return { file, start: origin, end: origin };
}
