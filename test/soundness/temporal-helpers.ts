// Must-reject fixtures: in test/fixtures/kernel/*.kspec every theorem or lemma named `bad_*` must
// be "not proved" (or in error) with a failure reported on the line that carries the comment
// `// fail: NAME`; every `ok_*` must be proved.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'kernel');

export interface Expectation {
  readonly name: string;
  readonly kind: 'bad' | 'ok';
  /** 1-based line of the `// fail: NAME` marker (bad only) */
  readonly line?: number;
}

export function expectations(file: string): Expectation[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const markers = new Map<string, number>();
  lines.forEach((l, i) => {
    const m = /\/\/ fail: (\w+)/.exec(l);
    if (m) markers.set(m[1]!, i + 1);
  });
  const out: Expectation[] = [];
  for (const l of lines) {
    const m = /^(?:theorem|lemma) ((?:bad|ok)_\w+)/.exec(l);
    if (!m) continue;
    const name = m[1]!;
    const line = markers.get(name);
    out.push(name.startsWith('bad_') ? { name, kind: 'bad', ...(line !== undefined ? { line } : {}) } : { name, kind: 'ok' });
  }
  return out;
}
