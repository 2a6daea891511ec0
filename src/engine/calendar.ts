// One meaning of "a date" for the engine, the library and the command line: a
// real calendar day written YYYY-MM-DD. In a module of its own so the CLI's
// entry can check --date without loading the rule machinery.

/** True when s is a calendar date written YYYY-MM-DD (2026-02-29 is not: 2026 is no leap year). No Date object: the same on every Node, and cheap at start. */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8));
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
}
