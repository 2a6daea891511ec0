// The validator generated from the zod schema must agree with zod itself: it
// accepts exactly what zod accepts, and returns exactly zod's output (trimmed
// text, key order included). Checked on every bundled org and on thousands of
// seeded mutations of them, the kind of slips people make in an org file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fastParse } from '../../src/load/fast-yaml';
import { stripEmpty } from '../../src/load/normalize';
import { slowParse } from '../../src/load/yaml-doc';
import { generateValidator } from '../../src/model/fast-validator';
import { INVALID } from '../../src/model/invalid';
import { validateOrg } from '../../src/model/org-validator.generated';
import { OrgSchema } from '../../src/model/schema';

const ROOT = join(import.meta.dirname, '..', '..');
const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
const orgs = [...yamlFiles('templates'), ...yamlFiles('test/fixtures')]
  .map((f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const parsed = fastParse(text, f) ?? slowParse(text, f);
    if (!('raw' in parsed) || !parsed.raw || typeof parsed.raw !== 'object' || Array.isArray(parsed.raw)) return undefined;
    return [f, stripEmpty(parsed.raw, [], [])] as const;
  })
  .filter((x): x is readonly [string, unknown] => x !== undefined);

/**
 * What zod rejects, the generated validator rejects; what it accepts, zod
 * accepts with the same output (key order included). It may hand a case to
 * zod that zod then accepts (a `fallback`): slower, never wrong.
 */
function agree(data: unknown, what: string): 'accept' | 'reject' | 'fallback' {
  const zod = OrgSchema.safeParse(data, { jitless: true });
  const fast = validateOrg(data);
  if (!zod.success) {
    expect(fast, `${what}: zod rejects it, the fast validator must too`).toBe(INVALID);
    return 'reject';
  }
  if (fast === INVALID) return 'fallback';
  expect(JSON.stringify(fast), what).toBe(JSON.stringify(zod.data));
  expect(fast, what).toEqual(zod.data);
  return 'accept';
}

// A small seeded generator, so a failure can be replayed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES: unknown[] = [
  '',
  ' ',
  '  text  ',
  'x',
  'none',
  'unknown',
  'ceo',
  'weekly',
  'revenue',
  'individual',
  '2026-02-28',
  '2024-02-29',
  '2026-02-30',
  '2026-13-01',
  '26-01-01',
  -1,
  0,
  1,
  1.5,
  3,
  35,
  60,
  61,
  100,
  101,
  1000,
  1001,
  // eslint-disable-next-line no-loss-of-precision -- past 2^53 on purpose: YAML may hold it
  9007199254740993,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  [],
  ['none'],
  ['none', 'coach'],
  ['coach', 'advisor'],
  ['weekly'],
  [1, 2],
  ['x', ''],
  {},
  { extra: 1 },
  { name: 'A' },
];

function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function mutate(data: unknown, next: () => number): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  const all = paths(copy).filter((p) => p.length > 0);
  if (!all.length) return { company: { name: 'Acme' } };
  const at = all[Math.floor(next() * all.length)]!;
  let parent: any = copy;
  for (const seg of at.slice(0, -1)) parent = parent[seg];
  const key = at.at(-1)!;
  const pick = () => structuredClone(VALUES[Math.floor(next() * VALUES.length)]);
  const roll = next();
  if (roll < 0.15) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (roll < 0.25 && !Array.isArray(parent)) parent[`${String(key)}_extra`] = pick();
  else if (roll < 0.35 && Array.isArray(parent[key])) parent[key].push(pick());
  else if (roll < 0.45 && typeof parent[key] === 'string') parent[key] = `  ${parent[key]} `;
  else parent[key] = pick();
  return copy;
}

describe('the generated org validator', () => {
  it('has bundled orgs to check against', () => {
    expect(orgs.length).toBeGreaterThan(10);
  });

  it.each(orgs.map(([f, data]) => [f, data] as const))('agrees with zod on %s, with no fallback', (f, data) => {
    expect(agree(data, f)).not.toBe('fallback');
  });

  it('agrees with zod on 4,000 mutated orgs, accepting and rejecting alike', () => {
    const next = rng(20261127);
    const seen = { accept: 0, reject: 0, fallback: 0 };
    const bases = orgs.filter(([, d]) => OrgSchema.safeParse(d).success);
    for (let i = 0; i < 4000; i++) {
      const [f, base] = bases[i % bases.length]!;
      let data = base;
      const rounds = 1 + Math.floor(next() * 3);
      for (let r = 0; r < rounds; r++) data = mutate(data, next);
      seen[agree(data, `${f}, mutation ${i}`)]++;
    }
    // Both verdicts must be well represented, or the comparison proves little;
    // and a valid org almost never needs zod to be built.
    expect(seen.accept).toBeGreaterThan(400);
    expect(seen.reject).toBeGreaterThan(400);
    expect(seen.fallback).toBeLessThan(seen.accept / 50);
  });

  it('leaves what is not a plain org to zod', () => {
    for (const v of [null, undefined, 1, 'org', [], [{}], new Map(), Object.create({ company: {} })]) expect(agree(v, String(v))).not.toBe('accept');
  });

  it('is the one the build generates from the current schema', () => {
    expect(readFileSync(join(ROOT, 'src/model/org-validator.generated.ts'), 'utf8')).toBe(generateValidator(OrgSchema, 'src/model/schema.ts'));
  });

  it('refuses, at build time, what it cannot model exactly', () => {
    const gen = (s: z.ZodMiniType) => () => generateValidator(s, 'test');
    expect(gen(z.strictObject({ a: z.optional(z.string().check(z.regex(/x/))) }))).toThrow(/a\b.*string check string_format is not supported/);
    expect(gen(z.object({ a: z.optional(z.string()) }))).toThrow(/an object that is not strict is not supported/);
    expect(gen(z.strictObject({ a: z.optional(z.array(z.string()).check(z.refine((x) => x.length < 3))) }))).toThrow(/array check custom is not supported/);
    expect(gen(z.strictObject({ a: z.optional(z.union([z.string(), z.number()])) }))).toThrow(/a union is not supported/);
  });
});
