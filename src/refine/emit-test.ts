// Counterexamples as a ready-to-run vitest file: each test calls the exec function on the input
// the solver found and expects the spec's value, so it fails until the exec function is fixed.
import type { RefineReport } from './index.js';

export function emitTestFile(reports: readonly RefineReport[], importPath: string, version: string): string {
  const failing = reports.filter((r) => r.counterexample);
  const names = [...new Set(failing.map((r) => r.function))].sort();
  const runtime = [...new Set(failing.flatMap((r) => r.counterexample!.runtime))].sort();
  const lines = [
    `// Counterexamples found by kproof ${version} refine: each input makes the exec function differ from its spec.`,
    "import { describe, expect, it } from 'vitest';",
    ...(runtime.length > 0 ? [`import { ${runtime.join(', ')} } from 'kproof/runtime';`] : []),
    `import { ${names.join(', ')} } from ${JSON.stringify(importPath)};`,
    '',
    "describe('refinement counterexamples', () => {",
  ];
  for (const r of failing) {
    const c = r.counterexample!;
    if (c.spec.startsWith('unspecified')) {
      // the spec's value is unspecified there (a partial operation): nothing to expect
      lines.push(`  it.skip(${JSON.stringify(`${r.function} agrees with ${r.target} (the spec's value is ${c.spec.replace(/\n/g, ' ')})`)}, () => {});`);
      continue;
    }
    lines.push(
      `  it(${JSON.stringify(`${r.function} agrees with ${r.target}`)}, () => {`,
      `    // kproof: the exec function returns ${c.exec.replace(/\n/g, ' ')}`,
      `    expect(${r.function}(${c.inputs.map((i) => i.value).join(', ')})).toEqual(${c.spec});`,
      '  });',
    );
  }
  lines.push('});', '');
  return lines.join('\n');
}
