// GitHub Actions workflow commands, matched line for line, and the escaping
// rules of @actions/core (data: % CR LF; properties: also : and ,).
import { describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeData, escapeProperty, GITHUB_MAX_PER_KIND } from '../../src/report/github';
import { pinnedConfig } from '../helpers/pinned-rules';
import { cli, DATE, ROOT } from './helpers';

const github = (args: string[]) => cli(['lint', ...args, '--date', DATE, '--format', 'github']);
/** The message of a finding as the JSON output has it (so the tests do not copy rule wording). */
const messages = (file: string) => (JSON.parse(cli(['lint', file, '--date', DATE, '--format', 'json']).stdout).files[0].problems as { ruleId: string; message: string }[]).map((p) => p.message);

describe('GitHub annotations', () => {
  it('one command per problem: level by severity, file, line, col and title; what fails the job first, then by severity', () => {
    const [selling, lagging] = messages('team.yaml');
    // Over the pinned rules (the others off): the lines below are theirs, a new rule would add its own.
    const r = github(['team.yaml', 'expired.yaml', 'fatal.yaml', '--config', pinnedConfig()]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      '::error file=expired.yaml,line=11,col=5,title=expired-waiver::The waiver for sales-tools expired on 2026-03-31 (owner: Sales manager); renew it with a new date or fix what it covered.',
      '::error file=fatal.yaml,title=sales-audit gate%3A fatal::Gate failed: 1 critical rule failing',
      `::error file=fatal.yaml,line=6,col=3,title=go-to-market-plan (critical)::${escapeData(messages('fatal.yaml')[0]!)}`,
      `::error file=team.yaml,line=14,col=5,title=selling-time (high)::${escapeData(selling!)}`,
      `::error file=team.yaml,line=19,col=5,title=manage-not-pay-cut (high)::${escapeData(lagging!)}`,
      // `policies: []`: no written policy (s9 fpol), a medium finding, a warning.
      '::warning file=team.yaml,line=24,col=1,title=manage-not-pay-cut (medium)::No written policy says how a rep under quota is handled: without one, each case is settled ad hoc, and a pay cut or a plan that runs on without a decision is easy to slip into.',
      // Each file's verdict, a notice in the order given (issue 10: score, up to, grade or incomplete, coverage).
      '::notice file=team.yaml,title=sales-audit summary::Score 5/100 (up to 92), grade incomplete, coverage 13%25',
      '::notice file=expired.yaml,title=sales-audit summary::Score 5/100 (up to 100), grade incomplete, coverage 5%25',
      '::notice file=fatal.yaml,title=sales-audit summary::Score 0/100 (up to 90), grade incomplete, coverage 9%25',
      '',
    ]);
    expect(selling).toContain('%'); // so the escaping above was exercised
  });

  it('medium findings are warnings and low ones notices; severities from the config apply', () => {
    const r = github(['team.yaml', '--config', 'configs/severity.yaml']);
    expect(r.stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['::warning', '::notice', '::notice', '::notice', '']);
    expect(r.stdout).toMatch(/^::warning file=team\.yaml,line=19,col=5,title=manage-not-pay-cut \(medium\)::/m);
    expect(r.stdout).toMatch(/^::notice file=team\.yaml,line=14,col=5,title=selling-time \(low\)::/m);
  });

  it('waived rules are not annotated; unreadable files and aggregate gates are errors on the file', () => {
    // Only the file's verdict: nothing of the waived rule.
    const pinned = pinnedConfig();
    expect(github(['waived.yaml', '--config', pinned]).stdout).toBe('::notice file=waived.yaml,title=sales-audit summary::Score 0/100 (up to 100), grade incomplete, coverage 0%25\n');
    const r = github(['invalid.yaml', 'team.yaml', '--fail-under', '50', '--config', pinned]);
    expect(r.stdout.split('\n')).toContain('::error file=invalid.yaml,line=3,col=9,title=sales-audit%3A cannot read the file::invalid YAML: the double quote that starts here is never closed');
    expect(r.stdout.split('\n')).toContain('::error file=team.yaml,title=sales-audit gate%3A fail-under::Gate failed: score 5 is under the fail-under gate (50)');
    const missing = github(['no-such.yaml']).stdout;
    expect(missing).toBe('::error file=no-such.yaml,title=sales-audit%3A cannot read the file::no such file; expected a YAML org file\n');
  });

  it('escapes per GitHub: %, CR and LF in data; also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const r = github(['special/special.yaml']);
    // The name holds a quote, <, comma, %, colon, CR and LF: one line, escaped.
    expect(r.stdout.split('\n')[0]).toBe(
      '::error file=special/special.yaml,line=7,col=5,title=selling-time (high)::Rep "A" <1>, 50%25 & more:%0D%0Aline two spends 20%25 of the time selling (35%25 or less).',
    );
  });

  it('file names with commas or colons are escaped in the properties', () => {
    const r = github(['weird,name:1.yaml']);
    expect(r.stdout).toBe('::error file=weird%2Cname%3A1.yaml,title=sales-audit%3A cannot read the file::no such file; expected a YAML org file\n');
  });
});

// Issue 12, fault 13: three struggling orgs gave 93 error annotations and the
// gate's, which explains the red job, came last and was dropped.
describe('GitHub annotations within what a step shows', () => {
  const orgs = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-gh-'));
    for (const n of [1, 2, 3]) copyFileSync(join(ROOT, 'templates/examples/struggling-startup.yaml'), join(dir, `s${n}.yaml`));
    return dir;
  };

  it('gates first, then the most severe; at most 10 per kind, the tenth saying how many more', () => {
    const dir = orgs();
    const r = cli(['lint', 's1.yaml', 's2.yaml', 's3.yaml', '--format', 'github', '--date', DATE], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    const all = JSON.parse(cli(['lint', 's1.yaml', 's2.yaml', 's3.yaml', '--format', 'json', '--date', DATE], { cwd: dir }).stdout) as {
      files: { problems: { level: string; severity?: string }[] }[];
    };
    for (const [kind, level] of [
      ['error', 'error'],
      ['warning', 'warning'],
      ['notice', 'note'],
    ] as const) {
      const mine = lines.filter((l) => l.startsWith(`::${kind} `));
      expect(mine.length, kind).toBeLessThanOrEqual(GITHUB_MAX_PER_KIND);
      const total = all.files.flatMap((f) => f.problems).filter((p) => p.level === level).length + (kind === 'error' || kind === 'notice' ? 3 : 0); // a gate error and a summary notice per file
      if (total > GITHUB_MAX_PER_KIND) {
        expect(mine).toHaveLength(GITHUB_MAX_PER_KIND);
        expect(mine.at(-1)).toBe(`::${kind} title=sales-audit::... and ${total - 9} more ${kind}s (GitHub shows 10 per step): run sales-audit lint with --format stylish or sarif to see them all.`);
      } else expect(mine).toHaveLength(total);
    }
    const errors = lines.filter((l) => l.startsWith('::error '));
    expect(errors.slice(0, 3).every((l) => l.includes('title=sales-audit gate%3A fatal'))).toBe(true);
    expect(errors.slice(3, 9).every((l) => l.includes('(critical)'))).toBe(true);
  });

  // A reviewer's portfolio: an unreadable file named last (zz-bad.yaml) after a
  // dozen failing gates had its reasons cut into "... and N more errors".
  it('a file that could not be read comes before every gate, wherever it sorts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-gh-'));
    for (let n = 1; n <= 12; n++) copyFileSync(join(ROOT, 'templates/examples/struggling-startup.yaml'), join(dir, `s${String(n).padStart(2, '0')}.yaml`));
    writeFileSync(join(dir, 'zz-bad.yaml'), 'company:\n  employees: lots\n');
    const r = cli(['lint', '*.yaml', '--format', 'github', '--date', DATE], { cwd: dir });
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors[0]).toMatch(/^::error file=zz-bad\.yaml,line=2,col=\d+,title=sales-audit%3A cannot read the file::company\.employees: /);
    expect(errors.slice(1, 9).every((l) => l.includes('title=sales-audit gate%3A fatal'))).toBe(true);
    expect(errors).toHaveLength(GITHUB_MAX_PER_KIND);
  });
});
