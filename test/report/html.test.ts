import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditReport, CategoryScore } from '../../src/engine/types';
import { hatch, longDate, renderHtml } from '../../src/report/html';
import { cssString, html } from '../../src/report/html-template';
import { pinnedRules } from '../helpers/pinned-rules';
import { allWaived, fixture, FIXTURES } from './helpers';

/** Every tag the renderer writes; a tag from the org file would be escaped and never show up here. */
const ALLOWED_TAGS = new Set(
  'html head meta title style body main header footer section article nav figure p span b h1 h2 h3 h4 dl dt dd div ul ol li a code time bdi table caption thead tbody tr th td svg circle rect path line text g title desc br'.split(
    ' ',
  ),
);
const tagsOf = (html: string) => [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: m[2]! }));

/** A value as the template writes it in text. */
const esc = (value: string) => html`${value}`.text;

const styleOf = (html: string) => {
  const m = /<style>([\s\S]*?)<\/style>/.exec(html);
  if (!m) throw new Error('no <style>');
  return m[1]!;
};

describe('escaping', () => {
  it('escapes the five HTML metacharacters and replaces control characters', () => {
    expect(esc(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(esc('a\u0000b\u001bc\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
    expect(esc('Söhne 株式会社 شركة')).toBe('Söhne 株式会社 شركة');
  });

  it('makes a CSS string that cannot close the string, the rule or the <style> element', () => {
    const hostile = `"; } body { display: none } </style><script>x()</script>\\ \n株`;
    const s = cssString(hostile);
    const inner = s.slice(1, -1);
    expect(s.startsWith('"') && s.endsWith('"')).toBe(true);
    expect(inner).not.toMatch(/["'<>;{}\n]/);
    // Decoding the hex escapes gives the text back (newlines become spaces).
    const decoded = inner.replace(/\\([0-9a-f]{1,6}) /g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
    expect(decoded).toBe(hostile.replace('\n', ' '));
  });

  it("renders a hostile org file with no markup of its own: every tag is the renderer's, no event handler, no URL", async () => {
    const r = await fixture('hostile');
    const html = renderHtml(r);
    const tags = tagsOf(html);
    expect(tags.filter((t) => !ALLOWED_TAGS.has(t.name)).map((t) => t.name)).toEqual([]);
    expect(tags.filter((t) => /\son\w+\s*=/i.test(t.attrs))).toEqual([]);
    expect(html).not.toMatch(/<script|<img|<iframe|<marquee|<svg onload|<b>Discovery/i);
    // Links only to the report's own anchors; nothing is loaded from anywhere.
    for (const t of tags) {
      const urls = [...t.attrs.matchAll(/\b(href|src|action|xlink:href)\s*=\s*"([^"]*)"/g)].map((m) => m[2]);
      for (const u of urls) expect(u).toMatch(/^#/);
    }
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    // The text is all there, shown as text.
    expect(html).toContain(esc(r.org.company!));
    expect(html).toContain('&lt;script&gt;alert(&#39;company&#39;)&lt;/script&gt; &quot;Acme&quot; &amp; Söhne 株式会社');
    expect(html).toContain(esc(r.org.respondents[0]!));
    expect(html).toContain(esc(r.notes.company!));
    for (const w of r.waivers) expect(html).toContain(esc(w.reason));
  });

  it('escapes the company in the <title> and in the running page header', async () => {
    const r = await fixture('hostile');
    const html = renderHtml(r);
    const title = /<title>([^<]*)<\/title>/.exec(html)![1]!;
    expect(title).toContain('&lt;script&gt;');
    const page = styleOf(html).slice(0, styleOf(html).indexOf('@page :first'));
    expect(page).toContain('@top-left');
    expect(page).not.toMatch(/[<>]/);
    expect(page).toContain('\\3c script\\3e ');
  });
});

describe('security policy', () => {
  it('forbids scripts and outside loads, and allows exactly the one inline style by its hash', async () => {
    const html = renderHtml(await fixture('acme'));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const policy = csp!.replace(/&#39;/g, "'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('img-src data:');
    expect(policy).not.toMatch(/script-src|unsafe-inline|unsafe-eval|https?:/);
    const hash = createHash('sha256').update(styleOf(html), 'utf8').digest('base64');
    expect(policy).toContain(`style-src 'sha256-${hash}'`);
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html).not.toMatch(/\sstyle="/);
  });
});

describe('content', () => {
  it('is the same, byte for byte, for the same report', async () => {
    const a = renderHtml(await fixture('acme'));
    const b = renderHtml(await fixture('acme'));
    expect(a).toBe(b);
  });

  it('shows the score, grade, coverage, audit date and respondents on the cover', async () => {
    // Over the pinned rules: the figures below are theirs (a new rule would move them).
    const r = await fixture('acme', pinnedRules());
    const html = renderHtml(r);
    expect(html).toContain(`<span class="gauge-num" id="score">${r.summary.score}</span>`);
    // acme is known at 61%, under the 70% floor: no letter, the word 'Incomplete' (issue 11's managers'
    // capacity and attrition checks are unknown in it). Its Account Executive role, open since 2026-08-01 with no open
    // territory listed, is an open territory past the time to fill (s8 roster, item 2): known, where it was unknown.
    // Its role policies are not recorded: manage-not-pay-cut's policy check is unknown too (s9 verd; was up to 57, 62%).
    expect(r.summary).toMatchObject({ score: 19, upTo: 60, coverage: 59, grade: null, gradeStatus: 'incomplete' });
    expect(html).toMatch(/id="grade"[^>]*>Incomplete<\/p>/);
    expect(html).toContain(`<p class="big" id="coverage">${r.summary.coverage}%</p>`);
    expect(html).toContain('27 November 2026');
    expect(r.org.respondents.length).toBeGreaterThan(0);
    for (const who of r.org.respondents) expect(html).toContain(`<bdi>${esc(who)}</bdi>`);
    // A graded org shows its letter (85 since issue 11: its managers' coaching capacity and attrition are not stated;
    // 78 since s9 verd: its role policies are not recorded, so manage-not-pay-cut's policy check is unknown).
    const healthy = await fixture('healthy', pinnedRules());
    expect(healthy.summary).toMatchObject({ score: 78, grade: 'C', gradeStatus: 'graded' });
    expect(renderHtml(healthy)).toMatch(/id="grade"[^>]*>C<\/p>/);
  });

  it('draws the score ring in proportion to the score, the range in play up to upTo, and shows "?" when nothing applies', async () => {
    const r = await fixture('acme');
    const html = renderHtml(r);
    const c = 2 * Math.PI * 52;
    expect(html).toContain(`stroke-dasharray="${((c * r.summary.score!) / 100).toFixed(2)} ${c.toFixed(2)}"`);
    // The range still in play starts where the score ends and runs to upTo.
    expect(html).toContain(
      `class="arc in-play" cx="70" cy="70" r="52" stroke-dasharray="0 ${((c * r.summary.score!) / 100).toFixed(2)} ${((c * (r.summary.upTo! - r.summary.score!)) / 100).toFixed(2)} ${c.toFixed(2)}"`,
    );
    // Nothing known: 0, with all of it in play (an unknown earns nothing).
    const blank = await fixture('blank');
    expect(blank.summary).toMatchObject({ score: 0, upTo: 100 });
    const z = renderHtml(blank);
    expect(z).toContain('<span class="gauge-num" id="score">0</span>');
    expect(z).toContain(`class="arc in-play" cx="70" cy="70" r="52" stroke-dasharray="0 0.00 ${c.toFixed(2)} ${c.toFixed(2)}"`);
    // Every rule waived: nothing applies, no score, no ring.
    const none = await allWaived();
    expect(none.summary.score).toBeNull();
    expect(none.summary.gradeStatus).toBe('unscored');
    const b = renderHtml(none);
    expect(b).toContain('<span class="gauge-num" id="score">?</span>');
    expect(b).not.toContain('class="arc');
    expect(b).toContain('No rule applies to this organisation as described.');
  });

  it('puts fatal findings first, then the others by severity, each with its evidence and source', async () => {
    const r = await fixture('acme');
    expect(r.summary.fatal).toBeGreaterThan(0);
    const html = renderHtml(r);
    const findings = html.slice(html.indexOf('id="findings"'), html.indexOf('id="checklist"'));
    const cards = [...findings.matchAll(/<article class="finding ([^"]+)"/g)].map((m) => m[1]!);
    const firstNonFatal = cards.findIndex((c) => !c.includes('fatal'));
    expect(firstNonFatal).toBeGreaterThan(0);
    expect(cards.slice(firstNonFatal).some((c) => c.includes('fatal'))).toBe(false);
    // Every active finding's message is there, in the engine's order.
    const active = r.findings.filter((f) => !f.note && !f.suppressed);
    let at = 0;
    for (const f of active) {
      const i = findings.indexOf(esc(f.message), at);
      expect(i, f.message).toBeGreaterThan(-1);
      at = i;
    }
    // Evidence: the org-file line, and the interview answer with its respondent.
    expect(findings).toMatch(/test\/fixtures\/html\/acme\.yaml, line \d+, column \d+/);
    expect(findings).toContain('interview answer from <bdi>Lee Park (Sales lead)</bdi>');
    for (const rule of r.rules.filter((x) => active.some((f) => f.ruleId === x.id))) expect(findings).toContain(`<dd>${esc(rule.source)}</dd>`);
    // Threshold sources are cited beside the findings that use them.
    const t = active.flatMap((f) => f.thresholds).find((x) => x.source);
    expect(t).toBeDefined();
    expect(findings).toContain(esc(t!.source!));
  });

  it('lists the checklist in rank order with gain, owner and effort, and a box to tick', async () => {
    const r = await fixture('acme');
    const html = renderHtml(r);
    const rows = [...html.matchAll(/<tr data-rank="(\d+)" data-rule="([^"]+)">([\s\S]*?)<\/tr>/g)];
    expect(rows.map((m) => Number(m[1]))).toEqual(r.checklist.map((c) => c.rank));
    expect(rows.map((m) => m[2])).toEqual(r.checklist.map((c) => c.ruleId));
    // acme has all three kinds of gain cell.
    expect(r.checklist.some((c) => c.kind === 'find-out')).toBe(true);
    expect(r.checklist.some((c) => c.kind === 'fix' && c.gain > 0)).toBe(true);
    expect(r.checklist.some((c) => c.kind === 'fix' && c.gain === 0)).toBe(true);
    rows.forEach((m, i) => {
      const c = r.checklist[i]!;
      expect(m[3]).toContain(`<span class="action">${c.or ? '<i class="or">or:</i> ' : ''}${esc(c.action)}</span>`);
      // A fix: its rule's gain on the rule's first item, the others go with it; a find-out item: the most its answer can add.
      const gain = c.kind === 'find-out' ? `≤${c.gain.toFixed(1)}` : c.gain > 0 ? `+${c.gain.toFixed(1)}` : '<span class="sr-only">with the item above</span>';
      expect(m[3]).toContain(`<td class="c-gain">${gain}</td>`);
      expect(m[3]).toContain(`<td dir="auto">${esc(c.owner)}</td>`);
      expect(m[3]).toContain('<span class="box" aria-hidden="true"></span>');
    });
  });

  it("carries each rule's docs and source in the appendix, and what the not-assessed rules need", async () => {
    const r = await fixture('acme');
    const html = renderHtml(r);
    const appendix = html.slice(html.indexOf('id="appendix"'));
    for (const rule of r.rules) {
      expect(appendix).toContain(`id="rule-${rule.id}"`);
      expect(rule.docs.description.length).toBeGreaterThan(20);
      expect(appendix).toContain(esc(rule.docs.description));
      expect(appendix).toContain(esc(rule.docs.rationale));
      expect(appendix).toContain(`<b>Source.</b> ${esc(rule.source)}`);
    }
    const na = r.rules.filter((x) => x.status === 'not-assessed');
    expect(na.length).toBeGreaterThan(0);
    // Each missing fact in words a client reads, its path as a small reference (issue 12, fault 23).
    for (const x of na) for (const p of x.missing) expect(appendix).toContain(`<span class="fact" dir="auto">${esc(r.labels[p]!)}</span> <code class="path">${esc(p)}</code>`);
    // The interview's own question for a missing fact, so the reader knows what to answer.
    expect(appendix).toMatch(/<code class="path">[^<]+<\/code> — [A-Z][^<]+\?/);
  });

  it("prints on the paper asked for, and on the printer's paper otherwise", async () => {
    const r = await fixture('acme');
    expect(styleOf(renderHtml(r, { paper: 'a4' }))).toMatch(/@page \{ size: A4;/);
    expect(styleOf(renderHtml(r, { paper: 'letter' }))).toMatch(/@page \{ size: letter;/);
    expect(styleOf(renderHtml(r))).not.toMatch(/[^-]size:/);
    const css = styleOf(renderHtml(r));
    expect(css).toContain('counter(page)');
    expect(css).toMatch(/\.finding[^{]*\{[^}]*box-decoration-break/);
    expect(css).toMatch(/\.item \{ break-inside: avoid;/);
  });

  it('keeps the fixtures honest: the hostile file has markup in its text fields', () => {
    const text = readFileSync(`${FIXTURES}hostile.yaml`, 'utf8');
    expect(text.match(/<script>/g)!.length).toBeGreaterThanOrEqual(5);
    expect(longDate('2026-02-03')).toBe('3 February 2026');
  });
});

describe('category chart', () => {
  const cats = (scores: (number | null)[]): CategoryScore[] =>
    (['leadership', 'strategy', 'process', 'people', 'enablement', 'compensation'] as const).map((id, i) => ({
      id,
      title: id.charAt(0).toUpperCase() + id.slice(1),
      score: scores[i] ?? null,
      upTo: scores[i] ?? null,
      coverage: scores[i] === null ? 0 : 100 - i,
      rules: [],
    }));

  it('draws one bar per category, as long as its score, with the value written beside it', async () => {
    const base = await fixture('acme');
    const scores = [100, 75, 40, null, 0, 90];
    const r: AuditReport = { ...base, categories: cats(scores) };
    const html = renderHtml(r);
    const rows = [...html.matchAll(/<g class="bar-row" data-category="(\w+)" data-score="(\d*)">([\s\S]*?)<\/g>/g)];
    expect(rows.map((m) => m[1])).toEqual(r.categories.map((c) => c.id));
    expect(rows.map((m) => (m[2] === '' ? null : Number(m[2])))).toEqual(scores);
    rows.forEach((m, i) => {
      const s = scores[i]!;
      const body = m[3]!;
      expect(body).toContain(`>${r.categories[i]!.title}</text>`);
      expect(body).toContain(`>${r.categories[i]!.coverage}%</text>`);
      if (s === null) {
        expect(body).toContain('>not assessed</text>');
        expect(body).not.toContain('class="bar ');
      } else {
        const width = Number(/class="bar band-\w+" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/.exec(body)![1]);
        expect(width).toBeCloseTo((440 * s) / 100, 1);
        expect(body).toMatch(new RegExp(`class="bar-value[^"]*"[^>]*>${s}</text>`));
      }
    });
    // Bands: solid 90+, stripes 70-89, cross-hatch under 70, so grey-scale print still tells them apart.
    expect(rows[0]![3]).toContain('band-good');
    expect(rows[0]![3]).not.toContain('class="stripe"');
    expect(rows[1]![3]).toContain('band-fair');
    expect(rows[1]![3]).toContain('class="stripe"');
    expect(rows[2]![3]).toContain('band-weak');
    expect(rows[2]![3]).toContain('class="hatch"');
    // The chart names every value for screen readers too.
    expect(html).toContain('Strategy: 75 out of 100, coverage 99%');
    expect(html).toContain('People: not assessed');
  });

  it('keeps hatching inside the bar', () => {
    for (const dir of [1, -1] as const) {
      const d = hatch(10, 20, 37, 12, 6, dir);
      const pts = [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      expect(pts.length).toBeGreaterThan(8);
      for (const [x, y] of pts) {
        expect(x).toBeGreaterThanOrEqual(10);
        expect(x).toBeLessThanOrEqual(47);
        expect(y).toBeGreaterThanOrEqual(20);
        expect(y).toBeLessThanOrEqual(32);
      }
    }
  });
});
