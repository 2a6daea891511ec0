// The CLI bundles js-yaml with two allocations moved (scripts/js-yaml-patch.mjs).
// The patched module must read every document exactly as the published one:
// the same values, the same errors, and the same parser state at each node
// (the positions the fast path takes from js-yaml's listener).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script (plain ES module, no declarations)
import { patchJsYaml } from '../../scripts/js-yaml-patch.mjs';

type JsYaml = typeof import('js-yaml');
const ROOT = join(import.meta.dirname, '..', '..');
const source = readFileSync(
  createRequire(join(ROOT, 'package.json'))
    .resolve('js-yaml')
    .replace(/index\.js$/, 'dist/js-yaml.mjs'),
  'utf8',
);
let dir: string;
let published: JsYaml;
let patched: JsYaml;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'js-yaml-patch-'));
  // Without the source map comment: the map is not beside the copies (Vitest would try to read it).
  const unmapped = (text: string) => text.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  writeFileSync(join(dir, 'published.mjs'), unmapped(source));
  writeFileSync(join(dir, 'patched.mjs'), unmapped(patchJsYaml(source)));
  published = await import(pathToFileURL(join(dir, 'published.mjs')).href);
  patched = await import(pathToFileURL(join(dir, 'patched.mjs')).href);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundled = ['examples', 'init'].flatMap((d) =>
  readdirSync(join(ROOT, 'templates', d))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(ROOT, 'templates', d, f), 'utf8')),
);
// What the fast path declines but js-yaml reads: tags, anchors and aliases, merge keys, explicit keys, flow collections, directives.
const unusual = [
  'a: !!str 12\nb: !!int "7"\nc: ! plain\n',
  'base: &b {x: 1, y: [1, 2]}\ncopy: *b\nmerged:\n  <<: *b\n  z: 3\n',
  '? complex key\n: value\n? [a, b]\n: list key\n',
  'flow: {a: 1, b: [x, "y", {c: d}], e: }\nlist: [ , ]\n',
  '%YAML 1.2\n---\na: &x !!str 1\nb: *x\n',
  'seq:\n  - &item {name: A}\n  - *item\n  - !!map {k: v}\n',
  'key: [unclosed\n',
  'a: 1\na: 2\n',
  'x: *missing\n',
];

/** What a load gives: the value or the error's message, and the parser state at each listener event. */
function run(lib: JsYaml, text: string) {
  const events: unknown[] = [];
  const listener = (event: string, state: { position: number; line: number; kind: string | null; tag: string | null; anchor: string | null }) =>
    events.push([event, state.position, state.line, state.kind, state.tag, state.anchor]);
  try {
    return { value: lib.load(text, { listener } as never), events };
  } catch (e) {
    return { error: (e as Error).message, events };
  }
}

describe('js-yaml as the CLI bundles it (scripts/js-yaml-patch.mjs)', () => {
  it('applies to the installed js-yaml, each edit once', () => {
    const out = patchJsYaml(source);
    expect(out).not.toBe(source);
    expect(out.split('snapshotState(state) : null').length).toBe(2);
    expect(out.split('overridableKeys = Object.create(null);\n').length).toBe(2);
  });

  it('refuses a js-yaml whose text differs (another version), naming the edit', () => {
    expect(() => patchJsYaml(source.replace('const propertyState = snapshotState(state);', 'const propertyState = snap(state);'))).toThrow(/composeNode's state snapshot.*not found/);
  });

  it.each([...bundled, ...unusual].map((t, i) => [i, t]))('document %i: the same value or error, and the same parser state at every node', (_, text) => {
    const a = run(published, text as string);
    const b = run(patched, text as string);
    expect(b).toEqual(a);
    expect(a.events.length).toBeGreaterThan(0);
  });
});
