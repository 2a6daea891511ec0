// The terminal report: readable at a glance in 80 columns. Colour is decided
// by the CLI (TTY, NO_COLOR, FORCE_COLOR) and passed in; meaning never rests
// on colour alone (every status also has a word or symbol).
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { AuditReport, Evidence, Finding, Severity, Status } from '../engine/types';
import { renderPerception } from './perception';
import {
  activeFindings,
  capNote,
  findingsAbout,
  thousandsText,
  evidenceLine,
  factText,
  gradeText,
  incompleteNote,
  itemRules,
  notes,
  rangeText,
  ruleScoreText,
  ruleSections,
  scoreText,
  STATUS_LABEL,
  where,
  wrap,
} from './format';

export interface TextOptions {
  color: boolean;
  /**
   * Terminal width: no line is wider (at most 100; 80 when not a terminal).
   * Under 63 columns the checklist is a list instead of a table, and any line
   * that would not fit is wrapped.
   */
  width?: number;
  /** The config files that applied, nearest first: named under the title. */
  configFiles?: readonly string[];
}

const SYMBOL: Record<Status, string> = { pass: '✔', partial: '◐', fail: '✖', incomplete: '◌', 'not-assessed': '?', 'not-applicable': '–', waived: '~', error: '!', off: '-' };

/** Findings, and checklist items, shown per rule; the rest are counted (a roster gives one per person). */
export const PER_RULE = 20;

/** The first `max` lines, then one saying how many were left out (long per-person lists). */
function capped(lines: string[], max: number, rest: (n: number) => string): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), rest(lines.length - max)];
}

/** The gain column: `+4.2` on a rule's first fix, `"` on its others, `≤3.1` (points in play) on a find-out item. */
const gainText = (item: AuditReport['checklist'][number], sameRule: boolean) => (item.kind === 'find-out' ? `≤${item.gain.toFixed(1)}` : sameRule ? '  "' : `+${item.gain.toFixed(1)}`);

/** Lines of one checklist action: a find-out item over a roster of thousands can name a fact per person. */
const ACTION_LINES = 12;
const moreFacts = (item: AuditReport['checklist'][number]) => (k: number) =>
  `... ${k} more lines${item.facts ? ` (${item.facts.length} facts; --format json lists every one)` : ' (--format json has them)'}`;
/** The action cell: as it is (the table wraps it), or, past ACTION_LINES lines, wrapped here and capped. */
function actionCell(item: AuditReport['checklist'][number], cols: number): string {
  const text = `${item.or ? 'or: ' : ''}${item.action} [${itemRules(item).join(', ')}]`;
  const lines = wrap(text, cols);
  return lines.length <= ACTION_LINES ? text : capped(lines, ACTION_LINES, moreFacts(item)).join('\n');
}

export function renderText(r: AuditReport, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  // The real width, however narrow (a floor wider than the terminal makes the terminal re-wrap every line).
  const width = Math.max(20, Math.min(100, opts.width ?? 80));
  const out: string[] = [];
  const sevColor = (s: Severity) => (s === 'critical' ? c.red.bold : s === 'high' ? c.red : s === 'medium' ? c.yellow : c.cyan);
  const scoreColor = (s: number | null) => (s === null ? c.dim : s >= 90 ? c.green : s >= 70 ? c.yellow : c.red);
  const statusColor = (s: Status) => (s === 'pass' ? c.green : s === 'partial' ? c.yellow : s === 'fail' || s === 'error' ? c.red : c.dim);
  const heading = (t: string) => out.push('', c.bold(t));

  // Header
  const company = r.org.company ?? 'Unnamed organisation';
  out.push(c.bold(`Sales audit: ${company}`), c.dim(`${r.org.file} · audited ${r.auditDate}`));
  if (r.org.respondents.length) out.push(c.dim(`Answers from: ${r.org.respondents.join('; ')}`));
  if (opts.configFiles?.length) out.push(c.dim(`Config: ${opts.configFiles.join(', then ')}`));
  const s = r.summary;
  const gradeColor = s.grade === null ? c.dim : scoreColor(s.score);
  const range = rangeText(s);
  out.push(
    '',
    `  Score ${scoreColor(s.score).bold(`${scoreText(s.score)}/100`)}${range ? c.dim(`, ${range}`) : ''}`,
    `  Grade ${gradeColor.bold(gradeText(s))}   Coverage ${c.bold(`${s.coverage}%`)}`,
    c.dim(
      `  ${s.counts.pass} pass, ${s.counts.partial} partial, ${s.counts.fail} fail, ${s.counts.incomplete ? `${s.counts.incomplete} incomplete, ` : ''}${s.counts['not-assessed']} not assessed${s.counts['not-applicable'] ? `, ${s.counts['not-applicable']} not applicable` : ''}${s.counts.waived ? `, ${s.counts.waived} waived` : ''}${s.counts.error ? `, ${s.counts.error} error` : ''}`,
    ),
  );
  const inc = incompleteNote(r);
  if (inc) for (const l of wrap(inc, width - 2)) out.push(c.yellow(`  ${l}`));
  if (s.gradeStatus === 'incomplete') out.push(c.dim('  Answer the "find out" items of the checklist (or run `sales-audit interview`) to earn a grade.'));
  const cap = capNote(r);
  if (cap) for (const l of wrap(cap, width - 2)) out.push(c.red(`  ${l}`));

  // Categories
  heading('Categories');
  // The bar shrinks on a narrow terminal: title, bar and score on one line.
  const barWidth = Math.max(5, Math.min(20, width - 2 - 14 - 1 - 4));
  for (const cat of r.categories) {
    const filled = cat.score === null ? 0 : Math.round((cat.score / 100) * barWidth);
    const bar = cat.score === null ? c.dim('·'.repeat(barWidth)) : scoreColor(cat.score)('█'.repeat(filled)) + c.dim('░'.repeat(barWidth - filled));
    const line = `  ${cat.title.padEnd(14)} ${bar} ${scoreText(cat.score).padStart(3)}`;
    const cov = cat.score !== null && cat.coverage < 100 ? `coverage ${cat.coverage}%${cat.upTo !== null && cat.upTo > cat.score ? `, up to ${cat.upTo}` : ''}` : '';
    // The coverage goes under the bar when it does not fit beside it.
    if (!cov) out.push(line);
    else if (2 + 14 + 1 + barWidth + 1 + 3 + 2 + cov.length <= width) out.push(`${line}${c.dim(`  ${cov}`)}`);
    else out.push(line, c.dim(`${' '.repeat(17)}${cov}`));
  }

  // Findings, fatal first (the engine's order)
  const findings = activeFindings(r);
  const bySev = (['critical', 'high', 'medium', 'low'] as const).filter((k) => s.findings[k]).map((k) => `${thousandsText(s.findings[k])} ${k}`);
  // With summaries the counts by severity count people and facts, not the findings listed: say both.
  const about = findingsAbout(r);
  heading(`Findings (${about ? `${thousandsText(about.shown)}; ${thousandsText(about.about)} people and facts` : findings.length}${bySev.length ? `: ${bySev.join(', ')}` : ''})`);
  if (!findings.length) out.push(c.dim('  None.'));
  // `at file:line:col  path`, split over two lines when it would not fit.
  const evidence = (e: Evidence, lead = '    at ') => {
    const line = `${lead}${evidenceLine(e, r)}`;
    if (line.length <= width) out.push(c.dim(line));
    else out.push(c.dim(`${lead}${where(e)}`), ...wrap(evidenceLine(e, r).slice(where(e).length).trim(), width - lead.length - 2).map((l) => c.dim(`${' '.repeat(lead.length + 2)}${l}`)));
  };
  const shownThresholds = new Set<string>();
  const findingBlock = (f: Finding) => {
    const tag = f.fatal ? c.bgRed.white.bold('FATAL') + '   ' : sevColor(f.severity)(f.severity.toUpperCase().padEnd(8));
    out.push(`  ${tag} ${c.bold(f.ruleId)}`);
    for (const l of wrap(f.message, width - 4)) out.push(`    ${l}`);
    for (const e of f.evidence) evidence(e);
    if (f.evidenceTotal) out.push(c.dim(`    ... and ${f.evidenceTotal - f.evidence.length} more places (--per-person cites every one)`));
    // Thresholds and their sources once per rule: the rest of its findings share them.
    const fresh = f.thresholds.filter((t) => !shownThresholds.has(`${f.ruleId}.${t.name}`));
    for (const t of fresh) shownThresholds.add(`${f.ruleId}.${t.name}`);
    if (fresh.length) {
      const values = fresh.map((t) => `${t.name} ${String(t.value)}`).join(', ');
      const sources = [...new Set(fresh.map((t) => t.source).filter(Boolean))];
      for (const l of wrap(`threshold ${values}${sources.length ? `; source: ${sources.join('; ')}` : ''}`, width - 6, '  ')) out.push(c.dim(`    ${l}`));
    }
  };
  // A roster of thousands gives a rule a finding per person: a terminal shows
  // the first PER_RULE of each rule and counts the rest, which the JSON and
  // Markdown reports list (the full list took minutes and overflowed the stack).
  const shownPerRule = new Map<string, number>();
  for (const f of findings) {
    const n = (shownPerRule.get(f.ruleId) ?? 0) + 1;
    shownPerRule.set(f.ruleId, n);
    if (n <= PER_RULE) findingBlock(f);
  }
  for (const [ruleId, n] of shownPerRule)
    if (n > PER_RULE) for (const l of wrap(`... and ${n - PER_RULE} more ${ruleId} findings (--format json or markdown lists every one)`, width - 4)) out.push(c.dim(`  ${l}`));

  const ns = notes(r);
  if (ns.length) {
    heading('Notes');
    // Notes can be per person too (a rep under target whose actions are unknown): capped per rule like findings.
    const notesPerRule = new Map<string, number>();
    for (const n of ns) notesPerRule.set(n.ruleId, (notesPerRule.get(n.ruleId) ?? 0) + 1);
    const shownNotes = new Map<string, number>();
    for (const n of ns) {
      const k = (shownNotes.get(n.ruleId) ?? 0) + 1;
      shownNotes.set(n.ruleId, k);
      if (k > PER_RULE) {
        if (k === notesPerRule.get(n.ruleId)) for (const l of wrap(`... and ${k - PER_RULE} more ${n.ruleId} notes (--format json or markdown lists every one)`, width - 4)) out.push(c.dim(`  ${l}`));
        continue;
      }
      out.push(`  ${c.cyan('i')} ${c.bold(n.ruleId)}`);
      for (const l of capped(wrap(n.message, width - 4), 6, (k) => `... ${k} more lines (--format json has them)`)) out.push(`    ${l}`);
      n.evidence.slice(0, PER_RULE).forEach((e) => evidence(e));
      if (n.evidence.length > PER_RULE) out.push(c.dim(`    ... and ${n.evidence.length - PER_RULE} more places`));
    }
  }

  // Rules at a glance
  heading('Rules');
  // The rules of one review (the compensation review) together, under its heading.
  for (const section of ruleSections(r.rules)) {
    if (section.group) out.push(`  ${c.bold(section.group.title)}`);
    for (const rule of section.rules) {
      const sc = ruleScoreText(rule);
      const label = statusColor(rule.status)(`${SYMBOL[rule.status]} ${STATUS_LABEL[rule.status]}`.padEnd(18));
      const cov = rule.score !== null && rule.coverage < 100 && rule.status !== 'not-assessed' ? c.dim(` · ${rule.coverage}% known`) : '';
      out.push(`  ${label} ${rule.id}${sc ? ` ${sc}` : ''}${cov}${rule.error ? c.red(`: ${rule.error}`) : ''}`);
      if (rule.status === 'not-applicable' && rule.reason) for (const l of wrap(rule.reason, width - 23, '  ')) out.push(c.dim(`${' '.repeat(21)}${l}`));
      if (rule.missing.length && rule.status !== 'waived')
        for (const l of capped(wrap(`needs ${rule.missing.map((m) => factText(r, m)).join('; ')}`, width - 23, '  '), 4, (k) => `... ${k} more lines`)) out.push(c.dim(`${' '.repeat(21)}${l}`));
      if (rule.waiver) for (const l of wrap(`waived until ${rule.waiver.expires} by ${rule.waiver.owner}: ${rule.waiver.reason}`, width - 23, '  ')) out.push(c.dim(`${' '.repeat(21)}${l}`));
    }
  }

  const expired = r.waivers.filter((w) => w.status !== 'active');
  if (expired.length) {
    heading('Waivers needing attention');
    for (const w of expired) out.push(c.red(`  ${w.status === 'expired' ? `expired ${w.expires}` : 'unknown rule'}  ${w.rule}`) + c.dim(`  ${where(w.evidence)}`));
  }

  // Checklist
  heading('Remediation checklist (most points first)');
  if (r.checklist.length) out.push(c.dim('  Gain: points the score rises once all of a rule\'s items are done; on a "find out" item, the most its answer can add.'));
  if (!r.checklist.length) out.push(c.dim('  Nothing to do for the rules assessed.'));
  else if (width < CHECKLIST_TABLE_MIN) {
    // Too narrow for the table's columns: one item per paragraph.
    r.checklist.forEach((item, i) => {
      const sameRule = i > 0 && r.checklist[i - 1]!.ruleId === item.ruleId;
      const lead = `  ${item.rank}. `;
      const pad = ' '.repeat(lead.length);
      const gain = gainText(item, sameRule).trim();
      capped(wrap(`${gain === '"' ? '' : `${gain} `}${item.or ? 'or: ' : ''}${item.action} [${itemRules(item).join(', ')}]`, width - lead.length), ACTION_LINES, moreFacts(item)).forEach((l, j) =>
        out.push(`${j ? pad : lead}${l}`),
      );
      for (const l of wrap(`owner: ${item.owner} · effort: ${item.effort}`, width - pad.length)) out.push(c.dim(`${pad}${l}`));
    });
  } else {
    // One leading space, six borders, and the four narrow columns; '#' as wide as the highest rank.
    const rankCol = Math.max(4, String(r.checklist.length).length + 2);
    const actionCol = Math.max(22, width - 1 - 6 - (rankCol + 7 + 15 + 8));
    const table = new Table({
      head: ['#', 'Gain', 'Action', 'Owner', 'Effort'],
      colWidths: [rankCol, 7, actionCol, 15, 8],
      wordWrap: true,
      style: { head: opts.color ? ['bold'] : [], border: opts.color ? ['grey'] : [], 'padding-left': 1, 'padding-right': 1 },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    // A rule's gain is earned by all its items together: print it once, on the
    // first. At most PER_RULE items of a rule, then how many more (as for findings).
    let ofRule = 0;
    r.checklist.forEach((item, i) => {
      const sameRule = i > 0 && r.checklist[i - 1]!.ruleId === item.ruleId;
      ofRule = sameRule ? ofRule + 1 : 1;
      if (ofRule <= PER_RULE) table.push([String(item.rank), gainText(item, sameRule), actionCell(item, actionCol - 2), item.owner, item.effort]);
      const last = r.checklist[i + 1]?.ruleId !== item.ruleId;
      if (last && ofRule > PER_RULE) table.push(['', '', `... and ${ofRule - PER_RULE} more items [${item.ruleId}]`, '', '']);
    });
    for (const l of table.toString().split('\n')) out.push(` ${l}`);
  }

  if (r.unknowns.length) {
    heading('Answered "don\'t know"');
    r.unknowns.slice(0, PER_RULE).forEach((u) => evidence(u, '  '));
    if (r.unknowns.length > PER_RULE) out.push(c.dim(`  ... and ${r.unknowns.length - PER_RULE} more (--format json lists every one)`));
  }

  // Several respondents: the facts groups disagree on, groups only (never a name).
  const [perceptionTitle, ...perception] = renderPerception(r);
  if (perceptionTitle) {
    heading(perceptionTitle);
    for (const l of perception) {
      const indent = ' '.repeat(l.length - l.trimStart().length);
      for (const w of wrap(l.trimStart(), width - indent.length)) out.push(`${indent}${w}`);
    }
  }

  const noteEntries = Object.entries(r.notes).filter(([, v]) => v);
  if (noteEntries.length) {
    heading("Consultant's notes");
    for (const [section, text] of noteEntries) {
      out.push(`  ${c.bold(section)}`);
      for (const l of wrap(text!, width - 4)) out.push(`    ${l}`);
    }
  }
  out.push('');
  return fitWidth(out, width).join('\n');
}

/** The narrowest the checklist table can be: one leading space, six borders, the narrow columns and 22 for the action. */
export const CHECKLIST_TABLE_MIN = 1 + 6 + (4 + 7 + 15 + 8) + 22;

const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Every line within `width` columns: a line that is wider (a long name, a
 * path, the score line on a very narrow terminal) is wrapped under its own
 * indent, without its colour (its words still say what the colour did).
 */
function fitWidth(lines: string[], width: number): string[] {
  return lines.flatMap((block) =>
    block.split('\n').flatMap((line) => {
      const plain = line.replace(SGR, '');
      if (plain.length <= width) return [line];
      const indent = /^ */.exec(plain)![0];
      return wrap(plain, width - indent.length, '  ').map((l) => `${indent}${l}`);
    }),
  );
}
