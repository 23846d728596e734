// The body of one WASM pool worker, run with `new Worker(source, { eval: true })` so it works the
// same from compiled dist/ and from TypeScript sources under vitest. It owns one init() and one
// Context and handles one job at a time; the main thread never touches Z3 (see reference/z3.md
// §4.2-4.3: calls into a context during check(), or GC of AST wrappers, corrupt the heap). Only
// text crosses the boundary: fromString, check, model.sexpr(), release().
export const WASM_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { init } = require(workerData.z3Module);
(async () => {
  const api = await init();
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
    try {
      solver.set('timeout', msg.timeoutMs);
      solver.fromString(msg.smt);
      const status = await solver.check();
      reply = { type: 'result', id: msg.id, status };
      if (status === 'unknown') reply.reason = solver.reasonUnknown();
      if (status === 'sat' && msg.wantModel) {
        const model = solver.model();
        reply.model = model.sexpr();
        model.release();
      }
    } catch (e) {
      reply = { type: 'result', id: msg.id, status: 'error', reason: String((e && e.message) || e) };
    } finally {
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
