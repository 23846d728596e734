// The replacement exception trampolines (wasm-fast-invoke-source.ts) must behave exactly like
// emscripten's: return the callee's result, turn an Emscripten C++ exception into "threw" with the
// stack restored, let every other error through, and never call a stale function-table entry.
import { describe, expect, it } from 'vitest';
import { FAST_INVOKE_SOURCE } from '../../src/solver/wasm-fast-invoke-source.js';

type Fn = (...args: number[]) => unknown;
const useFastInvokes = new Function(`${FAST_INVOKE_SOURCE}; return useFastInvokes;`)() as (imports: { env: Record<string, Fn> }) => ((instance: object) => void) | undefined;

class EmscriptenEH extends Error {}
class CppException extends EmscriptenEH {}

function fakeZ3(entries: Fn[]) {
  const calls: string[] = [];
  let sp = 1000;
  const table = {
    length: entries.length,
    get: (i: number) => entries[i]!,
    set: (i: number, f: Fn) => {
      entries[i] = f;
    },
  };
  const exports = {
    __indirect_function_table: table,
    emscripten_stack_get_current: () => sp,
    _emscripten_stack_restore: (v: number) => {
      calls.push(`restore ${v}`);
      sp = v;
    },
    setThrew: (a: number, b: number) => calls.push(`threw ${a} ${b}`),
  };
  const original = (): never => {
    throw new Error('original trampoline used');
  };
  const env: Record<string, Fn> = { invoke_iii: original, invoke_v: original, other: original };
  const bind = useFastInvokes({ env });
  expect(bind).toBeDefined();
  bind!({ exports });
  return { env, calls, table, moveStack: (v: number) => (sp = v) };
}

describe('fast invoke trampolines', () => {
  it('pass the arguments and return the result', () => {
    const z = fakeZ3([(a, b) => a! * 10 + b!]);
    expect(z.env.invoke_iii!(0, 4, 2)).toBe(42);
    expect(z.env.other).toBeDefined();
    expect(z.calls).toEqual([]);
  });

  it('turn an Emscripten C++ exception into threw, with the stack restored', () => {
    const z = fakeZ3([
      () => {
        z.moveStack(500);
        throw new CppException('boom');
      },
    ]);
    expect(z.env.invoke_v!(0)).toBeUndefined();
    expect(z.calls).toEqual(['restore 1000', 'threw 1 0']);
  });

  it('let any other error through', () => {
    const z = fakeZ3([
      () => {
        throw new RangeError('trap');
      },
    ]);
    expect(() => z.env.invoke_v!(0)).toThrow(RangeError);
    expect(z.calls).toEqual(['restore 1000']);
  });

  it('see a table entry that was replaced', () => {
    const z = fakeZ3([() => 1]);
    expect(z.env.invoke_v!(0)).toBe(1);
    z.table.set(0, () => 2);
    expect(z.env.invoke_v!(0)).toBe(2);
  });
});
