// Issue 12, fault 3: `people_csv:` may name any path, and the roster reader
// echoed the first line of what it opened into the error, the GitHub
// annotation and the SARIF file. A roster is now opened only when it is a
// .csv file inside the org file's repository (or, outside a repository, its
// folder), and nothing of a refused file is read.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/load/load';
import { findRepoRoot, isInside } from '../../src/load/repo';
import { cli } from '../e2e/run';

const SECRET = 'API_KEY=hunter2-do-not-leak';
const ROSTER = 'name,title,is_rep,attainment\nAE 1,Account Executive,true,80;90\n';

/** tmp/secret.env and tmp/outside.csv beside tmp/repo (a repository), which holds orgs/ and team/. */
function layout() {
  const tmp = mkdtempSync(join(tmpdir(), 'sales-audit-confine-'));
  writeFileSync(join(tmp, 'secret.env'), `${SECRET}\n`);
  writeFileSync(join(tmp, 'outside.csv'), `${SECRET}\n`);
  const repo = join(tmp, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'orgs'));
  mkdirSync(join(repo, 'team'));
  writeFileSync(join(repo, 'team', 'reps.csv'), ROSTER);
  writeFileSync(join(repo, '.env'), `${SECRET}\n`);
  symlinkSync(join(tmp, 'outside.csv'), join(repo, 'team', 'link.csv'));
  const org = (csv: string) => {
    const file = join(repo, 'orgs', 'org.yaml');
    writeFileSync(file, `version: 1\ncompany: { name: Acme }\npeople_csv: ${csv}\n`);
    return file;
  };
  return { tmp, repo, org };
}

describe('people_csv is confined to the repository', () => {
  it.each([
    ['../../secret.env', /not opened: a roster must be inside the org file's repository/],
    ['../../outside.csv', /not opened: a roster must be inside the org file's repository/],
    ['../team/../../../outside.csv', /not opened: a roster must be inside the org file's repository/],
    ['../team/link.csv', /not opened: a roster must be inside the org file's repository/],
    ['../.env', /not opened: expected a CSV roster, a file whose name ends in \.csv/],
  ])('%s is refused at the people_csv line, and nothing of the file is shown', async (csv, why) => {
    const { org } = layout();
    const r = await loadOrgFile(org(csv), 'orgs/org.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ file: 'orgs/org.yaml', line: 3, column: 13, path: 'people_csv' });
    expect(d.message).toMatch(why);
    expect(JSON.stringify(r.diagnostics)).not.toContain('hunter2');
  });

  it('an absolute path outside the repository is refused too', async () => {
    const { tmp, org } = layout();
    const r = await loadOrgFile(org(join(tmp, 'outside.csv')), 'orgs/org.yaml');
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('a roster elsewhere in the same repository is read', async () => {
    const { org } = layout();
    const r = await loadOrgFile(org('../team/reps.csv'), 'orgs/org.yaml');
    expect(r.ok && r.value.org.people?.map((p) => p.name)).toEqual(['AE 1']);
  });

  it('outside a repository, the org file folder is the limit', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sales-audit-confine-'));
    mkdirSync(join(tmp, 'orgs'));
    writeFileSync(join(tmp, 'reps.csv'), ROSTER);
    writeFileSync(join(tmp, 'orgs', 'reps.csv'), ROSTER);
    writeFileSync(join(tmp, 'orgs', 'up.yaml'), 'people_csv: ../reps.csv\n');
    writeFileSync(join(tmp, 'orgs', 'here.yaml'), 'people_csv: reps.csv\n');
    expect((await loadOrgFile(join(tmp, 'orgs', 'up.yaml'))).ok).toBe(false);
    expect((await loadOrgFile(join(tmp, 'orgs', 'here.yaml'))).ok).toBe(true);
  });

  it('lint, in every format and on stderr: exit 2, the refusal, and no line of the file', () => {
    const { repo, org } = layout();
    org('../../secret.env');
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown']) {
      const r = cli(['lint', 'orgs/org.yaml', '--format', format, '--date', '2026-11-27'], { cwd: repo });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('orgs/org.yaml:3:13: people_csv: roster "../secret.env": not opened: a roster must be inside the org file\'s repository (this path leads outside it)\n');
      expect(r.stdout + r.stderr).not.toContain('hunter2');
    }
  });

  it('the helpers: the repository root, and inside-ness through symbolic links', () => {
    const { tmp, repo } = layout();
    expect(findRepoRoot(join(repo, 'orgs'))).toBe(repo);
    expect(isInside(repo, join(repo, 'team', 'reps.csv'))).toBe(true);
    expect(isInside(repo, join(repo, 'team', 'link.csv'))).toBe(false);
    expect(isInside(repo, join(repo, '..', 'secret.env'))).toBe(false);
    expect(isInside(repo, join(repo, 'team', 'missing', 'x.csv'))).toBe(true);
    expect(isInside(join(tmp, 'rep'), repo)).toBe(false);
  });
});
