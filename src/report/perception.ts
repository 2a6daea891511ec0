// "Where people disagree" (several respondents, issue 14): the wording every
// format shares. Groups only, never a respondent's name: an anonymous
// group's members are counted, never shown one by one.
import type { AuditReport } from '../engine/types';
import { valueWords, type PerceptionGap } from '../engine/resolve';
import { GROUP_LABELS, type RespondentGroup } from '../model/respondents';

/** "sales reps" (a group as the reports name it). */
export const groupName = (g: RespondentGroup): string => GROUP_LABELS[g].replace(/ \(.*\)$/, '');

/** One gap in words: the fact (its label, then its pattern), each group's answer, the rules it affects. */
export interface GapRow {
  fact: string;
  path: string;
  /** "sales reps: 3 of 4 said monthly". */
  answers: string[];
  rules: string[];
  /** Rules whose result turns on whose answer is right. */
  decisive: string[];
}

export function gapRows(r: Pick<AuditReport, 'perception' | 'labels'>): GapRow[] {
  return (r.perception?.gaps ?? []).map((g: PerceptionGap) => ({
    fact: r.labels[g.fact] ?? g.fact,
    path: g.fact,
    answers: [...(g.recorded !== undefined ? [`the org file: ${valueWords(g.recorded)}`] : []), ...g.answers.map((a) => `${groupName(a.group)}: ${a.words}`), ...usedLine(r, g.fact)],
    rules: g.rules,
    decisive: g.decisive,
  }));
}

/** "the audit used the answer from sales reps: 3 of 4 said no; the best informed group", when the fact was resolved (a pattern over people is not). */
function usedLine(r: Pick<AuditReport, 'perception'>, fact: string): string[] {
  const res = r.perception?.resolutions.find((x) => x.path === fact);
  if (!res) return [];
  return [`the audit used ${res.from === 'file' ? res.reason.replace(/^as written in the org file/, 'the org file\u2019s value') : `the answer ${res.reason}`}`];
}

/** "Respondents: leadership 1, sales reps 4 (anonymous)". */
export function respondentsLine(r: Pick<AuditReport, 'perception'>): string {
  const p = r.perception;
  if (!p) return '';
  const part = (x: (typeof p.respondents)[number]) => `${groupName(x.group)} ${x.named + x.anonymous}${x.anonymous ? (x.named ? ` (${x.anonymous} anonymous)` : ' (anonymous)') : ''}`;
  return `Respondents: ${p.respondents.map(part).join(', ')}`;
}

/** "plan: 1 of 2 facts agree (50%)" per section answered by two groups or more. */
export function alignmentLines(r: Pick<AuditReport, 'perception'>): string[] {
  return (r.perception?.alignment ?? []).map((a) => `${a.section}: ${a.agree} of ${a.facts} fact${a.facts === 1 ? '' : 's'} agree${a.pct === null ? '' : ` (${a.pct}%)`}`);
}

/** A gap's rules: "affects go-to-market-plan (its result turns on it)". */
export function rulesText(g: GapRow): string {
  if (!g.rules.length) return 'no rule reads it';
  return `affects ${g.rules.map((id) => (g.decisive.includes(id) ? `${id} (its result turns on it)` : id)).join(', ')}`;
}

/** The section as plain lines (text report and the import's closing summary); none without respondents. */
export function renderPerception(r: Pick<AuditReport, 'perception' | 'labels'>): string[] {
  if (!r.perception) return [];
  const out = ['Where people disagree', `  ${respondentsLine(r)}`];
  const rows = gapRows(r);
  if (!rows.length) out.push('  No disagreement: every fact two groups answered, they answered alike.');
  for (const g of rows) {
    out.push(`  ${g.fact} (${g.path})`);
    for (const a of g.answers) out.push(`    ${a}`);
    out.push(`    ${rulesText(g)}`);
  }
  const al = alignmentLines(r);
  if (al.length) out.push(`  Alignment by section: ${al.join('; ')}`);
  return out;
}
