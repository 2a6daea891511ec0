// interview --quick <n>: only the n facts with the most points in play.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import type { AuditReport, ChecklistItem } from '../../src/engine/types';
import { planQuestions } from '../../src/interview/plan';
import { quickFacts } from '../../src/interview/quick';
import { OrgText } from '../../src/interview/writeback';
import { loadOrgText } from '../../src/load/load';

const item = (gain: number, facts: string[], kind: ChecklistItem['kind'] = 'find-out') => ({ kind, gain, facts }) as ChecklistItem;

describe('quickFacts', () => {
  it('takes the facts of the find-out items with the most points in play first, without repeats', () => {
    const report = { checklist: [item(3, ['a']), item(9, ['b', 'c']), item(20, ['x'], 'fix'), item(9, ['c', 'd']), item(1, ['e'])] } as unknown as AuditReport;
    expect(quickFacts(report, 3)).toEqual(['b', 'c', 'd']);
    expect(quickFacts(report, 10)).toEqual(['b', 'c', 'd', 'a', 'e']);
  });
});

describe('planQuestions with only', () => {
  it('asks the wanted facts and nothing else', async () => {
    const text = ['version: 1', 'company: {name: Acme, employees: 30}', 'leadership: {sales_managed_by: ceo}', 'people:', '  - {name: AE 1, is_rep: true}', '  - {name: AE 2, is_rep: true}', ''].join(
      '\n',
    );
    const loaded = await loadOrgText(text, 'org.yaml');
    if (!loaded.ok) throw new Error('the org should load');
    const report = runAudit({ org: loaded.value.org, unknowns: loaded.value.unknowns, date: '2026-11-27', rules, file: 'org.yaml' });
    const wanted = quickFacts(report, 3);
    expect(wanted).toHaveLength(3);
    const asked = planQuestions(new OrgText(text).state(), rules, { only: wanted }).map((q) => q.path);
    const all = planQuestions(new OrgText(text).state(), rules).map((q) => q.path);
    expect(asked.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(asked.length * 3);
    // Each question asked is a wanted fact, or holds one.
    for (const q of asked) expect(wanted.some((f) => f === q || f.startsWith(`${q}.`) || f.startsWith(`${q}[`) || f.replace(/\[\]/g, '') === q.replace(/\[\d+\]/g, ''))).toBe(true);
  });

  it('asks a list that holds a generic fact, and the gates beside it (name, whether the person sells)', () => {
    const asked = planQuestions(new OrgText('version: 1\npeople:\n  - name: AE 1\n').state(), rules, { only: ['people[].coaching.plan'] }).map((q) => q.path);
    expect(asked).toContain('people[0].is_rep');
    expect(asked).not.toContain('people[0].selling_time_pct');
  });
});

describe('team-wide facts once a roster is given', () => {
  it('does not ask the team-wide selling time when people are listed one by one, and asks it when they are not', () => {
    const withPeople = planQuestions(new OrgText('version: 1\npeople:\n  - {name: AE 1, is_rep: true}\n').state(), rules).map((q) => q.path);
    expect(withPeople).not.toContain('admin.selling_time_pct');
    expect(withPeople).toContain('people[0].selling_time_pct');
    const withRoster = planQuestions(new OrgText('version: 1\npeople_csv: team.csv\n').state(), rules).map((q) => q.path);
    expect(withRoster).not.toContain('admin.selling_time_pct');
    const without = planQuestions(new OrgText('version: 1\n').state(), rules).map((q) => q.path);
    expect(without).toContain('admin.selling_time_pct');
  });
});
