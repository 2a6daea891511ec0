// The HTML report in a real browser: Chromium as installed on the machine
// (Debian's `chromium` package in CI), driven by playwright-core; no browser is
// ever downloaded. Each org's report is opened with every request outside
// file: and data: refused, then checked for what a reader sees (score, grade,
// chart, checklist), for console errors, for accessibility (axe-core), and
// printed to PDF. Screenshots and PDFs go to SALES_AUDIT_ARTIFACTS (default: a
// folder under the system temp dir) so a person can look at them.
//
// Without a browser these tests cannot run: one test then says so plainly and
// passes, unless SALES_AUDIT_REQUIRE_BROWSER=1 (set by .ci/run), where it fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/engine/types';
import { renderHtml, type Paper } from '../../src/report/html';
import { pdfPageCount } from '../../src/report/pdf';
import { didNotRun, launchBrowser, systemBrowser } from '../helpers/browser';
import { DATE, FIXTURES, reportOf, ROOT } from '../report/helpers';

const ARTIFACTS = process.env.SALES_AUDIT_ARTIFACTS ?? join(tmpdir(), 'sales-audit-browser');

const found = systemBrowser();

// The example orgs (templates/examples) and the renderer's own fixtures.
const EXAMPLES_DIR = `${ROOT}templates/examples/`;
const ORGS: { name: string; path: string }[] = [
  ...(existsSync(EXAMPLES_DIR)
    ? readdirSync(EXAMPLES_DIR)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : []
  ).map((f) => ({ name: `example-${f.slice(0, -5)}`, path: EXAMPLES_DIR + f })),
  ...['acme', 'healthy', 'hostile', 'blank', 'all-waived'].map((n) => ({ name: `fixture-${n}`, path: `${FIXTURES}${n}.yaml` })),
];

const A4 = [595, 842];
const LETTER = [612, 792];
function pageSizes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

if (!found.path) didNotRun('browser tests', 'sales-audit browser tests', found);
else {
  const browserPath = found.path;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchBrowser(browserPath);
    dir = mkdtempSync(join(tmpdir(), 'sales-audit-html-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    console.info(`browser tests: ${browserPath} ${browser.version()}; screenshots and PDFs in ${ARTIFACTS}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  interface Opened {
    page: Page;
    context: BrowserContext;
    /** Console errors, page errors, dialogs (alert...) and refused requests. */
    problems: string[];
    requests: string[];
  }

  async function open(html: string, name: string, opts: { bypassCSP?: boolean } = {}): Promise<Opened> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const context = await browser.newContext({ viewport: { width: 1100, height: 1400 }, bypassCSP: opts.bypassCSP ?? false });
    const problems: string[] = [];
    const requests: string[] = [];
    // Every request outside file: and data: is refused and counted as a failure.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      problems.push(`request to ${url}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, context, problems, requests };
  }

  async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; nodes: number }[]> {
    // CDP evaluation is not subject to the page's CSP, so axe runs without weakening it.
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(source);
    // Page-side code is passed as text: this project compiles without the DOM library.
    const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] };
    const result = (await page.evaluate(`axe.run(document, ${JSON.stringify(options)})`)) as { violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] };
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  }

  const reports = new Map<string, AuditReport>();
  const reportFor = async (o: { name: string; path: string }) => {
    if (!reports.has(o.name)) reports.set(o.name, await reportOf(o.path));
    return reports.get(o.name)!;
  };

  describe.each(ORGS)('$name', (org) => {
    it('shows score, grade, chart and checklist; no error, no request, no script', async () => {
      const r = await reportFor(org);
      const { page, context, problems, requests } = await open(renderHtml(r, { paper: 'a4' }), org.name);
      try {
        const score = page.locator('#score');
        await expect(score.isVisible()).resolves.toBe(true);
        expect((await score.textContent())?.trim()).toBe(r.summary.score === null ? '?' : String(r.summary.score));
        const grade = page.locator('#grade');
        await expect(grade.isVisible()).resolves.toBe(true);
        // A letter when graded; under the coverage floor 'Incomplete'; a dash when nothing applies.
        expect((await grade.textContent())?.trim()).toBe(r.summary.grade ?? (r.summary.gradeStatus === 'incomplete' ? 'Incomplete' : '–'));
        expect((await page.locator('#coverage').textContent())?.trim()).toBe(`${r.summary.coverage}%`);
        // The score ring is drawn when there is a score.
        if (r.summary.score !== null && r.summary.score > 0) {
          const arc = await page.locator('.gauge .arc:not(.in-play)').boundingBox();
          expect(arc!.width).toBeGreaterThan(10);
        }
        // The range still in play (up to) is a second, lighter arc, drawn only when the unknowns could raise the score.
        const inPlay = page.locator('.gauge .arc.in-play');
        if (r.summary.score !== null && r.summary.upTo! > r.summary.score) {
          expect((await inPlay.boundingBox())!.width).toBeGreaterThan(10);
          expect((await page.locator('#score-range').textContent())?.trim()).toBe(`up to ${r.summary.upTo} once the unknowns are known`);
        } else expect(await inPlay.count()).toBe(0);

        const chart = page.locator('#category-chart');
        await expect(chart.isVisible()).resolves.toBe(true);
        const box = await chart.boundingBox();
        expect(box!.width).toBeGreaterThan(500);
        expect(box!.height).toBeGreaterThan(150);
        const rows = page.locator('#category-chart .bar-row');
        expect(await rows.count()).toBe(r.categories.length);
        for (const [i, c] of r.categories.entries()) {
          const row = rows.nth(i);
          expect(await row.getAttribute('data-score')).toBe(c.score === null ? '' : String(c.score));
          const text = (await row.textContent()) ?? '';
          expect(text).toContain(c.title);
          expect(text).toContain(c.score === null ? 'not assessed' : String(c.score));
          if (c.score) expect((await row.locator('rect.bar').first().boundingBox())!.width).toBeGreaterThan(0);
        }

        const checklistRows = page.locator('table.checklist tbody tr');
        expect(await checklistRows.count()).toBe(r.checklist.length);
        if (r.checklist.length) {
          await checklistRows.first().scrollIntoViewIfNeeded();
          await expect(checklistRows.first().isVisible()).resolves.toBe(true);
          expect(await page.locator('table.checklist tbody tr .box').count()).toBe(r.checklist.length);
          expect(await checklistRows.first().locator('.action').textContent()).toBe(r.checklist[0]!.action);
        } else await expect(page.locator('#checklist').isVisible()).resolves.toBe(true);

        const dom = await page.evaluate(`({
          scripts: document.querySelectorAll('script').length,
          handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + '[' + a.name + ']')),
          external: [...document.querySelectorAll('[src],[href]')].map((el) => el.getAttribute('src') ?? el.getAttribute('href')).filter((u) => !u.startsWith('#')),
        })`);
        expect(dom).toEqual({ scripts: 0, handlers: [], external: [] });
        expect(problems).toEqual([]);
        expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);

        // The cover and the checklist as a reader first sees them (the PDFs show the rest).
        await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({ path: join(ARTIFACTS, `${org.name}.png`) });
        await page.locator('#checklist').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(ARTIFACTS, `${org.name}-checklist.png`) });
      } finally {
        await context.close();
      }
    }, 60_000);

    it('prints to a clean PDF on A4 and on Letter', async () => {
      const r = await reportFor(org);
      const counts: Record<Paper, number> = { a4: 0, letter: 0 };
      for (const paper of ['a4', 'letter'] as const) {
        const { page, context, problems } = await open(renderHtml(r, { paper }), `${org.name}-${paper}`);
        try {
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
          writeFileSync(join(ARTIFACTS, `${org.name}-${paper}.pdf`), pdf);
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          counts[paper] = pdfPageCount(pdf);
          const sizes = pageSizes(pdf);
          expect(sizes).toHaveLength(counts[paper]);
          for (const s of sizes) expect(s).toEqual(paper === 'a4' ? A4 : LETTER);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      }
      // A cover, then findings, checklist and appendix each from a new page; bounded, and about the same on either paper.
      const minPages = r.checklist.length ? 4 : 3;
      for (const n of Object.values(counts)) {
        expect(n).toBeGreaterThanOrEqual(minPages);
        expect(n).toBeLessThanOrEqual(30);
      }
      expect(Math.abs(counts.a4 - counts.letter)).toBeLessThanOrEqual(3);
    }, 60_000);

    it('passes axe-core with no serious or critical violation', async () => {
      const r = await reportFor(org);
      const { page, context } = await open(renderHtml(r), `${org.name}-axe`);
      try {
        const found = await axeViolations(page);
        // Print styles change sizes, not colours or structure: checked once, on the fullest report (axe takes seconds).
        if (org.name === 'fixture-acme') {
          await page.emulateMedia({ media: 'print' });
          found.push(...(await axeViolations(page)));
        }
        const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  });

  describe('a hostile org file', () => {
    it('shows its markup as text, runs no script, and the policy blocks a script even if one got in', async () => {
      const r = await reportOf(`${FIXTURES}hostile.yaml`);
      const { page, context, problems } = await open(renderHtml(r), 'hostile-csp');
      try {
        expect(await page.locator('h1').textContent()).toBe(r.org.company);
        expect(r.org.company).toContain("<script>alert('company')</script>");
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text).toContain("<img src=x onerror=alert('person')> O'Brien & \"Sons\"");
        expect(text).toContain('株式会社');
        expect(problems).toEqual([]);
        // Defence in depth: a script added to the page is refused by the Content-Security-Policy.
        await page.evaluate(`{
          const s = document.createElement('script');
          s.textContent = 'window.__ran = true';
          document.body.append(s);
          const img = document.createElement('img');
          img.src = 'https://example.com/pixel.png';
          document.body.append(img);
        }`);
        await page.waitForTimeout(200);
        expect(await page.evaluate('window.__ran')).toBeUndefined();
        expect(problems.some((p) => /Content Security Policy/i.test(p))).toBe(true);
        expect(problems.some((p) => p.startsWith('request to'))).toBe(false);
      } finally {
        await context.close();
      }
    }, 60_000);
  });

  // Issue 12, fault 21: a 150-character URL in a friction description widened
  // the report to 1646 px in a 1000 px window, and in the PDF the checklist
  // lost its Owner, Effort and Gain columns on every page.
  describe('long unbroken strings (a URL, a long name)', () => {
    // A4's printable width (210 mm less 2 x 16 mm margins) in CSS pixels.
    const A4_PRINTABLE = Math.floor(((210 - 32) / 25.4) * 96);
    const overflow = `(() => {
      const doc = document.documentElement;
      const width = doc.clientWidth;
      const wide = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > width + 0.5).map((e) => e.tagName + '.' + e.className).slice(0, 5);
      const cols = [...document.querySelectorAll('table.checklist thead th')].map((th) => { const b = th.getBoundingClientRect(); return { name: th.textContent, left: b.left, right: b.right, width: b.width }; });
      return { scrollWidth: doc.scrollWidth, width, wide, cols };
    })()`;
    type Layout = { scrollWidth: number; width: number; wide: string[]; cols: { name: string; left: number; right: number; width: number }[] };

    it('the fixture does hold them: the URL reaches the report and the checklist', async () => {
      const r = await reportOf(`${FIXTURES}long-words.yaml`);
      const html = renderHtml(r);
      expect(html).toContain('Version14FinalApproved.pdf?revision=20260214');
      expect(r.checklist.some((c) => c.action.length > 60 || c.owner.length > 40) || html.includes('Credit_Control_Team')).toBe(true);
    });

    it.each([1000, 760, 480])(
      'on a %i px screen nothing is wider than the window',
      async (width) => {
        const r = await reportOf(`${FIXTURES}long-words.yaml`);
        const { page, context } = await open(renderHtml(r), `long-words-${width}`);
        try {
          await page.setViewportSize({ width, height: 1200 });
          const l = (await page.evaluate(overflow)) as Layout;
          expect(l.wide).toEqual([]);
          expect(l.scrollWidth).toBeLessThanOrEqual(width);
          await page.screenshot({ path: join(ARTIFACTS, `long-words-${width}.png`), fullPage: false });
        } finally {
          await context.close();
        }
      },
      60_000,
    );

    it('printed on A4, the checklist keeps every column, Owner, Effort and Gain included, inside the page', async () => {
      const r = await reportOf(`${FIXTURES}long-words.yaml`);
      const { page, context } = await open(renderHtml(r, { paper: 'a4' }), 'long-words-print');
      try {
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: A4_PRINTABLE, height: 1100 });
        const l = (await page.evaluate(overflow)) as Layout;
        expect(l.wide).toEqual([]);
        expect(l.scrollWidth).toBeLessThanOrEqual(A4_PRINTABLE);
        expect(l.cols.map((c) => c.name)).toEqual(['Done', '#', 'Action', 'Owner', 'Effort', 'Gain']);
        for (const c of l.cols) {
          expect(c.right, c.name).toBeLessThanOrEqual(A4_PRINTABLE + 0.5);
          expect(c.width, c.name).toBeGreaterThan(20);
        }
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        writeFileSync(join(ARTIFACTS, 'long-words-a4.pdf'), pdf);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      } finally {
        await context.close();
      }
    }, 60_000);
  });

  describe('sales-audit audit --format pdf', () => {
    const BIN = `${ROOT}bin/sales-audit.js`;
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SALES_AUDIT_CHROME: browserPath, ...env }, timeout: 120_000 });

    it('prints through the installed browser, the same bytes every time, on the paper asked for', () => {
      const out = mkdtempSync(join(tmpdir(), 'sales-audit-pdf-cli-'));
      const org = 'test/fixtures/html/acme.yaml';
      const a = run(['audit', org, '--date', DATE, '--format', 'pdf', '--output', join(out, 'a.pdf')]);
      expect(a.stderr).toContain(`wrote pdf report to ${join(out, 'a.pdf')}`);
      expect(a.status).toBe(0);
      const b = run(['audit', org, '--date', DATE, '--format', 'pdf', '--output', join(out, 'b.pdf')]);
      expect(b.status).toBe(0);
      const pa = readFileSync(join(out, 'a.pdf'));
      expect(pa.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pa.equals(readFileSync(join(out, 'b.pdf')))).toBe(true);
      expect(pa.toString('latin1')).toContain('/CreationDate (D:20261127000000');
      expect(pdfPageCount(pa)).toBeGreaterThanOrEqual(4);
      for (const s of pageSizes(pa)) expect(s).toEqual(A4);
      const l = run(['audit', org, '--date', DATE, '--format', 'pdf', '--output', join(out, 'l.pdf'), '--paper', 'letter']);
      expect(l.status).toBe(0);
      for (const s of pageSizes(readFileSync(join(out, 'l.pdf')))) expect(s).toEqual(LETTER);
      writeFileSync(join(ARTIFACTS, 'cli-acme.pdf'), pa);
    }, 120_000);
  });
}
