// The comparison of two audits (an AuditDiff) as text, Markdown and JSON; the
// HTML form is in diff-html.ts. Renders only: every number comes from the
// AuditDiff. Text from org files (names, messages) is made inert for a
// terminal (no control characters) and escaped for Markdown.
import { Chalk } from 'chalk';
import type { AssessmentReason, AuditDiff, Change, DiffContradiction, DiffFinding, DiffItem, FactChange } from '../engine/diff';
import { thousands } from '../engine/summarise';
import { md as mdEscape } from './markdown';

import type { DiffFormat } from './formats-diff';

/** Markdown-escaped, with control characters dropped (Markdown output is often printed to a CI log). */
const md = (s: string): string => mdEscape(inert(s));

/** One line, control characters dropped: nothing from a file can reach a terminal as a control sequence. */
export const inert = (s: string): string => s.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

/** `+8`, `-3`, `±0`, or `?` when either side is unknown. */
export function deltaText(d: number | null, unit = ''): string {
  if (d === null) return '?';
  return `${d > 0 ? '+' : d < 0 ? '-' : '±'}${Math.abs(d)}${unit}`;
}

const num = (n: number | null, unit = '') => (n === null ? '?' : `${n}${unit}`);
/** `63 → 71 (+8)`. */
export const changeText = (c: Change, unit = ''): string =>
  c.before === c.after ? `${num(c.after, unit)} (unchanged)` : `${num(c.before, unit)} → ${num(c.after, unit)} (${deltaText(c.delta, unit === '%' ? ' pts' : '')})`;

const gradeOf = (g: string | null, status: string) => g ?? (status === 'incomplete' ? 'incomplete' : 'none');
const plural = (n: number, one: string, many = `${one}s`) => `${thousands(n)} ${n === 1 ? one : many}`;

const GONE: Record<AssessmentReason, string> = {
  unknown: 'the facts it rested on are unknown now',
  contradicted: 'the file now contradicts itself (see the contradiction finding), so the facts it rested on count as unknown',
  'not-assessed': 'the rule is not assessed now',
  'not-applicable': 'the rule does not apply now',
  off: 'the rule is turned off now',
  error: 'the rule could not run',
  waived: 'the rule is waived now',
  absent: 'the rule is not in the later audit',
};
const CAME: Record<AssessmentReason, string> = {
  unknown: 'its facts were unknown before',
  contradicted: 'the file contradicted itself before, so its facts counted as unknown',
  'not-assessed': 'the rule was not assessed before',
  'not-applicable': 'the rule did not apply before',
  off: 'the rule was turned off before',
  error: 'the rule could not run before',
  waived: 'the rule was waived before',
  absent: 'the rule was not in the earlier audit',
};

/** At most this many facts named against a contradicted one; the rest counted. */
const AGAINST_NAMED = 3;

/** The facts a contradicted one disagrees with, in words: `A, B and C`, past AGAINST_NAMED + 1 the rest counted. */
function againstWords(c: DiffContradiction): string {
  // The roles in one phrase: `the roles Sales Director and Key Account Manager`.
  const roles = c.against.filter((a) => a.startsWith('the role ')).map((a) => a.slice('the role '.length));
  const facts =
    roles.length > 1
      ? c.against.flatMap((a) => (a === `the role ${roles[0]}` ? [`the roles ${roles.slice(0, -1).join(', ')} and ${roles[roles.length - 1]}`] : a.startsWith('the role ') ? [] : [a]))
      : c.against;
  const named = facts.length > AGAINST_NAMED + 1 ? [...facts.slice(0, AGAINST_NAMED), `${facts.length - AGAINST_NAMED} more facts`] : facts;
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

/**
 * Why a finding is no longer assessed (`gone`) or newly assessed (`came`), in
 * words: `the facts it rested on are unknown now`; for facts set aside as
 * contradictory, which contradiction, as one sentence with no parentheses of
 * its own (it is often printed inside some): `the file now contradicts itself:
 * what it says of how many people work at the company conflicts with the span
 * of control and the people in sales, so the facts it rested on count as unknown; see the
 * contradiction finding`. `facts` names what was set aside (`the facts it was
 * about` for a checklist item).
 */
export function reasonText(x: Pick<DiffFinding, 'reason' | 'contradiction'>, way: 'gone' | 'came', facts = 'the facts it rested on'): string {
  const c = x.reason === 'contradicted' ? x.contradiction : undefined;
  if (!c) return (way === 'gone' ? GONE : CAME)[x.reason ?? 'unknown'];
  const against = againstWords(c);
  return way === 'gone'
    ? `the file now contradicts itself: what it says of ${c.fact} conflicts with ${against || 'other facts'}, so ${facts} count as unknown; see the contradiction finding`
    : `the file contradicted itself before: what it said of ${c.fact} conflicted with ${against || 'other facts'}, so its facts counted as unknown`;
}

/**
 * The counts of the classes that say what the audit could judge, not what the
 * organisation did (`, 9 no longer assessed, 1 newly assessed`); empty when
 * there are none, so a comparison without them reads as before.
 */
export function assessedCounts(d: AuditDiff): string {
  const f = d.findings;
  return [
    f.noLongerAssessed.length ? `, ${f.noLongerAssessed.length} no longer assessed` : '',
    f.waived.length ? `, ${f.waived.length} waived` : '',
    f.newlyAssessed.length ? `, ${f.newlyAssessed.length} newly assessed` : '',
  ].join('');
}

/**
 * Why a checklist item that left the audit is not done, the true reason: its
 * facts are unknown now (still unknown, for a question), set aside as
 * contradictory, or its rule stopped judging (not assessed, off, waived...).
 */
export const notDone = (i: DiffItem): string =>
  i.reason === 'contradicted'
    ? reasonText(i, 'gone', i.kind === 'find-out' ? 'the facts it asks about still' : 'the facts it was about')
    : i.reason === 'unknown' || i.reason === undefined
      ? i.kind === 'find-out'
        ? 'the facts it asks about are still unknown'
        : 'the facts it was about are unknown now'
      : GONE[i.reason];

/** The findings' counts: `11 resolved, 2 new, 28 still open, 9 no longer assessed`. */
export const findingCounts = (d: AuditDiff): string =>
  `${d.findings.resolved.length} resolved, ${d.findings.new.length} new, ${d.findings.worse.length ? `${d.findings.worse.length} worse, ` : ''}${d.findings.open.length} still open${assessedCounts(d)}`;

/** What the change did, in one line: `Score 63 → 71 (+8), coverage 80% → 90%: 2 findings resolved, 1 new (high: selling-time)`. */
export function diffHeadline(d: AuditDiff): string {
  const f = d.findings;
  const newRules = [...new Set(f.new.map((x) => x.ruleId))];
  const parts = [`Score ${changeText(d.score)}`, `coverage ${changeText(d.coverage, '%')}`, `grade ${gradeOf(d.grade.before, d.before.gradeStatus)} → ${gradeOf(d.grade.after, d.after.gradeStatus)}`];
  const found = [
    `${plural(f.resolved.length, 'finding')} resolved`,
    `${f.new.length} new${newRules.length ? ` (${newRules.slice(0, 3).join(', ')}${newRules.length > 3 ? ', …' : ''})` : ''}`,
    ...(f.worse.length ? [`${f.worse.length} worse`] : []),
    `${f.open.length} still open`,
  ];
  return `${parts.join(', ')}: ${found.join(', ')}${assessedCounts(d)}`;
}

const value = (v: unknown): string => (v === undefined ? '(none)' : typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v));
/** A whole list item (`people["AE 3"]`), not one fact: said as added or removed, its facts not spelled out. */
const isItem = (c: FactChange, v: unknown): boolean => c.path.endsWith(']') && v !== null && typeof v === 'object' && !Array.isArray(v);

/** One changed fact in words: `path: before → after`, `path: added value`, `path: removed (was value)`; a list item `people["AE 3"]: removed`. */
export function factText(c: FactChange): string {
  if (!('before' in c)) return isItem(c, c.after) ? `${c.path}: added` : `${c.path}: added ${value(c.after)}`;
  if (!('after' in c)) return isItem(c, c.before) ? `${c.path}: removed` : `${c.path}: removed (was ${value(c.before)})`;
  return `${c.path}: ${value(c.before)} → ${value(c.after)}`;
}

/** The renames, said as what they do to findings. */
export const renameLines = (d: AuditDiff): string[] =>
  (d.facts?.renamed ?? []).map((r) => `${r.list}: "${r.from}" was renamed "${r.to}": findings about "${r.from}" show as resolved and the same findings about "${r.to}" as new`);

export interface DiffTextOptions {
  color: boolean;
  /** List every finding still open, not only those that changed. */
  all?: boolean;
}

/** The comparison for a terminal: headline, categories, rules, findings, checklist and facts; colour only when `opts.color`. */
export function renderDiffText(d: AuditDiff, opts: DiffTextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const signed = (x: Change, text: string) => (x.delta === null || x.delta === 0 ? text : x.delta > 0 ? c.green(text) : c.red(text));
  const out: string[] = [];
  out.push(c.bold(`sales-audit diff: ${inert(d.before.label)} (${d.before.auditDate}) → ${inert(d.after.label)} (${d.after.auditDate})`), '');
  out.push(`  Score     ${signed(d.score, changeText(d.score))}`);
  out.push(`  Up to     ${signed(d.upTo, changeText(d.upTo))}`);
  out.push(`  Coverage  ${signed(d.coverage, changeText(d.coverage, '%'))}`);
  out.push(`  Grade     ${gradeOf(d.grade.before, d.before.gradeStatus)} → ${gradeOf(d.grade.after, d.after.gradeStatus)}`, '');
  out.push(c.bold('Categories'));
  const w = Math.max(...d.categories.map((x) => x.title.length));
  for (const cat of d.categories) out.push(`  ${cat.title.padEnd(w)}  ${signed(cat.score, changeText(cat.score))}   coverage ${changeText(cat.coverage, '%')}`);
  out.push('');
  if (d.rules.length) {
    out.push(c.bold('Rules that changed'));
    for (const r of d.rules) out.push(`  ${r.id}: ${r.status.before ?? '(none)'} → ${r.status.after ?? '(none)'}, ${changeText(r.score, '%')}`);
    out.push('');
  }
  const f = d.findings;
  out.push(c.bold(`Findings: ${findingCounts(d)}`));
  // Every class label padded to the longest, so severity, rule and message line up whatever the class.
  const shown = [
    f.resolved.length && '✓ resolved',
    f.noLongerAssessed.length && '? no longer assessed',
    f.waived.length && '~ waived',
    f.new.length && '+ new',
    f.newlyAssessed.length && '! newly assessed',
    f.worse.length && '- worse',
    '· open',
  ].filter((x): x is string => !!x);
  const w2 = Math.max(...shown.map((x) => x.length));
  const line = (mark: string, x: DiffFinding) => `  ${mark.padEnd(w2)} ${x.severity.padEnd(8)} ${x.ruleId}  ${inert(x.message)}`;
  const under = (text: string) => c.dim(`  ${' '.repeat(w2)} ${text}`);
  for (const x of f.resolved) out.push(c.green(line('✓ resolved', x)));
  for (const x of f.noLongerAssessed) out.push(c.yellow(line('? no longer assessed', x)), under(`not resolved: ${reasonText(x, 'gone')}`));
  for (const x of f.waived) out.push(c.dim(line('~ waived', x)));
  for (const x of f.new) out.push(c.red(line('+ new', x)));
  for (const x of f.newlyAssessed) out.push(c.yellow(line('! newly assessed', x)), under(`not a regression: ${reasonText(x, 'came')}`));
  for (const x of f.worse) out.push(c.red(line('- worse', x)), under(`was: ${x.was!.severity} ${inert(x.was!.message)}`));
  for (const x of f.open.filter((y) => opts.all || y.was)) {
    out.push(line('· open', x));
    if (x.was) out.push(under(`was: ${x.was.severity} ${inert(x.was.message)}`));
  }
  const quiet = f.open.filter((y) => !y.was).length;
  if (!opts.all && quiet) out.push(c.dim(`  · and ${plural(quiet, 'finding')} still open as before (--all lists them)`));
  out.push('');
  const unjudged = d.checklist.noLongerAssessed;
  out.push(c.bold(`Checklist: ${d.checklist.done.length} done, ${d.checklist.new.length} new${unjudged.length ? `, ${unjudged.length} gone but not done` : ''}`));
  for (const i of d.checklist.done) out.push(c.green(`  [x] ${inert(i.action)} (${i.ruleId})`));
  for (const i of unjudged) out.push(c.yellow(`  [?] ${inert(i.action)} (${i.ruleId}; not done: ${notDone(i)})`));
  for (const i of d.checklist.new) out.push(`  [ ] ${gainText(i)}${inert(i.action)} (${i.ruleId})`);
  out.push('');
  if (d.facts) {
    out.push(c.bold(`Facts that changed: ${d.facts.changed.length}`));
    for (const r of renameLines(d)) out.push(`  ${inert(r)}`);
    for (const x of d.facts.changed) out.push(`  ${inert(factText(x))}`);
  } else out.push(c.dim('Facts: not compared (a JSON report holds no facts; compare org files or revisions to see them)'));
  return `${out.join('\n')}\n`;
}

/** An item's gain before its action (`+2.5 `, `≤1.0 ` for a question); nothing for a gain that rounds to zero, which says nothing. */
const gainText = (i: DiffItem): string => (Math.round(i.gain * 10) === 0 ? '' : `${i.kind === 'find-out' ? '≤' : '+'}${i.gain.toFixed(1)} `);

/** Options for the Markdown form. */
export interface DiffMarkdownOptions {
  /** Heading level of the title (1: `#`). */
  level?: number;
  /** At most this many characters (a PR comment holds 65,536); long lists are cut with a count of what was left out. */
  maxChars?: number;
}

/** The comparison as Markdown (a PR comment, a job summary), cut to `opts.maxChars` (default 60,000) with a count of what was left out. */
export function renderDiffMarkdown(d: AuditDiff, opts: DiffMarkdownOptions = {}): string {
  const h = '#'.repeat(opts.level ?? 1);
  const max = opts.maxChars ?? 60_000;
  const out: string[] = [];
  out.push(`${h} sales-audit: \`${md(d.before.label)}\` → \`${md(d.after.label)}\``, '');
  out.push(`**${md(diffHeadline(d))}**`, '');
  out.push('| | Before | After | Change |', '|---|---:|---:|---:|');
  out.push(`| Score | ${num(d.score.before)} | ${num(d.score.after)} | ${deltaText(d.score.delta)} |`);
  out.push(`| Up to | ${num(d.upTo.before)} | ${num(d.upTo.after)} | ${deltaText(d.upTo.delta)} |`);
  out.push(`| Coverage | ${num(d.coverage.before, '%')} | ${num(d.coverage.after, '%')} | ${deltaText(d.coverage.delta, ' pts')} |`);
  out.push(`| Grade | ${gradeOf(d.grade.before, d.before.gradeStatus)} | ${gradeOf(d.grade.after, d.after.gradeStatus)} | |`);
  for (const cat of d.categories) out.push(`| ${cat.title} | ${num(cat.score.before)} | ${num(cat.score.after)} | ${deltaText(cat.score.delta)} |`);
  out.push('');
  const f = d.findings;
  // Lists are added while they fit; what does not is counted.
  let used = out.join('\n').length;
  const list = (title: string, lines: string[]) => {
    if (!lines.length) return;
    const head = [`${h}# ${title}`, ''];
    let size = used + head.join('\n').length + 200;
    const kept: string[] = [];
    for (const l of lines) {
      if (size + l.length + 1 > max) break;
      kept.push(l);
      size += l.length + 1;
    }
    for (const l of [head, kept].flat()) out.push(l);
    if (kept.length < lines.length) out.push(`- … and ${lines.length - kept.length} more (see the full report)`);
    out.push('');
    used = out.join('\n').length;
  };
  const fl = (x: DiffFinding) => `- **${x.severity}** \`${x.ruleId}\`: ${md(x.message)}${x.was ? ` (was: ${x.was.severity}, ${md(x.was.message)})` : ''}`;
  const why = (way: 'gone' | 'came') => (x: DiffFinding) => `${fl(x)} (${way === 'gone' ? 'not resolved' : 'not a regression'}: ${reasonText(x, way)})`;
  list(`Resolved (${f.resolved.length})`, f.resolved.map(fl));
  list(`No longer assessed (${f.noLongerAssessed.length})`, f.noLongerAssessed.map(why('gone')));
  list(`Waived (${f.waived.length})`, f.waived.map(fl));
  list(`New (${f.new.length})`, f.new.map(fl));
  list(`Newly assessed (${f.newlyAssessed.length})`, f.newlyAssessed.map(why('came')));
  list(`Worse (${f.worse.length})`, f.worse.map(fl));
  const changedOpen = f.open.filter((x) => x.was);
  list(`Still open, changed (${changedOpen.length} of ${f.open.length} still open)`, changedOpen.map(fl));
  list(
    `Checklist done (${d.checklist.done.length})`,
    d.checklist.done.map((i) => `- [x] ${md(i.action)} (\`${i.ruleId}\`)`),
  );
  list(
    `Checklist gone but not done (${d.checklist.noLongerAssessed.length})`,
    d.checklist.noLongerAssessed.map((i) => `- [ ] ${md(i.action)} (\`${i.ruleId}\`; not done: ${notDone(i)})`),
  );
  list(
    `Checklist new (${d.checklist.new.length})`,
    d.checklist.new.map((i) => `- [ ] ${md(i.action)} (\`${i.ruleId}\`)`),
  );
  if (d.facts) list(`Facts that changed (${d.facts.changed.length})`, [...renameLines(d).map((r) => `- ${md(r)}`), ...d.facts.changed.map((x) => `- ${md(factText(x))}`)]);
  return `${out.join('\n').trimEnd()}\n`;
}

/** The AuditDiff as JSON (its own schemaVersion; README "Comparing audits"). */
export function renderDiffJson(d: AuditDiff): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

/** Renders a comparison in one of DIFF_FORMATS; the HTML renderer is loaded only when asked for. */
export async function renderDiff(format: DiffFormat, d: AuditDiff, opts: { color: boolean; all?: boolean }): Promise<string> {
  switch (format) {
    case 'text':
      return renderDiffText(d, opts);
    case 'markdown':
      return renderDiffMarkdown(d);
    case 'json':
      return renderDiffJson(d);
    case 'html':
      return (await import('./diff-html')).renderDiffHtml(d);
  }
}

/** The text report's "Since the last audit" part (audit --baseline): the deltas, resolved findings ticked, new ones marked. */
export function sinceText(d: AuditDiff, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const signed = (x: Change, text: string) => (x.delta === null || x.delta === 0 ? text : x.delta > 0 ? c.green(text) : c.red(text));
  const out = [c.bold(`Since the last audit (${inert(d.before.label)}, ${d.before.auditDate})`)];
  out.push(
    `  Score ${signed(d.score, changeText(d.score))}   Coverage ${signed(d.coverage, changeText(d.coverage, '%'))}   Grade ${gradeOf(d.grade.before, d.before.gradeStatus)} → ${gradeOf(d.grade.after, d.after.gradeStatus)}`,
  );
  for (const cat of d.categories.filter((x) => x.score.delta !== 0)) out.push(`  ${cat.title.padEnd(14)} ${signed(cat.score, changeText(cat.score))}`);
  const f = d.findings;
  out.push(`  Findings: ${findingCounts(d)}`);
  for (const x of f.resolved) out.push(c.green(`    [x] resolved  ${x.ruleId}: ${inert(x.message)}`));
  for (const x of f.noLongerAssessed) out.push(c.yellow(`    [?] no longer assessed  ${x.ruleId}: ${inert(x.message)} (not resolved: ${reasonText(x, 'gone')})`));
  for (const x of f.waived) out.push(c.dim(`    [~] waived    ${x.ruleId}: ${inert(x.message)}`));
  for (const x of f.new) out.push(c.red(`    [+] new       ${x.severity} ${x.ruleId}: ${inert(x.message)}`));
  for (const x of f.newlyAssessed) out.push(c.yellow(`    [!] newly assessed  ${x.severity} ${x.ruleId}: ${inert(x.message)} (not a regression: ${reasonText(x, 'came')})`));
  for (const x of f.worse) out.push(c.red(`    [-] worse     ${x.severity} ${x.ruleId}: ${inert(x.message)} (was: ${x.was!.severity}, ${inert(x.was!.message)})`));
  for (const r of renameLines(d)) out.push(`    ${inert(r)}`);
  return out.join('\n');
}

/** The Markdown report's "Since the last audit" part (audit --baseline). */
export function sinceMarkdown(d: AuditDiff): string {
  const f = d.findings;
  const out = [`## Since the last audit`, '', `Compared with \`${md(d.before.label)}\` (audited ${d.before.auditDate}).`, ''];
  out.push('| | Before | Now | Change |', '|---|---:|---:|---:|');
  out.push(`| Score | ${num(d.score.before)} | ${num(d.score.after)} | ${deltaText(d.score.delta)} |`);
  out.push(`| Coverage | ${num(d.coverage.before, '%')} | ${num(d.coverage.after, '%')} | ${deltaText(d.coverage.delta, ' pts')} |`);
  for (const cat of d.categories) out.push(`| ${cat.title} | ${num(cat.score.before)} | ${num(cat.score.after)} | ${deltaText(cat.score.delta)} |`);
  out.push('', `Findings: ${findingCounts(d)}.`, '');
  for (const x of f.resolved) out.push(`- [x] ~~${md(x.message)}~~ (\`${x.ruleId}\`, resolved)`);
  for (const x of f.noLongerAssessed) out.push(`- [ ] ${md(x.message)} (\`${x.ruleId}\`, no longer assessed, not resolved: ${reasonText(x, 'gone')})`);
  for (const x of f.waived) out.push(`- ${md(x.message)} (\`${x.ruleId}\`, waived)`);
  for (const x of f.new) out.push(`- **new** **${x.severity}** \`${x.ruleId}\`: ${md(x.message)}`);
  for (const x of f.newlyAssessed) out.push(`- **newly assessed** **${x.severity}** \`${x.ruleId}\`: ${md(x.message)} (not a regression: ${reasonText(x, 'came')})`);
  for (const x of f.worse) out.push(`- **worse** **${x.severity}** \`${x.ruleId}\`: ${md(x.message)} (was: ${x.was!.severity}, ${md(x.was!.message)})`);
  for (const r of renameLines(d)) out.push(`- ${md(r)}`);
  return `${out.join('\n').trimEnd()}\n`;
}

/** Puts a "since" part into a rendered text or Markdown report, before its categories (at the end when it has none). */
export function insertSince(report: string, part: string, format: 'text' | 'markdown'): string {
  const at = format === 'markdown' ? /\n## Categories\n/.exec(report) : /\n\n(?:\x1b\[[0-9;]*m)*Categories(?:\x1b\[[0-9;]*m)*\n/.exec(report);
  if (!at) return `${report.trimEnd()}\n\n${part.trimEnd()}\n`;
  const cut = format === 'markdown' ? at.index + 1 : at.index + 2;
  return `${report.slice(0, cut)}${part.trimEnd()}\n\n${report.slice(cut)}`;
}

/** The JSON report with its comparison (audit --baseline): the AuditReport plus `since`, an AuditDiff. */
export function renderJsonSince(report: object, d: AuditDiff): string {
  return `${JSON.stringify({ ...report, since: d }, null, 2)}\n`;
}
