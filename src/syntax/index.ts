// The syntax front end: text → tokens → CST (shared with the formatter) → AST, with KSP001–KSP010
// diagnostics. Nothing here throws on any input: malformed text yields diagnostics and as much
// AST as can be built.
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import { EOF } from '../../grammar/chevrotain.js';
import { error, lineStarts, type Diagnostic } from '../diagnostics/index.js';
import { kspecParser } from '../../grammar/parser.js';
import { LBracket, LCurly, LParen, RBracket, RCurly, RParen } from '../../grammar/tokens.js';
import type { Expr, ModuleAst } from './ast.js';
import { buildModule } from './build.js';
import { buildExpr } from './build-expr.js';
import { BuildContext, Incomplete } from './cst.js';
import { lex } from './lex.js';

export type * from './ast.js';
export { decodeString } from './lex.js';
export { IncrementalParser, type ModuleParse } from './incremental.js';

export interface ParseResult {
  /** present whenever a CST was produced, even after recovered syntax errors */
  readonly ast?: ModuleAst;
  readonly cst?: CstNode;
  readonly tokens: IToken[];
  /** `//` and `/* *\/` comments, in order (they are not in `tokens`) */
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

export interface ExpressionParseResult {
  readonly expr?: Expr;
  readonly cst?: CstNode;
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

type RuleName = 'module' | 'expression';

interface Parsed {
  readonly ctx: BuildContext;
  readonly cst: CstNode;
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Brackets nested deeper than this are refused before parsing: the recursive-descent parser and
 * the AST builder would exhaust the call stack somewhere above 200 levels.
 */
export const MAX_BRACKET_NESTING = 128;

function tooDeeplyNested(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LParen || type === LBracket || type === LCurly) {
      if (++depth > MAX_BRACKET_NESTING) return token;
    } else if (type === RParen || type === RBracket || type === RCurly) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** Lexes, then parses unless the brackets nest too deeply (then there is no CST). */
function runParser(text: string, file: string, rule: RuleName): Parsed | Omit<Parsed, 'cst'> {
  const starts = lineStarts(text);
  const ctx = new BuildContext(file, starts, text.length);
  const lexed = lex(text, file, starts);
  const deepest = tooDeeplyNested(lexed.tokens);
  if (deepest) {
    const message = `brackets are nested more than ${MAX_BRACKET_NESTING} levels deep here`;
    return { ctx, tokens: lexed.tokens, comments: lexed.comments, diagnostics: [...lexed.diagnostics, error('KSP010', message, ctx.tokenSpan(deepest))] };
  }
  // Chevrotain signals syntax errors with exceptions; their stack traces are never shown and
  // capturing them dominated the cost of parsing broken text.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let cst: CstNode;
  try {
    kspecParser.input = lexed.tokens;
    cst = rule === 'module' ? kspecParser.module() : kspecParser.expression();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const diagnostics = [...lexed.diagnostics, ...parseDiagnostics(ctx, kspecParser.errors)];
  kspecParser.input = [];
  return { ctx, cst, tokens: lexed.tokens, comments: lexed.comments, diagnostics };
}

/** One diagnostic per offending token: recovery can report the same place more than once. */
function parseDiagnostics(ctx: BuildContext, errors: readonly IRecognitionException[]): Diagnostic[] {
  const seen = new Set<number>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const span = tokenSpan(ctx, e.token);
    if (seen.has(span.start.offset)) continue;
    seen.add(span.start.offset);
    out.push(error('KSP010', e.message, span));
  }
  return out;
}

/** The token's exact extent; end of file (which has no offsets) is an empty span at the end. */
function tokenSpan(ctx: BuildContext, token: IToken): ReturnType<BuildContext['span']> {
  if (token.tokenType === EOF || !Number.isFinite(token.startOffset)) return ctx.span(ctx.textLength, ctx.textLength);
  return ctx.tokenSpan(token);
}

function internalFailure(file: string, text: string, cause: unknown): Diagnostic {
  const ctx = new BuildContext(file, lineStarts(text), text.length);
  const message =
    cause instanceof RangeError
      ? 'this file nests expressions too deeply to be read (for example thousands of prefix operators or `==>` in a row)'
      : `the parser could not read this file (internal error: ${cause instanceof Error ? cause.message : String(cause)})`;
  return error('KSP010', message, ctx.span(0, 0));
}

export function parseModule(text: string, file: string): ParseResult {
  try {
    const parsed = runParser(text, file, 'module');
    if (!('cst' in parsed)) return { tokens: parsed.tokens, comments: parsed.comments, diagnostics: parsed.diagnostics };
    const ast = buildModule(parsed.ctx, parsed.cst, parsed.comments);
    return {
      ast,
      cst: parsed.cst,
      tokens: parsed.tokens,
      comments: parsed.comments,
      diagnostics: [...parsed.diagnostics, ...parsed.ctx.diagnostics],
    };
  } catch (cause) {
    return { tokens: [], comments: [], diagnostics: [internalFailure(file, text, cause)] };
  }
}

/** Parses a single expression (tests, the language server's hover and completion). */
export function parseExpression(text: string, file: string): ExpressionParseResult {
  try {
    const parsed = runParser(text, file, 'expression');
    if (!('cst' in parsed)) return { tokens: parsed.tokens, comments: parsed.comments, diagnostics: parsed.diagnostics };
    let expr: Expr | undefined;
    try {
      expr = buildExpr(parsed.ctx, parsed.cst);
    } catch (e) {
      if (!(e instanceof Incomplete)) throw e;
    }
    return {
      ...(expr ? { expr } : {}),
      cst: parsed.cst,
      tokens: parsed.tokens,
      comments: parsed.comments,
      diagnostics: [...parsed.diagnostics, ...parsed.ctx.diagnostics],
    };
  } catch (cause) {
    return { tokens: [], comments: [], diagnostics: [internalFailure(file, text, cause)] };
  }
}
