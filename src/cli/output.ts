// Terminal conventions and safe writes: colour only on a TTY and never with
// NO_COLOR; files written atomically (temp file + rename) so a crash or Ctrl-C
// never leaves half a report or half an org file.
import { closeSync, existsSync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';

export function useColor(isTTY: boolean, flag?: boolean): boolean {
  if (flag === false) return false;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (flag === true) return true;
  return isTTY && env.TERM !== 'dumb';
}

/**
 * A file name or other text read from disk, made safe for one line of a
 * terminal or CI log: control characters (an escape sequence, a newline that
 * would start a `::workflow-command::` line), line separators and bidi
 * overrides are written as `\xNN` / `\uNNNN` escapes.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** What a write did that its caller should tell the user. */
export interface WriteResult {
  /** The file written: the path given, or the target of the symbolic link(s) it named. */
  path: string;
  /**
   * The file had other hard links (names in other folders or under other names):
   * a rename gives `path` a new inode, so those names keep the old content.
   */
  detachedLinks: number;
  /** The owner the file had, when this process could not give it back (only root can): uid:gid. */
  ownerLost?: string;
}

/** A write that could not be done, with why in words (`permission denied`, `the disk is full`). */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly why: string,
    readonly code?: string,
  ) {
    super(`cannot write ${printable(path)}: ${why}`);
  }
}

/** The cause of a failed file operation, in words (for one-line messages). */
export function ioReason(e: unknown): string {
  if (e instanceof WriteError) return e.why;
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EFBIG':
      return 'the file is over the file-size limit (ulimit -f)';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of its path is not a folder';
    case 'ELOOP':
      return 'it is a symbolic link that loops';
    case 'EIO':
      return 'an input/output error on the device';
    default:
      return printable(code ?? (e instanceof Error ? e.message : String(e)));
  }
}

/**
 * Whether this process may not write `st`'s file by its mode bits (root: only
 * when no one may). rename() ignores a file's mode, so a writer that replaces
 * files must look itself, or a 0444 file is silently rewritten.
 */
export function isReadOnly(st: { mode: number; uid: number; gid: number }): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return (st.mode & 0o200) === 0;
  if (uid === 0) return (st.mode & 0o222) === 0;
  if (uid === st.uid) return (st.mode & 0o200) === 0;
  if (process.getgid?.() === st.gid || (process.getgroups?.() ?? []).includes(st.gid)) return (st.mode & 0o020) === 0;
  return (st.mode & 0o002) === 0;
}

/** Why isReadOnly(st) holds, in words: `it is read-only (mode 0444)` or `it is not writable by this user (mode 0644)`. */
export function readOnlyWhy(st: { mode: number }): string {
  const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
  return (st.mode & 0o222) === 0 ? `it is read-only (mode ${mode})` : `it is not writable by this user (mode ${mode})`;
}

/**
 * Where a write to `path` lands: symbolic links followed (one at a time, so a
 * link to a file that does not exist yet still resolves to where it points).
 * Throws WriteError for a loop or a link into a folder that does not exist.
 */
export function writeTarget(path: string): string {
  let p = path;
  for (let hops = 0; ; hops++) {
    const st = lstatSync(p, { throwIfNoEntry: false });
    if (!st?.isSymbolicLink()) {
      if (!st && !existsSync(dirname(p))) throw new WriteError(path, p === path ? 'its folder does not exist' : `it is a symbolic link to ${printable(p)}, whose folder does not exist`, 'ENOENT');
      return p;
    }
    if (hops >= 40) throw new WriteError(path, 'it is a symbolic link that loops', 'ELOOP');
    const to = readlinkSync(p);
    p = isAbsolute(to) ? to : join(dirname(p), to);
  }
}

/**
 * Writes a file atomically: a temp file beside it, flushed to disk, then
 * renamed over it, so a crash, a full disk or SIGKILL leaves either the old
 * file or the new one, never half of either. An existing file keeps its mode
 * and owner (a private org file stays private). A symbolic link is followed, so
 * the link stays a link and its target gets the content (a dangling link
 * creates its target); a device or pipe (`-o /dev/null`, `-o /dev/stdout`) is
 * written through, never replaced by a regular file.
 *
 * `like`: a file whose mode and owner a new file takes (a backup gets its
 * original's; by default 0666 less the umask, owned by this process). Throws WriteError when the existing file is read-only by its mode or
 * is a folder; the errno error of the failing call otherwise (the temp file is
 * removed first).
 */
export async function writeFileAtomic(path: string, content: FileContent, opts: { like?: { mode: number; uid: number; gid: number } } = {}): Promise<WriteResult> {
  // Synchronous calls: a CLI writes one file at a time, and node:fs/promises
  // would cost every start a few ms to load.
  const target = writeTarget(path);
  const st = statSync(target, { throwIfNoEntry: false });
  if (st?.isDirectory()) throw new WriteError(path, 'it is a folder', 'EISDIR');
  if (st && !st.isFile()) {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(target, content);
    else {
      const fd = openSync(target, 'w');
      try {
        writeContent(fd, content);
      } finally {
        closeSync(fd);
      }
    }
    return { path: target, detachedLinks: 0 };
  }
  if (st && isReadOnly(st)) throw new WriteError(path, `${readOnlyWhy(st)}; make it writable (chmod u+w) to let sales-audit change it`, 'EACCES');
  // node:crypto is required here, not imported: loading it costs every start ~5 ms.
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  let ownerLost: string | undefined;
  try {
    const from = st ?? opts.like;
    const mode = from ? from.mode & 0o7777 : undefined;
    // A new file with no `like` gets 0666 less the umask, as any new file.
    try {
      fd = openSync(tmp, 'wx', mode === undefined ? 0o666 : 0o600);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new WriteError(path, `the folder ${dirname(target) || '.'} is not writable (${ioReason(e)})`, code);
      throw e;
    }
    writeContent(fd, content);
    if (mode !== undefined) fchmodSync(fd, mode);
    // The owner too, where this process may set it (root editing a user's file).
    if (from && (from.uid !== process.getuid?.() || from.gid !== process.getgid?.())) {
      try {
        fchownSync(fd, from.uid, from.gid);
        fchmodSync(fd, mode!); // chown clears set-id bits
      } catch {
        // Not permitted (not root): the file becomes this user's, as any editor's save does; said for an existing file.
        if (st) ownerLost = `${st.uid}:${st.gid}`;
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    // The rename itself reaches the disk only with its folder: a power cut must not bring back the old file.
    let dirFd: number | undefined;
    try {
      dirFd = openSync(dirname(target) || '.', 'r');
      fsyncSync(dirFd);
    } catch {
      // A file system that cannot sync a folder (some network ones): the rename stands as it is.
    } finally {
      if (dirFd !== undefined) closeSync(dirFd);
    }
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already gone.
    }
    throw e;
  }
  return { path: target, detachedLinks: st && st.nlink > 1 ? st.nlink - 1 : 0, ...(ownerLost ? { ownerLost } : {}) };
}

/**
 * A file's content: text, bytes, or text in pieces (a lint output streamed
 * from a spool, written piece by piece so it is never whole in memory).
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

function writeContent(fd: number, content: FileContent): void {
  const pieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
  }
}

/** What to tell the user after a write (undefined when nothing): hard links detached, an owner that could not be kept. */
export function detachedNote(shown: string, r: WriteResult): string | undefined {
  const notes: string[] = [];
  const n = r.detachedLinks;
  if (n) notes.push(`${printable(shown)} had ${n} other hard link${n === 1 ? '' : 's'}; ${n === 1 ? 'it keeps' : 'they keep'} the old content (the file was replaced, not edited in place)`);
  if (r.ownerLost) notes.push(`${printable(shown)} belonged to ${r.ownerLost} and now belongs to this user (only root can keep another user's ownership)`);
  return notes.length ? `note: ${notes.join('; ')}` : undefined;
}

/** Today's date in local time as YYYY-MM-DD: the CLI's only read of the clock. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
