// What every command needs from the outside world, passed in so commands are testable
// in-process and never call process.exit themselves.
export interface CliContext {
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** stdout is a terminal: progress bars and live counters are allowed (never with --json) */
  readonly isTTY: boolean;
  /** colour only on a TTY, and never when NO_COLOR is set */
  readonly color: boolean;
  /** the largest exit code wins: 0 all good, 1 something not proved / violated, 2 malformed input or misuse */
  readonly exitWith: (code: 0 | 1 | 2) => void;
}

/** Exit codes shared by every verb. */
export const EXIT = { ok: 0, failed: 1, malformed: 2 } as const;
