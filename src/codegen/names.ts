// Every identifier that goes into generated TypeScript is made here. kspec names are
// `[A-Za-z_][A-Za-z0-9_]*` and never contain `$`, so every name kproof adds contains a `$` and
// cannot collide with a user's; a user name that is a JavaScript reserved word, or a global the
// generated code relies on, gets a `$` appended (injective for the same reason).

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await async of get set arguments eval undefined NaN Infinity ' +
    'Object Array Map Set ReadonlyMap ReadonlySet ReadonlyArray BigInt Number String Boolean Symbol Error JSON Math ' +
    'Promise Record Partial Readonly Iterable globalThis any unknown never bigint number string boolean object symbol type ' +
    'declare namespace module require as is keyof infer satisfies readonly abstract constructor'
  ).split(' '),
);

/** a user's name used as a JavaScript identifier */
export function safeIdent(name: string): string {
  return RESERVED.has(name) ? `${name}$` : name;
}

/**
 * A property name in an object literal or type. `__proto__` written as a plain (or quoted) key
 * in an object literal sets the prototype instead of a property, so it is always computed.
 */
export function propKey(name: string): string {
  return name === '__proto__' ? '["__proto__"]' : name;
}

/** reading a property: `.name` is an own-property read for every kspec name once it was set as one */
export function propRead(name: string): string {
  return name === '__proto__' ? '["__proto__"]' : `.${name}`;
}

/** the property of an enum payload field (`kind` is the discriminant) */
export function payloadField(name: string): string {
  return name === 'kind' ? 'kind$' : name;
}

/** a string literal in TypeScript source: JSON's escapes, plus the line separators JSON leaves alone */
export function stringLit(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
