// The question planner: which questions a file produces, in which order, and
// that answered, "don't know" and not-applicable facts are left alone.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { SECTIONS } from '../../src/model/schema';
import { planQuestions, questionFor, type PlanState, type RuleReads } from '../../src/interview/plan';
import { OrgText } from '../../src/interview/writeback';

const stateOf = (yaml: string): PlanState => new OrgText(yaml).state();
const paths = (yaml: string, opts = {}, rs: readonly RuleReads[] = rules) => planQuestions(stateOf(yaml), rs, opts).map((q) => q.id);

describe('planner on an empty org', () => {
  const plan = planQuestions(stateOf(''), rules);

  it('starts with the company and follows the section order', () => {
    expect(plan[0]!.path).toBe('company.name');
    const order = plan.map((q) => SECTIONS.indexOf(q.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(plan.map((q) => q.section)).size).toBeGreaterThanOrEqual(12);
  });

  it('words every question from the schema meta, never from the path', () => {
    for (const q of plan) {
      expect(q.message, q.path).not.toBe(q.path);
      expect(q.message.length, q.path).toBeGreaterThan(8);
    }
  });

  it('says which rules each answer feeds', () => {
    const byPath = new Map(plan.map((q) => [q.path, q]));
    // sales-vs-marketing reads it too: in a founder-led company the founder is to own the message
    expect(byPath.get('leadership.sales_managed_by')!.feeds.map((f) => f.id)).toEqual(['sales-leadership', 'sales-vs-marketing']);
    expect(byPath.get('people')!.feeds.map((f) => f.id)).toEqual(expect.arrayContaining(['selling-time', 'individual-coaching']));
    expect(byPath.get('company.name')!.feeds).toEqual([]); // asked for the report (askAlways)
  });

  it('asks lists of objects as one "add" question, with the CSV alternative for people', () => {
    const people = plan.find((q) => q.path === 'people')!;
    expect(people).toMatchObject({ kind: 'items', item: 'person', csv: 'people_csv', count: 0, continuing: false, id: 'people#0' });
    expect(plan.some((q) => q.path.startsWith('people['))).toBe(false);
  });

  it("does not ask facts that depend on an unanswered one (an open role's date, the plan's contents)", () => {
    const ids = plan.map((q) => q.path);
    expect(ids).toContain('plan.documented');
    expect(ids).not.toContain('plan.covers');
    expect(ids).not.toContain('tools.travel_connectivity');
    // ...but counts them when asked to (for "question i of m").
    const counted = planQuestions(stateOf(''), rules, { conditional: true }).map((q) => q.path);
    expect(counted).toContain('plan.covers');
  });
});

describe('planner on a partial file', () => {
  const yaml = `
company:
  name: Acme
leadership:
  sales_managed_by: ceo
  manager_experience_years: unknown   # nobody knows
plan:
  documented: true
tools:
  reps_travel: true
roles:
  - title: VP of Sales
    open: true
`;

  it('skips answered and "don\'t know" facts, asks the rest', () => {
    const ids = paths(yaml);
    expect(ids).not.toContain('company.name');
    expect(ids).not.toContain('leadership.sales_managed_by');
    expect(ids).not.toContain('leadership.manager_experience_years');
    expect(ids).toContain('leadership.outside_help');
    expect(ids).toContain('leadership.leader_since');
  });

  it("asks what an answer opened: the plan's contents, the open role's date, travel connectivity", () => {
    const ids = paths(yaml);
    expect(ids).toEqual(expect.arrayContaining(['plan.covers', 'plan.shared_with_reps', 'plan.last_reviewed', 'roles[0].opened_on', 'roles[0].role_profile', 'tools.travel_connectivity']));
  });

  it("asks a new leader's 90-day plan only while the leader may be new (leader_since unknown or under a year before the interview)", () => {
    const lead = (since?: string) => paths(`leadership:\n  sales_managed_by: ceo\n${since ? `  leader_since: ${since}\n` : ''}`, { section: 'leadership', date: '2026-11-27' });
    expect(lead()).toContain('leadership.first_90_days_plan');
    expect(lead('2026-10-01')).toContain('leadership.first_90_days_plan');
    expect(lead('2025-11-28')).toContain('leadership.first_90_days_plan'); // 364 days: a newLeaderDays setting may still reach it
    expect(lead('2025-11-27')).not.toContain('leadership.first_90_days_plan'); // a year: the check does not apply
    expect(lead('2022-04-04')).not.toContain('leadership.first_90_days_plan');
    expect(lead('2022-04-04')).toContain('leadership.leaders_last_3_years');
    // Without the interview's date (the planner alone), it is asked.
    expect(paths('leadership:\n  sales_managed_by: ceo\n  leader_since: 2022-04-04\n', { section: 'leadership' })).toContain('leadership.first_90_days_plan');
  });

  it('asks missing fields of existing list items but no "add another" for a finished list', () => {
    const ids = paths(yaml);
    expect(ids).toContain('roles[0].carries_quota');
    expect(ids.some((id) => id.startsWith('roles#'))).toBe(false);
  });

  it('keeps schema order inside a section, and puts a dependent fact after the one it depends on', () => {
    const tools = paths('tools:\n  crm: none\n').filter((id) => id.startsWith('tools.'));
    expect(tools).toEqual(['tools.system_of_record', 'tools.crm_active_use_pct', 'tools.reps_travel']);
    const tools2 = paths('tools:\n  reps_travel: true\n').filter((id) => id.startsWith('tools.'));
    expect(tools2.slice(-2)).toEqual(['tools.remote_access', 'tools.travel_connectivity']);
  });

  it('--all asks answered facts again, with the current answer (or "don\'t know") as the default', () => {
    const plan = planQuestions(stateOf(yaml), rules, { all: true });
    expect(plan.find((q) => q.path === 'company.name')).toMatchObject({ current: 'Acme' });
    expect(plan.find((q) => q.path === 'leadership.manager_experience_years')).toMatchObject({ currentUnknown: true });
    expect(plan.find((q) => q.id === 'roles#1')).toMatchObject({ kind: 'items', continuing: true, count: 1 });
  });

  it('--section limits the plan to one section', () => {
    const plan = planQuestions(stateOf(yaml), rules, { section: 'leadership' });
    expect(plan.length).toBeGreaterThan(0);
    expect(new Set(plan.map((q) => q.section))).toEqual(new Set(['leadership']));
  });

  it('an unfinished list (interrupted "add another?") is offered again after its items', () => {
    const ids = paths(`roles:\n  - title: AE\n  # sales-audit interview: roles is not finished yet\n`, { section: 'roles' });
    expect(ids.at(-1)).toBe('roles#1');
    expect(ids).toContain('roles[0].open');
  });

  it('a CSV roster answers the people list; a whole list answered "unknown" is not asked', () => {
    expect(paths('people_csv: reps.csv\n', { section: 'people' })).toEqual([]);
    expect(paths('people: unknown\n', { section: 'people' })).toEqual([]);
    expect(paths('recruiting:\n  open_territories: []\n', { section: 'recruiting' })).not.toContain('recruiting.open_territories#0');
  });

  it('asks per-person facts only of people who sell', () => {
    const ids = paths(`people:\n  - name: CEO\n    is_rep: false\n  - name: AE 1\n    is_rep: true\n`, { section: 'people' });
    expect(ids).not.toContain('people[0].selling_time_pct');
    expect(ids).toContain('people[1].selling_time_pct');
    expect(ids).toContain('people[1].coaching.plan');
    expect(ids).toContain('people[1].actions#0');
  });

  it("labels an item's questions with the item", () => {
    const plan = planQuestions(stateOf(`people:\n  - name: AE 1\n    is_rep: true\n`), rules, { section: 'people' });
    expect(plan.find((q) => q.path === 'people[0].selling_time_pct')!.context).toBe('Person 1 (AE 1)');
  });
});

describe('the plan comes from the model', () => {
  it("a rule that reads a fact is enough for the interview to ask it, with the schema's kind and range", () => {
    const extra: RuleReads = { id: 'headcount', title: 'Headcount is known', reads: ['company.employees'] };
    const q = planQuestions(stateOf(''), [extra]).find((x) => x.path === 'company.employees')!;
    expect(q).toMatchObject({ kind: 'number', min: 0, integer: true, unit: 'people', feeds: [{ id: 'headcount', title: 'Headcount is known' }] });
    expect(q.message).toBe('How many people work at the company?');
    // Without a rule reading it, it is not asked.
    expect(paths('', {}, [])).toEqual(['company.name']);
  });

  it('each fact kind maps to its prompt kind', () => {
    expect(questionFor('leadership.sales_managed_by')).toMatchObject({ kind: 'select' });
    expect(questionFor('leadership.outside_help')).toMatchObject({ kind: 'checkbox' });
    expect(questionFor('people[0].selling_time_pct')).toMatchObject({ kind: 'number', min: 0, max: 100 });
    expect(questionFor('plan.documented')).toMatchObject({ kind: 'boolean' });
    expect(questionFor('plan.last_reviewed')).toMatchObject({ kind: 'date' });
    expect(questionFor('tools.crm')).toMatchObject({ kind: 'text' });
    expect(questionFor('people[0].attainment')).toMatchObject({ kind: 'values', valueKind: 'number', min: 0 });
    expect(questionFor('process.stages[0].exit_criteria')).toMatchObject({ kind: 'values', valueKind: 'text' });
    expect(questionFor('admin.non_sales_tasks')).toMatchObject({ kind: 'items', item: 'task' });
    expect(questionFor('leadership')).toBeUndefined();
    expect(questionFor('leadership.nope')).toBeUndefined();
  });
});
