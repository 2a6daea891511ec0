// A lock file beside a file being saved (`org.yaml.lock`), held around
// "check the file is as we left it, then replace it": without it, two
// interviews on one file can both pass the check, and the slower rename
// silently undoes the other's answer. The lock holds `pid host time`; one left
// by a process that died (SIGKILL, power loss) is taken over: its pid is gone
// on this host, or it is older than any save takes.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** A lock older than this is stale whoever holds it: a save takes milliseconds, even on slow storage. */
export const STALE_LOCK_MS = 30_000;
/** How long to wait for a live lock before giving up. */
export const LOCK_WAIT_MS = 15_000;

/** The lock could not be taken: held by a live process for longer than LOCK_WAIT_MS. */
export class LockBusyError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: string,
  ) {
    super(`${lockPath} is held by ${holder}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a lock's content (`pid host epoch-ms`) names a holder that is gone or too old. */
export function isStale(content: string, now = Date.now()): boolean {
  const [pidText, host, timeText] = content.trim().split(' ');
  const pid = Number(pidText);
  const time = Number(timeText);
  // Unreadable (a crash between create and write): judged by age alone, from the caller's mtime.
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isFinite(time)) return false;
  if (now - time > STALE_LOCK_MS) return true;
  return host === hostname() && !alive(pid);
}

/**
 * Runs `fn` holding `<path>.lock`, waiting (up to `waitMs`, default LOCK_WAIT_MS) while another
 * live process holds it, taking over a stale one. The lock is removed after
 * `fn`, also when it throws. Errors creating the lock (a read-only folder) are
 * thrown as they are; a lock still busy after the wait is LockBusyError.
 */
export async function withLock<T>(path: string, fn: () => Promise<T> | T, opts: { waitMs?: number } = {}): Promise<T> {
  const waitMs = opts.waitMs ?? LOCK_WAIT_MS;
  const lockPath = `${path}.lock`;
  const mine = `${process.pid} ${hostname()} ${Date.now()}\n`;
  const start = Date.now();
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      try {
        writeSync(fd, mine);
      } catch (e) {
        // A full disk can take the name but not the content: leave no lock behind.
        closeSync(fd);
        unlinkSync(lockPath);
        throw e;
      }
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let held = '';
    try {
      held = readFileSync(lockPath, 'utf8');
    } catch {
      continue; // released between the two calls: try again at once
    }
    // An empty lock is one whose holder died between creating and writing it, unless it is that young.
    const blank = !held.trim() && Date.now() - (statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 2_000;
    if (blank || isStale(held)) {
      // Removed only if it is still the stale one read (another waiter may have taken it over already).
      try {
        if (readFileSync(lockPath, 'utf8') === held) unlinkSync(lockPath);
      } catch {
        // Gone already.
      }
      continue;
    }
    if (Date.now() - start > waitMs) {
      const [pid, host] = held.trim().split(' ');
      // The lock's content is text from disk: only digits and a host name's characters are shown.
      const safePid = /^\d+$/.test(pid ?? '') ? pid : undefined;
      const safeHost = host?.replace(/[^\w.-]/g, '?');
      throw new LockBusyError(lockPath, safePid ? `process ${safePid}${safeHost && host !== hostname() ? ` on ${safeHost}` : ''}` : 'another process');
    }
    await sleep(wait);
  }
  try {
    return await fn();
  } finally {
    try {
      if (readFileSync(lockPath, 'utf8') === mine) unlinkSync(lockPath);
    } catch {
      // Removed by someone who judged it stale: nothing to release.
    }
  }
}
