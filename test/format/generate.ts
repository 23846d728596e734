// Random kspec programs for the formatter's laws. Programs are built as text in which every space
// is a "slot"; a second pass fills each slot with a space, line breaks, a block comment or a line
// comment, so layouts and comment positions vary as much as the grammar allows.
import fc from 'fast-check';

const names = ['a', 'b', 'x', 'n', 'done', 'select', 'and', 'constructor', 'items', 'extend'];
const name = fc.constantFrom(...names);
const upper = fc.constantFrom('A', 'B', 'Idle', 'Some', 'None', 'Pod');
const strings = fc.constantFrom('"text"', '"a \\"quoted\\" word\\n"', '"\\u00e9"', '""');

const typeArb: fc.Arbitrary<string> = fc.letrec<{ type: string }>((tie) => ({
  type: fc.oneof(
    { maxDepth: 3, depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('Int', 'Bool', 'String', 'm.T'),
    tie('type').map((t) => `Seq<${t}>`),
    fc.tuple(tie('type'), tie('type')).map(([k, v]) => `Map<${k}, ${v}>`),
    fc.tuple(tie('type'), tie('type')).map(([k, v]) => `(${k}, ${v})`),
    fc.tuple(tie('type'), tie('type')).map(([k, v]) => `${k} -> ${v}`),
  ),
})).type;

const associative = ['&&', '||', '+', '-', '*', '/', '%', '++', '<==>', '==>'];
const nonAssociative = ['==', '!=', '<', '<=', '>', '>=', '~>', 'in', '..'];

/** An expression that can stand as an operand of any operator without parentheses. */
const exprArbs = fc.letrec<{ expr: string; simple: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    name,
    fc.nat({ max: 1000 }).map(String),
    fc.constant('100000000000000000000'),
    strings,
    fc.constantFrom('true', 'false', '[ ]', '{}', 'Map {}', 'None'),
    name.map((n) => `${n}'`),
  ),
  simple: fc.oneof(
    { maxDepth: 3, depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    tie('atom'),
    fc.tuple(fc.constantFrom('!', '-', '<>', '[]'), tie('simple')).map(([op, e]) => (op === '[]' ? `[](${e})` : `${op}${e}`)),
    tie('expr').map((e) => `(${e})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}, ${b})`),
    fc.array(tie('expr'), { minLength: 1, maxLength: 3 }).map((es) => `[${es.join(', ')}]`),
    fc.array(tie('expr'), { minLength: 1, maxLength: 3 }).map((es) => `{${es.join(', ')}}`),
    fc.array(fc.tuple(tie('simple'), tie('expr')), { minLength: 1, maxLength: 3 }).map((es) => `Map {${es.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.tuple(name, fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(name, fc.constantFrom('f', '0', 'len()', 'push(1)')).map(([e, m]) => `${e}.${m}`),
    fc.tuple(name, tie('expr')).map(([s, i]) => `${s}[${i}]`),
    fc.tuple(upper, tie('expr'), tie('expr')).map(([r, f, g]) => `${r} { f: ${f}, g: ${g} }`),
    fc.tuple(name, tie('expr')).map(([r, v]) => `{ ${r} with f: ${v} }`),
    fc.tuple(name, name, tie('expr')).map(([x, s, p]) => `{ ${x} in ${s} where ${p} }`),
    fc.tuple(tie('expr'), name, name).map(([e, x, s]) => `{ ${e} for ${x} in ${s} }`),
    fc.tuple(name, name, tie('expr')).map(([x, s, e]) => `Map { ${x} in ${s} => ${e} }`),
    fc.tuple(tie('expr'), fc.array(fc.tuple(upper, tie('expr')), { minLength: 1, maxLength: 3 })).map(
      ([e, arms]) => `match ${e} { ${arms.map(([c, b]) => `${c}(v) => ${b}`).join(', ')}, _ => 0 }`,
    ),
  ),
  expr: fc.oneof(
    { maxDepth: 3, depthSize: 'small', withCrossShrink: true },
    tie('simple'),
    fc.tuple(tie('simple'), fc.array(fc.tuple(fc.constantFrom(...associative), tie('simple')), { minLength: 1, maxLength: 5 })).map(
      ([first, rest]) => [first, ...rest.map(([op, e]) => `${op} ${e}`)].join(' '),
    ),
    fc.tuple(tie('simple'), fc.constantFrom(...nonAssociative), tie('simple')).map(([a, op, b]) => (op === '..' ? `${a}..${b}` : `${a} ${op} ${b}`)),
    fc.tuple(tie('simple'), upper).map(([e, c]) => `${e} is ${c}`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `if ${c} then ${a} else ${b}`),
    fc.tuple(name, tie('simple'), tie('expr')).map(([x, v, b]) => `let ${x} = ${v} in ${b}`),
    fc.tuple(fc.constantFrom('forall', 'exists'), name, typeArb, tie('expr')).map(([q, x, t, b]) => `${q} ${x}: ${t} :: ${b}`),
    fc.tuple(fc.constantFrom('forall', 'exists'), name, name, tie('expr')).map(([q, x, s, b]) => `${q} ${x}, y in ${s} :: ${b}`),
  ),
}));

export const expr = exprArbs.expr;

const param = fc.tuple(name, typeArb).map(([n, t]) => `${n}: ${t}`);
const params = fc.array(param, { maxLength: 3 }).map((ps) => `(${ps.join(', ')})`);
const itemSeparator = fc.constantFrom('\n', '\n\n', ';', '\n\n\n');

const machineItem = fc.oneof(
  fc.tuple(name, typeArb).map(([n, t]) => `var ${n}: ${t}`),
  expr.map((e) => `init { ${e} }`),
  fc.tuple(name, fc.array(fc.oneof(expr.map((e) => `require ${e}`), fc.tuple(name, expr).map(([x, e]) => `${x}' = ${e}`)), { maxLength: 3 }), itemSeparator).map(
    ([n, items, sep]) => `action ${n}(k: Int in 0..3, j in b) {\n${items.join(sep)}\n}`,
  ),
  fc.tuple(fc.constantFrom('weak', 'strong'), name, fc.constantFrom('', '(*)', '(1, *)')).map(([w, n, a]) => `fair ${w} ${n}${a}`),
  fc.tuple(name, expr).map(([n, e]) => `def ${n}: Bool = ${e}`),
);

const justification = fc.tuple(fc.constantFrom('smt', 'invariant', 'wf1(tick)', 'rank(n - 1, s1)', 'ptl(s1, s2)'), fc.array(name, { maxLength: 3 })).map(
  ([j, using]) => (using.length > 0 ? `${j} using ${using.join(', ')}` : j),
);

const chainSeparator = fc.constantFrom(' ', '\n', '\n\n');

/** `by chain [within C] { J0 ~> W1 by J1 ... }` */
const chain = fc.tuple(fc.option(expr, { nil: undefined }), justification, fc.array(fc.tuple(expr, justification), { maxLength: 3 }), chainSeparator).map(
  ([context, first, waypoints, sep]) =>
    `chain${context === undefined ? '' : ` within ${context}`} {${sep}${[first, ...waypoints.map(([w, j]) => `~> ${w} by ${j}`)].join(sep)}${sep}}`,
);

const proof = fc.oneof(
  justification.map((j) => `proof by ${j}`),
  chain.map((c) => `proof by ${c}`),
  fc.tuple(name, expr, chain, justification).map(([n, e, c, qed]) => `proof {\nhave ${n}: ${e} by ${c}\nqed by ${qed}\n}`),
  fc.tuple(fc.array(fc.tuple(name, expr, justification), { maxLength: 3 }), justification, itemSeparator).map(
    ([steps, qed, sep]) => `proof {\n${[...steps.map(([n, e, j]) => `have ${n}: ${e} by ${j}`), `qed by ${qed}`].join(sep)}\n}`,
  ),
);

const modelItem = fc.oneof(
  fc.tuple(upper, expr).map(([c, e]) => `${c} = ${e}`),
  fc.array(name, { minLength: 1, maxLength: 3 }).map((ns) => `check ${ns.join(', ')}`),
  fc.tuple(name, expr).map(([n, e]) => `check ${n}: ${e}`),
);

const declaration = fc.oneof(
  fc.tuple(name, typeArb).map(([n, t]) => `const ${n}: ${t}`),
  fc.tuple(fc.option(name, { nil: undefined }), expr).map(([n, e]) => (n ? `assume ${n}: ${e}` : `assume ${e}`)),
  fc.tuple(name, fc.option(params, { nil: undefined }), typeArb, fc.option(expr, { nil: undefined }), fc.boolean()).map(
    ([n, ps, t, body, decreases]) => `def ${n}${ps ?? ''}: ${t}${decreases ? ' decreases n - 1' : ''}${body ? ` = ${body}` : ''}`,
  ),
  fc.tuple(upper, fc.option(typeArb, { nil: undefined })).map(([n, t]) => (t ? `type ${n} = ${t}` : `type ${n}`)),
  fc.tuple(upper, fc.array(fc.tuple(upper, fc.option(params, { nil: undefined })), { maxLength: 4 }), fc.constantFrom(', ', ',\n', '\n', '; ')).map(
    ([n, ctors, sep]) => `enum ${n} { ${ctors.map(([c, ps]) => `${c}${ps ?? ''}`).join(sep)} }`,
  ),
  fc.tuple(upper, fc.array(param, { maxLength: 4 }), fc.constantFrom(', ', ',\n', '\n')).map(([n, fields, sep]) => `record ${n} { ${fields.join(sep)} }`),
  fc.tuple(upper, fc.array(machineItem, { maxLength: 5 }), itemSeparator).map(([n, items, sep]) => `machine ${n} {\n${items.join(sep)}\n}`),
  fc.tuple(fc.constantFrom('theorem', 'lemma'), name, fc.option(params, { nil: undefined }), fc.boolean(), expr, fc.option(proof, { nil: undefined })).map(
    ([kw, n, ps, target, e, p]) => `${kw} ${n}${ps ?? ''}: ${target ? 'M |= ' : ''}${e}${p ? `\n${p}` : ''}`,
  ),
  fc.tuple(name, fc.array(modelItem, { maxLength: 3 })).map(([n, items]) => `model ${n} of M {\n${items.join('\n')}\n}`),
  fc.tuple(fc.constantFrom('M', 'cluster.Cluster', 'extend.extend'), fc.array(fc.tuple(name, fc.option(params, { nil: undefined }), expr), { maxLength: 3 }), itemSeparator).map(
    ([m, defs, sep]) => `extend ${m} {\n${defs.map(([n, ps, e]) => `def ${n}${ps ?? ''}: Bool = ${e}`).join(sep)}\n}`,
  ),
  fc.tuple(name, fc.array(fc.oneof(upper.map((t) => `type ${t} = Int`), name.map((d) => `def ${d} = m.g`), fc.tuple(upper, expr).map(([c, e]) => `const ${c} = ${e}`)), { maxLength: 3 })).map(
    ([n, items]) => `instance ${n} = m.generic { ${items.join(', ')} }`,
  ),
);

const program = fc.tuple(fc.array(fc.constantFrom('import temporal', 'import k8s.cluster as cluster'), { maxLength: 2 }), fc.array(declaration, { minLength: 1, maxLength: 4 }), itemSeparator).map(
  ([imports, decls, sep]) => ['module gen.m', ...imports, ...decls].join(sep === ';' ? '\n' : sep),
);

const slotFillings = [
  ' ', ' ', ' ', ' ', '  ', '\n', '\n  ', '\n\n', ' /* c */ ', ' // note\n', '\t',
  ' // kproof-fmt: off\n', ' // kproof-fmt: on\n', '\n// prettier-ignore\n',
];

/**
 * A program with each space between tokens replaced by a random filling (spaces, line breaks,
 * comments). Spaces inside string literals are part of the token and stay.
 */
export const spacedProgram = fc.tuple(program, fc.array(fc.nat({ max: slotFillings.length - 1 }), { minLength: 1, maxLength: 64 })).map(([text, choices]) => {
  let slot = 0;
  return text.replace(/"(?:[^"\\]|\\.)*"| /g, (match) => (match === ' ' ? slotFillings[choices[slot++ % choices.length]!]! : match));
});

/** The same programs, laid out plainly. */
export const plainProgram = program;
