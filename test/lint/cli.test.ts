// `sales-audit lint` end to end (the built binary): exit codes on every path,
// the gates, --strict, several files and globs in one run, several formats in
// one run, per-org config and waivers. Fixtures: test/fixtures/lint/.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { cli, DATE, FIX, NODE, ROOT, scratch } from './helpers';
import { MARKDOWN_MAX_CHARS } from '../../src/report/lint';

const lint = (args: string[], opts: Parameters<typeof cli>[1] = {}) => cli(['lint', ...args, '--date', DATE], opts);
const json = (args: string[], opts: Parameters<typeof cli>[1] = {}) => {
  const r = lint([...args, '--format', 'json'], opts);
  return {
    ...r,
    out: JSON.parse(r.stdout) as {
      files: {
        file: string;
        status: string;
        passed: boolean;
        score: number | null;
        config?: string;
        failures: { gate: string }[];
        problems: { kind: string; ruleId: string; label?: string; severity?: string; line: number; column: number }[];
        report: { rules: { id: string; status: string }[] };
      }[];
    },
  };
};
/** How many rules the audit of a fixture leaves not assessed (what --strict counts), from the report itself. */
const notAssessed = (file: string) => json([file]).out.files[0]!.report.rules.filter((r) => r.status === 'not-assessed').length;
const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at /);

describe('lint: exit 0', () => {
  it('a file that fails no gate: one summary line, nothing on stderr', () => {
    const r = lint(['pass.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // pass.yaml says little: what it says passes, the rest earns nothing (issue 10), so no letter under the coverage floor.
    expect(r.stdout).toBe('1 file: pass.yaml 5/100 (incomplete, coverage 5%) · 0 findings\n');
  });

  it('findings below every gate do not fail: team.yaml has two high findings and no fatal one', () => {
    const r = lint(['team.yaml']);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('team.yaml:'))
        .map((l) => l.split(/\s{2,}/).slice(0, 3)),
    ).toEqual([
      ['team.yaml:14:5', 'high', 'selling-time'],
      ['team.yaml:19:5', 'high', 'manage-not-pay-cut'],
      // `policies: []`: no written policy for a rep under quota (s9 fpol), a medium finding.
      ['team.yaml:24:1', 'medium', 'manage-not-pay-cut'],
    ]);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 file: team.yaml 5/100 (incomplete, coverage 13%) · 3 findings: 2 high, 1 medium');
  });
});

describe('lint: exit 1, one per gate', () => {
  it('by default, a failing critical rule fails lint (and not audit)', () => {
    const r = lint(['fatal.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^fatal\.yaml:6:3 {2}critical {2}go-to-market-plan {2}\S/m);
    expect(r.stderr).toBe('sales-audit: fatal.yaml: gate failed: 1 critical rule failing\n');
    expect(cli(['audit', 'fatal.yaml', '--date', DATE, '--format', 'json']).code).toBe(0);
  });

  it('--fail-under: 5 passes 4 and 5 and fails 6, naming the score', () => {
    expect(lint(['team.yaml', '--fail-under', '4']).code).toBe(0);
    expect(lint(['team.yaml', '--fail-under', '5']).code).toBe(0);
    const r = lint(['team.yaml', '--fail-under', '6']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('sales-audit: team.yaml: gate failed: score 5 is under the fail-under gate (6)\n');
  });

  it('--fail-on: a high finding fails "high" and "medium", not "critical"', () => {
    expect(lint(['team.yaml', '--fail-on', 'critical']).code).toBe(0);
    expect(lint(['team.yaml', '--fail-on', 'medium']).code).toBe(1);
    const r = lint(['team.yaml', '--fail-on', 'high']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('sales-audit: team.yaml: gate failed: 2 findings at or above high (the fail-on gate)\n');
  });

  it('--strict: rules not assessed fail, each shown at the nearest place in the file', () => {
    const r = lint(['pass.yaml', '--strict']);
    expect(r.code).toBe(1);
    const n = notAssessed('pass.yaml');
    expect(n).toBeGreaterThan(1);
    expect(r.stderr).toMatch(new RegExp(`^sales-audit: pass\\.yaml: gate failed: ${n} rules are not assessed \\(--strict\\): role-title-fit, go-to-market-plan, `));
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('pass.yaml:'));
    expect(lines).toHaveLength(n);
    // company.sales_motion is missing, but company: is on line 3.
    expect(lines).toContainEqual(expect.stringMatching(/^pass\.yaml:3:1 +error +comp-balances-client-value +Not assessed/));
    expect(lines).toContainEqual(expect.stringMatching(/^pass\.yaml:1:1 +error +go-to-market-plan +Not assessed.*plan\.documented/));
    expect(lint(['pass.yaml']).code).toBe(0);
  });

  it('an expired waiver fails lint and is shown at its line', () => {
    const r = lint(['expired.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^expired\.yaml:11:5 {2}error {2}expired-waiver {2}The waiver for sales-tools expired on 2026-03-31/m);
    expect(r.stderr).toBe('sales-audit: expired.yaml:11:5: gate failed: the waiver for sales-tools expired on 2026-03-31\n');
    // Before the expiry date the same waiver is active and lint passes.
    expect(cli(['lint', 'expired.yaml', '--date', '2026-03-31']).code).toBe(0);
  });

  it('several gates failing are all reported', () => {
    const r = lint(['fatal.yaml', '--fail-under', '10', '--fail-on', 'low', '--strict']);
    expect(r.code).toBe(1);
    expect(
      r.stderr
        .trim()
        .split('\n')
        .map((l) => /gate failed: (\S+ \S+)/.exec(l)![1]),
    ).toEqual(['score 0', '1 finding', `${notAssessed('fatal.yaml')} rules`, '1 critical']);
  });
});

describe('lint: exit 2, could not run', () => {
  it.each([
    [['invalid.yaml'], /^invalid\.yaml:3:9: invalid YAML: the double quote that starts here is never closed$/m],
    [['unknown-waiver.yaml'], /^unknown-waiver\.yaml:5:11: waivers\[0\]\.rule: unknown rule "go-to-market-plans"; did you mean "go-to-market-plan"\?/m],
    [['missing-reason.yaml'], /^missing-reason\.yaml:5:5: waivers\[0\]\.reason: expected a reason/m],
    [['no-such-file.yaml'], /^no-such-file\.yaml: no such file; expected a YAML org file$/m],
    [['configs'], /^configs: is a directory; expected a YAML org file$/m],
    [['nothing-*.yaml'], /^nothing-\*\.yaml: no files match this pattern$/m],
    [['cfg-bad/pass.yaml'], /^cfg-bad\/\.sales-audit\.yaml:2:3: rules\.selling-tme: unknown rule "selling-tme"; did you mean "selling-time"\?/m],
    [
      ['team.yaml', '--config', 'configs/unknown-option.yaml'],
      /^configs\/unknown-option\.yaml:4:7: rules\.selling-time\.options\.failBellow: unknown option "failBellow" for selling-time; did you mean "failBelow"\?$/m,
    ],
    [['team.yaml', '--config', 'configs/missing.yaml'], /^configs\/missing\.yaml: no such file; expected a YAML config file/m],
  ])('%j: one clear line with the place', (args, message) => {
    const r = lint(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    noTrace(r.stderr);
  });

  it('a pattern that matches no file is said as such and not counted as a file that could not be linted', () => {
    const r = lint(['nothing-*.yaml', 'pass.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^1 file: nothing-\*\.yaml matched no file, pass\.yaml \d+\/100 /m);
    expect(r.stdout).not.toContain('could not be linted');
  });

  it.each([
    [[], /missing required argument 'files'/],
    [['pass.yaml', '--format', 'pdf'], /argument 'pdf' is invalid\. expected one of: stylish, json, sarif, junit, github, markdown/],
    [['pass.yaml', '--fail-under', '101'], /expected a score from 0 to 100/],
    [['pass.yaml', '--fail-on', 'severe'], /expected one of: critical, high, medium, low/],
    [['pass.yaml', '--format', 'json', '--format', 'sarif'], /only one format can go to stdout, but json and sarif have no --output/],
    [['pass.yaml', '-f', 'json', '-o', 'same.out', '-f', 'sarif', '-o', 'same.out'], /--output same\.out is given for two formats/],
    [['pass.yaml', '-f', 'json', '-o', 'a.out', '-o', 'b.out'], /--format json already writes to a\.out/],
    [['pass.yaml', '-f', 'sarif', '-o', 'no/such/dir/a.sarif'], /cannot write no\/such\/dir\/a\.sarif: its folder does not exist/],
  ])('usage %j', (args, message) => {
    const r = cli(['lint', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    noTrace(r.stderr);
  });

  it('2 wins over 1, and the files that could be read are still linted and reported', () => {
    const r = lint(['fatal.yaml', 'invalid.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^fatal\.yaml:6:3 +critical +go-to-market-plan/m);
    // Wider than 100 columns on one line: one line per file, the counts last.
    expect(r.stdout.trimEnd().split('\n').slice(-4)).toEqual(['2 files:', '  fatal.yaml 0/100 (incomplete, coverage 9%)', '  invalid.yaml could not be linted', '1 finding: 1 critical']);
    expect(r.stderr).toContain('invalid.yaml:3:9: invalid YAML');
    expect(r.stderr).toContain('fatal.yaml: gate failed: 1 critical rule failing');
  });

  it('an invalid --config stops the run before any file is linted', () => {
    const r = lint(['team.yaml', '--config', 'configs/bad-severity.yaml', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('configs/bad-severity.yaml:3:15: rules.selling-time.severity: expected one of: critical, high, medium, low; got "hgih" (did you mean "high"?)\n');
  });

  it("runs without the prompt library or the browser installed (neither is on lint's path)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-bare-'));
    for (const d of ['bin', 'dist', 'templates']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    // No node_modules anywhere above a temp folder: any import of @inquirer or playwright-core would fail.
    const r = spawnSync(
      NODE,
      [join(dir, 'bin/sales-audit.js'), 'lint', join(FIX, 'team.yaml'), '--date', DATE, '-f', 'sarif', '-o', join(dir, 'a.sarif'), '-f', 'junit', '-o', join(dir, 'a.xml'), '-f', 'stylish'],
      { encoding: 'utf8', cwd: dir },
    );
    expect(r.stderr).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/team\.yaml:19:5 +high +manage-not-pay-cut/);
  });

  it('never prompts: stdin is ignored and the run ends on its own', () => {
    const r = cli(['lint', 'team.yaml', '--date', DATE], { env: { TERM: 'xterm' } });
    expect(r.code).toBe(0);
  });
});

describe('lint: several files and globs in one run', () => {
  it('lints each file in the order given, then a summary line for each file with its score', () => {
    const r = lint(['team.yaml', 'pass.yaml', 'fatal.yaml']);
    expect(r.code).toBe(1);
    const files = r.stdout
      .split('\n')
      .filter((l) => /^\S+\.yaml:\d+:\d+/.test(l))
      .map((l) => l.split(':')[0]);
    expect([...new Set(files)]).toEqual(['team.yaml', 'fatal.yaml']);
    expect(r.stdout.trimEnd().split('\n').slice(-5)).toEqual([
      '3 files:',
      '  team.yaml 5/100 (incomplete, coverage 13%)',
      '  pass.yaml 5/100 (incomplete, coverage 5%)',
      '  fatal.yaml 0/100 (incomplete, coverage 9%)',
      '4 findings: 1 critical, 2 high, 1 medium',
    ]);
  });

  it('expands globs itself (quoted in CI), sorted, without dot files, ** into subfolders', () => {
    const r = json(['nested/**/*.yaml']);
    expect(r.out.files.map((f) => f.file)).toEqual(['nested/deeper/team.yaml', 'nested/pass.yaml']);
    const braces = json(['{pass,team}.yaml', 'pass.yaml']);
    expect(braces.out.files.map((f) => f.file)).toEqual(['pass.yaml', 'team.yaml']); // the repeat is linted once
    const star = json(['*.yaml']);
    expect(star.out.files.map((f) => f.file)).toEqual(['expired.yaml', 'fatal.yaml', 'invalid.yaml', 'missing-reason.yaml', 'pass.yaml', 'team.yaml', 'unknown-waiver.yaml', 'waived.yaml']);
    expect(star.code).toBe(2);
    const q = json(['?ass.yaml', 'cfg-*/[f]*.yaml']);
    expect(q.out.files.map((f) => f.file)).toEqual(['pass.yaml', 'cfg-off/fatal.yaml']);
  });

  it('keeps the order given, an unmatched pattern in its place; a file named with [ ] is taken as named', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'acme[1].yaml'), readFileSync(join(dir, 'pass.yaml')));
    const r = cli(['lint', 'team.yaml', 'none-*.yaml', 'acme[1].yaml', '--date', DATE, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout).files as { file: string; status: string }[]).map((f) => [f.file, f.status])).toEqual([
      ['team.yaml', 'ok'],
      ['none-*.yaml', 'invalid'],
      ['acme[1].yaml', 'ok'],
    ]);
  });

  it('paths are shown relative to the working folder, however they were given', () => {
    const r = json([join(FIX, 'team.yaml'), './pass.yaml']);
    expect(r.out.files.map((f) => f.file)).toEqual(['team.yaml', 'pass.yaml']);
    const up = cli(['lint', 'lint/team.yaml', '--date', DATE], { cwd: join(FIX, '..') });
    expect(up.stdout).toMatch(/^lint\/team\.yaml:19:5 /m);
  });
});

describe('lint: several formats in one run', () => {
  it('each --output binds to the --format before it; the one without goes to stdout', () => {
    const dir = scratch();
    const r = cli(['lint', 'team.yaml', '--date', DATE, '--format', 'sarif', '--output', 'audit.sarif', '--format', 'stylish', '-f', 'junit', '-o', 'junit.xml', '-f', 'json', '-o', 'lint.json'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^team\.yaml:14:5 {2}high/m);
    expect(JSON.parse(readFileSync(join(dir, 'audit.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(JSON.parse(readFileSync(join(dir, 'lint.json'), 'utf8')).files[0].file).toBe('team.yaml');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'sales-audit: wrote sarif report to audit.sarif',
      'sales-audit: wrote junit report to junit.xml',
      'sales-audit: wrote json report to lint.json',
    ]);
  });

  it('an --output before any --format goes to the first format (or to stylish)', () => {
    const dir = scratch();
    expect(cli(['lint', 'team.yaml', '-o', 'a.md', '-f', 'markdown', '--date', DATE], { cwd: dir }).stdout).toBe('');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toMatch(/^# sales-audit lint\n/);
    expect(cli(['lint', 'team.yaml', '-o', 'plain.txt', '--date', DATE], { cwd: dir }).stdout).toBe('');
    expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).toMatch(/^team\.yaml:14:5/);
  });

  it('never renames over what is not a regular file: a pipe stays a pipe, a symbolic link stays a link', () => {
    const dir = scratch();
    // A FIFO stands in for /dev/null or /dev/stdout (the same code path, without risking the real ones).
    expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
    const reader = spawn('cat', [join(dir, 'pipe')]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const r = cli(['lint', 'team.yaml', '--date', DATE, '-f', 'json', '-o', 'pipe'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    cli(['lint', 'team.yaml', '--date', DATE, '-f', 'json', '-o', 'link.json'], { cwd: dir });
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).files[0].file).toBe('team.yaml');
    return new Promise<void>((done) =>
      reader.on('close', () => {
        expect(JSON.parse(got).files[0].file).toBe('team.yaml');
        done();
      }),
    );
  });

  it('stylish is coloured only on request (FORCE_COLOR), never in files or with NO_COLOR', () => {
    expect(lint(['team.yaml'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(lint(['team.yaml'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(lint(['team.yaml', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    const dir = scratch();
    cli(['lint', 'team.yaml', '-o', 'x.txt', '--date', DATE], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(readFileSync(join(dir, 'x.txt'), 'utf8')).not.toMatch(/\x1b\[/);
  });

  it('stylish keeps one line per problem even when a name holds line breaks or a terminal escape', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'esc.yaml'), 'version: 1\npeople:\n  - name: "Evil\\e[31m\\nRep"\n    selling_time_pct: 20\n');
    const r = cli(['lint', 'esc.yaml', '--date', DATE], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toMatch(/^esc\.yaml:4:5 {2}high {2}selling-time {2}Evil\[31m Rep spends 20% of the time selling/);
    expect(r.stdout).not.toContain('\x1b');
  });

  it.each(['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'])('%s: the same input gives the same bytes', (format) => {
    const args = ['team.yaml', 'waived.yaml', 'expired.yaml', 'invalid.yaml', '--format', format];
    const a = lint(args);
    const b = lint(args);
    expect(a.stdout.length).toBeGreaterThan(50);
    expect(b.stdout).toBe(a.stdout);
  });

  it('markdown: a table of files with their verdicts, then each report', () => {
    const r = lint(['team.yaml', 'expired.yaml', 'invalid.yaml', '--format', 'markdown']);
    expect(r.stdout).toContain('| File | Score | Grade | Coverage | Findings | Gates |');
    expect(r.stdout).toContain('| `team.yaml` | 5 | incomplete | 13% | 3 | passed |');
    expect(r.stdout).toContain('| `expired.yaml` | 5 | incomplete | 5% | 0 | failed: the waiver for sales-tools expired on 2026-03-31 |');
    expect(r.stdout).toContain('| `invalid.yaml` | | | | | could not be linted |');
    expect(r.stdout).toMatch(/^- `expired\.yaml:11:5` \*\*error\*\* `expired-waiver`: The waiver for sales-tools expired/m);
    expect(r.stdout.match(/^# .*$/gm)).toEqual(['# sales-audit lint']); // each report sits one level down
    expect(r.stdout).toMatch(/^## Sales audit: Team Co$/m);
    expect(r.stdout).not.toContain('<details>'); // short enough: nothing collapsed
  });

  // Issue 12, fault 12: three struggling orgs made 67,449 characters; a comment holds 65,536.
  it.each([3, 40])("markdown of %i struggling orgs stays under a comment's 65,536 characters, with a note, every file in the table", (n) => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-md-'));
    const files = Array.from({ length: n }, (_, i) => `s${i + 1}.yaml`);
    for (const f of files) cpSync(join(ROOT, 'templates/examples/struggling-startup.yaml'), join(dir, f));
    const r = cli(['lint', ...files, '--format', 'markdown', '--date', DATE], { cwd: dir });
    expect(r.stdout.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
    for (const f of files) expect(r.stdout).toContain(`| \`${f}\` | `);
    expect(r.stdout).toMatch(/^> \*\*Shortened to fit a comment\*\* \(GitHub holds 65,536 characters\): the sections are collapsed, and 1 section is cut/m);
    expect(r.stdout).toContain('<details><summary>s1.yaml: ');
    expect(r.stdout.match(/<details>/g)!.length).toBe(r.stdout.match(/<\/details>/g)!.length);
    if (n === 40) expect(r.stdout).toMatch(/and \d+ of 40 sections are left out\./);
  });

  it('markdown of 1,500 files: even the table is cut to fit, and says how many more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-md-'));
    const name = (i: number) => `org-with-a-rather-long-file-name-number-${String(i).padStart(4, '0')}.yaml`;
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, name(i)), 'version: 1\ncompany: { name: Small Co }\nplan: { documented: false }\n');
    const r = cli(['lint', '*.yaml', '--format', 'markdown', '-o', 'out.md', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(1);
    const out = readFileSync(join(dir, 'out.md'), 'utf8');
    expect(out.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
    expect(out).toContain(`| \`${name(0)}\` | `);
    expect(out).toMatch(/^\*\.\.\. and \d+ more files: run `sales-audit lint` with `--format stylish` or `json` for them all\.\*$/m);
    expect(out).toContain('The table is cut too');
  }, 60_000);
});

describe('lint: per-org config', () => {
  it('the nearest .sales-audit.yaml applies: turning the failing critical rule off changes the verdict', () => {
    const r = json(['cfg-off/fatal.yaml']);
    expect(r.code).toBe(0);
    expect(r.out.files[0]!.config).toBe('cfg-off/.sales-audit.yaml');
    expect(r.out.files[0]!.report.rules.find((x) => x.id === 'go-to-market-plan')!.status).toBe('off');
    // The same file without the config fails.
    expect(lint(['cfg-off/fatal.yaml', '--no-config']).code).toBe(1);
    expect(lint(['fatal.yaml']).code).toBe(1);
  });

  it('a config in a folder above the org file is found', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'nested', '.sales-audit.yaml'), 'gates:\n  failUnder: 99\n');
    const r = cli(['lint', 'nested/deeper/team.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gate failed: score 5 is under the fail-under gate (99)');
    expect(cli(['lint', 'team.yaml', '--date', DATE], { cwd: dir }).code).toBe(0);
  });

  it('thresholds: lower selling-time thresholds remove the finding, pass the rule on what is known (incomplete: 25% earned) and raise up-to from 92 to 93', () => {
    const base = json(['team.yaml']).out.files[0]!;
    expect(base.report.rules.find((x) => x.id === 'selling-time')!.status).toBe('partial');
    expect((base.report as unknown as { summary: { upTo: number } }).summary.upTo).toBe(92);
    const r = json(['team.yaml', '--config', 'configs/thresholds.yaml']);
    // Only AE 2's 40% is known to count (the other reps' is_rep is unknown): the earned points round to the same 5.
    expect(r.out.files[0]!.score).toBe(5);
    // Every known check passes, but the reps' unknown is_rep holds the points at 25%: incomplete, not pass (issue 11, item 12).
    expect(r.out.files[0]!.report.rules.find((x) => x.id === 'selling-time')!.status).toBe('incomplete');
    expect((r.out.files[0]!.report as unknown as { summary: { upTo: number } }).summary.upTo).toBe(93);
    expect(r.out.files[0]!.problems.map((p) => p.ruleId)).toEqual(['manage-not-pay-cut', 'manage-not-pay-cut']);
  });

  it('severity and weight: the findings change label, the weights move (up to 92 -> 99), and --fail-on high passes', () => {
    expect(lint(['team.yaml', '--fail-on', 'high']).code).toBe(1);
    const r = json(['team.yaml', '--config', 'configs/severity.yaml', '--fail-on', 'high']);
    expect(r.code).toBe(0);
    // The failing manage-not-pay-cut now weighs 1 and selling-time 2.5: 100 x (3.75 + 0.625) / 93.5 = 4.7, up to 99.
    expect(r.out.files[0]!.score).toBe(5);
    expect((r.out.files[0]!.report as unknown as { summary: { upTo: number } }).summary.upTo).toBe(99);
    expect(r.out.files[0]!.problems.map((p) => [p.ruleId, p.severity])).toEqual([
      ['selling-time', 'low'],
      ['manage-not-pay-cut', 'medium'],
      ['manage-not-pay-cut', 'low'],
    ]);
  });

  it('gate defaults come from the config; flags override them', () => {
    const r = lint(['team.yaml', '--config', 'configs/gates.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('score 5 is under the fail-under gate (95)');
    expect(r.stderr).toContain('(--strict)');
    const over = lint(['team.yaml', '--config', 'configs/gates.yaml', '--fail-under', '5', '--no-strict']);
    expect(over.code).toBe(0);
    expect(over.stderr).toBe('');
    expect(lint(['fatal.yaml', '--config', 'configs/no-fatal.yaml']).code).toBe(0);
  });
});

describe('schema --config', () => {
  it("prints the config's JSON Schema: every rule id, each with its own options", () => {
    const r = cli(['schema', '--config']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as {
      title: string;
      properties: { rules: { properties: Record<string, { properties: { options: { properties: Record<string, unknown> } } }> }; gates: unknown };
    };
    expect(schema.title).toMatch(/sales-audit config/);
    expect(Object.keys(schema.properties.rules.properties)).toEqual(rules.map((r) => r.id));
    expect(Object.keys(schema.properties.rules.properties['selling-time']!.properties.options.properties)).toEqual(['failBelow', 'passAbove', 'offloadHoursLimit']);
    expect(JSON.parse(cli(['schema']).stdout).title).toMatch(/org file/); // the org file's schema is unchanged
  });
});

describe('lint: waivers', () => {
  it('an active waiver: the rule shows as waived, leaves the score, and its fatal finding no longer fails', () => {
    const r = json(['waived.yaml']);
    expect(r.code).toBe(0);
    const f = r.out.files[0]!;
    expect(f.report.rules.find((x) => x.id === 'go-to-market-plan')!.status).toBe('waived');
    expect(f.score).toBe(0); // the only assessed rule is waived; the rules not assessed still apply and earn nothing (issue 10)
    expect(f.problems.map((p) => [p.kind, p.ruleId, p.line])).toEqual([
      ['suppressed', 'go-to-market-plan', 6],
      ['waived', 'go-to-market-plan', 8],
    ]);
    const text = lint(['waived.yaml']).stdout;
    expect(text).toMatch(/^waived\.yaml:8:5 {2}waived {2}go-to-market-plan {2}Waived until 2027-03-31 by CEO: the plan is being rewritten with the new board$/m);
    expect(text).not.toMatch(/critical/);
  });

  it('a waiver for an unknown rule or without a reason is an input error (exit 2), in audit too', () => {
    expect(cli(['audit', 'unknown-waiver.yaml']).stderr).toMatch(/^unknown-waiver\.yaml:5:11: waivers\[0\]\.rule: unknown rule "go-to-market-plans"; did you mean "go-to-market-plan"\?/);
    expect(cli(['audit', 'unknown-waiver.yaml']).code).toBe(2);
    expect(cli(['audit', 'missing-reason.yaml']).code).toBe(2);
  });
});

describe('audit shares the gates, the config and several formats', () => {
  it('--strict, --config and gate defaults from the config', () => {
    expect(cli(['audit', 'pass.yaml', '--date', DATE, '--strict', '-f', 'json']).code).toBe(1);
    expect(cli(['audit', 'pass.yaml', '--date', DATE, '-f', 'json']).code).toBe(0);
    const r = cli(['audit', 'team.yaml', '--date', DATE, '--config', 'configs/thresholds.yaml', '-f', 'json']);
    expect(JSON.parse(r.stdout).summary.upTo).toBe(93); // the thresholds apply in audit too (92 without them)
    expect(JSON.parse(r.stdout).summary.score).toBe(5);
    expect(cli(['audit', 'team.yaml', '--date', DATE, '--config', 'configs/gates.yaml', '-f', 'json']).code).toBe(1);
    expect(JSON.parse(cli(['audit', 'cfg-off/fatal.yaml', '--date', DATE, '-f', 'json']).stdout).rules.find((x: { id: string }) => x.id === 'go-to-market-plan').status).toBe('off');
    const bad = cli(['audit', 'team.yaml', '--config', 'configs/unknown-key.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('configs/unknown-key.yaml:1:1: gate: unknown key "gate"; did you mean "gates"?\n');
  });

  it('an expired waiver fails audit too, with its place', () => {
    const r = cli(['audit', 'expired.yaml', '--date', DATE, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('sales-audit: gate failed: expired.yaml:11:5: the waiver for sales-tools expired on 2026-03-31\n');
  });

  it('several formats: json to a file and text to stdout', () => {
    const dir = scratch();
    const r = cli(['audit', 'team.yaml', '--date', DATE, '--format', 'json', '-o', 'a.json', '--format', 'text', '--no-color'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Sales audit: Team Co/);
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).summary.score).toBe(5);
    expect(existsSync(join(dir, 'a.json'))).toBe(true);
  });

  it('a bundled example ignores any .sales-audit.yaml around the working folder', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'w'));
    writeFileSync(join(dir, 'w', '.sales-audit.yaml'), 'rules:\n  go-to-market-plan:\n    enabled: false\n');
    const r = cli(['audit', '--example', 'struggling-startup', '--date', DATE, '-f', 'json'], { cwd: join(dir, 'w') });
    expect(JSON.parse(r.stdout).rules.find((x: { id: string }) => x.id === 'go-to-market-plan').status).not.toBe('off');
  });
});

// Issue 11, item 13: a policy for a job title nobody has is reported at its applies_to, with a suggestion.
describe('lint: a policy for a job title nobody has', () => {
  it('is a medium finding at file:line:col with "did you mean", in text and JSON; the audit shows it too', () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'typo.yaml'),
      'version: 1\ncompany: { name: TypoCo, employees: 20 }\nroles:\n  - { title: Account Executive, open: false, carries_quota: true, direct_reports: 0, hiring_authority: false }\npolicies:\n  - one_to_one: weekly\n    applies_to: Acount Executive\npeople:\n  - { name: Kim, title: Account Executive, is_rep: true }\n',
    );
    const text = lint(['typo.yaml'], { cwd: dir });
    expect(text.stdout).toContain(
      'typo.yaml:7:5  medium  role-title-fit  The policy for all Acount Executives applies to nobody: no role or person in the file has the job title "Acount Executive" (did you mean "Account Executive"?).',
    );
    const out = json(['typo.yaml'], { cwd: dir }).out;
    expect(out.files[0]!.problems.filter((p) => p.ruleId === 'role-title-fit').map((p) => [p.line, p.column, (p as { path?: string }).path, p.severity])).toEqual([
      [7, 5, 'policies[0].applies_to', 'medium'],
    ]);
    const audit = cli(['audit', 'typo.yaml', '--date', DATE], { cwd: dir });
    expect(audit.stdout.replace(/\s+/g, ' ')).toContain(
      'MEDIUM role-title-fit The policy for all Acount Executives applies to nobody: no role or person in the file has the job title "Acount Executive" (did you mean "Account Executive"?). at typo.yaml:7:5',
    );
  });
});

describe('lint: many files, every format written file by file', () => {
  it('gives each format the same bytes on stdout and with --output, and leaves no temporary file behind', () => {
    // 25 variants of the mid-size example: MBs of JSON, past the spool's memory, so it uses its temporary file.
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-lint-many-'));
    const tmp = mkdtempSync(join(tmpdir(), 'sales-audit-lint-tmp-'));
    const text = readFileSync(join(ROOT, 'templates/examples/mid-size-gaps.yaml'), 'utf8');
    for (let i = 0; i < 25; i++) writeFileSync(join(dir, `org-${String(i).padStart(2, '0')}.yaml`), text.replace(/^ {2}employees: 120/m, `  employees: ${100 + i}`));
    // Not cli(): its output is more than spawnSync buffers by default.
    const run = (args: string[]) => {
      const r = spawnSync(NODE, [join(ROOT, 'bin/sales-audit.js'), 'lint', '*.yaml', '--no-config', '--date', DATE, ...args], {
        cwd: dir,
        env: { ...process.env, TMPDIR: tmp },
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown']) {
      const out = run(['--format', format]);
      const file = run(['--format', format, '-o', `out.${format}`]);
      expect(out.code, `${format}: ${out.stderr}`).toBe(file.code);
      expect(out.code).not.toBe(2);
      expect(out.stdout.length, format).toBeGreaterThan(1000);
      expect(readFileSync(join(dir, `out.${format}`), 'utf8'), format).toBe(out.stdout);
      if (format === 'json') expect((JSON.parse(out.stdout) as { files: unknown[] }).files).toHaveLength(25);
      if (format === 'sarif') expect((JSON.parse(out.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results.length).toBeGreaterThan(25 * 30);
    }
    expect(readdirSync(tmp)).toEqual([]);
  }, 300_000);
});
