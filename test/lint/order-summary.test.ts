// lint lists files in natural order (org-2 before org-10) in every format, and
// its stylish summary stays readable at a glance however many files there are.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_FORMATS } from '../../src/report/lint';
import { naturalCompare } from '../../src/engine/natural-compare';
import { columns } from '../../src/report/format';
import { cli, DATE, FIX } from './helpers';

describe('naturalCompare', () => {
  it('orders digit runs by number, the rest by code unit, and is a total order', () => {
    const names = [
      'org-10.yaml',
      'org-1.yaml',
      'org-100.yaml',
      'org-2.yaml',
      'org-02.yaml',
      'Org-3.yaml',
      'org-9/b.yaml',
      'org-9/a10.yaml',
      'org-9/a9.yaml',
      'org.yaml',
      'org-1a.yaml',
      'é-1.yaml',
      'org-18446744073709551616.yaml',
      'org-18446744073709551615.yaml',
    ];
    expect([...names].sort(naturalCompare)).toEqual([
      'Org-3.yaml',
      'org-1.yaml',
      'org-1a.yaml',
      'org-02.yaml',
      'org-2.yaml',
      'org-9/a9.yaml',
      'org-9/a10.yaml',
      'org-9/b.yaml',
      'org-10.yaml',
      'org-100.yaml',
      'org-18446744073709551615.yaml',
      'org-18446744073709551616.yaml',
      'org.yaml',
      'é-1.yaml',
    ]);
    // Antisymmetric and 0 only for the same string, whatever order the input came in.
    for (const a of names) for (const b of names) expect(Math.sign(naturalCompare(a, b))).toBe(a === b ? 0 : -Math.sign(naturalCompare(b, a)));
    expect([...names].reverse().sort(naturalCompare)).toEqual([...names].sort(naturalCompare));
  });
});

/** A folder `orgs/` with `org-1.yaml` … `org-<n>.yaml` (pass.yaml, team.yaml and fatal.yaml in turn). */
function orgs(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-order-'));
  mkdirSync(join(dir, 'orgs'));
  const sources = ['pass.yaml', 'team.yaml', 'fatal.yaml'];
  for (let i = 1; i <= n; i++) copyFileSync(join(FIX, sources[i % 3]!), join(dir, 'orgs', `org-${i}.yaml`));
  return dir;
}
const natural = (n: number) => Array.from({ length: n }, (_, i) => `orgs/org-${i + 1}.yaml`);
/** The org files a text names, in the order they first appear. */
const order = (text: string) => [...new Set([...text.matchAll(/orgs\/org-\d+\.yaml/g)].map((m) => m[0]))];

describe('lint "orgs/*.yaml": natural file order', () => {
  const dir = orgs(12);
  /** The part of each format that lists files (SARIF's results, GitHub's annotations after its gate lines). */
  const listing: Record<string, (out: string) => string> = {
    sarif: (out) => JSON.stringify((JSON.parse(out) as { runs: { results: unknown[] }[] }).runs[0]!.results),
    github: (out) =>
      out
        .split('\n')
        .filter((l) => l.includes(',line='))
        .join('\n'),
  };
  for (const format of LINT_FORMATS) {
    it(`${format} lists org-1, org-2, …, org-10, org-11, org-12`, () => {
      const file = join(dir, `out.${format}`);
      const r = cli(['lint', 'orgs/*.yaml', '--date', DATE, '--format', format, '--output', file], { cwd: dir });
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const out = readFileSync(file, 'utf8');
      // GitHub lists the most severe first (its annotations are capped): natural order within each severity.
      const severity = (l: string) => /\((critical|high|medium|low|info)\)::/.exec(l)?.[1];
      const groups =
        format === 'github'
          ? ['critical', 'high', 'medium', 'low', 'info'].map((sev) =>
              listing.github!(
                out
                  .split('\n')
                  .filter((l) => severity(l) === sev)
                  .join('\n'),
              ),
            )
          : [(listing[format] ?? String)(out)];
      expect(order(groups.join('\n')).length).toBeGreaterThan(2);
      for (const g of groups) {
        const seen = order(g);
        // Formats that name only files with problems list a subsequence, still in natural order.
        expect(seen).toEqual(natural(12).filter((f) => seen.includes(f)));
      }
      if (format === 'json') expect((JSON.parse(out) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(natural(12));
    });
  }
});

describe('the stylish summary over many files', () => {
  it('200 files: counts by grade on short lines, the finding counts last, every line within 100 columns', () => {
    const dir = orgs(200);
    const r = cli(['lint', 'orgs/*.yaml', '--date', DATE], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.slice(lines.lastIndexOf('') + 1);
    for (const l of summary) expect(columns(l), l).toBeLessThanOrEqual(100);
    expect(summary.length).toBeLessThanOrEqual(6);
    expect(summary[0]).toMatch(/^200 files: \d+ (?:[A-F]|incomplete)(?:, \d+ (?:[A-F]|incomplete))*$/);
    const counted = [...summary[0]!.matchAll(/(\d+) (?:[A-F]|incomplete)\b/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(counted).toBe(200);
    expect(summary.find((l) => l.startsWith('lowest: '))).toMatch(/^lowest: orgs\/org-\d+\.yaml \d+\/100, /);
    // The finding counts by severity (which severities appear depends on the live rules: a new rule may add one).
    expect(summary.at(-1)).toMatch(/^[\d,]+ findings: \d[\d,]* critical(?:, \d[\d,]* (?:high|medium|low|info))*$/);
  });

  it('a few files too many for one line: one line per file with its score', () => {
    const dir = orgs(4);
    const r = cli(['lint', 'orgs/*.yaml', '--date', DATE], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    // The shape and the order, not the figures: the scores move with the live rules (a new rule moves them).
    const file = (n: number) => expect.stringMatching(new RegExp(`^  orgs/org-${n}\\.yaml \\d+/100 \\((?:incomplete|[A-F]), coverage \\d+%\\)$`));
    expect(lines.slice(-6)).toEqual(['4 files:', file(1), file(2), file(3), file(4), expect.stringMatching(/^[\d,]+ findings: \d+ critical(?:, \d+ (?:high|medium|low|info))*$/)]);
  });

  it('a run whose summary fits keeps its one line', () => {
    const r = cli(['lint', 'pass.yaml', '--date', DATE]);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 file: pass\.yaml \d+\/100 \(incomplete, coverage \d+%\) · 0 findings$/);
  });
});
