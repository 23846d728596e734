// A reader for the S-expressions Z3 prints (models): lists, symbols (|quoted| ones unquoted),
// numerals, and string literals (with `""` and `\u{…}` decoded).
export type Sx = { readonly t: 'sym'; readonly v: string } | { readonly t: 'num'; readonly v: bigint } | { readonly t: 'str'; readonly v: string } | readonly Sx[];

export function isList(x: Sx): x is readonly Sx[] {
  return Array.isArray(x);
}

export function symbolOf(x: Sx | undefined): string | undefined {
  return x !== undefined && !isList(x) && x.t === 'sym' ? x.v : undefined;
}

function decodeString(raw: string): string {
  return raw.replace(/""/g, '"').replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})/g, (_, a: string | undefined, b: string | undefined) =>
    String.fromCodePoint(parseInt(a ?? b ?? '0', 16)),
  );
}

/** all top-level expressions of `text`; unbalanced input yields what could be read */
export function parseSexps(text: string): Sx[] {
  const stack: Sx[][] = [[]];
  let i = 0;
  const push = (x: Sx) => stack[stack.length - 1]!.push(x);
  while (i < text.length) {
    const c = text[i]!;
    if (c === '(') {
      stack.push([]);
      i++;
    } else if (c === ')') {
      const done = stack.pop()!;
      if (stack.length === 0) stack.push([]);
      push(done);
      i++;
    } else if (c === ';') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '|') {
      const end = text.indexOf('|', i + 1);
      const stop = end < 0 ? text.length : end;
      push({ t: 'sym', v: text.slice(i + 1, stop) });
      i = stop + 1;
    } else if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            raw += '""';
            j += 2;
            continue;
          }
          break;
        }
        raw += text[j];
        j++;
      }
      push({ t: 'str', v: decodeString(raw) });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s()|";]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      push(/^\d+$/.test(word) ? { t: 'num', v: BigInt(word) } : { t: 'sym', v: word });
      i = j;
    }
  }
  while (stack.length > 1) {
    const done = stack.pop()!;
    stack[stack.length - 1]!.push(done);
  }
  return stack[0]!;
}

export function printSx(x: Sx): string {
  if (isList(x)) return `(${x.map(printSx).join(' ')})`;
  if (x.t === 'num') return x.v.toString();
  if (x.t === 'str') return JSON.stringify(x.v);
  return /^[A-Za-z0-9_.!@$%^&*+\-=<>?/~]+$/.test(x.v) ? x.v : `|${x.v}|`;
}
