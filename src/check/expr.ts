// The expression checker: AST expression → typed IR expression, bidirectionally. `expected`
// flows down (so `{}`, `[]`, `None` get their type from context) and each result is checked
// against it once, at the offending sub-expression. Levels are computed bottom-up; a construct
// that raises the level (prime, temporal operator, action, call of a higher-level def) is
// checked against the context's limit where it is written.
import type * as A from '../syntax/ast.js';
import type { Span } from '../diagnostics/index.js';
import { BOOL, INT, LEVEL_ORDER, type Expr, type Level, type Type } from '../ir/index.js';
import type { ModuleChecker } from './module.js';
import { withLocal, type Ctx } from './scope.js';
import { ERROR_TYPE, compatible, exceeds, isError, join, levelWord, maxLevel, show, showApart } from './typing.js';
import { needsContext } from './context-free.js';
import { derivedPosition } from './units.js';
import { checkCall, checkMember, checkName } from './expr-names.js';
import { checkComprehension, checkIndex, checkCollectionLiteral } from './expr-collections.js';
import { checkIs, checkMatch } from './expr-match.js';
import { checkRecord, checkWith } from './expr-records.js';

export class ExprChecker {
  constructor(readonly mc: ModuleChecker) {}

  get diags() {
    return this.mc.diags;
  }

  /**
   * Records a finished node. Each node is one literal with all its fields (`id` from
   * `mc.ids.fresh()`): fields added to an object after it is built live in a second object.
   */
  mk(e: Expr): Expr {
    this.mc.symbols.expr(e);
    return e;
  }

  /** A placeholder for an expression that has already been reported. */
  errorNode(span: Span, type: Type = ERROR_TYPE): Expr {
    return this.mk({ kind: 'bool', value: false, id: this.mc.ids.fresh(), span, type, level: 'constant' });
  }

  level(...es: readonly (Expr | undefined)[]): Level {
    let l: Level = 'constant';
    for (const e of es) if (e) l = maxLevel(l, e.level);
    return l;
  }

  /** Reports `what` (written at `span`) when its level is above what the context allows. */
  limit(ctx: Ctx, level: Level, span: Span, what: string): void {
    if (!exceeds(level, ctx.maxLevel)) return;
    if (level === 'temporal') {
      this.diags.error('KSP048', `${what} is a temporal formula; ${ctx.where} allows only ${levelWord(ctx.maxLevel)} expressions`, span);
    } else {
      this.diags.error('KSP049', `${what} is ${levelWord(level)}; ${ctx.where} allows only ${levelWord(ctx.maxLevel)} expressions`, span);
    }
  }

  mismatch(expected: Type, found: Type, span: Span, context = ''): void {
    const [shownExpected, shownFound] = showApart(expected, found, this.mc.name);
    this.diags.error('KSP040', `expected ${shownExpected}${context}, found ${shownFound}`, span);
  }

  check(e: A.Expr, ctx: Ctx, expected?: Type): Expr {
    const r = this.infer(e, ctx, expected);
    if (expected && !compatible(r.type, expected)) {
      this.mismatch(expected, r.type, e.span);
      return { ...r, type: ERROR_TYPE };
    }
    return r;
  }

  /** Checks both operands so they have one type; the one that needs context is checked second. */
  pair(l: A.Expr, r: A.Expr, ctx: Ctx): [Expr, Expr] {
    if (needsContext(l) && !needsContext(r)) {
      const right = this.infer(r, ctx);
      return [this.check(l, ctx, right.type), right];
    }
    const left = this.infer(l, ctx);
    return [left, this.check(r, ctx, left.type)];
  }

  infer(e: A.Expr, ctx: Ctx, expected?: Type): Expr {
    switch (e.kind) {
      case 'bool':
        return this.mk({ kind: 'bool', value: e.value, id: this.mc.ids.fresh(), span: e.span, type: BOOL, level: 'constant' });
      case 'int':
        return this.mk({ kind: 'int', value: e.value, id: this.mc.ids.fresh(), span: e.span, type: INT, level: 'constant' });
      case 'string':
        return this.mk({ kind: 'string', value: e.value, id: this.mc.ids.fresh(), span: e.span, type: { kind: 'string' }, level: 'constant' });
      case 'paren':
        return this.infer(e.inner, ctx, expected);
      case 'name':
        return checkName(this, e.name, ctx, expected);
      case 'member':
        return checkMember(this, e, ctx);
      case 'call':
        return checkCall(this, e, ctx, expected);
      case 'index':
        return checkIndex(this, e, ctx);
      case 'prime':
        return this.prime(e, ctx);
      case 'unary':
        return this.unary(e, ctx);
      case 'binary':
        return this.binary(e, ctx);
      case 'is':
        return checkIs(this, e, ctx);
      case 'tuple':
        return this.tuple(e, ctx, expected);
      case 'seq':
      case 'set':
      case 'map':
        return checkCollectionLiteral(this, e, ctx, expected);
      case 'setFilter':
      case 'setImage':
      case 'mapComp':
        return checkComprehension(this, e, ctx, expected);
      case 'record':
        return checkRecord(this, e, ctx);
      case 'with':
        return checkWith(this, e, ctx);
      case 'if':
        return this.ifThenElse(e, ctx, expected);
      case 'let':
        return this.letIn(e, ctx, expected);
      case 'match':
        return checkMatch(this, e, ctx, expected);
      case 'quant':
        return this.quant(e, ctx);
      case 'wildcardArg':
        this.diags.error('KSP051', '`*` stands for every value of an action parameter; it is only allowed as an argument of an action', e.span);
        return this.errorNode(e.span);
    }
  }

  private prime(e: Extract<A.Expr, { kind: 'prime' }>, ctx: Ctx): Expr {
    const mark: Span = {
      file: e.span.file,
      start: derivedPosition(this.mc, e.span.end, -1),
      end: e.span.end,
    };
    if (exceeds('action', ctx.maxLevel)) {
      this.diags.error('KSP047', `a prime (the next state) is not allowed in ${ctx.where}: there is no next state there`, mark);
    }
    const innerMax: Level = LEVEL_ORDER[ctx.maxLevel] < LEVEL_ORDER.state ? ctx.maxLevel : 'state';
    const arg = this.infer(e.target, { ...ctx, maxLevel: innerMax, where: 'a primed expression' });
    return this.mk({ kind: 'prime', arg, id: this.mc.ids.fresh(), span: e.span, type: arg.type, level: 'action' });
  }

  private unary(e: Extract<A.Expr, { kind: 'unary' }>, ctx: Ctx): Expr {
    switch (e.op) {
      case '!': {
        const arg = this.check(e.arg, ctx, BOOL);
        return this.mk({ kind: 'not', arg, id: this.mc.ids.fresh(), span: e.span, type: BOOL, level: arg.level });
      }
      case '-': {
        const arg = this.check(e.arg, ctx, INT);
        return this.mk({ kind: 'neg', arg, id: this.mc.ids.fresh(), span: e.span, type: INT, level: arg.level });
      }
      case '[]':
      case '<>': {
        this.limit(ctx, 'temporal', e.opSpan, `\`${e.op}\``);
        const arg = this.check(e.arg, ctx, BOOL);
        return this.mk({ kind: e.op === '[]' ? 'always' : 'eventually', arg, id: this.mc.ids.fresh(), span: e.span, type: BOOL, level: 'temporal' });
      }
    }
  }

  private binary(e: Extract<A.Expr, { kind: 'binary' }>, ctx: Ctx): Expr {
    switch (e.op) {
      case '&&':
      case '||':
      case '==>':
      case '<==>': {
        const left = this.check(e.left, ctx, BOOL);
        const right = this.check(e.right, ctx, BOOL);
        return this.mk({ kind: 'logic', op: e.op, left, right, id: this.mc.ids.fresh(), span: e.span, type: BOOL, level: this.level(left, right) });
      }
      case '~>': {
        this.limit(ctx, 'temporal', e.opSpan, '`~>`');
        const left = this.check(e.left, ctx, BOOL);
        const right = this.check(e.right, ctx, BOOL);
        return this.mk({ kind: 'leadsTo', left, right, id: this.mc.ids.fresh(), span: e.span, type: BOOL, level: 'temporal' });
      }
      case '==':
      case '!=': {
        const [left, right] = this.pair(e.left, e.right, ctx);
        const eq = this.mk({ kind: 'eq', left, right, id: this.mc.ids.fresh(), span: e.span, type: BOOL, level: this.level(left, right) });
        return e.op === '==' ? eq : this.mk({ kind: 'not', arg: eq, id: this.mc.ids.fresh(), span: e.span, type: BOOL, level: eq.level });
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const left = this.check(e.left, ctx, INT);
        const right = this.check(e.right, ctx, INT);
        return this.mk({ kind: 'compare', op: e.op, left, right, id: this.mc.ids.fresh(), span: e.span, type: BOOL, level: this.level(left, right) });
      }
      case '+':
      case '-':
      case '*':
      case '/':
      case '%': {
        const left = this.check(e.left, ctx, INT);
        const right = this.check(e.right, ctx, INT);
        return this.mk({ kind: 'arith', op: e.op, left, right, id: this.mc.ids.fresh(), span: e.span, type: INT, level: this.level(left, right) });
      }
      case '..': {
        const left = this.check(e.left, ctx, INT);
        const right = this.check(e.right, ctx, INT);
        return this.mk({ kind: 'builtin', op: 'set.range', args: [left, right], id: this.mc.ids.fresh(), span: e.span, type: { kind: 'set', elem: INT }, level: this.level(left, right) });
      }
      case '++':
        return this.concat(e, ctx);
      case 'in':
        return this.membership(e, ctx);
    }
  }

  private concat(e: Extract<A.Expr, { kind: 'binary' }>, ctx: Ctx): Expr {
    const [left, right] = this.pair(e.left, e.right, ctx);
    const t = join(left.type, right.type);
    const level = this.level(left, right);
    if (t.kind === 'seq') return this.mk({ kind: 'builtin', op: 'seq.concat', args: [left, right], id: this.mc.ids.fresh(), span: e.span, type: t, level });
    if (t.kind === 'string') return this.mk({ kind: 'builtin', op: 'string.concat', args: [left, right], id: this.mc.ids.fresh(), span: e.span, type: t, level });
    if (!isError(t)) {
      const hint = t.kind === 'set' ? '; did you mean `.union(...)`?' : '';
      this.diags.error('KSP043', `\`++\` is not defined on ${show(t)}; it concatenates sequences and strings${hint}`, e.opSpan);
    }
    return this.errorNode(e.span);
  }

  private membership(e: Extract<A.Expr, { kind: 'binary' }>, ctx: Ctx): Expr {
    let elem: Expr;
    let coll: Expr;
    if (needsContext(e.right) && !needsContext(e.left)) {
      elem = this.infer(e.left, ctx);
      coll = this.check(e.right, ctx, isError(elem.type) ? ERROR_TYPE : { kind: 'set', elem: elem.type });
    } else {
      coll = this.infer(e.right, ctx);
      const t = coll.type;
      const want = t.kind === 'set' || t.kind === 'seq' ? t.elem : t.kind === 'map' ? t.key : undefined;
      elem = want ? this.check(e.left, ctx, want) : this.infer(e.left, ctx);
    }
    const t = coll.type;
    const level = this.level(elem, coll);
    if (t.kind === 'set') return this.mk({ kind: 'builtin', op: 'set.in', args: [elem, coll], id: this.mc.ids.fresh(), span: e.span, type: BOOL, level });
    if (t.kind === 'map') return this.mk({ kind: 'builtin', op: 'map.in', args: [elem, coll], id: this.mc.ids.fresh(), span: e.span, type: BOOL, level });
    if (t.kind === 'seq') return this.mk({ kind: 'builtin', op: 'seq.contains', args: [coll, elem], id: this.mc.ids.fresh(), span: e.span, type: BOOL, level });
    if (!isError(t)) this.diags.error('KSP043', `\`in\` is not defined on ${show(t)}; it needs a Set, a Map or a Seq`, e.right.span);
    return this.errorNode(e.span, BOOL);
  }

  private tuple(e: Extract<A.Expr, { kind: 'tuple' }>, ctx: Ctx, expected?: Type): Expr {
    const want = expected?.kind === 'tuple' && expected.elems.length === e.elems.length ? expected.elems : undefined;
    const elems = e.elems.map((x, i) => (want ? this.check(x, ctx, want[i]) : this.infer(x, ctx)));
    return this.mk({ kind: 'tuple', elems, id: this.mc.ids.fresh(), span: e.span, type: { kind: 'tuple', elems: elems.map((x) => x.type) }, level: this.level(...elems) });
  }

  private ifThenElse(e: Extract<A.Expr, { kind: 'if' }>, ctx: Ctx, expected?: Type): Expr {
    const cond = this.check(e.cond, ctx, BOOL);
    let then: Expr;
    let otherwise: Expr;
    if (expected) {
      then = this.check(e.then, ctx, expected);
      otherwise = this.check(e.else, ctx, expected);
    } else if (needsContext(e.then) && !needsContext(e.else)) {
      otherwise = this.infer(e.else, ctx);
      then = this.check(e.then, ctx, otherwise.type);
    } else {
      then = this.infer(e.then, ctx);
      otherwise = this.check(e.else, ctx, then.type);
    }
    return this.mk({ kind: 'if', cond, then, else: otherwise, id: this.mc.ids.fresh(), span: e.span, type: join(then.type, otherwise.type), level: this.level(cond, then, otherwise) });
  }

  private letIn(e: Extract<A.Expr, { kind: 'let' }>, ctx: Ctx, expected?: Type): Expr {
    const declared = e.type ? this.mc.resolveType(e.type) : undefined;
    const value = declared ? this.check(e.value, ctx, declared) : this.infer(e.value, ctx);
    const binder = this.mc.binder(e.name, declared ?? value.type);
    const body = this.infer(e.body, withLocal(ctx, binder), expected);
    return this.mk({ kind: 'let', binder, value, body, id: this.mc.ids.fresh(), span: e.span, type: body.type, level: this.level(value, body) });
  }

  private quant(e: Extract<A.Expr, { kind: 'quant' }>, ctx: Ctx): Expr {
    const go = (i: number, inner: Ctx): Expr => {
      if (i === e.binders.length) return this.check(e.body, inner, BOOL);
      const b = e.binders[i]!;
      const { binder, domain } = this.binderWithDomain(b, inner, true);
      const body = go(i + 1, withLocal(inner, binder));
      const span: Span = i === 0 ? e.span : { file: e.span.file, start: b.span.start, end: e.span.end };
      const level = this.level(domain, body);
      return this.mk(
        domain
          ? { kind: 'quant', quantifier: e.quantifier, binder, domain, body, id: this.mc.ids.fresh(), span, type: BOOL, level }
          : { kind: 'quant', quantifier: e.quantifier, binder, body, id: this.mc.ids.fresh(), span, type: BOOL, level },
      );
    };
    return go(0, ctx);
  }

  /** `x: T`, `x in S` or `x: T in S`: the binder's type is T, or the element type of S. */
  binderWithDomain(b: A.Binder, ctx: Ctx, allowSeq: boolean): { binder: ReturnType<ModuleChecker['binder']>; domain?: Expr } {
    const declared = b.type ? this.mc.resolveType(b.type) : undefined;
    let domain: Expr | undefined;
    let elem: Type | undefined;
    if (b.domain) {
      domain = declared && needsContext(b.domain) ? this.check(b.domain, ctx, { kind: 'set', elem: declared }) : this.infer(b.domain, ctx);
      const t = domain.type;
      if (t.kind === 'set' || (allowSeq && t.kind === 'seq')) elem = t.elem;
      else if (isError(t)) elem = ERROR_TYPE;
      else {
        const hint = t.kind === 'map' ? '; range over its keys with `.keys()`' : '';
        this.diags.error('KSP040', `expected a Set${allowSeq ? ' or a Seq' : ''} to range over, found ${show(t)}${hint}`, b.domain.span);
        elem = ERROR_TYPE;
      }
      if (declared && !compatible(declared, elem)) {
        this.diags.error('KSP040', `expected Set<${show(declared)}>${allowSeq ? ` or Seq<${show(declared)}>` : ''} (the declared type of \`${b.name.text}\`), found ${show(t)}`, b.domain.span);
      }
    } else if (!declared) {
      this.diags.error('KSP055', `\`${b.name.text}\` needs a type (\`${b.name.text}: T\`) or a domain (\`${b.name.text} in S\`)`, b.name.span);
    }
    const binder = this.mc.binder(b.name, declared ?? elem ?? ERROR_TYPE);
    return domain ? { binder, domain } : { binder };
  }
}
