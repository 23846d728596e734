// Every name that reaches SMT-LIB is built here. User names are escaped and wrapped in a quoted
// symbol together with a category tag and a `:` separator that no escaped name contains, so a
// kspec name (`and`, `select`, `assert`, `x))(assert false`) can never be read as SMT syntax or
// collide with another category, and the mapping is injective.

const PLAIN_NAME = /^[A-Za-z0-9_.]*$/;
const PLAIN_CHAR = /^[A-Za-z0-9_.]$/;

/** keeps [A-Za-z0-9_.] and writes anything else as %hex; (`%` itself is escaped too) */
export function escapeName(name: string): string {
  // most names need no escape at all (encoding a large spec asks for the same names thousands of times)
  if (PLAIN_NAME.test(name)) return name;
  let out = '';
  for (const ch of name) {
    out += PLAIN_CHAR.test(ch) ? ch : `%${ch.codePointAt(0)!.toString(16)};`;
  }
  return out;
}

/** a quoted SMT-LIB symbol; callers pass only escaped names and fixed tags */
export function quoted(text: string): string {
  return `|${text}|`;
}

export const SYM = {
  record: (q: string) => quoted(`R:${escapeName(q)}`),
  recordCtor: (q: string) => quoted(`R:${escapeName(q)}:mk`),
  recordField: (q: string, field: string) => quoted(`R:${escapeName(q)}:f:${escapeName(field)}`),
  enumSort: (q: string) => quoted(`E:${escapeName(q)}`),
  enumCtor: (q: string, ctor: string) => quoted(`E:${escapeName(q)}:c:${escapeName(ctor)}`),
  enumField: (q: string, ctor: string, field: string) => quoted(`E:${escapeName(q)}:c:${escapeName(ctor)}:${escapeName(field)}`),
  abstractSort: (q: string) => quoted(`A:${escapeName(q)}`),
  constant: (q: string) => quoted(`c:${escapeName(q)}`),
  variable: (state: number, machine: string, name: string) => quoted(`v${state}:${escapeName(machine)}:${escapeName(name)}`),
  defParamVar: (state: number, name: string) => quoted(`p${state}:${escapeName(name)}`),
  def: (q: string) => quoted(`d:${escapeName(q)}`),
  /** `index`: the binder's number within its obligation */
  local: (index: number, name: string) => quoted(`l${index}:${escapeName(name)}`),
  /** `index`: the binder's number within the def whose body binds it */
  defLocal: (index: number, name: string) => quoted(`b${index}:${escapeName(name)}`),
  temp: (n: number) => quoted(`t${n}`),
  /** kspec's String: the SMT String sort, or an uninterpreted sort (see SmtEncoder.render) */
  stringSort: quoted('Str'),
  /** the constant standing for a string literal; its name is the literal's UTF-8 in hex */
  stringConstant: (value: string) => quoted(`str:${Buffer.from(value, 'utf8').toString('hex')}`),
};

/**
 * An SMT-LIB 2.6 string literal. Only printable ASCII other than `"` and `\` is written as is;
 * `"` is doubled and everything else (including `\`, so `\u0041` in a spec stays six characters)
 * becomes a `\u{…}` escape.
 */
export function stringLiteral(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '""';
    else if (code >= 0x20 && code <= 0x7e && ch !== '\\') out += ch;
    else out += `\\u{${code.toString(16)}}`;
  }
  return out + '"';
}

/** The literal of a `stringConstant` symbol (bars included or not), or undefined. */
export function stringOfConstant(symbol: string): string | undefined {
  const m = /^\|?str:([0-9a-f]*)\|?$/.exec(symbol);
  return m ? Buffer.from(m[1]!, 'hex').toString('utf8') : undefined;
}

export function intLiteral(value: bigint): string {
  return value < 0n ? `(- ${-value})` : value.toString();
}
