// The history chart (SVG), the diff page and the audit report's "since the
// last audit" section in a real browser: Chromium as installed on the machine,
// driven by playwright-core (no browser is downloaded). Each page is opened
// with every request outside file: refused and checked for console errors,
// page errors and what a reader sees; axe-core checks accessibility.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffAudits } from '../../src/engine/diff';
import { historyPoint, HISTORY_SCHEMA_VERSION, type History } from '../../src/engine/history';
import { CATEGORIES, type Category } from '../../src/engine/types';
import { gaugeDelta, renderDiffHtml, sinceSection, SINCE_CSS } from '../../src/report/diff-html';
import { renderHistoryHtml } from '../../src/report/history-html';
import { renderHtml } from '../../src/report/html';
import { didNotRun, launchBrowser, systemBrowser } from '../helpers/browser';
import { reportOf, ROOT } from '../report/helpers';

const EX = `${ROOT}templates/examples/`;

const found = systemBrowser();

async function history(): Promise<History> {
  // Five points from the bundled examples, one with a version that could not be read.
  const files = ['struggling-startup', 'mid-size-gaps', 'roster-team', 'healthy-org'];
  const points = [];
  for (const [i, f] of files.entries()) {
    const date = `2026-0${i + 1}-15`;
    points.push(historyPoint({ hash: `${i}`.repeat(40), date, subject: `<b>step</b> ${i + 1}`, path: 'acme.yaml' }, await reportOf(`${EX}${f}.yaml`, date)));
  }
  points.splice(2, 0, {
    ...points[1]!,
    commit: 'f'.repeat(40),
    date: '2026-02-20',
    score: null,
    upTo: null,
    coverage: null,
    grade: null,
    gradeStatus: null,
    categories: {},
    error: 'acme.yaml:1:10: bad',
  });
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    tool: { name: 'sales-audit', version: '0.0.0-test' },
    file: 'orgs/<acme>.yaml',
    categories: (Object.keys(CATEGORIES) as Category[]).map((id) => ({ id, title: CATEGORIES[id] })),
    points,
  };
}

if (!found.path) didNotRun('browser tests (progress)', 'sales-audit browser tests', found);
else {
  const browserPath = found.path;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchBrowser(browserPath);
    dir = mkdtempSync(join(tmpdir(), 'sales-audit-progress-'));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string, name: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const context = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      problems.push(`request to ${url}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      // Any console message of error level, CSP refusals included.
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, problems, close: () => context.close() };
  }

  async function axe(page: Page) {
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(source);
    const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }, resultTypes: ['violations'] };
    const r = (await page.evaluate(`axe.run(document, ${JSON.stringify(options)})`)) as { violations: { id: string; impact: string | null }[] };
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  }

  describe('history', () => {
    it('the SVG chart renders: a line for score and coverage, a mark per audited commit, no console error', async () => {
      const h = await history();
      const { page, problems, close } = await open(renderHistoryHtml(h), 'history');
      try {
        const svg = page.locator('svg.history-chart');
        expect(await svg.isVisible()).toBe(true);
        const box = await svg.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        const audited = h.points.filter((p) => p.score !== null);
        expect(await page.locator('circle.mark-score').count()).toBe(audited.length);
        expect(await page.locator('rect.mark-coverage').count()).toBe(audited.length);
        // The version that could not be read breaks the score line in two.
        const d = (await page.locator('path.line-score').getAttribute('d'))!;
        expect(d.match(/M/g)).toHaveLength(2);
        // The marks sit where the scores say: higher score, higher on the page.
        const ys = await page.evaluate("[...document.querySelectorAll('circle.mark-score')].map((e) => e.getBoundingClientRect().top)");
        const scores = audited.map((p) => p.score!);
        for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[i - 1]!) expect((ys as number[])[i]).toBeLessThan((ys as number[])[i - 1]!);
        // The file name and commit messages are text, not markup.
        expect(await page.locator('h1').textContent()).toBe('History of orgs/<acme>.yaml');
        expect(await page.locator('td b').count()).toBe(0);
        // One trend line per category, broken where the version could not be read.
        expect(await page.locator('svg.trend').count()).toBe(h.categories.length);
        expect(((await page.locator('svg.trend path.trend-line').first().getAttribute('d'))!.match(/M/g) ?? []).length).toBe(2);
        expect(await axe(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });
  });

  describe('diff and audit --baseline', () => {
    it('the diff page and the report with "since the last audit" render with no console error', async () => {
      const before = await reportOf(`${EX}mid-size-gaps.yaml`);
      const after = await reportOf(`${EX}healthy-org.yaml`);
      const d = diffAudits({ report: before, label: 'main:acme.yaml' }, { report: after, label: 'acme.yaml' });
      const page1 = await open(renderDiffHtml(d), 'diff');
      try {
        expect(await page1.page.locator('.df-resolved').count()).toBe(d.findings.resolved.length + d.checklist.done.length);
        expect(await axe(page1.page)).toEqual([]);
        expect(page1.problems).toEqual([]);
      } finally {
        await page1.close();
      }
      // The report of an org with points still in play (a range under the ring), against a weaker one.
      const weak = await reportOf(`${EX}struggling-startup.yaml`);
      const d2 = diffAudits({ report: weak, label: 'first.json' }, { report: before, label: 'acme.yaml' });
      expect(before.summary.upTo!).toBeGreaterThan(before.summary.score!);
      const page2 = await open(renderHtml(before, { extra: { html: sinceSection(d2), css: SINCE_CSS, gauge: gaugeDelta(d2) } }), 'since');
      try {
        expect(await page2.page.locator('#since').isVisible()).toBe(true);
        expect((await page2.page.locator('#since-score').textContent())?.trim()).toBe(`▲ +${before.summary.score! - weak.summary.score!}`);
        // The change sits on the gauge's card too.
        expect((await page2.page.locator('.score-card #gauge-delta').textContent())?.trim()).toBe(`▲ +${before.summary.score! - weak.summary.score!} since ${weak.auditDate}`);
        // Nothing of the score card spills out of it (the ring's "up to" line sits below the ring).
        const inside = await page2.page.evaluate(
          "(() => { const card = document.querySelector('.score-card').getBoundingClientRect(); return [...document.querySelectorAll('.score-card > *, .score-card .gauge-range')].every((e) => { const b = e.getBoundingClientRect(); return b.top >= card.top && b.bottom <= card.bottom; }); })()",
        );
        expect(inside).toBe(true);
        // The section's style applies (the CSP allows it by hash): resolved findings are struck through.
        const deco = await page2.page.evaluate("getComputedStyle(document.querySelector('#since .df-resolved .msg')).textDecorationLine");
        expect(deco).toBe('line-through');
        expect(page2.problems).toEqual([]);
      } finally {
        await page2.close();
      }
    });
  });
}
