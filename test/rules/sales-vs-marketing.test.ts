import { readdirSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/sales-vs-marketing';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import type { Org } from '../../src/model/schema';

const mk = (marketing: NonNullable<Org['marketing']>): Org => ({ marketing });
const ALL: NonNullable<Org['marketing']>['owns'] = ['positioning', 'messaging', 'collateral', 'lead_generation'];

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

describe('sales-vs-marketing', () => {
  it.each([
    {
      name: 'passes: dedicated marketing owns the message, reps use it, issues have a route',
      org: mk({ function: 'dedicated', owns: ALL, reps_create_messaging: false, issue_route: true }),
      status: 'pass', score: 1, messages: [], paths: [], steps: [], missing: [],
    },
    {
      name: 'passes short of full without an issue route',
      org: mk({ function: 'dedicated', owns: ALL, reps_create_messaging: false, issue_route: false }),
      status: 'pass', score: 0.9, messages: ['noIssueRoute'], paths: ['marketing.issue_route'], steps: ['issueRoute'], missing: [],
    },
    {
      name: 'is partial when marketing owns only lead generation and has no issue route',
      org: mk({ function: 'dedicated', owns: ['lead_generation'], reps_create_messaging: false, issue_route: false }),
      status: 'partial', score: 0.7, messages: ['notOwned', 'noIssueRoute'], paths: ['marketing.owns', 'marketing.issue_route'],
      steps: ['ownItems', 'issueRoute'], missing: [],
    },
    {
      name: 'fails: no marketing owner and reps write their own messaging',
      org: mk({ function: 'none', owns: [], reps_create_messaging: true, issue_route: false }),
      status: 'fail', score: 0, messages: ['noOwnerRepsWrite', 'noIssueRoute'],
      paths: ['marketing.function', 'marketing.reps_create_messaging', 'marketing.issue_route'],
      steps: ['nameOwner', 'oneMessage', 'issueRoute'], missing: [],
    },
    {
      name: 'still fails with an issue route but no marketing owner (owns ignored without a function)',
      org: mk({ function: 'none', owns: ['messaging'], reps_create_messaging: true, issue_route: true }),
      status: 'fail', score: 0.1, messages: ['noOwnerRepsWrite'], paths: ['marketing.function', 'marketing.reps_create_messaging'],
      steps: ['nameOwner', 'oneMessage'], missing: [],
    },
    {
      name: 'is partial with credit for what marketing owns and the issue route',
      org: mk({ function: 'dedicated', owns: ['positioning', 'messaging'], reps_create_messaging: true, issue_route: true }),
      status: 'partial', score: 0.533, messages: ['repsStillWrite', 'notOwned'],
      paths: ['marketing.reps_create_messaging', 'marketing.function', 'marketing.owns'],
      steps: ['ownItems', 'oneMessage'], missing: [],
    },
    {
      name: 'is partial: everything owned, route in place, reps still write',
      org: mk({ function: 'dedicated', owns: ALL, reps_create_messaging: true, issue_route: true }),
      status: 'partial', score: 0.6, messages: ['repsStillWrite'], paths: ['marketing.reps_create_messaging', 'marketing.function'],
      steps: ['oneMessage'], missing: [],
    },
    {
      name: 'is partial: no marketing owner though reps do not write their own messaging',
      org: mk({ function: 'none', reps_create_messaging: false, issue_route: true }),
      status: 'partial', score: 0.5, messages: ['noMarketingOwner'], paths: ['marketing.function'], steps: ['nameOwner'], missing: [],
    },
    {
      name: 'fails: no marketing owner, no issue route',
      org: mk({ function: 'none', reps_create_messaging: false, issue_route: false }),
      status: 'fail', score: 0.4, messages: ['noMarketingOwner', 'noIssueRoute'], paths: ['marketing.function', 'marketing.issue_route'],
      steps: ['nameOwner', 'issueRoute'], missing: [],
    },
    // Partly known: known checks count and keep their findings; unknown ones earn nothing.
    {
      name: 'partly known: marketing shared, reps use its message, owns and route unknown',
      org: mk({ function: 'shared', reps_create_messaging: false }),
      status: 'pass', score: 0.7, messages: [], paths: [], steps: ['find-out', 'find-out'], missing: ['marketing.owns', 'marketing.issue_route'],
    },
    {
      name: 'partly known: marketing exists, reps still write, nothing else known',
      org: mk({ function: 'shared', reps_create_messaging: true }),
      status: 'fail', score: 0.3, messages: ['repsStillWrite'], paths: ['marketing.reps_create_messaging', 'marketing.function'],
      steps: ['oneMessage', 'find-out', 'find-out'], missing: ['marketing.owns', 'marketing.issue_route'],
    },
    {
      name: 'partly known: reps write their own messaging, the marketing function unknown',
      org: mk({ reps_create_messaging: true }),
      status: 'fail', score: 0, messages: ['repsWrite'], paths: ['marketing.reps_create_messaging'],
      steps: ['oneMessage', 'find-out', 'find-out', 'find-out'], missing: ['marketing.function', 'marketing.owns', 'marketing.issue_route'],
    },
    {
      name: 'partly known: marketing owns the message, who writes it unknown',
      org: mk({ function: 'dedicated', owns: ALL }),
      status: 'pass', score: 0.5, messages: [], paths: [], steps: ['find-out', 'find-out'], missing: ['marketing.reps_create_messaging', 'marketing.issue_route'],
    },
  ])('$name', ({ org, status, score, messages, paths, steps, missing }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, paths, steps, missing });
  });

  it.each([
    { name: 'without a marketing section', org: {}, missing: ['marketing.function', 'marketing.reps_create_messaging', 'marketing.owns', 'marketing.issue_route'] },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.missing).toEqual(missing);
  });

  it('names the items marketing does not own in the finding and the step', () => {
    const r = runRule(rule, mk({ function: 'dedicated', owns: ['messaging'], reps_create_messaging: false, issue_route: true }));
    expect(r.score).toBe(0.867);
    expect(r.findings[0]!.data).toEqual({ items: 'positioning and sales collateral' });
    expect(r.checklist[0]!.action).toBe('Make marketing responsible for positioning and sales collateral.');
  });

  it.each(examples)('never scores higher with a fact of %s deleted', (_name, full) => {
    const base = runRule(rule, full).score ?? 0;
    for (const [path, less] of oneFactDeleted(full)) {
      expect(runRule(rule, less as Org).score ?? 0, `deleting ${path}`).toBeLessThanOrEqual(base);
    }
  });
});
