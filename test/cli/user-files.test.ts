// The user's files, kept exactly (issue 12, faults 4-6, 8; issue 13, item 8):
// every writer (audit and lint --output in every format, the interview's
// saves and its .bak, init) keeps mode, owner, BOM, line ends, comments and
// symbolic links, says when a hard link is detached, refuses a read-only
// file, and no --output ever replaces a file the run reads.
import { chmodSync, chownSync, copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, cliForAnyUser, DATE, ROOT } from '../e2e/run';
import { AUDIT_FORMATS } from '../../src/report/index';
import { LINT_FORMATS } from '../../src/report/lint';

const tmp = () => mkdtempSync(join(tmpdir(), 'sales-audit-files-'));
const EXAMPLES = join(ROOT, 'templates/examples');
const isRoot = process.getuid?.() === 0;

/** A folder with the roster example (org file + CSV roster) and a config. */
function project() {
  const dir = tmp();
  copyFileSync(join(EXAMPLES, 'roster-team.yaml'), join(dir, 'org.yaml'));
  copyFileSync(join(EXAMPLES, 'roster-team.csv'), join(dir, 'roster-team.csv'));
  writeFileSync(join(dir, '.sales-audit.yaml'), 'rules:\n  selling-time:\n    severity: medium\n');
  writeFileSync(join(dir, 'answers.yaml'), 'leadership.manager_experience_years: 3\n');
  symlinkSync('org.yaml', join(dir, 'link.yaml'));
  linkSync(join(dir, 'org.yaml'), join(dir, 'hard.yaml'));
  return dir;
}
const snapshot = (dir: string) => ['org.yaml', 'roster-team.csv', '.sales-audit.yaml'].map((f) => readFileSync(join(dir, f), 'utf8'));

describe('--output never replaces a file the run reads (fault 4)', () => {
  // The output named, and what audit and lint call it (lint reads several of each).
  const inputs = [
    ['org.yaml', 'the org file', 'an org file'],
    ['./org.yaml', 'the org file', 'an org file'],
    ['link.yaml', 'the org file', 'an org file'], // a symbolic link to it
    ['hard.yaml', 'the org file', 'an org file'], // a hard link: the same inode
    ['roster-team.csv', 'the roster', 'a roster'],
    ['.sales-audit.yaml', 'the config', 'a config'],
  ] as const;

  it.each(AUDIT_FORMATS.map((f) => [f]))('audit --format %s', (format) => {
    const dir = project();
    const before = snapshot(dir);
    for (const [output, what] of inputs) {
      const r = cli(['audit', 'org.yaml', '--format', format, '--output', output, '--date', DATE], { cwd: dir });
      expect(r.code, `${format} -o ${output}`).toBe(2);
      expect(r.stderr).toContain(`sales-audit: --output ${output} is ${what}`);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it.each(LINT_FORMATS.map((f) => [f]))('lint --format %s', (format) => {
    const dir = project();
    const before = snapshot(dir);
    for (const [output, , what] of inputs) {
      const r = cli(['lint', 'org.yaml', '--format', format, '--output', output, '--date', DATE], { cwd: dir });
      expect(r.code, `${format} -o ${output}`).toBe(2);
      expect(r.stderr).toContain(`sales-audit: --output ${output} is ${what}`);
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('a bundled example and its roster are inputs too', () => {
    const example = join(EXAMPLES, 'roster-team.yaml');
    const before = [readFileSync(example, 'utf8'), readFileSync(join(EXAMPLES, 'roster-team.csv'), 'utf8')];
    for (const output of [example, join(EXAMPLES, 'roster-team.csv')]) {
      const r = cli(['audit', '--example', 'roster-team', '-f', 'json', '-o', output, '--date', DATE]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^sales-audit: --output .* is the (org file|roster \(people_csv\)) this run reads/);
    }
    expect([readFileSync(example, 'utf8'), readFileSync(join(EXAMPLES, 'roster-team.csv'), 'utf8')]).toEqual(before);
  });

  it('any file among several outputs stops the run before anything is written', () => {
    const dir = project();
    const r = cli(['audit', 'org.yaml', '-f', 'markdown', '-o', 'report.md', '-f', 'json', '-o', 'org.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(() => statSync(join(dir, 'report.md'))).toThrow();
  });

  it('a new file, or another existing file, is still written', () => {
    const dir = project();
    writeFileSync(join(dir, 'old.json'), '{}');
    const r = cli(['audit', 'org.yaml', '-f', 'json', '-o', 'old.json', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8')).schemaVersion).toBe(2);
  });
});

describe("--output keeps the existing file's mode, owner and links", () => {
  // Every format that a plain run can write (pdf needs Chromium; its write goes through the same writer, checked in pdf.test.ts).
  const formats = AUDIT_FORMATS.filter((f) => f !== 'pdf');

  it.each(formats.map((f) => [f]))('audit --format %s: a 0600 file stays 0600 (and its owner, as root)', (format) => {
    const dir = project();
    const out = join(dir, 'report.out');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    if (isRoot) chownSync(out, 1234, 1234);
    const r = cli(['audit', 'org.yaml', '-f', format, '-o', 'report.out', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(0);
    const st = statSync(out);
    expect(st.mode & 0o777).toBe(0o600);
    if (isRoot) expect([st.uid, st.gid]).toEqual([1234, 1234]);
    expect(readFileSync(out, 'utf8')).not.toBe('old');
  });

  it.each(LINT_FORMATS.map((f) => [f]))('lint --format %s: mode kept, a symbolic link stays a link and its target gets the report', (format) => {
    const dir = project();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports/real.out'), 'old');
    chmodSync(join(dir, 'reports/real.out'), 0o640);
    symlinkSync('reports/real.out', join(dir, 'out.link'));
    const r = cli(['lint', 'org.yaml', '-f', format, '-o', 'out.link', '--date', DATE], { cwd: dir });
    expect(r.code).not.toBe(2);
    expect(lstatSync(join(dir, 'out.link')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'out.link'))).toBe('reports/real.out');
    expect(readFileSync(join(dir, 'reports/real.out'), 'utf8')).not.toBe('old');
    expect(statSync(join(dir, 'reports/real.out')).mode & 0o777).toBe(0o640);
  });

  it('a hard link that the write detaches is said; a read-only (0444) file is refused with one line', () => {
    const dir = project();
    writeFileSync(join(dir, 'a.md'), 'old');
    linkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    let r = cli(['audit', 'org.yaml', '-f', 'markdown', '-o', 'a.md', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('sales-audit: note: a.md had 1 other hard link; it keeps the old content');
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe('old');

    writeFileSync(join(dir, 'ro.md'), 'old');
    chmodSync(join(dir, 'ro.md'), 0o444);
    r = cli(['audit', 'org.yaml', '-f', 'markdown', '-o', 'ro.md', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-audit: cannot write ro.md: it is read-only (mode 0444); make it writable (chmod u+w) to let sales-audit change it\n');
    expect(readFileSync(join(dir, 'ro.md'), 'utf8')).toBe('old');
  });
});

describe('an owner that only root could keep', () => {
  it('another user writing a shared file is told that it now owns it', () => {
    if (!isRoot) return void process.stdout.write('user-files: SKIPPED: writing as another user needs root to set up\n');
    const dir = project();
    chmodSync(dir, 0o777);
    for (const f of ['org.yaml', 'roster-team.csv', '.sales-audit.yaml']) chmodSync(join(dir, f), 0o644);
    writeFileSync(join(dir, 'shared.md'), 'old');
    chmodSync(join(dir, 'shared.md'), 0o666);
    // As another user: the CLI copied where that user can reach it (this checkout may be in a private folder).
    const r = spawnSync(process.execPath, [cliForAnyUser(), 'audit', 'org.yaml', '-f', 'markdown', '-o', 'shared.md', '--date', DATE], { cwd: dir, encoding: 'utf8', uid: 65534, gid: 65534 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("sales-audit: note: shared.md belonged to 0:0 and now belongs to this user (only root can keep another user's ownership)");
    expect(statSync(join(dir, 'shared.md')).mode & 0o777).toBe(0o666);
  });
});

describe('the interview keeps the org file exactly (faults 5, 6; issue 13 item 8)', () => {
  const interview = (dir: string, file = 'org.yaml', extra: string[] = []) => cli(['interview', file, '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE, ...extra], { cwd: dir });

  function orgDir(text: string) {
    const dir = tmp();
    writeFileSync(join(dir, 'org.yaml'), text);
    writeFileSync(join(dir, 'answers.yaml'), 'leadership.manager_experience_years: 3\n');
    return dir;
  }

  it("mode, owner, BOM, CRLF and comments are kept; the .bak has the original's mode and owner", () => {
    const src = '\uFEFF# our org\r\nversion: 1\r\nleadership:\r\n  sales_managed_by:\r\n    # the CEO, for now\r\n    ceo\r\n';
    const dir = orgDir(src);
    const file = join(dir, 'org.yaml');
    chmodSync(file, 0o600);
    if (isRoot) chownSync(file, 1234, 4321);
    const r = interview(dir);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(`${src}  manager_experience_years: 3\r\n`);
    const st = statSync(file);
    expect(st.mode & 0o777).toBe(0o600);
    const bak = statSync(`${file}.bak`);
    expect(bak.mode & 0o777).toBe(0o600);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(src);
    if (isRoot) {
      expect([st.uid, st.gid]).toEqual([1234, 4321]);
      expect([bak.uid, bak.gid]).toEqual([1234, 4321]);
    }
  });

  it('a symbolic link stays a link and its target gets the answers; a hard link detached is said', () => {
    const dir = orgDir('');
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real/org.yaml'), 'version: 1\nleadership:\n  sales_managed_by: ceo\n');
    symlinkSync('real/org.yaml', join(dir, 'link.yaml'));
    let r = interview(dir, 'link.yaml');
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(parse(readFileSync(join(dir, 'real/org.yaml'), 'utf8')).leadership.manager_experience_years).toBe(3);

    writeFileSync(join(dir, 'org.yaml'), 'version: 1\nleadership:\n  sales_managed_by: ceo\n');
    linkSync(join(dir, 'org.yaml'), join(dir, 'other-name.yaml'));
    r = interview(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Note: org.yaml had 1 other hard link; it keeps the old content');
    expect(readFileSync(join(dir, 'other-name.yaml'), 'utf8')).not.toContain('manager_experience_years');
  });

  it('a read-only (0444) org file is refused before any question, with one line and the way out', () => {
    const src = 'version: 1\nleadership:\n  sales_managed_by: ceo\n';
    const dir = orgDir(src);
    chmodSync(join(dir, 'org.yaml'), 0o444);
    const r = interview(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'sales-audit: org.yaml: is read-only (mode 0444), and the interview saves each answer into it; nothing was changed\n' +
        'sales-audit: make it writable (`chmod u+w org.yaml`), or interview into a copy, then run the interview again\n',
    );
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(src);
    expect(statSync(join(dir, 'org.yaml')).mode & 0o777).toBe(0o444);
  });

  it('an org.yaml.bak that is a folder: no backup is made, and that is said', () => {
    const dir = orgDir('version: 1\nleadership:\n  sales_managed_by: ceo\n');
    mkdirSync(join(dir, 'org.yaml.bak'));
    const r = interview(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('sales-audit: Note: org.yaml.bak is a folder, so no backup copy of org.yaml was made.');
    expect(parse(readFileSync(join(dir, 'org.yaml'), 'utf8')).leadership.manager_experience_years).toBe(3);
  });

  it('the answers file cannot be the org file', () => {
    const dir = orgDir('leadership.manager_experience_years: 3\n');
    const r = cli(['interview', 'org.yaml', '--answers', 'org.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('org.yaml is the answers file given with --answers');
  });
});

describe('init', () => {
  it('never writes over a name in use, a dangling symbolic link included', () => {
    const dir = tmp();
    symlinkSync('elsewhere/org.yaml', join(dir, 'org.yaml'));
    const r = cli(['init', 'org.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('org.yaml: already exists');
    expect(() => statSync(join(dir, 'sales-audit.schema.json'))).toThrow();
  });
});

describe('file names in these messages cannot start a CI command or a terminal escape', () => {
  it('--output refusal, a read-only org file and a hard-link note escape control characters', () => {
    const dir = project();
    const evil = 'x\n::warning::pwned\u001b[2J.yaml';
    copyFileSync(join(dir, 'org.yaml'), join(dir, evil));
    let r = cli(['audit', evil, '-f', 'json', '-o', evil, '--date', DATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('x\\x0a::warning::pwned\\x1b[2J.yaml');
    expect(r.stderr).not.toMatch(/^::|\u001b/m);

    writeFileSync(join(dir, 'answers.yaml'), 'leadership.manager_experience_years: 3\n');
    chmodSync(join(dir, evil), 0o444);
    r = cli(['interview', evil, '--answers', 'answers.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).not.toMatch(/^::|\u001b/m);
  });
});
