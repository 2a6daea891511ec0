// `sales-audit questionnaire` as a user runs it (the built binary): help with
// an example, the answers file on stdout or in a file, the HTML form by the
// file's extension, the roster from --org, and one-line errors with exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../e2e/run';

const tmp = () => mkdtempSync(join(tmpdir(), 'sales-audit-questionnaire-cli-'));

describe('sales-audit questionnaire', () => {
  it('--help shows the groups and an example', () => {
    const r = cli(['questionnaire', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('$ sales-audit questionnaire --for reps');
    expect(r.stdout).toMatch(/leadership.*management.*reps.*operations.*finance/s);
    expect(cli(['--help']).stdout).toContain('questionnaire');
  });

  it('writes the answers file to stdout by default, values empty', () => {
    const r = cli(['questionnaire', '--for', 'reps']);
    expect(r.code).toBe(0);
    const y = parse(r.stdout) as Record<string, unknown>;
    expect(y.respondent).toEqual({ name: null, group: 'reps' });
    expect(y).toHaveProperty(['self.coaching.one_to_one'], null);
    expect(r.stdout).toContain('# About you › How often do you have a one-to-one with your manager?\n');
  });

  it('-o x.html writes the form, -o x.yaml the answers file; the file name decides unless --format says the same', () => {
    const dir = tmp();
    const html = cli(['questionnaire', '--for', 'reps', '--anonymous', '-o', join(dir, 'reps.html')]);
    expect(html.code).toBe(0);
    expect(html.stderr).toMatch(/^sales-audit: wrote .*reps\.html: an HTML form of \d+ questions for reps \(anonymous\)\n$/);
    const page = readFileSync(join(dir, 'reps.html'), 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('script-src &#39;sha256-');
    const yaml = cli(['questionnaire', '--for', 'finance', '-o', join(dir, 'fin.yaml')]);
    expect(yaml.code).toBe(0);
    expect(parse(readFileSync(join(dir, 'fin.yaml'), 'utf8'))).toHaveProperty(['compensation.basis'], null);
    const stdoutHtml = cli(['questionnaire', '--for', 'reps', '--format', 'html']);
    expect(stdoutHtml.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    const clash = cli(['questionnaire', '--for', 'reps', '--format', 'html', '-o', join(dir, 'x.yaml')]);
    expect(clash.code).toBe(2);
    expect(clash.stderr.trim().split('\n')).toHaveLength(1);
    expect(clash.stderr).toContain('--format html does not match the file name');
  });

  it('--org: management answers per person of the roster, CSV rows included', () => {
    const r = cli(['questionnaire', '--for', 'management', '--org', 'templates/examples/roster-team.yaml']);
    expect(r.code).toBe(0);
    const y = parse(r.stdout) as Record<string, unknown>;
    // The CSV's last row, by name (never by its place in the roster).
    expect(Object.keys(y).filter((k) => k.startsWith('people[name=Sales Ops].')).length).toBeGreaterThan(0);
    expect(Object.keys(y).filter((k) => /^people\[\d/.test(k))).toEqual([]);
    expect(r.stdout).toMatch(/# Person 2 \(.+\) › /);
    // Reps answer about themselves: the roster adds nothing, and the run says so.
    const reps = cli(['questionnaire', '--for', 'reps', '--org', 'templates/examples/roster-team.yaml']);
    expect(reps.code).toBe(0);
    expect(reps.stdout).toBe(cli(['questionnaire', '--for', 'reps']).stdout);
    expect(reps.stderr).toBe('sales-audit: note: --org adds no questions for reps: each rep answers about themselves (self.*)\n');
  });

  it('bad input: one line, exit 2, no stack', () => {
    const dir = tmp();
    const unknownGroup = cli(['questionnaire', '--for', 'rep']);
    expect(unknownGroup.code).toBe(2);
    expect(unknownGroup.stderr).toContain('did you mean "reps"?');
    expect(unknownGroup.stderr.trim().split('\n')).toHaveLength(1);
    const noGroup = cli(['questionnaire']);
    expect(noGroup.code).toBe(2);
    expect(noGroup.stderr).toContain('--for <group>');
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\ncompany:\n  employees: many\n');
    const badOrg = cli(['questionnaire', '--for', 'management', '--org', join(dir, 'bad.yaml')]);
    expect(badOrg.code).toBe(2);
    expect(badOrg.stderr).toMatch(/bad\.yaml:3:\d+: .*expected a whole number/);
    expect(badOrg.stderr).not.toMatch(/\n\s+at /);
    const noFolder = cli(['questionnaire', '--for', 'reps', '-o', join(dir, 'missing', 'x.yaml')]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr.trim().split('\n')).toHaveLength(1);
    expect(noFolder.stderr).toContain('cannot write');
    const evilName = cli(['questionnaire', '--for', 'reps', '-o', join(dir, 'a\u001b[2Jb', 'x.yaml')]);
    expect(evilName.code).toBe(2);
    expect(evilName.stderr).not.toContain('\u001b');
  });

  it('the same command gives the same bytes', () => {
    const a = cli(['questionnaire', '--for', 'management', '--format', 'html', '--org', 'templates/examples/roster-team.yaml']);
    const b = cli(['questionnaire', '--for', 'management', '--format', 'html', '--org', 'templates/examples/roster-team.yaml'], { cwd: ROOT });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});
