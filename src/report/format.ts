// Small helpers shared by the renderers: labels and wording that must read the
// same in every format. Nothing here computes a score.
import { thousands } from '../engine/summarise';
import type { AuditReport, Evidence, Finding, RuleResult, Status, Threshold } from '../engine/types';

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

/**
 * Word-wraps plain text to `width` columns, continuing lines with `indent`. A
 * word longer than a line (a URL, a long name) is cut across lines, so no line
 * is ever wider than `width` (counted in UTF-16 code units).
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (let w of words) {
    for (;;) {
      const lead = cur ? `${cur} ` : lines.length ? indent : '';
      if ((lead + w).length <= width) {
        cur = lead + w;
        break;
      }
      if (cur) {
        lines.push(cur);
        cur = '';
        continue;
      }
      const fit = Math.max(1, width - lead.length);
      lines.push(lead + w.slice(0, fit));
      w = w.slice(fit);
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
