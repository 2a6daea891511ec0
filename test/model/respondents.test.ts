import { describe, expect, it } from 'vitest';
import { knownBy, canAnswer, customFactGroups, customFactSection, factPattern, RESPONDENT_GROUPS } from '../../src/model/respondents';
import { SECTIONS } from '../../src/model/sections';

describe('who can answer which fact', () => {
  it('reads the fact first, then its enclosing object, then its section', () => {
    expect(knownBy('people[3].attainment')[0]).toBe('operations');
    expect(knownBy('people[0].coaching.one_to_one')[0]).toBe('reps');
    expect(knownBy('plan.shared_with_reps')[0]).toBe('reps');
    expect(knownBy('plan.documented')).toEqual(['management', 'leadership']);
    expect(knownBy('compensation.components[1].weight_pct')[0]).toBe('finance');
  });
  it('gives every section at least one group, and waivers none', () => {
    for (const s of SECTIONS) expect(knownBy(`${s}.anything`).length, s).toBeGreaterThan(0);
    expect(knownBy('waivers[0].rule')).toEqual([]);
  });
  it('uses only known groups and writes indexes as []', () => {
    expect(factPattern('people[12].actions[3].date')).toBe('people[].actions[].date');
    expect(canAnswer('reps', 'people[1].coaching.hours_per_month')).toBe(true);
    expect(canAnswer('reps', 'people[1].attainment')).toBe(false);
    for (const s of SECTIONS) for (const g of knownBy(`${s}.x`)) expect(RESPONDENT_GROUPS).toContain(g);
  });
});

describe("who can answer a plugin rule's custom facts", () => {
  const facts = (shape: Record<string, unknown>) => ({ _zod: { def: { type: 'object', shape } } });
  const field = (meta?: Record<string, unknown>) => (meta ? { [Symbol.for('sales-audit.fact-meta')]: meta, _zod: { def: { type: 'boolean' } } } : { _zod: { def: { type: 'boolean' } } });
  it('its askOf, best informed first; else the groups of its section (first built-in fact read, else its category); none without a declaration', () => {
    const rules = [
      { id: 'a', reads: ['custom.a.x', 'compensation.basis'], category: 'process' as const, facts: facts({ x: field({ question: 'X?' }), y: field({ askOf: ['reps', 'finance'] }) }) },
      { id: 'b', reads: ['custom.b.z'], category: 'strategy' as const, facts: facts({ z: field() }) },
    ];
    const custom = customFactGroups(rules);
    expect(customFactSection(rules[0]!)).toBe('compensation');
    expect(customFactSection(rules[1]!)).toBe('plan');
    expect(knownBy('custom.a.x', custom)).toEqual(knownBy('compensation.anything'));
    expect(knownBy('custom.a.y', custom)).toEqual(['reps', 'finance']);
    expect(knownBy('custom.b.z', custom)).toEqual(knownBy('plan.anything'));
    expect(canAnswer('reps', 'custom.a.y', custom)).toBe(true);
    expect(canAnswer('management', 'custom.a.y', custom)).toBe(false);
    expect(knownBy('custom.a.x')).toEqual([]);
    expect(knownBy('custom.c.x', custom)).toEqual([]);
  });
});
