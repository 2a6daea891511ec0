// Option parsers shared by commands: each rejects bad values with a usage error
// (exit 2) that says what was expected.
import { InvalidArgumentError, type Command } from 'commander';
import { SEVERITIES, type Severity } from '../engine/types';
import { isCalendarDate, noSuchDay } from '../engine/calendar';

export function parseDate(v: string): string {
  // A well-formed day the calendar lacks (2026-02-30) is told why, as in an org file, not asked for in a form it has.
  const why = isCalendarDate(v) ? undefined : noSuchDay(v);
  if (why) throw new InvalidArgumentError(`${v} does not exist: ${why}; expected a date as YYYY-MM-DD.`);
  if (!isCalendarDate(v)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return v;
}

export function parseScore(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a score from 0 to 100.');
  return n;
}

/** A coverage percentage, 0 to 100. */
export function parsePct(v: string): number {
  const n = Number(v.trim().replace(/%$/, ''));
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a coverage from 0 to 100 (%).');
  return n;
}

export function parseSeverity(raw: string): Severity {
  const v = raw.toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of: ${SEVERITIES.join(', ')}.`);
  return v as Severity;
}

export type Paper = 'a4' | 'letter';

export function parsePaper(v: string): Paper {
  const p = v.toLowerCase();
  if (p !== 'a4' && p !== 'letter') throw new InvalidArgumentError('expected a4 or letter.');
  return p;
}

/** The gates `audit` and `lint` share, declared once so both read the same. */
export function gateOptions(cmd: Command): Command {
  return cmd
    .option('--fail-under <score>', 'exit 1 when the score is under this (0-100)', parseScore)
    .option('--min-coverage <pct>', 'exit 1 when coverage is under this (0-100 %)', parsePct)
    .option('--fail-on <severity>', 'exit 1 on a finding at or above this severity (critical, high, medium, low)', parseSeverity)
    .option('--strict', 'exit 1 when a rule is not assessed (facts missing)')
    .option('--no-strict', 'do not, even if the config sets gates.strict');
}
