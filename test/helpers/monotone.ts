// The evidence principle for one rule: making a fact unknown (deleting its
// key) never raises the rule's score (points earned). Shared by the rule tests.
import { expect } from 'vitest';
import { loadOrgFile } from '../../src/load/load';
import type { RuleDefinition } from '../../src/engine/types';
import type { Org } from '../../src/model/schema';
import { runRule } from './rule-harness';

type Seg = string | number;

/** Every key path in an org, at any depth (list items' keys too; items themselves are never deleted: a list given is complete). */
export function keyPaths(v: unknown, path: Seg[] = []): Seg[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keyPaths(x, [...path, i]));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...path, k], ...keyPaths(x, [...path, k])]);
  return [];
}

/** A copy of the org with the key at `p` deleted. */
export function without(org: Org, p: Seg[]): Org {
  const copy = structuredClone(org) as Record<Seg, unknown>;
  let cur = copy;
  for (const s of p.slice(0, -1)) cur = cur[s] as Record<Seg, unknown>;
  delete cur[p[p.length - 1]!];
  return copy as Org;
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
