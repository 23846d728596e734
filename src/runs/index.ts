// Whole `kproof verify` runs, remembered. A run in which every theorem was proved is stored with the
// digest of every file it read and the list of places where it looked for a module and found none.
// A later run of the same command (files, options, directories) by the same kproof code, on the same
// Node, with the same solver, over files that all still have those digests and places that are still
// empty, would do exactly the same work: it is answered from the record (as `make`, or F*'s
// `.checked` files, answer an unchanged build). Runs with a theorem not proved are never stored;
// `--no-cache` neither reads nor writes records. This module is light on purpose: a command answered
// here loads neither the checker nor the kernel.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import type { ObligationInfo, TheoremReport, VerifyResult } from '../prove/index.js';
import { codeIdentity } from './code-identity.js';

const FORMAT = 1;

/** Everything a verify run's verdicts depend on, besides the files it reads. */
export interface RunRequest {
  /** the files as given on the command line (reports name files relative to the working directory) */
  readonly files: readonly string[];
  readonly cwd: string;
  readonly include?: readonly string[];
  readonly only?: readonly string[];
  readonly solver: { readonly name: string; readonly version: string };
}

/** Records what a run reads: pass `readFile` to `verify`. */
export class FileLog {
  /** absolute path → its text, or undefined where no file was found */
  readonly texts = new Map<string, string | undefined>();

  readonly readFile = (path: string): string | undefined => {
    const text = readText(path);
    this.texts.set(resolve(path), text);
    return text;
  };
}

type Digest = string | null;

interface Entry {
  readonly format: typeof FORMAT;
  readonly key: string;
  /** every path the run asked for, with the digest of what it found (null: nothing) */
  readonly probes: readonly (readonly [string, Digest])[];
  /** the report's file names, each with the digest of its text (for code frames) */
  readonly sources: readonly (readonly [string, string])[];
  readonly diagnostics: readonly Diagnostic[];
  readonly theorems: readonly TheoremReport<ObligationInfo>[];
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function runKey(request: RunRequest): string {
  return digest(
    JSON.stringify({
      format: FORMAT,
      code: codeIdentity(),
      node: process.version,
      solver: request.solver,
      cwd: resolve(request.cwd),
      // file names in reports are relative to the process's directory
      processCwd: process.cwd(),
      files: request.files.map((f) => [f, resolve(request.cwd, f)]),
      include: (request.include ?? []).map((d) => resolve(d)),
      only: request.only ?? null,
    }),
  );
}

function entryPath(cacheDir: string, key: string): string {
  return join(cacheDir, 'runs', `${key}.json`);
}

/** What a report shows of a proved theorem, and nothing that could not be written as JSON. */
function storedTheorem(t: TheoremReport<ObligationInfo>): TheoremReport<ObligationInfo> {
  return {
    name: t.name,
    span: t.span,
    status: t.status,
    ms: t.ms,
    obligations: t.obligations.map((o) => {
      const { id, origin, span, goal, formulaSpan, hash } = o.obligation;
      return { obligation: { id, origin, span, goal, hash, ...(formulaSpan ? { formulaSpan } : {}) }, status: o.status, cached: o.cached, ms: o.ms };
    }),
    problems: [],
    warnings: t.warnings.map((w) => ({ code: w.code, message: w.message, span: w.span })),
  };
}

/** Stores a run whose every theorem was proved; any other run is not worth repeating. */
export function recordRun(cacheDir: string, request: RunRequest, log: FileLog, result: VerifyResult): void {
  const proved = result.exitCode === 0 && result.theorems.every((t) => t.status === 'proved');
  const sameSolver = result.solver?.name === request.solver.name && result.solver.version === request.solver.version;
  if (!proved || !sameSolver) return;
  const key = runKey(request);
  const byText = new Map<string, string>();
  const probes: (readonly [string, Digest])[] = [];
  for (const [path, text] of log.texts) {
    if (text === undefined) {
      probes.push([path, null]);
      continue;
    }
    const d = digest(text);
    byText.set(text, d);
    probes.push([path, d]);
  }
  const sources: (readonly [string, string])[] = [];
  for (const [display, text] of result.sources) {
    const d = byText.get(text);
    if (d === undefined) return; // a text the log did not see: the record could not give it back
    sources.push([display, d]);
  }
  const entry: Entry = { format: FORMAT, key, probes, sources, diagnostics: result.diagnostics, theorems: result.theorems.map(storedTheorem) };
  const file = entryPath(cacheDir, key);
  try {
    mkdirSync(join(cacheDir, 'runs'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
  } catch {
    // a record that cannot be written only costs time on the next run
  }
}

function isEntry(value: unknown, key: string): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<Entry>;
  return (
    e.format === FORMAT &&
    e.key === key &&
    Array.isArray(e.probes) &&
    Array.isArray(e.sources) &&
    Array.isArray(e.diagnostics) &&
    Array.isArray(e.theorems) &&
    e.theorems.every((t: TheoremReport<ObligationInfo>) => t.status === 'proved' && Array.isArray(t.obligations) && t.obligations.every((o) => o.status === 'unsat'))
  );
}

/**
 * The result of an earlier run of the same request, when every file it read still has the same
 * digest and every place it found empty still is; undefined otherwise (or when the record is
 * missing, unreadable or not what it claims to be).
 */
export function lookupRun(cacheDir: string, request: RunRequest): VerifyResult | undefined {
  const key = runKey(request);
  let entry: unknown;
  try {
    entry = JSON.parse(readFileSync(entryPath(cacheDir, key), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isEntry(entry, key)) return undefined;
  const texts = new Map<string, string>();
  for (const [path, expected] of entry.probes) {
    const text = readText(path);
    if ((text === undefined ? null : digest(text)) !== expected) return undefined;
    if (text !== undefined && expected !== null) texts.set(expected, text);
  }
  const sources = new Map<string, string>();
  for (const [display, d] of entry.sources) {
    const text = texts.get(d);
    if (text === undefined) return undefined;
    sources.set(display, text);
  }
  return {
    exitCode: 0,
    reused: true,
    diagnostics: entry.diagnostics,
    sources,
    theorems: entry.theorems.map((t) => ({ ...t, ms: 0, obligations: t.obligations.map((o) => ({ ...o, cached: true, ms: 0 })) })),
    solver: request.solver,
  };
}
