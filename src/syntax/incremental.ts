// Incremental re-parsing for editors: a file is cut into chunks at top-level declarations, and
// only chunks whose text changed are parsed again; an unchanged chunk that moved is reused with
// its spans shifted. The result is the same as `parseModule` on the whole text: whenever anything
// is wrong (a lexer, syntax or builder diagnostic, an exception) the whole text is parsed again.
import type { CstNode, IToken, TokenType } from 'chevrotain';
import { lineStarts, type Diagnostic, type Position } from '../diagnostics/index.js';
import { kspecParser } from '../../grammar/parser.js';
import * as t from '../../grammar/tokens.js';
import type { Comment, Decl, Import, ModuleAst, Path } from './ast.js';
import { buildModule } from './build.js';
import { BuildContext, children } from './cst.js';
import { lex } from './lex.js';
import { MAX_BRACKET_NESTING, parseModule } from './index.js';

export interface ModuleParse {
  readonly ast?: ModuleAst;
  readonly diagnostics: readonly Diagnostic[];
}

/** Keywords that begin a declaration and never occur at bracket depth 0 inside one. */
const declarationStarts = new Set<TokenType>([
  t.Enum, t.Record, t.Type, t.Const, t.Assume, t.Def, t.Machine, t.Theorem, t.Lemma, t.Model, t.Instance,
]);
const openers = new Set<TokenType>([t.LParen, t.LBracket, t.LCurly]);
const closers = new Set<TokenType>([t.RParen, t.RBracket, t.RCurly]);

interface ChunkResult {
  /** only for the first chunk (module header and imports) */
  readonly name?: Path;
  readonly imports: readonly Import[];
  readonly decls: readonly Decl[];
}

interface CachedChunk {
  readonly offset: number;
  readonly line: number;
  readonly result: ChunkResult;
}

/** One chunk of the text: tokens [from, to) starting at `offset` (a line start) on `line`. */
interface Chunk {
  readonly from: number;
  readonly to: number;
  readonly offset: number;
  readonly line: number;
  readonly key: string;
}

/** Thrown while parsing a chunk when only a whole-text parse gives the exact result. */
class NeedsFullParse {}

/** Remembers the chunks of one file's last parse; use one instance per file. */
export class IncrementalParser {
  private file: string | undefined;
  private cache = new Map<string, CachedChunk>();

  parse(text: string, file: string): ModuleParse {
    if (file !== this.file) {
      this.file = file;
      this.cache.clear();
    }
    if (this.cache.size > 0) {
      try {
        const parsed = this.parseChunks(text, file);
        if (parsed) return parsed;
      } catch (e) {
        if (!(e instanceof NeedsFullParse)) throw e;
      }
    }
    return this.parseWhole(text, file);
  }

  /**
   * A whole-text parse. When it is clean its declarations replace the chunk cache; otherwise the
   * cache is kept, as the text is probably being typed and will soon be clean again.
   */
  private parseWhole(text: string, file: string): ModuleParse {
    const full = parseModule(text, file);
    const ast = full.ast;
    if (!ast || full.diagnostics.length > 0) return full;
    const chunks = chunksOf(text, full.tokens);
    if (!chunks) return full;
    this.cache.clear();
    let next = 0;
    chunks.forEach((chunk, i) => {
      const end = chunks[i + 1]?.offset ?? Number.POSITIVE_INFINITY;
      const decls: Decl[] = [];
      while (next < ast.decls.length && ast.decls[next]!.span.start.offset < end) decls.push(ast.decls[next++]!);
      const result: ChunkResult = i === 0 ? { name: ast.name, imports: ast.imports, decls } : { imports: [], decls };
      this.cache.set(chunk.key, { offset: chunk.offset, line: chunk.line, result });
    });
    return full;
  }

  private parseChunks(text: string, file: string): ModuleParse | undefined {
    const starts = lineStarts(text);
    const lexed = lex(text, file, starts);
    if (lexed.diagnostics.length > 0) return undefined;
    const chunks = chunksOf(text, lexed.tokens);
    if (!chunks) return undefined;
    const ctx = new BuildContext(file, starts, text.length);
    const header = headerTokens(lexed.tokens);
    const next = new Map<string, CachedChunk>();
    const results = chunks.map((chunk, i) => {
      const cached = this.cache.get(chunk.key);
      const result = cached
        ? cached.offset === chunk.offset
          ? cached.result
          : shiftChunk(cached.result, chunk.offset - cached.offset, chunk.line - cached.line)
        : parseChunk(ctx, i === 0 ? lexed.tokens.slice(chunk.from, chunk.to) : [...header, ...lexed.tokens.slice(chunk.from, chunk.to)], i === 0);
      next.set(chunk.key, { offset: chunk.offset, line: chunk.line, result });
      return result;
    });
    this.cache = next;
    const first = results[0]!;
    const ast: ModuleAst = {
      name: first.name ?? { parts: [], span: ctx.span(0, 0) },
      imports: [...first.imports],
      decls: results.flatMap((r) => r.decls),
      comments: lexed.comments.map((c): Comment => ({ text: c.image, block: c.tokenType === t.BlockComment, span: ctx.span(c.startOffset, c.startOffset + c.image.length) })),
      span: ctx.span(0, text.length),
    };
    return { ast, diagnostics: [] };
  }
}

/**
 * Chunk boundaries: a declaration keyword at bracket depth 0 that is the first token on its line
 * (so a chunk starts at a line start and its columns do not depend on the text before it).
 * Undefined when brackets nest too deeply for the parser.
 */
function chunksOf(text: string, tokens: readonly IToken[]): Chunk[] | undefined {
  const boundaries: { index: number; offset: number; line: number }[] = [{ index: 0, offset: 0, line: 1 }];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    if (openers.has(type)) {
      if (++depth > MAX_BRACKET_NESTING) return undefined;
    } else if (closers.has(type)) {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && i > 0 && declarationStarts.has(type)) {
      const lineStart = firstOnLine(text, token.startOffset);
      if (lineStart !== undefined && lineStart > boundaries[boundaries.length - 1]!.offset) {
        boundaries.push({ index: i, offset: lineStart, line: token.startLine ?? 0 });
      }
    }
  }
  return boundaries.map((b, i) => {
    const following = boundaries[i + 1];
    const end = following ? following.offset : text.length;
    return { from: b.index, to: following ? following.index : tokens.length, offset: b.offset, line: b.line, key: text.slice(b.offset, end) };
  });
}

/** The offset of the token's line start when only spaces and tabs precede it on that line. */
function firstOnLine(text: string, offset: number): number | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
    if (c !== 32 && c !== 9) return undefined;
  }
  return 0;
}

/** `module a.b`: put before a later chunk's tokens so that it parses as a module. */
function headerTokens(tokens: readonly IToken[]): IToken[] {
  if (tokens[0]?.tokenType !== t.Module || tokens[1]?.tokenType !== t.Identifier) throw new NeedsFullParse();
  let end = 2;
  while (tokens[end]?.tokenType === t.Dot && tokens[end + 1]?.tokenType === t.Identifier) end += 2;
  return tokens.slice(0, end);
}

function parseChunk(ctx: BuildContext, tokens: IToken[], first: boolean): ChunkResult {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let cst: CstNode;
  try {
    kspecParser.input = tokens;
    cst = kspecParser.module();
  } catch {
    throw new NeedsFullParse();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const clean = kspecParser.errors.length === 0;
  kspecParser.input = [];
  if (!clean) throw new NeedsFullParse();
  const ast = buildModule(ctx, cst, []);
  if (ctx.diagnostics.length > 0 || ast.decls.length !== children(cst, 'declaration').length) throw new NeedsFullParse();
  if (first) return { name: ast.name, imports: ast.imports, decls: ast.decls };
  if (ast.imports.length > 0) throw new NeedsFullParse();
  return { imports: [], decls: ast.decls };
}

/** A copy of a chunk's syntax tree moved by `offset` characters and `lines` lines (sharing kept). */
function shiftChunk(result: ChunkResult, offset: number, lines: number): ChunkResult {
  const copies = new Map<object, unknown>();
  const shift = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      copies.set(value, out);
      for (const v of value) out.push(shift(v));
      return out;
    }
    if (isPosition(value)) {
      const out: Position = { offset: value.offset + offset, line: value.line + lines, column: value.column };
      copies.set(value, out);
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(value, out);
    for (const [k, v] of Object.entries(value)) out[k] = shift(v);
    return out;
  };
  return shift(result) as ChunkResult;
}

function isPosition(value: object): value is Position {
  return 'offset' in value && 'line' in value && 'column' in value && typeof (value as Position).offset === 'number';
}
