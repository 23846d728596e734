// Reading Z3 models: both printers (native wraps the model in a list), arrays as stores, const
// arrays, as-array functions, lambdas and lets; anything unknown degrades to text.
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { Model, printValue } from '../../src/prove/index.js';
import { ValueReader } from '../../src/prove/values.js';
import { specFile } from '../smt/helper.js';

const NATIVE = `(
  (define-fun |c:m.N| () Int
    (- 12))
  (define-fun |v0:m.M:s| () (Array Int Bool)
    (_ as-array k!0))
  (define-fun k!0 ((x!0 Int)) Bool
    (ite (= x!0 3) true (ite (= 5 x!0) true false)))
  (define-fun |v0:m.M:name| () String
    "a""b\\u{1f600}")
  (define-fun |v0:m.M:q| () (Seq Int)
    (seq.++ (seq.unit 1) (seq.unit (- 2))))
)`;

const WASM = `(define-fun |v1:m.M:m| () (Array Int |Opt<Int>|)
  (let ((a!1 (store ((as const (Array Int |Opt<Int>|)) |Opt<Int>:None|) 1 (|Opt<Int>:Some| 10))))
    (store a!1 2 (|Opt<Int>:Some| 20))))
(define-fun |v1:m.M:t| () (Array Int Bool)
  (lambda ((x!1 Int)) (or (= x!1 7) (= x!1 8))))
(define-fun |v1:m.M:odd| () Int
  (some-unknown-op 1 2))`;

describe('Model', () => {
  it('reads the native printer', () => {
    const m = new Model(NATIVE);
    expect(m.value('c:m.N')).toEqual({ k: 'int', v: -12n });
    const s = m.value('v0:m.M:s')!;
    expect(s.k).toBe('array');
    if (s.k !== 'array') return;
    expect(s.entries.map(([k, v]) => [k, v])).toEqual([
      [{ k: 'int', v: 3n }, { k: 'bool', v: true }],
      [{ k: 'int', v: 5n }, { k: 'bool', v: true }],
    ]);
    expect(s.dflt).toEqual({ k: 'bool', v: false });
    expect(m.value('v0:m.M:name')).toEqual({ k: 'str', v: 'a"b😀' });
    expect(m.value('v0:m.M:q')).toEqual({ k: 'seq', elems: [{ k: 'int', v: 1n }, { k: 'int', v: -2n }] });
  });

  it('reads lets, stores over const arrays and lambdas', () => {
    const m = new Model(WASM);
    const map = m.value('v1:m.M:m')!;
    if (map.k !== 'array') throw new Error('expected an array');
    expect(map.entries.length).toBe(2);
    expect(map.dflt).toEqual({ k: 'dt', ctor: 'Opt<Int>:None', args: [] });
    const t = m.value('v1:m.M:t')!;
    if (t.k !== 'array') throw new Error('expected an array');
    expect(t.entries.map(([k]) => k)).toEqual([{ k: 'int', v: 7n }, { k: 'int', v: 8n }]);
    expect(t.dflt).toEqual({ k: 'bool', v: false });
  });

  it('degrades what it does not understand to text, and absent symbols to undefined', () => {
    const m = new Model(WASM);
    expect(m.value('v1:m.M:odd')).toEqual({ k: 'dt', ctor: 'some-unknown-op', args: [{ k: 'int', v: 1n }, { k: 'int', v: 2n }] });
    expect(m.value('nope')).toBeUndefined();
    expect(new Model('(define-fun broken () Int (ite').value('broken')?.k).toBe('opaque');
    expect(new Model(')))(((').value('x')).toBeUndefined();
  });
});

describe('model values as kspec values', () => {
  const program = checkFiles([specFile('module mv\ndef d: Int = 0\n')]).program!;
  const reader = new ValueReader(program);

  it('shows a set the model leaves unconstrained as every value but the excluded ones', () => {
    const v = new Model(`(define-fun |s| () (Array Int Bool) (lambda ((x!1 Int)) (not (= x!1 3))))`).value('s')!;
    expect(printValue(reader.read(v, { kind: 'set', elem: { kind: 'int' } }))).toBe('<every value but {3}>');
  });

  it('names a string that is none of the spec literals by its index', () => {
    expect(printValue(reader.read({ k: 'opaque', text: 'Str!val!2' }, { kind: 'string' }))).toBe('<string#2>');
  });
});

describe('get-value answers', () => {
  it('reads `((name value) …)` as constants, string literals included', () => {
    const m = new Model(`((|v0:m.M:n| 3)
 (|v0:m.M:s| (lambda ((x!1 Int)) (= x!1 2)))
 (|str:61| Str!val!0))`);
    expect(m.value('v0:m.M:n')).toEqual({ k: 'int', v: 3n });
    const s = m.value('v0:m.M:s')!;
    expect(s.k === 'array' && s.entries.map(([k]) => k)).toEqual([{ k: 'int', v: 2n }]);
    expect(m.value('str:61')).toMatchObject({ k: 'str', v: 'a' });
  });
});
