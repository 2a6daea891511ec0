// Progress over time, end to end with the built binary in temporary git
// repositories: diff, audit --baseline, lint --baseline (a base commit and a
// branch commit), history over five commits. Expected figures come from the
// CLI's own audits of each version, never pinned.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { MULTITOOL, SARIF_SCHEMA } from '../lint/helpers';
import { cli, DATE, loadedChunks, ROOT } from './run';

const EXAMPLE = readFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, 'utf8');
const HEALTHY = readFileSync(`${ROOT}templates/examples/healthy-org.yaml`, 'utf8');
// The fatal gate is lint's default; these tests look at the regression gate alone.
const CONFIG = 'gates:\n  failOnFatal: false\n';

function git(dir: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-git-'));
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.email', 'test@example.com']);
  git(dir, ['config', 'user.name', 'Test']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  return dir;
}

function commit(dir: string, message: string, files: Record<string, string>, date = '2026-01-05') {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git(dir, ['add', '-A']);
  const when = `${date}T12:00:00+00:00`;
  git(dir, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
}

/** The headline of an org text as `audit --format json` gives it (at `date`). */
function auditOf(dir: string, text: string, date = DATE) {
  const file = join(dir, `.v-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const r = cli(['audit', file, '--format', 'json', '--date', date], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { summary: { score: number; coverage: number }; findings: { id: string; note: boolean; suppressed: boolean }[] };
}

const better = EXAMPLE.replace('selling_time_pct: 41', 'selling_time_pct: 50');
const worse = EXAMPLE.replace(/selling_time_pct: \d+/g, 'selling_time_pct: 10');

describe('diff', () => {
  const dir = repo();
  commit(dir, 'base', { 'orgs/acme.yaml': EXAMPLE, '.sales-audit.yaml': CONFIG });
  writeFileSync(join(dir, 'orgs/acme.yaml'), better);

  it('compares a revision with the work tree: headline, one finding resolved, the fact that changed', () => {
    const r = cli(['diff', 'main:orgs/acme.yaml', 'orgs/acme.yaml', '--date', DATE], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const b = auditOf(dir, EXAMPLE).summary.score;
    const a = auditOf(dir, better).summary.score;
    expect(r.stdout).toContain(`Score     ${b === a ? `${a} (unchanged)` : `${b} → ${a} (+${a - b})`}`);
    expect(r.stdout).toMatch(/Findings: 1 resolved, 0 new, \d+ still open/);
    expect(r.stdout).toContain('✓ resolved high     selling-time  AE 1 spends 41% of the time selling');
    expect(r.stdout).toContain('people["AE 1"].selling_time_pct: 41 → 50');
  });

  it('json (versioned), markdown and html; a JSON report as a side', () => {
    const json = cli(['diff', 'main:orgs/acme.yaml', 'orgs/acme.yaml', '--date', DATE, '--format', 'json'], { cwd: dir });
    const d = JSON.parse(json.stdout);
    expect(d.schemaVersion).toBe(2);
    expect(d.score.delta).toBe(auditOf(dir, better).summary.score - auditOf(dir, EXAMPLE).summary.score);
    expect(d.findings.resolved.map((f: { id: string }) => f.id)).toEqual(['selling-time/repMiddle/people["AE 1"].selling_time_pct']);
    const md = cli(['diff', 'main:orgs/acme.yaml', 'orgs/acme.yaml', '--date', DATE, '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toMatch(/^# sales-audit: `main:orgs\/acme\.yaml` → `orgs\/acme\.yaml`/);
    expect(md.stdout).toContain('## Resolved (1)');
    const html = cli(['diff', 'main:orgs/acme.yaml', 'orgs/acme.yaml', '--date', DATE, '--format', 'html'], { cwd: dir });
    expect(html.stdout).toContain('Content-Security-Policy');
    expect(html.stdout).not.toMatch(/<script/i);
    expect(html.stdout).toContain('Resolved</span>');
    expect(cli(['audit', 'orgs/acme.yaml', '--date', DATE, '--format', 'json', '-o', 'before.json'], { cwd: dir }).code).toBe(0);
    const fromJson = JSON.parse(cli(['diff', 'before.json', 'orgs/acme.yaml', '--date', DATE, '--format', 'json'], { cwd: dir }).stdout);
    expect(fromJson.facts).toBeNull();
    expect(fromJson.findings.resolved).toEqual([]);
  });

  it('--fail-on-regression: exit 1 when the score fell, 0 when it rose', () => {
    writeFileSync(join(dir, 'worse.yaml'), worse);
    const down = cli(['diff', 'main:orgs/acme.yaml', 'worse.yaml', '--date', DATE, '--fail-on-regression'], { cwd: dir });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^sales-audit: regression: the score fell from \d+ to \d+/);
    expect(cli(['diff', 'main:orgs/acme.yaml', 'orgs/acme.yaml', '--date', DATE, '--fail-on-regression'], { cwd: dir }).code).toBe(0);
  });

  it('bad sides: one line, exit 2, no stack trace', () => {
    for (const [args, re] of [
      [['diff', 'missing.yaml', 'orgs/acme.yaml'], /^sales-audit: missing\.yaml: no such file; expected an org file, a JSON report, or a file at a git revision/],
      [['diff', 'nobranch:orgs/acme.yaml', 'orgs/acme.yaml'], /^sales-audit: nobranch:orgs\/acme\.yaml: no such file, and "nobranch" is not a git revision/],
      [['diff', 'main:orgs/none.yaml', 'orgs/acme.yaml'], /^sales-audit: main:orgs\/none\.yaml: the file is not in main/],
    ] as const) {
      const r = cli([...args], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": 2,');
    const bad = cli(['diff', 'bad.json', 'orgs/acme.yaml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.json:1:\d+: invalid JSON; expected a sales-audit JSON report/);
  });
});

describe('audit --baseline', () => {
  const dir = repo();
  commit(dir, 'base', { 'acme.yaml': EXAMPLE });
  writeFileSync(join(dir, 'acme.yaml'), better);

  it('a revision: every format gains "since the last audit"', () => {
    const text = cli(['audit', 'acme.yaml', '--baseline', 'main', '--date', DATE], { cwd: dir });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Since the last audit (main:acme.yaml, 2026-11-27)');
    expect(text.stdout).toContain('[x] resolved  selling-time: AE 1 spends 41% of the time selling');
    // Placed before the categories.
    expect(text.stdout.indexOf('Since the last audit')).toBeLessThan(text.stdout.indexOf('\nCategories'));
    const json = JSON.parse(cli(['audit', 'acme.yaml', '--baseline', 'main', '--date', DATE, '--format', 'json'], { cwd: dir }).stdout);
    expect(json.schemaVersion).toBe(2);
    expect(json.since.findings.resolved).toHaveLength(1);
    expect(json.since.score.after).toBe(json.summary.score);
    const md = cli(['audit', 'acme.yaml', '--baseline', 'main', '--date', DATE, '--format', 'markdown'], { cwd: dir }).stdout;
    expect(md).toContain('## Since the last audit');
    expect(md).toContain('- [x] ~~AE 1 spends 41% of the time selling');
    const html = cli(['audit', 'acme.yaml', '--baseline', 'main', '--date', DATE, '--format', 'html'], { cwd: dir }).stdout;
    expect(html).toContain('id="since"');
    expect(html.indexOf('id="since"')).toBeGreaterThan(html.indexOf('class="cover"'));
    expect(html).toMatch(/<div class="card score-card">.*<p class="gauge-delta (up|same|down)" id="gauge-delta">/);
  });

  it('a JSON report of the first audit; --fail-on-regression', () => {
    writeFileSync(join(dir, 'first.json'), JSON.stringify(auditOf(dir, EXAMPLE)));
    const r = cli(['audit', 'acme.yaml', '--baseline', 'first.json', '--date', DATE], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Findings: 1 resolved, 0 new/);
    writeFileSync(join(dir, 'worse.yaml'), worse);
    const down = cli(['audit', 'worse.yaml', '--baseline', 'first.json', '--date', DATE, '--fail-on-regression'], { cwd: dir });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/gate failed: regression since first\.json: score \d+ → \d+, \d+ new finding/);
    const usage = cli(['audit', 'acme.yaml', '--fail-on-regression'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('sales-audit: --fail-on-regression needs --baseline <report|revision> to compare with\n');
  });
});

describe('lint --baseline in a repository with a base and a branch commit', () => {
  const dir = repo();
  commit(dir, 'base', { 'orgs/acme.yaml': EXAMPLE, 'orgs/beta.yaml': EXAMPLE, '.sales-audit.yaml': CONFIG });
  git(dir, ['checkout', '-q', '-b', 'feature']);
  commit(dir, 'branch', { 'orgs/acme.yaml': better, 'orgs/beta.yaml': worse, 'orgs/gamma.yaml': HEALTHY });
  const files = ['orgs/acme.yaml', 'orgs/beta.yaml', 'orgs/gamma.yaml'];
  const lint = (...args: string[]) => cli(['lint', ...files, '--baseline', 'main', '--date', DATE, ...args], { cwd: dir });

  it('stylish: the delta in the summary line; a new file has no baseline', () => {
    const r = lint();
    expect(r.code, r.stderr).toBe(0);
    // The summary block (one line per file when one line would be too wide).
    const summary = r.stdout.trim().split('\n\n').at(-1)!;
    const up = auditOf(dir, better).summary.score - auditOf(dir, EXAMPLE).summary.score;
    const down = auditOf(dir, worse).summary.score - auditOf(dir, EXAMPLE).summary.score;
    expect(summary).toContain(`; ${up > 0 ? `+${up}` : up === 0 ? '±0' : up} since main, 1 resolved, 0 new)`);
    expect(summary).toMatch(new RegExp(`orgs/beta\\.yaml \\d+/100 \\([^)]*; ${down} since main, \\d+ resolved, [1-9]\\d* new(, \\d+ worse)?\\)`));
    expect(summary).toContain('; new since main)');
  });

  it('--fail-on-regression: exit 1 for the file that fell, at the severity asked', () => {
    const r = lint('--fail-on-regression');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sales-audit: orgs\/beta\.yaml: gate failed: the score fell from \d+ to \d+ since main$/m);
    expect(r.stderr).toMatch(/^sales-audit: orgs\/beta\.yaml: gate failed: \d+ new findings? at or above low since main$/m);
    expect(r.stderr).not.toMatch(/orgs\/(acme|gamma)\.yaml: gate failed/);
  });

  it("markdown: a summary for a PR comment with each file's change, under 65,536 characters", () => {
    const r = lint('--format', 'markdown');
    expect(r.stdout.length).toBeLessThan(65_536);
    expect(r.stdout).toContain('# sales-audit lint (compared with `main`)');
    expect(r.stdout).toContain('| File | Score | Change | Grade | Coverage | Findings | New | Resolved | Gates |');
    expect(r.stdout).toMatch(/\| `orgs\/gamma\.yaml` \| \d+ \| new file \|/);
    expect(r.stdout).toContain('## `orgs/gamma.yaml`: new since `main` (no earlier version to compare with)');
    expect(r.stdout).toContain('## `orgs/acme.yaml`: `main:orgs/acme.yaml` → `orgs/acme.yaml`');
  });

  it('markdown stays under 65,536 characters with many files, and says what it left out', () => {
    const many = repo();
    const orgs = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`orgs/o${String(i).padStart(2, '0')}.yaml`, EXAMPLE]));
    commit(many, 'base', { ...orgs, '.sales-audit.yaml': CONFIG });
    commit(many, 'branch', Object.fromEntries(Object.keys(orgs).map((k) => [k, worse])));
    const r = cli(['lint', 'orgs/*.yaml', '--baseline', 'HEAD~1', '--date', DATE, '--format', 'markdown'], { cwd: many });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(30_000);
    expect(r.stdout.length).toBeLessThan(65_536);
    expect(r.stdout).toMatch(/^> \*\*Shortened to fit a comment\*\* \(GitHub holds 65,536 characters\): the sections are collapsed, and (1 section is cut|\d+ of \d+ sections are left out)/m);
    // Every file is in the table.
    for (const k of Object.keys(orgs)) expect(r.stdout).toContain(`| \`${k}\` |`);
  }, 60_000);

  it('json, sarif, junit and github carry the change', () => {
    const json = JSON.parse(lint('--format', 'json').stdout);
    expect(json.files.map((f: { baseline: { status: string } }) => f.baseline.status)).toEqual(['compared', 'compared', 'new']);
    expect(json.files[0].baseline.diff.findings.resolved).toHaveLength(1);
    const sarif = JSON.parse(lint('--format', 'sarif').stdout);
    const results = sarif.runs[0].results as { baselineState?: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const states = (uri: string) => new Set(results.filter((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === uri).map((x) => x.baselineState));
    expect(states('orgs/gamma.yaml')).toEqual(new Set(['new']));
    expect(states('orgs/acme.yaml').has('unchanged')).toBe(true);
    expect(states('orgs/acme.yaml').has('new')).toBe(false);
    expect(states('orgs/beta.yaml').has('new')).toBe(true);
    const junit = lint('--format', 'junit', '--fail-on-regression', 'high').stdout;
    expect(junit).toContain('<property name="baseline" value="main"/>');
    // The comparison in words too, where CI pages that hide properties show it (review 7 item 3).
    expect(junit).toMatch(
      /<system-out>Since main: score \d+ → \d+ \([-+]?\d+\); findings: 1 resolved, 0 new, 0 worse, \d+ still open, 0 no longer assessed, 0 waived, 0 newly assessed\.<\/system-out>/,
    );
    expect(junit).toMatch(/<testcase name="gate: no regression since main \(score not lower, no new or worse finding at or above high\)" classname="orgs\/beta\.yaml"[^>]*>\s*<failure/);
    const github = lint('--format', 'github').stdout;
    expect(github).toMatch(/^::notice file=orgs\/acme\.yaml,title=sales-audit change::\+?[-±\d]+ since main, 1 resolved, 0 new$/m);
    expect(github).toContain('::notice file=orgs/gamma.yaml,title=sales-audit change::new since main');
  });

  it("SARIF with baseline states is valid against the 2.1.0 schema and the Multitool's SARIF and GitHub rules", () => {
    const text = lint('--format', 'sarif').stdout;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const tmp = mkdtempSync(join(tmpdir(), 'sales-audit-sarif-'));
    writeFileSync(join(tmp, 'in.sarif'), text);
    const r = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Gh', join(tmp, 'in.sarif'), '-o', join(tmp, 'out.sarif'), '--log', 'ForceOverwrite'], {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const log = JSON.parse(readFileSync(join(tmp, 'out.sarif'), 'utf8')) as { runs: { results?: { level?: string; ruleId: string }[] }[] };
    expect((log.runs[0]!.results ?? []).filter((x) => x.level === 'error').map((x) => x.ruleId)).toEqual([]);
  }, 90_000);

  it('a revision that does not exist: exit 2, one line; a file whose base version is invalid has no baseline', () => {
    const r = lint('--baseline', 'no-such-branch');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-audit: --baseline no-such-branch: not a git revision (a branch, tag or commit; in CI fetch it first, e.g. git fetch origin main)\n');
    const d2 = repo();
    commit(d2, 'base', { 'acme.yaml': 'company: [oops', '.sales-audit.yaml': CONFIG });
    commit(d2, 'fix', { 'acme.yaml': EXAMPLE });
    const j = JSON.parse(cli(['lint', 'acme.yaml', '--baseline', 'HEAD~1', '--date', DATE, '--format', 'json'], { cwd: d2 }).stdout);
    expect(j.files[0].baseline.status).toBe('unreadable');
    expect(j.files[0].baseline.message).toMatch(/^HEAD~1:acme\.yaml:1:\d+: /);
  });

  it('both versions are audited with the same settings: the config, or none with --no-config', () => {
    const d4 = repo();
    commit(d4, 'base', { 'acme.yaml': EXAMPLE, '.sales-audit.yaml': 'rules:\n  selling-time:\n    enabled: false\n' });
    for (const extra of [[], ['--no-config']]) {
      const j = JSON.parse(cli(['lint', 'acme.yaml', '--baseline', 'HEAD', '--date', DATE, '--format', 'json', ...extra], { cwd: d4 }).stdout);
      const d = j.files[0].baseline.diff;
      expect([d.score.delta, d.findings.new.length, d.findings.resolved.length], extra.join(' ')).toEqual([0, 0, 0]);
      expect(j.files[0].report.rules.find((r: { id: string }) => r.id === 'selling-time').status === 'off', extra.join(' ')).toBe(extra.length === 0);
    }
  });

  it('reordering people and stages in the branch: no finding resolved or new', () => {
    const d3 = repo();
    commit(d3, 'base', { 'acme.yaml': EXAMPLE, '.sales-audit.yaml': CONFIG });
    // People and stages in the opposite order, and the file re-indented: the same facts, other lines.
    const doc = parseDocument(EXAMPLE);
    for (const path of [['people'], ['process', 'stages']]) (doc.getIn(path) as { items: unknown[] }).items.reverse();
    const reordered = doc.toString({ indent: 4 });
    expect(reordered).not.toBe(EXAMPLE);
    commit(d3, 'reorder', { 'acme.yaml': reordered });
    const j = JSON.parse(cli(['lint', 'acme.yaml', '--baseline', 'HEAD~1', '--date', DATE, '--format', 'json'], { cwd: d3 }).stdout);
    if (j.files[0].status !== 'ok') throw new Error(JSON.stringify(j.files[0].diagnostics));
    const d = j.files[0].baseline.diff;
    expect(d.findings.resolved).toEqual([]);
    expect(d.findings.new).toEqual([]);
    expect(d.score.delta).toBe(0);
  });
});

describe('history on a repository of five commits', () => {
  const dir = repo();
  const versions = [
    EXAMPLE,
    EXAMPLE.replace('selling_time_pct: 41', 'selling_time_pct: 50'),
    EXAMPLE.replace('selling_time_pct: 41', 'selling_time_pct: 50').replace('selling_time_pct: 38', 'selling_time_pct: 50'),
    worse,
    HEALTHY,
  ];
  const dates = ['2026-01-05', '2026-02-10', '2026-03-15', '2026-04-20', '2026-05-25'];
  versions.forEach((v, i) => commit(dir, i === 3 ? 'step 4 \x1b]0;owned\x07 \x1b[31mred' : `step ${i + 1}`, { 'acme.yaml': v }, dates[i]));

  it('json: one point per commit, oldest first, each the audit of that version at its commit date', () => {
    const r = cli(['history', 'acme.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const h = JSON.parse(r.stdout);
    expect(h.schemaVersion).toBe(1);
    expect(h.points.map((p: { date: string }) => p.date)).toEqual(dates);
    const expected = versions.map((v, i) => auditOf(dir, v, dates[i]).summary);
    expect(h.points.map((p: { score: number }) => p.score)).toEqual(expected.map((s) => s.score));
    expect(h.points.map((p: { coverage: number }) => p.coverage)).toEqual(expected.map((s) => s.coverage));
    expect(h.points[4].subject).toBe('step 5');
  });

  it('text: sparklines and a table, no control sequence from a commit message; progress on stderr', () => {
    const r = cli(['history', 'acme.yaml', '--progress'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toMatch(/^ {2}Score +[▁▂▃▄▅▆▇█]{5} {2}\d+ → \d+$/m);
    expect(r.stdout).toContain('step 4 ]0;owned [31mred');
    expect(r.stdout.split('\n').filter((l) => /^ {2}2026-\d\d-\d\d {2}[0-9a-f]{7} /.test(l))).toHaveLength(5);
    expect(r.stderr.trim().split('\n')).toEqual(dates.map((d, i) => `sales-audit: history: auditing ${i + 1}/5 (${d})`));
    // Not a terminal and no --progress: nothing on stderr.
    expect(cli(['history', 'acme.yaml'], { cwd: dir }).stderr).toBe('');
    expect(JSON.parse(cli(['history', 'acme.yaml', '--last', '2', '--format', 'json'], { cwd: dir }).stdout).points).toHaveLength(2);
  });

  it('on a terminal, progress is one line that updates itself and is cleared at the end', async () => {
    // A real pseudo-terminal (tmux, own socket); its raw output recorded with pipe-pane.
    const socket = `sales-audit-progress-${process.pid}`;
    const tmux = (args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    const raw = join(dir, 'raw.log');
    const started = tmux([
      'new-session',
      '-d',
      '-x',
      '100',
      '-y',
      '20',
      '-c',
      dir,
      `while [ ! -e go ]; do sleep 0.05; done; ${process.execPath} ${ROOT}bin/sales-audit.js history acme.yaml --format json -o out.json; echo EXIT=$?; sleep 30`,
    ]);
    expect(started.status, `tmux is needed for this test (apt-get install -y tmux): ${started.stderr}`).toBe(0);
    try {
      tmux(['pipe-pane', '-o', '-t', '0', `cat >> ${raw}`]);
      // The run starts once its output is being recorded.
      writeFileSync(join(dir, 'go'), '');
      const until = Date.now() + 20_000;
      while (!/EXIT=\d/.test(tmux(['capture-pane', '-p', '-t', '0']).stdout) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const screen = tmux(['capture-pane', '-p', '-t', '0']).stdout;
      expect(screen).toContain('EXIT=0');
      // The progress line is gone from the screen once the run ends.
      expect(screen).not.toContain('auditing');
      const bytes = readFileSync(raw, 'utf8');
      for (let i = 1; i <= 5; i++) expect(bytes).toContain(`\rsales-audit: history: auditing ${i}/5 (${dates[i - 1]})\x1b[K`);
      expect(bytes).toContain('\r\x1b[Ksales-audit: wrote json report to out.json');
    } finally {
      tmux(['kill-server']);
    }
  });

  it('a version that cannot be read is shown as such and breaks the line', () => {
    const d2 = repo();
    commit(d2, 'ok', { 'acme.yaml': EXAMPLE }, '2026-01-01');
    commit(d2, 'broken', { 'acme.yaml': 'company: [oops' }, '2026-01-02');
    commit(d2, 'fixed', { 'acme.yaml': EXAMPLE }, '2026-01-03');
    const h = JSON.parse(cli(['history', 'acme.yaml', '--format', 'json'], { cwd: d2 }).stdout);
    expect(h.points.map((p: { score: number | null }) => p.score === null)).toEqual([false, true, false]);
    expect(h.points[1].error).toMatch(/acme\.yaml:1:\d+: /);
    expect(cli(['history', 'acme.yaml'], { cwd: d2 }).stdout).toMatch(/^ {2}Score +[▁▂▃▄▅▆▇█]·[▁▂▃▄▅▆▇█] {2}/m);
  });

  it('a file outside git, or never committed: exit 2, one line', () => {
    const plain = mkdtempSync(join(tmpdir(), 'sales-audit-nogit-'));
    writeFileSync(join(plain, 'acme.yaml'), EXAMPLE);
    const r = cli(['history', 'acme.yaml'], { cwd: plain, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-audit: history acme.yaml: not inside a git work tree; expected an org file in a git work tree (history audits the commits that changed it)\n');
    writeFileSync(join(dir, 'new.yaml'), EXAMPLE);
    const n = cli(['history', 'new.yaml'], { cwd: dir });
    expect(n.code).toBe(2);
    expect(n.stderr).toBe('sales-audit: new.yaml: no commit has this file yet; commit it first (git add, git commit)\n');
  });
});

describe('start-up: the comparison code loads only when asked for', () => {
  const markers = ['expected a sales-audit JSON report', '--show-toplevel', 'Facts that changed', 'each mark is one commit'];
  it('audit --format json and lint never load it; lint --baseline does', () => {
    const dir = repo();
    commit(dir, 'base', { 'acme.yaml': EXAMPLE, '.sales-audit.yaml': CONFIG });
    const chunkText = (f: string) => readFileSync(`${ROOT}dist/${f}`, 'utf8');
    for (const args of [
      ['audit', '--example', 'mid-size-gaps', '--format', 'json', '--date', DATE],
      ['lint', 'acme.yaml', '--date', DATE],
      ['lint', 'acme.yaml', '--format', 'json', '--date', DATE],
    ]) {
      const r = loadedChunks(args, { cwd: dir });
      expect(r.chunks.length, args.join(' ')).toBeGreaterThan(0);
      const text = r.chunks.map((c) => chunkText(c.file)).join('\n');
      for (const m of markers) expect(text.includes(m), `${args.join(' ')} loads "${m}"`).toBe(false);
    }
    const withBaseline = loadedChunks(['lint', 'acme.yaml', '--baseline', 'main', '--date', DATE], { cwd: dir });
    expect(withBaseline.chunks.map((c) => chunkText(c.file)).join('\n')).toContain('--show-toplevel');
  });

  it('diff and history have --help with examples', () => {
    for (const cmd of ['diff', 'history']) {
      const r = cli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:\n\s+\$ sales-audit /);
    }
  });
});

describe('README: the pull-request workflow runs as written', () => {
  it('its lint command compares with the base branch, writes the summary, and fails on a regression', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('sales-audit-pr.yml'));
    expect(block).toBeDefined();
    const wf = parseDocument(block!).toJS() as { jobs: { change: { steps: { run?: string; with?: Record<string, unknown> }[] } } };
    const steps = wf.jobs.change.steps;
    expect(steps[0]!.with!['fetch-depth']).toBe(0);
    const run = steps
      .find((s) => s.run?.includes('--baseline'))!
      .run!.trim()
      .replace('${{ github.base_ref }}', 'main');
    const words = [...run.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    expect(words.slice(0, 2)).toEqual(['sales-audit', 'lint']);
    const dir = repo();
    commit(dir, 'base', { 'orgs/acme.yaml': EXAMPLE, '.sales-audit.yaml': CONFIG });
    git(dir, ['update-ref', 'refs/remotes/origin/main', 'HEAD']);
    commit(dir, 'better', { 'orgs/acme.yaml': better });
    const ok = cli([...words.slice(1), '--date', DATE], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    const summary = readFileSync(join(dir, 'sales-audit.md'), 'utf8');
    expect(summary).toContain('# sales-audit lint (compared with `origin/main`)');
    expect(summary.length).toBeLessThan(65_536);
    const up = auditOf(dir, better).summary.score - auditOf(dir, EXAMPLE).summary.score;
    expect(ok.stdout).toContain(`; ${up > 0 ? `+${up}` : up < 0 ? up : '±0'} since origin/main, 1 resolved, 0 new)\n`);
    commit(dir, 'worse', { 'orgs/acme.yaml': worse });
    const bad = cli([...words.slice(1), '--date', DATE], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/gate failed: \d+ new findings? at or above high since origin\/main/);
  });
});

describe('nothing read from a file or a commit reaches the output as a control sequence', () => {
  it('every format of diff, history, audit --baseline and lint --baseline', () => {
    const dir = repo();
    const hostile = EXAMPLE.replace('- name: AE 1\n', '- name: "AE \\e]0;pwned\\a\\e[31m1"\n');
    commit(dir, 'base \x1b]0;title\x07 \x1b[2J', { 'acme.yaml': hostile, '.sales-audit.yaml': CONFIG }, '2026-01-05');
    commit(dir, 'fix \x1b[31mred', { 'acme.yaml': hostile.replace('selling_time_pct: 41', 'selling_time_pct: 50').replace('- name: AE 2\n', '- name: "AE \\e[1m2"\n') }, '2026-02-05');
    const runs: string[][] = [];
    for (const f of ['text', 'markdown', 'json', 'html']) {
      runs.push(['diff', 'HEAD~1:acme.yaml', 'acme.yaml', '--date', DATE, '--all', '--format', f]);
      runs.push(['history', 'acme.yaml', '--format', f]);
      runs.push(['audit', 'acme.yaml', '--baseline', 'HEAD~1', '--date', DATE, '--format', f]);
    }
    for (const f of ['markdown', 'json', 'sarif', 'junit']) runs.push(['lint', 'acme.yaml', '--baseline', 'HEAD~1', '--date', DATE, '--format', f]);
    for (const args of runs) {
      const r = cli(args, { cwd: dir, env: { FORCE_COLOR: undefined } });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeLessThan(2);
      expect(r.stdout.length, args.join(' ')).toBeGreaterThan(100);
      // What this feature adds: the whole output of diff and history; the comparison part of
      // the audit and lint reports (the rest of those reports is their renderers' own).
      let out = r.stdout;
      if (args[0] === 'audit' && (args.at(-1) === 'text' || args.at(-1) === 'markdown')) out = out.slice(out.indexOf('Since the last audit'), out.search(/\n(## )?Categories\n/));
      if (args[0] === 'lint' && args.at(-1) === 'markdown') out = out.slice(0, out.indexOf('\n## Sales audit: '));
      expect(out.length, args.join(' ')).toBeGreaterThan(100);
      expect(out, args.join(' ')).not.toMatch(/[\u001b\u0007\u009b]/);
      expect(r.stderr, args.join(' ')).not.toMatch(/[\u001b\u0007\u009b]/);
    }
    // The rename is said, with the names made inert.
    expect(cli(['diff', 'HEAD~1:acme.yaml', 'acme.yaml', '--date', DATE], { cwd: dir }).stdout).toContain('people: "AE 2" was renamed "AE [1m2"');
  });
});
