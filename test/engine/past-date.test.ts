import { describe, expect, it } from 'vitest';
import { isCalendarDate, pastDate } from '../../src/engine/define-rule';
import type { DataIn } from '../../src/engine/types';

// pastDate: the one reading of "a date after the audit date" that five rules share.
const AUDIT = '2026-11-27';
/** A stand-in for a rule's `finding`: records what it was asked to build. */
const finding = (message: 'futureDate', paths: string[], data: DataIn, extra: { note: true }) => ({ message, paths, data, extra });

describe('pastDate', () => {
  it.each([
    { name: 'the audit date itself', value: AUDIT, usable: AUDIT },
    { name: 'a day before', value: '2026-11-26', usable: '2026-11-26' },
    { name: 'a year before', value: '2025-11-28', usable: '2025-11-28' },
    { name: 'a leap day', value: '2024-02-29', usable: '2024-02-29' },
    { name: 'left out', value: undefined, usable: undefined },
    { name: 'not a calendar date (no 29 February in 2026)', value: '2026-02-29', usable: undefined },
    { name: 'not a calendar date (month 13)', value: '2026-13-01', usable: undefined },
    { name: 'not a date at all', value: 'soon', usable: undefined },
    { name: 'empty', value: '', usable: undefined },
  ])('uses $name without a note', ({ value, usable }) => {
    const to: unknown[] = [];
    expect(pastDate(value, AUDIT, { finding, path: 'plan.last_reviewed', to })).toBe(usable);
    expect(to).toEqual([]);
  });

  it.each([
    { name: 'one day after the audit date', value: '2026-11-28' },
    { name: 'a year after', value: '2027-11-27' },
  ])('counts $name as unknown, with one futureDate note naming the fact', ({ value }) => {
    const to: unknown[] = ['an earlier finding'];
    expect(pastDate(value, AUDIT, { finding, path: 'roles[1].opened_on', data: { title: 'AE' }, to })).toBeUndefined();
    // The note joins the end of the list; `value` and `auditDate` come after the rule's own data.
    expect(to).toEqual(['an earlier finding', { message: 'futureDate', paths: ['roles[1].opened_on'], data: { title: 'AE', value, auditDate: AUDIT }, extra: { note: true } }]);
    expect(Object.keys((to[1] as { data: DataIn }).data)).toEqual(['title', 'value', 'auditDate']);
  });

  it('without a note, counts a date after the audit date as unknown silently', () => {
    expect(pastDate('2026-11-28', AUDIT)).toBeUndefined();
    expect(pastDate(AUDIT, AUDIT)).toBe(AUDIT);
    expect(pastDate(undefined, AUDIT)).toBeUndefined();
  });
});

describe('isCalendarDate', () => {
  it.each(['2026-11-27', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])('accepts %s', (s) => expect(isCalendarDate(s)).toBe(true));
  it.each(['2026-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '2026-1-01', '26-11-27', '2026-11-27T00:00:00Z', '2026/11/27', ''])('refuses %s', (s) =>
    expect(isCalendarDate(s)).toBe(false),
  );
});
