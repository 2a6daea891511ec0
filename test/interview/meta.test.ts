// Meta-test: every fact any rule reads can be asked, with wording from the
// schema meta. Adding a fact and a rule that reads it must be all it takes.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { child, keysAt, kindOf, metaOf, schemaAt } from '../../src/model/introspect';
import { parsePath, type Segment } from '../../src/model/paths';
import { OrgSchema } from '../../src/model/schema';
import { alwaysAsked } from '../../src/interview/plan';

/** Every leaf fact under a read path: a whole list or object read means all of its fields. */
function leaves(segs: Segment[]): Segment[][] {
  const s = schemaAt(segs)!;
  const kind = kindOf(s);
  if (kind === 'object') return keysAt(segs.map((x) => (x === -1 ? 0 : x))).flatMap((k) => leaves([...segs, k]));
  if (kind === 'array' && kindOf(child(s, 0)!) === 'object') return [segs, ...leaves([...segs, -1])];
  return [segs];
}

const read = [...new Set([...rules.flatMap((r) => r.reads), ...alwaysAsked()])].sort();

describe('every fact a rule reads has a question in the schema meta', () => {
  it('the rules read facts at all', () => {
    expect(read.length).toBeGreaterThan(40);
  });

  it.each(read)('%s', (path) => {
    const segs = parsePath(path);
    expect(schemaAt(segs), `${path} is not in the schema`).toBeDefined();
    for (const leaf of leaves(segs)) {
      const s = schemaAt(leaf)!;
      const meta = metaOf(s);
      const name = leaf.map(String).join('.');
      expect(meta.question, `${name} has no question`).toBeTruthy();
      const kind = kindOf(s);
      if (kind === 'enum' || (kind === 'array' && kindOf(child(s, 0)!) === 'enum')) expect(meta.choices, `${name} has no choice labels`).toBeTruthy();
      if (kind === 'array' && kindOf(child(s, 0)!) === 'object') expect(meta.item, `${name} has no item noun for "add another ...?"`).toBeTruthy();
    }
  });
});

describe('askIf meta is consistent', () => {
  const all: { path: Segment[]; on: string; values: readonly unknown[] }[] = [];
  const walk = (segs: Segment[]) => {
    for (const k of keysAt(segs.map((x) => (x === -1 ? 0 : x)))) {
      const p = [...segs, k];
      const s = schemaAt(p)!;
      const m = metaOf(s);
      if (m.askIf) all.push({ path: p, on: m.askIf.fact, values: m.askIf.in });
      const kind = kindOf(s);
      if (kind === 'object') walk(p);
      if (kind === 'array' && kindOf(child(s, 0)!) === 'object') walk([...p, -1]);
    }
  };
  walk([]);

  it('some facts are conditional', () => expect(all.length).toBeGreaterThan(5));

  it.each(all.map((a) => [a.path.map(String).join('.'), a] as const))('%s depends on a sibling fact with valid values', (_n, a) => {
    const sibling = [...a.path.slice(0, -1), a.on];
    const s = schemaAt(sibling);
    expect(s, `${a.on} is not a sibling`).toBeDefined();
    for (const v of a.values) expect(s!.safeParse(v).success, `${String(v)} is not a value of ${a.on}`).toBe(true);
  });

  it('the whole org schema is what the planner walks', () => {
    expect(keysAt([])).toEqual(Object.keys((OrgSchema as unknown as { shape: object }).shape));
  });
});
