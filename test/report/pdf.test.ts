// The parts of --format pdf that need no browser: finding one, the arguments
// it gets, and the post-processing of its output. The real printing is tested
// in test/browser.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserArgs, findBrowser, normaliseDates, pdfPageCount, PdfError } from '../../src/report/pdf';

function fakeBin(dir: string, name: string, mode = 0o755): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, '#!/bin/sh\nexit 0\n');
  chmodSync(p, mode);
  return p;
}

describe('findBrowser', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sales-audit-pdf-test-'));

  it('finds the first known command on PATH, in the documented order', () => {
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    fakeBin(a, 'google-chrome');
    const chromium = fakeBin(b, 'chromium');
    expect(findBrowser({ PATH: `${a}:${b}` })).toBe(chromium);
    expect(findBrowser({ PATH: a })).toBe(join(a, 'google-chrome'));
  });

  it('skips files that are not executable and returns undefined when there is no browser', () => {
    const c = join(tmp, 'c');
    fakeBin(c, 'chromium', 0o644);
    expect(findBrowser({ PATH: c })).toBeUndefined();
    expect(findBrowser({ PATH: '' })).toBeUndefined();
    expect(findBrowser({})).toBeUndefined();
  });

  it('prefers SALES_AUDIT_CHROME, then CHROME_PATH, over PATH', () => {
    const d = join(tmp, 'd');
    const mine = fakeBin(d, 'my-chrome');
    const other = fakeBin(d, 'other-chrome');
    const onPath = fakeBin(join(tmp, 'e'), 'chromium');
    expect(findBrowser({ SALES_AUDIT_CHROME: mine, CHROME_PATH: other, PATH: join(tmp, 'e') })).toBe(mine);
    expect(findBrowser({ CHROME_PATH: other, PATH: join(tmp, 'e') })).toBe(other);
    expect(findBrowser({ SALES_AUDIT_CHROME: '', PATH: join(tmp, 'e') })).toBe(onPath);
  });

  it('says so when the variable points at nothing runnable, instead of falling back silently', () => {
    expect(() => findBrowser({ SALES_AUDIT_CHROME: join(tmp, 'missing'), PATH: join(tmp, 'e') })).toThrow(PdfError);
    expect(() => findBrowser({ CHROME_PATH: tmp })).toThrow(/CHROME_PATH=.* is not an executable file; install Chromium/);
  });
});

describe('browserArgs', () => {
  it("prints headless, without the browser's own header and footer, with no network chatter", () => {
    const args = browserArgs('/tmp/x', '/tmp/x/report.html', '/tmp/x/report.pdf', false);
    expect(args).toEqual(
      expect.arrayContaining(['--headless', '--no-pdf-header-footer', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--print-to-pdf=/tmp/x/report.pdf']),
    );
    expect(args).toContain('--user-data-dir=/tmp/x/profile');
    expect(args.at(-1)).toBe('file:///tmp/x/report.html');
    expect(args).not.toContain('--no-sandbox');
    expect(browserArgs('/tmp/x', '/tmp/x/r.html', '/tmp/x/r.pdf', true)).toContain('--no-sandbox');
  });
});

describe('PDF post-processing', () => {
  const pdf = Buffer.from(
    "%PDF-1.4\n1 0 obj\n<</Title (x)\n/CreationDate (D:20261127033147+00'00')\n/ModDate (D:20261127033148+00'00')>>\nendobj\n" +
      '3 0 obj <</Type /Pages /Count 2>> endobj 4 0 obj <</Type /Page>> endobj 5 0 obj <</Type/Page /Parent 3 0 R>> endobj\nxref\n',
    'latin1',
  );

  it('sets the creation and modification dates to the audit date, keeping every offset', () => {
    const out = normaliseDates(pdf, '2026-01-05');
    expect(out.length).toBe(pdf.length);
    const text = out.toString('latin1');
    expect(text).toContain("/CreationDate (D:20260105000000+00'00')");
    expect(text).toContain("/ModDate (D:20260105000000+00'00')");
    expect(text.indexOf('xref')).toBe(pdf.toString('latin1').indexOf('xref'));
  });

  it('counts pages, not the page tree', () => {
    expect(pdfPageCount(pdf)).toBe(2);
  });
});
