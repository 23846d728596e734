// Parse error wording: "expected `)` but found `in`". Token labels (set in tokens.ts) already
// carry their backquotes, or read as a phrase ("a name").
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { EOF } from './chevrotain.js';

/** What the parser wanted when no alternative of these rules matched. */
const ruleDescriptions: Readonly<Record<string, string>> = {
  module: 'a declaration',
  declaration: 'a declaration (`enum`, `record`, `type`, `const`, `assume`, `def`, `machine`, `theorem`, `lemma`, `model` or `instance`)',
  machineItem: 'a machine item (`var`, `init`, `action`, `fair` or `def`)',
  actionItem: '`require` or an assignment `x\' = e`',
  operand: 'an expression',
  expression: 'an expression',
  argumentList: 'an expression or `*`',
  type: 'a type',
};

function label(type: TokenType): string {
  return type === EOF ? 'end of file' : (type.LABEL ?? type.name);
}

function describeFound(token: IToken): string {
  if (token.tokenType === EOF) return 'end of file';
  return `\`${token.image}\``;
}

function unique(labels: string[]): string[] {
  return [...new Set(labels)];
}

function oneOf(labels: string[]): string {
  const all = unique(labels);
  if (all.length <= 1) return all[0] ?? 'something else';
  if (all.length > 6) return `one of ${all.slice(0, 6).join(', ')}, ...`;
  return `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`;
}

/** What may come next at the top level of `ruleName`, when something else is there. */
function whatMayFollow(ruleName: string): string {
  return ruleName === 'module' ? 'a declaration' : 'the end of the expression';
}

export const parserErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    // only a top-level rule expects end of file (recovery between its repetitions)
    if (expected === EOF) return `expected ${whatMayFollow(ruleName)} but found ${describeFound(actual)}`;
    return `expected ${label(expected)} but found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    return `expected ${whatMayFollow(ruleName)} but found ${describeFound(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, customUserDescription, ruleName }) {
    const found = actual[0] ? describeFound(actual[0]) : 'end of file';
    const wanted =
      customUserDescription ??
      ruleDescriptions[ruleName] ??
      oneOf(expectedPathsPerAlt.flatMap((paths) => paths.map((path) => (path[0] ? label(path[0]) : 'end of file'))));
    return `expected ${wanted} but found ${found}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, customUserDescription, ruleName }) {
    const found = actual[0] ? describeFound(actual[0]) : 'end of file';
    const wanted =
      customUserDescription ??
      ruleDescriptions[ruleName] ??
      oneOf(expectedIterationPaths.map((path) => (path[0] ? label(path[0]) : 'end of file')));
    return `expected ${wanted} but found ${found}`;
  },
};
