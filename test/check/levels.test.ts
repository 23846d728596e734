// Where primes, actions and temporal operators may appear.
import { describe, expect, it } from 'vitest';
import { checkSources, describe as show } from './helpers.js';

const MACHINE = (body: string, extra = '') => `module t\nconst C: Int\n${extra}machine M {\n  var x: Int\n  var s: Set<Int>\n  action a(k: Int in 0..3) { x' = k }\n${body}\n}\n`;

function codes(src: string): string[] {
  return checkSources(src).diagnostics.map((d) => d.code);
}

describe('levels: rejected', () => {
  const cases: [string, string, string][] = [
    ['a prime in an assume', "module t\nconst C: Int\nassume C' > 0\n", 'KSP047'],
    ['a prime in a constant-level def', "module t\nconst C: Int\ndef f: Int = C'\n", 'KSP047'],
    ['a prime in a state-level machine def', MACHINE("  def d: Bool = x' > x"), 'KSP047'],
    ['a prime in a guard', MACHINE("  action b { require x' > 0 }"), 'KSP047'],
    ['a prime in an assignment', MACHINE("  action b { x' = x' }"), 'KSP047'],
    ['a prime in an action parameter domain', MACHINE("  action b(j: Int in {x'}) { x' = j }"), 'KSP047'],
    ['a prime in a fairness argument', MACHINE("  fair weak a(x')"), 'KSP047'],
    ['a double prime', MACHINE('', "theorem th: M |= [](x'' == x)\n"), 'KSP047'],
    ['always in a guard', MACHINE('  action b { require [](x > 0) }'), 'KSP048'],
    ['leads-to in an assignment', MACHINE("  action b { s' = if x ~> x then {} else s }"), 'KSP048'],
    ['WF in a Bool def', MACHINE('  def d: Bool = WF(a(*))'), 'KSP048'],
    ['eventually in an Action def', MACHINE('  def d: Action = <>(x > 0)'), 'KSP048'],
    ['an action as a guard', MACHINE('  action b { require a(1) }'), 'KSP049'],
    ['an Action def in init', MACHINE("  def moved: Action = x' > x\n  init { moved }"), 'KSP049'],
    ['a Formula def in a Pred def', MACHINE('  def f: Formula = [](x > 0)\n  def p: Pred = f'), 'KSP048'],
    ['a temporal argument to a Bool parameter', "module t\ndef both(p: Bool): Bool = p\nmachine M { var x: Int }\ntheorem th: M |= both([](x > 0))\n", 'KSP049'],
    ['a primed Action parameter', "module t\nlemma l(a: Action): a' ==> a\n", 'KSP049'],
    ['enabled of a state predicate', MACHINE('', 'theorem th: M |= enabled(x > 0)\n'), 'KSP050'],
    ['WF of an action of no machine in scope', "module t\nmachine M { action a { } }\ntheorem th: WF(a)\n", 'KSP020'],
  ];
  for (const [what, src, code] of cases) {
    it(what, () => {
      expect(codes(src), checkSources(src).diagnostics.map(show).join('\n')).toContain(code);
    });
  }
});

describe('levels: accepted', () => {
  const cases: [string, string][] = [
    ['primes and actions in theorems', MACHINE('', "theorem th: M |= [](a(1) ==> x' == 1) && [](x' >= 0 || a(*))\n")],
    ['enabled in a guard and in a state def', MACHINE('  def ready: Bool = enabled(a(*))\n  action b { require enabled(a(2)) && ready }')],
    ['a prime of a machine def call', MACHINE('  def double: Int = x * 2', "theorem th: M |= [](double' >= 0)\n")],
    ['temporal operators in a Formula def', MACHINE('  def live: Formula = WF(a(*)) ==> <>[](x > 0) && (x > 0 ~> x > 1)')],
    ['Pred, Action and Formula parameters', "module t\nlemma l(p: Pred, a: Action, f: Formula): [](p && a ==> p') && f ==> SF(a) || enabled(a)\n"],
    ['constants anywhere', MACHINE("  action b { require x < C\n x' = C }", "assume C > 0\ntheorem th: M |= C' == C\n")],
  ];
  for (const [what, src] of cases) {
    it(what, () => {
      expect(checkSources(src).diagnostics.map(show)).toEqual([]);
    });
  }
});
