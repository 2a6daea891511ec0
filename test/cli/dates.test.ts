// --date takes a real calendar day as YYYY-MM-DD; anything else is a usage error.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/cli/options';
import { isCalendarDate as isIsoDate } from '../../src/engine/calendar';

describe('isIsoDate', () => {
  it.each(['2026-11-27', '2024-02-29', '2000-02-29', '1999-12-31', '2026-01-01'])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '26-01-01', '2026-01-01T00:00', ' 2026-01-01', ''])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it("parseDate turns a bad date into commander's usage error", () => {
    expect(parseDate('2026-11-27')).toBe('2026-11-27');
    expect(() => parseDate('2026-02-30')).toThrow('2026-02-30 does not exist: February 2026 has 28 days; expected a date as YYYY-MM-DD.');
    expect(() => parseDate('2026-13-01')).toThrow('2026-13-01 does not exist: there is no month 13; expected a date as YYYY-MM-DD.');
    expect(() => parseDate('27/11/2026')).toThrow(/^expected a date as YYYY-MM-DD\.$/);
  });
});
