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
