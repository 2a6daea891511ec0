// The small-company credit beside a headcount the roster contradicts (verdict
// follow-ups 3, item 1): comp-balances-client-value credits one simple plan in
// a small company. It is never earned on a headcount the file contradicts
// (5 employees beside 10 people listed in sales), and deleting the roster, a
// roster fact or the headcount never raises the rule or the headline: the
// credit needs the headcount and every roster fact that could exceed it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import type { AuditReport } from '../../src/engine/types';
import type { Org } from '../../src/model/schema';

const DATE = '2026-11-30';
const RUNS = Number(process.env.FC_RUNS ?? 150);
const SEED = Number(process.env.FC_SEED ?? 20261130);
const RULE = 'comp-balances-client-value';

const audit = (org: Org) => runAudit({ org, date: DATE, rules, file: 'org.yaml' });
const ruleOf = (r: AuditReport) => r.rules.find((x) => x.id === RULE)!;
const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `AE ${i + 1}`, is_rep: true }));

/** Orgs either side of the 30-person threshold, with every roster fact stated, left out, under or over the headcount. */
const orgs: fc.Arbitrary<Org> = fc
  .record(
    {
      employees: fc.constantFrom(1, 5, 12, 25, 30, 40, 200),
      people: fc.constantFrom(0, 1, 4, 10, 29, 40),
      span: fc.constantFrom(0, 3, 9, 29, 40),
      roles: fc.array(fc.record({ title: fc.constant('Account Executive'), open: fc.boolean() }, { requiredKeys: ['title'] }), { maxLength: 3 }),
      varies: fc.boolean(),
      motion: fc.constantFrom('transactional', 'relationship'),
    },
    { requiredKeys: [] },
  )
  .map(
    (g) =>
      ({
        company: { ...(g.employees === undefined ? {} : { employees: g.employees }), ...(g.motion === undefined ? {} : { sales_motion: g.motion }) },
        ...(g.span === undefined ? {} : { leadership: { reps_per_manager: g.span } }),
        ...(g.roles === undefined ? {} : { roles: g.roles }),
        ...(g.people === undefined ? {} : { people: reps(g.people) }),
        compensation: { basis: 'revenue', client_outcome_component: true, ...(g.varies === undefined ? {} : { varies_by_objective: g.varies }) },
      }) as Org,
  );

/** The org with the roster facts, or the headcount, made unknown: each alone and the whole roster at once. */
function deletions(org: Org): [string, Org][] {
  const out: [string, Org][] = [];
  const drop = (what: string, edit: (o: Org) => void) => {
    const copy = structuredClone(org);
    edit(copy);
    out.push([what, copy]);
  };
  if (org.people) drop('people', (o) => delete o.people);
  if (org.roles) drop('roles', (o) => delete o.roles);
  for (const i of org.roles?.keys() ?? []) if (org.roles![i]!.open !== undefined) drop(`roles[${i}].open`, (o) => delete o.roles![i]!.open);
  if (org.leadership) drop('leadership.reps_per_manager', (o) => delete o.leadership!.reps_per_manager);
  if (org.people || org.roles || org.leadership)
    drop('the roster (people, roles, span)', (o) => {
      delete o.people;
      delete o.roles;
      delete o.leadership;
    });
  if (org.company?.employees !== undefined) drop('company.employees', (o) => delete o.company!.employees);
  return out;
}

describe('the small-company credit and a headcount the roster contradicts (verdict follow-ups 3, item 1)', () => {
  it('deleting the roster, a roster fact or the headcount never raises the rule or the headline (generated orgs)', () => {
    fc.assert(
      fc.property(orgs, (org) => {
        const before = audit(org);
        for (const [what, less] of deletions(org)) {
          const after = audit(less);
          expect(ruleOf(after).score!, `${what}: ${RULE}`).toBeLessThanOrEqual(ruleOf(before).score! + 1e-9);
          expect(after.summary.score!, `${what}: headline`).toBeLessThanOrEqual(before.summary.score! + 1e-9);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('is never earned on a headcount the file contradicts (generated orgs)', () => {
    fc.assert(
      fc.property(orgs, (org) => {
        const r = audit(org);
        const contradicted = r.findings.some((f) => f.messageId === 'contradiction' && f.evidence.some((e) => e.path === 'company.employees'));
        const credited = r.findings.some((f) => f.messageId === 'simplePlanFits');
        if (contradicted) expect(credited).toBe(false);
        if (credited) expect(ruleOf(r).checks.find((c) => c.id === 'plan:variation')!.score).toBe(1);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("the reviewer's case: 5 employees beside 10 people listed earns no credit (0.5, was 1), the check waits on the contradiction's item, and the finding says what was read", () => {
    const org = { company: { employees: 5, sales_motion: 'transactional' }, compensation: { varies_by_objective: false }, people: reps(10) } as Org;
    const r = audit(org);
    const rule = ruleOf(r);
    expect(rule.checks.find((c) => c.id === 'plan:variation')).toMatchObject({ score: 0.5, upTo: 1, missing: ['company.employees'] });
    expect(r.findings.filter((f) => f.ruleId === RULE).map((f) => f.messageId)).toEqual(['contradiction']);
    expect(r.findings.find((f) => f.messageId === 'contradiction')!.message).toBe(
      "The company is said to have 5 employees, yet 10 people are listed in sales: more than the whole company. These facts disagree, so the company's size is in doubt: the audit reads the company as at least as large as its sales team, and a small company's credit for one simple commission plan waits until the headcount is corrected.",
    );
    expect(r.checklist.find((c) => c.stepId === 'resolveContradiction')).toMatchObject({ kind: 'find-out', facts: ['company.employees', 'people'] });
    // Without the roster, nothing confirms the headcount: no credit either.
    const { people: _p, ...noRoster } = org;
    expect(ruleOf(audit(noRoster as Org)).checks.find((c) => c.id === 'plan:variation')).toMatchObject({ score: 0.5, missing: ['people', 'roles', 'leadership.reps_per_manager'] });
  });

  it('40 listed reps beside a headcount of 12: a company of at least 40, past the threshold (the finding names both), and deleting the roster does not raise it (was 2, then 5)', () => {
    const org = { company: { employees: 12, sales_motion: 'transactional' }, compensation: { varies_by_objective: false }, people: reps(40) } as Org;
    const r = audit(org);
    expect(r.findings.find((f) => f.messageId === 'uniformPlan')!.message).toBe(
      'One commission plan applies everywhere in a company of at least 40 people (40 people are listed in sales, more than the 12 employees stated): it does not vary by product, client segment or market objective.',
    );
    const { people: _p, ...noRoster } = org;
    expect(ruleOf(audit(noRoster as Org)).score!).toBeLessThanOrEqual(ruleOf(r).score!);
    expect(audit(noRoster as Org).summary.score!).toBeLessThanOrEqual(r.summary.score!);
  });

  it('a small company whose whole sales team fits in its headcount earns the credit, naming what was read', () => {
    const org = {
      company: { employees: 15, sales_motion: 'transactional' },
      compensation: { varies_by_objective: false },
      leadership: { reps_per_manager: 4 },
      roles: [{ title: 'Account Executive', open: false }],
      people: reps(5),
    } as Org;
    const r = audit(org);
    expect(ruleOf(r).checks.find((c) => c.id === 'plan:variation')!.score).toBe(1);
    expect(r.findings.find((f) => f.messageId === 'simplePlanFits')!.message).toBe(
      'One commission plan applies everywhere; in a company of 15 people, where 5 people are listed in sales, one simple plan is right.',
    );
  });
});
