// Faster C++-exception trampolines for z3-solver's WASM build, as JavaScript source text (it runs
// inside eval'd workers, see wasm-worker-source.ts).
//
// Why: z3-solver is built with -fexceptions and emscripten ASSERTIONS, so every C++ call that may
// unwind goes wasm → JS `invoke_<sig>` → wasm, and each of those JS trampolines also re-reads the
// function table (`wasmTable.get`) to assert that its cache is current. Profiles of the SMT bench
// put 25-30% of the solving thread's time in these trampolines. The replacements below do exactly
// what the originals do (save the stack pointer, call the table entry, on an Emscripten C++
// exception restore the stack and set the "threw" flag, rethrow anything else) without the
// assertion and with a table cache that is invalidated whenever the table is written.
//
// Used in two places: the pool worker's own instance (through `instantiateWasm`) and every pthread
// Z3 starts (checks run there), whose `WebAssembly.Instance` call is wrapped by PTHREAD_PRELUDE.
// If the build ever stops looking like this (no invoke_ imports, or missing exports), nothing is
// replaced; if a C++ exception is not recognised, it propagates and the job fails as an error.
export const FAST_INVOKE_SOURCE = `
function isEmscriptenCppUnwind(e) {
  for (let p = e !== null && typeof e === 'object' ? Object.getPrototypeOf(e) : null; p; p = Object.getPrototypeOf(p)) {
    if (p.constructor && p.constructor.name === 'EmscriptenEH') return true;
  }
  return false;
}

/** replaces imports.env.invoke_*; returns the function to call with the instance, or undefined */
function useFastInvokes(imports) {
  const env = imports && imports.env;
  if (!env) return undefined;
  const names = Object.keys(env).filter((n) => /^invoke_[a-z]+$/.test(n) && typeof env[n] === 'function');
  if (names.length === 0) return undefined;
  const rt = { cache: [], table: undefined, stackSave: undefined, stackRestore: undefined, setThrew: undefined, isUnwind: isEmscriptenCppUnwind };
  rt.entry = (index) => {
    const cached = rt.cache[index];
    if (cached !== null && cached !== undefined) return cached;
    const f = rt.table.get(index);
    if (index < rt.cache.length) rt.cache[index] = f;
    return f;
  };
  for (const name of names) {
    const original = env[name];
    // invoke_<result><params>: one JS parameter per letter after the result letter
    const args = Array.from({ length: name.length - 'invoke_'.length - 1 }, (_, i) => 'a' + i);
    const params = 'index' + args.map((a) => ', ' + a).join('');
    env[name] = new Function('rt', 'original', 'return function ' + name + '(' + params + ') {' +
      ' if (rt.table === undefined) return original(' + params + ');' +
      ' const sp = rt.stackSave();' +
      ' try { return rt.entry(index)(' + args.join(', ') + '); }' +
      ' catch (e) { rt.stackRestore(sp); if (!rt.isUnwind(e)) throw e; rt.setThrew(1, 0); }' +
      ' };')(rt, original);
  }
  return (instance) => {
    const ex = instance.exports;
    const table = ex.__indirect_function_table;
    if (!table || typeof ex.emscripten_stack_get_current !== 'function' || typeof ex._emscripten_stack_restore !== 'function' || typeof ex.setThrew !== 'function') return;
    // a dense array (a sparse one is a slow dictionary); entries are filled on first use
    rt.cache = new Array(table.length).fill(null);
    const write = table.set.bind(table);
    table.set = (index, f) => {
      if (index < rt.cache.length) rt.cache[index] = null;
      return write(index, f);
    };
    rt.stackSave = ex.emscripten_stack_get_current;
    rt.stackRestore = ex._emscripten_stack_restore;
    rt.setThrew = ex.setThrew;
    rt.table = table;
  };
}
`;

/** Prepended to a pthread's start: wraps its synchronous instantiation of the Z3 module. */
export const PTHREAD_PRELUDE = `'use strict';
${FAST_INVOKE_SOURCE}
{
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    const bind = useFastInvokes(imports);
    const instance = new Instance(module, imports);
    if (bind) bind(instance);
    return instance;
  };
}
`;
