// The lock file around the interview's check-and-write (issue 13, item 7):
// exclusive while held, released after, a dead holder's lock taken over, a
// live holder waited for and then named.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isStale, LockBusyError, STALE_LOCK_MS, withLock } from '../../src/cli/lock';

const file = () => join(mkdtempSync(join(tmpdir(), 'sales-audit-lock-')), 'org.yaml');
/** A pid that is certainly not running: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('withLock', () => {
  it('holds <file>.lock with pid, host and time while fn runs, and removes it after (also after a throw)', async () => {
    const f = file();
    const seen = await withLock(f, () => readFileSync(`${f}.lock`, 'utf8'));
    expect(seen).toMatch(new RegExp(`^${process.pid} ${hostname()} \\d+\\n$`));
    expect(existsSync(`${f}.lock`)).toBe(false);
    await expect(withLock(f, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(`${f}.lock`)).toBe(false);
  });

  it('one holder at a time: a second caller runs only after the first released', async () => {
    const f = file();
    const order: string[] = [];
    const slow = withLock(f, async () => {
      order.push('a in');
      await new Promise((r) => setTimeout(r, 150));
      order.push('a out');
    });
    await new Promise((r) => setTimeout(r, 20));
    await Promise.all([slow, withLock(f, () => void order.push('b'))]);
    expect(order).toEqual(['a in', 'a out', 'b']);
  });

  it('takes over a lock whose process is gone, or one older than any save', async () => {
    const f = file();
    writeFileSync(`${f}.lock`, `${deadPid()} ${hostname()} ${Date.now()}\n`);
    expect(await withLock(f, () => 'ran', { waitMs: 200 })).toBe('ran');
    writeFileSync(`${f}.lock`, `${process.pid} other-host ${Date.now() - STALE_LOCK_MS - 1000}\n`);
    expect(await withLock(f, () => 'ran', { waitMs: 200 })).toBe('ran');
  });

  it('a live holder past the wait: LockBusyError naming it; the lock is left alone', async () => {
    const f = file();
    const held = `${process.pid} ${hostname()} ${Date.now()}\n`;
    writeFileSync(`${f}.lock`, held);
    const err = await withLock(f, () => 'ran', { waitMs: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(LockBusyError);
    expect(err.holder).toBe(`process ${process.pid}`);
    expect(readFileSync(`${f}.lock`, 'utf8')).toBe(held);
  });

  it("isStale: a dead pid on this host, or too old; a live one or another host's recent lock is not", () => {
    const now = Date.now();
    expect(isStale(`${deadPid()} ${hostname()} ${now}`, now)).toBe(true);
    expect(isStale(`${process.pid} ${hostname()} ${now}`, now)).toBe(false);
    expect(isStale(`1 elsewhere ${now}`, now)).toBe(false);
    expect(isStale(`1 elsewhere ${now - STALE_LOCK_MS - 1}`, now)).toBe(true);
  });
});
