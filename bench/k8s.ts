// Kubernetes environment benchmark: verify lemmas/k8s (the generic cluster and its environment
// lemmas), the ConfigMap example controller and its ESR proof, cold (fresh proof cache) and warm
// (the same cache again), and model-check the example's instance. Prints theorems proved and wall time for each.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkFiles } from '../src/check/index.js';
import { modelCheck } from '../src/mc/index.js';
import { verify } from '../src/prove/index.js';

function repoPath(rel: string): string {
  // Run from source (bench/k8s.ts) or built (dist/bench/k8s.js): find the repository either way.
  for (const up of ['../', '../../']) {
    const file = fileURLToPath(new URL(up + rel, import.meta.url));
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`${rel} not found`);
}

async function timedVerify(label: string, files: string[], cacheDir: string): Promise<string> {
  const started = performance.now();
  const result = await verify(files, { cacheDir });
  if (result.exitCode === 2) throw new Error(`${label}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  const seconds = (performance.now() - started) / 1000;
  const proved = result.theorems.filter((t) => t.status === 'proved').length;
  return `${label}: ${proved}/${result.theorems.length} theorems proved in ${seconds.toFixed(2)} s (${result.solver?.name ?? 'no solver'})`;
}

export async function benchK8s(): Promise<string[]> {
  const lemmas = [repoPath('lemmas/k8s/api.kspec'), repoPath('lemmas/k8s/cluster.kspec')];
  const example = repoPath('specs/examples/configmap_controller.kspec');
  const esr = repoPath('specs/examples/configmap_esr.kspec');
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kproof-bench-k8s-'));
  try {
    const lines = [
      await timedVerify('lemmas/k8s cold', lemmas, cacheDir),
      await timedVerify('lemmas/k8s warm', lemmas, cacheDir),
      await timedVerify('configmap example cold', [example], path.join(cacheDir, 'example')),
      await timedVerify('configmap example warm', [example], path.join(cacheDir, 'example')),
      await timedVerify('configmap ESR proof (configmap_esr.kspec) cold', [esr], path.join(cacheDir, 'esr')),
      await timedVerify('configmap ESR proof (configmap_esr.kspec) warm', [esr], path.join(cacheDir, 'esr')),
      // What a user runs: the library, the controller and its ESR proof in one command.
      await timedVerify('lemmas/k8s + example + ESR proof, one run, cold', [...lemmas, example, esr], path.join(cacheDir, 'all')),
      await timedVerify('lemmas/k8s + example + ESR proof, one run, warm', [...lemmas, example, esr], path.join(cacheDir, 'all')),
    ];
    const checked = checkFiles([example]);
    if (!checked.program) throw new Error(checked.diagnostics.map((d) => d.message).join('; '));
    for (const model of ['tiny', 'specs_change']) {
      const outcome = modelCheck(checked.program, model, {});
      const r = outcome.result;
      if (!r) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
      lines.push(`configmap example mc ${model}: ${r.status}, ${r.distinct.toLocaleString('en-US')} distinct states, depth ${r.depth}, ${r.seconds.toFixed(2)} s`);
    }
    return lines;
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}
