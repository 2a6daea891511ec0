// Issue 12, fault 10: a .sales-audit.yaml above the repository (a runner's
// workspace parent) was applied and turned a critical gate off. The lookup now
// stops at the repository root and at a config that says `root: true`; the
// configs in between apply together, the nearer winning; the text outputs name
// the configs in use; `audit --no-config`; a config holds waivers shared by
// every org file under it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../e2e/run';

const DATE = '2026-11-27';
const FATAL = 'version: 1\ncompany: { name: Fatal Co }\nplan: { documented: false }\n';
const GATE_OFF = 'gates: { failOnFatal: false }\n';

function tree(files: Record<string, string>, git = true): string {
  const tmp = mkdtempSync(join(tmpdir(), 'sales-audit-lookup-'));
  if (git) mkdirSync(join(tmp, 'ws', 'repo', '.git'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(tmp, path, '..'), { recursive: true });
    writeFileSync(join(tmp, path), text);
  }
  return join(tmp, 'ws', 'repo');
}

describe('config lookup stops at the repository root', () => {
  it('a config in the folder above the repository is not applied: the fatal gate holds', () => {
    const repo = tree({ 'ws/.sales-audit.yaml': GATE_OFF, 'ws/repo/orgs/fatal.yaml': FATAL });
    const r = cli(['lint', 'orgs/fatal.yaml', '--date', DATE], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gate failed: 1 critical rule failing');
    expect(r.stdout).not.toContain('Config:');
  });

  it('a .git file (a worktree or a submodule) marks the root too', () => {
    const repo = tree({ 'ws/.sales-audit.yaml': GATE_OFF, 'ws/repo/.git': 'gitdir: /elsewhere\n', 'ws/repo/fatal.yaml': FATAL }, false);
    expect(cli(['lint', 'fatal.yaml', '--date', DATE], { cwd: repo }).code).toBe(1);
  });

  it('the config at the repository root applies, and the text outputs name it', () => {
    const repo = tree({ 'ws/repo/.sales-audit.yaml': GATE_OFF, 'ws/repo/orgs/fatal.yaml': FATAL });
    const lint = cli(['lint', 'orgs/fatal.yaml', '--date', DATE], { cwd: repo });
    expect(lint.code).toBe(0);
    expect(lint.stdout.trimEnd().split('\n').at(-2)).toBe('Config: .sales-audit.yaml'); // the summary line stays last
    const audit = cli(['audit', 'orgs/fatal.yaml', '--date', DATE], { cwd: repo });
    expect(audit.stdout.split('\n').slice(0, 3)).toContain('Config: .sales-audit.yaml');
  });

  it('root: true stops the lookup (outside a repository too)', () => {
    const top = tree({ 'ws/repo/.sales-audit.yaml': GATE_OFF, 'ws/repo/team/.sales-audit.yaml': 'root: true\ngates: { failUnder: 10 }\n', 'ws/repo/team/fatal.yaml': FATAL }, false);
    const r = cli(['lint', 'team/fatal.yaml', '--date', DATE], { cwd: top });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Config: team/.sales-audit.yaml\n');
  });

  it('without root: true the configs up to the root apply together, the nearer winning key by key', () => {
    const repo = tree({
      'ws/repo/.sales-audit.yaml': 'gates: { failOnFatal: false, failUnder: 90 }\nrules:\n  selling-time: { severity: low }\n',
      'ws/repo/orgs/.sales-audit.yaml': 'gates: { failUnder: 0 }\n',
      'ws/repo/orgs/fatal.yaml': FATAL,
    });
    const r = cli(['lint', 'orgs/fatal.yaml', '--date', DATE, '--format', 'json'], { cwd: repo });
    const file = (JSON.parse(r.stdout) as { files: { gates: { failUnder: number; failOnFatal: boolean }; config: string }[] }).files[0]!;
    expect(file.gates).toMatchObject({ failUnder: 0, failOnFatal: false });
    expect(file.config).toBe('orgs/.sales-audit.yaml');
    expect(r.code).toBe(0);
    expect(cli(['lint', 'orgs/fatal.yaml', '--date', DATE], { cwd: repo }).stdout).toContain('Config: orgs/.sales-audit.yaml, then .sales-audit.yaml\n');
  });
});

describe('audit --no-config', () => {
  it('uses the rule defaults whatever the config says', () => {
    const repo = tree({ 'ws/repo/.sales-audit.yaml': 'gates: { failUnder: 100 }\n', 'ws/repo/fatal.yaml': FATAL });
    expect(cli(['audit', 'fatal.yaml', '--date', DATE], { cwd: repo }).code).toBe(1);
    const r = cli(['audit', 'fatal.yaml', '--date', DATE, '--no-config'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Config:');
  });
});

describe('waivers in a config, shared by several org files', () => {
  const WAIVER = (expires: string) => `waivers:\n  - rule: go-to-market-plan\n    reason: the plan is being written this quarter\n    owner: CEO\n    expires: ${expires}\n`;

  it('waive the rule in every org file under the config', () => {
    const repo = tree({ 'ws/repo/.sales-audit.yaml': WAIVER('2027-01-31'), 'ws/repo/orgs/a.yaml': FATAL, 'ws/repo/orgs/b.yaml': FATAL });
    const r = cli(['lint', 'orgs/a.yaml', 'orgs/b.yaml', '--date', DATE], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\.sales-audit\.yaml:2:5\s+waived\s+go-to-market-plan\s+Waived until 2027-01-31 by CEO: the plan is being written this quarter/m);
    expect(r.stdout).toContain('2 waived');
  });

  it('an expired one fails lint at its line in the config', () => {
    const repo = tree({ 'ws/repo/.sales-audit.yaml': WAIVER('2026-01-31'), 'ws/repo/a.yaml': FATAL });
    const r = cli(['lint', 'a.yaml', '--date', DATE], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sales-audit: .sales-audit.yaml:2:5: gate failed:');
  });

  it('a waiver for a rule that does not exist is a config error with its place', () => {
    const repo = tree({ 'ws/repo/.sales-audit.yaml': 'waivers:\n  - { rule: no-such-rule, reason: r, owner: o, expires: 2027-01-01 }\n', 'ws/repo/a.yaml': FATAL });
    const r = cli(['lint', 'a.yaml', '--date', DATE], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\.sales-audit\.yaml:2:\d+: waivers\[0\]\.rule: /m);
  });
});
