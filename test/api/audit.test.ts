// audit() refuses what would make a report that cannot be trusted: two rules
// with one id (a rule of one's own added under a built-in's id, or the same
// plugin twice) would each be scored, while settings, waivers and readers of
// the report find only one of them by that id.
import { describe, expect, it } from 'vitest';
import { audit, rules } from '../../src/api';

describe('audit(): rule ids', () => {
  it('refuses two rules with one id, with a TypeError naming it', () => {
    const copy = { ...rules.find((r) => r.id === 'selling-time')! };
    expect(() => audit({}, { date: '2026-11-27', rules: [...rules, copy] })).toThrow(new TypeError('audit: two rules have the id "selling-time"; give each rule an id of its own'));
    expect(
      audit({}, { date: '2026-11-27', rules: [...rules, { ...copy, id: 'selling-time-again' }] })
        .rules.map((r) => r.id)
        .at(-1),
    ).toBe('selling-time-again');
  });

  // Date.parse reads 2026-02-30 as 2 March: the library took a day the calendar lacks, which --date refuses.
  it('refuses a date the calendar does not have, as --date does', () => {
    expect(() => audit({}, { date: '2026-02-30' })).toThrow(new TypeError('audit: date "2026-02-30" is not a YYYY-MM-DD calendar date'));
    expect(() => audit({}, { date: '2028-02-29' })).not.toThrow();
  });
});
