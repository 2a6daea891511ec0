// An org file's history in HTML: an SVG line chart of the score and coverage
// over the commits (inline, no script), the categories' last values, and the
// table. Same rules as the report: a CSP forbids scripts and outside loads,
// and the page is built with the escaping template (./html-template), so every
// value from the repository (commit messages, dates, the file name) is text.
import type { History } from '../engine/history';
import { page, PAGE_CSS } from './diff-html';
import CSS_TEXT from './history.css?raw';
import { css, html, type Html, join, trusted } from './html-template';

const W = 720;
const H = 260;
const PAD = { left: 44, right: 16, top: 16, bottom: 48 };

/**
 * The chart: x is the commit's place in the series (evenly spaced, oldest on
 * the left), y is 0..100. The score is a solid line with round marks, the
 * coverage a dashed line with square marks, so it reads in grey-scale; each
 * mark has a <title> with its commit and value.
 */
export function historyChart(h: History): Html {
  const pts = h.points;
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (pts.length <= 1 ? iw / 2 : (i * iw) / (pts.length - 1));
  const y = (v: number) => PAD.top + ih - (Math.max(0, Math.min(100, v)) / 100) * ih;
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const out: Html[] = [];
  const last = pts[pts.length - 1];
  out.push(
    html`<svg class="history-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">`,
    html`<title id="chart-title">Score and coverage over ${pts.length} commit${pts.length === 1 ? '' : 's'}</title>`,
    html`<desc id="chart-desc">${pts.length ? `From ${pts[0]!.date} (score ${pts[0]!.score ?? 'unknown'}) to ${last!.date} (score ${last!.score ?? 'unknown'}).` : 'No commits.'}</desc>`,
  );
  for (const v of [0, 25, 50, 75, 100])
    out.push(
      html`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${r1(y(v))}" y2="${r1(y(v))}"/><text class="axis" x="${PAD.left - 6}" y="${r1(y(v)) + 4}" text-anchor="end">${v}</text>`,
    );
  // Date labels: at most about eight, evenly chosen, so they never overlap.
  const step = Math.max(1, Math.ceil(pts.length / 8));
  pts.forEach((p, i) => {
    // The last commit always has its date; a regular label too close to it gives way.
    const last = i === pts.length - 1;
    if (last || (i % step === 0 && pts.length - 1 - i >= Math.max(1, step * 0.75)))
      out.push(html`<text class="axis" x="${r1(x(i))}" y="${H - PAD.bottom + 16}" text-anchor="${last && pts.length > 1 ? 'end' : 'middle'}">${p.date}</text>`);
  });
  const line = (key: 'score' | 'coverage', cls: string) => {
    // A version that could not be audited breaks the line.
    let d = '';
    let pen = false;
    pts.forEach((p, i) => {
      const v = p[key];
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${r1(x(i))} ${r1(y(v))} `;
      pen = true;
    });
    if (d) out.push(html`<path class="${cls}" d="${d.trim()}"/>`);
    pts.forEach((p, i) => {
      const v = p[key];
      if (v === null) return;
      const label = `${p.date} ${p.commit.slice(0, 7)}: ${key} ${v}${key === 'coverage' ? '%' : ''}`;
      out.push(
        key === 'score'
          ? html`<circle class="mark-score" cx="${r1(x(i))}" cy="${r1(y(v))}" r="4"><title>${label}</title></circle>`
          : html`<rect class="mark-coverage" x="${r1(x(i)) - 3}" y="${r1(y(v)) - 3}" width="6" height="6"><title>${label}</title></rect>`,
      );
    });
  };
  line('coverage', 'line-coverage');
  line('score', 'line-score');
  out.push(
    html`<g class="legend" transform="translate(${PAD.left},${H - 14})"><line class="line-score" x1="0" x2="24" y1="-4" y2="-4"/><text x="30" y="0">Score</text><line class="line-coverage" x1="90" x2="114" y1="-4" y2="-4"/><text x="120" y="0">Coverage (%)</text></g>`,
    html`</svg>`,
  );
  return join(out);
}

/** A small line of one category's scores over the commits (0..100), for the categories table; breaks where a value is missing. */
export function categoryTrend(values: readonly (number | null)[], label: string): Html {
  const w = 160;
  const h = 28;
  const x = (i: number) => (values.length <= 1 ? w / 2 : 2 + (i * (w - 4)) / (values.length - 1));
  const y = (v: number) => 2 + (h - 4) * (1 - Math.max(0, Math.min(100, v)) / 100);
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${Math.round(x(i) * 10) / 10} ${Math.round(y(v) * 10) / 10} `;
    pen = true;
  });
  const known = values.filter((v): v is number => v !== null);
  const said = known.length ? `${label}: from ${known[0]} to ${known[known.length - 1]}` : `${label}: no score`;
  return html`<svg class="trend" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${said}"><rect class="trend-box" x="0.5" y="0.5" width="${w - 1}" height="${h - 1}"/>${d ? html`<path class="trend-line" d="${d.trim()}"/>` : ''}</svg>`;
}

// The page's own style (src/report/history.css), after the diff and history pages' base style.
const CSS = trusted.css(CSS_TEXT);

/** `history --format html`: a self-contained page with the chart, the categories' first and last values, and every commit. */
export function renderHistoryHtml(h: History): string {
  const rows = h.points.map((p) => {
    const grade = p.error ? 'could not be audited' : (p.grade ?? (p.gradeStatus === 'incomplete' ? 'incomplete' : 'none'));
    return html`<tr><td><time datetime="${p.date}">${p.date}</time></td><td><code>${p.commit.slice(0, 7)}</code></td><td class="num">${p.score ?? '?'}</td><td class="num">${p.upTo ?? '?'}</td><td class="num">${p.coverage === null ? '?' : `${p.coverage}%`}</td><td>${grade}</td><td class="num">${p.error ? '' : p.findings}</td><td>${p.subject}${p.error ? html`<br><span class="small">${p.error}</span>` : ''}</td></tr>`;
  });
  const cats = h.categories.map(
    (c) =>
      html`<tr><th scope="row">${c.title}</th>${h.points.length ? html`<td class="num">${h.points[0]!.categories[c.id] ?? '?'}</td><td class="num">${h.points[h.points.length - 1]!.categories[c.id] ?? '?'}</td>` : html`<td></td><td></td>`}<td>${categoryTrend(
        h.points.map((p) => p.categories[c.id] ?? null),
        c.title,
      )}</td></tr>`,
  );
  const body = [
    html`<h1>History of <code>${h.file}</code></h1>`,
    html`<p>${h.points.length} commit${h.points.length === 1 ? '' : 's'} that changed the file, each audited at its commit date.</p>`,
    html`<figure>${historyChart(h)}<figcaption class="small">Score (solid line, round marks) and coverage (dashed line, square marks), oldest commit on the left.</figcaption></figure>`,
    html`<h2>Categories over time</h2><table><thead><tr><th scope="col">Category</th><th scope="col">First</th><th scope="col">Last</th><th scope="col">Every commit (0 to 100)</th></tr></thead><tbody>${join(cats, '\n')}</tbody></table>`,
    html`<h2>Every commit</h2><table><thead><tr><th scope="col">Date</th><th scope="col">Commit</th><th scope="col">Score</th><th scope="col">Up to</th><th scope="col">Coverage</th><th scope="col">Grade</th><th scope="col">Findings</th><th scope="col">Commit message</th></tr></thead><tbody>${join(rows, '\n')}</tbody></table>`,
  ];
  return page(`History of ${h.file}`, css`${PAGE_CSS}${CSS}`, join(body, '\n'), h.tool.version);
}
