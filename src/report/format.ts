// Small helpers shared by the renderers: labels and wording that must read the
// same in every format. Nothing here computes a score.
import { thousands } from '../engine/summarise';
import type { AuditReport, ChecklistItem, Evidence, Finding, RuleResult, Status, Threshold } from '../engine/types';

export const STATUS_LABEL: Record<Status, string> = {
  pass: 'pass',
  partial: 'partial',
  fail: 'fail',
  incomplete: 'incomplete',
  'not-assessed': 'not assessed',
  'not-applicable': 'not applicable',
  waived: 'waived',
  error: 'error',
  off: 'off',
};

/** `org.yaml:12:5` or the bare path when the fact is not in the file. */
export function where(e: Evidence): string {
  return e.file && e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : '(not in file)';
}

/**
 * A fact in words a client reads, with its path as a small reference:
 * `the quota attainment of AE 3 (people[2].attainment)`; the path alone when
 * the report has no words for it.
 */
export function factText(r: Pick<AuditReport, 'labels'>, path: string): string {
  const words = r.labels?.[path];
  return words && words !== path ? `${words} (${path})` : path;
}

/** `org.yaml:12:5  the quota attainment of AE 3 (people[2].attainment) (interview answer from Jane, VP Sales)` */
export function evidenceLine(e: Evidence, r?: Pick<AuditReport, 'labels'>): string {
  const who = e.resolution ? ` (${e.resolution})` : e.origin === 'interview' ? ` (interview answer${e.respondent ? ` from ${e.respondent}` : ''})` : '';
  return `${where(e)}  ${r ? factText(r, e.path) : e.path}${who}${provenance(e)}`;
}

/** ` (source: CRM export, as of 2025-06-01, stale)`, or '' when no source is stated. */
export function provenance(e: Evidence): string {
  if (!e.source) return '';
  return ` (source: ${e.source}${e.asOf ? `, as of ${e.asOf}` : ''}${e.stale ? ', stale' : ''})`;
}

export function thresholdLine(t: Threshold): string {
  return `${t.name} = ${String(t.value)}${t.source ? ` (${t.source})` : ''}`;
}

export const scoreText = (s: number | null) => (s === null ? '?' : String(s));

/** The grade as every format writes it: a letter, `incomplete` under the coverage floor, or `none` when nothing applies. */
export const gradeText = (s: AuditReport['summary']) => s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'none');

/** "up to 81 once 9 facts are known", or '' when nothing is in play. */
export function rangeText(s: AuditReport['summary']): string {
  if (s.score === null || s.upTo === null || s.upTo <= s.score) return '';
  return `up to ${s.upTo} once ${thousandsText(s.unknownFacts)} ${s.unknownFacts === 1 ? 'fact is' : 'facts are'} known`;
}

/** `Score 58/100 (up to 81) · Grade incomplete · Coverage 44%` */
export function headline(r: AuditReport): string {
  const s = r.summary;
  const range = s.score !== null && s.upTo !== null && s.upTo > s.score ? ` (up to ${s.upTo})` : '';
  return `Score ${scoreText(s.score)}/100${range} · Grade ${gradeText(s)} · Coverage ${s.coverage}%`;
}

/** Every rule a checklist item moves, its own first: `ruleIds` when it moves several, else `[ruleId]`. */
export const itemRules = (c: Pick<ChecklistItem, 'ruleId' | 'ruleIds'>): readonly string[] => c.ruleIds ?? [c.ruleId];

/** Findings that count (not notes, not suppressed), fatal first as the engine ordered them. */
export const activeFindings = (r: AuditReport): Finding[] => r.findings.filter((f) => !f.note && !f.suppressed);

/** 12345 -> "12,345", the same bytes on every Node (no Intl): the engine's `thousands`, which rule messages use too. */
export const thousandsText = thousands;

/**
 * When summaries stand for many people, the findings shown and what the counts
 * by severity count (each person's finding and each fact, `summary.findings`):
 * "35 findings (3,029 people and facts)". Undefined when every finding is one
 * (no summary), so those reports read as before.
 */
export function findingsAbout(r: AuditReport): { shown: number; about: number } | undefined {
  // A lint run's report may be held without its findings (streamed): no summary to say.
  if (!Array.isArray(r.findings)) return undefined;
  const shown = activeFindings(r);
  if (!shown.some((f) => f.people)) return undefined;
  const about = Object.values(r.summary.findings).reduce((a, n) => a + n, 0);
  return { shown: shown.length, about };
}

/** "35; 3,029 people and facts" (for a heading's parentheses), or undefined without a summary (findingsAbout). */
export function findingsAboutText(r: AuditReport): string | undefined {
  const a = findingsAbout(r);
  return a && `${thousandsText(a.shown)}; ${thousandsText(a.about)} people and facts`;
}
export const notes = (r: AuditReport): Finding[] => r.findings.filter((f) => f.note && !f.suppressed);

export function capNote(r: AuditReport): string | undefined {
  const n = r.summary.fatal;
  if (r.summary.gradeCapped) return r.summary.gradeNote ?? undefined;
  if (!n) return undefined;
  const what = `${n} critical rule${n === 1 ? '' : 's'} failing`;
  // Only speak of the cap where it matters: a D or F is below it anyway.
  if (r.summary.grade === 'C') return `${what}: a fatal finding keeps the grade at C or below.`;
  return `${what} (fatal findings).`;
}

/** Why there is no letter grade (incomplete or nothing applies), or undefined when there is one. */
export const incompleteNote = (r: AuditReport): string | undefined => (r.summary.grade === null ? (r.summary.gradeNote ?? undefined) : undefined);

/** A rule's score as reports show it: `60%`, `40% (up to 90%)`; '' when it has none. */
export function ruleScoreText(rule: AuditReport['rules'][number]): string {
  if (rule.score === null || rule.status === 'waived' || rule.status === 'not-applicable') return '';
  const now = Math.round(rule.score * 100);
  const up = rule.upTo === null ? now : Math.round(rule.upTo * 100);
  return up > now ? `${now}% (up to ${up}%)` : `${now}%`;
}

// East Asian Wide and Fullwidth blocks (Unicode UAX #11), as [first, last] code points: a terminal gives each two columns.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f200, 0x1f2ff],
  [0x20000, 0x3fffd],
];
const isWide = (cp: number) => WIDE.some(([a, b]) => cp >= a && cp <= b);
// Zero-width: combining marks, variation selectors, joiners, controls.
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;
let graphemes: Intl.Segmenter | undefined;

/** The terminal columns one grapheme cluster takes: 2 for wide characters and emoji, 0 for marks and joiners, else 1. */
function clusterColumns(g: string): number {
  if (ZERO.test(g)) return 0;
  if (/\p{Extended_Pictographic}/u.test(g) && (/\p{Emoji_Presentation}/u.test(g) || g.includes('\ufe0f'))) return 2;
  return isWide(g.codePointAt(0)!) ? 2 : 1;
}

/** The text's grapheme clusters (what a terminal draws as one character). */
function clusters(text: string): string[] {
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * How many terminal columns plain text takes (no escape sequences): wide and
 * fullwidth characters (CJK) and emoji count 2, combining marks 0, the rest 1.
 * The same on every Node (a fixed table, not the ICU data).
 */
export function columns(text: string): number {
  // One column each, no segmenting (Intl.Segmenter costs milliseconds to start): ASCII, Latin letters and
  // signs (before the combining marks at U+0300), and general punctuation (dashes, quotes, …, •, ›).
  if (/^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e]*$/.test(text)) return text.length;
  let n = 0;
  for (const g of clusters(text)) n += clusterColumns(g);
  return n;
}

/** Splits `word` into its longest head of at most `fit` columns (at least one character) and the rest. */
function cut(word: string, fit: number): [string, string] {
  let head = '';
  let used = 0;
  const cs = clusters(word);
  let i = 0;
  for (; i < cs.length; i++) {
    const w = clusterColumns(cs[i]!);
    if (head && used + w > fit) break;
    head += cs[i];
    used += w;
  }
  return [head, cs.slice(i).join('')];
}

/**
 * Word-wraps plain text to `width` terminal columns (see `columns`: CJK and
 * emoji count 2), continuing lines with `indent`. Lines break between words
 * only; a word longer than a whole line (a URL, a long name) is cut across
 * lines, so no line is ever wider than `width`. `used` is how many columns of
 * the first line are taken already (text the caller prints before it, such as
 * a prompt); when not even the first word fits there, the first line is ''.
 */
export function wrap(text: string, width: number, indent = '', used = 0): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  const ind = columns(indent);
  let cur = '';
  let curCols = 0;
  // Columns taken before `cur` on the line being built: `used` on the first line.
  let before = used;
  for (let w of words) {
    for (;;) {
      const lead = cur ? `${cur} ` : lines.length ? indent : '';
      const leadCols = cur ? curCols + 1 : lines.length ? ind : 0;
      const wCols = columns(w);
      if (before + leadCols + wCols <= width) {
        cur = lead + w;
        curCols = leadCols + wCols;
        break;
      }
      if (cur || (before > 0 && !lines.length)) {
        lines.push(cur);
        cur = '';
        curCols = 0;
        before = 0;
        continue;
      }
      const [head, rest] = cut(w, Math.max(1, width - before - leadCols));
      lines.push(lead + head);
      before = 0;
      w = rest;
      if (!w) break;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

/**
 * The rules in report order, with the rules of one review (`rule.group`, e.g.
 * the compensation review) gathered at the place of the group's first rule:
 * one entry per group (with its heading) or per rule on its own. Pure.
 */
export function ruleSections(rules: readonly RuleResult[]): { group?: NonNullable<RuleResult['group']>; rules: RuleResult[] }[] {
  const out: { group?: NonNullable<RuleResult['group']>; rules: RuleResult[] }[] = [];
  const byGroup = new Map<string, RuleResult[]>();
  for (const rule of rules) {
    if (!rule.group) {
      out.push({ rules: [rule] });
      continue;
    }
    const members = byGroup.get(rule.group.id);
    if (members) members.push(rule);
    else {
      const list = [rule];
      byGroup.set(rule.group.id, list);
      out.push({ group: rule.group, rules: list });
    }
  }
  return out;
}
