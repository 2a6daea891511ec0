// The comparison of two audits in HTML: the "since the last audit" section the
// audit report gains with --baseline, and the standalone page of `diff
// --format html`. Same rules as the report: no script, no outside request
// (a Content-Security-Policy forbids both), built with the escaping template
// (./html-template), so every value from a file is text.
import type { AuditDiff, Change, DiffFinding } from '../engine/diff';
import { changeText, deltaText, factText, findingCounts, notDone, reasonText, renameLines } from './diff';
import { longDate, pageHead } from './html';
import { css, type Css, html, type Html, join, trusted } from './html-template';
import PAGE_CSS_TEXT from './page.css?raw';
import SINCE_CSS_TEXT from './since.css?raw';

const gradeOf = (g: string | null, status: string) => g ?? (status === 'incomplete' ? 'incomplete' : 'none');
const cls = (c: Change) => (c.delta === null || c.delta === 0 ? 'same' : c.delta > 0 ? 'up' : 'down');
// The direction is in the text (+, −) and an arrow, never in colour alone.
const arrow = (c: Change) => (c.delta === null || c.delta === 0 ? '→' : c.delta > 0 ? '▲' : '▼');

/** Two bars, before (hatched outline) and after (filled), for one score out of 100. */
function pairBars(c: Change, label: string): Html {
  const w = (n: number | null) => Math.max(0, Math.min(100, n ?? 0)) * 1.6;
  return html`<svg class="pair" viewBox="0 0 170 22" width="170" height="22" role="img" aria-label="${`${label}: ${changeText(c)}`}"><rect class="bar-before" x="0" y="2" width="${w(c.before)}" height="7"/><rect class="bar-after" x="0" y="12" width="${w(c.after)}" height="7"/></svg>`;
}

const TAGS = {
  resolved: html`<span class="tag tag-resolved"><span aria-hidden="true">✓ </span>Resolved</span>`,
  new: html`<span class="tag tag-new"><span aria-hidden="true">+ </span>New</span>`,
  open: html`<span class="tag tag-open">Still open</span>`,
  unassessed: html`<span class="tag tag-unassessed"><span aria-hidden="true">? </span>No longer assessed</span>`,
  waived: html`<span class="tag tag-open"><span aria-hidden="true">~ </span>Waived</span>`,
  assessed: html`<span class="tag tag-unassessed"><span aria-hidden="true">! </span>Newly assessed</span>`,
  worse: html`<span class="tag tag-new"><span aria-hidden="true">- </span>Worse</span>`,
} as const;

function findingItem(f: DiffFinding, mark: keyof typeof TAGS): Html {
  const was = f.was ? html`<br><span class="was">was: ${f.was.severity}, ${f.was.message}</span>` : '';
  const why =
    mark === 'unassessed'
      ? html`<br><span class="was">not resolved: ${reasonText(f, 'gone')}</span>`
      : mark === 'assessed'
        ? html`<br><span class="was">not a regression: ${reasonText(f, 'came')}</span>`
        : '';
  return html`<li class="df df-${mark}">${TAGS[mark]} <span class="sev">${f.severity}</span> <code>${f.ruleId}</code> <span class="msg">${f.message}</span>${was}${why}</li>`;
}

/** The change under the report's score gauge (audit --baseline): `▲ +8 since main:acme.yaml`. */
export function gaugeDelta(d: AuditDiff): Html {
  return html`<p class="gauge-delta ${cls(d.score)}" id="gauge-delta"><span aria-hidden="true">${arrow(d.score)} </span>${deltaText(d.score.delta)} since <span class="nowrap">${d.before.auditDate}</span></p>`;
}

/** The CSS of the section (src/report/since.css), added to the report's own (its hash goes in the page's CSP). */
export const SINCE_CSS: Css = trusted.css(SINCE_CSS_TEXT);

/** "Since the last audit": the delta on the headline and per category, findings resolved (ticked) and new (marked). */
export function sinceSection(d: AuditDiff, opts: { title?: string; open?: boolean } = {}): Html {
  const out: Html[] = [];
  out.push(html`<section class="since" id="since" aria-labelledby="since-title"><h2 id="since-title">${opts.title ?? 'Since the last audit'}</h2>`);
  out.push(html`<p>Compared with <code>${d.before.label}</code>, audited <time datetime="${d.before.auditDate}">${longDate(d.before.auditDate)}</time>.</p>`);
  out.push(html`<div class="delta-head">`);
  out.push(html`<p><span class="delta-big ${cls(d.score)}" id="since-score"><span aria-hidden="true">${arrow(d.score)} </span>${deltaText(d.score.delta)}</span> score: ${changeText(d.score)}</p>`);
  out.push(html`<p>Coverage: ${changeText(d.coverage, '%')}</p>`);
  out.push(html`<p>Grade: ${gradeOf(d.grade.before, d.before.gradeStatus)} → ${gradeOf(d.grade.after, d.after.gradeStatus)}</p>`);
  out.push(html`</div>`);
  out.push(
    html`<table class="since-cats"><caption class="small">Each category before (dashed outline) and now (filled)</caption><thead><tr><th scope="col">Category</th><th scope="col">Before</th><th scope="col">Now</th><th scope="col">Change</th><th scope="col"><span class="sr-only">Chart</span></th></tr></thead><tbody>`,
  );
  for (const c of d.categories)
    out.push(
      html`<tr><th scope="row">${c.title}</th><td>${c.score.before ?? '?'}</td><td>${c.score.after ?? '?'}</td><td class="${cls(c.score)}">${deltaText(c.score.delta)}</td><td>${pairBars(c.score, c.title)}</td></tr>`,
    );
  out.push(html`</tbody></table>`);
  const f = d.findings;
  out.push(html`<h3>Findings: ${findingCounts(d)}</h3>`);
  const items = [
    ...f.resolved.map((x) => findingItem(x, 'resolved')),
    ...f.noLongerAssessed.map((x) => findingItem(x, 'unassessed')),
    ...f.waived.map((x) => findingItem(x, 'waived')),
    ...f.new.map((x) => findingItem(x, 'new')),
    ...f.newlyAssessed.map((x) => findingItem(x, 'assessed')),
    ...f.worse.map((x) => findingItem(x, 'worse')),
    ...f.open.filter((x) => opts.open || x.was).map((x) => findingItem(x, 'open')),
  ];
  out.push(items.length ? html`<ul class="dfs">${items}</ul>` : html`<p>No finding changed.</p>`);
  const unjudged = d.checklist.noLongerAssessed;
  if (d.checklist.done.length || d.checklist.new.length || unjudged.length) {
    out.push(html`<h3>Checklist: ${d.checklist.done.length} done, ${d.checklist.new.length} new${unjudged.length ? `, ${unjudged.length} gone but not done` : ''}</h3><ul class="dfs">`);
    for (const i of d.checklist.done) out.push(html`<li class="df df-resolved"><span class="tag tag-resolved"><span aria-hidden="true">✓ </span>Done</span> <span class="msg">${i.action}</span></li>`);
    for (const i of unjudged) out.push(html`<li class="df df-unassessed">${TAGS.unassessed} <span class="msg">${i.action}</span><br><span class="was">not done: ${notDone(i)}</span></li>`);
    for (const i of d.checklist.new) out.push(html`<li class="df df-new"><span class="tag tag-new"><span aria-hidden="true">+ </span>New</span> ${i.action}</li>`);
    out.push(html`</ul>`);
  }
  const renames = renameLines(d);
  if (renames.length) out.push(html`<ul>${renames.map((r) => html`<li>${r}</li>`)}</ul>`);
  out.push(html`</section>`);
  return join(out, '\n');
}

/** A self-contained page with its CSP (the style allowed by its hash); `title` is plain text. */
export function page(title: string, style: Css, body: Html, version: string): string {
  // Upper case: the same doctype, and the lower-case one stays the HTML report's own marker (test/e2e/cli.test.ts).
  return html`<!DOCTYPE html>
${pageHead(title, style, version)}
<body>
<main>
${body}
</main>
</body>
</html>
`.text;
}

/** The base style of the standalone diff and history pages (src/report/page.css). */
export const PAGE_CSS: Css = trusted.css(PAGE_CSS_TEXT);

/** `diff --format html`: the comparison on its own page, with the facts that changed. */
export function renderDiffHtml(d: AuditDiff): string {
  const body = [html`<h1>Audit comparison</h1>`, html`<p><code>${d.before.label}</code> → <code>${d.after.label}</code></p>`, sinceSection(d, { title: 'What changed', open: true })];
  if (d.facts) {
    body.push(html`<section aria-labelledby="facts-title"><h2 id="facts-title">Facts that changed (${d.facts.changed.length})</h2><ul>`);
    for (const c of d.facts.changed) body.push(html`<li><code>${factText(c)}</code></li>`);
    body.push(html`</ul></section>`);
  } else body.push(html`<p class="small">Facts not compared: a JSON report holds no facts.</p>`);
  return page(`Audit comparison: ${d.before.label} → ${d.after.label}`, css`${PAGE_CSS}${SINCE_CSS}`, join(body, '\n'), d.tool.version);
}
