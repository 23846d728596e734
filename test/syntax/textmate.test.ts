// The editor grammar (grammar/kspec.tmLanguage.json): loads, every regex compiles, and it knows
// every reserved word of the language (so a new keyword cannot be forgotten in editors).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keywordTokens } from '../../grammar/tokens.js';

interface Rule {
  readonly name?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly include?: string;
  readonly patterns?: readonly Rule[];
  readonly captures?: Readonly<Record<string, { readonly name: string }>>;
}

interface Grammar {
  readonly scopeName: string;
  readonly patterns: readonly Rule[];
  readonly repository: Readonly<Record<string, Rule>>;
}

const grammar = JSON.parse(readFileSync(new URL('../../grammar/kspec.tmLanguage.json', import.meta.url), 'utf8')) as Grammar;

function allRules(rules: readonly Rule[]): Rule[] {
  return rules.flatMap((r) => [r, ...allRules(r.patterns ?? [])]);
}

const rules = allRules([...grammar.patterns, ...Object.values(grammar.repository)]);

/** The scope a `match` rule gives to the whole of `word`, trying rules in the grammar's order. */
function scopeOf(word: string, only?: (r: Rule) => boolean): string | undefined {
  for (const rule of rules) {
    if (!rule.match || !rule.name || (only && !only(rule))) continue;
    const m = new RegExp(rule.match).exec(word);
    if (m && m.index === 0 && m[0] === word) return rule.name;
  }
  return undefined;
}

describe('kspec.tmLanguage.json', () => {
  it('is a TextMate grammar for source.kspec whose includes all resolve', () => {
    expect(grammar.scopeName).toBe('source.kspec');
    for (const rule of rules) {
      if (rule.include) expect(grammar.repository[rule.include.slice(1)], rule.include).toBeDefined();
    }
  });

  it('every regex compiles', () => {
    for (const rule of rules) {
      for (const source of [rule.match, rule.begin, rule.end]) {
        if (source !== undefined) expect(() => new RegExp(source), source).not.toThrow();
      }
    }
  });

  it('has a keyword pattern for each reserved word, matching the whole word only', () => {
    const keywordRules = (r: Rule): boolean => r.name?.startsWith('keyword') === true || r.name?.startsWith('constant.language') === true;
    for (const token of keywordTokens) {
      const word = String(token.PATTERN).slice(1, -1);
      expect(scopeOf(word, keywordRules), word).toBeDefined();
      expect(scopeOf(`${word}x`, keywordRules), `${word}x`).toBeUndefined();
    }
  });

  it('marks justification and predefined names as support, built-in types as types', () => {
    for (const word of ['invariant', 'smt', 'wf1', 'sf1', 'rank', 'stable', 'ptl', 'WF', 'SF', 'enabled', 'Some', 'None']) {
      expect(scopeOf(word), word).toMatch(/^support\.function/);
    }
    for (const word of ['Bool', 'Int', 'String', 'Seq', 'Set', 'Map', 'Option']) {
      expect(scopeOf(word), word).toMatch(/^support\.type/);
    }
  });

  it('names declarations', () => {
    const declarations = grammar.repository['declarations']!.patterns!;
    const named = (text: string): string | undefined => {
      for (const rule of declarations) {
        const m = new RegExp(rule.match!).exec(text);
        if (m) {
          const last = Object.keys(rule.captures!).length;
          return `${rule.captures![String(last)]!.name}=${m[last]}`;
        }
      }
      return undefined;
    };
    expect(named('def inc(x: Int)')).toBe('entity.name.function.kspec=inc');
    expect(named('theorem bounded: Counter |= []p')).toBe('entity.name.function.theorem.kspec=bounded');
    expect(named('  check esr_one: []([]desired(k, 1) ==> <>[]matches(k, 1))')).toBe('entity.name.function.theorem.kspec=esr_one');
    expect(named('  check esr_one, esr_two')).toBeUndefined();
    expect(named('machine Counter {')).toBe('entity.name.type.kspec=Counter');
    expect(named('module examples.counter')).toBe('entity.name.namespace.kspec=examples.counter');
  });

  it('comments, strings and escapes', () => {
    expect(scopeOf('// a comment')).toBe('comment.line.double-slash.kspec');
    const strings = grammar.repository['strings']!.patterns![0]!;
    const [escape, invalid] = strings.patterns!;
    expect(new RegExp(escape!.match!).exec('\\u00e9')?.[0]).toBe('\\u00e9');
    expect(new RegExp(escape!.match!).test('\\q')).toBe(false);
    expect(new RegExp(invalid!.match!).test('\\q')).toBe(true);
  });
});
