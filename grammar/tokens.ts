// The tokens of kspec. Order in `allTokens` matters: Chevrotain tries patterns in order, so longer
// operators come before their prefixes and keywords before Identifier (with `longer_alt` so that
// `index` is an Identifier, not `in` + `dex`).
import type { ILexerConfig, TokenType } from 'chevrotain';
import { createToken, createTokenInstance, EOF, Lexer } from './chevrotain.js';

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });

/** Every binary operator, so the expression rule can consume any of them with one CONSUME. */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA, label: 'an operator' });
/** `!`, `-`, `[]` (when "always") and `<>`, kept in one CST list so their order is preserved. */
export const PrefixOperator = createToken({ name: 'PrefixOperator', pattern: Lexer.NA, label: 'a prefix operator' });

function keyword(word: string, categories: TokenType[] = []): TokenType {
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return createToken({ name, pattern: new RegExp(word), longer_alt: Identifier, label: `\`${word}\``, categories });
}

export const Module = keyword('module');
export const Import = keyword('import');
export const As = keyword('as');
export const Enum = keyword('enum');
export const Record = keyword('record');
export const Type = keyword('type');
export const Const = keyword('const');
export const Assume = keyword('assume');
export const Def = keyword('def');
export const Machine = keyword('machine');
export const Var = keyword('var');
export const Init = keyword('init');
export const Action = keyword('action');
export const Require = keyword('require');
export const Fair = keyword('fair');
export const Weak = keyword('weak');
export const Strong = keyword('strong');
export const Theorem = keyword('theorem');
export const Lemma = keyword('lemma');
export const Proof = keyword('proof');
export const By = keyword('by');
export const Using = keyword('using');
export const Have = keyword('have');
export const Qed = keyword('qed');
export const Model = keyword('model');
export const Of = keyword('of');
export const Check = keyword('check');
export const Instance = keyword('instance');
export const If = keyword('if');
export const Then = keyword('then');
export const Else = keyword('else');
export const Let = keyword('let');
export const In = keyword('in', [BinaryOperator]);
export const Match = keyword('match');
/** `e is C`: a binary operator to the parser; the AST builder checks that `C` is a constructor path. */
export const Is = keyword('is', [BinaryOperator]);
export const Forall = keyword('forall');
export const Exists = keyword('exists');
export const True = keyword('true');
export const False = keyword('false');
export const Where = keyword('where');
export const For = keyword('for');
export const With = keyword('with');

/** The reserved words of the language contract, in the order it lists them. */
export const keywordTokens: readonly TokenType[] = [
  Module, Import, As, Enum, Record, Type, Const, Assume, Def, Machine, Var, Init, Action, Require, Fair, Weak,
  Strong, Theorem, Lemma, Proof, By, Using, Have, Qed, Model, Of, Check, Instance, If, Then, Else, Let, In, Match,
  Is, Forall, Exists, True, False, Where, For, With,
];

export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });
/** Also matches an unterminated comment (up to the end of the file); the lexer wrapper reports KSP003. */
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: matchBlockComment,
  start_chars_hint: ['/'],
  group: 'comments',
  line_breaks: true,
});

function matchBlockComment(text: string, offset: number): RegExpExecArray | null {
  if (!text.startsWith('/*', offset)) return null;
  const close = text.indexOf('*/', offset + 2);
  const end = close < 0 ? text.length : close + 2;
  const match = [text.slice(offset, end)] as unknown as RegExpExecArray;
  return match;
}
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\uFEFF]+/, group: Lexer.SKIPPED, line_breaks: true });

export const IntLiteral = createToken({ name: 'IntLiteral', pattern: /[0-9]+/, label: 'an integer' });
/**
 * Also matches malformed strings (bad escapes, or unterminated at the end of the line) so that one
 * mistake yields one KSP002 from the lexer wrapper instead of a cascade of parse errors.
 */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\[^\r\n]?)*"?/, label: 'a string' });

function operator(name: string, text: string, categories: TokenType[] = []): TokenType {
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return createToken({ name, pattern, label: `\`${text}\``, categories });
}

export const Iff = operator('Iff', '<==>', [BinaryOperator]);
export const Implies = operator('Implies', '==>', [BinaryOperator]);
export const LeadsTo = operator('LeadsTo', '~>', [BinaryOperator]);
export const OrOr = operator('OrOr', '||', [BinaryOperator]);
export const AndAnd = operator('AndAnd', '&&', [BinaryOperator]);
export const EqEq = operator('EqEq', '==', [BinaryOperator]);
export const NotEq = operator('NotEq', '!=', [BinaryOperator]);
export const LessEq = operator('LessEq', '<=', [BinaryOperator]);
export const GreaterEq = operator('GreaterEq', '>=', [BinaryOperator]);
export const Diamond = operator('Diamond', '<>', [PrefixOperator]);
export const Less = operator('Less', '<', [BinaryOperator]);
export const Greater = operator('Greater', '>', [BinaryOperator]);
export const PlusPlus = operator('PlusPlus', '++', [BinaryOperator]);
export const Plus = operator('Plus', '+', [BinaryOperator]);
export const Arrow = operator('Arrow', '->');
export const Minus = operator('Minus', '-', [BinaryOperator, PrefixOperator]);
export const Star = operator('Star', '*', [BinaryOperator]);
export const Slash = operator('Slash', '/', [BinaryOperator]);
export const Percent = operator('Percent', '%', [BinaryOperator]);
export const Bang = operator('Bang', '!', [PrefixOperator]);
export const Satisfies = operator('Satisfies', '|=');
export const FatArrow = operator('FatArrow', '=>');
export const Equals = operator('Equals', '=');
export const DotDot = operator('DotDot', '..', [BinaryOperator]);
export const Dot = operator('Dot', '.');
export const DoubleColon = operator('DoubleColon', '::');
export const Colon = operator('Colon', ':');
export const Prime = operator('Prime', "'");
export const Comma = operator('Comma', ',');
export const Semicolon = operator('Semicolon', ';');
export const LParen = operator('LParen', '(');
export const RParen = operator('RParen', ')');
export const LCurly = operator('LCurly', '{');
export const RCurly = operator('RCurly', '}');
/** `[]` written without a space: "always" before an expression, otherwise the empty sequence. */
export const Box = operator('Box', '[]', [PrefixOperator]);
export const LBracket = operator('LBracket', '[');
export const RBracket = operator('RBracket', ']');

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  StringLiteral,
  IntLiteral,
  Iff,
  Implies,
  LeadsTo,
  OrOr,
  AndAnd,
  EqEq,
  NotEq,
  LessEq,
  GreaterEq,
  Diamond,
  Less,
  Greater,
  PlusPlus,
  Plus,
  Arrow,
  Minus,
  Star,
  Slash,
  Percent,
  Bang,
  Satisfies,
  FatArrow,
  Equals,
  DotDot,
  Dot,
  DoubleColon,
  Colon,
  Prime,
  Comma,
  Semicolon,
  LParen,
  RParen,
  LCurly,
  RCurly,
  Box,
  LBracket,
  RBracket,
  // longest first, so `assume` is not lexed as `as` followed by the name `sume`
  ...[...keywordTokens].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
  BinaryOperator,
  PrefixOperator,
];

/** Line breaks exactly as src/diagnostics/span.ts counts them, so token lines agree with spans. */
export function lexerConfig(): ILexerConfig {
  return { ensureOptimizations: true, positionTracking: 'full', lineTerminatorsPattern: /\r\n|\r|\n/g, lineTerminatorCharacters: ['\n', '\r'] };
}

/**
 * The lexer. It is built on every start of `kproof`, so without Chevrotain's checks of the token
 * definitions (which find mistakes in this file, never in the input); test/syntax/grammar.test.ts
 * runs them.
 */
export const kspecLexer = new Lexer(allTokens, { ...lexerConfig(), skipValidations: true });

/**
 * Chevrotain's EOF token has NaN positions, and tokens the parser inserts while recovering do too.
 * V8 then stores the position fields of every token (all tokens share one object shape) as boxed
 * doubles: six extra heap objects per token, which garbage collection has to copy. One token of
 * that shape with non-number positions makes V8 store them as tagged values instead, where small
 * integers take no allocation. This changes memory and speed only, never a value.
 */
const untypedPosition = null as unknown as number;
createTokenInstance(EOF, '', untypedPosition, untypedPosition, untypedPosition, untypedPosition, untypedPosition, untypedPosition);
