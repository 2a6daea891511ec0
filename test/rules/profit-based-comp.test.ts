import { readdirSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/profit-based-comp';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import otherRule from '../../rules/comp-balances-client-value';
import type { Org } from '../../src/model/schema';

const comp = (c: NonNullable<Org['compensation']>): Org => ({ compensation: c });

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

describe('profit-based-comp', () => {
  it.each([
    {
      name: 'passes on gross margin with profitability reported',
      org: comp({ basis: 'gross_margin', customer_profitability_reported: true }),
      status: 'pass', score: 1, messages: [], notes: [], paths: [], steps: [], missing: [],
    },
    {
      name: 'passes on a mixed basis with profitability reported (incentive not needed)',
      org: comp({ basis: 'mixed', customer_profitability_reported: true, profit_target_incentive: false }),
      status: 'pass', score: 1, messages: [], notes: [], paths: [], steps: [], missing: [],
    },
    {
      name: 'is partial on profit when reps cannot see customer profitability',
      org: comp({ basis: 'profit', customer_profitability_reported: false }),
      status: 'partial', score: 0.75, messages: ['profitabilityHidden'], notes: [],
      paths: ['compensation.customer_profitability_reported'], steps: ['reportProfitability'], missing: [],
    },
    {
      name: 'fails on revenue only with profitability unknown to sales, and notes the mixed plan',
      org: comp({ basis: 'revenue', customer_profitability_reported: false, profit_target_incentive: false }),
      status: 'fail', score: 0, messages: ['revenueOnly', 'profitabilityHidden'], notes: ['mixedPlan'],
      paths: ['compensation.basis', 'compensation.profit_target_incentive', 'compensation.customer_profitability_reported', 'compensation.basis'],
      steps: ['reportProfitability', 'addProfitKicker', 'moveToMargin'], missing: [],
    },
    {
      name: 'still fails on revenue only when profitability is reported',
      org: comp({ basis: 'revenue', customer_profitability_reported: true, profit_target_incentive: false }),
      status: 'fail', score: 0.25, messages: ['revenueOnly'], notes: ['mixedPlan'],
      paths: ['compensation.basis', 'compensation.profit_target_incentive', 'compensation.basis'],
      steps: ['addProfitKicker', 'moveToMargin'], missing: [],
    },
    {
      name: 'is partial on revenue with a profit-target incentive, profitability hidden',
      org: comp({ basis: 'revenue', customer_profitability_reported: false, profit_target_incentive: true }),
      status: 'partial', score: 0.525, messages: ['revenueWithKicker', 'profitabilityHidden'], notes: [],
      paths: ['compensation.basis', 'compensation.profit_target_incentive', 'compensation.customer_profitability_reported'],
      steps: ['reportProfitability', 'moveToMargin'], missing: [],
    },
    {
      name: 'is partial on revenue with a profit-target incentive and profitability reported',
      org: comp({ basis: 'revenue', customer_profitability_reported: true, profit_target_incentive: true }),
      status: 'partial', score: 0.775, messages: ['revenueWithKicker'], notes: [],
      paths: ['compensation.basis', 'compensation.profit_target_incentive'], steps: ['moveToMargin'], missing: [],
    },
    // Partly known: the known check counts and keeps its finding, the unknown one earns nothing.
    {
      name: 'partly known: a margin basis earns its 3/4 while profitability reporting is unknown',
      org: comp({ basis: 'gross_margin' }),
      status: 'pass', score: 0.75, messages: [], notes: [], paths: [], steps: ['find-out'], missing: ['compensation.customer_profitability_reported'],
    },
    {
      name: 'partly known: profitability reported while the basis is unknown',
      org: comp({ customer_profitability_reported: true }),
      status: 'pass', score: 0.25, messages: [], notes: [], paths: [], steps: ['find-out'], missing: ['compensation.basis'],
    },
    {
      name: 'partly known: on revenue with the incentive unknown, hidden profitability is still a finding',
      org: comp({ basis: 'revenue', customer_profitability_reported: false }),
      status: 'fail', score: 0, messages: ['profitabilityHidden'], notes: [],
      paths: ['compensation.customer_profitability_reported'], steps: ['find-out', 'reportProfitability', 'moveToMargin'],
      missing: ['compensation.profit_target_incentive'],
    },
    {
      name: 'partly known: on revenue with profitability reported and the incentive unknown',
      org: comp({ basis: 'revenue', customer_profitability_reported: true }),
      status: 'partial', score: 0.25, messages: [], notes: [], paths: [], steps: ['find-out', 'moveToMargin'],
      missing: ['compensation.profit_target_incentive'],
    },
  ])('$name', ({ org, status, score, messages, notes, paths, steps, missing }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, notes, paths, steps, missing });
  });

  it.each([
    { name: 'without a compensation section', org: {}, missing: ['compensation.basis', 'compensation.customer_profitability_reported'] },
    { name: 'with an empty compensation section', org: comp({}), missing: ['compensation.basis', 'compensation.customer_profitability_reported'] },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBe(0);
    expect(r.report.rules[0]!.upTo).toBe(1);
    expect(r.missing).toEqual(missing);
    expect(r.report.findings).toEqual([]);
  });

  it('names the opposing rule in the mixed-plan note', () => {
    const r = runRule(rule, comp({ basis: 'revenue', customer_profitability_reported: false, profit_target_incentive: false }));
    expect(r.notes[0]!.data).toEqual({ otherRule: 'comp-balances-client-value', otherTitle: 'Commission does not buy short-term thinking' });
    expect(r.notes[0]!.data.otherTitle).toBe(otherRule.title);
    expect(r.notes[0]!.message).toMatch(/^This rule and "Commission does not buy short-term thinking" \(comp-balances-client-value\) pull/);
  });

  it.each(examples)('never scores higher with a fact of %s deleted', (_name, org) => {
    const full = runRule(rule, org).score ?? 0;
    for (const [path, less] of oneFactDeleted(org)) {
      expect(runRule(rule, less as Org).score ?? 0, `deleting ${path}`).toBeLessThanOrEqual(full);
    }
  });
});
