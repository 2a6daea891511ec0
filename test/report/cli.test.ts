// audit --format html | csv | pdf through the built binary: what a user runs.
// The PDF's happy path needs a browser and lives in test/browser.
import { parse } from 'csv-parse/sync';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATE } from '../e2e/run';

const ORG = 'test/fixtures/html/acme.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'sales-audit-report-cli-'));
/** An environment where no browser can be found. */
const NO_BROWSER = { PATH: '/nonexistent', SALES_AUDIT_CHROME: undefined, CHROME_PATH: undefined };

describe('audit --format html', () => {
  it('writes one self-contained file, the same bytes on every run', () => {
    const dir = tmp();
    const a = cli(['audit', ORG, '--date', DATE, '--format', 'html', '--output', join(dir, 'a.html')]);
    expect(a.code).toBe(0);
    const b = cli(['audit', ORG, '--date', DATE, '--format', 'html']);
    expect(b.code).toBe(0);
    const html = readFileSync(join(dir, 'a.html'), 'utf8');
    expect(b.stdout).toBe(html);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("default-src 'none'".replace(/'/g, '&#39;'));
    expect(html).toContain('<h1 dir="auto">Acme Widgets</h1>');
    expect(html).not.toMatch(/<script|<link|@import|url\(http/i);
  });

  it('prints on the paper asked for, and rejects any other', () => {
    const r = cli(['audit', ORG, '--date', DATE, '--format', 'html', '--paper', 'letter']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('size: letter;');
    const bad = cli(['audit', ORG, '--date', DATE, '--format', 'html', '--paper', 'a3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--paper.*expected a4 or letter/);
  });
});

describe('audit --format csv', () => {
  it('exports the checklist a spreadsheet can open, matching the JSON report', () => {
    const csv = cli(['audit', ORG, '--date', DATE, '--format', 'csv']);
    const json = cli(['audit', ORG, '--date', DATE, '--format', 'json']);
    expect(csv.code).toBe(0);
    const report = JSON.parse(json.stdout);
    const rows = parse(csv.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(report.checklist.length);
    expect(rows.map((x) => [Number(x.rank), x.rule, x.action, x.owner, x.effort, Number(x.gain), x.status])).toEqual(
      report.checklist.map((c: { rank: number; ruleId: string; ruleIds?: string[]; action: string; owner: string; effort: string; gain: number; status: string }) => [
        c.rank,
        (c.ruleIds ?? [c.ruleId]).join(' '),
        c.action,
        c.owner,
        c.effort,
        c.gain,
        c.status,
      ]),
    );
    expect(csv.stdout.split('\r\n').length).toBe(report.checklist.length + 2);
  });
});

describe('audit --format pdf, when it cannot print', () => {
  it('needs --output', () => {
    const r = cli(['audit', ORG, '--date', DATE, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sales-audit: --format pdf writes a binary file: give --output <file.pdf> right after it\n$/);
  });

  it('says what to install when no browser is found, and writes nothing', () => {
    const dir = tmp();
    const r = cli(['audit', ORG, '--date', DATE, '--format', 'pdf', '--output', join(dir, 'a.pdf'), '--format', 'json', '--output', join(dir, 'a.json')], { env: NO_BROWSER });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--format pdf needs Chromium or Google Chrome and none was found');
    expect(r.stderr).toContain('apt-get install chromium');
    expect(r.stderr).toContain('SALES_AUDIT_CHROME');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a SALES_AUDIT_CHROME that points at nothing', () => {
    const dir = tmp();
    const r = cli(['audit', ORG, '--date', DATE, '--format', 'pdf', '--output', join(dir, 'a.pdf')], { env: { ...NO_BROWSER, SALES_AUDIT_CHROME: '/no/such/chrome' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sales-audit: --format pdf: SALES_AUDIT_CHROME=\/no\/such\/chrome is not an executable file; install/);
    expect(existsSync(join(dir, 'a.pdf'))).toBe(false);
  });

  it('reports a browser that fails, in one line, exit 2, leaving no file', () => {
    const dir = tmp();
    // /bin/false stands in for a browser that starts and fails.
    const r = cli(['audit', ORG, '--date', DATE, '--format', 'pdf', '--output', join(dir, 'a.pdf')], { env: { ...NO_BROWSER, SALES_AUDIT_CHROME: '/bin/false' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sales-audit: cannot print the PDF: \/bin\/false did not write a PDF \(exit code 1\)\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
