export const SYNTAX_CODES = {
  KSP001: 'unexpected character',
  KSP002: 'malformed string literal',
  KSP003: 'unterminated block comment',
  KSP010: 'syntax error',
} as const;
