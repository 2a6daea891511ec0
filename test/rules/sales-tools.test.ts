import { describe, expect, it } from 'vitest';
import rule from '../../rules/sales-tools';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const good = { crm: 'HubSpot', system_of_record: 'crm' as const, crm_active_use_pct: 95, reps_travel: true, remote_access: true, travel_connectivity: true };

describe('sales-tools', () => {
  it.each([
    { name: 'passes with one CRM used by the team and access on the road', tools: good, status: 'pass', score: 1, messages: [], paths: [] },
    { name: 'fails without a CRM', tools: { ...good, crm: 'none' }, status: 'fail', score: 0, messages: ['noCrm'], paths: ['tools.crm'] },
    {
      name: 'fails when spreadsheets are the system of record',
      tools: { ...good, system_of_record: 'spreadsheets' as const },
      status: 'fail',
      score: 0,
      messages: ['notSystemOfRecord'],
      paths: ['tools.system_of_record'],
    },
    {
      name: 'fails when notes are the system of record, even with the CRM unknown',
      tools: { system_of_record: 'notes' as const },
      status: 'fail',
      score: 0,
      messages: ['notSystemOfRecord'],
      paths: ['tools.system_of_record'],
    },
    {
      name: 'is partial when fewer than 90% of reps use the CRM',
      tools: { ...good, crm_active_use_pct: 60 },
      status: 'partial',
      score: 0.8,
      messages: ['lowAdoption'],
      paths: ['tools.crm_active_use_pct'],
    },
    { name: 'accepts exactly 90% active use', tools: { ...good, crm_active_use_pct: 90 }, status: 'pass', score: 1, messages: [], paths: [] },
    {
      name: 'is partial when travelling reps lack remote access',
      tools: { ...good, remote_access: false },
      status: 'partial',
      score: 0.75,
      messages: ['noRemoteAccess'],
      paths: ['tools.remote_access', 'tools.reps_travel'],
    },
    {
      name: 'does not require remote access when reps do not travel',
      tools: { ...good, reps_travel: false, remote_access: false, travel_connectivity: false },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'takes a little off for travelling reps without mobile data',
      tools: { ...good, travel_connectivity: false },
      status: 'pass',
      score: 0.9,
      messages: ['noConnectivity'],
      paths: ['tools.travel_connectivity', 'tools.reps_travel'],
    },
    {
      name: 'stays partial at worst once the CRM is the system of record',
      tools: { ...good, crm_active_use_pct: 0, remote_access: false, travel_connectivity: false },
      status: 'partial',
      score: 0.5,
      messages: ['lowAdoption', 'noRemoteAccess', 'noConnectivity'],
      paths: ['tools.crm_active_use_pct', 'tools.remote_access', 'tools.reps_travel', 'tools.travel_connectivity', 'tools.reps_travel'],
    },
    {
      name: 'takes a CRM system of record as proof of a CRM',
      tools: { system_of_record: 'crm' as const, crm_active_use_pct: 95 },
      status: 'pass',
      score: 1,
      messages: [],
      paths: [],
    },
    {
      name: 'notes, without scoring, an unknown adoption rate and unknown travel',
      tools: { crm: 'Pipedrive', remote_access: false },
      status: 'pass',
      score: 1,
      messages: [],
      paths: ['tools.crm_active_use_pct', 'tools.reps_travel'],
    },
  ])('$name', ({ tools, status, score, messages, paths }) => {
    const r = runRule(rule, { tools });
    expectOutcome(r, { status, score, messages, paths });
  });

  it('is not assessed when whether there is a CRM is unknown', () => {
    const r = runRule(rule, { tools: { remote_access: true, crm_active_use_pct: 80 } });
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(['tools.crm']);
  });

  it('lists the fixes, naming the CRM in use', () => {
    const r = runRule(rule, { tools: { ...good, crm_active_use_pct: 50, remote_access: false } });
    expect(r.steps).toEqual(['enforceUse', 'remoteAccess']);
    expect(r.checklist[0]!.action).toContain('HubSpot');
    expect(r.checklist[0]!.action).toContain('90%');
    expect(runRule(rule, { tools: { crm: 'none' } }).steps).toEqual(['adoptCrm']);
    expect(runRule(rule, { tools: { ...good, system_of_record: 'spreadsheets' } }).steps).toEqual(['migrate']);
    expect(runRule(rule, { tools: good }).steps).toEqual([]);
  });

  it('honours a re-tuned adoption target and cites its source', () => {
    const tools = { ...good, crm_active_use_pct: 60 };
    expect(runRule(rule, { tools }, { options: { activeUseTarget: 50 } }).score).toBe(1);
    const r = runRule(rule, { tools }, { options: { activeUseTarget: 75 } });
    expect(r.score).toBe(0.82);
    const t = r.findings[0]!.thresholds;
    expect(t.map((x) => [x.name, x.value])).toEqual([['activeUseTarget', 75]]);
    expect(t[0]!.source).toMatch(/CSO Insights.*2006/);
  });

  it.each([
    { name: 'with a named CRM', tools: { crm: 'Pipedrive', system_of_record: 'none' as const }, steps: ['makeRecord'], action: 'Make Pipedrive the one place where every customer, contact and deal is recorded, and have the reps enter theirs there.' },
    { name: 'without a known CRM', tools: { system_of_record: 'none' as const }, steps: ['adoptCrm'], action: 'Choose one CRM and make it the single record of every customer, contact and deal.' },
  ])('fails when customer data has no single home, without "lives in no single place": $name', ({ tools, steps, action }) => {
    const r = runRule(rule, { tools });
    expect(r.status).toBe('fail');
    expect(r.score).toBe(0);
    expect(r.messages).toEqual(['noSystemOfRecord']);
    expect(r.paths).toEqual(['tools.system_of_record']);
    expect(r.steps).toEqual(steps);
    expect(r.checklist[0]!.action).toBe(action);
  });
});
