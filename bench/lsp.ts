// Language-server benchmark, through the built `kproof lsp` over stdio as an editor sees it:
// latency from a keystroke (didChange) to its diagnostics (publishDiagnostics) in generated
// 1,000- and 5,000-line files, for edits that keep the text's length and for typing and deleting
// (which move everything after the edit), and from a save to the proof status of specs/examples
// (warm cache).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { Analyzer } from '../src/lsp/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** the package root, from bench/ (sources) or dist/bench/ (built) */
const packageRoot = [path.resolve(here, '..'), path.resolve(here, '../..')].find((d) => fs.existsSync(path.join(d, 'bin/kproof')))!;

/** About 30 lines per block; `i` keeps names unique. */
function block(i: number): string {
  return `
// block ${i}
enum Phase${i} { Idle${i}, Running${i}(step: Int), Done${i}(code: Int) }
record Obj${i} { name: String, replicas: Int, phase: Phase${i} }
const MAX${i}: Int
assume MAX${i} > 0
def grow${i}(o: Obj${i}): Obj${i} = { o with replicas: o.replicas + 1 }
def ready${i}(o: Obj${i}): Bool = match o.phase { Running${i}(s) => s >= MAX${i}, Done${i}(c) => c == 0, _ => false }
def total${i}(xs: Seq<Int>, k: Int): Int = if k <= 0 then 0 else let y = k * 2 in y + xs.len()
machine Ctl${i} {
  var objs: Map<String, Obj${i}>
  var queue: Seq<String>
  var count: Int
  init { objs == Map {} && queue == [] && count == 0 }
  action enqueue(n: String in {"a", "b"}) {
    require !(n in objs) && count < MAX${i}
    queue' = queue.push(n)
    count' = count + 1
  }
  action reconcile {
    require queue.len() > 0
    objs' = objs.insert(queue[0], Obj${i} { name: queue[0], replicas: 0, phase: Idle${i} })
    queue' = []
  }
  fair weak enqueue(*)
}
theorem bounded${i}: Ctl${i} |= [](0 <= count && count <= MAX${i})
proof by invariant
`;
}

function generate(module: string, lines: number): string {
  let text = `module ${module}\n`;
  for (let i = 0; text.split('\n').length < lines; i++) text += block(i);
  return text;
}

interface Session {
  readonly conn: ProtocolConnection;
  readonly stop: () => Promise<void>;
  readonly onDiagnostics: (listener: (p: PublishDiagnosticsParams) => void) => void;
  readonly onStatus: (listener: (p: { uri: string; version: number; theorems: { status: string }[] }) => void) => void;
}

async function startServer(root: string): Promise<Session> {
  const proc = spawn(process.execPath, [path.join(packageRoot, 'bin/kproof'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagnostics: ((p: PublishDiagnosticsParams) => void)[] = [];
  const statuses: ((p: { uri: string; version: number; theorems: { status: string }[] }) => void)[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => diagnostics.forEach((l) => l(p)));
  conn.onNotification('kproof/theoremStatus', (p: { uri: string; version: number; theorems: { status: string }[] }) => statuses.forEach((l) => l(p)));
  conn.listen();
  const uri = pathToFileURL(root).href;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: {} });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    onDiagnostics: (l) => diagnostics.push(l),
    onStatus: (l) => statuses.push(l),
    stop: async () => {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      await exited;
      conn.dispose();
    },
  };
}

function waitFor<T>(register: (l: (p: T) => void) => void, test: (p: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    let done = false;
    register((p) => {
      if (!done && test(p)) {
        done = true;
        resolve(p);
      }
    });
  });
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One keystroke: replace text[at, at + remove) with `insert`. */
interface Keystroke {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/**
 * Two kinds of keystroke, each inside a def body (a change the checker must re-check): a digit
 * typed over another (`k * 2` ↔ `k * 3`, the text keeps its length) in the last block, and a digit
 * typed and deleted again (`k * 2` → `k * 27` → `k * 2`), which moves everything after it, in the
 * first, a middle and the last block.
 */
function keystrokes(text: string): { readonly name: string; readonly edits: readonly Keystroke[] }[] {
  const sites = [...text.matchAll(/k \* 2/g)].map((m) => m.index + 4);
  const last = sites[sites.length - 1]!;
  const replace = Array.from({ length: 16 }, (_, i) => ({ at: last, remove: 1, insert: i % 2 === 0 ? '3' : '2' }));
  const typed = [sites[0]!, sites[Math.floor(sites.length / 2)]!, last].flatMap((at) =>
    Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? { at: at + 1, remove: 0, insert: '7' } : { at: at + 1, remove: 1, insert: '' })),
  );
  return [
    { name: 'same-length edit (last block)', edits: replace },
    { name: 'insert/delete (first, middle, last block)', edits: typed },
  ];
}

function applyKeystroke(text: string, k: Keystroke): string {
  return text.slice(0, k.at) + k.insert + text.slice(k.at + k.remove);
}

function lspPosition(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

function stats(samples: readonly number[]): string {
  return `median ${median(samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms (${samples.length} edits)`;
}

async function keystrokeLatency(s: Session, dir: string, lines: number): Promise<string[]> {
  const module = `bench.l${lines}`;
  const file = path.join(dir, 'bench', `l${lines}.kspec`);
  let text = generate(module, lines);
  const lineCount = text.split('\n').length;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const opened = waitFor(s.onDiagnostics, (p) => p.uri === uri && p.version === 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kspec', version: 1, text } });
  const first = await opened;
  if (first.diagnostics.length > 0) throw new Error(`generated spec does not check: ${first.diagnostics[0]!.message}`);
  let version = 1;
  const out: string[] = [];
  for (const kind of keystrokes(text)) {
    const samples: number[] = [];
    for (const k of kind.edits) {
      const v = ++version;
      const published = waitFor(s.onDiagnostics, (p) => p.uri === uri && p.version === v);
      const range = { start: lspPosition(text, k.at), end: lspPosition(text, k.at + k.remove) };
      text = applyKeystroke(text, k);
      const start = performance.now();
      await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: k.insert }] });
      const p = await published;
      samples.push(performance.now() - start);
      if (p.diagnostics.length > 0) throw new Error(`edit produced diagnostics: ${p.diagnostics[0]!.message}`);
      // a keystroke after a pause (typing bursts are debounced on purpose)
      await pause(80);
    }
    out.push(`didChange → publishDiagnostics, ${lineCount}-line file, ${kind.name}: ${stats(samples)}`);
  }
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return out;
}

async function proofStatus(s: Session, dir: string): Promise<string[]> {
  const lines: string[] = [];
  fs.cpSync(path.join(packageRoot, 'specs/examples'), path.join(dir, 'examples'), { recursive: true });
  for (const name of fs.readdirSync(path.join(dir, 'examples')).filter((f) => f.endsWith('.kspec')).sort()) {
    const file = path.join(dir, 'examples', name);
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    const opened = waitFor(s.onDiagnostics, (p) => p.uri === uri);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kspec', version: 1, text } });
    await opened;
    const times: number[] = [];
    let summary = '';
    for (let run = 0; run < 3; run++) {
      const settled = waitFor(s.onStatus, (p) => p.uri === uri && p.theorems.every((t) => t.status !== 'pending'));
      const start = performance.now();
      await s.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
      const status = await settled;
      times.push(performance.now() - start);
      const proved = status.theorems.filter((t) => t.status === 'proved').length;
      summary = `${proved}/${status.theorems.length} proved`;
    }
    lines.push(`save → theorem status, ${name}: cold ${times[0]!.toFixed(0)} ms, warm ${median(times.slice(1)).toFixed(0)} ms (${summary})`);
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  return lines;
}

/**
 * The server's own work per keystroke (re-parse and re-check of the edited file), in process: CPU
 * time is what the latency would be on an idle machine, whatever else shares the cores.
 */
function analysisCost(dir: string, lines: number): string[] {
  const file = path.join(dir, 'bench', `cpu${lines}.kspec`);
  let text = generate(`bench.cpu${lines}`, lines);
  const lineCount = text.split('\n').length;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const analyzer = new Analyzer([]);
  analyzer.check(file, 1, text);
  let version = 1;
  return keystrokes(text).map((kind) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (const k of kind.edits) {
      text = applyKeystroke(text, k);
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const a = analyzer.check(file, ++version, text);
      wall.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      if (!a || a.diagnostics.length > 0) throw new Error(`generated spec does not check: ${a?.diagnostics[0]?.message ?? 'no result'}`);
    }
    return `re-check per keystroke in process, ${lineCount} lines, ${kind.name}: median ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU, max ${Math.max(...cpu).toFixed(1)} ms CPU`;
  });
}

/** The keystroke measurements alone (the proof-status part takes minutes on a busy machine). */
async function benchKeystrokes(): Promise<string[]> {
  return inSession(async (session, dir) => keystrokeLines(session, dir));
}

export async function benchLsp(): Promise<string[]> {
  return inSession(async (session, dir) => [...(await keystrokeLines(session, dir)), ...(await proofStatus(session, dir))]);
}

async function keystrokeLines(session: Session, dir: string): Promise<string[]> {
  return [
    ...(await keystrokeLatency(session, dir, 1000)),
    ...(await keystrokeLatency(session, dir, 5000)),
    'targets: ≤ 50 ms (1,000 lines), ≤ 100 ms (5,000 lines)',
    ...analysisCost(dir, 1000),
    ...analysisCost(dir, 5000),
  ];
}

async function inSession(run: (session: Session, dir: string) => Promise<string[]>): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kproof-bench-lsp-'));
  const session = await startServer(dir);
  try {
    return await run(session, dir);
  } finally {
    await session.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `node dist/bench/lsp.js --keystrokes` measures only the keystrokes
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of process.argv.includes('--keystrokes') ? await benchKeystrokes() : await benchLsp()) process.stdout.write(`${line}\n`);
}
