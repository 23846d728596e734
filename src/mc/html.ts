// A self-contained HTML page that walks through a counterexample step by step. Everything from
// the spec (names, values, messages) is escaped; the page runs no code taken from the spec.
import type { ModelCheckResult } from './index.js';
import { formatStats, stepTitle } from './report.js';
import type { TraceStep } from './trace.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.3em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top;font-family:ui-monospace,monospace}
.changed{background:#fff3b0}.step{display:none}.step.active{display:block}.loop{color:#a40}nav button{margin-right:.5em}`;

const SCRIPT = `(function(){var steps=document.querySelectorAll('.step'),i=0;function show(){steps.forEach(function(s,k){s.classList.toggle('active',k===i)});document.getElementById('pos').textContent=(i+1)+' / '+steps.length}
document.getElementById('prev').onclick=function(){if(i>0){i--;show()}};document.getElementById('next').onclick=function(){if(i<steps.length-1){i++;show()}};
document.addEventListener('keydown',function(e){if(e.key==='ArrowLeft')document.getElementById('prev').click();if(e.key==='ArrowRight')document.getElementById('next').click()});show()})();`;

function stepHtml(step: TraceStep, index: number, note: string): string {
  const rows = step.state
    .map((v) => `<tr class="${index > 0 && step.changed.includes(v.name) ? 'changed' : ''}"><th>${escapeHtml(v.name)}</th><td>${escapeHtml(v.value)}</td></tr>`)
    .join('');
  return `<section class="step"><h2>Step ${index}: ${escapeHtml(stepTitle(step))}</h2>${note ? `<p class="loop">${escapeHtml(note)}</p>` : ''}<table>${rows}</table></section>`;
}

export function resultHtml(r: ModelCheckResult): string {
  const v = r.violation;
  let steps: TraceStep[] = [];
  const notes = new Map<number, string>();
  if (v?.kind === 'liveness') {
    steps = [...v.prefix, ...v.cycle];
    const loop = v.prefix.length - 1;
    notes.set(loop, v.cycle.length === 0 ? 'The behaviour stutters here forever.' : 'The loop starts here.');
    if (v.cycle.length > 0) notes.set(steps.length - 1, `Back to step ${loop}; the loop repeats forever.`);
  } else if (v) steps = [...v.trace];
  const summary = v ? v.message : r.status === 'bounded' ? 'bounded: no violation within the bounds (not a complete check)' : 'no violation';
  const body = steps.map((s, i) => stepHtml(s, i, notes.get(i) ?? '')).join('\n');
  const stats = formatStats(r, 0)
    .slice(0, 1)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`kproof mc: ${r.model}`)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(`model ${r.model} of ${r.machine}`)}</h1><p><strong>${escapeHtml(summary)}</strong></p>${stats}
${steps.length > 0 ? `<nav><button id="prev">&larr; previous</button><button id="next">next &rarr;</button><span id="pos"></span></nav>\n${body}\n<script>${SCRIPT}</script>` : ''}
</body></html>
`;
}
