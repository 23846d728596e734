// A scratch copy of the fixture workspace (tests save files into it), and cursor helpers.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function scratchWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kproof-lsp-'));
  fs.cpSync(path.join(import.meta.dirname, 'fixtures'), dir, { recursive: true });
  return dir;
}

/** The 0-based position of the `nth` occurrence of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, nth = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`\`${needle}\` not found`);
  }
  const offset = at + shift;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
