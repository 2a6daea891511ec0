// The client report: one self-contained HTML file (inline CSS and SVG, system
// fonts, no script, no request to any host) that reads well on screen and on
// A4 or Letter paper. The org file may come from someone else, so every value
// taken from it is escaped, and a Content-Security-Policy forbids scripts and
// outside loads even if an escape were ever missed. Renders only: every number
// comes from the AuditReport.
import { createHash } from 'node:crypto';
import type { AuditReport, Evidence, Finding, RuleResult, Severity, Status } from '../engine/types';
import { metaOf, schemaAt } from '../model/introspect';
import { capNote, notes, ruleSections, STATUS_LABEL } from './format';
import { alignmentLines, gapRows, respondentsLine, rulesText } from './perception';

export type Paper = 'a4' | 'letter';

export interface HtmlOptions {
  /** Forces the paper size; without it the printer's paper is used (the layout fits both). */
  paper?: Paper;
  /** A section placed after the cover (audit --baseline: "since the last audit"), with its CSS (covered by the page's CSP hash). */
  extra?: { html: string; css: string; gauge?: string };
}

// ---- escaping ----

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attributes; control characters become U+FFFD. */
export function esc(value: unknown): string {
  return String(value)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/**
 * From `<html lang="en">` to `</head>` for every HTML page of ours (the report,
 * the diff and history pages): the Content-Security-Policy (no scripts, no
 * outside requests; the one style allowed by its hash, so an injected <style>
 * or style attribute does not apply), the referrer policy, the generator, the
 * title (plain text, escaped here) and the inline CSS. The caller writes the
 * doctype before it and the body after it. `opts.script`: the page's one
 * inline script (written by the caller in the body), allowed by its sha256.
 */
export function pageHead(title: string, css: string, version: string, opts: { script?: string } = {}): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  // A page with a script (the questionnaire form) allows that one inline script, by its hash.
  const script = opts.script === undefined ? '' : `; script-src 'sha256-${createHash('sha256').update(opts.script, 'utf8').digest('base64')}'`;
  const csp = `default-src 'none'; style-src 'sha256-${hash}'${script}; img-src data:; font-src 'none'; base-uri 'none'; form-action 'none'`;
  return `<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sales-audit ${esc(version)}">
<title>${esc(title)}</title>
<style>${css}</style>
</head>`;
}

/**
 * A CSS string literal that is safe inside a <style> element: every character
 * but letters, digits and spaces becomes a hex escape, so no value can close
 * the string, the rule or the element (`</style>`).
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value.replace(/[\u0000-\u001f\u007f]/g, ' ')) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

// ---- wording ----

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-11-27 -> 27 November 2026 (fixed wording, never the machine's locale). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };
const STATUS_MARK: Record<Status, string> = { pass: '✓', partial: '◐', fail: '✕', incomplete: '◌', 'not-assessed': '?', 'not-applicable': '–', waived: '~', error: '!', off: '–' };
const EFFORT_LABEL = { low: 'Low', medium: 'Medium', high: 'High' } as const;

/** Score bands for the gauge and chart fills: the grade bands, named by what they mean. */
type Band = 'good' | 'fair' | 'weak' | 'none';
const bandOf = (s: number | null): Band => (s === null ? 'none' : s >= 90 ? 'good' : s >= 70 ? 'fair' : 'weak');
const BAND_LABEL: Record<Band, string> = { good: '90 and above', fair: '70 to 89', weak: 'under 70', none: 'not assessed' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---- pieces ----

function badge(kind: string, text: string, mark?: string): string {
  return `<span class="badge ${kind}">${mark ? `<span aria-hidden="true">${mark} </span>` : ''}${esc(text)}</span>`;
}
const severityBadge = (s: Severity) => badge(`sev-${s}`, SEVERITY_LABEL[s]);
const statusBadge = (r: RuleResult) =>
  // A waived rule's score does not count, so it is not shown beside the word.
  badge(`st-${r.status}`, `${STATUS_LABEL[r.status]}${r.score !== null && r.status !== 'waived' ? ` ${Math.round(r.score * 100)}%` : ''}`, STATUS_MARK[r.status]);

/** The overall score as a ring gauge; the number is HTML text over the ring, which only repeats it. */
/** The headline as a ring: the points earned, and (lighter, dashed) the range still in play up to `upTo`. */
function gauge(score: number | null, upTo: number | null = score): string {
  const r = 52;
  const c = 2 * Math.PI * r;
  const band = bandOf(score);
  const arc = score === null ? '' : `<circle class="arc band-${band}" cx="70" cy="70" r="${r}" stroke-dasharray="${((c * score) / 100).toFixed(2)} ${c.toFixed(2)}" transform="rotate(-90 70 70)"/>`;
  const inPlay =
    score === null || upTo === null || upTo <= score
      ? ''
      : `<circle class="arc in-play" cx="70" cy="70" r="${r}" stroke-dasharray="0 ${((c * score) / 100).toFixed(2)} ${((c * (upTo - score)) / 100).toFixed(2)} ${c.toFixed(2)}" transform="rotate(-90 70 70)"/>`;
  return (
    `<div class="gauge-wrap"><svg class="gauge" viewBox="0 0 140 140" width="140" height="140" aria-hidden="true" focusable="false"><circle class="track${score === null ? ' empty' : ''}" cx="70" cy="70" r="${r}"/>${inPlay}${arc}</svg>` +
    `<p class="gauge-text"><span class="gauge-num" id="score">${score === null ? '?' : score}</span><span class="gauge-unit">${score === null ? 'nothing applies' : 'out of 100'}</span></p>` +
    (inPlay ? `<p class="small gauge-range" id="score-range">up to ${upTo} once the unknowns are known</p>` : '') +
    '</div>'
  );
}

/**
 * Hatching as plain line segments clipped by arithmetic (an SVG <pattern>
 * makes Chromium rasterise the chart in a PDF): lines at 45 degrees, spaced
 * `gap` apart, going down-right (dir 1) or down-left (dir -1).
 */
export function hatch(x0: number, y0: number, w: number, h: number, gap: number, dir: 1 | -1): string {
  const d: string[] = [];
  const f = (n: number) => String(Math.round(n * 10) / 10);
  for (let c = dir === 1 ? -h + gap / 2 : gap / 2; c < (dir === 1 ? w : w + h); c += gap) {
    const xa = dir === 1 ? Math.max(0, c) : Math.max(0, c - h);
    const xb = dir === 1 ? Math.min(w, c + h) : Math.min(w, c);
    if (xb - xa < 0.5) continue;
    const ya = dir === 1 ? xa - c : c - xa;
    const yb = dir === 1 ? xb - c : c - xb;
    d.push(`M${f(x0 + xa)} ${f(y0 + ya)}L${f(x0 + xb)} ${f(y0 + yb)}`);
  }
  return d.join('');
}

/** A bar whose fill reads in grey-scale too: solid (good), stripes (fair), cross-hatch (weak). */
function barShape(band: Band, x: number, y: number, w: number, h: number): string {
  let out = `<rect class="bar band-${band}" x="${x}" y="${y}" width="${w.toFixed(1)}" height="${h}"/>`;
  if (band === 'fair') out += `<path class="stripe" d="${hatch(x, y, w, h, 6, 1)}"/>`;
  if (band === 'weak') out += `<path class="hatch" d="${hatch(x, y, w, h, 6, 1)}${hatch(x, y, w, h, 6, -1)}"/>`;
  if (band === 'fair' || band === 'weak') out += `<rect class="bar-edge" x="${x}" y="${y}" width="${w.toFixed(1)}" height="${h}"/>`;
  return out;
}

/** Horizontal bars, one per category, each with its value written beside it. */
export function categoryChart(r: AuditReport): string {
  const labelW = 150;
  const trackW = 440;
  const rowH = 30;
  const top = 30;
  const legendH = 34;
  const cats = r.categories;
  const bodyH = cats.length * rowH;
  const h = top + bodyH + legendH;
  const x = (v: number) => labelW + (trackW * v) / 100;
  const out: string[] = [];
  out.push(
    `<svg id="category-chart" class="chart" viewBox="0 0 720 ${h}" role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMinYMin meet">`,
    '<title id="chart-title">Scores by category, out of 100</title>',
    `<desc id="chart-desc">${esc(cats.map((c) => `${c.title}: ${c.score === null ? 'not assessed' : `${c.score} out of 100`}, coverage ${c.coverage}%`).join('; '))}.</desc>`,
  );
  // Axis: ticks at the grade thresholds so a bar can be read against them.
  for (const t of [0, 50, 70, 90, 100]) {
    out.push(`<line class="grid" x1="${x(t)}" y1="${top - 8}" x2="${x(t)}" y2="${top + bodyH - 6}"/>`);
    out.push(`<text class="tick" x="${x(t)}" y="${top - 12}" text-anchor="middle">${t}</text>`);
  }
  out.push(`<text class="tick" x="${labelW + trackW + 20}" y="${top - 12}">coverage</text>`);
  cats.forEach((c, i) => {
    const y = top + i * rowH;
    const band = bandOf(c.score);
    out.push(`<g class="bar-row" data-category="${esc(c.id)}" data-score="${c.score ?? ''}">`);
    out.push(`<text class="cat-label" x="${labelW - 12}" y="${y + 14}" text-anchor="end" dominant-baseline="middle">${esc(c.title)}</text>`);
    out.push(`<rect class="bar-track" x="${labelW}" y="${y + 4}" width="${trackW}" height="20" rx="2"/>`);
    if (c.score === null) {
      out.push(`<text class="bar-value na" x="${labelW + 10}" y="${y + 14}" dominant-baseline="middle">not assessed</text>`);
    } else {
      const w = (trackW * c.score) / 100;
      out.push(barShape(band, labelW, y + 4, w, 20));
      // The value sits after the bar's end, or inside a bar too long to leave room.
      const inside = w > trackW - 34;
      out.push(
        `<text class="bar-value${inside ? ' inside' : ''}" x="${(inside ? labelW + w - 6 : labelW + w + 6).toFixed(1)}" y="${y + 14}" text-anchor="${inside ? 'end' : 'start'}" dominant-baseline="middle">${c.score}</text>`,
      );
    }
    out.push(`<text class="cov" x="${labelW + trackW + 20}" y="${y + 14}" dominant-baseline="middle">${c.coverage}%</text>`);
    out.push('</g>');
  });
  // Legend inside the chart so the fills are explained wherever the chart goes.
  const ly = top + bodyH + 12;
  const items: Band[] = ['good', 'fair', 'weak'];
  items.forEach((b, i) => {
    const lx = labelW + i * 130;
    out.push(barShape(b, lx, ly, 18, 12));
    out.push(`<text class="legend" x="${lx + 24}" y="${ly + 6}" dominant-baseline="middle">${BAND_LABEL[b]}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

type Labels = AuditReport['labels'];

/** A fact in words a client reads, its path as a small reference (`the quota attainment of AE 3` `people[2].attainment`). */
function factHtml(labels: Labels, path: string): string {
  const words = labels?.[path];
  return words && words !== path ? `<span class="fact" dir="auto">${esc(words)}</span> <code class="path">${esc(path)}</code>` : `<code>${esc(path)}</code>`;
}

/** The fact in words, plus where it stands and who answered it. */
function evidenceItem(e: Evidence, labels: Labels): string {
  const parts: string[] = [];
  if (e.file && e.line) parts.push(`<span class="loc">${esc(e.file)}, line ${e.line}${e.column ? `, column ${e.column}` : ''}</span>`);
  else parts.push('<span class="loc">not in the org file</span>');
  if (e.resolution) parts.push(`<span class="who">${esc(e.resolution)}</span>`);
  else if (e.origin === 'interview') parts.push(`<span class="who">interview answer${e.respondent ? ` from <bdi>${esc(e.respondent)}</bdi>` : ''}</span>`);
  if (e.source) parts.push(`<span class="src">source: <bdi>${esc(e.source)}</bdi>${e.asOf ? `, as of ${esc(e.asOf)}` : ''}${e.stale ? ' <b class="stale">stale</b>' : ''}</span>`);
  return `<li>${factHtml(labels, e.path)} · ${parts.join(' · ')}</li>`;
}

function evidenceList(ev: Evidence[], labels: Labels): string {
  return ev.length ? `<ul class="evidence">${ev.map((e) => evidenceItem(e, labels)).join('')}</ul>` : '';
}

/** The question the interview asks for a fact, when the model has one. */
function questionFor(path: string): string | undefined {
  try {
    return metaOf(schemaAt(path)).question;
  } catch {
    return undefined;
  }
}

/** Consecutive findings of one rule, as one card (the engine already ordered them). */
function groupByRule(fs: Finding[]): Finding[][] {
  const out: Finding[][] = [];
  for (const f of fs) {
    const last = out[out.length - 1];
    if (last && last[0]!.ruleId === f.ruleId) last.push(f);
    else out.push([f]);
  }
  return out;
}

function findingCard(group: Finding[], rule: RuleResult | undefined, num: number, labels: Labels): string {
  const f0 = group[0]!;
  const thresholds = new Map<string, { value: unknown; source?: string }>();
  for (const f of group) for (const t of f.thresholds) thresholds.set(t.name, t);
  const out: string[] = [];
  out.push(`<article class="finding edge-${f0.note ? 'note' : f0.severity}${f0.fatal ? ' fatal' : ''}" aria-labelledby="rule-${num}-${esc(f0.ruleId)}">`);
  out.push('<header class="finding-head">');
  out.push(`<div class="badges">${f0.fatal ? badge('fatal', 'Fatal', '▲') : ''}${f0.note ? badge('note', 'Note') : severityBadge(f0.severity)}${rule ? statusBadge(rule) : ''}</div>`);
  out.push(`<h4 id="rule-${num}-${esc(f0.ruleId)}">${esc(rule?.title ?? f0.ruleId)} <code class="rule-id">${esc(f0.ruleId)}</code></h4>`);
  out.push('</header>');
  out.push('<ol class="items">');
  for (const f of group)
    out.push(
      `<li class="item"><p>${esc(f.message)}</p>${evidenceList(f.evidence, labels)}${f.evidenceTotal ? `<p class="evidence">… and ${f.evidenceTotal - f.evidence.length} more places</p>` : ''}</li>`,
    );
  out.push('</ol>');
  out.push('<dl class="cite">');
  if (rule) out.push(`<div><dt>Source</dt><dd>${esc(rule.source)}</dd></div>`);
  for (const [name, t] of thresholds) out.push(`<div><dt>Threshold</dt><dd><code>${esc(name)} = ${esc(String(t.value))}</code>${t.source ? ` — ${esc(t.source)}` : ''}</dd></div>`);
  out.push('</dl>');
  out.push('</article>');
  return out.join('\n');
}

// ---- sections ----

function cover(r: AuditReport, gaugeNote = ''): string {
  const s = r.summary;
  const company = r.org.company ?? 'Unnamed organisation';
  const out: string[] = [];
  out.push('<header class="cover" id="top">');
  out.push('<p class="eyebrow">Sales organisation audit</p>');
  out.push(`<h1 dir="auto">${esc(company)}</h1>`);
  out.push('<dl class="facts">');
  out.push(`<div><dt>Audit date</dt><dd><time datetime="${esc(r.auditDate)}">${esc(longDate(r.auditDate))}</time></dd></div>`);
  if (r.org.respondents.length) out.push(`<div><dt>Respondent${r.org.respondents.length > 1 ? 's' : ''}</dt><dd>${r.org.respondents.map((x) => `<bdi>${esc(x)}</bdi>`).join(', ')}</dd></div>`);
  out.push(`<div><dt>Org file</dt><dd><code>${esc(r.org.file)}</code></dd></div>`);
  out.push('</dl>');

  out.push('<div class="scorecard">');
  out.push(`<div class="card score-card"><h2 class="card-title">Overall score</h2>${gauge(s.score, s.upTo)}${gaugeNote}</div>`);
  const gband = s.grade === null ? 'none' : bandOf(s.score);
  const gradeShown = s.grade ?? (s.gradeStatus === 'incomplete' ? 'Incomplete' : '–');
  out.push(
    `<div class="card grade-card"><h2 class="card-title">Grade</h2><p class="grade band-${gband}${s.grade === null ? ' no-grade' : ''}" id="grade" aria-label="Grade ${esc(gradeShown)}">${esc(gradeShown)}</p>` +
      `<p class="small">${s.grade === null || s.gradeCapped ? esc(s.gradeNote ?? '') : '<span class="nowrap">A 90+ · B 80+</span> <span class="nowrap">· C 70+ · D 60+</span> <span class="nowrap">· F under 60</span>'}</p></div>`,
  );
  const cv = Math.max(0, Math.min(100, s.coverage));
  out.push(
    `<div class="card coverage-card"><h2 class="card-title">Coverage</h2><p class="big" id="coverage">${s.coverage}%</p>` +
      `<svg class="meter" viewBox="0 0 200 10" role="img" aria-label="Coverage ${s.coverage}%"><rect class="meter-track" width="200" height="10" rx="2"/><rect class="meter-fill" width="${cv * 2}" height="10" rx="2"/></svg>` +
      `<p class="small">of what the rules check is known from the facts given${s.gradeStatus === 'graded' ? '' : ` (a grade needs ${s.coverageFloor}%)`}.</p></div>`,
  );
  const counts = s.counts;
  const rows: [string, number, Status][] = [
    ['Pass', counts.pass, 'pass'],
    ['Partial', counts.partial, 'partial'],
    ['Fail', counts.fail, 'fail'],
    ['Incomplete', counts.incomplete, 'incomplete'],
    ['Not assessed', counts['not-assessed'], 'not-assessed'],
    ['Not applicable', counts['not-applicable'], 'not-applicable'],
    ['Waived', counts.waived, 'waived'],
    ['Error', counts.error, 'error'],
  ];
  out.push(
    `<div class="card counts-card"><h2 class="card-title">Rules</h2><ul class="counts">${rows
      .filter(([, n, st]) => n > 0 || st === 'pass' || st === 'fail')
      .map(([label, n, st]) => `<li><span class="mark st-${st}" aria-hidden="true">${STATUS_MARK[st]}</span> <b>${n}</b> ${label.toLowerCase()}</li>`)
      .join('')}</ul></div>`,
  );
  out.push('</div>');

  // The first things a reader should know, taken as they are from the report.
  const key: string[] = [];
  const cap = capNote(r);
  if (cap) key.push(`<li class="fatal-line">${badge('fatal', 'Fatal', '▲')} ${esc(cap)}</li>`);
  if (s.gradeStatus === 'incomplete') key.push(`<li><b>No grade yet:</b> ${esc(s.gradeNote ?? '')} The “find out” items of the checklist say what to ask next.</li>`);
  if (s.score !== null && s.upTo !== null && s.upTo > s.score)
    key.push(`<li>Score ${s.score} out of 100, up to ${s.upTo} once ${plural(s.unknownFacts, 'unknown fact')} ${s.unknownFacts === 1 ? 'is' : 'are'} known.</li>`);
  const sev = (['critical', 'high', 'medium', 'low'] as const).filter((k) => s.findings[k]).map((k) => `${s.findings[k]} ${k}`);
  key.push(`<li>${plural(sev.length ? Object.values(s.findings).reduce((a, b) => a + b, 0) : 0, 'finding')}${sev.length ? ` (${sev.join(', ')})` : ''}.</li>`);
  if (r.checklist.length)
    key.push(
      `<li>Most valuable next steps:<ol class="top-actions">${r.checklist
        .slice(0, 3)
        .map(
          (c) =>
            `<li>${esc(c.action)} <span class="gain">${c.kind === 'find-out' ? `up to ${c.gain.toFixed(1)} points in play` : c.gain > 0 ? `+${c.gain.toFixed(1)} points` : `with the item above`}</span></li>`,
        )
        .join('')}</ol></li>`,
    );
  if (s.score === null) key.push('<li>No rule applies to this organisation as described.</li>');
  out.push(`<section class="keypoints" aria-labelledby="key-title"><h2 id="key-title" class="card-title">At a glance</h2><ul>${key.join('')}</ul></section>`);
  out.push('</header>');
  return out.join('\n');
}

function contents(r: AuditReport): string {
  const items: [string, string][] = [
    ['categories', 'Scores by category'],
    ['findings', 'Findings'],
    ['checklist', 'Remediation checklist'],
  ];
  if (r.perception) items.push(['disagree', 'Where people disagree']);
  if (Object.values(r.notes).some(Boolean)) items.push(['notes', 'Consultant’s notes']);
  items.push(['appendix', 'Appendix: the rules']);
  return `<nav class="toc" aria-label="Contents"><h2 class="card-title">Contents</h2><ol>${items.map(([id, t]) => `<li><a href="#${id}">${t}</a></li>`).join('')}</ol></nav>`;
}

function categoriesSection(r: AuditReport): string {
  return `<section id="categories" aria-labelledby="categories-title">
<h2 id="categories-title">Scores by category</h2>
<p class="lead">Each bar is the weighted score of the category’s assessed rules, out of 100. Coverage is the share of the category’s rule weight that could be assessed.</p>
<figure class="chart-box">${categoryChart(r)}</figure>
</section>`;
}

function findingsSection(r: AuditReport): string {
  const byId = new Map(r.rules.map((x) => [x.id, x]));
  const active = r.findings.filter((f) => !f.note && !f.suppressed);
  const fatal = active.filter((f) => f.fatal);
  const rest = active.filter((f) => !f.fatal);
  const out: string[] = [];
  out.push('<section id="findings" aria-labelledby="findings-title">');
  out.push(`<h2 id="findings-title">Findings <span class="count">(${active.length})</span></h2>`);
  out.push(
    '<p class="lead">Fatal findings first (a failing critical rule caps the grade at C), then by severity. Each finding names the facts it rests on: the line in the org file, or the interview answer and who gave it.</p>',
  );
  if (!active.length) out.push('<p class="empty">No findings for the rules assessed.</p>');
  let n = 0;
  if (fatal.length) {
    out.push(`<h3>Fatal findings <span class="count">(${fatal.length})</span></h3>`);
    for (const g of groupByRule(fatal)) out.push(findingCard(g, byId.get(g[0]!.ruleId), ++n, r.labels));
  }
  for (const sev of ['critical', 'high', 'medium', 'low'] as const) {
    const fs = rest.filter((f) => f.severity === sev);
    if (!fs.length) continue;
    out.push(`<h3>${SEVERITY_LABEL[sev]} severity <span class="count">(${fs.length})</span></h3>`);
    for (const g of groupByRule(fs)) out.push(findingCard(g, byId.get(g[0]!.ruleId), ++n, r.labels));
  }
  const ns = notes(r);
  if (ns.length) {
    out.push(`<h3>Notes <span class="count">(not scored)</span></h3>`);
    for (const g of groupByRule(ns)) out.push(findingCard(g, byId.get(g[0]!.ruleId), ++n, r.labels));
  }
  out.push('</section>');
  return out.join('\n');
}

function checklistSection(r: AuditReport): string {
  const out: string[] = [];
  out.push('<section id="checklist" aria-labelledby="checklist-title">');
  out.push('<h2 id="checklist-title">Remediation checklist</h2>');
  out.push(
    '<p class="lead">Fixes of failing critical rules first, then by points: a rule’s gain (on its first item) is what the overall score rises once all its items are done; a “find out” item shows the most its answer can add. Tick each box when the item is done.</p>',
  );
  if (!r.checklist.length) {
    out.push('<p class="empty">Nothing to do for the rules assessed.</p></section>');
    return out.join('\n');
  }
  out.push('<table class="checklist">');
  out.push('<caption class="sr-only">Remediation checklist, most valuable first</caption>');
  out.push(
    '<thead><tr><th scope="col" class="c-box">Done</th><th scope="col" class="c-rank">#</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Effort</th><th scope="col" class="c-gain">Gain</th></tr></thead>',
  );
  out.push('<tbody>');
  for (const c of r.checklist) {
    out.push(
      `<tr data-rank="${c.rank}" data-rule="${esc(c.ruleId)}">` +
        `<td class="c-box"><span class="box" aria-hidden="true"></span><span class="sr-only">${esc(c.status)}</span></td>` +
        `<td class="c-rank">${c.rank}</td>` +
        `<th scope="row" class="c-action"><span class="action">${c.or ? '<i class="or">or:</i> ' : ''}${esc(c.action)}</span><span class="why">${severityBadge(c.severity)} <code>${esc(c.ruleId)}</code></span></th>` +
        `<td dir="auto">${esc(c.owner)}</td>` +
        `<td><span class="effort effort-${esc(c.effort)}">${EFFORT_LABEL[c.effort] ?? esc(c.effort)}</span></td>` +
        `<td class="c-gain">${c.kind === 'find-out' ? `≤${c.gain.toFixed(1)}` : c.gain > 0 ? `+${c.gain.toFixed(1)}` : '<span class="sr-only">with the item above</span>'}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  out.push('</section>');
  return out.join('\n');
}

/** Several respondents: each gap as a row (the fact, each group's answer, the rules), then the alignment per section. Groups only, never a name. */
function perceptionSection(r: AuditReport): string {
  if (!r.perception) return '';
  const rows = gapRows(r);
  const out = ['<section id="disagree" aria-labelledby="disagree-title"><h2 id="disagree-title">Where people disagree</h2>', `<p>${esc(respondentsLine(r))}</p>`];
  if (!rows.length) out.push('<p>No disagreement: every fact two groups answered, they answered alike.</p>');
  else {
    out.push(
      '<table class="gaps"><caption class="sr-only">Facts the groups answered differently</caption><thead><tr><th scope="col">Fact</th><th scope="col">Answers by group</th><th scope="col">Rules</th></tr></thead><tbody>',
    );
    for (const g of rows)
      out.push(
        `<tr><th scope="row" dir="auto">${esc(g.fact)} <code>${esc(g.path)}</code></th><td><ul>${g.answers.map((a) => `<li dir="auto">${esc(a)}</li>`).join('')}</ul></td><td>${esc(rulesText(g))}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  const al = alignmentLines(r);
  if (al.length) out.push(`<p>Alignment by section: ${esc(al.join('; '))}</p>`);
  out.push('</section>');
  return out.join('\n');
}

function notesSection(r: AuditReport): string {
  const entries = Object.entries(r.notes).filter(([, v]) => v);
  if (!entries.length) return '';
  return `<section id="notes" aria-labelledby="notes-title"><h2 id="notes-title">Consultant’s notes</h2><dl class="notes">${entries
    .map(([k, v]) => `<div><dt>${esc(k.charAt(0).toUpperCase() + k.slice(1))}</dt><dd dir="auto">${esc(v)}</dd></div>`)
    .join('')}</dl></section>`;
}

/** The appendix; `colophon` (the closing line) ends its last block, so no printed page holds it alone. */
function appendix(r: AuditReport, colophon = ''): string {
  const out: string[] = [];
  out.push('<section id="appendix" aria-labelledby="appendix-title">');
  out.push('<h2 id="appendix-title">Appendix: the rules</h2>');
  out.push('<p class="lead">What each rule checks, why it matters and the source it cites. Severity sets a rule’s weight in the score (critical 10, high 7.5, medium 5, low 2.5).</p>');

  out.push('<table class="rules">');
  out.push('<caption class="sr-only">Rules and their results</caption>');
  out.push('<thead><tr><th scope="col">#</th><th scope="col">Rule</th><th scope="col">Category</th><th scope="col">Severity</th><th scope="col">Result</th></tr></thead><tbody>');
  // A review (the compensation review) is one group of rows under its heading; numbers follow the rows.
  const sections = ruleSections(r.rules);
  let n = 0;
  for (const sec of sections) {
    if (sec.group) out.push(`<tr class="rule-group"><th scope="rowgroup" colspan="5">${esc(sec.group.title)}</th></tr>`);
    for (const x of sec.rules)
      out.push(
        `<tr><td>${++n}</td><th scope="row"><a href="#rule-${esc(x.id)}">${esc(x.title)}</a> <code class="rule-id">${esc(x.id)}</code></th><td>${esc(cap(x.category))}</td><td>${severityBadge(x.severity)}</td><td>${statusBadge(x)}</td></tr>`,
      );
  }
  out.push('</tbody></table>');

  const na = r.rules.filter((x) => x.status === 'not-assessed' || (x.missing.length > 0 && x.status !== 'off'));
  out.push('<h3>Not assessed: the facts that would let them be assessed</h3>');
  if (!na.length) out.push('<p class="empty">Every rule in scope was assessed.</p>');
  else {
    out.push('<ul class="needs">');
    for (const x of na) {
      out.push(
        `<li><b>${esc(x.title)}</b> <code class="rule-id">${esc(x.id)}</code>${x.status === 'waived' ? ' (waived)' : ''}<ul>${x.missing
          .map((p) => {
            const q = questionFor(p);
            return `<li>${factHtml(r.labels, p)}${q ? ` — ${esc(q)}` : ''}</li>`;
          })
          .join('')}</ul></li>`,
      );
    }
    out.push('</ul>');
    out.push('<p class="small">Answer them in the org file or run <code>sales-audit interview</code>, which asks exactly these questions.</p>');
  }

  out.push('<h3>Rule by rule</h3>');
  sections
    .flatMap((sec) => sec.rules.map((x, k) => ({ x, title: k === 0 ? sec.group?.title : undefined })))
    .forEach(({ x, title }, i) => {
      if (title) out.push(`<p class="rule-group-title"><b>${esc(title)}</b>: the rules below are read together, as one review.</p>`);
      out.push(`<article class="rule-doc" id="rule-${esc(x.id)}" aria-labelledby="doc-${esc(x.id)}">`);
      out.push(`<h4 id="doc-${esc(x.id)}"><span class="num">${i + 1}.</span> ${esc(x.title)} <code class="rule-id">${esc(x.id)}</code></h4>`);
      out.push(`<p class="badges">${severityBadge(x.severity)} ${statusBadge(x)} <span class="small">${esc(cap(x.category))} · weight ${esc(x.weight)}</span></p>`);
      out.push(`<p><b>What it checks.</b> ${esc(x.docs?.description ?? '')}</p>`);
      out.push(`<p><b>Why it matters.</b> ${esc(x.docs?.rationale ?? '')}</p>`);
      out.push(`<p><b>Source.</b> ${esc(x.source)}</p>`);
      if (x.error) out.push(`<p class="error"><b>Error.</b> The rule could not run: ${esc(x.error)}</p>`);
      if (x.waiver) out.push(`<p><b>Waived</b> until ${esc(x.waiver.expires)} by <bdi>${esc(x.waiver.owner)}</bdi>: <bdi>${esc(x.waiver.reason)}</bdi></p>`);
      out.push('</article>');
    });

  if (r.waivers.length) {
    out.push('<h3>Waivers (accepted risks)</h3>');
    out.push(
      '<table class="waivers"><caption class="sr-only">Waivers</caption><thead><tr><th scope="col">Rule</th><th scope="col">Status</th><th scope="col">Owner</th><th scope="col">Expires</th><th scope="col">Reason</th></tr></thead><tbody>',
    );
    for (const w of r.waivers)
      out.push(
        `<tr><th scope="row"><code>${esc(w.rule)}</code></th><td>${esc(w.status === 'unknown-rule' ? 'unknown rule' : w.status)}</td><td dir="auto">${esc(w.owner)}</td><td>${esc(w.expires)}</td><td dir="auto">${esc(w.reason)}</td></tr>`,
      );
    out.push('</tbody></table>');
  }

  if (r.unknowns.length) {
    out.push('<h3>Answered “don’t know”</h3>');
    out.push(evidenceList(r.unknowns, r.labels));
  }

  // One block, so the heading is never left alone at the foot of a page or on a page of its own.
  out.push('<div class="keep">');
  out.push('<h3>How the score is calculated</h3>');
  out.push(
    `<p>The overall score is points earned out of points applicable, out of 100. Each rule is made of checks (one per person, stage, plan element…) and weighted by severity. A known check earns its score; an unknown check earns nothing, and the score it could still reach is shown as “up to”; a check or rule that does not apply to this organisation leaves the count. Coverage is the share of what applies that is known. A letter grade is given only at ${r.summary.coverageFloor}% coverage or more: A 90 and above, B 80, C 70, D 60, F below 60; while a critical rule fails, or too little of it is known to rule a failure out, the grade is held at C. A fix’s gain is the points the score rises once all of its rule’s items are done; a find-out item shows the points its answer holds in play. The score, the gains and the points in play add up to 100.</p>`,
  );
  if (colophon) out.push(colophon);
  out.push('</div>');
  out.push('</section>');
  return out.join('\n');
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---- styles ----

function styles(r: AuditReport, opts: HtmlOptions): string {
  const company = r.org.company ?? 'Unnamed organisation';
  const short = [...company].length > 60 ? `${[...company].slice(0, 58).join('')}…` : company;
  const size = opts.paper === 'a4' ? 'size: A4;' : opts.paper === 'letter' ? 'size: letter;' : '';
  // Page margin boxes carry the running header and footer (Chromium 131+ prints them; other browsers skip them).
  const page = `@page { ${size} margin: 18mm 16mm 18mm 16mm;
  @top-left { content: ${cssString(`Sales audit · ${short}`)}; font: 8pt ${FONT}; color: #57606a; }
  @top-right { content: ${cssString(longDate(r.auditDate))}; font: 8pt ${FONT}; color: #57606a; }
  @bottom-left { content: ${cssString(`sales-audit ${r.tool.version}`)}; font: 8pt ${FONT}; color: #57606a; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt ${FONT}; color: #57606a; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }`;
  return `${page}\n${CSS}`;
}

const FONT = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif`;

const CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #1f3a5f;
  --good: #1a7f37; --fair: #9a6700; --weak: #b42318; --critical: #8e1b12; --high: #b42318; --medium: #7a5200; --low: #1d5d90; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #eef1f4; color: var(--ink); font: 15px/1.5 ${FONT}; }
main { max-width: 940px; margin: 24px auto; background: #fff; padding: 48px 56px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
h1, h2, h3, h4 { line-height: 1.25; margin: 0; color: var(--ink); }
h1 { font-size: 34px; letter-spacing: -0.01em; margin: 4px 0 12px; overflow-wrap: anywhere; }
h2 { font-size: 22px; margin: 40px 0 8px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 17px; margin: 28px 0 10px; }
h4 { font-size: 15px; }
p { margin: 6px 0; }
a { color: var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .86em; overflow-wrap: anywhere; }
/* A fact's path beside its words: a small reference, for whoever edits the org file. */
code.path { font-size: .74em; color: var(--muted); }
.count { color: var(--muted); font-weight: normal; }
.lead { color: var(--muted); margin-bottom: 14px; }
.small { font-size: 12.5px; color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
bdi { unicode-bidi: isolate; }

/* cover */
.cover { border-bottom: 1px solid var(--line); padding-bottom: 20px; }
.eyebrow { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; font-weight: 600; color: var(--accent); margin: 0; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 0 0 22px; }
.facts div { min-width: 0; }
.facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.scorecard { display: grid; grid-template-columns: 1.1fr .8fr 1fr 1fr; gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; background: #fff; break-inside: avoid; }
.card-title { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 0 0 6px; padding: 0; border: 0; font-weight: 600; }
.score-card { display: flex; flex-direction: column; align-items: center; }
.gauge { display: block; width: 140px; height: 140px; }
.gauge .track { fill: none; stroke: #e6e9ed; stroke-width: 14; }
.gauge .track.empty { stroke: #c4cad1; stroke-dasharray: 4 4; stroke-width: 2; }
.gauge .arc { fill: none; stroke-width: 14; }
.gauge-wrap { position: relative; width: 140px; height: 140px; }
.gauge-text { position: absolute; inset: 0; margin: 0; display: flex; flex-direction: column; align-items: center; justify-content: center; }
.gauge-num { font-size: 44px; font-weight: 700; line-height: 1; }
.gauge-unit { font-size: 12px; color: var(--muted); margin-top: 4px; }
.arc.band-good { stroke: var(--good); } .arc.band-fair { stroke: #b7791f; } .arc.band-weak { stroke: var(--weak); }
.grade { font-size: 64px; font-weight: 800; line-height: 1; margin: 8px 0 10px; width: 88px; height: 88px; display: flex; align-items: center; justify-content: center; border-radius: 10px; border: 3px solid currentColor; }
.grade.band-good { color: var(--good); } .grade.band-fair { color: var(--fair); } .grade.band-weak { color: var(--weak); } .grade.band-none { color: var(--muted); }
.big { font-size: 36px; font-weight: 700; margin: 4px 0 8px; }
.meter { display: block; width: 100%; height: 10px; }
.meter-track { fill: #e6e9ed; } .meter-fill { fill: var(--accent); }
.counts { list-style: none; margin: 0; padding: 0; }
.counts li { padding: 2px 0; }
.mark { display: inline-block; width: 1.3em; text-align: center; font-weight: 700; }
.arc.in-play { stroke: var(--muted); opacity: 0.35; }
.grade.no-grade { font-size: 20px; width: auto; padding: 0 10px; }
.mark.st-pass { color: var(--good); } .mark.st-partial { color: var(--fair); } .mark.st-fail, .mark.st-error { color: var(--weak); } .mark.st-not-assessed, .mark.st-incomplete, .mark.st-waived { color: var(--muted); }
.keypoints { margin-top: 16px; background: var(--soft); border-left: 4px solid var(--accent); padding: 12px 18px; border-radius: 0 8px 8px 0; break-inside: avoid; }
.keypoints > ul { margin: 0; padding-left: 18px; }
.keypoints li { margin: 3px 0; }
.top-actions { margin: 4px 0 0; padding-left: 20px; }
.nowrap { white-space: nowrap; }
.gain { color: var(--good); font-weight: 700; white-space: nowrap; }
.toc { margin: 18px 0 0; }
.toc ol { margin: 0; padding-left: 20px; columns: 2; }
.toc li { padding: 2px 0; } .toc a { display: inline-block; min-height: 24px; padding: 2px 0; }

/* badges: the word carries the meaning, colour only repeats it */
.badge { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; padding: 2px 7px; border-radius: 4px; border: 1.5px solid transparent; line-height: 1.4; vertical-align: middle; white-space: nowrap; }
.badge.fatal { background: #111; color: #fff; border-color: #111; }
.sev-critical { background: var(--critical); color: #fff; border-color: var(--critical); }
.sev-high { background: #fff; color: var(--high); border-color: var(--high); border-width: 2px; }
.sev-medium { background: #fff7e0; color: var(--medium); border-color: #c79200; border-style: dashed; }
.sev-low { background: #eef4fb; color: var(--low); border-color: #9cbde0; border-style: dotted; }
.badge.note { background: #eef4fb; color: var(--low); border-color: #9cbde0; }
.st-pass.badge { background: #e9f6ec; color: #116329; border-color: #8ccf9c; }
.st-partial.badge { background: #fff7e0; color: var(--medium); border-color: #e0c068; }
.st-fail.badge, .st-error.badge { background: #fdecea; color: #a11b11; border-color: #f1a9a0; }
.st-not-assessed.badge, .st-incomplete.badge, .st-waived.badge, .st-off.badge { background: #f2f4f6; color: #4a535c; border-color: #c4cad1; }

/* chart */
.chart-box { margin: 8px 0 0; padding: 12px 8px 4px; border: 1px solid var(--line); border-radius: 8px; break-inside: avoid; }
.chart { display: block; width: 100%; height: auto; font-family: ${FONT}; }
.chart .grid { stroke: #aab2bb; stroke-dasharray: 2 3; stroke-width: 1; }
.chart .tick, .chart .legend, .chart .cov { font-size: 12px; fill: var(--muted); }
.chart .cat-label { font-size: 14px; fill: var(--ink); font-weight: 600; }
.chart .bar-track { fill: #f0f2f4; stroke: #c4cad1; stroke-width: 1; }
.chart .bar { stroke: #1f2328; stroke-width: 1; }
.chart .bar-value { font-size: 14px; font-weight: 700; fill: var(--ink); }
.chart .bar-value.inside { fill: #fff; paint-order: stroke; stroke: #1f2328; stroke-width: 3px; }
.chart .bar-value.na { font-weight: 400; font-style: italic; fill: var(--muted); }
.chart .bar.band-good { fill: #2f8f4e; } .chart .bar.band-fair { fill: #d69e2e; } .chart .bar.band-weak { fill: #d64545; }
.chart .bar-edge { fill: none; stroke: #1f2328; stroke-width: 1; }
.stripe { stroke: #fff; stroke-width: 1.6; fill: none; }
.hatch { stroke: #fff; stroke-width: 1.1; fill: none; }

/* findings */
.finding { border: 1px solid var(--line); border-left: 5px solid #8c959f; border-radius: 6px; padding: 12px 16px; margin: 0 0 12px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.edge-critical { border-left-color: var(--critical); } .edge-high { border-left-color: var(--high); } .edge-medium { border-left-color: #c79200; } .edge-low, .edge-note { border-left-color: #9cbde0; }
.finding.fatal { border-left-color: #111; border-left-width: 8px; background: #fffafa; }
.finding-head { break-after: avoid; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; margin-bottom: 6px; }
.finding-head h4 { flex: 1 1 300px; }
.badges { display: flex; gap: 6px; flex-wrap: wrap; margin: 0; align-items: center; }
.rule-id { color: var(--muted); font-weight: normal; font-size: 12px; }
.items { margin: 0; padding-left: 20px; }
.item { break-inside: avoid; margin: 4px 0 8px; }
.item p { margin: 0 0 2px; }
.evidence { list-style: none; margin: 0; padding: 0; font-size: 12.5px; color: var(--muted); }
.evidence li::before { content: "↳ "; }
.cite { margin: 8px 0 0; padding-top: 6px; border-top: 1px dashed var(--line); font-size: 12.5px; color: var(--muted); }
.cite div { display: flex; gap: 8px; }
.cite dt { font-weight: 700; min-width: 72px; }
.cite dd { margin: 0; }

/* A long unbroken value (a URL, a long name) wraps anywhere instead of widening the page or pushing
   table columns off it; 'anywhere' (unlike break-word) also lets table cells shrink to fit. */
main { overflow-wrap: anywhere; }
/* tables */
table { width: 100%; border-collapse: collapse; font-size: 13.5px; margin: 6px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 7px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); border-bottom: 2px solid var(--ink); }
tbody th { font-weight: normal; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.checklist .c-box { width: 44px; text-align: center; }
.box { display: inline-block; width: 16px; height: 16px; border: 2px solid var(--ink); border-radius: 3px; vertical-align: middle; background: #fff; }
.checklist .c-rank { width: 28px; color: var(--muted); }
.checklist .c-gain { width: 56px; text-align: right; font-weight: 700; color: var(--good); white-space: nowrap; }
.checklist .action { display: block; }
.checklist .why { display: block; margin-top: 3px; font-size: 12px; color: var(--muted); }
.checklist .why .badge { font-size: 10px; padding: 0 5px; }
.effort { white-space: nowrap; }
.rules .badge { font-size: 10px; }

/* appendix */
.needs { padding-left: 18px; } .needs > li { margin: 6px 0; break-inside: avoid; } .needs ul { padding-left: 18px; font-size: 13.5px; }
.rule-doc { border-top: 1px solid var(--line); padding: 10px 0 6px; break-inside: avoid; }
.rule-doc h4 { margin-bottom: 4px; } .rule-doc .num { color: var(--muted); }
.rule-doc p { font-size: 14px; }
.error { color: #a11b11; }
.notes div { margin: 0 0 10px; break-inside: avoid; } .notes dt { font-weight: 700; } .notes dd { margin: 0; }
footer.colophon { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }

@media (max-width: 760px) {
  main { padding: 24px 18px; margin: 0; }
  .scorecard { grid-template-columns: 1fr 1fr; }
  .toc ol { columns: 1; }
}
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h1 { font-size: 24pt; margin: 2px 0 8px; } h2 { font-size: 16pt; margin-top: 0; } h3 { font-size: 12.5pt; }
  h2, h3, h4 { break-after: avoid; }
  .toc { display: none; }
  a { color: inherit; text-decoration: none; }
  #findings, #checklist, #appendix { break-before: page; }
  /* The cover and the category chart share the first page on A4 and on Letter. */
  #categories { margin-top: 12px; break-inside: avoid; }
  #categories h2 { margin-top: 0; font-size: 14pt; }
  #categories .lead { font-size: 9pt; margin-bottom: 6px; }
  .cover { padding-bottom: 8px; }
  .facts { margin-bottom: 10px; gap: 4px 28px; }
  .card { padding: 8px 12px; }
  .card-title { margin-bottom: 2px; }
  .gauge-wrap, .gauge { width: 100px; height: 100px; }
  .gauge-num { font-size: 28pt; }
  .gauge-unit { font-size: 8pt; margin-top: 2px; }
  .grade { font-size: 36pt; width: 62px; height: 62px; margin: 4px 0 6px; }
  .big { font-size: 24pt; margin: 2px 0 6px; }
  .counts li { padding: 0; }
  .small { font-size: 8.5pt; }
  .keypoints { margin-top: 10px; padding: 6px 14px; }
  .keypoints li { margin: 1px 0; }
  .chart-box { padding: 4px 4px 0; }
  .scorecard { grid-template-columns: 1.1fr .8fr 1fr 1fr; gap: 10px; }
  table { font-size: 9.5pt; }
  .finding { background: #fff; }
  /* A finding's card is printed whole; one taller than a page breaks between its items, never before its
     Source and Threshold rows, which stay with the last item. */
  .finding { break-inside: avoid; }
  .cite { break-before: avoid; break-inside: avoid; }
  .keep { break-inside: avoid; }
  /* Tighter print: whole cards leave gaps at page ends, so the cards themselves take less room. */
  .finding { padding: 6px 10px; margin: 0 0 8px; }
  .item { margin: 2px 0 4px; }
  .evidence, .cite { font-size: 8pt; }
  .cite { margin-top: 4px; padding-top: 3px; }
  .rule-doc { padding: 6px 0 2px; } .rule-doc p { font-size: 9pt; margin: 2px 0; }
}
`;

// ---- the document ----

export function renderHtml(r: AuditReport, opts: HtmlOptions = {}): string {
  const css = styles(r, opts) + (opts.extra?.css ?? '');
  const company = r.org.company ?? 'Unnamed organisation';
  const colophon = `<footer class="colophon"><p>Prepared with sales-audit ${esc(r.tool.version)} from <code>${esc(r.org.file)}</code>, audit date ${esc(r.auditDate)}. Findings cite the org-file line or the interview answer they rest on; the appendix lists every rule and its source.</p></footer>`;
  const body = [cover(r, opts.extra?.gauge), opts.extra?.html, contents(r), categoriesSection(r), findingsSection(r), checklistSection(r), perceptionSection(r), notesSection(r), appendix(r, colophon)]
    .filter(Boolean)
    .join('\n');
  return `<!doctype html>
${pageHead(`Sales audit: ${company} (${longDate(r.auditDate)})`, css, r.tool.version)}
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
