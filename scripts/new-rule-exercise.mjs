#!/usr/bin/env node
// The new-rule exercise with the whole unit suite (issue 16: "scaffold a rule,
// run the suite, only the three files change"), as CONTRIBUTING.md walks a
// contributor through it, in a temporary copy of the repository (its tracked
// files and the untracked ones git does not ignore, as they are in the working
// tree, committed in a git repository of its own, node_modules linked): `npm run new-rule plan-written`; the rule's
// words written in the rule file (step 2; the skeleton's check kept);
// `npm run update-snapshots` (step 6: a new rule moves the examples'
// headlines); `npm run build` and `npm run test:unit`. It passes when the suite
// passes and `git status` shows the rule, its test, the index and the headline
// snapshot, and nothing else. Too slow for every `npm test` (a build and the
// unit suite, a minute or two); .ci/run runs it. test/scripts/new-rule.test.ts
// runs the quick part (the rules' meta-tests) in the normal suite.
//
// Usage: node scripts/new-rule-exercise.mjs   (exit 0 passed, 1 failed)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'sales-audit-new-rule-exercise-'));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
// scale-300.json: a new rule is in every 300-person report (its JSON, SARIF... list the rules), so its digests move too.
const EXPECTED = [' M rules/index.ts', ' M test/snapshots/headlines.json', ' M test/snapshots/scale-300.json', '?? rules/plan-written.ts', '?? test/rules/plan-written.test.ts'];

/** What stops the exercise: said on stderr, exit 1 (the copy removed first). */
class Failed extends Error {}

/** Runs a command in the copy; its stdout, or Failed with the end of its output. */
function step(what, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: copy, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (r.status === 0) return r.stdout;
  // A test run: the tests that failed, one a line; anything else: the end of its output.
  const out = `${r.stdout}${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  const failed = [...new Set(out.match(/^ FAIL .+$/gm) ?? [])];
  throw new Failed(`${what} failed (exit ${r.status}):\n${failed.length ? failed.join('\n') : out.trimEnd().split('\n').slice(-60).join('\n')}`);
}
const git = (...args) => step(`git ${args[0]}`, 'git', ['-c', 'user.name=exercise', '-c', 'user.email=exercise@example.com', '-c', 'commit.gpgsign=false', ...args]);
const status = () => git('status', '--porcelain', '--untracked-files=all').trimEnd().split('\n').filter(Boolean).sort();

try {
  const tracked = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const f of tracked) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    try {
      cpSync(join(root, f), join(copy, f));
    } catch (e) {
      if (e.code !== 'ENOENT') throw e; // deleted in the working tree: left out
    }
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'the repository as a contributor finds it');

  console.log('new-rule exercise: npm run new-rule plan-written');
  step('npm run new-rule', 'npm', ['run', '--silent', 'new-rule', 'plan-written']);
  // Step 2, in the rule file only.
  const file = join(copy, 'rules/plan-written.ts');
  let text = readFileSync(file, 'utf8');
  const words = {
    '// TODO: the practice this rule checks, and where it comes from, in a line or two.': '// The sales plan is written down (this repository’s own test of the new-rule route).',
    "'TODO: the good practice, as a statement'": "'The sales plan is written down'",
    "'TODO: where it comes from (Jackson, mistake 7)'": "'Jackson (2012), introduction: a plan the team can read'",
    "'TODO: what the rule checks, in one or two sentences.'": "'Checks that the sales plan is written down.'",
    "'TODO: why it matters.'": "'A plan that lives in one head cannot be shared, reviewed or held to.'",
    "'TODO: the finding, in a sentence a client reads.'": "'The sales plan is not written down.'",
    "'TODO: the remediation step.'": "'Write the sales plan down and share it with the team.'",
  };
  for (const [todo, word] of Object.entries(words)) text = text.replace(todo, word);
  if (text.includes('TODO'))
    throw new Failed(
      `the skeleton has a TODO this script does not write:\n${text
        .split('\n')
        .filter((l) => l.includes('TODO'))
        .join('\n')}`,
    );
  writeFileSync(file, text);

  console.log('new-rule exercise: npm run update-snapshots');
  step('npm run update-snapshots', 'npm', ['run', '--silent', 'update-snapshots']);
  console.log('new-rule exercise: npm run build, npm run test:unit');
  step('npm run build', 'npm', ['run', '--silent', 'build']);
  // Without the quick exercise of test/scripts/new-rule.test.ts: the rule it would scaffold is there already.
  const suite = step('npm run test:unit', 'npm', ['run', '--silent', 'test:unit', '--', '--exclude', 'test/scripts/new-rule.test.ts']);
  const changed = status();
  if (JSON.stringify(changed) !== JSON.stringify(EXPECTED)) throw new Failed(`git status shows\n  ${changed.join('\n  ')}\nexpected\n  ${EXPECTED.join('\n  ')}`);
  const tests = /Tests\s+(\d+ passed[^\n]*)/.exec(suite)?.[1] ?? '?';
  console.log(`new-rule exercise: passed; the unit suite: ${tests.trim()}; changed: ${changed.map((l) => l.slice(3)).join(', ')}`);
} catch (e) {
  if (!(e instanceof Failed)) throw e;
  console.error(`new-rule exercise: ${e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(copy, { recursive: true, force: true });
}
