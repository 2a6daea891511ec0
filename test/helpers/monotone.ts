// The evidence principle for one rule: making a fact unknown (deleting its
// key) never raises the rule's score (points earned). Shared by the rule tests.
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { loadOrgFile } from '../../src/load/load';
import type { RuleDefinition } from '../../src/engine/types';
import type { Org } from '../../src/model/schema';
import { runRule } from './rule-harness';

type Seg = string | number;

/**
 * Every key path in an org, at any depth (list items' keys too; items
 * themselves are never deleted: a list given is complete); with `sections`,
 * only the keys under those top-level sections.
 */
export function keyPaths(v: unknown, sections?: readonly string[], path: Seg[] = []): Seg[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keyPaths(x, sections, [...path, i]));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => (path.length || !sections || sections.includes(k) ? [[...path, k], ...keyPaths(x, sections, [...path, k])] : []));
}

/** A copy of the org with the key at `p` deleted. */
export function without<T>(org: T, p: readonly Seg[]): T {
  const copy = structuredClone(org) as Record<Seg, unknown>;
  let cur = copy;
  for (const s of p.slice(0, -1)) cur = cur[s] as Record<Seg, unknown>;
  delete cur[p[p.length - 1]!];
  return copy as T;
}

/** Every org with one key (at any depth, list items' keys included) deleted, with that key's dotted path. */
export function* oneFactDeleted(node: unknown, path: string[] = []): Generator<[string, unknown]> {
  if (node === null || typeof node !== 'object') return;
  const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
  for (const [k, v] of entries) {
    if (!Array.isArray(node)) {
      const copy = { ...(node as Record<string, unknown>) };
      delete copy[k];
      yield [[...path, k].join('.'), copy];
    }
    for (const [p, sub] of oneFactDeleted(v, [...path, k])) {
      const copy: unknown = Array.isArray(node) ? node.map((x, i) => (String(i) === k ? sub : x)) : { ...(node as Record<string, unknown>), [k]: sub };
      yield [p, copy];
    }
  }
}

const EXAMPLES = new URL('../../templates/examples/', import.meta.url);
/** The bundled examples as raw YAML data (not through the loader: an `unknown` answer stays the string), by file name. */
export function rawExamples(): [string, Org][] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => [f, parse(readFileSync(new URL(f, EXAMPLES), 'utf8')) as Org]);
}

/** A bundled example org, loaded as the CLI loads it. */
export async function example(name: string): Promise<Org> {
  const r = await loadOrgFile(new URL(`../../templates/examples/${name}.yaml`, import.meta.url).pathname);
  if (!r.ok) throw new Error(`${name}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.value.org;
}

/** Asserts that deleting any one key of `org` never raises the rule's score. */
export function expectMonotone(rule: RuleDefinition | { default: unknown }, org: Org): void {
  const full = runRule(rule, org).score;
  for (const p of keyPaths(org)) {
    const less = runRule(rule, without(org, p)).score;
    const what = `deleting ${p.join('.')} (full ${full}, then ${less})`;
    // A rule that does not apply may come to apply once a fact is unknown, earning nothing.
    if (full === null) expect(less === null || less === 0, what).toBe(true);
    else expect(less !== null && less <= full + 1e-9, what).toBe(true);
  }
}
