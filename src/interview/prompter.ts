// The interview's only way to ask: a small interface, so the session's logic
// runs the same against a terminal (inquirer.ts), an answers file (answers.ts)
// or a test double. Also the parsing both share: typed text into fact values.
import type { Section } from '../model/schema';
import { checkAnswer, type Question } from './plan';

export type FactAnswer = { kind: 'value'; value: unknown } | { kind: 'unknown' } | { kind: 'skip' };

export type ItemsAnswer =
  | { kind: 'add' } // one more item
  | { kind: 'done' } // no more items
  | { kind: 'none' } // the list is empty
  | { kind: 'csv'; path: string } // a CSV roster instead (people_csv)
  | { kind: 'unknown' }
  | { kind: 'skip' };

export interface Progress {
  section: Section;
  /** 1-based, among the sections this run asks about. */
  sectionIndex: number;
  sectionCount: number;
  /** 1-based, within the section: one more at every question, never less. */
  index: number;
  /**
   * The questions of the section: those asked so far (this one included) and
   * those still to ask, counting the follow-ups an answer may still open and,
   * for a list not started, one item's questions. It falls when an answer
   * closes follow-ups, and rises only when a list gets another item; the
   * section ends at its count (Prompter.sectionDone when answers closed the
   * last ones).
   */
  count: number;
}

export interface ItemsContext {
  /** Checks a CSV roster path (relative to the org file); returns a message when it cannot be used. */
  checkCsv(path: string): Promise<string | undefined>;
}

export interface Prompter {
  ask(q: Question, progress: Progress): Promise<FactAnswer>;
  /** One step of an "add another?" loop (q.kind === 'items'). */
  askItems(q: Question, progress: Progress, ctx: ItemsContext): Promise<ItemsAnswer>;
  /** Free-text notes at the end of a section; undefined leaves the note as it is. */
  askNote(section: Section, current: string | undefined): Promise<string | undefined>;
  /**
   * A yes/no offer outside the facts (save the report...), or about a question
   * (`about`: offering another list's items as its answer, keeping an answer
   * that differs from its counterpart), shown with that question's progress.
   */
  confirm(id: string, message: string, initial: boolean, about?: { q: Question; progress: Progress }): Promise<boolean>;
  /**
   * A section ended before its count because answers closed the questions
   * left in it: `progress` is the section's last count made true (index ===
   * count, the questions asked); `closed` how many the last count held that
   * are not needed now. Optional: a prompter without a terminal has nothing to show.
   */
  sectionDone?(progress: Progress, closed: number): void;
}

/** Section names as shown: `company` -> `Company`. */
export const sectionTitle = (s: Section) => s.charAt(0).toUpperCase() + s.slice(1);

/** `Person 2 (AE 2)`-style label for the noun of a list. */
export const nounTitle = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Feeds: Titles match the job (role-title-fit)"; or why a fact no rule reads is asked. */
export function whyWeAsk(q: Question): string {
  if (!q.feeds.length) return 'the report shows it';
  if (q.feeds.length === 1) return `rule ${q.feeds[0]!.id} (${q.feeds[0]!.title})`;
  return `rules ${q.feeds.map((f) => f.id).join(', ')}`;
}

/**
 * A comma- (or semicolon-) separated answer for a list of plain values, e.g.
 * `45, 40, 38` -> [45, 40, 38]. Returns the values, or the schema's message.
 */
export function parseValues(q: Question, text: string): { ok: true; value: unknown[] } | { ok: false; message: string } {
  const value = splitValues(q, text);
  const bad = value.findIndex((v) => typeof v === 'string' && q.valueKind === 'number');
  if (bad >= 0) return { ok: false, message: `item ${bad + 1}: expected a number, got "${value[bad]}"` };
  const message = checkAnswer(q.segs, value);
  return message ? { ok: false, message } : { ok: true, value };
}

/** `45, 40%; lots` -> [45, 40, "lots"]: numbers read where the fact wants numbers, the rest left as typed. */
export function splitValues(q: Question, text: string): unknown[] {
  return text
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((p) => {
      if (q.valueKind !== 'number') return p;
      const n = Number(p.replace(/%$/, ''));
      return Number.isFinite(n) ? n : p;
    });
}

/**
 * A number typed for a fact: `38`, `38%` or `38 %` where the fact is a
 * percentage, `1,5` is refused (a decimal point is a dot). A percentage typed
 * as a fraction (`0.8`) is refused with the fix (`80`), as the org file's
 * loader does: a share under 1 % almost always means a fraction. Whole-number
 * facts say "a whole number". Returns the number, or a message for the prompt.
 */
export function parseNumber(q: Question, text: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  const bare = q.unit === '%' ? t.replace(/\s*%$/, '') : t;
  const n = bare === '' ? NaN : Number(bare);
  if (!Number.isFinite(n)) return { ok: false, message: `expected a number${q.unit === '%' ? ' from 0 to 100, such as 40 or 40%' : ', such as 12'}; got "${t}"` };
  if (q.integer && !Number.isInteger(n)) return { ok: false, message: `expected a whole number; got ${n}` };
  if (q.unit === '%' && n > 0 && n < 1) {
    const pct = +(n * 100).toFixed(2);
    return { ok: false, message: `${n} reads as ${n} %; percentages are numbers from 0 to 100: write ${pct} for ${pct} %` };
  }
  const m = checkValue(q, n);
  return m ? { ok: false, message: m } : { ok: true, value: n };
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * What to write instead of a date typed in another form: `2024-03` or
 * `March 2024` (a month: its first day, or the exact day), `15.01.2026` (day
 * first: the same day as YYYY-MM-DD). Undefined when the text is no date we
 * can read; the caller then says which format is expected, with an example.
 */
export function dateHint(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return `a day is needed: write ${m[1]}-${two(+m[2]!)}-01 for the start of that month, or the exact day (YYYY-MM-DD)`;
  m = /^([a-z]+)\.?\s+(\d{4})$/i.exec(t);
  const month = m ? MONTH_NAMES.findIndex((x) => x.startsWith(m![1]!.toLowerCase()) && m![1]!.length >= 3) : -1;
  if (m && month >= 0)
    return `a day is needed: write ${m[2]}-${two(month + 1)}-01 for the start of ${MONTH_NAMES[month]![0]!.toUpperCase()}${MONTH_NAMES[month]!.slice(1)} ${m[2]}, or the exact day (YYYY-MM-DD)`;
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [+m[1]!, +m[2]!];
    // Day first where it must be (a > 12) or where the separator is a dot (European); a slash with both <= 12 is ambiguous.
    if (a > 12 || (t.includes('.') && b <= 12)) return `dates are written YYYY-MM-DD: write ${m[3]}-${two(b)}-${two(a)}`;
    if (b > 12) return `dates are written YYYY-MM-DD: write ${m[3]}-${two(a)}-${two(b)}`;
    return `dates are written YYYY-MM-DD, such as ${m[3]}-${two(b)}-${two(a)} for ${a} ${MONTH_NAMES[b - 1]![0]!.toUpperCase()}${MONTH_NAMES[b - 1]!.slice(1)} (day first)`;
  }
  return undefined;
}

/**
 * A value typed or given for a fact, checked against the schema, then against
 * the interview's date where the fact cannot be later (see afterToday).
 */
export function checkValue(q: Question, value: unknown): string | undefined {
  return checkAnswer(q.segs, value) ?? afterToday(q, value);
}

/**
 * Why a date cannot be taken for a fact that has already happened:
 * "2027-01-10 is after today's date 2026-11-29; when did the role open?".
 * Undefined for any other fact or value, or a date on or before the interview's.
 */
export function afterToday(q: Question, value: unknown): string | undefined {
  if (!q.notAfter || typeof value !== 'string' || value <= q.notAfter.date) return undefined;
  return `${value} is after today's date ${q.notAfter.date}; ${q.notAfter.again}`;
}
