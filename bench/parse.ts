// Front-end parse benchmark: a generated 10,000-line spec, lexed, parsed to a CST and built into
// an AST, each stage timed alone and then together (the parser is built once per process, as in use),
// and the incremental re-parse after a one-character edit (what the language server does per keystroke).
import { performance } from 'node:perf_hooks';
import { lineStarts } from '../src/diagnostics/index.js';
import { IncrementalParser, parseModule } from '../src/syntax/index.js';
import { buildModule } from '../src/syntax/build.js';
import { BuildContext } from '../src/syntax/cst.js';
import { lex } from '../src/syntax/lex.js';
import { kspecParser } from '../grammar/parser.js';

/**
 * One self-contained group of declarations (about 75 lines), written the way the specs in specs/
 * and lemmas/ are: a comment before each declaration, blank lines between them (those files have
 * 5-6.5 tokens per line; this block about 6). `i` keeps its names unique.
 */
function block(i: number): string {
  return `
// ---------------------------------------------------------------------------------------------
// Controller ${i}: a work queue and the objects it reconciles

// The phase of an object; Running carries the step and the owner.
enum Phase${i} {
  Idle${i},
  Running${i}(step: Int, owner: String),
  Done${i}(code: Int),
}

// An object as the API server stores it.
record Obj${i} {
  name: String
  replicas: Int
  labels: Map<String, String>
  phase: Phase${i}
}

// The most objects the controller creates.
const MAX${i}: Int
assume max${i}_pos: MAX${i} > 0

// One more replica.
def grow${i}(o: Obj${i}): Obj${i} = { o with replicas: o.replicas + 1 }

// Ready once running long enough, or done without error.
def ready${i}(o: Obj${i}): Bool =
  match o.phase {
    Running${i}(s, _) => s >= MAX${i},
    Done${i}(c) => c == 0,
    _ => false,
  }

// Weighted length of a queue.
def total${i}(xs: Seq<Int>, k: Int): Int =
  if k <= 0 then 0 else let y = k * 2 in y + xs.len()

// The names of the objects in a map.
def names${i}(m: Map<String, Obj${i}>): Set<String> = { n for n in m.keys() }

machine Ctl${i} {
  var objs: Map<String, Obj${i}>
  var queue: Seq<String>
  var count: Int

  init { objs == Map {} && queue == [] && count == 0 }

  // A request arrives for a name not yet seen.
  action enqueue(n: String in {"a", "b", "c"}) {
    require !(n in objs) && count < MAX${i}
    queue' = queue.push(n)
    count' = count + 1
  }

  // The head of the queue is reconciled into an object.
  action reconcile(k: Int in 0..MAX${i}) {
    require queue.len() > 0 && k < count
    objs' = objs.insert(queue[0], Obj${i} {
      name: queue[0],
      replicas: k,
      labels: Map {},
      phase: Idle${i},
    })
    queue' = []
  }

  fair weak enqueue(*)
  fair strong reconcile(*)
}

// The count never exceeds the bound.
theorem bounded${i}: Ctl${i} |= [](0 <= count && count <= MAX${i})
proof by invariant

// Requests keep arriving until the bound is reached.
theorem settles${i}: Ctl${i} |= count < MAX${i} ~> count == MAX${i}
proof {
  have s1: count < MAX${i} ~> count == MAX${i} by wf1(enqueue) using bounded${i}
  have s2: [](count == MAX${i} ==> [](count == MAX${i})) by stable
  qed by ptl(s1, s2)
}
`;
}

/** A syntactically valid module of at least `lines` lines (many enums, records, defs, machines, theorems). */
export function generateSpec(lines: number): string {
  const parts = ['module bench.generated\n'];
  let count = 1;
  for (let i = 0; count < lines; i++) {
    const b = block(i);
    parts.push(b);
    count += b.split('\n').length - 1;
  }
  return parts.join('');
}

interface Timing {
  readonly min: number;
  readonly median: number;
  /** CPU time of this process, less disturbed than wall time when the machine is shared */
  readonly cpuMin: number;
}

/** Minimum and median of several runs; the minimum is the least disturbed by other processes. */
function time(run: () => void, repeats: number): Timing {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { min: samples[0]!, median: samples[Math.floor(samples.length / 2)]!, cpuMin: Math.min(...cpu) };
}

function ms(t: Timing): string {
  return `CPU ${t.cpuMin.toFixed(1)} ms, wall ${t.min.toFixed(1)} ms (median ${t.median.toFixed(1)})`;
}

/** Re-parsing after one-character edits (alternately `2` and `3`) near the end of the text, as an editor does. */
function incrementalEdits(text: string, repeats: number): Timing {
  const at = text.lastIndexOf('k * 2') + 4;
  const parser = new IncrementalParser();
  parser.parse(text, 'bench.kspec');
  let version = 0;
  return time(() => {
    version++;
    parser.parse(`${text.slice(0, at)}${version % 2 === 0 ? '2' : '3'}${text.slice(at + 1)}`, 'bench.kspec');
  }, repeats);
}

export async function benchParse(): Promise<string[]> {
  const text = generateSpec(10_000);
  const lineCount = text.split('\n').length;
  const first = parseModule(text, 'bench.kspec');
  if (first.diagnostics.length > 0) throw new Error(`generated spec has errors: ${first.diagnostics[0]!.message}`);
  for (let i = 0; i < 5; i++) parseModule(text, 'bench.kspec'); // warm-up
  const starts = lineStarts(text);
  const repeats = 15;
  const lexTime = time(() => lex(text, 'bench.kspec', starts), repeats);
  const { tokens, comments } = lex(text, 'bench.kspec', starts);
  kspecParser.input = tokens;
  const cst = kspecParser.module();
  const cstTime = time(() => {
    kspecParser.input = tokens;
    kspecParser.module();
  }, repeats);
  const buildTime = time(() => buildModule(new BuildContext('bench.kspec', starts, text.length), cst, comments), repeats);
  const total = time(() => parseModule(text, 'bench.kspec'), repeats);
  const incremental = incrementalEdits(text, repeats);
  const perSecond = Math.round(lineCount / (total.min / 1000));
  return [
    `spec: ${lineCount} lines, ${tokens.length} tokens (${(tokens.length / lineCount).toFixed(1)} per line), ${comments.length} comments, ${first.ast?.decls.length ?? 0} declarations (generated); ${repeats} runs after warm-up`,
    `lex: ${ms(lexTime)}`,
    `parse to CST: ${ms(cstTime)}`,
    `CST to AST: ${ms(buildTime)}`,
    `parseModule (lex + CST + AST): ${ms(total)}  = ${perSecond.toLocaleString('en-US')} lines/s`,
    `IncrementalParser re-parse after a one-character edit: ${ms(incremental)}`,
  ];
}
