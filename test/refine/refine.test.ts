// `kproof refine`: every construct of the subset refines; every construct outside it is an error at
// its location; mutants (flipped comparison, dropped case or guard, off-by-one) never refine, and
// the counterexample test written for them fails on the mutant and passes on the original.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refine, type RefineResult } from '../../src/refine/index.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(REPO, 'test/refine/fixtures/refine');
const SPEC = join(FIXTURES, 'shapes.kspec');
const RUNTIME = join(REPO, 'src/codegen/runtime.js');

const SUPPORTED = [
  'switchOnKind', 'ifElse', 'earlyReturn', 'objectSpread', 'objectLiteral', 'enumNarrowing', 'truncatingDivision', 'truncatingRemainder',
  'nullishDefault', 'arrayRead', 'forOfEarlyExit', 'forOfAccumulator', 'someOverSet', 'mapGetNarrowing', 'mapHas', 'mapUpdate',
  'stringConcat', 'constants', 'arraySpread', 'tuple', 'setByValue', 'switchDefault', 'ternaries', 'kindTest', 'constAndHelper',
  'actionStep', 'machineDef', 'viewed', 'narrowingThroughOr', 'narrowingThroughAnd', 'notNarrowedAfterAnd', 'kindAsValue', 'topLevelConstant', 'importAlias',
  'typeAlias',
];

/** [function, diagnostic code, the text the diagnostic must start at (first occurrence inside the function)] */
const REJECTED: readonly (readonly [string, string, string])[] = [
  ['whileLoop', 'KSP261', 'while (x < 0n)'],
  ['letBinding', 'KSP261', 'let y = x;'],
  ['mutation', 'KSP261', 't.push(x);'],
  ['nonNull', 'KSP261', 'o!'],
  ['cast', 'KSP261', 'x as bigint'],
  ['template', 'KSP261', '`hi ${name}`'],
  ['identityEquality', 'KSP261', 'p === {'],
  ['setHasByIdentity', 'KSP261', 's.has('],
  ['numberArithmetic', 'KSP261', 's.length + 1'],
  ['throwing', 'KSP261', "throw new Error('negative');"],
  ['missingReturn', 'KSP261', 'if (x < 0n) return -x;'],
  ['recursion', 'KSP261', 'helper(-x)'],
  ['unknownCall', 'KSP261', 'Math'],
  ['fallthrough', 'KSP261', "case 'Dot':"],
  ['looseEquality', 'KSP261', '=='],
  ['numberParameter', 'KSP262', 'x: number'],
  ['unknownTarget', 'KSP262', '@refines refine.shapes.no_such_def'],
  ['asyncFunction', 'KSP261', 'asyncFunction('],
  ['optionalParameter', 'KSP261', 'x?: bigint'],
  ['jsSetOfRecords', 'KSP261', 'new Set(['],
  ['bigintEqualsNumber', 'KSP261', 'x === 0'],
  ['optionalChaining', 'KSP261', 'o?.kind'],
  ['topLevelRecord', 'KSP261', 'ORIGIN)'],
];

/** [function, what the mutation is, find, replace] applied to supported.ts */
const MUTANTS: readonly (readonly [string, string, string, string])[] = [
  ['ifElse', 'flipped comparison', 'if (x < 0n) {', 'if (x > 0n) {'],
  ['switchDefault', 'dropped case', "    case 'Rect':\n      return s.w;\n", ''],
  ['actionStep', 'dropped guard', ' || !s.open', ''],
  ['constAndHelper', 'off-by-one', 'if (s.length < 2) return 0n;', 'if (s.length < 3) return 0n;'],
  ['truncatingDivision', 'off-by-one', 'return x / 2n;', 'return (x + 1n) / 2n;'],
  ['forOfEarlyExit', 'flipped comparison', 'if (x <= 0n) return false;', 'if (x < 0n) return false;'],
];

function position(text: string, fn: string, snippet: string): { line: number; column: number } {
  const from = Math.max(0, text.indexOf(`function ${fn}(`) - 120);
  const offset = text.indexOf(snippet, from);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('kproof refine', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kproof-refine-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('every construct of the subset refines its spec', () => {
    let result: RefineResult;
    beforeAll(async () => {
      result = await refine(join(FIXTURES, 'supported.ts'), [SPEC], { cache: false });
    });
    it('exits 0', () => {
      expect(result.diagnostics).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.reports.map((r) => r.function).sort()).toEqual([...SUPPORTED].sort());
    });
    it.each(SUPPORTED)('%s', (fn) => {
      expect(result.reports.find((r) => r.function === fn)?.status).toBe('refines');
    });
  });

  describe('every construct outside the subset is an error at its location', () => {
    let result: RefineResult;
    let text: string;
    beforeAll(async () => {
      const file = join(FIXTURES, 'rejected.ts');
      text = readFileSync(file, 'utf8');
      result = await refine(file, [SPEC], { cache: false });
    });
    it('exits 2 and decides nothing', () => {
      expect(result.exitCode).toBe(2);
      expect(result.reports).toEqual([]);
      expect(result.diagnostics).toHaveLength(REJECTED.length);
    });
    it.each(REJECTED)('%s (%s)', (fn, code, snippet) => {
      const at = position(text, fn, snippet);
      const found = result.diagnostics.find((d) => d.span.start.line === at.line);
      expect(found, `no diagnostic on line ${at.line}`).toBeDefined();
      expect(found!.code).toBe(code);
      expect(found!.span.start.column).toBe(at.column);
      expect(found!.span.file).toBe(join(FIXTURES, 'rejected.ts'));
    });
  });

  describe('mutants never refine, and their counterexample test is ready to run', () => {
    let result: RefineResult;
    let original: string;
    let mutated: string;
    beforeAll(async () => {
      original = readFileSync(join(FIXTURES, 'supported.ts'), 'utf8').replaceAll("'kproof/runtime'", JSON.stringify(RUNTIME));
      mutated = original;
      for (const [, , find, replace] of MUTANTS) {
        expect(mutated.includes(find)).toBe(true);
        mutated = mutated.replace(find, replace);
      }
      mkdirSync(join(dir, 'mutant'));
      mkdirSync(join(dir, 'original'));
      writeFileSync(join(dir, 'mutant/supported.ts'), mutated);
      writeFileSync(join(dir, 'original/supported.ts'), original);
      result = await refine(join(dir, 'mutant/supported.ts'), [SPEC], { cache: false, emitTest: join(dir, 'mutant/cex.test.ts') });
    });

    it('exits 1', () => expect(result.exitCode).toBe(1));

    it.each(MUTANTS.map(([fn, what]) => [fn, what]))('%s (%s) does not refine, with a counterexample', (fn) => {
      const r = result.reports.find((x) => x.function === fn)!;
      expect(r.status).toBe('differs');
      expect(r.counterexample!.spec).not.toBe(r.counterexample!.exec);
    });

    it('every unmutated function still refines', () => {
      const mutants = new Set(MUTANTS.map(([fn]) => fn));
      for (const r of result.reports) if (!mutants.has(r.function)) expect(r.status, r.function).toBe('refines');
    });

    it('the emitted vitest test fails on the mutant and passes on the original', () => {
      const test = readFileSync(join(dir, 'mutant/cex.test.ts'), 'utf8').replaceAll("'kproof/runtime'", JSON.stringify(RUNTIME));
      writeFileSync(join(dir, 'mutant/cex.test.ts'), test);
      writeFileSync(join(dir, 'original/cex.test.ts'), test);
      symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
      const out = join(dir, 'report.json');
      spawnSync(process.execPath, [join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter=json', `--outputFile=${out}`], { encoding: 'utf8', timeout: 120_000 });
      const report = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { name: string; assertionResults: { status: string }[] }[] };
      const statuses = (sub: string) => report.testResults.find((t) => t.name.includes(`/${sub}/`))!.assertionResults.map((a) => a.status);
      expect(statuses('mutant')).toEqual(MUTANTS.map(() => 'failed'));
      expect(statuses('original')).toEqual(MUTANTS.map(() => 'passed'));
    });
  });
});

describe('a solver that cannot decide never makes a function refine', () => {
  it.each(['unknown', 'error', 'sat'] as const)('answer %s (sat without a model) is not proved, exit 1', async (status) => {
    const solver = {
      name: 'fake',
      version: status,
      check: async () => ({ status, reason: 'timeout', ms: 1 }),
      close: async () => undefined,
    };
    const result = await refine(join(REPO, 'specs/examples/exec/counter.ts'), [join(REPO, 'specs/examples/counter.kspec')], { cache: false, solverInstance: solver });
    expect(result.exitCode).toBe(1);
    expect(result.reports.map((r) => r.status)).toEqual(['unknown', 'unknown', 'unknown']);
  });
});
