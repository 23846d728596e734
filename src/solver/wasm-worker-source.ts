// The body of one WASM pool worker, run with `new Worker(source, { eval: true })` so it works the
// same from compiled dist/ and from TypeScript sources under vitest. It owns one init() and one
// Context and handles one job at a time; the main thread never touches Z3 (see reference/z3.md
// §4.2-4.3: calls into a context during check(), or GC of AST wrappers, corrupt the heap). Only
// text crosses the boundary: fromString, check, model.sexpr(), release().
//
// One more hazard found here: a recursive function (define-fun-rec / define-funs-rec) is
// registered in the Context, not the Solver, so the next job defining the same name fails
// ("already defined"). Each job's recursive functions are therefore renamed apart (a lexical
// rename of symbol tokens, never touching string literals or comments) and renamed back in the
// model text.
//
// The job's timeout is enforced by this worker's own timer calling ctx.interrupt(), not by the
// solver's `timeout` parameter: that parameter makes Z3 arm a timer thread for every check, and
// disarming it busy-waits (a sched_yield loop) until the timer thread is scheduled, which in WASM
// cost about 1 ms of the solving thread per obligation (more on a loaded machine). An interrupt
// that arrives just after a check finished is harmless: the next check starts uncancelled.
import { FAST_INVOKE_SOURCE, PTHREAD_PRELUDE } from './wasm-fast-invoke-source.js';

export const WASM_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData, Worker: NodeWorker } = require('node:worker_threads');
const { dirname, join } = require('node:path');
const { init } = require(workerData.z3Module);
${FAST_INVOKE_SOURCE}

function lex(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const start = i;
    if (c === '(' || c === ')') { out.push({ kind: c, start, end: ++i }); continue; }
    if (c === ';') { while (i < text.length && text[i] !== '\\n') i++; out.push({ kind: 'other', start, end: i }); continue; }
    if (/\\s/.test(c)) { i++; out.push({ kind: 'other', start, end: i }); continue; }
    if (c === '"') {
      i++;
      while (i < text.length) { if (text[i] === '"') { if (text[i + 1] === '"') { i += 2; continue; } i++; break; } i++; }
      out.push({ kind: 'other', start, end: i });
      continue;
    }
    if (c === '|') {
      const close = text.indexOf('|', i + 1);
      i = close < 0 ? text.length : close + 1;
      out.push({ kind: 'symbol', value: text.slice(start + 1, i - 1), start, end: i });
      continue;
    }
    while (i < text.length && !/[\\s()|";]/.test(text[i])) i++;
    out.push({ kind: 'symbol', value: text.slice(start, i), start, end: i });
  }
  return out;
}

function recursiveNames(toks) {
  const names = new Set();
  const sig = toks.filter((t) => t.kind !== 'other');
  for (let i = 0; i + 1 < sig.length; i++) {
    if (sig[i].kind !== '(' || sig[i + 1].kind !== 'symbol') continue;
    if (sig[i + 1].value === 'define-fun-rec' && sig[i + 2] && sig[i + 2].kind === 'symbol') names.add(sig[i + 2].value);
    if (sig[i + 1].value === 'define-funs-rec' && sig[i + 2] && sig[i + 2].kind === '(') {
      let depth = 0;
      for (let j = i + 2; j < sig.length; j++) {
        if (sig[j].kind === '(') { depth++; if (depth === 2 && sig[j + 1] && sig[j + 1].kind === 'symbol') names.add(sig[j + 1].value); }
        else if (sig[j].kind === ')') { depth--; if (depth === 0) break; }
      }
    }
  }
  return names;
}

function renameSymbols(text, toks, rename) {
  let out = '';
  for (const t of toks) {
    const to = t.kind === 'symbol' ? rename(t.value) : undefined;
    out += to === undefined ? text.slice(t.start, t.end) : '|' + to + '|';
  }
  return out;
}

function renameApart(text, suffix) {
  // most jobs have no recursive function: skip lexing their whole text
  if (!text.includes('define-fun-rec') && !text.includes('define-funs-rec')) return { text, back: (model) => model };
  const toks = lex(text);
  const names = recursiveNames(toks);
  if (names.size === 0) return { text, back: (model) => model };
  const forward = renameSymbols(text, toks, (v) => (names.has(v) ? v + suffix : undefined));
  const back = (model) => renameSymbols(model, lex(model), (v) => (v.endsWith(suffix) && names.has(v.slice(0, -suffix.length)) ? v.slice(0, -suffix.length) : undefined));
  return { text: forward, back };
}
// A Module compiled by the main thread (shared compiled code, see wasm.ts) is instantiated here;
// without one, z3-solver loads its file itself. Either way the pthreads Z3 starts get the same Module.
function loadOptions(compiled) {
  if (!compiled) return {};
  return {
    instantiateWasm: (imports, receive) => {
      const bind = useFastInvokes(imports);
      WebAssembly.instantiate(compiled, imports).then(
        (instance) => {
          if (bind) bind(instance);
          receive(instance, compiled);
        },
        (e) => parentPort.postMessage({ type: 'fatal', reason: String((e && e.message) || e) }),
      );
      return {};
    },
  };
}

// Z3's pthreads (where checks run) are started by emscripten with \`new Worker(z3-built.js)\` through
// the global it set during init(); this routes them through PTHREAD_PRELUDE first.
function startPthreadsWithFastInvokes(z3Built) {
  const source = ${JSON.stringify(PTHREAD_PRELUDE)} + 'require(' + JSON.stringify(z3Built) + ');';
  globalThis.Worker = class extends NodeWorker {
    constructor(file, options) {
      if (options && options.workerData === 'em-pthread') super(source, { ...options, eval: true });
      else super(file, options);
    }
  };
}

(async () => {
  const api = await init(loadOptions(workerData.wasmModule));
  startPthreadsWithFastInvokes(join(dirname(workerData.z3Module), 'z3-built.js'));
  const ctx = new api.Context('kproof');
  let busy = false;
  parentPort.on('message', async (msg) => {
    if (msg.type === 'interrupt') {
      if (busy) ctx.interrupt();
      return;
    }
    busy = true;
    const solver = new ctx.Solver();
    let reply;
    let timer;
    try {
      const job = renameApart(msg.smt, '@kproof-job' + msg.id);
      solver.fromString(job.text);
      let timedOut = false;
      timer = setTimeout(() => {
        timedOut = true;
        ctx.interrupt();
      }, msg.timeoutMs);
      const status = await solver.check();
      clearTimeout(timer);
      reply = { type: 'result', id: msg.id, status };
      if (status === 'unknown') reply.reason = timedOut ? 'timeout' : solver.reasonUnknown();
      if (status === 'sat' && msg.wantModel) {
        const model = solver.model();
        reply.model = job.back(model.sexpr());
        model.release();
      }
    } catch (e) {
      reply = { type: 'result', id: msg.id, status: 'error', reason: String((e && e.message) || e) };
    } finally {
      clearTimeout(timer);
      solver.release();
      busy = false;
    }
    parentPort.postMessage(reply);
  });
  parentPort.postMessage({ type: 'ready', version: api.getFullVersion() });
})().catch((e) => {
  parentPort.postMessage({ type: 'fatal', reason: String((e && e.message) || e) });
});
`;
