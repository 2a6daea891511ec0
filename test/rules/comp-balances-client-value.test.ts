import { readdirSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/comp-balances-client-value';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import otherRule from '../../rules/profit-based-comp';
import type { Org } from '../../src/model/schema';

type Motion = NonNullable<NonNullable<Org['company']>['sales_motion']>;
const org = (sales_motion: Motion | undefined, compensation: NonNullable<Org['compensation']>): Org => ({
  company: sales_motion ? { sales_motion } : {},
  compensation,
});

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

describe('comp-balances-client-value', () => {
  it.each([
    {
      name: 'passes: transactional selling on profit, plan varied by objective (the client part does not apply)',
      org: org('transactional', { basis: 'profit', client_outcome_component: false, varies_by_objective: true }),
      status: 'pass', score: 1, messages: [], notes: [], paths: [], steps: [], missing: [],
    },
    {
      name: 'passes: solution selling with a client-outcome part and a varied plan',
      org: org('solution', { basis: 'gross_margin', client_outcome_component: true, varies_by_objective: true }),
      status: 'pass', score: 1, messages: [], notes: [], paths: [], steps: [], missing: [],
    },
    {
      name: 'fails: relationship selling paid on margin alone, and notes the mixed plan',
      org: org('relationship', { basis: 'gross_margin', client_outcome_component: false, varies_by_objective: true }),
      status: 'fail', score: 0.25, messages: ['profitOnly'], notes: ['mixedPlan'],
      paths: ['company.sales_motion', 'compensation.basis', 'compensation.client_outcome_component', 'compensation.basis'],
      steps: ['addClientComponent'], missing: [],
    },
    {
      name: 'fails: solution selling on profit alone, the variation unknown earning nothing',
      org: org('solution', { basis: 'profit', client_outcome_component: false }),
      status: 'fail', score: 0, messages: ['profitOnly'], notes: ['mixedPlan'],
      paths: ['company.sales_motion', 'compensation.basis', 'compensation.client_outcome_component', 'compensation.basis'],
      steps: ['addClientComponent', 'find-out'], missing: ['compensation.varies_by_objective'],
    },
    {
      name: 'is partial: transactional selling with one uniform plan',
      org: org('transactional', { basis: 'revenue', varies_by_objective: false }),
      status: 'partial', score: 0.5, messages: ['uniformPlan'], notes: [],
      paths: ['compensation.varies_by_objective'], steps: ['varyPlan'], missing: [],
    },
    {
      name: 'is partial: relationship selling with a client part but a uniform plan',
      org: org('relationship', { basis: 'mixed', client_outcome_component: true, varies_by_objective: false }),
      status: 'partial', score: 0.875, messages: ['uniformPlan'], notes: [],
      paths: ['compensation.varies_by_objective'], steps: ['varyPlan'], missing: [],
    },
    {
      name: 'is partial: relationship selling on revenue with no client part',
      org: org('relationship', { basis: 'revenue', client_outcome_component: false, varies_by_objective: true }),
      status: 'partial', score: 0.775, messages: ['noClientPart'], notes: [],
      paths: ['company.sales_motion', 'compensation.client_outcome_component'], steps: ['addClientComponent'], missing: [],
    },
    {
      name: 'is partial: revenue, no client part, uniform plan',
      org: org('solution', { basis: 'revenue', client_outcome_component: false, varies_by_objective: false }),
      status: 'partial', score: 0.65, messages: ['noClientPart', 'uniformPlan'], notes: [],
      paths: ['company.sales_motion', 'compensation.client_outcome_component', 'compensation.varies_by_objective'],
      steps: ['addClientComponent', 'varyPlan'], missing: [],
    },
    // Partly known: the known checks count and keep their findings; the unknowns earn nothing.
    {
      name: 'partly known: relationship selling, client part unknown, plan varied',
      org: org('relationship', { basis: 'profit', varies_by_objective: true }),
      status: 'pass', score: 0.25, messages: [], notes: [], paths: [], steps: ['find-out'], missing: ['compensation.client_outcome_component'],
    },
    {
      name: 'partly known: solution selling with no client part, basis unknown, keeps its finding',
      org: org('solution', { client_outcome_component: false, varies_by_objective: true }),
      status: 'partial', score: 0.25, messages: ['noClientPart'], notes: [],
      paths: ['company.sales_motion', 'compensation.client_outcome_component'], steps: ['find-out', 'addClientComponent'], missing: ['compensation.basis'],
    },
    {
      name: 'partly known: sales motion unknown, but a client part and a uniform plan are known',
      org: org(undefined, { basis: 'profit', client_outcome_component: true, varies_by_objective: false }),
      status: 'partial', score: 0.875, messages: ['uniformPlan'], notes: [], paths: ['compensation.varies_by_objective'], steps: ['varyPlan'], missing: [],
    },
  ])('$name', ({ org, status, score, messages, notes, paths, steps, missing }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, notes, paths, steps, missing });
  });

  it.each([
    {
      name: 'without the sales motion or the plan variation',
      org: org(undefined, { basis: 'profit', client_outcome_component: false }),
      missing: ['company.sales_motion', 'compensation.varies_by_objective'],
    },
    {
      name: 'in transactional selling when only the plan variation could count, and it is unknown',
      org: org('transactional', { basis: 'profit' }),
      missing: ['compensation.varies_by_objective'],
    },
    {
      name: 'without a compensation section',
      org: org('relationship', {}),
      missing: ['compensation.client_outcome_component', 'compensation.basis', 'compensation.varies_by_objective'],
    },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.missing).toEqual(missing);
    expect(r.report.findings).toEqual([]);
  });

  it('does not apply the client part to transactional selling: the rule is the variation alone', () => {
    const r = runRule(rule, org('transactional', { basis: 'profit', client_outcome_component: false, varies_by_objective: false }));
    expect(r.report.rules[0]!.checks.map((c) => [c.id, c.status, c.score])).toEqual([
      ['plan:client-part', 'not-applicable', null],
      ['plan:variation', 'known', 0.5],
    ]);
    expect(r.score).toBe(0.5);
  });

  it('names the opposing rule in the mixed-plan note and the sales motion in the step', () => {
    const r = runRule(rule, org('relationship', { basis: 'profit', client_outcome_component: false, varies_by_objective: true }));
    expect(r.notes[0]!.data).toEqual({ otherRule: 'profit-based-comp', otherTitle: 'Commission rewards profitable business, not just revenue' });
    expect(r.notes[0]!.data.otherTitle).toBe(otherRule.title);
    expect(r.notes[0]!.message).toMatch(/^This rule and "Commission rewards profitable business, not just revenue" \(profit-based-comp\) pull/);
    expect(r.findings[0]!.data).toEqual({ motion: 'relationship', basis: 'profit' });
    expect(r.checklist[0]!.action).toContain('relationship selling');
  });

  it.each(examples)('never scores higher with a fact of %s deleted', (_name, full) => {
    const base = runRule(rule, full).score ?? 0;
    for (const [path, less] of oneFactDeleted(full)) {
      expect(runRule(rule, less as Org).score ?? 0, `deleting ${path}`).toBeLessThanOrEqual(base);
    }
  });
});
