// Checklist owners follow the organisation: never a role the company lacks.
import { describe, expect, it } from 'vitest';
import { NO_FINANCE_BELOW, NO_HR_BELOW, resolveOwner } from '../../src/engine/owners';
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import type { Org } from '../../src/model/schema';

describe('resolveOwner', () => {
  it('gives the sales manager steps to the CEO when the CEO manages sales, to the founder when a founder does', () => {
    expect(resolveOwner('Sales manager', { leadership: { sales_managed_by: 'ceo' } })).toBe('CEO');
    expect(resolveOwner('Sales manager', { leadership: { sales_managed_by: 'nobody' } })).toBe('CEO');
    expect(resolveOwner('Sales manager', { leadership: { sales_managed_by: 'founder' } })).toBe('Founder');
    expect(resolveOwner('Sales manager', { leadership: { sales_managed_by: 'sales_manager' } })).toBe('Sales manager');
    // Unknown: the standard role.
    expect(resolveOwner('Sales manager', {})).toBe('Sales manager');
  });

  it('has no HR department in a small firm: an outside adviser, also when HR co-owns a step', () => {
    const small: Org = { company: { employees: NO_HR_BELOW - 1 } };
    expect(resolveOwner('HR', small)).toBe('Outside HR adviser');
    expect(resolveOwner('CEO with HR', small)).toBe('CEO with an outside HR adviser');
    expect(resolveOwner('HR', { company: { employees: NO_HR_BELOW } })).toBe('HR');
    expect(resolveOwner('HR', {})).toBe('HR');
  });

  it('leaves finance with the CEO in a very small firm, marketing with the CEO when nobody does it', () => {
    expect(resolveOwner('Finance', { company: { employees: NO_FINANCE_BELOW - 1 } })).toBe('CEO');
    expect(resolveOwner('Marketing', { marketing: { function: 'none' } })).toBe('CEO');
    expect(resolveOwner('Marketing', { marketing: { function: 'shared' } })).toBe('Marketing');
  });

  it('removes a repeat: "Sales manager with CEO" where the CEO manages sales is the CEO alone', () => {
    expect(resolveOwner('Sales manager with CEO', { leadership: { sales_managed_by: 'ceo' } })).toBe('CEO');
  });

  it('in a 14-person company managed by the CEO, no checklist item is owned by a sales manager or HR', () => {
    const org: Org = {
      company: { employees: 14 },
      leadership: { sales_managed_by: 'ceo', manager_experience_years: 0 },
      people: [{ name: 'AE 1', is_rep: true, coaching: { plan: 'none' }, attainment: [40, 35, 30], actions: [{ action: 'pay_cut', date: '2026-06-01' }] }],
      plan: { documented: false },
    };
    const report = runAudit({ org, date: '2026-11-27', rules, file: 'org.yaml' });
    const owners = report.checklist.filter((c) => c.kind === 'fix').map((c) => c.owner);
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.filter((o) => /Sales manager|^HR$|\bHR\b(?! adviser)/.test(o))).toEqual([]);
  });
});

describe('a founder who manages sales: never "CEO with Founder" for what may be one person', () => {
  // Every owner the rules name, as written in rules/ (a test below checks the list is complete).
  const OWNERS = [
    'CEO',
    'CEO with Finance',
    'CEO with HR',
    'CEO with Sales manager',
    'Finance',
    'HR',
    'Legal',
    'Marketing',
    'Operations',
    'Sales manager',
    'Sales manager with HR',
    'Sales operations with Finance',
  ];
  const founder = (people?: Org['people'], employees = 10): Org => ({ company: { employees }, leadership: { sales_managed_by: 'founder' }, ...(people ? { people } : {}) });

  it('lists every owner combination the rules use', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../rules/', import.meta.url);
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/\bowner: '([^']+)'/g)) used.add(m[1]!);
    expect([...used].sort()).toEqual([...OWNERS].sort());
  });

  it('one person with both titles on the roster: one owner, the CEO, for the sales steps too', () => {
    for (const title of ['Founder & CEO', 'CEO and co-founder', 'Co-Founder / Chief Executive']) {
      const org = founder([{ name: 'Dana', title }]);
      expect(resolveOwner('CEO with Sales manager', org), title).toBe('CEO');
      expect(resolveOwner('Sales manager', org), title).toBe('CEO');
      expect(resolveOwner('Sales operations with Finance', org), title).toBe('CEO');
    }
  });

  it('no separate CEO listed (no roster, or only the founder): "Founder/CEO", one owner named by both roles', () => {
    for (const org of [
      founder(),
      founder([
        { name: 'Dana', title: 'Founder' },
        { name: 'AE 1', is_rep: true },
      ]),
    ]) {
      expect(resolveOwner('CEO with Sales manager', org)).toBe('Founder/CEO');
      // Finance is the CEO under 15 employees: the same pair, the other way round.
      expect(resolveOwner('Sales operations with Finance', org)).toBe('Founder/CEO');
      expect(resolveOwner('Sales manager', org)).toBe('Founder');
      expect(resolveOwner('Sales manager with HR', org)).toBe('Founder with an outside HR adviser');
    }
  });

  it('a separate CEO on the roster: two people, "CEO with Founder"', () => {
    const org = founder([
      { name: 'Kim', title: 'CEO' },
      { name: 'Dana', title: 'Co-founder, Sales' },
    ]);
    expect(resolveOwner('CEO with Sales manager', org)).toBe('CEO with Founder');
    expect(resolveOwner('Sales operations with Finance', org)).toBe('Founder with CEO');
  });

  it('walks every owner in every kind of founder-led company: no "CEO with Founder" unless a separate CEO is listed', () => {
    const orgs = [founder(), founder([{ name: 'Dana', title: 'Founder & CEO' }]), founder([{ name: 'Dana', title: 'Founder' }]), founder(undefined, 30), founder(undefined, 60)];
    for (const org of orgs)
      for (const owner of OWNERS) {
        const got = resolveOwner(owner, org);
        expect(got, `${owner} in ${JSON.stringify(org)}`).not.toMatch(/CEO with Founder|Founder with CEO/);
        expect(got.split(' with ').length, got).toBeLessThanOrEqual(2);
      }
  });

  it('the checklist of a small founder-led company names no "CEO with Founder"', () => {
    const org: Org = {
      ...founder([
        { name: 'Dana', title: 'Founder & CEO', is_rep: true },
        { name: 'AE 1', is_rep: true, coaching: { plan: 'none' }, attainment: [40, 35, 30], actions: [{ action: 'pay_cut', date: '2026-06-01' }] },
      ]),
      plan: { documented: false },
    };
    const owners = runAudit({ org, date: '2026-11-27', rules, file: 'org.yaml' }).checklist.map((c) => c.owner);
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.filter((o) => /Founder/.test(o))).toEqual([]);
  });

  // Review s9, item 2 (rev9/own-founder.yaml): a founder runs sales and the roster lists a CEO but no other founder.
  // The founder is the CEO: one owner, never "CEO with Founder", and the steps of one subject keep it.
  it('a CEO on the roster and no other founder: the founder running sales is the CEO, one owner per subject', () => {
    const org: Org = {
      ...founder([
        { name: 'CEO', title: 'Chief Executive Officer', is_rep: false, direct_reports: 3 },
        { name: 'AE 1', title: 'Account Executive', is_rep: true, coaching: { plan: 'none' }, attainment: [40, 35, 30], actions: [{ action: 'pay_cut', date: '2026-06-01' }] },
        { name: 'AE 2', title: 'Account Executive', is_rep: true },
        { name: 'AE 3', title: 'Account Executive', is_rep: true },
      ]),
      plan: { documented: false },
      policies: [{ applies_to: 'all reps', underperformance: ['pay_cut'] }],
    };
    expect(resolveOwner('CEO with Sales manager', org)).toBe('CEO');
    expect(resolveOwner('Sales manager', org)).toBe('CEO');
    expect(resolveOwner('Sales manager with HR', org)).toBe(resolveOwner('CEO with HR', org));
    const checklist = runAudit({ org, date: '2026-11-27', rules, file: 'org.yaml' }).checklist;
    expect(checklist.filter((c) => /Founder/.test(c.owner)).map((c) => c.owner)).toEqual([]);
    // Every subject (a rule's steps) has one lead owner: the first person named.
    const lead = new Map<string, Set<string>>();
    for (const c of checklist) if (c.kind === 'fix') lead.set(c.ruleId, (lead.get(c.ruleId) ?? new Set()).add(c.owner.split(' with ')[0]!.replace(/^an? /, '')));
    const switching = [...lead].filter(([, o]) => o.has('CEO') && o.has('Founder'));
    expect(switching).toEqual([]);
  });
});
