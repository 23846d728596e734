// Shared by the k8s and case-study tests: run the built `kproof` asynchronously (a model-checker run of
// many seconds must not block the vitest worker) and read `kproof mc --json` and `kproof verify --json`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO } from './run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/kproof', import.meta.url));

export function runCli(args: readonly string[], cwd: string = REPO): Promise<{ status: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout }));
  });
}

export interface TraceStep {
  action?: string;
  params: { name: string; value: string }[];
  state: { name: string; value: string }[];
}

export interface McResultJson {
  model: string;
  status: string;
  bounded: boolean;
  distinct: number;
  properties: { name: string; kind: string; status: string }[];
  violation?: { kind: string; property: string; trace?: TraceStep[]; prefix?: TraceStep[]; cycle?: TraceStep[] };
}

/** The results of `kproof mc --json` (one `result` for a single model, else `results`). */
export function mcResults(stdout: string): McResultJson[] {
  const json = JSON.parse(stdout) as { result?: McResultJson; results?: McResultJson[] };
  return json.results ?? (json.result ? [json.result] : []);
}

export function variable(step: TraceStep, name: string): string {
  const value = step.state.find((v) => v.name === name)?.value;
  if (value === undefined) throw new Error(`no variable ${name} in the trace`);
  return value;
}

export function param(step: TraceStep, name: string): string {
  const value = step.params.find((p) => p.name === name)?.value;
  if (value === undefined) throw new Error(`no parameter ${name} in step ${step.action ?? 'init'}`);
  return value;
}

export interface TheoremJson {
  name: string;
  status: string;
  /** set when proved by the proof of this generic theorem */
  byGeneric?: string;
  problems: {
    code: string;
    message: string;
    file: string;
    line: number;
    goal?: string;
    counterexample?: { sections: { title: string; entries: { name: string; value: string }[] }[] };
  }[];
}

/** The theorems of `kproof verify --json`, by qualified name. */
export function verifyTheorems(stdout: string): Map<string, TheoremJson> {
  return new Map((JSON.parse(stdout) as { theorems: TheoremJson[] }).theorems.map((t) => [t.name, t]));
}
