// A reader for PTL schemas written in the notation `formatFormula` prints, so that lemma schemas,
// tests and benchmarks can be stated as text: `[](p ==> q) && []p ==> []q`.
// Loosest first: `<==>`, `==>` (right-assoc) and `~>`, `||`, `&&`, `U`, prefix `!` `[]` `<>` `X(…)`.
// Atoms are identifiers, `enabled(a)` or JSON strings; `WF(a)` and `SF(a)` expand to their
// encodings over `a` and `enabled(a)`. Errors are values.
import {
  FALSE,
  TRUE,
  actionAtoms,
  always,
  and,
  atom,
  eventually,
  iff,
  implies,
  leadsTo,
  next,
  not,
  or,
  strongFairness,
  until,
  weakFairness,
  type Formula,
} from './formula.js';

export type ParseResult =
  | { readonly ok: true; readonly formula: Formula }
  | { readonly ok: false; readonly message: string; readonly offset: number };

const TOKEN = /\s*(<==>|==>|~>|&&|\|\||\[\]|<>|[!()]|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*)/y;

class ParseError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

function quotedName(token: string): string | undefined {
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function parseFormula(text: string): ParseResult {
  const tokens: { text: string; offset: number }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      const rest = text.slice(start);
      const trimmed = rest.trimStart();
      if (trimmed === '') break;
      return {
        ok: false,
        message: `unexpected character ${JSON.stringify(trimmed[0])}`,
        offset: start + rest.length - trimmed.length,
      };
    }
    tokens.push({ text: match[1]!, offset: match.index + match[0].length - match[1]!.length });
  }
  let position = 0;
  const peek = (): string | undefined => tokens[position]?.text;
  const fail = (message: string): never => {
    throw new ParseError(message, tokens[position]?.offset ?? text.length);
  };
  const expect = (token: string): void => {
    if (peek() !== token) fail(`expected '${token}'`);
    position++;
  };
  const accept = (token: string): boolean => {
    if (peek() !== token) return false;
    position++;
    return true;
  };

  const iffLevel = (): Formula => {
    let left = impliesLevel();
    while (accept('<==>')) left = iff(left, impliesLevel());
    return left;
  };
  const impliesLevel = (): Formula => {
    let left = orLevel();
    if (accept('~>')) left = leadsTo(left, orLevel());
    return accept('==>') ? implies(left, impliesLevel()) : left;
  };
  const orLevel = (): Formula => {
    const operands = [andLevel()];
    while (accept('||')) operands.push(andLevel());
    return or(...operands);
  };
  const andLevel = (): Formula => {
    const operands = [untilLevel()];
    while (accept('&&')) operands.push(untilLevel());
    return and(...operands);
  };
  const untilLevel = (): Formula => {
    const left = prefixLevel();
    return accept('U') ? until(left, prefixLevel()) : left;
  };
  const parenthesised = (): Formula => {
    expect('(');
    const inner = iffLevel();
    expect(')');
    return inner;
  };
  const actionName = (): string => {
    expect('(');
    const name = peek();
    if (name === undefined || !/^[A-Za-z_]/.test(name)) fail('expected an action name');
    position++;
    expect(')');
    return name!;
  };
  const prefixLevel = (): Formula => {
    const token = peek();
    if (token === undefined) return fail('unexpected end of formula');
    if (accept('!')) return not(prefixLevel());
    if (accept('[]')) return always(prefixLevel());
    if (accept('<>')) return eventually(prefixLevel());
    if (token === '(') return parenthesised();
    position++;
    const call = peek() === '(';
    if (token === 'true') return TRUE;
    if (token === 'false') return FALSE;
    if (token === 'X' && call) return next(parenthesised());
    if ((token === 'WF' || token === 'SF' || token === 'enabled') && call) {
      const action = actionName();
      const { taken, enabled } = actionAtoms(action);
      if (token === 'enabled') return enabled;
      return token === 'WF' ? weakFairness(enabled, taken) : strongFairness(enabled, taken);
    }
    if (token.startsWith('"')) return atom(quotedName(token) ?? fail('malformed quoted atom name'));
    if (/^[A-Za-z_]/.test(token)) return atom(token);
    position--;
    return fail(`unexpected '${token}'`);
  };

  try {
    const formula = iffLevel();
    if (position < tokens.length) fail(`unexpected '${peek()}'`);
    return { ok: true, formula };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: e.message, offset: e.offset };
    throw e;
  }
}
