// The successor engine: decodes a stored state into an environment, fires every enabled action
// instance, and encodes successors into a scratch buffer. Unchanged variables are copied byte for
// byte from the parent's encoding, so a step costs the encoding of what it changed.
import { Reader, Writer } from './codec.js';
import type { Env } from './compile-expr.js';
import type { CompiledAction, CompiledMachine } from './compile-machine.js';
import type { StateStore } from './store.js';
import type { Value } from './value.js';

export class Engine {
  readonly n: number;
  readonly env: Env;
  readonly out = new Writer();
  private readonly varStart: Int32Array;
  private parentBuf: Uint8Array = new Uint8Array(0);
  private readonly assigned: Uint8Array[];

  constructor(readonly cm: CompiledMachine) {
    this.n = cm.vars.length;
    this.env = cm.compiler.newEnv();
    this.varStart = new Int32Array(this.n + 1);
    this.assigned = cm.actions.map((a) => {
      const mask = new Uint8Array(this.n);
      for (const x of a.assigns) mask[x.index] = 1;
      return mask;
    });
  }

  /** Loads state `id` into env[0, n). */
  load(store: StateStore, id: number): void {
    const buf = store.chunk(id);
    const start = store.start(id);
    this.loadBytes(buf, start);
  }

  loadBytes(buf: Uint8Array, start: number): void {
    const r = new Reader(buf, start);
    const vars = this.cm.vars;
    for (let i = 0; i < this.n; i++) {
      this.varStart[i] = r.pos;
      this.env[i] = vars[i]!.codec.dec(r);
    }
    this.varStart[this.n] = r.pos;
    this.parentBuf = buf;
  }

  /** Decodes a state's bytes into a fresh array of variable values. */
  decode(buf: Uint8Array, start: number): Value[] {
    const r = new Reader(buf, start);
    return this.cm.vars.map((v) => v.codec.dec(r));
  }

  /** Encodes values (one per variable) into `w`. */
  encodeValues(values: readonly Value[], w: Writer): void {
    for (let i = 0; i < this.n; i++) this.cm.vars[i]!.codec.enc(w, values[i]!);
  }

  /**
   * Calls `onStep(actionIndex)` for every enabled action instance of the loaded state, with the
   * successor's variables in env[n, 2n), the parameters in their slots and its bytes in `out`.
   */
  expand(onStep: (actionIndex: number) => void): void {
    const actions = this.cm.actions;
    for (let a = 0; a < actions.length; a++) this.fire(actions[a]!, a, 0, onStep);
  }

  expandAction(a: number, onStep: (actionIndex: number) => void): void {
    this.fire(this.cm.actions[a]!, a, 0, onStep);
  }

  private fire(action: CompiledAction, a: number, k: number, onStep: (actionIndex: number) => void): void {
    const env = this.env;
    const guards = action.guardsAt[k]!;
    for (let i = 0; i < guards.length; i++) if (!guards[i]!(env)) return;
    if (k < action.params.length) {
      const p = action.params[k]!;
      const xs = p.domain(env) as readonly Value[];
      for (let i = 0; i < xs.length; i++) {
        env[p.slot] = xs[i]!;
        this.fire(action, a, k + 1, onStep);
      }
      return;
    }
    const n = this.n;
    for (let i = 0; i < n; i++) env[n + i] = env[i]!;
    const assigns = action.assigns;
    for (let i = 0; i < assigns.length; i++) {
      const x = assigns[i]!;
      env[n + x.index] = x.value(env);
    }
    const post = action.postGuards;
    for (let i = 0; i < post.length; i++) if (!post[i]!(env)) return;
    this.encodeNext(a);
    onStep(a);
  }

  private encodeNext(a: number): void {
    const w = this.out;
    w.pos = 0;
    const mask = this.assigned[a]!;
    const vars = this.cm.vars;
    const n = this.n;
    for (let i = 0; i < n; i++) {
      if (mask[i] === 1) vars[i]!.codec.enc(w, this.env[n + i]!);
      else w.bytes(this.parentBuf, this.varStart[i]!, this.varStart[i + 1]!);
    }
  }

  /** The parameter values of the step just reported by `expand`. */
  params(actionIndex: number): Value[] {
    return this.cm.actions[actionIndex]!.params.map((p) => this.env[p.slot]!);
  }
}
