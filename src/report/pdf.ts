// PDF through a browser already on the machine: the HTML report printed by
// Chromium or Chrome's own headless `--print-to-pdf` (no library, no browser
// download). Unlike the renderers this module runs a program, so only the CLI
// calls it. The PDF is made deterministic by setting its creation and
// modification dates to the audit date.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Commands looked for on PATH, in this order. */
export const BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;
/** Environment variables naming a browser executable, checked before PATH. */
export const BROWSER_ENV = ['SALES_AUDIT_CHROME', 'CHROME_PATH'] as const;

export const INSTALL_HINT = 'install Chromium or Google Chrome (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or set SALES_AUDIT_CHROME to its path';

export class PdfError extends Error {}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to print with: SALES_AUDIT_CHROME or CHROME_PATH when set (a
 * wrong value is an error, not a silent fallback), else the first of
 * BROWSER_COMMANDS on PATH; undefined when there is none.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of BROWSER_ENV) {
    const v = env[name];
    if (v === undefined || v === '') continue;
    if (!isExecutable(v)) throw new PdfError(`${name}=${v} is not an executable file; ${INSTALL_HINT}`);
    return v;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d && isAbsolute(d));
  for (const cmd of BROWSER_COMMANDS)
    for (const dir of dirs) {
      const p = join(dir, cmd);
      if (isExecutable(p)) return p;
    }
  return undefined;
}

export interface PrintOptions {
  /** The browser executable (see findBrowser). */
  browser: string;
  /** The audit date, YYYY-MM-DD: written as the PDF's creation date so the output is reproducible. */
  date: string;
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
}

/** Prints self-contained HTML to PDF; returns the PDF's bytes. */
export async function printPdf(html: string, opts: PrintOptions): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'sales-audit-pdf-'));
  try {
    const htmlPath = join(dir, 'report.html');
    const pdfPath = join(dir, 'report.pdf');
    await writeFile(htmlPath, html, 'utf8');
    // Chromium refuses to run as root with its sandbox on; elsewhere keep it, and
    // only drop it if this machine cannot provide one (containers often cannot).
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    let run = await runBrowser(opts.browser, browserArgs(dir, htmlPath, pdfPath, root), opts.timeoutMs ?? 60_000);
    if (run.code !== 0 && !root && /sandbox/i.test(run.stderr)) run = await runBrowser(opts.browser, browserArgs(dir, htmlPath, pdfPath, true), opts.timeoutMs ?? 60_000);
    let pdf: Buffer;
    try {
      pdf = await readFile(pdfPath);
    } catch {
      throw new PdfError(`${opts.browser} did not write a PDF (${run.timedOut ? 'timed out' : `exit code ${run.code}`})${lastLine(run.stderr)}`);
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfError(`${opts.browser} wrote something that is not a PDF`);
    return normaliseDates(pdf, opts.date);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function browserArgs(dir: string, htmlPath: string, pdfPath: string, noSandbox: boolean): string[] {
  return [
    '--headless',
    '--disable-gpu',
    ...(noSandbox ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--mute-audio',
    `--user-data-dir=${join(dir, 'profile')}`,
    // The report prints its own running header and footer; the browser's (URL, time) would break reproducibility.
    '--no-pdf-header-footer',
    '--print-to-pdf-no-header',
    `--print-to-pdf=${pdfPath}`,
    pathToFileURL(htmlPath).href,
  ];
}

function runBrowser(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    let timedOut = false;
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 65_536) stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new PdfError(`cannot start ${cmd}: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

/** The browser's last error line worth showing (its D-Bus chatter is noise). */
function lastLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/dbus|bus\.cc|Fontconfig/i.test(l));
  const l = lines[lines.length - 1];
  return l ? `: ${l.slice(0, 300)}` : '';
}

/**
 * Sets the info dictionary's CreationDate and ModDate to the audit date. The
 * replacement has the same length, so the cross-reference offsets stay valid.
 */
export function normaliseDates(pdf: Buffer, date: string): Buffer {
  const stamp = `${date.replace(/-/g, '')}000000`;
  if (!/^\d{14}$/.test(stamp)) return pdf;
  const text = pdf.toString('latin1').replace(/\/(CreationDate|ModDate) ?\(D:\d{14}/g, (m) => `${m.slice(0, -14)}${stamp}`);
  return Buffer.from(text, 'latin1');
}

/** Number of pages in a PDF (its /Type /Page objects). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
