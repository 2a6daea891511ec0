// Write faults against the built binary (issue 13, items 6-8, and its
// write-fault tests): a read-only folder and a read-only mount, a full disk
// (a small tmpfs) and a file-size limit, SIGKILL during a save, two
// interviews on one file at once with one slowed, a dangling link, and
// standard output on a full device. Each gives one clear line and exit 2 (or
// a correct save), the org file intact, no stray file, no answer lost, no save
// reported that is not in the file. Faults this machine cannot make (mounts
// need root) are skipped with the reason printed.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, cli, cliForAnyUser, DATE, ROOT } from '../e2e/run';
import { loadOrgText } from '../../src/load/load';

const SLOW = join(ROOT, 'test/helpers/slow-rename.cjs');
const isRoot = process.getuid?.() === 0;
const ORG = '# our org\nversion: 1\ncompany:\n  name: Acme   # the client\nleadership:\n  sales_managed_by: ceo\n';
const tmp = () => mkdtempSync(join(tmpdir(), 'sales-audit-faults-'));

/** Files in a folder, without the test hook's markers. */
const listing = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.hook-'))
    .sort();

function orgDir(answers = 'leadership.manager_experience_years: 3\nleadership.outside_help: [coach]\n') {
  const dir = tmp();
  writeFileSync(join(dir, 'org.yaml'), ORG);
  writeFileSync(join(dir, 'answers.yaml'), answers);
  return dir;
}

// Mounts made by these tests, unmounted at the end whatever happens.
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', ['-l', m]);
});

/** A tmpfs of `size` mounted on a new folder, or the reason it cannot be (not root, no mount). */
function tmpfs(size: string): { dir: string } | { skip: string } {
  if (!isRoot) return { skip: 'mounting a tmpfs needs root' };
  const dir = tmp();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0777`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `mount -t tmpfs failed: ${(r.stderr || r.error?.message || '').trim()}` };
  mounts.push(dir);
  return { dir };
}

function skipped(reason: string): void {
  // Printed, so a run that could not make the fault says so plainly.
  process.stdout.write(`write-faults: SKIPPED: ${reason}\n`);
}

describe('a folder or file system that cannot be written', () => {
  it('a read-only folder: interview and init say so in one line before any question, exit 2, nothing written', () => {
    const dir = orgDir();
    // As root, permissions do not stop writes: run the CLI as `nobody`, whom they do stop.
    const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};
    chmodSync(dir, 0o555);
    try {
      // The files are the user's own and writable: only the folder is not.
      for (const f of ['org.yaml', 'answers.yaml']) if (isRoot) chownSync(join(dir, f), 65534, 65534);
      // As another user: the CLI copied where that user can reach it (this checkout may be in a private folder).
      const bin = isRoot ? cliForAnyUser() : BIN;
      const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', ...asUser, env: { ...process.env, NO_COLOR: '1' } });
      for (const [args, file] of [
        [['interview', 'org.yaml', '--answers', 'answers.yaml', '--date', DATE], 'org.yaml'],
        [['interview', 'new.yaml', '--answers', 'answers.yaml', '--date', DATE], 'new.yaml'],
      ] as const) {
        const r = run([...args]);
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toBe(`sales-audit: cannot save answers in ${file}: the folder . is not writable (permission denied); nothing was changed\n`);
      }
      const init = run(['init', 'new.yaml']);
      expect(init.status).toBe(2);
      expect(init.stderr).toBe('sales-audit: cannot write new.yaml: the folder . is not writable (permission denied); nothing was created\n');
      expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(ORG);
      expect(listing(dir)).toEqual(['answers.yaml', 'org.yaml']);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('a read-only mount: the same, with the cause named', () => {
    const m = tmpfs('1m');
    if ('skip' in m) return skipped(`read-only mount: ${m.skip}`);
    writeFileSync(join(m.dir, 'org.yaml'), ORG);
    writeFileSync(join(m.dir, 'answers.yaml'), 'leadership.manager_experience_years: 3\n');
    const ro = spawnSync('mount', ['-o', 'remount,ro', m.dir], { encoding: 'utf8' });
    if (ro.status !== 0) return skipped(`read-only mount: remount,ro failed: ${ro.stderr.trim()}`);
    const r = cli(['interview', 'org.yaml', '--answers', 'answers.yaml', '--date', DATE], { cwd: m.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-audit: cannot save answers in org.yaml: the folder . is not writable (the file system is read-only); nothing was changed\n');
    const init = cli(['init', 'x.yaml'], { cwd: m.dir });
    expect(init.code).toBe(2);
    expect(init.stderr).toBe('sales-audit: cannot write x.yaml: the folder . is not writable (the file system is read-only); nothing was created\n');
    expect(readFileSync(join(m.dir, 'org.yaml'), 'utf8')).toBe(ORG);
  });
});

describe('a full disk', () => {
  it('full before the session: the first save fails, the file is intact, nothing is left behind', () => {
    const m = tmpfs('64k');
    if ('skip' in m) return skipped(`full disk (tmpfs): ${m.skip}`);
    writeFileSync(join(m.dir, 'org.yaml'), ORG);
    writeFileSync(join(m.dir, 'answers.yaml'), 'leadership.manager_experience_years: 3\n');
    // Fill what is left.
    try {
      writeFileSync(join(m.dir, 'filler'), Buffer.alloc(1024 * 1024));
    } catch {
      // ENOSPC: the point.
    }
    const r = cli(['interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE], { cwd: m.dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^sales-audit: cannot save org\.yaml: the disk is full$/);
    expect(lines[1]).toBe('sales-audit: org.yaml is intact: no answer of this session was saved; the last answer (leadership.manager_experience_years) was not saved');
    expect(lines[2]).toBe('sales-audit: once that is fixed, run `sales-audit interview org.yaml --section leadership` to resume where you stopped');
    expect(r.stderr).not.toMatch(/internal error|please report|\n\s+at /);
    expect(readFileSync(join(m.dir, 'org.yaml'), 'utf8')).toBe(ORG);
    // No temp file, no lock; a .bak only if it fitted (it is a whole copy, never half).
    const left = listing(m.dir).filter((f) => !['answers.yaml', 'filler', 'org.yaml'].includes(f));
    for (const f of left) expect(f).toBe('org.yaml.bak');
    if (left.length) expect(readFileSync(join(m.dir, 'org.yaml.bak'), 'utf8')).toBe(ORG);

    // init on the same full disk: one line, and no half file or schema left.
    const init = cli(['init', 'new.yaml'], { cwd: m.dir });
    expect(init.code).toBe(2);
    expect(init.stderr).toBe('sales-audit: cannot write new.yaml: the disk is full; nothing was created\n');
    expect(listing(m.dir).filter((f) => f.startsWith('new') || f.endsWith('.json') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('full in mid-session (a file-size limit): the answers saved so far are said, the file holds exactly them', () => {
    const dir = orgDir();
    // The first answer fits under the limit, the second does not.
    const prlimit = spawnSync('prlimit', ['--version'], { encoding: 'utf8' });
    const limit = Buffer.byteLength(ORG) + 40;
    const args = [BIN, 'interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE];
    const r =
      prlimit.status === 0
        ? spawnSync('prlimit', [`--fsize=${limit}`, '--', process.execPath, ...args], { cwd: dir, encoding: 'utf8' })
        : spawnSync('sh', ['-c', `ulimit -f 1 && exec "$0" "$@"`, process.execPath, ...args], { cwd: dir, encoding: 'utf8' });
    if (prlimit.status !== 0) return skipped('file-size limit: prlimit is not installed (ulimit -f counts 512-byte blocks, too coarse here)');
    expect(r.status, r.stderr).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('sales-audit: cannot save org.yaml: the file is over the file-size limit (ulimit -f)');
    expect(lines).toContain(
      'sales-audit: org.yaml is intact: it holds the 1 answer saved in this session (leadership.manager_experience_years); the last answer (leadership.outside_help) was not saved',
    );
    const text = readFileSync(join(dir, 'org.yaml'), 'utf8');
    expect(parse(text).leadership).toEqual({ sales_managed_by: 'ceo', manager_experience_years: 3 });
    expect(text.startsWith('# our org\n')).toBe(true);
    expect(listing(dir)).toEqual(['answers.yaml', 'org.yaml', 'org.yaml.bak']);
    // Resumed with the limit gone: the rest is asked and saved.
    const again = cli(['interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'org.yaml'), 'utf8')).leadership.outside_help).toEqual(['coach']);
  });
});

/** Starts the CLI under the test hook (see test/helpers/slow-rename.cjs); resolves with its exit and output. */
function hooked(dir: string, args: string[], hook: Record<string, string>) {
  const child = spawn(process.execPath, ['-r', SLOW, BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...hook } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((res) => child.on('close', (code, signal) => res({ code, signal, stderr })));
  return { child, done };
}
const slowRun = (dir: string, args: string[], suffix: string, ms: number) => hooked(dir, args, { SALES_AUDIT_TEST_SLOW_RENAME: suffix, SALES_AUDIT_TEST_SLOW_RENAME_MS: String(ms) });

async function until(cond: () => boolean, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}
const must = async (cond: () => boolean, what: string) => {
  if (!(await until(cond))) throw new Error(`timed out waiting for ${what}`);
};

const has = (dir: string, name: string) => readdirSync(dir).includes(name);
const inFlight = (dir: string, pid?: number) => has(dir, `.hook-renaming-${pid}`);

describe('SIGKILL during a save', () => {
  it('leaves the file as it was before that save; the next run takes over the stale lock, removes the temp file and saves', async () => {
    const dir = orgDir();
    const run = slowRun(dir, ['interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE], 'org.yaml', 5_000);
    await must(() => inFlight(dir, run.child.pid), 'the save to start');
    // Killed between writing the new text and the rename: the temp file and the lock are left.
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(ORG);
    expect(listing(dir)).toContain('org.yaml.lock');
    expect(listing(dir).some((f) => f.endsWith('.tmp'))).toBe(true);

    const r = cli(['interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'org.yaml'), 'utf8')).leadership).toEqual({ sales_managed_by: 'ceo', manager_experience_years: 3, outside_help: ['coach'] });
    expect(listing(dir)).toEqual(['answers.yaml', 'org.yaml', 'org.yaml.bak']);
  });

  it('killed at any point, the file always loads and holds a whole number of answers', async () => {
    for (const delay of [0, 30, 60, 90, 120, 150, 200, 300]) {
      const dir = orgDir();
      const run = slowRun(dir, ['interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE], 'org.yaml', 40);
      await new Promise((r) => setTimeout(r, delay));
      run.child.kill('SIGKILL');
      await run.done;
      const text = readFileSync(join(dir, 'org.yaml'), 'utf8');
      expect((await loadOrgText(text, 'org.yaml')).ok, `killed after ${delay} ms`).toBe(true);
      const leadership = parse(text).leadership;
      expect([{ sales_managed_by: 'ceo' }, { sales_managed_by: 'ceo', manager_experience_years: 3 }, { sales_managed_by: 'ceo', manager_experience_years: 3, outside_help: ['coach'] }]).toContainEqual(
        leadership,
      );
    }
  });
});

describe('two interviews on one file at once', () => {
  it('one held in its save: the other waits for the lock, then adds its answer to the file as it is; no answer is lost', async () => {
    const dir = orgDir('leadership.manager_experience_years: 3\n');
    writeFileSync(join(dir, 'plan.yaml'), 'plan.documented: true\n');
    // A's first save is held at its rename (slow storage) until the test releases it.
    const a = hooked(dir, ['interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE], {
      SALES_AUDIT_TEST_SLOW_RENAME: 'org.yaml',
      SALES_AUDIT_TEST_HOLD_RENAME: '1',
    });
    await must(() => inFlight(dir, a.child.pid), "A's save to start");
    // B reads the file while A's save is in flight, then tries to save its own answer.
    const b = hooked(dir, ['interview', 'org.yaml', '--answers', 'plan.yaml', '--section', 'plan', '--date', DATE], { SALES_AUDIT_TEST_MARK_READ: 'org.yaml' });
    await must(() => has(dir, `.hook-read-${b.child.pid}`), 'B to read the file');
    // Without a lock, B's save lands now (a temp file of its own, then its rename), and A's rename undoes it.
    await until(() => readdirSync(dir).some((f) => f.startsWith(`.org.yaml.${b.child.pid}.`)) || b.child.exitCode !== null, 1_500);
    writeFileSync(join(dir, '.hook-release'), '');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    // Both answers are in the file (without the lock, B's is lost here though B said it saved it).
    const text = readFileSync(join(dir, 'org.yaml'), 'utf8');
    expect(parse(text).leadership.manager_experience_years).toBe(3);
    expect(parse(text).plan?.documented).toBe(true);
    expect(rb.stderr).toContain('org.yaml was changed by another program during the interview: your answers are added to it as it is now.');
    expect(text.startsWith('# our org\n')).toBe(true);
    expect(listing(dir)).toEqual(['answers.yaml', 'org.yaml', 'org.yaml.bak', 'plan.yaml']);
  });

  it('a lock held by a live process is waited for, then the save goes on (never two saves at once)', async () => {
    const dir = orgDir('leadership.manager_experience_years: 3\n');
    // A lock from this (live) test process, removed after 500 ms.
    writeFileSync(join(dir, 'org.yaml.lock'), `${process.pid} ${(await import('node:os')).hostname()} ${Date.now()}\n`);
    setTimeout(() => rmSync(join(dir, 'org.yaml.lock')), 500);
    const run = slowRun(dir, ['interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE], 'none', 0);
    const start = Date.now();
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - start).toBeGreaterThanOrEqual(450);
    expect(parse(readFileSync(join(dir, 'org.yaml'), 'utf8')).leadership.manager_experience_years).toBe(3);
  });
});

describe('links that lead nowhere', () => {
  it('a link into a folder that does not exist: one line, exit 2, no stray sales-audit.schema.json', () => {
    const dir = orgDir();
    rmSync(join(dir, 'org.yaml'));
    symlinkSync('missing/org.yaml', join(dir, 'org.yaml'));
    const r = cli(['interview', 'org.yaml', '--answers', 'answers.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sales-audit: cannot save answers in org.yaml: it is a symbolic link to missing/org.yaml, whose folder does not exist; nothing was changed\n');
    expect(listing(dir)).toEqual(['answers.yaml', 'org.yaml']);
  });

  it('a link to a file not yet there, in a folder that is: the interview creates it through the link', () => {
    const dir = orgDir('leadership.sales_managed_by: ceo\nleadership.manager_experience_years: 3\n');
    rmSync(join(dir, 'org.yaml'));
    mkdirSync(join(dir, 'real'));
    symlinkSync('real/org.yaml', join(dir, 'org.yaml'));
    const r = cli(['interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'real/org.yaml'), 'utf8')).leadership.manager_experience_years).toBe(3);
    expect(existsSync(join(dir, 'sales-audit.schema.json'))).toBe(true);
  });
});

describe('standard output on a full device (/dev/full)', () => {
  const full = existsSync('/dev/full');
  const toFull = (args: string[], cwd: string) => {
    const r = spawnSync('sh', ['-c', '"$0" "$@" > /dev/full', process.execPath, BIN, ...args], { cwd, encoding: 'utf8' });
    return { code: r.status, stderr: r.stderr };
  };

  it.each([
    ['audit', ['audit', 'org.yaml', '--date', DATE]],
    ['audit --format json', ['audit', 'org.yaml', '--format', 'json', '--date', DATE]],
    ['lint', ['lint', 'org.yaml', '--date', DATE]],
    ['lint --format sarif', ['lint', 'org.yaml', '--format', 'sarif', '--date', DATE]],
  ])('%s: one line, exit 2', (_name, args) => {
    if (!full) return skipped('/dev/full does not exist here');
    const dir = orgDir();
    const r = toFull(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sales-audit: cannot write to standard output: the disk is full\n');
    expect(r.stderr).not.toMatch(/internal error|please report|\n\s+at /);
  });

  it.each([
    ['an input error', ['audit', 'missing.yaml']],
    ['a gate failure', ['audit', 'org.yaml', '--fail-under', '99', '--date', DATE]],
    ['lint', ['lint', 'org.yaml', '--date', DATE]],
  ])('standard error on /dev/full (%s): exit 2, not the crash exit 1 (a gate failure code)', (_name, args) => {
    if (!full) return skipped('/dev/full does not exist here');
    const r = spawnSync('sh', ['-c', '"$0" "$@" > /dev/null 2> /dev/full', process.execPath, BIN, ...args], { cwd: orgDir(), encoding: 'utf8' });
    expect(r.status).toBe(2);
  });

  it('interview: one line, exit 2, and the answers it saved are in the file', () => {
    if (!full) return skipped('/dev/full does not exist here');
    const dir = orgDir();
    const r = toFull(['interview', 'org.yaml', '--answers', 'answers.yaml', '--section', 'leadership', '--date', DATE], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sales-audit: Saved in org.yaml: 2 answered');
    expect(r.stderr).toContain('sales-audit: cannot write to standard output: the disk is full\n');
    expect(r.stderr).not.toMatch(/internal error|please report|Unhandled|\n\s+at /);
    expect(parse(readFileSync(join(dir, 'org.yaml'), 'utf8')).leadership.outside_help).toEqual(['coach']);
  });
});
