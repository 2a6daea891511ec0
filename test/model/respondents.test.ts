import { describe, expect, it } from 'vitest';
import { knownBy, canAnswer, factPattern, RESPONDENT_GROUPS } from '../../src/model/respondents';
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
