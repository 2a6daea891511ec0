// Reading an org file's past from git: a file at a revision (`main:orgs/acme.yaml`),
// and the commits that changed a file. git is run without a shell (arguments as
// an array), so nothing in a name or a revision can become a command; what git
// prints on failure never reaches the terminal as it is: known failures are
// said in our words, anything else cut to one inert line (see gitFailure).
import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { CliError } from './errors';

/** One line, with no control characters (a terminal escape in a file or branch name stays inert). */
export const inert = (s: string): string =>
  s
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();

/** Why git failed, as a kind the commands can word for themselves. */
export type GitFailure = 'no-git' | 'not-a-work-tree' | 'unsafe-repository' | 'no-revision' | 'not-in-revision' | 'other';

export type GitResult = { ok: true; stdout: string } | { ok: false; failure: GitFailure; message: string };

// git's messages (LC_ALL=C) for the failures a user meets, and what we say instead.
const FAILURES: readonly [RegExp, Exclude<GitFailure, 'no-git' | 'other'>, string][] = [
  [/not a git repository|must be run in a work tree/i, 'not-a-work-tree', 'not inside a git work tree'],
  [/dubious ownership|safe\.directory/i, 'unsafe-repository', 'git will not read this repository: it belongs to another user (git config --global --add safe.directory <folder> allows it)'],
  [/does not exist in|exists on disk, but not in/i, 'not-in-revision', 'the file is not in that revision'],
  [/invalid object name|unknown revision|bad revision|ambiguous argument|needed a single revision|not a valid object name|invalid reference/i, 'no-revision', 'no such git revision'],
];

/**
 * The tool's own one-line message for a failed git command: a known failure in
 * our words; anything else as `git <command> failed (exit N: …)` with git's
 * first line made inert and cut to 160 characters, never its raw stderr (it
 * can hold terminal escapes from a branch or file name).
 */
export function gitFailure(command: string, stderr: string, status: number | null): { failure: GitFailure; message: string } {
  for (const [re, failure, message] of FAILURES) if (re.test(stderr)) return { failure, message };
  const first = inert(stderr.split('\n').find((l) => l.trim()) ?? '')
    .replace(/^(fatal|error): /, '')
    .slice(0, 160);
  return { failure: 'other', message: `git ${command} failed (exit ${status ?? '?'}${first ? `: ${first}` : ''})` };
}

/** Runs git in `cwd`; never throws (a missing git is a result too). */
export function git(args: string[], cwd: string): GitResult {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      failure: code === 'ENOENT' ? 'no-git' : 'other',
      message: code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `git could not run (${inert(code ?? r.error.message)})`,
    };
  }
  if (r.status !== 0) return { ok: false, ...gitFailure(args[0] ?? '', r.stderr ?? '', r.status) };
  return { ok: true, stdout: r.stdout };
}

/**
 * The top folder of the git work tree holding `cwd`, or a CliError (exit 2):
 * `<what> not inside a git work tree; expected <expected>` (`what` ends in its
 * own punctuation: `--baseline main:`), or why git could not say.
 */
export function topLevel(cwd: string, what: string, expected: string): string {
  const r = git(['rev-parse', '--show-toplevel'], cwd);
  if (!r.ok) throw new CliError([r.failure === 'not-a-work-tree' ? `${what} not inside a git work tree; expected ${expected}` : `${what} needs a git work tree (${r.message}); expected ${expected}`]);
  return r.stdout.trim();
}

/** A file's path inside its repository, with `/`: what `rev:path` needs. */
export function repoPath(file: string, cwd: string, top: string): string {
  return relative(top, resolve(cwd, file)).split(sep).join('/');
}

/**
 * `rev:path` as git resolves it (a path starting with `./` is relative to
 * `cwd`). `missing` is true when the revision exists but the file is not in it
 * (a file new in the branch).
 */
export function showAt(rev: string, path: string, cwd: string): { ok: true; text: string } | { ok: false; missing: boolean; message: string } {
  const r = git(['show', `${rev}:${path}`], cwd);
  if (r.ok) return { ok: true, text: r.stdout };
  return { ok: false, missing: r.failure === 'not-in-revision', message: r.message };
}

/** Whether `rev` names a commit (`main`, `HEAD~1`, a hash). */
export function isRevision(rev: string, cwd: string): boolean {
  return git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd).ok;
}

export interface Commit {
  hash: string;
  /** The commit date, YYYY-MM-DD (committer date, in the committer's time zone). */
  date: string;
  subject: string;
}

/** The commits that changed a file, oldest first, following renames. */
export function commitsOf(file: string, cwd: string): Commit[] {
  const r = git(['log', '--follow', '--format=%H%x1f%cs%x1f%s', '--', file], cwd);
  if (!r.ok) throw new CliError([`${inert(file)}: ${r.message}`]);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [hash, date, subject] = l.split('\x1f');
      return { hash: hash!, date: date!, subject: inert(subject ?? '') };
    })
    .reverse();
}

/** The path a file had at a commit, following renames (`git log --follow --name-only`). */
export function pathsByCommit(file: string, cwd: string): Map<string, string> {
  const r = git(['log', '--follow', '--format=%x1e%H', '--name-only', '--', file], cwd);
  const out = new Map<string, string>();
  if (!r.ok) return out;
  for (const block of r.stdout.split('\x1e').filter(Boolean)) {
    const [hash, ...names] = block.split('\n').filter(Boolean);
    if (hash && names.length) out.set(hash, names[names.length - 1]!);
  }
  return out;
}
