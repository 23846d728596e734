// Refinement benchmark: `refine` of every exec example (specs/examples/exec/*.ts) and of the case
// studies' exec reconcilers (specs/<case study>/exec/reconciler.ts) against their specs, cold (a
// fresh cache: checking the spec, translation, encoding, starting the solver and one query per
// function) and warm (every obligation cached), as `kproof refine` runs them: one call per file,
// each starting its own solver; the minimum of 2 cold and of 3 warm runs. The examples run with the default back end; the case studies with
// native z3 and with WASM, each that is available.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { refine } from '../src/refine/index.js';
import { createSolver, type BackendChoice } from '../src/solver/index.js';

// bench/ under vite-node, dist/bench/ when built
const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = join(HERE, HERE.includes('/dist/') ? '../..' : '..');
const EXAMPLES = ['counter', 'mutex', 'two_phase'];
const CASE_STUDIES = ['zookeeper', 'rabbitmq', 'fluentbit'];

interface Timed {
  readonly cold: number;
  readonly warm: number;
  /** this process's CPU time in the fastest warm run: what load on the machine does not inflate */
  readonly warmCpu: number;
  readonly summary: string;
}

// The machine may be loaded (benchmarks share it): each figure is the minimum of a few runs.
const COLD_RUNS = 2;
const WARM_RUNS = 3;

/** one exec file refined into a fresh cache (cold), then again into the filled one (warm) */
async function coldAndWarm(exec: string, spec: string, solver: BackendChoice): Promise<Timed> {
  let cold = Infinity;
  let warm = Infinity;
  let warmCpu = Infinity;
  let summary = '';
  for (let run = 0; run < COLD_RUNS; run++) {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kproof-bench-refine-'));
    try {
      const phases = run === 0 ? 1 + WARM_RUNS : 1;
      for (let phase = 0; phase < phases; phase++) {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const result = await refine(exec, [spec], { cacheDir, solver });
        const elapsed = performance.now() - started;
        const used = process.cpuUsage(cpu);
        if (result.exitCode !== 0) throw new Error(`${exec} does not refine ${spec} (exit ${result.exitCode})`);
        if (phase === 0) {
          cold = Math.min(cold, elapsed);
          const ok = result.reports.filter((r) => r.status === 'refines').length;
          summary = `${ok}/${result.reports.length} refine${result.solver ? `, ${result.solver.name}` : ''}`;
        } else if (elapsed < warm) {
          warm = elapsed;
          warmCpu = (used.user + used.system) / 1000;
        }
      }
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  return { cold, warm, warmCpu, summary };
}

const ms = (t: number) => `${t.toFixed(0).padStart(5)} ms`;

export async function benchRefine(): Promise<string[]> {
  const lines: string[] = [];
  for (const name of EXAMPLES) {
    const t = await coldAndWarm(join(REPO, 'specs/examples/exec', `${name}.ts`), join(REPO, 'specs/examples', `${name}.kspec`), 'auto');
    lines.push(`${name.padEnd(10)} cold ${ms(t.cold)}   warm ${ms(t.warm)}   (${t.summary})`);
  }
  lines.push(`(each figure the minimum of ${COLD_RUNS} cold and ${WARM_RUNS} warm runs)`);
  const native = createSolver({ backend: 'z3', jobs: 1 });
  if (native.ok) await native.solver.close();
  else lines.push(`case studies with native z3: not available (${native.message})`);
  for (const backend of native.ok ? (['z3', 'wasm'] as const) : (['wasm'] as const)) {
    let cold = 0;
    let warm = 0;
    let warmCpu = 0;
    for (const name of CASE_STUDIES) {
      const t = await coldAndWarm(join(REPO, 'specs', name, 'exec/reconciler.ts'), join(REPO, 'specs', name, `${name}.kspec`), backend);
      cold += t.cold;
      warm += t.warm;
      warmCpu += t.warmCpu;
      lines.push(`${name.padEnd(10)} cold ${ms(t.cold)}   warm ${ms(t.warm)} (cpu ${ms(t.warmCpu)})   (${t.summary})`);
    }
    lines.push(`three case studies, ${backend === 'z3' ? 'native z3' : 'WASM'}: cold ${ms(cold)} (target ≤ 20 s), warm ${ms(warm)} (cpu ${ms(warmCpu)}; target ≤ 1 s)`);
  }
  return lines;
}
