// A spool for the lint formats written at the end (see LintSpool in
// src/report/lint.ts): records kept in memory up to a few MiB, then in a
// temporary file, read back in order once. So linting thousands of files
// holds about what a few do, whatever the format.
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LintSpool } from '../report/lint';

/** Records held in memory before the spool moves to a file, in bytes (the default of fileSpool's `inMemory`). */
const IN_MEMORY = 1 << 20;
/** How much is written to, and read from, the file at a time, in bytes. */
const CHUNK = 256 << 10;

/**
 * A LintSpool in a temporary file (created only when the records outgrow
 * `inMemory` bytes, by default IN_MEMORY; removed at once: the open descriptor keeps it until close()).
 * Each record is its UTF-8 length (4 bytes) and its bytes. Throws the errno
 * error of a failing write (a full temporary folder).
 */
export function fileSpool(opts: { inMemory?: number } = {}): LintSpool & { close(): void } {
  const inMemory = opts.inMemory ?? IN_MEMORY;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let fd: number | undefined;
  let path: string | undefined;
  let written = 0;
  const flush = () => {
    if (!pending.length) return;
    if (fd === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'sales-audit-'));
      path = join(dir, 'spool');
      fd = openSync(path, 'w+', 0o600);
      // Gone from the folder at once (where the system allows it): nothing is left behind, even on a crash.
      try {
        unlinkSync(path);
        rmdirSync(dir);
        path = undefined;
      } catch {
        // Removed at close().
      }
    }
    const bytes = Buffer.concat(pending, pendingBytes);
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, written + done);
    written += bytes.length;
    pending = [];
    pendingBytes = 0;
  };
  return {
    write(record) {
      const bytes = Buffer.from(record, 'utf8');
      const size = Buffer.allocUnsafe(4);
      size.writeUInt32LE(bytes.length);
      pending.push(size, bytes);
      pendingBytes += 4 + bytes.length;
      if (pendingBytes > (fd === undefined ? inMemory : CHUNK)) flush();
    },
    *records() {
      if (fd === undefined) {
        // Never left memory.
        for (let i = 1; i < pending.length; i += 2) yield pending[i]!.toString('utf8');
        return;
      }
      flush();
      let at = 0;
      let buf = Buffer.alloc(0);
      while (at < written || buf.length) {
        // Enough bytes for the next record's length, then for the record.
        const need = buf.length >= 4 ? 4 + buf.readUInt32LE(0) : 4;
        if (buf.length < need) {
          const chunk = Buffer.allocUnsafe(Math.max(CHUNK, need - buf.length));
          const n = readSync(fd, chunk, 0, chunk.length, at);
          if (n === 0) throw new Error('the spool file ended early');
          at += n;
          buf = buf.length ? Buffer.concat([buf, chunk.subarray(0, n)]) : chunk.subarray(0, n);
          continue;
        }
        yield buf.toString('utf8', 4, need);
        buf = buf.subarray(need);
      }
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      if (path) {
        try {
          unlinkSync(path);
          rmdirSync(join(path, '..'));
        } catch {
          // Already gone.
        }
      }
    },
  };
}
