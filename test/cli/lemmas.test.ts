// `kproof lemmas` and the library listing behind it (src/lemmas): what is listed, how a query
// selects, where each lemma is said to be, and the command's output, JSON and exit codes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listLemmas } from '../../src/lemmas/index.js';
import { REPO, runCli } from '../helpers/run-cli.js';

const LIBRARY_FILE = path.join(REPO, 'lemmas', 'temporal.kspec');
const libraryLines = fs.readFileSync(LIBRARY_FILE, 'utf8').split('\n');

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kproof-lemmas-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeModule(relative: string, text: string): string {
  const file = path.join(scratch, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return path.dirname(file);
}

describe('listLemmas', () => {
  const all = listLemmas();

  it('lists every lemma of the shipped library, qualified by its module', () => {
    expect(all.diagnostics).toEqual([]);
    const temporal = all.lemmas.filter((l) => l.module === 'temporal');
    expect(temporal.length).toBeGreaterThanOrEqual(45);
    expect(temporal.length).toBe(libraryLines.filter((l) => l.startsWith('lemma ')).length);
    expect(temporal.map((l) => l.name)).toContain('temporal.leads_to_trans');
  });

  it('gives the statement as written, without the proof, at the line it starts on', () => {
    for (const lemma of all.lemmas.filter((l) => l.module === 'temporal')) {
      const bare = lemma.name.slice('temporal.'.length);
      expect(lemma.statement.startsWith(`lemma ${bare}`)).toBe(true);
      expect(lemma.statement).not.toMatch(/\bproof\b/);
      expect(libraryLines[lemma.line - 1]!.startsWith(`lemma ${bare}`)).toBe(true);
      expect(lemma.file).toBe(LIBRARY_FILE);
      expect(lemma.doc).toMatch(/Anvil/);
    }
    const wf1 = all.lemmas.find((l) => l.name === 'temporal.wf1')!;
    expect(wf1.statement).toContain("[](p && next ==> p' || q')");
    expect(wf1.statement).toContain('WF(a) ==> (p ~> q)');
    expect(wf1.proof).toBe('ptl');
    expect(all.lemmas.find((l) => l.name === 'temporal.leads_to_rank')!.proof).toBe('rank');
  });

  it('matches every word of the query against names and doc comments, ignoring case', () => {
    const names = (query: string) => listLemmas(query).lemmas.map((l) => l.name);
    expect(names('LEADS_TO_TRANS')).toContain('temporal.leads_to_trans');
    expect(names('leads_to trans')).toEqual(expect.arrayContaining(['temporal.leads_to_trans', 'temporal.leads_to_always_trans']));
    expect(names('leads_to trans').every((n) => n.includes('leads_to'))).toBe(true);
    // only in a doc comment: Lamport's rule name and Anvil's old name
    expect(names('stl6')).toEqual(['temporal.eventually_always_and_equality']);
    expect(names('borrow_conditions_from_spec')).toEqual(['temporal.leads_to_by_borrowing_inv']);
    expect(names('   ')).toHaveLength(all.lemmas.length);
    expect(names('no_such_lemma_anywhere')).toEqual([]);
    expect(names('wf1 stl6')).toEqual([]);
  });

  it('reads other directories, takes doc lines only from comments alone on their line, and reports unparsable files', () => {
    const dir = writeModule(
      'mine/rules.kspec',
      [
        'module mine.rules',
        'def unrelated: Int = 1 // not a doc line',
        'lemma first(p: Formula): []p ==> p',
        '// Second says',
        '// two things.',
        'lemma second(p: Formula, q: Formula):',
        '  [](p ==> q) && []p ==> []q',
        'proof {',
        '  qed by ptl',
        '}',
        '',
      ].join('\n'),
    );
    writeModule('mine/broken.kspec', 'module mine.broken\nlemma oops(: Formula\n');
    const listing = listLemmas('', { dirs: [dir] });
    expect(listing.lemmas.map((l) => [l.name, l.line, l.doc, l.proof])).toEqual([
      ['mine.rules.first', 3, '', undefined],
      ['mine.rules.second', 6, 'Second says\ntwo things.', 'steps'],
    ]);
    expect(listing.lemmas[1]!.statement).toBe('lemma second(p: Formula, q: Formula):\n  [](p ==> q) && []p ==> []q');
    expect(listing.diagnostics.map((d) => d.code)).toContain('KSP010');
    expect(listLemmas('', { dirs: [path.join(scratch, 'nowhere')] }).diagnostics.map((d) => d.code)).toEqual(['KSP300']);
  });
});

describe('kproof lemmas', () => {
  it('prints each matching lemma with its name, place, doc and statement, and a count', () => {
    const run = runCli(['lemmas', 'leads_to_trans']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const line = libraryLines.findIndex((l) => l.startsWith('lemma leads_to_trans(')) + 1;
    expect(run.stdout).toContain(`temporal.leads_to_trans  lemmas/temporal.kspec:${line}\n  // Leads-to is transitive.\n`);
    expect(run.stdout).toContain('  lemma leads_to_trans(p: Formula, q: Formula, r: Formula): (p ~> q) && (q ~> r) ==> (p ~> r)\n');
    expect(run.stdout).toMatch(/\n\d+ lemmas?\n$/);
  });

  it('lists the whole library without a query', () => {
    const run = runCli(['lemmas']);
    expect(run.status).toBe(0);
    const count = Number(/\n(\d+) lemmas\n$/.exec(run.stdout)?.[1]);
    expect(count).toBe(listLemmas().lemmas.length);
  });

  it('says so, and exits 0, when nothing matches', () => {
    const run = runCli(['lemmas', 'no_such', 'lemma']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('no lemma matches "no_such lemma"\n');
  });

  it('prints JSON with --json', () => {
    const run = runCli(['lemmas', '--json', 'wf1']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { query: string; lemmas: { name: string; statement: string; file: string; line: number; doc: string }[] };
    expect(report.query).toBe('wf1');
    expect(report.lemmas.map((l) => l.name)).toEqual(expect.arrayContaining(['temporal.wf1', 'temporal.wf1_variant', 'temporal.wf1_borrow_inv']));
    const wf1 = report.lemmas.find((l) => l.name === 'temporal.wf1')!;
    expect(wf1.file).toBe('lemmas/temporal.kspec');
    expect(libraryLines[wf1.line - 1]).toMatch(/^lemma wf1\(/);
    expect(wf1.statement).toMatch(/^lemma wf1\(p: Pred, q: Pred, a: Action, next: Action\):/);
  });

  it('searches --include directories too, and shows files outside the working directory by absolute path', () => {
    const dir = writeModule('extra/more.kspec', 'module extra.more\n// A local rule.\nlemma local_rule(p: Formula): p ==> <>p\nproof by ptl\n');
    const run = runCli(['lemmas', 'local', '--include', dir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`extra.more.local_rule  ${path.join(dir, 'more.kspec')}:3\n  // A local rule.\n  lemma local_rule(p: Formula): p ==> <>p\n`);
  });

  it('reports an unparsable library file with its place and exits 2, still listing the others', () => {
    const dir = writeModule('bad/lib.kspec', 'module bad.lib\nlemma oops(: Formula\n');
    const run = runCli(['lemmas', 'leads_to_trans', '--include', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/lib\.kspec:2:\d+: error KSP010/);
    expect(run.stdout).toContain('temporal.leads_to_trans  ');
  });

  it('documents the query and the exit code in --help', () => {
    const run = runCli(['lemmas', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no lemma matches');
    expect(run.stdout).toContain('--json');
  });

  it('treats an unknown option as misuse (exit 2)', () => {
    expect(runCli(['lemmas', '--no-such-flag']).status).toBe(2);
  });
});
