// Issue 17 item 13: the printed report reads like a deliverable. Every bundled
// example is printed by Chromium (playwright-core, the installed browser) on A4
// and on Letter, and the PDF itself is read back (pdfjs-dist: each page's text
// lines and where they sit), so the checks are about where text really landed:
//
// - a page count within the bound stated below for each example;
// - no page starts with a finding's "Source" or "Threshold" row (cut from its card);
// - no page holds only a heading, and none ends with one (its text on the next page);
// - each finding's card is on one page: its title and its Source row on the same page.
//
// Without a browser these tests cannot run: one test then says so plainly and
// passes, unless SALES_AUDIT_REQUIRE_BROWSER=1 (set by CI), where it fails.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, type Paper } from '../../src/report/html';
import { didNotRun, launchBrowser, systemBrowser } from '../helpers/browser';
import { pdfPages, type PdfLine, type PdfPage } from '../helpers/pdf-text';
import { reportOf, ROOT } from '../report/helpers';

const ARTIFACTS = process.env.SALES_AUDIT_ARTIFACTS ?? join(tmpdir(), 'sales-audit-browser');

const EXAMPLES_DIR = `${ROOT}templates/examples/`;
const EXAMPLES = existsSync(EXAMPLES_DIR)
  ? readdirSync(EXAMPLES_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
  : [];

/**
 * The most pages each example may print to, on A4 and on Letter. Measured on
 * this branch (A4: healthy-org 9, mid-size-gaps 19, roster-team 17,
 * struggling-startup 24); a change that adds a page or two to an example is
 * fine, one that adds more (a card or section pushed onto pages of its own,
 * gaps from broken keep rules) fails here and is looked at. Issue 11's facts
 * then grew mid-size-gaps by content (its AE policy, span of control, the
 * compensation review, a fix on the checklist for each finding): 22 on A4,
 * 24 on Letter. s9 fpol's longer manage-not-pay-cut description (the graded
 * policy check) took roster-team from 19 to 20 pages on Letter.
 */
const MAX_PAGES: Record<string, number> = { 'healthy-org.yaml': 11, 'mid-size-gaps.yaml': 25, 'roster-team.yaml': 20, 'struggling-startup.yaml': 26 };
const DEFAULT_MAX = 26;

const found = systemBrowser();

/** The page's running header (the company and date, at the top) and footer ("Page n of m") are not its content. */
const bodyOf = (p: PdfPage): PdfLine[] => p.lines.filter((l) => !(l.top < 45 && l.size < 9) && !(l.top > p.height - 45 && /Page \d+ of \d+$/.test(l.text)));
/** Headings: h2 (16 pt), h3 (12.5 pt) and a card's or rule's title (11.2 pt); body text is 10 pt and less. */
const isHeading = (l: PdfLine) => l.size >= 11;
/** A finding card's citation rows (the appendix writes "Source." with a full stop). */
const isCite = (l: PdfLine) => /^(Source|Threshold) (?!\.)/.test(l.text);

if (!found.path) didNotRun('PDF pages', 'sales-audit PDF page tests', found);
else {
  const browserPath = found.path;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(browserPath);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function printed(example: string, paper: Paper): Promise<PdfPage[]> {
    const report = await reportOf(`${EXAMPLES_DIR}${example}`);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(renderHtml(report, { paper }), { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(join(ARTIFACTS, `pages-${example.slice(0, -5)}-${paper}.pdf`), pdf);
      return await pdfPages(pdf);
    } finally {
      await context.close();
    }
  }

  it('there are bundled examples to print', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(EXAMPLES)('%s', (example) => {
    it.each(['a4', 'letter'] as const)(
      'on %s: bounded page count, no orphaned Source row, no lone heading, every card on one page',
      async (paper) => {
        const pages = await printed(example, paper);
        const where = (i: number) => `${example} ${paper} page ${i + 1} of ${pages.length}`;
        expect(pages.length, `${example} ${paper}: ${pages.length} pages`).toBeLessThanOrEqual(MAX_PAGES[example] ?? DEFAULT_MAX);
        expect(pages.length).toBeGreaterThanOrEqual(3);

        pages.forEach((p, i) => {
          const body = bodyOf(p);
          expect(body.length, `${where(i)} is empty`).toBeGreaterThan(0);
          expect(isCite(body[0]!), `${where(i)} starts with "${body[0]!.text}", cut from its card`).toBe(false);
          expect(body.every(isHeading), `${where(i)} holds only a heading: ${body.map((l) => l.text).join(' / ')}`).toBe(false);
          expect(isHeading(body.at(-1)!), `${where(i)} ends with the heading "${body.at(-1)!.text}"`).toBe(false);
        });

        // Cards, in the findings section: from a card's title (11.2 pt) to its Source row, on one page.
        const lines = pages.flatMap((p, i) => bodyOf(p).map((l) => ({ ...l, page: i })));
        const from = lines.findIndex((l) => /^Findings \(\d+\)$/.test(l.text));
        const to = lines.findIndex((l) => l.text === 'Remediation checklist');
        expect(from).toBeGreaterThanOrEqual(0);
        let start: (PdfLine & { page: number }) | undefined;
        let cards = 0;
        for (const l of lines.slice(from + 1, to < 0 ? undefined : to)) {
          if (l.size >= 11 && l.size < 12 && !start) start = l;
          else if (isCite(l) && l.text.startsWith('Source') && start) {
            expect(l.page, `${example} ${paper}: the card "${start.text}" starts on page ${start.page + 1} and its Source row is on page ${l.page + 1}`).toBe(start.page);
            start = undefined;
            cards++;
          }
        }
        // Every card was seen (each has a Source row): as many as the report's rule groups with findings.
        expect(cards).toBeGreaterThan(0);
      },
      60_000,
    );
  });
}
