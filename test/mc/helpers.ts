// Shared by the model-checker tests: check a fixture with the real checker, then model-check it.
import { fileURLToPath } from 'node:url';
import { checkFiles } from '../../src/check/index.js';
import { renderDiagnostics } from '../../src/diagnostics/index.js';
import { modelCheck, type ModelCheckOptions, type ModelCheckOutcome, type ModelCheckResult, type TraceStep } from '../../src/mc/index.js';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/mc/${name}`, import.meta.url));
}

export function checkModel(file: string, model: string | undefined, options: ModelCheckOptions = {}): ModelCheckOutcome {
  const checked = checkFiles([fixture(file)]);
  if (!checked.program) throw new Error(`fixture ${file} does not check:\n${renderDiagnostics(checked.diagnostics, { sources: checked.sources, color: false })}`);
  return modelCheck(checked.program, model, options);
}

export function run(file: string, model: string | undefined, options: ModelCheckOptions = {}): ModelCheckResult {
  const outcome = checkModel(file, model, options);
  if (!outcome.result) throw new Error(outcome.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return outcome.result;
}

/** A trace as [action with parameters, variable values] pairs, easy to compare exactly. */
export function steps(trace: readonly TraceStep[]): [string, Record<string, string>][] {
  return trace.map((s) => [
    s.action ? (s.params.length ? `${s.action}(${s.params.map((p) => p.value).join(', ')})` : s.action) : 'init',
    Object.fromEntries(s.state.map((v) => [v.name, v.value])),
  ]);
}
