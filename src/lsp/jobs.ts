// Messages between the language server and its proof worker (plain data: they cross threads).
import type { Span } from '../diagnostics/index.js';
import type { DiagnosticCode } from '../diagnostics/index.js';

export type Job =
  | { readonly kind: 'verify'; readonly file: string; readonly cwd: string; readonly include: readonly string[]; readonly timeoutMs: number }
  | { readonly kind: 'modelCheck'; readonly file: string; readonly cwd: string; readonly include: readonly string[]; readonly model?: string; readonly maxStates: number };

export interface Failure {
  readonly code: DiagnosticCode;
  /** with the counterexample, when the solver gave one */
  readonly message: string;
  readonly span: Span;
}

export interface TheoremOutcome {
  /** qualified */
  readonly name: string;
  readonly span: Span;
  readonly status: 'proved' | 'not proved' | 'error';
  readonly ms: number;
  readonly obligations: number;
  readonly cached: number;
  readonly failures: readonly Failure[];
}

export interface ModelOutcome {
  readonly model: string;
  readonly status: 'ok' | 'violation' | 'bounded';
  /** the report as `kproof mc` prints it (with the trace) */
  readonly report: string;
  readonly span?: Span;
  readonly violated?: string;
  readonly properties: readonly { readonly name: string; readonly status: 'holds' | 'violated' | 'unchecked' }[];
}

export type JobResult =
  | { readonly kind: 'verify'; readonly theorems: readonly TheoremOutcome[]; readonly diagnostics: readonly Failure[] }
  | { readonly kind: 'modelCheck'; readonly models: readonly ModelOutcome[]; readonly diagnostics: readonly Failure[] }
  | { readonly kind: 'crash'; readonly message: string };
