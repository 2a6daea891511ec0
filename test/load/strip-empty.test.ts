// stripEmpty with `reuse` (the loader's fast path): the same data as the copy,
// the input never changed, and only the mappings and lists in which something
// was left out made anew (copying every node was most of what loading a
// portfolio of org files allocated).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stripEmpty } from '../../src/load/normalize';

const ROOT = join(import.meta.dirname, '..', '..');
const bundled = ['examples', 'init'].flatMap((d) =>
  readdirSync(join(ROOT, 'templates', d))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join('templates', d, f)),
);

function strip(raw: unknown, reuse: boolean) {
  const unknowns: string[] = [];
  const forbidden: string[] = [];
  const data = stripEmpty(raw, [], unknowns, forbidden, { reuse });
  return { data, unknowns, forbidden };
}

describe('stripEmpty, reusing what does not change', () => {
  it.each(bundled)('%s: the same data, unknowns and refused keys as the copy, the input unchanged', (f) => {
    const raw = load(readFileSync(join(ROOT, f), 'utf8'));
    const before = structuredClone(raw);
    const copied = strip(raw, false);
    const reused = strip(raw, true);
    expect(reused).toEqual(copied);
    expect(JSON.stringify(reused.data)).toBe(JSON.stringify(copied.data));
    expect(raw).toEqual(before);
  });

  it('keeps unchanged mappings and lists as they are, and copies, in key order, only the ones something is left out of', () => {
    const raw = JSON.parse(
      '{"company":{"name":"Acme","employees":120},"people":[{"name":"A","title":""},{"name":"B"}],"notes":{"x":"unknown"},"process":{"stages":["a","b"],"review":"Unknown","owner":null,"cadence":"weekly"}}',
    ) as Record<string, Record<string, unknown>>;
    const before = structuredClone(raw);
    const { data, unknowns } = strip(raw, true) as { data: typeof raw; unknowns: string[] };
    // Nothing left out: the very same objects.
    expect(data.company).toBe(raw.company);
    expect(data.notes).toBe(raw.notes);
    expect((data.people as unknown as unknown[])[1]).toBe((raw.people as unknown as unknown[])[1]);
    expect((data.process as Record<string, unknown>).stages).toBe(raw.process!.stages);
    // Something left out below: new objects, the rest in its order.
    expect(data).not.toBe(raw);
    expect(data.people).not.toBe(raw.people);
    expect((data.people as unknown as unknown[])[0]).toEqual({ name: 'A' });
    expect(data.process).not.toBe(raw.process);
    expect(Object.keys(data.process!)).toEqual(['stages', 'cadence']);
    expect(Object.keys(data)).toEqual(['company', 'people', 'notes', 'process']);
    expect(unknowns).toEqual(['process.review']);
    expect(raw).toEqual(before);
  });

  it('leaves out a key that could reach a prototype, reusing or not', () => {
    const raw = load('a:\n  b: 1\n  __proto__: {polluted: true}\n  constructor: 2\n') as Record<string, unknown>;
    for (const reuse of [false, true]) {
      const { data, forbidden } = strip(raw, reuse) as { data: Record<string, Record<string, unknown>>; forbidden: string[] };
      expect(Object.keys(data.a!)).toEqual(['b']);
      expect(Object.getPrototypeOf(data.a)).toBe(Object.prototype);
      expect(forbidden).toEqual(['a.__proto__', 'a.constructor']);
    }
  });
});
