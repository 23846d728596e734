// Turning command-line paths into .kspec files: directories are searched recursively, and a path
// that cannot be read becomes a diagnostic (KSP300) rather than an exception.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { error, syntheticSpan, type Diagnostic } from '../diagnostics/index.js';

export interface Inputs {
  readonly files: string[];
  readonly diagnostics: Diagnostic[];
}

function kspecFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...kspecFilesUnder(path));
    else if (entry.isFile() && entry.name.endsWith('.kspec')) found.push(path);
  }
  return found;
}

export function expandInputs(paths: readonly string[], cwd: string): Inputs {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    try {
      const stat = statSync(resolve(cwd, path));
      if (stat.isDirectory()) {
        const under = kspecFilesUnder(resolve(cwd, path)).map((f) => join(path, f.slice(resolve(cwd, path).length + 1)));
        if (under.length === 0) diagnostics.push(error('KSP300', `no .kspec files under directory \`${path}\``, syntheticSpan(path)));
        files.push(...under);
      } else files.push(path);
    } catch {
      diagnostics.push(error('KSP300', `cannot read \`${path}\`: no such file or directory`, syntheticSpan(path)));
    }
  }
  return { files: [...new Set(files)], diagnostics };
}
