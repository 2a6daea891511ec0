// The code reads two libraries' internals: zod's schema definitions
// (`_zod.def`: the generated org validator, the interview, "did you mean") and
// js-yaml's `listener` option with its parser state (positions on the fast
// path). Neither is public API, so both libraries are pinned to exact versions
// in package.json, and these tests fail, loudly and by name, when an upgrade
// changes what the code relies on; the lockfile must agree with package.json
// so that a clean clone installs exactly that.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8'));
const installed = (name: string) => JSON.parse(readFileSync(createRequire(`${root}package.json`).resolve(`${name}/package.json`), 'utf8')).version;
const def = (s: unknown) => (s as { _zod: { def: Record<string, unknown> } })._zod.def;

describe('libraries whose internals the code reads are pinned', () => {
  it.each(['zod', 'js-yaml'])('%s: an exact version in package.json, the lockfile and node_modules', (name) => {
    const pinned = pkg.dependencies[name];
    expect(pinned, `${name} must be pinned to an exact version (its internals are read)`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages[`node_modules/${name}`].version).toBe(pinned);
    expect(installed(name)).toBe(pinned);
  });

  it('the lockfile records exactly the dependencies and devDependencies of package.json (a clean install leaves it unchanged)', () => {
    const top = lock.packages[''];
    expect(top.dependencies ?? {}).toEqual(pkg.dependencies);
    expect(top.devDependencies ?? {}).toEqual(pkg.devDependencies);
    // A devDependency is marked dev unless a runtime package needs it too (npm would rewrite the mark).
    const runtime = new Set(
      Object.entries(lock.packages as Record<string, { dev?: boolean; dependencies?: object; peerDependencies?: object }>)
        .filter(([path, p]) => path !== '' && !p.dev)
        .flatMap(([, p]) => [...Object.keys(p.dependencies ?? {}), ...Object.keys(p.peerDependencies ?? {})]),
    );
    for (const name of Object.keys(pkg.devDependencies)) if (!runtime.has(name)) expect(lock.packages[`node_modules/${name}`]?.dev, `${name} is a devDependency`).toBe(true);
    for (const name of Object.keys(pkg.dependencies)) expect(lock.packages[`node_modules/${name}`]?.dev, `${name} is a dependency`).toBeUndefined();
  });
});

describe('zod internals relied on (src/model/fast-validator.ts, introspect.ts, src/interview/plan.ts)', () => {
  it('every schema has _zod.def with its type, and wrappers, objects, arrays, records and enums keep their parts where the code reads them', () => {
    const inner = z.string();
    expect(def(inner).type).toBe('string');
    expect(def(z.optional(inner))).toMatchObject({ type: 'optional', innerType: inner });
    expect(def(z.nullable(inner))).toMatchObject({ type: 'nullable', innerType: inner });
    const shape = { a: inner };
    expect(def(z.object(shape))).toMatchObject({ type: 'object' });
    expect(def(z.object(shape)).shape).toMatchObject(shape);
    expect(def(z.array(inner))).toMatchObject({ type: 'array', element: inner });
    expect(def(z.record(z.string(), inner))).toMatchObject({ type: 'record', valueType: inner });
    expect(def(z.enum(['x', 'y']))).toMatchObject({ type: 'enum', entries: { x: 'x', y: 'y' } });
  });

  it('checks sit in def.checks, each with _zod.def.check; trim is an overwrite check whose function is tx', () => {
    const checks = def(z.number().check(z.minimum(0), z.maximum(100))).checks as { _zod: { def: Record<string, unknown> } }[];
    expect(checks.map((c) => c._zod.def)).toMatchObject([
      { check: 'greater_than', value: 0, inclusive: true },
      { check: 'less_than', value: 100, inclusive: true },
    ]);
    const [trim] = (def(z.string().check(z.trim())).checks as { _zod: { def: Record<string, unknown> } }[]).map((c) => c._zod.def);
    expect(trim).toMatchObject({ check: 'overwrite' });
    expect(typeof trim!.tx).toBe('function');
    expect((trim!.tx as (s: string) => string)('  a ')).toBe('a');
  });
});

describe('js-yaml internals relied on (src/load/fast-yaml.ts)', () => {
  it('load() calls listener(open|close, state) around every node, with position, kind and result', () => {
    const events: [string, number, string | null, unknown][] = [];
    const text = 'a: 1\nb: [x]\n';
    const out = load(text, {
      listener(event: string, state: { position: number; kind: string | null; result: unknown }) {
        events.push([event, state.position, event === 'close' ? state.kind : null, event === 'close' ? state.result : undefined]);
      },
    } as Parameters<typeof load>[1]);
    expect(out).toEqual({ a: 1, b: ['x'] });
    const opens = events.filter((e) => e[0] === 'open');
    const closes = events.filter((e) => e[0] === 'close');
    expect(opens.length).toBe(closes.length);
    expect(opens[0]![1]).toBe(0);
    // The document node closes last as the whole mapping.
    expect(closes.at(-1)!.slice(2)).toEqual(['mapping', { a: 1, b: ['x'] }]);
    expect(closes.map((c) => c[2])).toContain('sequence');
    expect(closes.map((c) => c[2])).toContain('scalar');
  });
});
