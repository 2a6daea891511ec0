// The fast js-yaml read path must load exactly what the `yaml` library path
// loads (values and positions), and decline what it does not handle so the
// `yaml` path can report it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastParse, unusual, UNUSUAL } from '../../src/load/fast-yaml';
import { slowParse } from '../../src/load/yaml-doc';
import { repeated } from '../helpers/repeated';

const ROOT = join(import.meta.dirname, '..', '..');
const bundled = ['examples', 'init'].flatMap((d) =>
  readdirSync(join(ROOT, 'templates', d))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join('templates', d, f)),
);

function both(text: string) {
  const fast = fastParse(text, 'org.yaml');
  const slow = slowParse(text, 'org.yaml');
  if (!fast) throw new Error('the fast path declined');
  if (!slow.ok) throw new Error('the yaml path failed');
  return { fast, slow };
}
const places = (p: { entries(): Iterable<[string, unknown]> }) => Object.fromEntries(p.entries());

describe('fast YAML path', () => {
  it.each(bundled)('reads %s like the yaml library, positions included', (f) => {
    const { fast, slow } = both(readFileSync(join(ROOT, f), 'utf8'));
    expect(fast.raw).toEqual(slow.raw);
    expect(places(fast.positions)).toEqual(places(slow.positions));
    expect(Object.keys(places(fast.positions)).length).toBeGreaterThan(5);
  });

  it.each(bundled)('%s: each position looked up on its own matches the yaml library', (f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const slow = slowParse(text, 'org.yaml');
    if (!slow.ok) throw new Error('the yaml path failed');
    // A fresh parse for each check, so no lookup is served from an earlier one.
    for (const [path, place] of slow.positions.entries()) expect(fastParse(text, 'org.yaml')!.positions.get(path), path).toEqual(place);
    const fast = fastParse(text, 'org.yaml')!;
    expect(fast.positions.get('no_such_key')).toBeUndefined();
    expect(fast.positions.get('company.name.more')).toBeUndefined();
    expect(fast.positions.locate('company.no_such_key')).toEqual(slow.positions.get('company')?.key);
  });

  // The fast path keeps its parse tree as flat arrays (one entry per node);
  // the `yaml` library's node ranges are the reference every position is checked against.
  it('a 1,000-person org: every path, listed and looked up on its own, is where the yaml library puts it', () => {
    const text = repeated(1000);
    const { fast, slow } = both(text);
    const want = places(slow.positions);
    expect(Object.keys(want).length).toBeGreaterThan(15_000);
    expect(places(fast.positions)).toEqual(want);
    // A fresh parse, so each lookup walks the tree (no listing has filled the map).
    const lookups = fastParse(text, 'org.yaml')!.positions;
    for (const [path, place] of Object.entries(want)) expect(lookups.get(path), path).toEqual(place);
    expect(lookups.get('people[1000]')).toBeUndefined();
    expect(lookups.get('people[-1]')).toBeUndefined();
    // The last person's `- name:` line, counted from the text itself.
    const lines = text.split('\n');
    let last = lines.length - 1;
    while (!lines[last]!.startsWith('  - name: ')) last--;
    expect(lookups.get('people[999].name')?.key).toEqual({ file: 'org.yaml', line: last + 1, column: 5 });
  });

  it('finds a key that holds dots even when an earlier key is a prefix of it (answers: is keyed by fact paths)', () => {
    const text = ['company:', '  name: Acme', 'answers:', '  company:', '    by: alice', '  company.name:', '    by: bob', '    bogus: 1'].join('\n');
    const { fast, slow } = both(text);
    expect(fast.positions.get('answers.company.name.bogus')).toEqual(slow.positions.get('answers.company.name.bogus'));
    expect(fast.positions.get('answers.company.name.bogus')?.key).toMatchObject({ line: 8, column: 5 });
    expect(fast.positions.get('answers.company.by')?.key).toMatchObject({ line: 5, column: 5 });
  });

  it('resolves scalars by YAML 1.2 core rules: dates and yes/on stay text', () => {
    const text = [
      'a:',
      '  d: 2025-09-01',
      '  y: yes',
      '  o: on',
      '  t: True',
      '  n: ~',
      '  e:',
      '  h: 0x1F',
      '  oc: 0o17',
      '  x: 1e3',
      '  u: 1_000',
      '  p: +12',
      '  f: .5',
      '  q: "12"',
      '  l: [1, two, 3.0]',
    ].join('\n');
    const { fast, slow } = both(text);
    expect(fast.raw).toEqual({ a: { d: '2025-09-01', y: 'yes', o: 'on', t: true, n: null, e: null, h: 31, oc: 15, x: 1000, u: '1_000', p: 12, f: 0.5, q: '12', l: [1, 'two', 3] } });
    expect(fast.raw).toEqual(slow.raw);
    expect(places(fast.positions)).toEqual(places(slow.positions));
  });

  it('resolves every core-schema spelling, and near misses of each, as the yaml library does (each type ruled out by its first character first)', () => {
    const spellings = [
      ...['~', 'null', 'Null', 'NULL', 'nULL', 'nul', 'None', 'n', 'N', 'Nulls'],
      ...['true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fALSE', 'Truth', 't', 'F'],
      ...['0', '7', '-12', '+12', '012', '0o17', '0o8', '0x1F', '0x', '0xG', '-0x1', '+0o7', '1_000', '-1-', '+'],
      ...['.5', '-.5', '+.5', '1.', '-1.', '1.5e3', '1e3', '-1E-3', '+1e+3', '1e', '.e3', '.', '..5', '1.2.3'],
      ...['.inf', '.Inf', '.INF', '-.inf', '+.INF', '.iNF', 'inf', '.nan', '.NaN', '.NAN', '-.nan', '.nAN', 'nan'],
      ...['~x', 'x~', '12a', 'a12', '-a', '+true', '.true', '0.5x', 'AE 1', 'weekly'],
    ];
    const text = spellings.map((v, i) => `k${i}: ${v}`).join('\n');
    const { fast, slow } = both(text);
    expect(fast.raw).toEqual(slow.raw);
    // Each kind is reached (the list would prove nothing if every value stayed text).
    const kinds = new Set(Object.values(fast.raw as Record<string, unknown>).map((v) => (v === null ? 'null' : Number.isNaN(v) ? 'nan' : typeof v)));
    expect([...kinds].sort()).toEqual(['boolean', 'nan', 'null', 'number', 'string']);
  });

  it('places empty values, comments and block scalars like the yaml library', () => {
    const text = ['a:', 'b:   # none', 'c: |', '  text', 'd:', '', '  # note', '  e: [1, {f: , g: 2}]', 'h:', '- 1', '-   i: 2'].join('\n');
    const { fast, slow } = both(text);
    expect(places(fast.positions)).toEqual(places(slow.positions));
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a syntax error', 'a:\n  b: 1\n   c: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['an empty list item', 'l:\n  -\n  - 1\n'],
    ['a null key', 'null: 1\n'],
  ])('leaves %s to the yaml library', (_what, text) => {
    expect(fastParse(text, 'org.yaml')).toBeUndefined();
  });

  // unusual() rules a file out by a few plain scans before the expression: it must agree with the expression on every text.
  it('tells unusual text as the expression does, a mark at a line start after any line break included', () => {
    const texts = [
      ...bundled.map((f) => readFileSync(join(ROOT, f), 'utf8')),
      'a: 1\n',
      'a: 50%\n',
      '%YAML 1.2\na: 1\n',
      'a: 1\n%TAG x\n',
      'a: 1\r%TAG x\n',
      'a: 1\u2028%x\n',
      'a: 1\u2029%x\n',
      'a: x&y\n',
      'a: &x 1\n',
      'a: *x\n',
      'a: "*note"\n',
      'a: wow!\n',
      'a: !!str 1\n',
      'a: why?\n',
      '? a\n: 1\n',
      'a: x <y\n',
      'm:\n  <<: *b\n',
      'a:\t1\n',
      '',
    ];
    for (const t of texts) expect(unusual(t), JSON.stringify(t)).toBe(UNUSUAL.test(t));
    expect(texts.filter(unusual).length).toBeGreaterThan(8);
  });
});
