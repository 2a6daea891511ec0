// Verdict follow-ups, item 1: a file that contradicts itself is told so, and the
// contradiction earns nothing. An empty list (the roster, a rep's attainment,
// the friction points) never scores better than the list left out, and where a
// stated fact says the list has members the report has a finding naming both.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { findContradictions, unknownEmptyLists } from '../../src/engine/contradictions';
import { runAudit } from '../../src/engine/run';
import { loadOrgFile } from '../../src/load/load';
import type { Org } from '../../src/model/schema';
import { cli } from '../e2e/run';
import { pinnedRules } from '../helpers/pinned-rules';
import { AUDIT_DATE, runRule } from '../helpers/rule-harness';

const DATE = AUDIT_DATE;
const fixture = (f: string) => new URL(`../fixtures/contradictions/${f}`, import.meta.url).pathname;
const EXAMPLE = new URL('../../templates/examples/mid-size-gaps.yaml', import.meta.url).pathname;

async function auditFile(file: string) {
  const r = await loadOrgFile(file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const { org, positions, unknowns } = r.value;
  // The pinned rules: the figures below (65, 48) stay when a rule is added (CONTRIBUTING.md: three files). The full
  // example was 66 before s9 verd: its 120-day underperformance policy now fails a check of its own.
  return runAudit({ org, date: DATE, rules: pinnedRules(), file, unknowns, locate: (p) => positions.locate(p) });
}
const byId = (r: ReturnType<typeof runAudit>) => Object.fromEntries(r.rules.map((x) => [x.id, x.score]));

describe('an empty roster beside facts that say there are reps (rev-inputs/mg_empty.yaml)', () => {
  it('scores as the roster left out (48, was 67 above the full 66, then 51), below the full roster, and each rule that judges reps earns nothing', async () => {
    const full = await auditFile(EXAMPLE);
    const empty = await auditFile(fixture('roster-empty.yaml'));
    const leftOut = await auditFile(fixture('roster-left-out.yaml'));
    expect([full.summary.score, leftOut.summary.score]).toEqual([65, 48]);
    // The filled roles say somebody holds them: role-title-fit counts the roster as unknown too, as every other rule does.
    expect(empty.summary.score).toBe(leftOut.summary.score);
    expect(empty.summary.score).toBeLessThan(full.summary.score!);
    // The three rules that judge reps earn nothing instead of leaving the count.
    for (const id of ['individual-coaching', 'manage-not-pay-cut', 'selling-time']) {
      expect(empty.rules.find((x) => x.id === id)!.status, id).not.toBe('not-applicable');
      expect(byId(empty)[id], id).toBe(0);
    }
    // Every rule scores as with the roster left out, role-title-fit included.
    expect(byId(empty)).toEqual(byId(leftOut));
  });

  it('reports the contradiction once, naming the roster and every fact that says there are reps, at their lines, with a fix', async () => {
    const r = await auditFile(fixture('roster-empty.yaml'));
    const found = r.findings.filter((f) => f.messageId === 'contradiction');
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect([f.ruleId, f.severity, f.note]).toEqual(['individual-coaching', 'high', false]);
    expect(f.message).toBe(
      'The roster lists no one, yet the span of control is 9 reps per manager, the roles "Sales Director" and "Key Account Manager" are filled, the sales plan counts on 7 ramped reps and the reps are said to spend time on 4 non-sales tasks. These facts disagree, so who is on the sales team counts as unknown: the rules that judge the reps earn nothing on them until the reps are listed.',
    );
    expect(f.evidence.map((e) => `${e.path}@${e.line}:${e.column}`)).toEqual([
      'people@94:1',
      'leadership.reps_per_manager@13:3',
      'roles[0].open@23:5',
      'roles[1].open@29:5',
      'plan.ramped_reps@52:3',
      'admin.non_sales_tasks@97:3',
    ]);
    expect(r.checklist.find((c) => c.stepId === 'resolveContradiction')?.action).toBe('List the people on the sales team (or correct the facts that say there are reps).');
  });

  it('is a problem `lint` shows at the roster\u2019s line, as CI sees it', () => {
    const r = cli(['lint', fixture('roster-empty.yaml'), '--date', DATE]);
    expect(r.stderr).toBe('');
    // Listed as `contradiction` (`sales-audit explain contradiction`); scored under individual-coaching.
    expect(r.stdout).toMatch(/roster-empty\.yaml:94:1 +high +contradiction +The roster lists no one, yet the span of control is 9 reps per manager/);
  });
});

describe('each fact that says a roster has members makes `people: []` a contradiction', () => {
  it.each([
    { name: 'a span of control', org: { leadership: { reps_per_manager: 6 } }, path: 'leadership.reps_per_manager', words: 'the span of control is 6 reps per manager' },
    { name: 'ramped reps in the plan', org: { plan: { ramped_reps: 1 } }, path: 'plan.ramped_reps', words: 'the sales plan counts on 1 ramped rep' },
    { name: 'a team-wide selling time', org: { admin: { selling_time_pct: 40 } }, path: 'admin.selling_time_pct', words: 'the reps are said to spend 40% of their time selling' },
    {
      name: 'the reps\u2019 non-sales tasks',
      org: { admin: { non_sales_tasks: [{ task: 'Quotes', hours_per_week: 3 }] } },
      path: 'admin.non_sales_tasks',
      words: 'the reps are said to spend time on 1 non-sales task',
    },
  ])('$name', ({ org, path, words }) => {
    const c = findContradictions({ ...org, people: [] } as Org, DATE);
    expect(c.map((x) => [x.list, x.by])).toEqual([['people', [path]]]);
    expect(c[0]!.message).toContain(`The roster lists no one, yet ${words}.`);
  });

  // A filled role has somebody in it. The filled roles are one fact in the sentence, each role its own evidence.
  it.each([
    { name: 'a filled role', roles: [{ title: 'Sales Director', open: false }], paths: ['roles[0].open'], words: 'the "Sales Director" role is filled' },
    { name: 'a filled role with no title', roles: [{ open: true }, { open: false }], paths: ['roles[1].open'], words: 'untitled role 2 is filled' },
    {
      name: 'filled roles, beside an open one and one of unknown status',
      roles: [{ title: 'Sales Director', open: false }, { title: 'Account Executive', open: true }, { title: 'SDR' }, { open: false }, { title: 'Key Account Manager', open: false }],
      paths: ['roles[0].open', 'roles[3].open', 'roles[4].open'],
      words: 'the roles "Sales Director", untitled role 4 and "Key Account Manager" are filled',
    },
  ])('$name', ({ roles, paths, words }) => {
    const c = findContradictions({ roles, people: [] } as Org, DATE);
    expect(c.map((x) => [x.list, x.by])).toEqual([['people', paths]]);
    expect(c[0]!.message).toBe(
      `The roster lists no one, yet ${words}. These facts disagree, so who is on the sales team counts as unknown: the rules that judge the reps earn nothing on them until the reps are listed.`,
    );
  });

  it.each([
    { name: 'a span of 0', org: { leadership: { reps_per_manager: 0 } } },
    { name: 'no ramped reps', org: { plan: { ramped_reps: 0 } } },
    { name: 'no non-sales tasks', org: { admin: { non_sales_tasks: [] } } },
    { name: 'nothing else', org: {} },
    { name: 'open roles and one of unknown status', org: { roles: [{ title: 'Account Executive', open: true }, { title: 'SDR' }] } },
  ])('but not $name (the empty roster still counts as unknown)', ({ org }) => {
    const o = { ...org, people: [] } as Org;
    expect(findContradictions(o, DATE)).toEqual([]);
    // An empty task list counts as unknown too (a week always holds work besides selling), without a fact that disagrees.
    expect(unknownEmptyLists(o, DATE)).toEqual(['people', ...(o.admin ? ['admin.non_sales_tasks'] : [])]);
  });
});

describe('every rule that judges the roster scores an empty one as it scores none (the kind: each such rule)', () => {
  const orgs: Org[] = [
    { people: [] },
    { people: [], leadership: { reps_per_manager: 8, manager_coaching_hours_per_month: 10 }, admin: { selling_time_pct: 30 }, recruiting: { bench: 0, mode: 'on_vacancy' } },
    { people: [], policies: [{ applies_to: 'all reps', one_to_one: 'weekly', underperformance: ['coaching', 'improvement_plan'], improvement_plan_deadline_days: 60 }] },
  ] as Org[];
  const rosterRules = rules.filter((r) => r.reads.some((p) => p === 'people' || p.startsWith('people[]')));
  it('walks the rules that read the roster', () => {
    expect(rosterRules.map((r) => r.id).sort()).toEqual(
      ['comp-balances-client-value', 'continuous-recruiting', 'individual-coaching', 'manage-not-pay-cut', 'metrics-accountability', 'role-title-fit', 'selling-time'].sort(),
    );
  });
  for (const rule of rosterRules)
    it.each(orgs.map((org, i) => ({ i, org })))(`${rule.id}: org $i`, ({ org }) => {
      const { people: _p, ...leftOut } = org;
      const empty = runRule(rule, org);
      const none = runRule(rule, leftOut as Org);
      expect([empty.status, empty.score]).toEqual([none.status, none.score]);
    });
});

describe('a rep\u2019s empty attainment', () => {
  const rep = (start_date: string | undefined, attainment: number[]) => ({ name: 'AE 1', is_rep: true, ...(start_date ? { start_date } : {}), attainment });
  const team = (a: object) =>
    ({ metrics: { kpis: [{ name: 'Revenue', kind: 'outcome', target: 1, owner: 'CEO' }], review_cadence: 'weekly', team_involved: true }, people: [a, rep('2019-01-07', [40, 40, 40, 40])] }) as Org;
  const attainmentScore = (org: Org) =>
    runAudit({ org, date: DATE, rules, file: 'org.yaml' })
      .rules.find((r) => r.id === 'metrics-accountability')!
      .checks.find((c) => c.id === 'team:attainment')!;

  it('of a rep who started years ago is a contradiction, counted as unknown: no better than a record of misses (it was left out of team attainment)', () => {
    const empty = team(rep('2019-05-06', []));
    const c = findContradictions(empty, DATE);
    expect(c.map((x) => [x.list, x.by])).toEqual([['people[0].attainment', ['people[0].start_date']]]);
    expect(c[0]!.message).toBe(
      'No quarter of quota attainment is recorded for AE 1, yet AE 1 started on 2019-05-06, more than a year before the audit. These facts disagree, so their attainment counts as unknown: it earns nothing until the quarters are filled in.',
    );
    const misses = attainmentScore(team(rep('2019-05-06', [30, 30, 30, 30])));
    const none = attainmentScore(empty);
    expect(none.score).toBeLessThanOrEqual(misses.score!);
    expect(none.missing).toEqual(['people[0].attainment']);
  });

  it('of a rep who started this year is no contradiction and no quarter to judge', () => {
    const empty = team(rep('2026-07-01', []));
    expect(findContradictions(empty, DATE)).toEqual([]);
    expect(unknownEmptyLists(empty, DATE)).toEqual([]);
  });

  it('of a rep whose start is unknown counts as unknown, without a finding (the rep may be long past the first year)', () => {
    const empty = team(rep(undefined, []));
    expect(findContradictions(empty, DATE)).toEqual([]);
    expect(unknownEmptyLists(empty, DATE)).toEqual(['people[0].attainment']);
  });
});

describe('empty friction points', () => {
  it.each([
    { name: 'beside friction reported: a contradiction, unknown', friction: { none_reported: false, points: [] }, status: 'not-assessed', contradiction: true },
    { name: 'with friction unknown: unknown, no finding', friction: { points: [] }, status: 'not-assessed', contradiction: false },
    { name: 'beside no friction reported: not applicable', friction: { none_reported: true, points: [] }, status: 'not-applicable', contradiction: false },
  ])('$name', ({ friction, status, contradiction }) => {
    const r = runAudit({ org: { friction } as Org, date: DATE, rules, file: 'org.yaml' });
    expect(r.rules.find((x) => x.id === 'internal-friction')!.status).toBe(status);
    expect(r.findings.some((f) => f.messageId === 'contradiction')).toBe(contradiction);
  });
});

describe('cases the generated orgs found (verdict-generated.test.ts)', () => {
  const audit = (org: Org) => runAudit({ org, date: DATE, rules, file: 'org.yaml' });
  it.each<[string, Org, Org]>([
    [
      // Found while the roster counted as unknown only when contradicted: deleting the span made it "nobody" again (headline 2 -> 5).
      'deleting the span beside an empty roster',
      { leadership: { reps_per_manager: 8 }, people: [], roles: [{ title: 'Account Executive' }] } as Org,
      { leadership: {}, people: [], roles: [{ title: 'Account Executive' }] } as Org,
    ],
    [
      'deleting "friction reported" beside an empty list of friction points',
      { friction: { none_reported: false, points: [] }, metrics: { kpis: [] } } as Org,
      { friction: { points: [] }, metrics: { kpis: [] } } as Org,
    ],
    [
      // Found when role-title-fit still took `people: []` at its word beside roles all known open: the roster emptied
      // raised it (0.25 -> 0.5) and the headline (2 -> 4). An empty roster counts as unknown for every rule.
      'replacing a roster by [] beside a role known open',
      { people: [{ name: 'P0' }], roles: [{ carries_quota: false, open: true }] } as Org,
      { people: [], roles: [{ carries_quota: false, open: true }] } as Org,
    ],
    [
      'deleting the start date beside an empty attainment record',
      { people: [{ name: 'AE 1', is_rep: true, start_date: '2019-03-01', attainment: [] }] } as Org,
      { people: [{ name: 'AE 1', is_rep: true, attainment: [] }] } as Org,
    ],
  ])('%s never raises a rule or the headline', (_name, full, less) => {
    const before = audit(full);
    const after = audit(less);
    expect(after.summary.score).toBeLessThanOrEqual(before.summary.score!);
    for (const r of after.rules) {
      const b = before.rules.find((x) => x.id === r.id)!;
      if (r.score !== null) expect(r.score, r.id).toBeLessThanOrEqual(b.score ?? 0);
    }
  });
});

// Review, sixth stop: a roster cut down to people who do not sell (a director and a coordinator) beside facts that
// say there are reps is the same disagreement as an empty roster, and is told so. Only a filled role that carries a
// quota says there is a rep (a filled "Sales Director" role may be the director listed).
describe('a roster of non-sellers only beside facts that say there are reps', () => {
  const staff = [
    { name: 'Dana', title: 'Sales Director', is_rep: false, direct_reports: 9 },
    { name: 'Sam', title: 'Sales Coordinator', is_rep: false },
  ];
  it('names the facts that say there are reps, with the fix to list them', () => {
    const org = {
      people: staff,
      leadership: { reps_per_manager: 9 },
      roles: [
        { title: 'Sales Director', open: false, carries_quota: false },
        { title: 'Key Account Manager', open: false, carries_quota: true },
      ],
    } as Org;
    const c = findContradictions(org, DATE);
    expect(c.map((x) => [x.list, x.by])).toEqual([['people', ['leadership.reps_per_manager', 'roles[1].open']]]);
    expect(c[0]!.message).toBe(
      `The roster lists no one who sells, yet the span of control is 9 reps per manager and the "Key Account Manager" role is filled. These facts disagree: the reps' coaching and selling time earn nothing until the reps are listed.`,
    );
    expect(c[0]!.action).toBe('List the reps on the sales team (or correct the facts that say there are reps).');
    // The roster itself is kept: the director's facts still count for the rules that read them.
    expect(unknownEmptyLists(org, DATE)).toEqual([]);
  });
  it('is no contradiction without such a fact, nor with one person who may sell', () => {
    expect(findContradictions({ people: staff, roles: [{ title: 'Sales Director', open: false, carries_quota: false }] } as Org, DATE)).toEqual([]);
    expect(findContradictions({ people: [...staff, { name: 'Alex' }], leadership: { reps_per_manager: 9 } } as Org, DATE)).toEqual([]);
  });
  it("scores the reviewer's mid-size file cut down to its two non-sellers below the full roster (67, above its 66, before)", async () => {
    const full = await auditFile(EXAMPLE);
    const cut = await auditFile(fixture('roster-non-sellers.yaml'));
    expect(cut.summary.score).toBeLessThan(full.summary.score!);
    // The managers' capacity is known and short (s8 fixb): it fails on that, earning nothing overall.
    expect(cut.rules.find((x) => x.id === 'individual-coaching')!.status).toBe('fail');
    // The reps' selling time earns nothing; the listed tasks are judged all the same (9 offloadable hours: nothing).
    expect(cut.rules.find((x) => x.id === 'selling-time')!.checks.map((c) => [c.id, c.score, c.upTo])).toEqual([
      ['team', 0, 1],
      ['tasks', 0, 0],
    ]);
    expect(cut.findings.filter((f) => f.messageId === 'contradiction')).toHaveLength(1);
  });
});

describe('`admin.non_sales_tasks: []` beside low selling time (verdict follow-ups 2, item 1)', () => {
  const audit = (org: Org) => runAudit({ org, date: DATE, rules, file: 'org.yaml' });
  const tasksCheck = (r: ReturnType<typeof runAudit>) => r.rules.find((x) => x.id === 'selling-time')!.checks.find((c) => c.id === 'tasks')!;

  it('scores the mid-size example with its tasks emptied no higher than with the real tasks (68 above 66 before), and names the reps who sell 45% or less', async () => {
    const full = await auditFile(EXAMPLE);
    const empty = await auditFile(fixture('tasks-empty.yaml'));
    expect(full.summary.score).toBe(65);
    expect(empty.summary.score).toBeLessThanOrEqual(full.summary.score!);
    expect(byId(empty)['selling-time']).toBeLessThanOrEqual(byId(full)['selling-time']!);
    expect(tasksCheck(empty)).toMatchObject({ status: 'not-assessed', score: 0, upTo: 1, missing: ['admin.non_sales_tasks'] });
    const found = empty.findings.filter((f) => f.messageId === 'contradiction');
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['selling-time', 'high']]);
    expect(found[0]!.message).toBe(
      'The reps are said to have no non-sales tasks, yet AE 1, AE 2, AE 3 and AE 4 spend 36% to 41% of their time selling (45% or less): something fills the rest of the week. These facts disagree, so the non-sales tasks count as unknown: the check on them earns nothing until they are listed.',
    );
    expect(found[0]!.evidence.map((e) => `${e.path}@${e.line}:${e.column}`)).toEqual([
      'admin.non_sales_tasks@196:3',
      'people[3].selling_time_pct@127:5',
      'people[4].selling_time_pct@138:5',
      'people[5].selling_time_pct@149:5',
      'people[6].selling_time_pct@162:5',
    ]);
  });

  it.each([
    {
      name: 'a team-wide selling time at the target, and no support staff',
      admin: { selling_time_pct: 45, support_staff: 0 },
      words: 'the team spends 45% of its time selling and nobody supports the reps (45% or less)',
      by: ['admin.selling_time_pct', 'admin.support_staff'],
    },
    {
      name: 'one rep under the target',
      people: [{ name: 'AE 1', is_rep: true, selling_time_pct: 30 }],
      words: 'AE 1 spends 30% of the time selling (45% or less)',
      by: ['people[0].selling_time_pct'],
    },
  ])('is a contradiction beside $name', ({ admin, people, words, by }) => {
    const r = audit({ admin: { ...admin, non_sales_tasks: [] }, ...(people ? { people } : {}) } as Org);
    const f = r.findings.find((x) => x.messageId === 'contradiction')!;
    expect(f.message).toBe(
      `The reps are said to have no non-sales tasks, yet ${words}: something fills the rest of the week. These facts disagree, so the non-sales tasks count as unknown: the check on them earns nothing until they are listed.`,
    );
    expect(f.evidence.map((e) => e.path)).toEqual(['admin.non_sales_tasks', ...by]);
    expect(tasksCheck(r).score).toBe(0);
  });

  it.each([
    { name: 'selling time above the target', org: { admin: { selling_time_pct: 60, non_sales_tasks: [] } } },
    { name: 'no selling time stated', org: { admin: { non_sales_tasks: [] } } },
    {
      name: 'a part-time seller under the target (their other job is not a non-sales task)',
      org: { admin: { non_sales_tasks: [] }, people: [{ name: 'CEO', is_rep: true, selling_share_pct: 30, selling_time_pct: 20 }] },
    },
    { name: 'a selling-time rule turned off', org: { admin: { selling_time_pct: 20, non_sales_tasks: [] } }, settings: { 'selling-time': { enabled: false } } },
  ])('is no contradiction with $name, and still earns nothing until the tasks are listed (an unknown earns nothing)', ({ org, settings }) => {
    const r = runAudit({ org: org as Org, date: DATE, rules, file: 'org.yaml', ...(settings ? { settings } : {}) });
    expect(r.findings.filter((f) => f.messageId === 'contradiction')).toEqual([]);
    if (!settings) expect(tasksCheck(r)).toMatchObject({ score: 0, upTo: 1 });
  });

  it('follows a configured target: at passAbove 30 a team at 40% is no contradiction', () => {
    const r = runAudit({
      org: { admin: { selling_time_pct: 40, non_sales_tasks: [] } } as Org,
      date: DATE,
      rules,
      file: 'org.yaml',
      settings: { 'selling-time': { options: { failBelow: 20, passAbove: 30 } } },
    });
    expect(r.findings.filter((f) => f.messageId === 'contradiction')).toEqual([]);
  });

  it('is never above the same file with tasks a support role could not take (the way to say "none to move")', () => {
    const listed = audit({ admin: { selling_time_pct: 60, non_sales_tasks: [{ task: 'Travel', hours_per_week: 6, offloadable: false }] } } as Org);
    const empty = audit({ admin: { selling_time_pct: 60, non_sales_tasks: [] } } as Org);
    expect(tasksCheck(listed).score).toBe(1);
    expect(empty.summary.score!).toBeLessThan(listed.summary.score!);
  });
});

describe('a headcount under the sales team the file describes (verdict follow-ups 2, item 2)', () => {
  const audit = (org: Org) => runAudit({ org, date: DATE, rules, file: 'org.yaml' });
  const HEADCOUNT =
    "These facts disagree, so the company's size is in doubt: the audit reads the company as at least as large as its sales team, and a small company's credit for one simple commission plan waits until the headcount is corrected.";

  it('is a contradiction naming the headcount and each fact that exceeds it, at their lines, with its fix', async () => {
    const r = await auditFile(fixture('headcount-under-roster.yaml'));
    const found = r.findings.filter((f) => f.messageId === 'contradiction');
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['comp-balances-client-value', 'medium']]);
    expect(found[0]!.message).toBe(`The company is said to have 8 employees, yet one manager leads 9 reps and 10 people are listed in sales: more than the whole company. ${HEADCOUNT}`);
    expect(found[0]!.evidence.map((e) => `${e.path}@${e.line}:${e.column}`)).toEqual(['company.employees@8:3', 'leadership.reps_per_manager@13:3', 'people@94:1']);
    expect(r.checklist.find((c) => c.stepId === 'resolveContradiction')?.action).toBe("Correct the company's headcount (or the facts about the sales team that exceed it).");
  });

  it('is a problem `lint` shows at the headcount\u2019s line', () => {
    const r = cli(['lint', fixture('headcount-under-roster.yaml'), '--date', DATE]);
    expect(r.stdout).toMatch(/headcount-under-roster\.yaml:8:3 +medium +contradiction +The company is said to have 8 employees, yet one manager leads 9 reps and 10 people are listed in sales/);
  });

  it.each([
    { name: 'filled roles', org: { roles: [{ open: false }, { open: false }, { open: true }] }, words: '2 sales roles are filled', by: ['roles[0].open', 'roles[1].open'] },
    { name: 'a span with its manager', org: { leadership: { reps_per_manager: 1 } }, words: 'one manager leads 1 rep', by: ['leadership.reps_per_manager'] },
  ])('counts $name against it', ({ org, words, by }) => {
    const c = findContradictions({ company: { employees: 1 }, ...org } as Org, DATE);
    expect(c.map((x) => [x.list, x.by])).toEqual([['company.employees', by]]);
    expect(c[0]!.message).toContain(`, yet ${words}: more than the whole company.`);
  });

  it('is no contradiction for the ramped reps a plan counts on: they include the hires it expects', () => {
    expect(findContradictions({ company: { employees: 1 }, plan: { ramped_reps: 3 } } as Org, DATE)).toEqual([]);
  });

  it('is no contradiction at the headcount, nor for a company far larger than its sales team', () => {
    expect(findContradictions({ company: { employees: 3 }, people: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], leadership: { reps_per_manager: 2 } } as Org, DATE)).toEqual([]);
    expect(findContradictions({ company: { employees: 5000 }, people: [{ name: 'A' }] } as Org, DATE)).toEqual([]);
  });

  it('reads the headcount as stated: counted as unknown, deleting the roster would raise the score (2 -> 5), as deleting a fact never may', () => {
    const people = Array.from({ length: 40 }, (_, i) => ({ name: `AE ${i + 1}`, is_rep: true }));
    const org = { company: { employees: 12, sales_motion: 'transactional' }, compensation: { varies_by_objective: false }, people } as Org;
    const { people: _roster, ...noRoster } = org;
    const withRoster = audit(org);
    expect(withRoster.findings.filter((f) => f.messageId === 'contradiction')).toHaveLength(1);
    expect(unknownEmptyLists(org, DATE)).toEqual([]);
    const without = audit(noRoster as Org);
    expect(withRoster.summary.score!).toBeGreaterThanOrEqual(without.summary.score!);
    for (const [id, score] of Object.entries(byId(without))) if (score !== null) expect(byId(withRoster)[id], id).toBeGreaterThanOrEqual(score);
  });
});

describe('the roster item ranks by what the roster unlocks (verdict follow-ups 2, item 3)', () => {
  it.each([
    // The contradiction's item is worth the checks that wait on the roster beside other facts too (review s9, item 5): 11.4.
    { name: 'cut to `people: []`', file: 'roster-empty.yaml', action: 'List the people on the sales team (or correct the facts that say there are reps).', gain: 11.4 },
    { name: 'with no roster', file: 'roster-left-out.yaml', action: 'Find out the people in sales.', gain: 8.9 },
  ])('the mid-size example $name: the roster is the first item, worth every check that waits for it ($gain points; it was 0 or 4.0 and ranked 15th or lower)', async ({ file, action, gain }) => {
    const r = await auditFile(fixture(file));
    const item = r.checklist.find((c) => c.action === action)!;
    expect(item).toMatchObject({ rank: 1, kind: 'find-out', gain });
    // One item asks for the roster: no rule's share of it is left behind as another item.
    expect(r.checklist.filter((c) => c.kind === 'find-out' && c.facts?.length === 1 && c.facts[0] === 'people')).toEqual(file === 'roster-left-out.yaml' ? [item] : []);
    expect(r.checklist.filter((c) => c.stepId === 'resolveContradiction')).toHaveLength(file === 'roster-empty.yaml' ? 1 : 0);
  });

  it('every contradiction item carries the points its fact holds in play, ranked among the find-out items (the tasks: 1.8, was a fix worth 0)', async () => {
    const r = await auditFile(fixture('tasks-empty.yaml'));
    const item = r.checklist.find((c) => c.stepId === 'resolveContradiction')!;
    expect(item).toMatchObject({ kind: 'find-out', gain: 1.8, ruleId: 'selling-time' });
    expect(r.checklist.filter((c) => c.kind === 'find-out' && c.facts?.join() === 'admin.non_sales_tasks')).toEqual([]);
  });
});

describe('a contradiction can be looked up from what a listing shows (verdict follow-ups 2, item 4)', () => {
  const SMALL = fixture('tasks-empty-small.yaml');
  const MESSAGE_START = 'The reps are said to have no non-sales tasks, yet the team spends 30% of its time selling (45% or less)';

  it('`explain contradiction` says what it is, why the fact counts as unknown and how to resolve it', () => {
    const r = cli(['explain', 'contradiction']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(r.stdout).toMatch(/^contradiction: The facts of the org file agree with each other\n/);
    for (const heading of ['What it is', 'Why the facts count as unknown', 'How to resolve it']) expect(r.stdout).toContain(`\n${heading}\n`);
    expect(text).toContain('it does not score the doubtful one when that is an empty list: the list counts as unknown, and every check that depends on it earns nothing');
    expect(text).toContain('the company is read as at least as large as its sales team, and the credit for a small company waits until the headcount is corrected');
    expect(text).toContain('fill in the list');
    expect(cli(['explain', '--help']).stdout).toContain('sales-audit explain contradiction');
  });

  it('every lint format lists the finding as `contradiction`, the id explain answers (stylish, SARIF with its descriptor, JUnit, GitHub, JSON)', () => {
    const stylish = cli(['lint', SMALL, '--date', DATE]).stdout;
    expect(stylish).toMatch(new RegExp(`tasks-empty-small\\.yaml:4:3 +high +contradiction +${MESSAGE_START.replace(/[()]/g, '\\$&')}`));

    const sarif = JSON.parse(cli(['lint', SMALL, '--date', DATE, '--format', 'sarif']).stdout) as {
      runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; properties: Record<string, unknown> }[] }[];
    };
    const run = sarif.runs[0]!;
    const result = run.results.find((x) => x.ruleId === 'contradiction')!;
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe('contradiction');
    expect(run.tool.driver.rules[result.ruleIndex]!.help.text).toContain('(sales-audit explain contradiction)');
    expect(result.properties).toMatchObject({ scoredUnder: 'selling-time', messageId: 'contradiction' });
    // Every other result still points at its own rule's descriptor.
    for (const x of run.results) expect(run.tool.driver.rules[x.ruleIndex]!.id).toBe(x.ruleId);

    const junit = cli(['lint', SMALL, '--date', DATE, '--format', 'junit']).stdout;
    expect(junit).toContain('<testcase name="contradiction: admin.non_sales_tasks"');
    expect(junit).toContain(`<failure type="contradiction" message="${MESSAGE_START}`);

    // GitHub's workflow commands escape the percent sign.
    expect(cli(['lint', SMALL, '--date', DATE, '--format', 'github']).stdout).toContain(`title=contradiction (high)::${MESSAGE_START.replace(/%/g, '%25')}`);

    const json = JSON.parse(cli(['lint', SMALL, '--date', DATE, '--format', 'json']).stdout) as { files: { problems: { ruleId: string; message: string }[] }[] };
    expect(json.files[0]!.problems.filter((p) => p.message.startsWith(MESSAGE_START)).map((p) => p.ruleId)).toEqual(['contradiction']);
  });

  it('keeps the finding with the rule that scores it in the audit report', () => {
    const r = runAudit({ org: { admin: { selling_time_pct: 30, non_sales_tasks: [] } } as Org, date: DATE, rules, file: 'org.yaml' });
    expect(r.findings.filter((f) => f.messageId === 'contradiction').map((f) => f.ruleId)).toEqual(['selling-time']);
  });
});
