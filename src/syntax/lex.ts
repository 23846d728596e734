// Tokenising with kspec's own diagnostics: Chevrotain's lexer errors become KSP001, and the
// deliberately permissive string and block-comment tokens are checked here (KSP002, KSP003).
import type { IToken } from 'chevrotain';
import { error, spanFromOffsets, type Diagnostic } from '../diagnostics/index.js';
import { BlockComment, kspecLexer, StringLiteral } from '../../grammar/tokens.js';

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

export type DecodedString = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: string };

const simpleEscapes: Readonly<Record<string, string>> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t',
};

/** Decodes a string token's image (quotes included) with JSON escapes. */
export function decodeString(image: string): DecodedString {
  if (image.length < 2 || !image.endsWith('"') || isEscapedQuote(image)) {
    return { ok: false, problem: 'unterminated string (strings end on the line they start)' };
  }
  let value = '';
  for (let i = 1; i < image.length - 1; i++) {
    const c = image[i]!;
    if (c !== '\\') {
      value += c;
      continue;
    }
    const e = image[i + 1] ?? '';
    if (e === 'u') {
      const hex = image.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { ok: false, problem: 'invalid escape `\\u` (expected four hex digits)' };
      value += String.fromCharCode(parseInt(hex, 16));
      i += 5;
    } else if (e in simpleEscapes) {
      value += simpleEscapes[e];
      i += 1;
    } else {
      return { ok: false, problem: `invalid escape \`\\${e}\` in string` };
    }
  }
  return { ok: true, value };
}

/** `"abc\"` is unterminated: its final quote is escaped. */
function isEscapedQuote(image: string): boolean {
  let backslashes = 0;
  for (let i = image.length - 2; i >= 1 && image[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

export function lex(text: string, file: string, starts: readonly number[]): LexResult {
  const result = kspecLexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const bad = text.slice(e.offset, e.offset + e.length);
    const what = bad.length === 1 ? `character \`${printable(bad)}\`` : `characters \`${printable(bad)}\``;
    diagnostics.push(error('KSP001', `unexpected ${what}`, spanFromOffsets(file, starts, e.offset, e.offset + e.length)));
  }
  for (const token of result.tokens) {
    if (token.tokenType !== StringLiteral) continue;
    const decoded = decodeString(token.image);
    if (!decoded.ok) {
      diagnostics.push(error('KSP002', decoded.problem, spanFromOffsets(file, starts, token.startOffset, token.startOffset + token.image.length)));
    }
  }
  const comments = result.groups['comments'] ?? [];
  for (const comment of comments) {
    if (comment.tokenType === BlockComment && (comment.image.length < 4 || !comment.image.endsWith('*/'))) {
      diagnostics.push(error('KSP003', 'unterminated block comment (`/*` without `*/`)', spanFromOffsets(file, starts, comment.startOffset, comment.startOffset + 2)));
    }
  }
  return { tokens: result.tokens, comments, diagnostics };
}

function printable(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.codePointAt(0)!;
      return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : c;
    })
    .join('');
}
