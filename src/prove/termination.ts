// Termination of recursive defs. A recursive def is a define-fun-rec, and a definition that does
// not terminate (`f(x) = f(x) + 1`) would be an inconsistent axiom that proves anything. So every
// theorem whose obligations use a recursive group also needs, for each recursive call site, under
// the conditions that lead to it: `0 <= decreases(params)` and `decreases(args) < decreases(params)`.
// In these obligations the group's defs are uninterpreted, so nothing assumes what is being shown.
import { exprChildren, type DefDecl, type Expr, type Program, type QName } from '../ir/index.js';
import { SmtEncoder, Unencodable, type Env } from '../smt/index.js';
import type { Span } from '../diagnostics/index.js';
import { sha256 } from './obligations.js';
import type { Blocker, Obligation } from './types.js';

/** one condition on the path to a call; encoded lazily, in the obligation's encoder */
type PathItem = (enc: SmtEncoder, env: Env) => string;

interface CallSite {
  readonly call: Extract<Expr, { kind: 'call' }>;
  readonly path: readonly PathItem[];
  /** binders between the def body and the call: free in the obligation */
  readonly bound: readonly Extract<Expr, { kind: 'let' }>['binder'][];
}

function callSites(body: Expr, group: ReadonlySet<QName>): CallSite[] {
  const sites: CallSite[] = [];
  type Bound = CallSite['bound'];
  const walk = (e: Expr, path: readonly PathItem[], bound: Bound): void => {
    const holds = (c: Expr): PathItem => (enc, env) => enc.expr(c, env);
    const fails = (c: Expr): PathItem => (enc, env) => `(not ${enc.expr(c, env)})`;
    switch (e.kind) {
      case 'call':
        if (group.has(e.def)) sites.push({ call: e, path, bound });
        for (const a of e.args) walk(a, path, bound);
        return;
      case 'if':
        walk(e.cond, path, bound);
        walk(e.then, [...path, holds(e.cond)], bound);
        walk(e.else, [...path, fails(e.cond)], bound);
        return;
      case 'logic':
        walk(e.left, path, bound);
        if (e.op === '&&' || e.op === '==>') walk(e.right, [...path, holds(e.left)], bound);
        else if (e.op === '||') walk(e.right, [...path, fails(e.left)], bound);
        else walk(e.right, path, bound);
        return;
      case 'let':
        walk(e.value, path, bound);
        walk(e.body, [...path, (enc, env) => `(= ${enc.freeLocal(e.binder)} ${enc.expr(e.value, env)})`], [...bound, e.binder]);
        return;
      case 'match': {
        walk(e.scrutinee, path, bound);
        const t = e.scrutinee.type;
        const earlier: PathItem[] = [];
        for (const arm of e.arms) {
          const armPath: PathItem[] = [...path, ...earlier];
          const armBound = [...bound];
          if (arm.ctor !== undefined) {
            const ctor = arm.ctor;
            armPath.push((enc, env) => enc.ctorTest(t, ctor, enc.expr(e.scrutinee, env), arm.span));
            arm.binders.forEach((b, i) => {
              if (!b) return;
              armBound.push(b);
              armPath.push((enc, env) => `(= ${enc.freeLocal(b)} ${enc.ctorField(t, ctor, i, enc.expr(e.scrutinee, env), arm.span)})`);
            });
            earlier.push((enc, env) => `(not ${enc.ctorTest(t, ctor, enc.expr(e.scrutinee, env), arm.span)})`);
          }
          walk(arm.body, armPath, armBound);
          if (arm.ctor === undefined) break;
        }
        return;
      }
      case 'quant':
      case 'setFilter':
      case 'setImage':
      case 'mapComp': {
        const domain = e.kind === 'quant' ? e.domain : e.kind === 'mapComp' ? e.domain : e.source;
        if (domain) walk(domain, path, bound);
        const inner = e.kind === 'setFilter' ? e.pred : e.body;
        const b = e.binder;
        const member: PathItem[] = domain ? [(enc, env) => enc.memberOf(domain, enc.freeLocal(b), env)] : [];
        walk(inner, [...path, ...member], [...bound, b]);
        return;
      }
      default:
        for (const c of exprChildren(e)) walk(c, path, bound);
    }
  };
  walk(body, [], []);
  return sites;
}

export interface TerminationPlan {
  readonly obligations: readonly Obligation[];
  readonly blockers: readonly Blocker[];
}

export function planTermination(program: Program, group: readonly QName[]): TerminationPlan {
  const members = new Set(group);
  const obligations: Obligation[] = [];
  const blockers: Blocker[] = [];
  for (const q of group) {
    const def = program.defs.get(q);
    if (!def?.body) continue;
    if (!def.decreases || def.decreases.type.kind !== 'int') {
      blockers.push({ status: 'error', code: 'KSP108', message: `recursive def \`${q}\` needs an Int \`decreases\` measure`, span: def.span });
      continue;
    }
    callSites(def.body, members).forEach((site, i) => {
      const built = buildSite(program, def, site, members);
      if (!('smt' in built)) {
        blockers.push({ status: 'not proved', code: 'KSP104', message: built.message, span: built.span });
        return;
      }
      const premise = `termination of ${q} (call ${i + 1})`;
      obligations.push({
        id: `${q} / ${premise}`,
        origin: { theorem: q, premise },
        span: site.call.span,
        goal: `the \`decreases\` measure of \`${q}\` is >= 0 and goes down at this recursive call`,
        formulaSpan: def.decreases!.span,
        smt: built.smt,
        hash: sha256(built.smt),
        reading: { kind: 'constants', params: [], witnesses: def.params.map((binder) => ({ binder, symbol: built.encoder.binder(binder) })), relevant: [] },
      });
    });
  }
  return { obligations, blockers };
}

function buildSite(program: Program, def: DefDecl, site: CallSite, group: ReadonlySet<QName>): { smt: string; encoder: SmtEncoder } | { message: string; span: Span } {
  const enc = new SmtEncoder(program, group);
  const env: Env = def.machine ? { state: 0, polarity: 'both', defMachine: def.machine } : { state: 0, polarity: 'both' };
  try {
    for (const p of def.params) enc.freeLocal(p);
    for (const b of site.bound) enc.freeLocal(b);
    if (def.machine) {
      const machine = program.machines.get(def.machine);
      if (machine) enc.freeDefState(machine, def.level === 'action' ? 2 : 1);
    }
    const callee = program.defs.get(site.call.def)!;
    if (!callee.decreases) return { message: `recursive def \`${callee.name}\` needs a \`decreases\` measure`, span: callee.span };
    const measure = enc.expr(def.decreases!, env);
    const bindings = callee.params.map((p, i) => `(${enc.freeLocal(p)} ${enc.expr(site.call.args[i]!, env)})`);
    const next = bindings.length === 0 ? enc.expr(callee.decreases, env) : `(let (${bindings.join(' ')}) ${enc.expr(callee.decreases, env)})`;
    const path = site.path.map((item) => item(enc, env));
    return { smt: enc.render([...path, `(not (and (<= 0 ${measure}) (< ${next} ${measure})))`]), encoder: enc };
  } catch (e) {
    if (e instanceof Unencodable) return { message: e.message, span: e.span };
    throw e;
  }
}
