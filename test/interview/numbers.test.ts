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
