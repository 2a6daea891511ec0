// An org file's history (History) as text (sparklines and a table, plain
// without colour), Markdown, JSON and HTML (an SVG line chart and the table).
// Renders only. Commit subjects and paths come from a repository: they are
// made inert for a terminal and escaped for Markdown and HTML.
import type { History, HistoryPoint } from '../engine/history';
import type { HistoryFormat } from './formats-diff';
import { inert } from './diff';
import { md as mdEscape } from './markdown';

/** Markdown-escaped, with control characters dropped (Markdown output is often printed to a CI log). */
const md = (s: string): string => mdEscape(inert(s));

const BLOCKS = '▁▂▃▄▅▆▇█';
/** The most commits the terminal chart shows (the table lists them all). */
export const SPARK_MAX = 50;

/** One character per value on a fixed 0..100 scale (so two series compare); `·` for a missing value. */
export function sparkline(values: readonly (number | null)[]): string {
  return values.map((v) => (v === null ? '·' : BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, Math.floor((v / 100) * BLOCKS.length)))]!)).join('');
}

const n = (v: number | null, unit = '') => (v === null ? '?' : `${v}${unit}`);
const gradeOf = (p: HistoryPoint) => (p.error ? 'unreadable' : (p.grade ?? (p.gradeStatus === 'incomplete' ? 'incomplete' : 'none')));
/** First and last known values: `41 → 78`. */
function span(values: readonly (number | null)[], unit = ''): string {
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return '?';
  return known.length === 1 ? n(known[0]!, unit) : `${known[0]}${unit} → ${known[known.length - 1]}${unit}`;
}

/** The history for a terminal: a sparkline per series (score, coverage, each category), then a table of every commit. Plain text, no colour. */
export function renderHistoryText(h: History): string {
  const p = h.points;
  const out: string[] = [];
  out.push(`History of ${inert(h.file)}: ${p.length} commit${p.length === 1 ? '' : 's'}${p.length ? `, ${p[0]!.date} to ${p[p.length - 1]!.date}` : ''}`, '');
  if (!p.length) return `${out.join('\n')}No commit changes this file.\n`;
  // One mark per commit, at most SPARK_MAX of them (the most recent): the chart fits an 80-column terminal.
  const shown = p.slice(-SPARK_MAX);
  const rows: [string, (number | null)[], string][] = [
    ['Score', shown.map((x) => x.score), ''],
    ['Coverage', shown.map((x) => x.coverage), '%'],
    ...h.categories.map((c): [string, (number | null)[], string] => [c.title, shown.map((x) => x.categories[c.id] ?? null), '']),
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [label, values, unit] of rows) out.push(`  ${label.padEnd(w)}  ${sparkline(values)}  ${span(values, unit)}`);
  out.push('', `  (each mark is one commit, oldest first${shown.length < p.length ? `: the last ${shown.length} of ${p.length}` : ''}; ▁ is 0, █ is 100; · could not be audited)`, '');
  const head = ['Date', 'Commit', 'Score', 'Up to', 'Coverage', 'Grade', 'Findings', 'Commit message'];
  const table = p.map((x) => [
    x.date,
    x.commit.slice(0, 7),
    n(x.score),
    n(x.upTo),
    n(x.coverage, '%'),
    gradeOf(x),
    x.error ? '' : String(x.findings),
    inert(x.error ? `${x.subject} (could not be audited: ${x.error})` : x.subject),
  ]);
  const widths = head.map((t, i) => Math.max(t.length, ...table.map((r) => r[i]!.length)));
  const right = new Set([2, 3, 4, 6]);
  const fmt = (r: string[]) => `  ${r.map((c, i) => (i === r.length - 1 ? c : right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  out.push(fmt(head), ...table.map(fmt));
  return `${out.join('\n')}\n`;
}

/** The history as Markdown: the score's sparkline, then a table of every commit. */
export function renderHistoryMarkdown(h: History): string {
  const out = [`# History of \`${md(h.file)}\``, ''];
  // The last SPARK_MAX commits as marks, one per commit; the table lists them all.
  const shown = h.points.slice(-SPARK_MAX);
  out.push('| Series | Over time | First → last |', '|---|---|---|');
  out.push(`| Score | ${sparkline(shown.map((x) => x.score))} | ${span(shown.map((x) => x.score))} |`);
  out.push(
    `| Coverage | ${sparkline(shown.map((x) => x.coverage))} | ${span(
      shown.map((x) => x.coverage),
      '%',
    )} |`,
  );
  for (const c of h.categories) out.push(`| ${md(c.title)} | ${sparkline(shown.map((x) => x.categories[c.id] ?? null))} | ${span(shown.map((x) => x.categories[c.id] ?? null))} |`);
  out.push('');
  out.push('| Date | Commit | Score | Up to | Coverage | Grade | Findings | Commit message |', '|---|---|---:|---:|---:|---|---:|---|');
  for (const x of h.points)
    out.push(
      `| ${x.date} | \`${x.commit.slice(0, 7)}\` | ${n(x.score)} | ${n(x.upTo)} | ${n(x.coverage, '%')} | ${gradeOf(x)} | ${x.error ? '' : x.findings} | ${md(x.subject)}${x.error ? ` (could not be audited: ${md(x.error)})` : ''} |`,
    );
  return `${out.join('\n')}\n`;
}

/** Renders a history in one of HISTORY_FORMATS; the HTML renderer is loaded only when asked for. */
export async function renderHistory(format: HistoryFormat, h: History): Promise<string> {
  switch (format) {
    case 'text':
      return renderHistoryText(h);
    case 'markdown':
      return renderHistoryMarkdown(h);
    case 'json':
      return `${JSON.stringify(h, null, 2)}\n`;
    case 'html':
      return (await import('./history-html')).renderHistoryHtml(h);
  }
}
