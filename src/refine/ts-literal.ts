// kspec values (read back from a solver model) written as TypeScript literals in the representation
// `kproof codegen` uses, so a counterexample can be pasted into a test.
import type { Program, Type } from '../ir/index.js';
import type { KValue } from '../prove/index.js';
import { isTaggedOption, propKey, stringLit } from '../codegen/index.js';

export interface Literal {
  readonly text: string;
  /** the literal uses `setOf`/`mapOf` from kproof/runtime */
  readonly runtime: ReadonlySet<'setOf' | 'mapOf'>;
  /** some collection in it was not fully determined by the model */
  readonly incomplete: boolean;
}

export function tsLiteral(v: KValue, t: Type, program: Program): Literal {
  const runtime = new Set<'setOf' | 'mapOf'>();
  let incomplete = false;
  const primitive = (x: Type) => x.kind === 'int' || x.kind === 'bool' || x.kind === 'string';
  const go = (x: KValue, type: Type): string => {
    switch (x.kind) {
      case 'bool':
        return String(x.value);
      case 'int':
        return `${x.value}n`;
      case 'string':
        return stringLit(x.value);
      case 'seq':
        return `[${x.elems.map((e) => go(e, type.kind === 'seq' ? type.elem : type)).join(', ')}]`;
      case 'set': {
        incomplete ||= !x.complete;
        const elem = type.kind === 'set' ? type.elem : type;
        const items = `[${x.elems.map((e) => go(e, elem)).join(', ')}]`;
        if (primitive(elem)) return `new Set(${items})`;
        runtime.add('setOf');
        return `setOf(${items})`;
      }
      case 'map': {
        incomplete ||= !x.complete;
        const [kt, vt] = type.kind === 'map' ? [type.key, type.value] : [type, type];
        const items = `[${x.entries.map(([k, val]) => `[${go(k, kt)}, ${go(val, vt)}]`).join(', ')}]`;
        if (primitive(kt)) return `new Map(${items})`;
        runtime.add('mapOf');
        return `mapOf(${items})`;
      }
      case 'option': {
        if (x.value === undefined) return 'undefined';
        const elem = type.kind === 'option' ? type.elem : type;
        const inner = go(x.value, elem);
        return isTaggedOption(elem) ? `{ some: ${inner} }` : inner;
      }
      case 'tuple':
        return `[${x.elems.map((e, i) => go(e, type.kind === 'tuple' ? type.elems[i]! : type)).join(', ')}] as const`;
      case 'record': {
        const decl = program.records.get(x.name);
        return `{ ${x.fields.map(([f, val]) => `${propKey(f)}: ${go(val, decl?.fields.find((d) => d.name === f)?.type ?? type)}`).join(', ')} }`;
      }
      case 'enum': {
        const ctor = program.enums.get(x.name)?.ctors.find((c) => c.name === x.ctor);
        const fields = x.args.map((a, i) => {
          const f = ctor?.fields[i];
          return `${propKey(f?.name === 'kind' ? 'kind$' : (f?.name ?? `_${i}`))}: ${go(a, f?.type ?? type)}`;
        });
        return `{ kind: ${stringLit(x.ctor)}${fields.map((f) => `, ${f}`).join('')} }`;
      }
      case 'opaque':
        incomplete = true;
        return `undefined /* ${x.text.replace(/\*\//g, '* /')} */`;
    }
  };
  const text = go(v, t);
  return { text, runtime, incomplete };
}

/** a value computed by generated code (see codegen's evaluateExprs), as a TypeScript literal */
export function jsLiteral(v: unknown, t: Type, program: Program): Literal {
  const runtime = new Set<'setOf' | 'mapOf'>();
  const primitive = (x: Type) => x.kind === 'int' || x.kind === 'bool' || x.kind === 'string';
  const go = (x: unknown, type: Type): string => {
    switch (type.kind) {
      case 'bool':
        return String(x);
      case 'int':
        return `${String(x)}n`;
      case 'string':
        return stringLit(String(x));
      case 'seq':
        return `[${(x as readonly unknown[]).map((e) => go(e, type.elem)).join(', ')}]`;
      case 'set': {
        const items = `[${[...(x as Iterable<unknown>)].map((e) => go(e, type.elem)).join(', ')}]`;
        if (primitive(type.elem)) return `new Set(${items})`;
        runtime.add('setOf');
        return `setOf(${items})`;
      }
      case 'map': {
        const items = `[${[...(x as Iterable<readonly [unknown, unknown]>)].map(([k, val]) => `[${go(k, type.key)}, ${go(val, type.value)}]`).join(', ')}]`;
        if (primitive(type.key)) return `new Map(${items})`;
        runtime.add('mapOf');
        return `mapOf(${items})`;
      }
      case 'option':
        if (x === undefined) return 'undefined';
        return isTaggedOption(type.elem) ? `{ some: ${go((x as { some: unknown }).some, type.elem)} }` : go(x, type.elem);
      case 'tuple':
        return `[${type.elems.map((e, i) => go((x as readonly unknown[])[i], e)).join(', ')}] as const`;
      case 'record': {
        const fields = program.records.get(type.name)?.fields ?? [];
        return `{ ${fields.map((f) => `${propKey(f.name)}: ${go((x as Record<string, unknown>)[f.name], f.type)}`).join(', ')} }`;
      }
      case 'enum': {
        const value = x as { readonly kind: string } & Record<string, unknown>;
        const ctor = program.enums.get(type.name)?.ctors.find((c) => c.name === value.kind);
        const fields = (ctor?.fields ?? []).map((f) => {
          const key = f.name === 'kind' ? 'kind$' : f.name;
          return `, ${propKey(key)}: ${go(value[key], f.type)}`;
        });
        return `{ kind: ${stringLit(value.kind)}${fields.join('')} }`;
      }
      default:
        return 'undefined /* a value of an abstract type */';
    }
  };
  return { text: go(v, t), runtime, incomplete: false };
}
