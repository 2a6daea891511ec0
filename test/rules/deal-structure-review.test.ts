import { readdirSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/deal-structure-review';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import type { Org } from '../../src/model/schema';

const EXAMPLES = new URL('../../templates/examples/', import.meta.url);
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, load(readFileSync(new URL(f, EXAMPLES), 'utf8'), { schema: CORE_SCHEMA }) as Org] as const);
/** The org with one key (at any depth, list items included) deleted, for every key. */
function* oneFactDeleted(node: unknown, path: string[] = []): Generator<[string, unknown]> {
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

describe('deal-structure-review', () => {
  it.each<{ name: string; org: Org; status: string; score: number; messages: string[]; paths: string[]; steps: string[] }>([
    { name: 'passes with a deal desk', org: { compensation: { deal_review: 'deal_desk' } }, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    { name: 'passes with manager approval', org: { compensation: { deal_review: 'manager' } }, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    {
      name: 'fails with no review',
      org: { compensation: { deal_review: 'none', basis: 'gross_margin' } },
      status: 'fail', score: 0, messages: ['noReview'], paths: ['compensation.deal_review'], steps: ['addReview'],
    },
  ])('$name', ({ org, status, score, messages, paths, steps }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, paths, steps });
  });

  it.each<{ name: string; org: Org; unknowns?: string[] }>([
    { name: 'when the review is not stated', org: { compensation: { basis: 'revenue' } } },
    { name: 'when the review was answered "unknown"', org: { compensation: {} }, unknowns: ['compensation.deal_review'] },
  ])('is not assessed $name', ({ org, unknowns }) => {
    const r = runRule(rule, org, { unknowns });
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.report.rules[0]!.upTo).toBe(1);
    expect(r.missing).toEqual(['compensation.deal_review']);
    expect(r.steps).toEqual(['find-out']);
  });

  it('asks for a named approver in the checklist', () => {
    const r = runRule(rule, { compensation: { deal_review: 'none' } });
    expect(r.checklist).toHaveLength(1);
    expect(r.checklist[0]!.action).toMatch(/named approver/);
    expect(r.checklist[0]!.evidence[0]!.path).toBe('compensation.deal_review');
  });

  it.each(examples)('never scores higher with a fact of %s deleted', (_name, full) => {
    const base = runRule(rule, full).score ?? 0;
    for (const [path, less] of oneFactDeleted(full)) {
      expect(runRule(rule, less as Org).score ?? 0, `deleting ${path}`).toBeLessThanOrEqual(base);
    }
  });
});
