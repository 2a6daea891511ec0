// The PDF names every rule a checklist item moves, as the HTML it is printed from does (test/report/item-rules.test.ts
// checks the other formats): the partial roster's item moves five rules.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html';
import { didNotRun, launchBrowser, systemBrowser } from '../helpers/browser';
import { PARTIAL_ROSTER_ACTION, partialRosterReport, ROSTER_RULES } from '../helpers/partial-roster-report';
import { pdfPages } from '../helpers/pdf-text';

const found = systemBrowser();

if (!found.path) didNotRun('PDF item rules', 'sales-audit PDF checklist rule tests', found);
else {
  const browserPath = found.path;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(browserPath);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe('the PDF checklist', () => {
    it('names the five rules the partial roster item moves', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.setContent(renderHtml(await partialRosterReport(), { paper: 'a4' }), { waitUntil: 'load' });
        const lines = (await pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).flatMap((p) => p.lines.map((l) => l.text));
        // The checklist's row (the cover's list of top items names it first, without rules), and the lines under it.
        const at = lines.map((l) => l.includes('List the 2 people the roster')).lastIndexOf(true);
        expect(at).toBeGreaterThanOrEqual(0);
        // Without spaces: the table's cells share lines, and a long id breaks at its hyphen.
        const row = lines
          .slice(at, at + 4)
          .join('')
          .replace(/\s+/g, '');
        expect(row).toContain(PARTIAL_ROSTER_ACTION.slice(0, 30).replace(/\s+/g, ''));
        for (const id of ROSTER_RULES) expect(row, id).toContain(id);
      } finally {
        await context.close();
      }
    }, 60_000);
  });
}
