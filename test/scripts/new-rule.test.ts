// The new-rule exercise (CONTRIBUTING.md, "Adding a rule"), in a temporary copy
// of the repository (its tracked files, committed in a git repository of its
// own, node_modules linked): `npm run new-rule plan-written` writes the rule
// and its test and registers it, and `git status` shows those three files and
// nothing else; the rules meta-test says what is left to write (the TODOs) and
// nothing else; once the rule's words are written (step 2, in the rule file
// only), the whole project type-checks and the rules' meta-tests and the new
// rule's own test pass, and still only the three files have changed. The same
// exercise with the whole unit suite and the headline snapshots is
// scripts/new-rule-exercise.mjs, which .ci/run runs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let copy: string;

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
const git = (...args: string[]) => run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args]);
/** `git status --porcelain`, one entry per file. */
const status = () => git('status', '--porcelain', '--untracked-files=all').stdout.trimEnd().split('\n').filter(Boolean).sort();
const vitest = (...files: string[]) => run(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...files]);
const THREE = [' M rules/index.ts', '?? rules/plan-written.ts', '?? test/rules/plan-written.test.ts'];

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'sales-audit-new-rule-'));
  // The tracked files and the untracked ones git does not ignore, as they are in the working tree (a file deleted there is left out).
  const tracked = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const f of tracked) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    try {
      cpSync(join(ROOT, f), join(copy, f));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['commit', '-q', '-m', 'the repository as a contributor finds it'],
  ]) {
    const r = git(...args);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  }
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run new-rule', () => {
  it('touches three files: the rule, its test and the index; written up, the rule passes the meta-tests and the project type-checks', () => {
    expect(status()).toEqual([]);
    const r = run('npm', ['run', '--silent', 'new-rule', 'plan-written']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^new-rule: wrote rules\/plan-written\.ts and test\/rules\/plan-written\.test\.ts, and listed planWritten last in rules\/index\.ts\./);
    expect(status()).toEqual(THREE);
    // The index gained two lines: the import, and the rule last in the list.
    const added = git('diff', '-U0', '--no-color', 'rules/index.ts')
      .stdout.split('\n')
      .filter((l) => /^\+[^+]/.test(l));
    expect(added).toEqual(["+import planWritten from './plan-written';", '+  planWritten,']);

    // Step 2's reminder: the meta-test fails on the skeleton's words until they are written, and on nothing else.
    const before = vitest('test/rules/meta.test.ts');
    const failed = [...new Set([...`${before.stdout}${before.stderr}`.matchAll(/FAIL\s+test\/rules\/meta\.test\.ts > (.+)$/gm)].map((m) => m[1]!.trim()))];
    expect(before.status).toBe(1);
    expect(failed).toEqual(['plan-written > is a real rule, not a placeholder', 'plan-written > has complete metadata and documentation']);

    // Step 2, written in the rule file only: every TODO replaced by the rule's words (the skeleton's check is kept).
    const file = join(copy, 'rules/plan-written.ts');
    const words: Record<string, string> = {
      '// TODO: the practice this rule checks, and where it comes from, in a line or two.': '// The sales plan is written down (this repository’s own test of the new-rule route).',
      "'TODO: the good practice, as a statement'": "'The sales plan is written down'",
      "'TODO: where it comes from (Jackson, mistake 7)'": "'Jackson (2012), introduction: a plan the team can read'",
      "'TODO: what the rule checks, in one or two sentences.'": "'Checks that the sales plan is written down.'",
      "'TODO: why it matters.'": "'A plan that lives in one head cannot be shared, reviewed or held to.'",
      "'TODO: the finding, in a sentence a client reads.'": "'The sales plan is not written down.'",
      "'TODO: the remediation step.'": "'Write the sales plan down and share it with the team.'",
    };
    let text = readFileSync(file, 'utf8');
    for (const [todo, word] of Object.entries(words)) {
      expect(text, todo).toContain(todo);
      text = text.replace(todo, word);
    }
    expect(text).not.toContain('TODO');
    writeFileSync(file, text);

    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', copy]);
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
    // The rules' meta-tests (registration, documentation, reads, every message and step emitted) and the rule's own test.
    const after = vitest('test/rules/meta.test.ts', 'test/rules/reads.test.ts', 'test/rules/plan-written.test.ts');
    expect(after.stdout).toMatch(/Test Files\s+3 passed \(3\)/);
    expect(after.stdout).not.toMatch(/failed/);
    expect(after.status).toBe(0);
    expect(status()).toEqual(THREE);
  }, 240_000);

  it('refuses an id that is not kebab-case, or one that exists, with one line and exit 2', () => {
    for (const [id, msg] of [
      ['Forecast_Tracked', 'new-rule: "Forecast_Tracked" is not a rule id: lower-case words joined by hyphens (forecast-tracked)\n'],
      ['selling-time', 'new-rule: rules/selling-time.ts exists already: pick another id\n'],
    ]) {
      const r = spawnSync(process.execPath, [join(copy, 'scripts/new-rule.mjs'), id!], { encoding: 'utf8' });
      expect(r.stderr).toBe(msg);
      expect(r.status).toBe(2);
    }
  });
});
