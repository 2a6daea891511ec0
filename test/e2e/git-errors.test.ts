// Every command that reads a git revision (audit --baseline, diff rev:path,
// history, lint --baseline) says in its own words what it expected when there
// is no git work tree (exit 2, one line), and nothing git prints reaches the
// terminal as it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitFailure } from '../../src/cli/git';
import { cli, DATE, ROOT } from './run';

const EXAMPLE = readFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, 'utf8');
// git stops looking for a repository at the temporary folder, wherever it is.
const env = { GIT_CEILING_DIRECTORIES: tmpdir() };

function plainFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-nogit-'));
  writeFileSync(join(dir, 'acme.yaml'), EXAMPLE);
  return dir;
}

describe('outside a git work tree', () => {
  const cases: [string, string[], string][] = [
    ['lint --baseline main', ['lint', 'acme.yaml', '--baseline', 'main', '--date', DATE], '--baseline main: not inside a git work tree; expected a git work tree to read the revision from'],
    [
      'audit --baseline main',
      ['audit', 'acme.yaml', '--baseline', 'main', '--date', DATE],
      '--baseline main: no such file, and not inside a git work tree; expected a baseline file (a JSON report or an org file) or a git revision',
    ],
    [
      'diff main:acme.yaml',
      ['diff', 'main:acme.yaml', 'acme.yaml', '--date', DATE],
      'main:acme.yaml: no such file, and not inside a git work tree; expected an org file, a JSON report, or rev:path inside a git work tree',
    ],
    ['audit --baseline main:acme.yaml', ['audit', 'acme.yaml', '--baseline', 'main:acme.yaml', '--date', DATE], 'main:acme.yaml: no such file, and not inside a git work tree; expected'],
    ['history', ['history', 'acme.yaml'], 'history acme.yaml: not inside a git work tree; expected an org file in a git work tree'],
  ];
  for (const [name, args, said] of cases) {
    it(`${name}: the tool's own one line, exit 2`, () => {
      const r = cli(args, { cwd: plainFolder(), env });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`sales-audit: ${said}`);
      expect(r.stderr).not.toMatch(/fatal|\.git\b|\n\s+at /);
    });
  }
});

describe("git's own text never reaches the terminal as it is", () => {
  it('known failures are said in our words', () => {
    expect(gitFailure('rev-parse', 'fatal: not a git repository (or any of the parent directories): .git\n', 128)).toEqual({ failure: 'not-a-work-tree', message: 'not inside a git work tree' });
    expect(gitFailure('show', "fatal: path 'a.yaml' does not exist in 'main'\n", 128).failure).toBe('not-in-revision');
    expect(gitFailure('show', "fatal: invalid object name 'nope'.\n", 128)).toEqual({ failure: 'no-revision', message: 'no such git revision' });
    expect(gitFailure('log', "fatal: detected dubious ownership in repository at '/x'\n", 128).message).toMatch(/^git will not read this repository: it belongs to another user/);
  });

  it('anything else: one inert line, cut short', () => {
    const f = gitFailure('log', `fatal: weird \u001b]0;pwned\u0007 \u001b[2Jthing\r\nsecond line\n${'x'.repeat(500)}`, 128);
    expect(f.failure).toBe('other');
    expect(f.message).toMatch(/^git log failed \(exit 128: weird .*thing\)$/);
    expect(f.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(f.message).not.toContain('second line');
    expect(f.message.length).toBeLessThan(200);
  });

  it('a revision name with escapes, in a repository: one line, no control character', () => {
    const dir = plainFolder();
    const git = (...a: string[]) => spawnSync('git', a, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } });
    git('init', '-q');
    git('add', 'acme.yaml');
    git('commit', '-qm', 'first');
    for (const args of [
      ['lint', 'acme.yaml', '--baseline', 'no\u001b[2Jsuch', '--date', DATE],
      ['diff', 'no\u001b[31msuch:acme.yaml', 'acme.yaml', '--date', DATE],
      ['audit', 'acme.yaml', '--baseline', 'no\u001b[2Jsuch', '--date', DATE],
    ]) {
      const r = cli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).not.toMatch(/[\u0000-\u001f\u007f-\u009f]|fatal/);
    }
  });
});
