// The Markdown report: for a pull-request comment, a wiki or a client hand-out.
// Values from the org file are escaped so they cannot break the tables.
import { alignmentLines, gapRows, respondentsLine, rulesText } from './perception';
import type { AuditReport, Evidence } from '../engine/types';
import { activeFindings, capNote, findingsAboutText, gradeText, incompleteNote, notes, rangeText, ruleScoreText, ruleSections, scoreText, STATUS_LABEL, thresholdLine, where } from './format';
// Every rule a checklist item moves (its own first).
import { itemRules } from './format';

/** Escapes text for a Markdown table cell or inline context. */
export function md(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([|*_`[\]<>#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** A fact in words, its path as a small code reference: `the quota attainment of AE 3 (\`people[2].attainment\`)`. */
function factMd(r: AuditReport, path: string): string {
  const words = r.labels?.[path];
  return words && words !== path ? `${md(words)} (\`${path}\`)` : `\`${path}\``;
}

/** Evidence: the fact in words, then where it is and who answered it. */
function evidenceMd(r: AuditReport, e: Evidence): string {
  const who = e.resolution ? `; ${md(e.resolution)}` : e.origin === 'interview' ? `; interview answer${e.respondent ? ` from ${md(e.respondent)}` : ''}` : '';
  return `${factMd(r, e.path)} at \`${where(e)}\`${who}`;
}

export function renderMarkdown(r: AuditReport): string {
  const s = r.summary;
  const out: string[] = [];
  out.push(`# Sales audit: ${md(r.org.company ?? 'Unnamed organisation')}`, '');
  out.push(`Org file \`${r.org.file}\` · audited ${r.auditDate} · sales-audit ${r.tool.version}`, '');
  if (r.org.respondents.length) out.push(`Answers from: ${r.org.respondents.map(md).join('; ')}`, '');
  out.push('| Score | Up to | Grade | Coverage |', '|---:|---:|:---:|---:|', `| ${scoreText(s.score)}/100 | ${scoreText(s.upTo)} | ${gradeText(s)} | ${s.coverage}% |`, '');
  const range = rangeText(s);
  if (range) out.push(`Score ${scoreText(s.score)}/100, ${range}.`, '');
  const inc = incompleteNote(r);
  if (inc) out.push(`> **${s.gradeStatus === 'incomplete' ? 'No grade yet' : 'No grade'}:** ${md(inc)}`, '');
  const cap = capNote(r);
  if (cap) out.push(`> **Fatal:** ${md(cap)}`, '');

  out.push('## Categories', '', '| Category | Score | Up to | Coverage |', '|---|---:|---:|---:|');
  for (const c of r.categories) out.push(`| ${c.title} | ${scoreText(c.score)} | ${scoreText(c.upTo)} | ${c.coverage}% |`);
  out.push('');

  const findings = activeFindings(r);
  out.push(`## Findings (${findingsAboutText(r) ?? findings.length})`, '');
  if (!findings.length) out.push('None.', '');
  for (const f of findings) {
    out.push(`- ${f.fatal ? '**FATAL** ' : ''}**${f.severity}** \`${f.ruleId}\`: ${md(f.message)}`);
    for (const e of f.evidence) out.push(`  - evidence: ${evidenceMd(r, e)}`);
    if (f.evidenceTotal) out.push(`  - evidence: … and ${f.evidenceTotal - f.evidence.length} more places (\`--per-person\` cites every one)`);
    for (const t of f.thresholds) out.push(`  - threshold: ${md(thresholdLine(t))}`);
  }
  if (findings.length) out.push('');

  const ns = notes(r);
  if (ns.length) {
    out.push('## Notes', '');
    for (const n of ns) out.push(`- \`${n.ruleId}\`: ${md(n.message)}`);
    out.push('');
  }

  const TABLE_HEAD = ['| Rule | Category | Severity | Status | Score | Known | Source |', '|---|---|---|---|---:|---:|---|'];
  const row = (rule: AuditReport['rules'][number]) =>
    `| \`${rule.id}\` ${md(rule.title)} | ${rule.category} | ${rule.severity} | ${STATUS_LABEL[rule.status]} | ${ruleScoreText(rule)} | ${rule.score === null ? '' : `${rule.coverage}%`} | ${md(rule.source)} |`;
  const sections = ruleSections(r.rules);
  out.push('## Rules', '', ...TABLE_HEAD);
  for (const sec of sections) if (!sec.group) out.push(row(sec.rules[0]!));
  out.push('');
  // A review (the compensation review): its rules read together, under one heading.
  for (const sec of sections) if (sec.group) out.push(`### ${md(sec.group.title)}`, '', ...TABLE_HEAD, ...sec.rules.map(row), '');
  const na = r.rules.filter((x) => x.missing.length && x.status !== 'waived' && x.status !== 'off');
  if (na.length) {
    out.push('### Not yet known', '');
    for (const x of na) out.push(`- \`${x.id}\` needs: ${x.missing.map((m) => factMd(r, m)).join('; ')}`);
    out.push('');
  }
  const inapplicable = r.rules.filter((x) => x.status === 'not-applicable');
  if (inapplicable.length) {
    out.push('### Not applicable', '');
    for (const x of inapplicable) out.push(`- \`${x.id}\`: ${md(x.reason ?? '')}`);
    out.push('');
  }
  const waivers = r.waivers;
  if (waivers.length) {
    out.push('### Waivers', '', '| Rule | Status | Owner | Expires | Reason |', '|---|---|---|---|---|');
    for (const w of waivers) out.push(`| \`${w.rule}\` | ${w.status} | ${md(w.owner)} | ${w.expires} | ${md(w.reason)} |`);
    out.push('');
  }

  out.push(
    '## Remediation checklist',
    '',
    "Fixes of failing critical rules first, then by points: a rule's gain (on its first item) is what the score rises once all its items are done; a find-out item shows the most its answer can add.",
    '',
  );
  if (!r.checklist.length) out.push('Nothing to do for the rules assessed.');
  r.checklist.forEach((c, i) => {
    const gain = c.kind === 'find-out' ? `**≤${c.gain.toFixed(1)}** ` : i > 0 && r.checklist[i - 1]!.ruleId === c.ruleId ? '' : `**+${c.gain.toFixed(1)}** `;
    out.push(
      `- [ ] ${gain}${c.or ? '*or:* ' : ''}${md(c.action)} (owner: ${md(c.owner)}; effort: ${c.effort}; ${c.ruleIds ? 'rules' : 'rule'} ${itemRules(c)
        .map((id) => `\`${id}\``)
        .join(', ')})`,
    );
  });
  out.push('');

  if (r.unknowns.length) {
    out.push('## Answered "don\'t know"', '');
    for (const u of r.unknowns) out.push(`- ${evidenceMd(r, u)}`);
    out.push('');
  }
  if (r.perception) {
    out.push('## Where people disagree', '', md(respondentsLine(r)), '');
    const rows = gapRows(r);
    if (!rows.length) out.push('No disagreement: every fact two groups answered, they answered alike.', '');
    for (const g of rows) out.push(`- **${md(g.fact)}** (\`${g.path}\`): ${g.answers.map(md).join('; ')}; ${md(rulesText(g))}`);
    if (rows.length) out.push('');
    const al = alignmentLines(r);
    if (al.length) out.push(`Alignment by section: ${al.map(md).join('; ')}`, '');
  }
  const noteEntries = Object.entries(r.notes).filter(([, v]) => v);
  if (noteEntries.length) {
    out.push("## Consultant's notes", '');
    for (const [section, text] of noteEntries) out.push(`- **${section}**: ${md(text!)}`);
    out.push('');
  }
  return out.join('\n');
}
