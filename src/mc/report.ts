// Human-readable model-checking reports: a summary, then a violation's trace as a table with one
// row per step and one column per variable that changes (a cell is filled only where it changes).
import type { ModelCheckResult, Violation } from './index.js';
import type { TraceStep } from './trace.js';

const MAX_TABLE_WIDTH = 160;
/** Longer traces print their first and last rows; JSON and HTML always carry every step. */
const MAX_ROWS = 200;

export function formatNumber(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

export function stepTitle(step: TraceStep): string {
  if (!step.action) return '(initial)';
  return step.params.length === 0 ? step.action : `${step.action}(${step.params.map((p) => `${p.name} = ${p.value}`).join(', ')})`;
}

export function formatStats(r: ModelCheckResult, heapBytes: number): string[] {
  const rate = r.seconds > 0 ? r.generated / r.seconds : 0;
  const distinctRate = r.seconds > 0 ? r.distinct / r.seconds : 0;
  return [
    `states generated ${formatNumber(r.generated)}, distinct ${formatNumber(r.distinct)}, depth ${r.depth}`,
    `${formatNumber(rate)} states/s (${formatNumber(distinctRate)} distinct/s), ${r.seconds.toFixed(2)} s, memory ${formatBytes(heapBytes)} (state storage ${formatBytes(r.bytes)})`,
  ];
}

export function formatResult(r: ModelCheckResult, heapBytes: number): string {
  const lines: string[] = [];
  const head = `model ${r.model} of ${r.machine}: `;
  if (r.status === 'ok') lines.push(`${head}no violation (all ${formatNumber(r.distinct)} reachable states explored)`);
  else if (r.status === 'bounded')
    lines.push(`${head}bounded, no violation within ${formatNumber(r.distinct)} states / depth ${r.depth} — NOT a complete check`);
  else lines.push(`${head}${r.violation!.message}`);
  for (const p of r.properties) {
    const mark = p.status === 'holds' ? 'ok  ' : p.status === 'violated' ? 'FAIL' : 'n/a ';
    const note = p.status === 'unchecked' ? ' not checked' : p.status === 'holds' && r.bounded ? ' within the bounds only' : '';
    lines.push(`  ${mark} ${p.name} (${p.kind})${note}`);
  }
  lines.push(...formatStats(r, heapBytes));
  if (r.violation) lines.push('', ...formatViolation(r.violation));
  return lines.join('\n');
}

export function formatViolation(v: Violation): string[] {
  if (v.kind === 'liveness') {
    const all = [...v.prefix, ...v.cycle];
    const out = [`counterexample: a behaviour of ${all.length} states whose end loops forever`];
    for (const line of traceTable(all, v.prefix.length - 1)) out.push(line);
    if (v.cycle.length === 0) out.push(`then stutters forever in step ${v.prefix.length - 1} (no fairness constraint forces a step there)`);
    else out.push(`then loops back to step ${v.prefix.length - 1} forever`);
    return out;
  }
  const out = [`trace (${v.trace.length} states, shortest):`, ...traceTable(v.trace, -1)];
  if (v.kind === 'error') out.push(`error ${v.code}: ${v.message} (${v.span.file}:${v.span.start.line}:${v.span.start.column})`);
  return out;
}

/** Rows of steps; `loopStart` (when ≥ 0) marks the first step of the loop. */
export function traceTable(steps: readonly TraceStep[], loopStart: number): string[] {
  if (steps.length === 0) return [];
  const changing = steps[0]!.state.map((v) => v.name).filter((name) => steps.some((s, i) => i > 0 && s.changed.includes(name)));
  const header = ['step', 'action', ...changing];
  // Long traces show their first and last rows (and the loop's first state); gaps say how many rows they hide.
  const shown: number[] = [];
  for (let i = 0; i < steps.length; i++) if (steps.length <= MAX_ROWS || i < MAX_ROWS / 2 || i >= steps.length - MAX_ROWS / 2 || i === loopStart) shown.push(i);
  const rows = shown.map((i) => {
    const s = steps[i]!;
    return [
      `${i === loopStart ? '*' : ' '}${i}`,
      stepTitle(s),
      ...changing.map((name) => (i === 0 || s.changed.includes(name) ? s.state.find((v) => v.name === name)!.value : '')),
    ];
  });
  const widths = header.map((h, c) => rows.reduce((w, r) => Math.max(w, r[c]!.length), h.length));
  const initial = steps[0]!.state.filter((v) => !changing.includes(v.name)).map((v) => `  ${v.name} = ${v.value}`);
  const out: string[] = [];
  if (initial.length > 0) out.push('unchanged throughout:', ...initial);
  const gap = (k: number): void => {
    const hidden = k === 0 ? 0 : shown[k]! - shown[k - 1]! - 1;
    if (hidden > 0) out.push(`      … ${hidden} steps omitted (see --json or --html for all) …`);
  };
  if (widths.reduce((a, b) => a + b + 2, 0) <= MAX_TABLE_WIDTH) {
    const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
    out.push(line(header), line(widths.map((w) => '-'.repeat(w))));
    rows.forEach((r, k) => {
      gap(k);
      out.push(line(r));
    });
  } else {
    // Too wide for a table: one block per step, listing the variables that changed.
    shown.forEach((i, k) => {
      gap(k);
      const s = steps[i]!;
      out.push(`${i === loopStart ? '*' : ' '}${i} ${stepTitle(s)}`);
      for (const v of s.state) if (changing.includes(v.name) && (i === 0 || s.changed.includes(v.name))) out.push(`      ${v.name} = ${v.value}`);
    });
  }
  if (loopStart >= 0) out.push('(* marks the first state of the loop)');
  return out;
}
