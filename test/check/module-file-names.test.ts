// File names of modules: a folder or file name spells its part of the module name exactly, or
// with every `_` written `-` (docs/language.md, "Files and modules"); anything else is KSP023.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { writeUnder } from '../helpers/files.js';

let dir: string;

const write = (rel: string, text: string): string => writeUnder(dir, rel, text);

const codes = (file: string) => checkFiles([file]).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kproof-file-names-'));
});

describe('module file names', () => {
  it('accepts a hyphenated file and folder for underscored names, and imports find them', () => {
    write('root/case_studies/buggy-scale-down.kspec', 'module case_studies.buggy_scale_down\nconst N: Int\n');
    const dashed = write('root/case-studies/buggy-scale-down.kspec', 'module case_studies.buggy_scale_down\nconst N: Int\n');
    const importer = write('root/app.kspec', 'module app\nimport case_studies.buggy_scale_down as b\ndef n: Int = b.N\n');
    expect(codes(dashed)).toEqual([]);
    expect(codes(importer)).toEqual([]);
  });

  it('an import prefers the exact spelling when both exist', () => {
    write('pick/lib/exact_name.kspec', 'module lib.exact_name\nconst FROM_EXACT: Int\n');
    write('pick/lib/exact-name.kspec', 'module lib.exact_name\nconst FROM_DASHED: Int\n');
    const importer = write('pick/main.kspec', 'module main\nimport lib.exact_name\ndef n: Int = lib.exact_name.FROM_EXACT\n');
    expect(codes(importer)).toEqual([]);
  });

  it('rejects a name that mixes the spellings, or a hyphen where the module has none', () => {
    const mixed = write('bad/a_b-c.kspec', 'module a_b_c\n');
    const extra = write('bad/ab-c.kspec', 'module abc\n');
    const folder = write('bad/my-lib/util.kspec', 'module mylib.util\n');
    expect(codes(mixed)).toEqual(['KSP023']);
    expect(codes(extra)).toEqual(['KSP023']);
    expect(codes(folder)).toEqual(['KSP023']);
  });

  it('reports an import of a module absent under both spellings', () => {
    const importer = write('missing/main.kspec', 'module main\nimport lib.no_such_module\n');
    expect(codes(importer)).toEqual(['KSP022']);
  });
});
