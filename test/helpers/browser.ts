// The browser tests' set-up, in one place: Chromium or Chrome as installed on
// the machine (found as `audit --format pdf` finds it: SALES_AUDIT_CHROME,
// CHROME_PATH, then chromium, chromium-browser, google-chrome... on PATH, so
// Debian's /usr/bin/chromium here and in CI), driven by playwright-core; no
// browser is ever downloaded. Without one, a file's tests cannot run: its one
// test says so plainly and passes, unless SALES_AUDIT_REQUIRE_BROWSER=1 (set by
// .ci/run), where it fails.
import { chromium, type Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BROWSER_COMMANDS, BROWSER_ENV, findBrowser } from '../../src/report/pdf';

/** Whether a missing browser fails the run (CI) instead of being reported. */
export const BROWSER_REQUIRED = process.env.SALES_AUDIT_REQUIRE_BROWSER === '1';

/** Headless, no sandbox (containers), and nothing that reaches the network on its own. */
export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The installed browser: its path, or why there is none (a SALES_AUDIT_CHROME that is not an executable file...). */
export interface SystemBrowser {
  path?: string;
  lookupError?: string;
}

/** Looks the browser up once, as the CLI's PDF output does (src/report/pdf.ts findBrowser). */
export function systemBrowser(): SystemBrowser {
  try {
    return { path: findBrowser() };
  } catch (e) {
    return { lookupError: (e as Error).message };
  }
}

/** Starts the browser at `path` with BROWSER_ARGS; the caller closes it (afterAll). */
export function launchBrowser(path: string): Promise<Browser> {
  return chromium.launch({ executablePath: path, args: BROWSER_ARGS });
}

/**
 * For a file whose browser tests cannot run: one test under `suite` that says
 * so and how to run them (a warning), or fails under SALES_AUDIT_REQUIRE_BROWSER=1.
 * @param what - the tests, as the message names them ("sales-audit browser tests")
 */
export function didNotRun(suite: string, what: string, found: SystemBrowser): void {
  describe(suite, () => {
    it('did not run: no Chromium or Chrome on this machine', () => {
      const message =
        `${what} DID NOT RUN: ${found.lookupError ?? `no browser found (looked at ${BROWSER_ENV.join(', ')} and for ${BROWSER_COMMANDS.join(', ')} on PATH)`}. ` +
        'To run them: apt-get install chromium (or set SALES_AUDIT_CHROME to a Chromium/Chrome binary), then npm test. ' +
        'CI sets SALES_AUDIT_REQUIRE_BROWSER=1, which turns this warning into a failure.';
      if (BROWSER_REQUIRED) throw new Error(message);
      console.warn(`\n*** ${message}\n`);
      expect(BROWSER_REQUIRED).toBe(false);
    });
  });
}
