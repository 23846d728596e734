// `npm run bench`: every benchmark prints figures (not pass/fail). Each area contributes a
// function returning its lines; a failing benchmark is reported and the others still run.
import { performance } from 'node:perf_hooks';

type Bench = { readonly name: string; readonly load: () => Promise<() => Promise<string[]>> };

const BENCHES: readonly Bench[] = [
  { name: 'front end (parse)', load: async () => (await import('./parse.js')).benchParse },
  { name: 'front end (check)', load: async () => (await import('./check.js')).benchCheck },
  { name: 'model checker (mc)', load: async () => (await import('./mc.js')).benchMc },
  { name: 'temporal kernel (ptl)', load: async () => (await import('./ptl.js')).benchPtl },
  { name: 'refinement (refine)', load: async () => (await import('./refine.js')).benchRefine },
  { name: 'language server (lsp)', load: async () => (await import('./lsp.js')).benchLsp },
  { name: 'Kubernetes environment (k8s)', load: async () => (await import('./k8s.js')).benchK8s },
  { name: 'case studies (ZooKeeper, RabbitMQ, FluentBit)', load: async () => async () => (await import('./case-studies.js')).benchCaseStudies() },
  { name: 'SMT back end (smt)', load: async () => (await import('./smt.js')).benchSmt },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.some((o) => bench.name.includes(o))) continue;
    process.stdout.write(`\n== ${bench.name}\n`);
    const started = performance.now();
    try {
      const run = await bench.load();
      for (const line of await run()) process.stdout.write(`  ${line}\n`);
    } catch (e) {
      process.stdout.write(`  failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
    process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}

await main();
