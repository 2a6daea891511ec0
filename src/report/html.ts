// The client report: one self-contained HTML file (inline CSS and SVG, system
// fonts, no script, no request to any host) that reads well on screen and on
// A4 or Letter paper. The org file may come from someone else, so the page is
// built with the escaping template (./html-template: no value can skip its
// escape), and a Content-Security-Policy forbids scripts and outside loads
// even so. Renders only: every number and word comes from the AuditReport.
import { createHash } from 'node:crypto';
import type { AuditReport, Evidence, Finding, RuleResult, Severity, Status } from '../engine/types';
import { capNote, findingsAbout, findingsAboutText, itemRules, notes, ruleSections, STATUS_LABEL, thousandsText } from './format';
import CSS_TEXT from './html.css?raw';
import { css, type Css, html, Html, join, type Script, trusted } from './html-template';
import { alignmentLines, gapRows, respondentsLine, rulesText } from './perception';

export type Paper = 'a4' | 'letter';

export interface HtmlOptions {
  /** Forces the paper size; without it the printer's paper is used (the layout fits both). */
  paper?: Paper;
  /** A section placed after the cover (audit --baseline: "since the last audit"), with its CSS (covered by the page's CSP hash). */
  extra?: { html: Html; css: Css; gauge?: Html };
}

/**
 * From `<html lang="en">` to `</head>` for every HTML page of ours (the report,
 * the diff and history pages, the questionnaire form): the
 * Content-Security-Policy (no scripts, no outside requests; the one style
 * allowed by its hash, so an injected <style> or style attribute does not
 * apply), the referrer policy, the generator, the title (plain text) and the
 * inline CSS. The caller writes the doctype before it and the body after it.
 * `opts.script`: the page's one inline script (written by the caller in the
 * body), allowed by its sha256.
 */
export function pageHead(title: string, style: Css, version: string, opts: { script?: Script } = {}): Html {
  const hash = createHash('sha256').update(style.text, 'utf8').digest('base64');
  // A page with a script (the questionnaire form) allows that one inline script, by its hash.
  const script = opts.script === undefined ? '' : `; script-src 'sha256-${createHash('sha256').update(opts.script.text, 'utf8').digest('base64')}'`;
  const csp = `default-src 'none'; style-src 'sha256-${hash}'${script}; img-src data:; font-src 'none'; base-uri 'none'; form-action 'none'`;
  return html`<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sales-audit ${version}">
<title>${title}</title>
<style>${style}</style>
</head>`;
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

const plural = (n: number, one: string, many = `${one}s`) => `${thousandsText(n)} ${n === 1 ? one : many}`;

// ---- pieces ----

function badge(kind: string, text: string, mark?: string): Html {
  return html`<span class="badge ${kind}">${mark ? html`<span aria-hidden="true">${mark} </span>` : ''}${text}</span>`;
}
const severityBadge = (s: Severity) => badge(`sev-${s}`, SEVERITY_LABEL[s]);
const statusBadge = (r: RuleResult) =>
  // A waived rule's score does not count, so it is not shown beside the word.
  badge(`st-${r.status}`, `${STATUS_LABEL[r.status]}${r.score !== null && r.status !== 'waived' ? ` ${Math.round(r.score * 100)}%` : ''}`, STATUS_MARK[r.status]);

/** The headline as a ring: the points earned, and (lighter, dashed) the range still in play up to `upTo`; the number is HTML text over the ring, which only repeats it. */
function gauge(score: number | null, upTo: number | null = score): Html {
  const r = 52;
  const c = 2 * Math.PI * r;
  const band = bandOf(score);
  const arc =
    score === null ? '' : html`<circle class="arc band-${band}" cx="70" cy="70" r="${r}" stroke-dasharray="${((c * score) / 100).toFixed(2)} ${c.toFixed(2)}" transform="rotate(-90 70 70)"/>`;
  const inPlay =
    score === null || upTo === null || upTo <= score
      ? null
      : html`<circle class="arc in-play" cx="70" cy="70" r="${r}" stroke-dasharray="0 ${((c * score) / 100).toFixed(2)} ${((c * (upTo - score)) / 100).toFixed(2)} ${c.toFixed(2)}" transform="rotate(-90 70 70)"/>`;
  return html`<div class="gauge-wrap"><svg class="gauge" viewBox="0 0 140 140" width="140" height="140" aria-hidden="true" focusable="false"><circle class="track${score === null ? ' empty' : ''}" cx="70" cy="70" r="${r}"/>${inPlay}${arc}</svg><p class="gauge-text"><span class="gauge-num" id="score">${score === null ? '?' : score}</span><span class="gauge-unit">${score === null ? 'nothing applies' : 'out of 100'}</span></p>${inPlay ? html`<p class="small gauge-range" id="score-range">up to ${upTo} once the unknowns are known</p>` : ''}</div>`;
}

/**
 * Hatching as plain line segments clipped by arithmetic (an SVG <pattern>
 * makes Chromium rasterise the chart in a PDF): lines at 45 degrees, spaced
 * `gap` apart, going down-right (dir 1) or down-left (dir -1). An SVG path's
 * `d` (plain text: numbers, M and L).
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
function barShape(band: Band, x: number, y: number, w: number, h: number): Html {
  const edge = band === 'fair' || band === 'weak' ? html`<rect class="bar-edge" x="${x}" y="${y}" width="${w.toFixed(1)}" height="${h}"/>` : '';
  return html`<rect class="bar band-${band}" x="${x}" y="${y}" width="${w.toFixed(1)}" height="${h}"/>${band === 'fair' ? html`<path class="stripe" d="${hatch(x, y, w, h, 6, 1)}"/>` : ''}${band === 'weak' ? html`<path class="hatch" d="${hatch(x, y, w, h, 6, 1)}${hatch(x, y, w, h, 6, -1)}"/>` : ''}${edge}`;
}

/** Horizontal bars, one per category, each with its value written beside it. */
export function categoryChart(r: AuditReport): Html {
  const labelW = 150;
  const trackW = 440;
  const rowH = 30;
  const top = 30;
  const legendH = 34;
  const cats = r.categories;
  const bodyH = cats.length * rowH;
  const h = top + bodyH + legendH;
  const x = (v: number) => labelW + (trackW * v) / 100;
  const out: Html[] = [];
  out.push(
    html`<svg id="category-chart" class="chart" viewBox="0 0 720 ${h}" role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMinYMin meet">`,
    html`<title id="chart-title">Scores by category, out of 100</title>`,
    html`<desc id="chart-desc">${cats.map((c) => `${c.title}: ${c.score === null ? 'not assessed' : `${c.score} out of 100`}, coverage ${c.coverage}%`).join('; ')}.</desc>`,
  );
  // Axis: ticks at the grade thresholds so a bar can be read against them.
  for (const t of [0, 50, 70, 90, 100]) {
    out.push(html`<line class="grid" x1="${x(t)}" y1="${top - 8}" x2="${x(t)}" y2="${top + bodyH - 6}"/>`);
    out.push(html`<text class="tick" x="${x(t)}" y="${top - 12}" text-anchor="middle">${t}</text>`);
  }
  out.push(html`<text class="tick" x="${labelW + trackW + 20}" y="${top - 12}">coverage</text>`);
  cats.forEach((c, i) => {
    const y = top + i * rowH;
    const band = bandOf(c.score);
    out.push(html`<g class="bar-row" data-category="${c.id}" data-score="${c.score ?? ''}">`);
    out.push(html`<text class="cat-label" x="${labelW - 12}" y="${y + 14}" text-anchor="end" dominant-baseline="middle">${c.title}</text>`);
    out.push(html`<rect class="bar-track" x="${labelW}" y="${y + 4}" width="${trackW}" height="20" rx="2"/>`);
    if (c.score === null) {
      out.push(html`<text class="bar-value na" x="${labelW + 10}" y="${y + 14}" dominant-baseline="middle">not assessed</text>`);
    } else {
      const w = (trackW * c.score) / 100;
      out.push(barShape(band, labelW, y + 4, w, 20));
      // The value sits after the bar's end, or inside a bar too long to leave room.
      const inside = w > trackW - 34;
      out.push(
        html`<text class="bar-value${inside ? ' inside' : ''}" x="${(inside ? labelW + w - 6 : labelW + w + 6).toFixed(1)}" y="${y + 14}" text-anchor="${inside ? 'end' : 'start'}" dominant-baseline="middle">${c.score}</text>`,
      );
    }
    out.push(html`<text class="cov" x="${labelW + trackW + 20}" y="${y + 14}" dominant-baseline="middle">${c.coverage}%</text>`);
    out.push(html`</g>`);
  });
  // Legend inside the chart so the fills are explained wherever the chart goes.
  const ly = top + bodyH + 12;
  const items: Band[] = ['good', 'fair', 'weak'];
  items.forEach((b, i) => {
    const lx = labelW + i * 130;
    out.push(barShape(b, lx, ly, 18, 12));
    out.push(html`<text class="legend" x="${lx + 24}" y="${ly + 6}" dominant-baseline="middle">${BAND_LABEL[b]}</text>`);
  });
  out.push(html`</svg>`);
  return join(out, '\n');
}

type Labels = AuditReport['labels'];

/** A fact in words a client reads, its path as a small reference (`the quota attainment of AE 3` `people[2].attainment`). */
/** How many facts a summarised "Not assessed" row names; the rest are counted. */
const NAMED_ROWS = 3;
/** Above this many people asked one question, the "Not assessed" appendix gives it one row (as findings are summarised). */
const SUMMARISE_ROWS_OVER = 100;

/** `people[12].coaching.plan` -> `people[].coaching.plan`: the question, whoever it is asked of. */
const genericFact = (p: string): string => p.replace(/^people\[\d+\]/, 'people[]');

/** A rule's missing facts as rows: each fact, except a per-person fact missing for more than SUMMARISE_ROWS_OVER people, one row (at its first) with them all. */
function missingRows(missing: readonly string[]): { p: string; more?: string[] }[] {
  const byQuestion = new Map<string, string[]>();
  for (const p of missing) if (p.startsWith('people[')) (byQuestion.get(genericFact(p)) ?? byQuestion.set(genericFact(p), []).get(genericFact(p))!).push(p);
  const rows: { p: string; more?: string[] }[] = [];
  for (const p of missing) {
    const group = p.startsWith('people[') ? byQuestion.get(genericFact(p)) : undefined;
    if (!group || group.length <= SUMMARISE_ROWS_OVER) rows.push({ p });
    else if (group[0] === p) rows.push({ p, more: group });
  }
  return rows;
}

function factHtml(labels: Labels, path: string): Html {
  const words = labels?.[path];
  return words && words !== path ? html`<span class="fact" dir="auto">${words}</span> <code class="path">${path}</code>` : html`<code>${path}</code>`;
}

/** The fact in words, plus where it stands and who answered it. */
function evidenceItem(e: Evidence, labels: Labels): Html {
  const parts: Html[] = [];
  if (e.file && e.line) parts.push(html`<span class="loc">${e.file}, line ${e.line}${e.column ? `, column ${e.column}` : ''}</span>`);
  else parts.push(html`<span class="loc">not in the org file</span>`);
  if (e.resolution) parts.push(html`<span class="who">${e.resolution}</span>`);
  else if (e.origin === 'interview') parts.push(html`<span class="who">interview answer${e.respondent ? html` from <bdi>${e.respondent}</bdi>` : ''}</span>`);
  if (e.source) parts.push(html`<span class="src">source: <bdi>${e.source}</bdi>${e.asOf ? `, as of ${e.asOf}` : ''}${e.stale ? html` <b class="stale">stale</b>` : ''}</span>`);
  return html`<li>${factHtml(labels, e.path)} · ${join(parts, ' · ')}</li>`;
}

function evidenceList(ev: Evidence[], labels: Labels): Html | '' {
  return ev.length ? html`<ul class="evidence">${ev.map((e) => evidenceItem(e, labels))}</ul>` : '';
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

function findingCard(group: Finding[], rule: RuleResult | undefined, num: number, labels: Labels): Html {
  const f0 = group[0]!;
  const thresholds = new Map<string, { value: unknown; source?: string }>();
  for (const f of group) for (const t of f.thresholds) thresholds.set(t.name, t);
  const out: Html[] = [];
  out.push(html`<article class="finding edge-${f0.note ? 'note' : f0.severity}${f0.fatal ? ' fatal' : ''}" aria-labelledby="rule-${num}-${f0.ruleId}">`);
  out.push(html`<header class="finding-head">`);
  out.push(html`<div class="badges">${f0.fatal ? badge('fatal', 'Fatal', '▲') : ''}${f0.note ? badge('note', 'Note') : severityBadge(f0.severity)}${rule ? statusBadge(rule) : ''}</div>`);
  out.push(html`<h4 id="rule-${num}-${f0.ruleId}">${rule?.title ?? f0.ruleId} <code class="rule-id">${f0.ruleId}</code></h4>`);
  out.push(html`</header>`);
  out.push(html`<ol class="items">`);
  for (const f of group)
    out.push(
      html`<li class="item"><p>${f.message}</p>${evidenceList(f.evidence, labels)}${f.evidenceTotal ? html`<p class="evidence">… and ${f.evidenceTotal - f.evidence.length} more places</p>` : ''}</li>`,
    );
  out.push(html`</ol>`);
  out.push(html`<dl class="cite">`);
  if (rule) out.push(html`<div><dt>Source</dt><dd>${rule.source}</dd></div>`);
  for (const [name, t] of thresholds) out.push(html`<div><dt>Threshold</dt><dd><code>${name} = ${String(t.value)}</code>${t.source ? ` — ${t.source}` : ''}</dd></div>`);
  out.push(html`</dl>`);
  out.push(html`</article>`);
  return join(out, '\n');
}

// ---- sections ----

function cover(r: AuditReport, gaugeNote?: Html): Html {
  const s = r.summary;
  const company = r.org.company ?? 'Unnamed organisation';
  const out: Html[] = [];
  out.push(html`<header class="cover" id="top">`);
  out.push(html`<p class="eyebrow">Sales organisation audit</p>`);
  out.push(html`<h1 dir="auto">${company}</h1>`);
  out.push(html`<dl class="facts">`);
  out.push(html`<div><dt>Audit date</dt><dd><time datetime="${r.auditDate}">${longDate(r.auditDate)}</time></dd></div>`);
  if (r.org.respondents.length)
    out.push(
      html`<div><dt>Respondent${r.org.respondents.length > 1 ? 's' : ''}</dt><dd>${join(
        r.org.respondents.map((x) => html`<bdi>${x}</bdi>`),
        ', ',
      )}</dd></div>`,
    );
  out.push(html`<div><dt>Org file</dt><dd><code>${r.org.file}</code></dd></div>`);
  out.push(html`</dl>`);

  out.push(html`<div class="scorecard">`);
  out.push(html`<div class="card score-card"><h2 class="card-title">Overall score</h2>${gauge(s.score, s.upTo)}${gaugeNote}</div>`);
  const gband = s.grade === null ? 'none' : bandOf(s.score);
  const gradeShown = s.grade ?? (s.gradeStatus === 'incomplete' ? 'Incomplete' : '–');
  const gradeNote =
    s.grade === null || s.gradeCapped ? (s.gradeNote ?? '') : html`<span class="nowrap">A 90+ · B 80+</span> <span class="nowrap">· C 70+ · D 60+</span> <span class="nowrap">· F under 60</span>`;
  out.push(
    html`<div class="card grade-card"><h2 class="card-title">Grade</h2><p class="grade band-${gband}${s.grade === null ? ' no-grade' : ''}" id="grade" aria-label="Grade ${gradeShown}">${gradeShown}</p><p class="small">${gradeNote}</p></div>`,
  );
  const cv = Math.max(0, Math.min(100, s.coverage));
  out.push(
    html`<div class="card coverage-card"><h2 class="card-title">Coverage</h2><p class="big" id="coverage">${s.coverage}%</p><svg class="meter" viewBox="0 0 200 10" role="img" aria-label="Coverage ${s.coverage}%"><rect class="meter-track" width="200" height="10" rx="2"/><rect class="meter-fill" width="${cv * 2}" height="10" rx="2"/></svg><p class="small">of what the rules check is known from the facts given${s.gradeStatus === 'graded' ? '' : ` (a grade needs ${s.coverageFloor}%)`}.</p></div>`,
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
    html`<div class="card counts-card"><h2 class="card-title">Rules</h2><ul class="counts">${rows
      .filter(([, n, st]) => n > 0 || st === 'pass' || st === 'fail')
      .map(([label, n, st]) => html`<li><span class="mark st-${st}" aria-hidden="true">${STATUS_MARK[st]}</span> <b>${n}</b> ${label.toLowerCase()}</li>`)}</ul></div>`,
  );
  out.push(html`</div>`);

  // The first things a reader should know, taken as they are from the report.
  const key: Html[] = [];
  const cap = capNote(r);
  if (cap) key.push(html`<li class="fatal-line">${badge('fatal', 'Fatal', '▲')} ${cap}</li>`);
  if (s.gradeStatus === 'incomplete') key.push(html`<li><b>No grade yet:</b> ${s.gradeNote ?? ''} The “find out” items of the checklist say what to ask next.</li>`);
  if (s.score !== null && s.upTo !== null && s.upTo > s.score)
    key.push(html`<li>Score ${s.score} out of 100, up to ${s.upTo} once ${plural(s.unknownFacts, 'unknown fact')} ${s.unknownFacts === 1 ? 'is' : 'are'} known.</li>`);
  const sev = (['critical', 'high', 'medium', 'low'] as const).filter((k) => s.findings[k]).map((k) => `${thousandsText(s.findings[k])} ${k}`);
  // Summarised (a large roster): the findings shown and the people and facts they are about, as the text and markdown say it.
  const about = sev.length ? findingsAbout(r) : undefined;
  const count = about ? `${plural(about.shown, 'finding')}; ${thousandsText(about.about)} people and facts` : plural(sev.length ? Object.values(s.findings).reduce((a, b) => a + b, 0) : 0, 'finding');
  key.push(html`<li>${count}${sev.length ? ` (${sev.join(', ')})` : ''}.</li>`);
  if (r.checklist.length)
    key.push(
      html`<li>Most valuable next steps:<ol class="top-actions">${r.checklist
        .slice(0, 3)
        .map(
          (c) =>
            html`<li>${c.action} <span class="gain">${c.kind === 'find-out' ? `up to ${c.gain.toFixed(1)} points in play` : c.gain > 0 ? `+${c.gain.toFixed(1)} points` : `with the item above`}</span></li>`,
        )}</ol></li>`,
    );
  if (s.score === null) key.push(html`<li>No rule applies to this organisation as described.</li>`);
  out.push(html`<section class="keypoints" aria-labelledby="key-title"><h2 id="key-title" class="card-title">At a glance</h2><ul>${key}</ul></section>`);
  out.push(html`</header>`);
  return join(out, '\n');
}

function contents(r: AuditReport): Html {
  const items: [string, string][] = [
    ['categories', 'Scores by category'],
    ['findings', 'Findings'],
    ['checklist', 'Remediation checklist'],
  ];
  if (r.perception) items.push(['disagree', 'Where people disagree']);
  if (Object.values(r.notes).some(Boolean)) items.push(['notes', 'Consultant’s notes']);
  items.push(['appendix', 'Appendix: the rules']);
  return html`<nav class="toc" aria-label="Contents"><h2 class="card-title">Contents</h2><ol>${items.map(([id, t]) => html`<li><a href="#${id}">${t}</a></li>`)}</ol></nav>`;
}

function categoriesSection(r: AuditReport): Html {
  return html`<section id="categories" aria-labelledby="categories-title">
<h2 id="categories-title">Scores by category</h2>
<p class="lead">Each bar is the weighted score of the category’s assessed rules, out of 100. Coverage is the share of the category’s rule weight that could be assessed.</p>
<figure class="chart-box">${categoryChart(r)}</figure>
</section>`;
}

function findingsSection(r: AuditReport): Html {
  const byId = new Map(r.rules.map((x) => [x.id, x]));
  const active = r.findings.filter((f) => !f.note && !f.suppressed);
  const fatal = active.filter((f) => f.fatal);
  const rest = active.filter((f) => !f.fatal);
  const out: Html[] = [];
  out.push(html`<section id="findings" aria-labelledby="findings-title">`);
  out.push(html`<h2 id="findings-title">Findings <span class="count">(${findingsAboutText(r) ?? active.length})</span></h2>`);
  out.push(
    html`<p class="lead">Fatal findings first (a failing critical rule caps the grade at C), then by severity. Each finding names the facts it rests on: the line in the org file, or the interview answer and who gave it.</p>`,
  );
  if (!active.length) out.push(html`<p class="empty">No findings for the rules assessed.</p>`);
  let n = 0;
  if (fatal.length) {
    out.push(html`<h3>Fatal findings <span class="count">(${fatal.length})</span></h3>`);
    for (const g of groupByRule(fatal)) out.push(findingCard(g, byId.get(g[0]!.ruleId), ++n, r.labels));
  }
  for (const sev of ['critical', 'high', 'medium', 'low'] as const) {
    const fs = rest.filter((f) => f.severity === sev);
    if (!fs.length) continue;
    out.push(html`<h3>${SEVERITY_LABEL[sev]} severity <span class="count">(${fs.length})</span></h3>`);
    for (const g of groupByRule(fs)) out.push(findingCard(g, byId.get(g[0]!.ruleId), ++n, r.labels));
  }
  const ns = notes(r);
  if (ns.length) {
    out.push(html`<h3>Notes <span class="count">(not scored)</span></h3>`);
    for (const g of groupByRule(ns)) out.push(findingCard(g, byId.get(g[0]!.ruleId), ++n, r.labels));
  }
  out.push(html`</section>`);
  return join(out, '\n');
}

function checklistSection(r: AuditReport): Html {
  const out: Html[] = [];
  out.push(html`<section id="checklist" aria-labelledby="checklist-title">`);
  out.push(html`<h2 id="checklist-title">Remediation checklist</h2>`);
  out.push(
    html`<p class="lead">Fixes of failing critical rules first, then by points: a rule’s gain (on its first item) is what the overall score rises once all its items are done; a “find out” item shows the most its answer can add. Tick each box when the item is done.</p>`,
  );
  if (!r.checklist.length) {
    out.push(html`<p class="empty">Nothing to do for the rules assessed.</p></section>`);
    return join(out, '\n');
  }
  out.push(html`<table class="checklist">`);
  out.push(html`<caption class="sr-only">Remediation checklist, most valuable first</caption>`);
  out.push(
    html`<thead><tr><th scope="col" class="c-box">Done</th><th scope="col" class="c-rank">#</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Effort</th><th scope="col" class="c-gain">Gain</th></tr></thead>`,
  );
  out.push(html`<tbody>`);
  for (const c of r.checklist) {
    out.push(
      html`<tr data-rank="${c.rank}" data-rule="${c.ruleId}"><td class="c-box"><span class="box" aria-hidden="true"></span><span class="sr-only">${c.status}</span></td><td class="c-rank">${c.rank}</td><th scope="row" class="c-action"><span class="action">${c.or ? html`<i class="or">or:</i> ` : ''}${c.action}</span><span class="why">${severityBadge(c.severity)} ${join(
        itemRules(c).map((id) => html`<code>${id}</code>`),
        ', ',
      )}</span></th><td dir="auto">${c.owner}</td><td><span class="effort effort-${c.effort}">${EFFORT_LABEL[c.effort] ?? c.effort}</span></td><td class="c-gain">${c.kind === 'find-out' ? `≤${c.gain.toFixed(1)}` : c.gain > 0 ? `+${c.gain.toFixed(1)}` : html`<span class="sr-only">with the item above</span>`}</td></tr>`,
    );
  }
  out.push(html`</tbody></table>`);
  out.push(html`</section>`);
  return join(out, '\n');
}

/** Several respondents: each gap as a row (the fact, each group's answer, the rules), then the alignment per section. Groups only, never a name. */
function perceptionSection(r: AuditReport): Html | '' {
  if (!r.perception) return '';
  const rows = gapRows(r);
  const out = [html`<section id="disagree" aria-labelledby="disagree-title"><h2 id="disagree-title">Where people disagree</h2>`, html`<p>${respondentsLine(r)}</p>`];
  if (!rows.length) out.push(html`<p>No disagreement: every fact two groups answered, they answered alike.</p>`);
  else {
    out.push(
      html`<table class="gaps"><caption class="sr-only">Facts the groups answered differently</caption><thead><tr><th scope="col">Fact</th><th scope="col">Answers by group</th><th scope="col">Rules</th></tr></thead><tbody>`,
    );
    for (const g of rows)
      out.push(html`<tr><th scope="row" dir="auto">${g.fact} <code>${g.path}</code></th><td><ul>${g.answers.map((a) => html`<li dir="auto">${a}</li>`)}</ul></td><td>${rulesText(g)}</td></tr>`);
    out.push(html`</tbody></table>`);
  }
  const al = alignmentLines(r);
  if (al.length) out.push(html`<p>Alignment by section: ${al.join('; ')}</p>`);
  out.push(html`</section>`);
  return join(out, '\n');
}

function notesSection(r: AuditReport): Html | '' {
  const entries = Object.entries(r.notes).filter(([, v]) => v);
  if (!entries.length) return '';
  return html`<section id="notes" aria-labelledby="notes-title"><h2 id="notes-title">Consultant’s notes</h2><dl class="notes">${entries.map(
    ([k, v]) => html`<div><dt>${k.charAt(0).toUpperCase() + k.slice(1)}</dt><dd dir="auto">${v}</dd></div>`,
  )}</dl></section>`;
}

/** The appendix; `colophon` (the closing line) ends its last block, so no printed page holds it alone. */
function appendix(r: AuditReport, colophon?: Html): Html {
  const out: Html[] = [];
  out.push(html`<section id="appendix" aria-labelledby="appendix-title">`);
  out.push(html`<h2 id="appendix-title">Appendix: the rules</h2>`);
  out.push(html`<p class="lead">What each rule checks, why it matters and the source it cites. Severity sets a rule’s weight in the score (critical 10, high 7.5, medium 5, low 2.5).</p>`);

  out.push(html`<table class="rules">`);
  out.push(html`<caption class="sr-only">Rules and their results</caption>`);
  out.push(html`<thead><tr><th scope="col">#</th><th scope="col">Rule</th><th scope="col">Category</th><th scope="col">Severity</th><th scope="col">Result</th></tr></thead><tbody>`);
  // A review (the compensation review) is one group of rows under its heading; numbers follow the rows.
  const sections = ruleSections(r.rules);
  let n = 0;
  for (const sec of sections) {
    if (sec.group) out.push(html`<tr class="rule-group"><th scope="rowgroup" colspan="5">${sec.group.title}</th></tr>`);
    for (const x of sec.rules)
      out.push(
        html`<tr><td>${++n}</td><th scope="row"><a href="#rule-${x.id}">${x.title}</a> <code class="rule-id">${x.id}</code></th><td>${cap(x.category)}</td><td>${severityBadge(x.severity)}</td><td>${statusBadge(x)}</td></tr>`,
      );
  }
  out.push(html`</tbody></table>`);

  const na = r.rules.filter((x) => x.status === 'not-assessed' || (x.missing.length > 0 && x.status !== 'off'));
  out.push(html`<h3>Not assessed: the facts that would let them be assessed</h3>`);
  if (!na.length) out.push(html`<p class="empty">Every rule in scope was assessed.</p>`);
  else {
    out.push(html`<ul class="needs">`);
    for (const x of na) {
      out.push(
        html`<li><b>${x.title}</b> <code class="rule-id">${x.id}</code>${x.status === 'waived' ? ' (waived)' : ''}<ul>${missingRows(x.missing).map(({ p, more }) => {
          const q = r.questions?.[p];
          // One row for a question asked of more than SUMMARISE_OVER people: how many, the first few named.
          return more
            ? html`<li>${q ?? html`<code>${genericFact(p)}</code>`} — for ${thousandsText(more.length)} people: ${more.slice(0, NAMED_ROWS).map((m, k) => html`${k ? '; ' : ''}${factHtml(r.labels, m)}`)}${more.length > NAMED_ROWS ? ` and ${thousandsText(more.length - NAMED_ROWS)} more` : ''}</li>`
            : html`<li>${factHtml(r.labels, p)}${q ? ` — ${q}` : ''}</li>`;
        })}</ul></li>`,
      );
    }
    out.push(html`</ul>`);
    out.push(html`<p class="small">Answer them in the org file or run <code>sales-audit interview</code>, which asks exactly these questions.</p>`);
  }

  out.push(html`<h3>Rule by rule</h3>`);
  sections
    .flatMap((sec) => sec.rules.map((x, k) => ({ x, title: k === 0 ? sec.group?.title : undefined })))
    .forEach(({ x, title }, i) => {
      if (title) out.push(html`<p class="rule-group-title"><b>${title}</b>: the rules below are read together, as one review.</p>`);
      out.push(html`<article class="rule-doc" id="rule-${x.id}" aria-labelledby="doc-${x.id}">`);
      out.push(html`<h4 id="doc-${x.id}"><span class="num">${i + 1}.</span> ${x.title} <code class="rule-id">${x.id}</code></h4>`);
      out.push(html`<p class="badges">${severityBadge(x.severity)} ${statusBadge(x)} <span class="small">${cap(x.category)} · weight ${x.weight}</span></p>`);
      out.push(html`<p><b>What it checks.</b> ${x.docs?.description ?? ''}</p>`);
      out.push(html`<p><b>Why it matters.</b> ${x.docs?.rationale ?? ''}</p>`);
      out.push(html`<p><b>Source.</b> ${x.source}</p>`);
      if (x.error) out.push(html`<p class="error"><b>Error.</b> The rule could not run: ${x.error}</p>`);
      if (x.waiver) out.push(html`<p><b>Waived</b> until ${x.waiver.expires} by <bdi>${x.waiver.owner}</bdi>: <bdi>${x.waiver.reason}</bdi></p>`);
      out.push(html`</article>`);
    });

  if (r.waivers.length) {
    out.push(html`<h3>Waivers (accepted risks)</h3>`);
    out.push(
      html`<table class="waivers"><caption class="sr-only">Waivers</caption><thead><tr><th scope="col">Rule</th><th scope="col">Status</th><th scope="col">Owner</th><th scope="col">Expires</th><th scope="col">Reason</th></tr></thead><tbody>`,
    );
    for (const w of r.waivers)
      out.push(
        html`<tr><th scope="row"><code>${w.rule}</code></th><td>${w.status === 'unknown-rule' ? 'unknown rule' : w.status}</td><td dir="auto">${w.owner}</td><td>${w.expires}</td><td dir="auto">${w.reason}</td></tr>`,
      );
    out.push(html`</tbody></table>`);
  }

  if (r.unknowns.length) {
    out.push(html`<h3>Answered “don’t know”</h3>`);
    const list = evidenceList(r.unknowns, r.labels);
    if (list) out.push(list);
  }

  // One block, so the heading is never left alone at the foot of a page or on a page of its own.
  out.push(html`<div class="keep">`);
  out.push(html`<h3>How the score is calculated</h3>`);
  out.push(
    html`<p>The overall score is points earned out of points applicable, out of 100. Each rule is made of checks (one per person, stage, plan element…) and weighted by severity. A known check earns its score; an unknown check earns nothing, and the score it could still reach is shown as “up to”; a check or rule that does not apply to this organisation leaves the count. Coverage is the share of what applies that is known. A letter grade is given only at ${r.summary.coverageFloor}% coverage or more: A 90 and above, B 80, C 70, D 60, F below 60; while a critical rule fails, or too little of it is known to rule a failure out, the grade is held at C. A fix’s gain is the points the score rises once all of its rule’s items are done; a find-out item shows the points its answer holds in play. The score, the gains and the points in play add up to 100.</p>`,
  );
  if (colophon) out.push(colophon);
  out.push(html`</div>`);
  out.push(html`</section>`);
  return join(out, '\n');
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---- styles ----

const FONT = css`system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif`;
const PAPER_SIZE = { a4: css`size: A4;`, letter: css`size: letter;` } as const;

function styles(r: AuditReport, opts: HtmlOptions): Css {
  const company = r.org.company ?? 'Unnamed organisation';
  const short = [...company].length > 60 ? `${[...company].slice(0, 58).join('')}…` : company;
  const size = opts.paper ? PAPER_SIZE[opts.paper] : css``;
  // Page margin boxes carry the running header and footer (Chromium 131+ prints them; other browsers skip them).
  // The css template writes each string as a CSS string literal, so no name can end the rule or the <style>.
  const page = css`@page { ${size} margin: 18mm 16mm 18mm 16mm;
  @top-left { content: ${`Sales audit · ${short}`}; font: 8pt ${FONT}; color: #57606a; }
  @top-right { content: ${longDate(r.auditDate)}; font: 8pt ${FONT}; color: #57606a; }
  @bottom-left { content: ${`sales-audit ${r.tool.version}`}; font: 8pt ${FONT}; color: #57606a; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt ${FONT}; color: #57606a; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }`;
  return css`${page}\n${CSS}`;
}

// The style sheet (src/report/html.css), inlined by the build; the running page header above is the only CSS made at run time.
const CSS = trusted.css(CSS_TEXT);

// ---- the document ----

/** The report as one self-contained HTML page (UTF-8 text); the same report gives the same bytes. */
export function renderHtml(r: AuditReport, opts: HtmlOptions = {}): string {
  const style = opts.extra ? css`${styles(r, opts)}${opts.extra.css}` : styles(r, opts);
  const company = r.org.company ?? 'Unnamed organisation';
  const colophon = html`<footer class="colophon"><p>Prepared with sales-audit ${r.tool.version} from <code>${r.org.file}</code>, audit date ${r.auditDate}. Findings cite the org-file line or the interview answer they rest on; the appendix lists every rule and its source.</p></footer>`;
  const body = [
    cover(r, opts.extra?.gauge),
    opts.extra?.html,
    contents(r),
    categoriesSection(r),
    findingsSection(r),
    checklistSection(r),
    perceptionSection(r),
    notesSection(r),
    appendix(r, colophon),
  ].filter((x): x is Html => x instanceof Html);
  return html`<!doctype html>
${pageHead(`Sales audit: ${company} (${longDate(r.auditDate)})`, style, r.tool.version)}
<body>
<main>
${join(body, '\n')}
</main>
</body>
</html>
`.text;
}
