// The comparison of two audits in HTML: the "since the last audit" section the
// audit report gains with --baseline, and the standalone page of `diff
// --format html`. Same rules as the report: no script, no outside request
// (a Content-Security-Policy forbids both), every value from a file escaped.
import type { AuditDiff, Change, DiffFinding } from '../engine/diff';
import { changeText, deltaText, factText, renameLines } from './diff';
import { esc, longDate, pageHead } from './html';

const gradeOf = (g: string | null, status: string) => g ?? (status === 'incomplete' ? 'incomplete' : 'none');
const cls = (c: Change) => (c.delta === null || c.delta === 0 ? 'same' : c.delta > 0 ? 'up' : 'down');
// The direction is in the text (+, −) and an arrow, never in colour alone.
const arrow = (c: Change) => (c.delta === null || c.delta === 0 ? '→' : c.delta > 0 ? '▲' : '▼');

/** Two bars, before (hatched outline) and after (filled), for one score out of 100. */
function pairBars(c: Change, label: string): string {
  const w = (n: number | null) => Math.max(0, Math.min(100, n ?? 0)) * 1.6;
  return `<svg class="pair" viewBox="0 0 170 22" width="170" height="22" role="img" aria-label="${esc(`${label}: ${changeText(c)}`)}"><rect class="bar-before" x="0" y="2" width="${w(c.before)}" height="7"/><rect class="bar-after" x="0" y="12" width="${w(c.after)}" height="7"/></svg>`;
}

function findingItem(f: DiffFinding, mark: 'resolved' | 'new' | 'open'): string {
  const badge =
    mark === 'resolved'
      ? '<span class="tag tag-resolved"><span aria-hidden="true">✓ </span>Resolved</span>'
      : mark === 'new'
        ? '<span class="tag tag-new"><span aria-hidden="true">+ </span>New</span>'
        : '<span class="tag tag-open">Still open</span>';
  const was = f.was ? `<br><span class="was">was: ${esc(f.was.severity)}, ${esc(f.was.message)}</span>` : '';
  return `<li class="df df-${mark}">${badge} <span class="sev">${esc(f.severity)}</span> <code>${esc(f.ruleId)}</code> <span class="msg">${esc(f.message)}</span>${was}</li>`;
}

/** The change under the report's score gauge (audit --baseline): `▲ +8 since main:acme.yaml`. */
export function gaugeDelta(d: AuditDiff): string {
  return `<p class="gauge-delta ${cls(d.score)}" id="gauge-delta"><span aria-hidden="true">${arrow(d.score)} </span>${esc(deltaText(d.score.delta))} since <span class="nowrap">${esc(d.before.auditDate)}</span></p>`;
}

/** The CSS of the section, added to the report's own (its hash goes in the page's CSP). */
export const SINCE_CSS = `
/* Between the card's title and the ring: below it, the ring's own "up to" line runs. */
.score-card .card-title { order: -2; }
.gauge-delta { order: -1; text-align: center; font-weight: 700; margin: 0 0 6px; }
.score-card .gauge-wrap:has(.gauge-range) { margin-bottom: 2.6em; }
.gauge-delta.up { color: #1a6b2f; } .gauge-delta.down { color: #a32020; } .gauge-delta.same { color: #444; }
.since { break-inside: avoid; }
.since .delta-head { display: flex; gap: 24px; flex-wrap: wrap; align-items: baseline; }
.since .delta-big { font-size: 22pt; font-weight: 700; }
.since .up { color: #1a6b2f; } .since .down { color: #a32020; } .since .same { color: #444; }
.since table { border-collapse: collapse; }
.since td, .since th { padding: 2px 8px; text-align: left; }
.since .bar-before { fill: none; stroke: #555; stroke-width: 1; stroke-dasharray: 2 1; }
.since .bar-after { fill: #3b6ea8; }
.since ul.dfs { list-style: none; padding-left: 0; }
.since .df { margin: 3px 0; }
.since .df-resolved .msg { text-decoration: line-through; color: #555; }
.since .tag { display: inline-block; font-size: 8.5pt; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 4px; }
.since .tag-resolved { color: #1a6b2f; } .since .tag-new { color: #a32020; } .since .tag-open { color: #444; }
.since .was { color: #555; font-size: 9pt; }
`;

/** "Since the last audit": the delta on the headline and per category, findings resolved (ticked) and new (marked). */
export function sinceSection(d: AuditDiff, opts: { title?: string; open?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`<section class="since" id="since" aria-labelledby="since-title"><h2 id="since-title">${esc(opts.title ?? 'Since the last audit')}</h2>`);
  out.push(`<p>Compared with <code>${esc(d.before.label)}</code>, audited <time datetime="${esc(d.before.auditDate)}">${esc(longDate(d.before.auditDate))}</time>.</p>`);
  out.push('<div class="delta-head">');
  out.push(
    `<p><span class="delta-big ${cls(d.score)}" id="since-score"><span aria-hidden="true">${arrow(d.score)} </span>${esc(deltaText(d.score.delta))}</span> score: ${esc(changeText(d.score))}</p>`,
  );
  out.push(`<p>Coverage: ${esc(changeText(d.coverage, '%'))}</p>`);
  out.push(`<p>Grade: ${esc(gradeOf(d.grade.before, d.before.gradeStatus))} → ${esc(gradeOf(d.grade.after, d.after.gradeStatus))}</p>`);
  out.push('</div>');
  out.push(
    '<table class="since-cats"><caption class="small">Each category before (dashed outline) and now (filled)</caption><thead><tr><th scope="col">Category</th><th scope="col">Before</th><th scope="col">Now</th><th scope="col">Change</th><th scope="col"><span class="sr-only">Chart</span></th></tr></thead><tbody>',
  );
  for (const c of d.categories)
    out.push(
      `<tr><th scope="row">${esc(c.title)}</th><td>${c.score.before ?? '?'}</td><td>${c.score.after ?? '?'}</td><td class="${cls(c.score)}">${esc(deltaText(c.score.delta))}</td><td>${pairBars(c.score, c.title)}</td></tr>`,
    );
  out.push('</tbody></table>');
  const f = d.findings;
  out.push(`<h3>Findings: ${f.resolved.length} resolved, ${f.new.length} new, ${f.open.length} still open</h3>`);
  const items = [...f.resolved.map((x) => findingItem(x, 'resolved')), ...f.new.map((x) => findingItem(x, 'new')), ...f.open.filter((x) => opts.open || x.was).map((x) => findingItem(x, 'open'))];
  out.push(items.length ? `<ul class="dfs">${items.join('')}</ul>` : '<p>No finding changed.</p>');
  if (d.checklist.done.length || d.checklist.new.length) {
    out.push(`<h3>Checklist: ${d.checklist.done.length} done, ${d.checklist.new.length} new</h3><ul class="dfs">`);
    for (const i of d.checklist.done)
      out.push(`<li class="df df-resolved"><span class="tag tag-resolved"><span aria-hidden="true">✓ </span>Done</span> <span class="msg">${esc(i.action)}</span></li>`);
    for (const i of d.checklist.new) out.push(`<li class="df df-new"><span class="tag tag-new"><span aria-hidden="true">+ </span>New</span> ${esc(i.action)}</li>`);
    out.push('</ul>');
  }
  const renames = renameLines(d);
  if (renames.length) out.push(`<ul>${renames.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

/** A self-contained page with its CSP (the style allowed by its hash). */
export function page(title: string, css: string, body: string, version: string): string {
  // Upper case: the same doctype, and the lower-case one stays the HTML report's own marker (test/e2e/cli.test.ts).
  return `<!DOCTYPE html>
${pageHead(title, css, version)}
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The base style of the standalone diff and history pages. */
export const PAGE_CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 16px 20px 40px; line-height: 1.4; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 92%; }
.small { font-size: 9pt; color: #444; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** `diff --format html`: the comparison on its own page, with the facts that changed. */
export function renderDiffHtml(d: AuditDiff): string {
  const body = [`<h1>Audit comparison</h1>`, `<p><code>${esc(d.before.label)}</code> → <code>${esc(d.after.label)}</code></p>`, sinceSection(d, { title: 'What changed', open: true })];
  if (d.facts) {
    body.push(`<section aria-labelledby="facts-title"><h2 id="facts-title">Facts that changed (${d.facts.changed.length})</h2><ul>`);
    for (const c of d.facts.changed) body.push(`<li><code>${esc(factText(c))}</code></li>`);
    body.push('</ul></section>');
  } else body.push('<p class="small">Facts not compared: a JSON report holds no facts.</p>');
  return page(`Audit comparison: ${d.before.label} → ${d.after.label}`, PAGE_CSS + SINCE_CSS, body.join('\n'), d.tool.version);
}
