// diff and audit --baseline end to end with the built binary (review 7): a
// finding merged with another about the same person is still open, not
// resolved; a figure that moved the wrong way is "worse", and the regression
// gates of diff and audit --baseline fail on it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATE, ROOT } from './run';

const EXAMPLE = `${ROOT}templates/examples/mid-size-gaps.yaml`;

/** The example with one edit, in a folder of its own. */
function variant(from: string, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-worse-'));
  const text = readFileSync(EXAMPLE, 'utf8');
  expect(text).toContain(from);
  const file = join(dir, 'after.yaml');
  writeFileSync(file, text.replace(from, to));
  return file;
}

describe('diff: still open, worse', () => {
  it("AE 4's hours unknown -> 0: nothing resolved in text, JSON or audit --baseline; the merged finding is open with what it said", () => {
    const after = variant('hours_per_month: unknown', 'hours_per_month: 0');
    const text = cli(['diff', EXAMPLE, after, '--date', DATE]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Findings: 0 resolved, 0 new, \d+ still open/m);
    expect(text.stdout).not.toContain('✓ resolved');
    expect(text.stdout).toMatch(/· open +high +individual-coaching {2}AE 4: has no development plan; gets no coaching at all/);
    expect(text.stdout).toMatch(/^ +was: high AE 4 has no development plan\.$/m);
    expect(text.stdout).not.toContain('+0.0');
    const json = JSON.parse(cli(['diff', EXAMPLE, after, '--date', DATE, '--format', 'json']).stdout);
    expect(json.schemaVersion).toBe(2);
    expect(json.findings.resolved).toEqual([]);
    const base = JSON.parse(cli(['audit', after, '--baseline', EXAMPLE, '--date', DATE, '--format', 'json']).stdout);
    expect(base.since.findings.resolved).toEqual([]);
  });

  it("AE 1's selling time 41% -> 30%: worse in text, --fail-on-regression exits 1 for diff and audit --baseline", () => {
    const after = variant('selling_time_pct: 41', 'selling_time_pct: 30');
    const r = cli(['diff', EXAMPLE, after, '--date', DATE, '--fail-on-regression']);
    expect(r.stdout).toMatch(/^Findings: \d+ resolved, 0 new, 1 worse, \d+ still open/m);
    expect(r.stdout).toMatch(/- worse +high +selling-time {2}AE 1 spends 30% of the time selling/);
    expect(r.stdout).toMatch(/^ +was: high AE 1 spends 41% of the time selling/m);
    expect(r.stderr).toContain('1 finding worse');
    expect(r.code).toBe(1);
    const a = cli(['audit', after, '--baseline', EXAMPLE, '--date', DATE, '--fail-on-regression']);
    expect(a.stdout).toContain('[-] worse     high selling-time: AE 1 spends 30%');
    expect(a.stderr).toContain('1 worse');
    expect(a.code).toBe(1);
  });
});
