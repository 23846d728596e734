// Model-checker benchmark: Paxos Commit (bench/models/paxos_commit.kspec), the message-passing
// model TLC's figures are quoted for: sets of records that grow with every step, 1,321,761 distinct
// states. Prints generated and distinct states per second (wall clock and per CPU second, since
// the machine may be shared), the bytes held per distinct state, and the ratio to TLC's figures
// measured on this class of machine (~112k generated and ~8.7k distinct states/s on one core,
// 2.36 GB resident; see /work/shared/reference/themelios.md). KPROOF_BENCH_MC_STATES=N stops
// after N distinct states (for a quick look; the figures are then for the first N states only).
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkFiles } from '../src/check/index.js';
import { modelCheck } from '../src/mc/index.js';

const TLC = { generated: 16_959_159, distinct: 1_321_761, depth: 28, seconds: 151.7, rssBytes: 2.36e9 };

function modelFile(): string {
  // Run from source (bench/mc.ts) or built (dist/bench/mc.js): find the model either way.
  for (const rel of ['./models/paxos_commit.kspec', '../../bench/models/paxos_commit.kspec']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (fs.existsSync(file)) return file;
  }
  throw new Error('bench/models/paxos_commit.kspec not found');
}

export async function benchMc(): Promise<string[]> {
  const checked = checkFiles([modelFile()]);
  if (!checked.program) throw new Error(checked.diagnostics.map((d) => d.message).join('; '));
  const maxStates = process.env['KPROOF_BENCH_MC_STATES'] ? Number(process.env['KPROOF_BENCH_MC_STATES']) : undefined;
  const cpuBefore = process.cpuUsage();
  const outcome = modelCheck(checked.program, 'tlc', maxStates ? { maxStates } : {});
  const cpu = process.cpuUsage(cpuBefore);
  const r = outcome.result;
  if (!r) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rss = process.memoryUsage().rss;
  const tlcGen = TLC.generated / TLC.seconds;
  const tlcDistinct = TLC.distinct / TLC.seconds;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  return [
    `Paxos Commit (RM = 2, acceptors = 3, ballots = {0, 1}): ${r.status}${r.bounded ? ` (bounded at ${fmt(r.distinct)} states)` : ''}`,
    `generated ${fmt(r.generated)}, distinct ${fmt(r.distinct)}, depth ${r.depth} (TLC: ${fmt(TLC.generated)}, ${fmt(TLC.distinct)}, ${TLC.depth})`,
    `wall ${r.seconds.toFixed(1)} s: ${fmt(r.generated / r.seconds)} generated/s, ${fmt(r.distinct / r.seconds)} distinct/s` +
      ` (${(r.generated / r.seconds / tlcGen).toFixed(2)}x / ${(r.distinct / r.seconds / tlcDistinct).toFixed(2)}x TLC)`,
    `cpu ${cpuSeconds.toFixed(1)} s: ${fmt(r.generated / cpuSeconds)} generated/cpu-s, ${fmt(r.distinct / cpuSeconds)} distinct/cpu-s` +
      ` (${(r.generated / cpuSeconds / tlcGen).toFixed(2)}x / ${(r.distinct / cpuSeconds / tlcDistinct).toFixed(2)}x TLC)`,
    `state storage ${fmt(r.bytes / r.distinct)} bytes per distinct state (${(r.bytes / 1e6).toFixed(0)} MB); process RSS ${(rss / 1e6).toFixed(0)} MB (TLC: ${(TLC.rssBytes / 1e9).toFixed(2)} GB)`,
  ];
}
