// Numbers as people type them: a trailing % where a percentage is asked, a
// whole number said as such, a fraction for a percentage refused with the fix.
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/interview/prompter';
import { questionFor } from '../../src/interview/plan';

const q = (path: string) => {
  const x = questionFor(path);
  if (!x) throw new Error(`no question for ${path}`);
  return x;
};

describe('parseNumber', () => {
  it('accepts a trailing % wherever a percentage is asked', () => {
    expect(parseNumber(q('tools.crm_active_use_pct'), '38%')).toEqual({ ok: true, value: 38 });
    expect(parseNumber(q('admin.selling_time_pct'), ' 38 % ')).toEqual({ ok: true, value: 38 });
    expect(parseNumber(q('tools.crm_active_use_pct'), '38')).toEqual({ ok: true, value: 38 });
  });

  it('refuses a percentage typed as a fraction, with the fix', () => {
    expect(parseNumber(q('tools.crm_active_use_pct'), '0.8')).toEqual({ ok: false, message: '0.8 reads as 0.8 %; percentages are numbers from 0 to 100: write 80 for 80 %' });
    expect(parseNumber(q('tools.crm_active_use_pct'), '0')).toEqual({ ok: true, value: 0 });
  });

  it('says "a whole number" for a count, not a step', () => {
    expect(parseNumber(q('admin.support_staff'), '0.5')).toEqual({ ok: false, message: 'expected a whole number; got 0.5' });
    expect(parseNumber(q('admin.support_staff'), '2')).toEqual({ ok: true, value: 2 });
  });

  it('refuses what is not a number, and a % where no percentage is asked', () => {
    expect(parseNumber(q('admin.support_staff'), 'two')).toMatchObject({ ok: false, message: 'expected a number, such as 12; got "two"' });
    expect(parseNumber(q('admin.support_staff'), '2%')).toMatchObject({ ok: false });
    expect(parseNumber(q('tools.crm_active_use_pct'), '140')).toMatchObject({ ok: false });
  });
});

import { dateHint } from '../../src/interview/prompter';

describe('dateHint: dates people type', () => {
  it('a month alone: its first day, or the exact day', () => {
    expect(dateHint('2024-03')).toBe('a day is needed: write 2024-03-01 for the start of that month, or the exact day (YYYY-MM-DD)');
    expect(dateHint('March 2024')).toBe('a day is needed: write 2024-03-01 for the start of March 2024, or the exact day (YYYY-MM-DD)');
    expect(dateHint('Sept. 2025')).toBe('a day is needed: write 2025-09-01 for the start of September 2025, or the exact day (YYYY-MM-DD)');
  });

  it('a day written day first: the same day as YYYY-MM-DD', () => {
    expect(dateHint('15.01.2026')).toBe('dates are written YYYY-MM-DD: write 2026-01-15');
    expect(dateHint('15/01/2026')).toBe('dates are written YYYY-MM-DD: write 2026-01-15');
    expect(dateHint('01/15/2026')).toBe('dates are written YYYY-MM-DD: write 2026-01-15');
  });

  it('says nothing it cannot read', () => {
    expect(dateHint('soon')).toBeUndefined();
    expect(dateHint('2024-13')).toBeUndefined();
  });
});
