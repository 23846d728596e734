// Refinement benchmark: `refine` of every exec example (specs/examples/exec/*.ts) against its
// spec, cold (empty cache: translation, encoding and one solver query per function) and warm
// (every obligation cached), with native z3 when installed, else WASM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { refine } from '../src/refine/index.js';

// bench/ under vite-node, dist/bench/ when built
const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = join(HERE, HERE.includes('/dist/') ? '../..' : '..');
const EXAMPLES = ['counter', 'mutex', 'two_phase'];

export async function benchRefine(): Promise<string[]> {
  const lines: string[] = [];
  const cacheDir = mkdtempSync(join(tmpdir(), 'kproof-bench-refine-'));
  try {
    for (const name of EXAMPLES) {
      const exec = join(REPO, 'specs/examples/exec', `${name}.ts`);
      const spec = join(REPO, 'specs/examples', `${name}.kspec`);
      const times: number[] = [];
      let summary = '';
      for (const phase of ['cold', 'warm']) {
        const started = performance.now();
        const result = await refine(exec, [spec], { cacheDir });
        times.push(performance.now() - started);
        const ok = result.reports.filter((r) => r.status === 'refines').length;
        if (phase === 'cold') summary = `${ok}/${result.reports.length} refine${result.solver ? `, ${result.solver.name}` : ''}`;
      }
      lines.push(`${name.padEnd(10)} cold ${times[0]!.toFixed(0).padStart(5)} ms   warm ${times[1]!.toFixed(0).padStart(5)} ms   (${summary})`);
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return lines;
}
