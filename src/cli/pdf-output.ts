// `--format pdf` for audit: checked before anything is written (an --output is needed and
// a browser must be installed), then the HTML report printed through that
// browser and written atomically. Kept out of audit.ts so that file stays small.
import { findBrowser, INSTALL_HINT, PdfError, printPdf, BROWSER_COMMANDS, BROWSER_ENV } from '../report/pdf';
import { CliError } from './errors';
import { writeReport } from './targets';

// In options.ts, so that declaring `audit --paper` does not load the pdf code.
export { parsePaper, type Paper } from './options';

/** The browser to print with when a pdf is asked for; a usage error (exit 2) when it cannot be done. */
export function pdfBrowser(targets: readonly { format: string; output?: string }[]): string | undefined {
  if (!targets.some((t) => t.format === 'pdf')) return undefined;
  if (targets.some((t) => t.format === 'pdf' && t.output === undefined)) throw new CliError(['--format pdf writes a binary file: give --output <file.pdf> right after it']);
  let browser: string | undefined;
  try {
    browser = findBrowser();
  } catch (e) {
    if (e instanceof PdfError) throw new CliError([`--format pdf: ${e.message}`]);
    throw e;
  }
  if (!browser)
    throw new CliError([
      `--format pdf needs Chromium or Google Chrome and none was found (looked at ${BROWSER_ENV.join(', ')} and for ${BROWSER_COMMANDS.join(', ')} on PATH): ${INSTALL_HINT}; or use --format html and print it from a browser`,
    ]);
  return browser;
}

export async function writePdf(output: string, html: string, browser: string, date: string): Promise<void> {
  let pdf: Buffer;
  try {
    pdf = await printPdf(html, { browser, date });
  } catch (e) {
    if (e instanceof PdfError) throw new CliError([`cannot print the PDF: ${e.message}`]);
    throw e;
  }
  await writeReport(output, pdf, 'pdf');
}
