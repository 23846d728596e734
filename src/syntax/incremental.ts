// Incremental re-parsing for editors: a file is cut into chunks at top-level declarations, and
// only chunks whose text changed are parsed again; an unchanged chunk that moved is reused with
// its positions moved in place, so the declarations after an insertion are the very same objects
// (and a checker can tell they did not change). The result is the same as `parseModule` on the
// whole text: whenever anything is wrong (a lexer, syntax or builder diagnostic, an exception)
// the whole text is parsed again.
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

const OPENER = 1;
const CLOSER = 2;
/** a keyword that begins a declaration and never occurs at bracket depth 0 inside one */
const DECLARATION_START = 3;

/** What each token type means to chunking, by `tokenTypeIdx`: one array read per token. */
const chunkRoles = rolesByTokenType([
  [OPENER, [t.LParen, t.LBracket, t.LCurly]],
  [CLOSER, [t.RParen, t.RBracket, t.RCurly]],
  [DECLARATION_START, [t.Enum, t.Record, t.Type, t.Const, t.Assume, t.Def, t.Machine, t.Theorem, t.Lemma, t.Model, t.Instance]],
]);

function rolesByTokenType(roles: readonly (readonly [number, readonly TokenType[]])[]): Uint8Array {
  const table = new Uint8Array(Math.max(...t.allTokens.map((type) => type.tokenTypeIdx ?? 0)) + 1);
  for (const [role, types] of roles) for (const type of types) table[type.tokenTypeIdx!] = role;
  return table;
}

interface ChunkResult {
  /** only for the first chunk (module header and imports) */
  readonly name?: Path;
  readonly imports: readonly Import[];
  readonly decls: readonly Decl[];
}

/** The imports of every chunk but the first: one array, never changed. */
const noImports: readonly Import[] = Object.freeze([]);

/** A parsed chunk as it lies in the latest text; moving it updates its positions in place. */
interface CachedChunk {
  offset: number;
  line: number;
  readonly result: ChunkResult;
  /** every distinct position in `result`, collected the first time the chunk moves */
  positions?: MutablePosition[];
}

type MutablePosition = { -readonly [K in keyof Position]: Position[K] };

/** Where a chunk of the new text comes from: the cache (moved to its place) or a fresh parse. */
type ChunkSource = { readonly reused: CachedChunk } | { readonly parsed: ChunkResult };

/** One chunk of the text: tokens [from, to) starting at `offset` (a line start) on `line`. */
interface Chunk {
  readonly from: number;
  readonly to: number;
  readonly offset: number;
  readonly line: number;
  readonly key: string;
}

/** Where a chunk of the last clean parse lay. */
type ChunkPlace = Pick<Chunk, 'offset' | 'line' | 'key'>;

/** The last clean parse: what re-lexing only the region an edit touched needs from it. */
interface LastParse {
  readonly text: string;
  readonly chunks: readonly ChunkPlace[];
  /** `module a.b`, put before a later chunk's tokens */
  readonly header: readonly IToken[];
  readonly comments: readonly IToken[];
}

/** Thrown while parsing a chunk when only a whole-text parse gives the exact result. */
class NeedsFullParse {}

/**
 * Remembers the chunks of one file's last parse; use one instance per file. A declaration that an
 * edit only moved is returned again as the same object, its positions updated: a parse's syntax
 * tree (and whatever shares its positions, such as a checker's output) describes the text of the
 * latest parse only.
 */
export class IncrementalParser {
  private file: string | undefined;
  private cache = new Map<string, CachedChunk>();
  private last: LastParse | undefined;

  parse(text: string, file: string): ModuleParse {
    if (file !== this.file) {
      this.file = file;
      this.cache.clear();
      this.last = undefined;
    }
    if (this.cache.size > 0) {
      try {
        const parsed = this.parseEditedRegion(text, file) ?? this.parseChunks(text, file);
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
      const result: ChunkResult = i === 0 ? { name: ast.name, imports: ast.imports, decls } : { imports: noImports, decls };
      this.cache.set(chunk.key, { offset: chunk.offset, line: chunk.line, result });
    });
    this.remember(text, chunks, full.tokens, full.comments);
    return full;
  }

  private parseChunks(text: string, file: string): ModuleParse | undefined {
    const starts = lineStarts(text);
    const lexed = lex(text, file, starts);
    if (lexed.diagnostics.length > 0) return undefined;
    const chunks = chunksOf(text, lexed.tokens);
    if (!chunks) return undefined;
    const ctx = new BuildContext(file, starts, text.length, false);
    const header = headerTokens(lexed.tokens);
    const results = this.place(chunks, (chunk) => {
      const tokens = lexed.tokens.slice(chunk.from, chunk.to);
      return parseChunk(ctx, chunk.offset === 0 ? tokens : [...header, ...tokens], chunk.offset === 0);
    });
    if (!results) return undefined;
    this.remember(text, chunks, lexed.tokens, lexed.comments);
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

  /**
   * The chunks of a new text, in order: each from the cache when its text was parsed before
   * (moved in place to where it lies now), otherwise parsed by `parse` (undefined: it cannot be
   * parsed here). Nothing moves before every new chunk has parsed, so a failure leaves the cache
   * as it was. A text that repeats a chunk gets a copy of it for each repetition after the first.
   * A chunk parsed again where an edited one was takes over that one's positions wherever they
   * are the same, so that whatever still refers to them (a checker's reused output, such as
   * references to an edited def's name) moves with the new chunk from now on.
   */
  private place<P extends ChunkPlace>(places: readonly P[], parse: (place: P) => ChunkResult | undefined): ChunkResult[] | undefined {
    const sources: ChunkSource[] = [];
    const claimed = new Set<CachedChunk>();
    for (const place of places) {
      const cached = this.cache.get(place.key);
      if (cached && !claimed.has(cached)) {
        claimed.add(cached);
        sources.push({ reused: cached });
        continue;
      }
      const parsed = cached ? shiftChunk(cached.result, place.offset - cached.offset, place.line - cached.line) : parse(place);
      if (!parsed) return undefined;
      sources.push({ parsed });
    }
    const lastAt = new Map((this.last?.chunks ?? []).map((c) => [c.offset, c]));
    const next = new Map<string, CachedChunk>();
    const results = places.map((place, i) => {
      const source = sources[i]!;
      if ('parsed' in source) {
        const was = lastAt.get(place.offset);
        const replaced = was && was.line === place.line ? this.cache.get(was.key) : undefined;
        if (replaced && !claimed.has(replaced)) adoptPositions(source.parsed, replaced.result, new Set());
      }
      const chunk = 'reused' in source ? moveChunk(source.reused, place.offset, place.line) : { offset: place.offset, line: place.line, result: source.parsed };
      next.set(place.key, chunk);
      return chunk.result;
    });
    this.cache = next;
    return results;
  }

  private remember(text: string, chunks: readonly ChunkPlace[], tokens: readonly IToken[], comments: readonly IToken[]): void {
    const header = moduleHeader(tokens);
    this.last = header ? { text, chunks, header, comments } : undefined;
  }

  /**
   * Re-lexes only the chunks an edit touched (found by comparing with the last clean text), from
   * the chunk before the edit (whose first token the edit cannot reach, so it still starts a
   * chunk) to the first chunk starting after it (whose text, and so its tokens, the edit left
   * alone). Undefined when that region does not lex cleanly or ends inside brackets: then
   * nothing after it is known to be unchanged.
   */
  private parseEditedRegion(text: string, file: string): ModuleParse | undefined {
    const last = this.last;
    if (!last) return undefined;
    const old = last.text;
    const delta = text.length - old.length;
    // whole chunks first (a native comparison), then characters within the chunks that differ
    const count = last.chunks.length;
    let same = 0;
    while (same < count && text.startsWith(last.chunks[same]!.key, last.chunks[same]!.offset)) same++;
    let sameAfter = count;
    while (sameAfter - 1 > same && sameAt(text, last.chunks[sameAfter - 1]!, delta)) sameAfter--;
    const shorter = Math.min(old.length, text.length);
    let prefix = same < count ? last.chunks[same]!.offset : shorter;
    while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = Math.min(shorter - prefix, old.length - (sameAfter < count ? last.chunks[sameAfter]!.offset : old.length));
    while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    let first = 0;
    while (first + 1 < last.chunks.length && last.chunks[first + 1]!.offset < prefix) first++;
    first = Math.max(0, first - 1);
    let after = first + 1;
    while (after < last.chunks.length && last.chunks[after]!.offset <= old.length - suffix) after++;
    const start = last.chunks[first]!;
    const end = after < last.chunks.length ? last.chunks[after]!.offset + delta : text.length;

    const region = lexRegion(text, file, start.offset, start.line, end);
    if (!region || (end < text.length && bracketDepth(region.tokens) > 0)) return undefined;
    const chunks = chunksOf(text, region.tokens, start, end);
    if (!chunks) return undefined;
    const header = first === 0 ? moduleHeader(region.tokens) : last.header;
    if (!header) return undefined;
    const starts = lineStarts(text);
    const ctx = new BuildContext(file, starts, text.length, false);
    const lineShift = after < last.chunks.length ? lineOf(starts, end) - last.chunks[after]!.line : 0;
    const places: ChunkPlace[] = [
      ...last.chunks.slice(0, first),
      ...chunks.map(({ offset, line, key }) => ({ offset, line, key })),
      ...last.chunks.slice(after).map((c) => ({ offset: c.offset + delta, line: c.line + lineShift, key: c.key })),
    ];
    const regionTokens = new Map(chunks.map((c) => [c.offset, region.tokens.slice(c.from, c.to)]));
    const results = this.place(places, (place) => {
      const tokens = regionTokens.get(place.offset);
      return tokens && parseChunk(ctx, place.offset === 0 ? tokens : [...header, ...tokens], place.offset === 0);
    });
    if (!results) return undefined;
    const oldEnd = after < last.chunks.length ? last.chunks[after]!.offset : old.length;
    const comments = [
      ...last.comments.filter((c) => c.startOffset < start.offset),
      ...region.comments,
      ...last.comments.filter((c) => c.startOffset >= oldEnd).map((c): IToken => ({ ...c, startOffset: c.startOffset + delta })),
    ];
    this.last = { text, chunks: places, header, comments };
    const firstResult = results[0]!;
    const ast: ModuleAst = {
      name: firstResult.name ?? { parts: [], span: ctx.span(0, 0) },
      imports: [...firstResult.imports],
      decls: results.flatMap((r) => r.decls),
      comments: comments.map((c): Comment => ({ text: c.image, block: c.tokenType === t.BlockComment, span: ctx.span(c.startOffset, c.startOffset + c.image.length) })),
      span: ctx.span(0, text.length),
    };
    return { ast, diagnostics: [] };
  }
}

/**
 * Lexes text[from, to) (from a line start on `line`) with positions as in the whole text;
 * undefined when it has a lexical error.
 */
function lexRegion(text: string, file: string, from: number, line: number, to: number): { tokens: IToken[]; comments: IToken[] } | undefined {
  const source = text.slice(from, to);
  const lexed = lex(source, file, lineStarts(source));
  if (lexed.diagnostics.length > 0) return undefined;
  // a line start: columns are those of the whole text already
  for (const token of [...lexed.tokens, ...lexed.comments]) {
    token.startOffset += from;
    if (token.endOffset !== undefined) token.endOffset += from;
    if (token.startLine !== undefined) token.startLine += line - 1;
    if (token.endLine !== undefined) token.endLine += line - 1;
  }
  return { tokens: lexed.tokens, comments: lexed.comments };
}

/** Whether a chunk of the last text is in `text`, moved by `delta`. */
function sameAt(text: string, chunk: ChunkPlace, delta: number): boolean {
  return chunk.offset + delta >= 0 && text.startsWith(chunk.key, chunk.offset + delta);
}

/** Bracket depth after the tokens, counted as `chunksOf` counts it. */
function bracketDepth(tokens: readonly IToken[]): number {
  let depth = 0;
  for (const token of tokens) {
    const role = chunkRoles[token.tokenTypeIdx];
    if (role === OPENER) depth++;
    else if (role === CLOSER) depth = Math.max(0, depth - 1);
  }
  return depth;
}

/** The 1-based line of an offset. */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/**
 * Chunk boundaries: a declaration keyword at bracket depth 0 that is the first token on its line
 * (so a chunk starts at a line start and its columns do not depend on the text before it).
 * Undefined when brackets nest too deeply for the parser.
 */
function chunksOf(text: string, tokens: readonly IToken[], start = { offset: 0, line: 1 }, end = text.length): Chunk[] | undefined {
  const boundaries: { index: number; offset: number; line: number }[] = [{ index: 0, offset: start.offset, line: start.line }];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const role = chunkRoles[token.tokenTypeIdx];
    if (role === OPENER) {
      if (++depth > MAX_BRACKET_NESTING) return undefined;
    } else if (role === CLOSER) {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && i > 0 && role === DECLARATION_START) {
      const lineStart = firstOnLine(text, token.startOffset);
      if (lineStart !== undefined && lineStart > boundaries[boundaries.length - 1]!.offset) {
        boundaries.push({ index: i, offset: lineStart, line: token.startLine ?? 0 });
      }
    }
  }
  return boundaries.map((b, i) => {
    const following = boundaries[i + 1];
    const to = following ? following.offset : end;
    return { from: b.index, to: following ? following.index : tokens.length, offset: b.offset, line: b.line, key: text.slice(b.offset, to) };
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
  const header = moduleHeader(tokens);
  if (!header) throw new NeedsFullParse();
  return header;
}

function moduleHeader(tokens: readonly IToken[]): IToken[] | undefined {
  if (tokens[0]?.tokenType !== t.Module || tokens[1]?.tokenType !== t.Identifier) return undefined;
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
  if (ctx.diagnostics.length > 0 || ast.decls.length !== children(cst.children.declaration).length) throw new NeedsFullParse();
  if (first) return { name: ast.name, imports: ast.imports, decls: ast.decls };
  if (ast.imports.length > 0) throw new NeedsFullParse();
  return { imports: noImports, decls: ast.decls };
}

/** Moves a cached chunk to `offset` on `line` by updating its positions in place. */
function moveChunk(chunk: CachedChunk, offset: number, line: number): CachedChunk {
  const offsetShift = offset - chunk.offset;
  const lineShift = line - chunk.line;
  if (offsetShift === 0 && lineShift === 0) return chunk;
  chunk.positions ??= positionsIn(chunk.result);
  for (const position of chunk.positions) {
    position.offset += offsetShift;
    position.line += lineShift;
  }
  chunk.offset = offset;
  chunk.line = line;
  return chunk;
}

/**
 * Puts `old`'s position objects into `fresh` wherever the two trees have equal positions at the
 * same place (the text before an edit, and after it when its length did not change).
 */
function adoptPositions(fresh: object, old: object, seen: Set<object>): void {
  if (seen.has(fresh)) return;
  seen.add(fresh);
  const into = fresh as Record<string, unknown>;
  const from = old as Record<string, unknown>;
  if (Array.isArray(fresh) !== Array.isArray(old)) return;
  for (const key of Object.keys(into)) {
    const value = into[key];
    const was = from[key];
    if (typeof value !== 'object' || value === null || typeof was !== 'object' || was === null || value === was) continue;
    if (isPosition(value)) {
      if (isPosition(was) && was.offset === value.offset && was.line === value.line && was.column === value.column) into[key] = was;
    } else adoptPositions(value, was, seen);
  }
}

/**
 * Every distinct position object in a chunk's syntax tree. The tree has no cycles; only spans and
 * positions are shared, so remembering positions alone is enough to list each once.
 */
function positionsIn(result: ChunkResult): MutablePosition[] {
  const seen = new Set<MutablePosition>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (isPosition(value)) {
      seen.add(value);
    } else {
      const fields = value as Record<string, unknown>;
      for (const key in fields) visit(fields[key]);
    }
  };
  visit(result);
  return [...seen];
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

function isPosition(value: object): value is MutablePosition {
  return 'offset' in value && 'line' in value && 'column' in value && typeof (value as Position).offset === 'number';
}
