// Terminal conventions and safe writes: colour only on a TTY and never with
// NO_COLOR; files written atomically (temp file + rename) so a crash or Ctrl-C
// never leaves half a report or half an org file.
import { createRequire } from 'node:module';
import { lstatSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function useColor(isTTY: boolean, flag?: boolean): boolean {
  if (flag === false) return false;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (flag === true) return true;
  return isTTY && env.TERM !== 'dumb';
}

/**
 * Writes a file atomically (temp file, then rename). A symlink is followed, so
 * the link stays a link; a device or pipe (`-o /dev/null`, `-o /dev/stdout`) is
 * written through, never replaced by a regular file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  // Synchronous calls: a CLI writes one file at a time, and node:fs/promises
  // would cost every start a few ms to load.
  let st;
  try {
    st = lstatSync(path, { throwIfNoEntry: false });
  } catch {
    st = undefined;
  }
  if (st?.isSymbolicLink()) return writeFileAtomic(realpathSync(path), content);
  if (st?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  if (st && !st.isFile()) return writeFileSync(path, content);
  // node:crypto is required here, not imported: loading it costs every start ~5 ms.
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { encoding: 'utf8', flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already gone.
    }
    throw e;
  }
}

/** Today's date in local time as YYYY-MM-DD: the CLI's only read of the clock. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  // A real calendar day (no 2026-02-30). Not toISOString(): its first call costs every start ~0.7 ms.
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}
