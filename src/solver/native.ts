// The native back end: one long-lived `z3 -in` process per pool slot. Each job is the obligation
// text, (check-sat) and an echo marker; the answer is every line up to the marker. A job that
// overruns its timeout gets the process killed (z3's soft timeout is not polled everywhere, see
// reference/z3.md §3.5); the next job starts a fresh process.
import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { SlotPool, type Slot, type SlotVerdict } from './pool.js';
import type { CreateSolverResult, SolverJob, SolverStatus } from './types.js';

const KILL_GRACE_MS = 1000;

class NativeSlot implements Slot {
  private proc: ChildProcessWithoutNullStreams | undefined;
  private buffer = '';
  private lines: string[] = [];
  private waiter: ((lines: string[] | undefined) => void) | undefined;
  private readonly marker = `@@kproof-${randomBytes(8).toString('hex')}`;
  private busy = false;

  constructor(private readonly z3Path: string) {}

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.refresh();
  }

  private refresh(): void {
    const p = this.proc;
    if (!p) return;
    for (const handle of [p, p.stdout, p.stderr, p.stdin] as { ref?: () => void; unref?: () => void }[]) {
      if (this.busy) handle.ref?.();
      else handle.unref?.();
    }
  }

  private start(): ChildProcessWithoutNullStreams {
    const proc = spawn(this.z3Path, ['-in', '-smt2'], { stdio: 'pipe' });
    this.proc = proc;
    this.buffer = '';
    this.lines = [];
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      if (this.proc !== proc) return;
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl).replace(/\r$/, '');
        this.buffer = this.buffer.slice(nl + 1);
        if (line === this.marker) {
          const done = this.lines;
          this.lines = [];
          const w = this.waiter;
          this.waiter = undefined;
          w?.(done);
        } else this.lines.push(line);
      }
    });
    proc.stdin.on('error', () => undefined);
    // nothing useful arrives on stderr, but an unread pipe could fill up and block z3
    proc.stderr.resume();
    const gone = () => {
      if (this.proc !== proc) return;
      this.proc = undefined;
      const w = this.waiter;
      this.waiter = undefined;
      w?.(undefined);
    };
    proc.on('exit', gone);
    proc.on('error', gone);
    this.refresh();
    return proc;
  }

  /** sends commands and waits for the marker; undefined when the process died */
  private exchange(proc: ChildProcessWithoutNullStreams, commands: string): Promise<string[] | undefined> {
    return new Promise((resolve) => {
      this.waiter = resolve;
      proc.stdin.write(`${commands}\n(echo "${this.marker}")\n`);
    });
  }

  private kill(proc: ChildProcessWithoutNullStreams): void {
    if (this.proc === proc) {
      this.proc = undefined;
      const w = this.waiter;
      this.waiter = undefined;
      w?.(undefined);
    }
    proc.kill('SIGKILL');
  }

  async run(job: SolverJob): Promise<SlotVerdict> {
    const proc = this.proc ?? this.start();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.kill(proc);
    }, job.timeoutMs + KILL_GRACE_MS);
    try {
      const answer = await this.exchange(proc, `(set-option :timeout ${Math.max(1, Math.floor(job.timeoutMs))})\n${job.smt}\n(check-sat)`);
      if (answer === undefined) {
        return timedOut ? { status: 'unknown', reason: 'timeout (solver killed)' } : { status: 'error', reason: 'z3 process exited unexpectedly' };
      }
      const errors = answer.filter((l) => l.startsWith('(error'));
      if (errors.length > 0) return this.reset(proc, { status: 'error', reason: errors.join('\n') });
      const status = [...answer].reverse().find((l) => l === 'sat' || l === 'unsat' || l === 'unknown') as SolverStatus | undefined;
      if (!status) return this.reset(proc, { status: 'error', reason: `unexpected z3 output: ${answer.join('\n')}` });
      if (status === 'unknown') {
        const info = await this.exchange(proc, '(get-info :reason-unknown)');
        const reason = /:reason-unknown\s+"?([^")]*)"?/.exec((info ?? []).join(' '))?.[1] ?? 'unknown';
        return this.reset(proc, { status, reason });
      }
      if (status === 'sat' && job.wantModel) {
        let model = await this.exchange(proc, '(get-model)');
        // Some z3 releases (Debian's 4.8.12) fail to print models that hold their own auxiliary
        // functions; the values of the declared constants are still there to ask for.
        if (model?.some((l) => l.startsWith('(error'))) model = await this.exchange(proc, `(get-value (${declaredConstants(job.smt).join(' ')}))`);
        return this.reset(proc, model === undefined || model.some((l) => l.startsWith('(error')) ? { status } : { status, model: model.join('\n') });
      }
      return this.reset(proc, { status });
    } finally {
      clearTimeout(timer);
    }
  }

  private reset(proc: ChildProcessWithoutNullStreams, verdict: SlotVerdict): SlotVerdict {
    if (this.proc === proc) proc.stdin.write('(reset)\n');
    return verdict;
  }

  async dispose(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.ref();
    this.kill(proc);
    await exited;
  }
}

const CONSTANT_DECLARATION = /^\((?:declare-fun (\|[^|]*\||[^\s()|]+) \(\)|declare-const (\|[^|]*\||[^\s()|]+)) /gm;

/** The constants an obligation declares (`get-value` answers `((name value) …)` for them). */
function declaredConstants(smt: string): string[] {
  return [...smt.matchAll(CONSTANT_DECLARATION)].map((m) => m[1] ?? m[2]!);
}

export const NATIVE_SOLVER_NAME = 'z3-native';

/** answers of `z3 --version` by path: `verify` asks once for its run record and once to start the solver */
const versions = new Map<string, string | undefined>();

/** `z3 --version`, or undefined when the binary cannot be run */
export function nativeZ3Version(z3Path: string): string | undefined {
  if (versions.has(z3Path)) return versions.get(z3Path);
  let version: string | undefined;
  try {
    version = execFileSync(z3Path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    version = undefined;
  }
  versions.set(z3Path, version);
  return version;
}

/** `version` is what `nativeZ3Version(z3Path)` answered (undefined: the binary cannot be run) */
export function createNativeSolver(jobs: number, z3Path: string, version: string | undefined): CreateSolverResult {
  if (version === undefined) {
    return { ok: false, message: `native z3 not available: could not run \`${z3Path} --version\` (install z3, or use --solver wasm)` };
  }
  const pool = new SlotPool(jobs, () => new NativeSlot(z3Path));
  return {
    ok: true,
    solver: { name: NATIVE_SOLVER_NAME, version, check: (job: SolverJob) => pool.check(job), close: () => pool.close() },
  };
}
