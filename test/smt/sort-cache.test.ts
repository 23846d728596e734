// The per-program sort cache must not change a declaration: registries that share it, in any
// order of registration, declare exactly what a registry computing from scratch declares.
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import type { Program, Type } from '../../src/ir/index.js';
import { SortRegistry } from '../../src/smt/index.js';
import { specFile } from './helper.js';

function program(): Program {
  const checked = checkFiles([
    specFile(`module sortcache
type Name
record Pod { name: Name, labels: Map<String, Int>, owner: Option<Pod> }
enum Tree { Leaf, Node(left: Tree, pod: Pod, right: Tree) }
enum Forest { Empty, Trees(first: Tree, rest: Forest) }
record Cluster { pods: Map<Name, Pod>, forest: Forest, pairs: Set<(Int, Option<Name>)> }
`),
  ]);
  if (!checked.program) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return checked.program;
}

const record = (name: string): Type => ({ kind: 'record', name });
const enumType = (name: string): Type => ({ kind: 'enum', name });

describe('the per-program sort cache', () => {
  it('declares what a registry built from scratch declares, whatever the order', () => {
    const p = program();
    const orders: Type[][] = [
      [record('sortcache.Cluster')],
      [enumType('sortcache.Tree'), record('sortcache.Pod')],
      [record('sortcache.Pod'), enumType('sortcache.Forest'), record('sortcache.Cluster')],
      [{ kind: 'option', elem: enumType('sortcache.Tree') }, enumType('sortcache.Tree')],
    ];
    for (const order of orders) {
      const fromScratch = new SortRegistry(p, true);
      for (const t of order) fromScratch.sort(t);
      const expected = fromScratch.declarations();
      for (const ordered of [order, [...order].reverse()]) {
        const cached = new SortRegistry(p);
        for (const t of ordered) cached.sort(t);
        expect(cached.declarations()).toEqual(expected);
      }
    }
  });

  it('keeps declarations of different sort sets apart', () => {
    const p = program();
    const small = new SortRegistry(p);
    small.sort(enumType('sortcache.Tree'));
    const large = new SortRegistry(p);
    large.sort(record('sortcache.Cluster'));
    expect(large.declarations().length).toBeGreaterThan(small.declarations().length);
    expect(small.declarations().join('\n')).not.toContain('Cluster');
  });
});
