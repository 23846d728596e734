// kproof's own lemma library and example specs type-check without a diagnostic.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { describe as show } from './helpers.js';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function kspecFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? kspecFiles(full) : e.name.endsWith('.kspec') ? [full] : [];
  });
}

describe('shipped kspec', () => {
  const files = [...kspecFiles(path.join(REPO, 'lemmas')), ...kspecFiles(path.join(REPO, 'specs'))];

  it.runIf(files.length > 0)('checks the lemma library and the example specs clean', () => {
    const r = checkFiles(files);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.relative(REPO, d.span.file)} ${show(d)}`)).toEqual([]);
    expect(r.program?.roots.length).toBeGreaterThan(0);
  });
});
