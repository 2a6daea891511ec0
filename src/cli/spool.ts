// A spool for the lint formats written at the end (see LintSpool in
// src/report/lint.ts): records kept in one buffer of fixed size, then in a
// temporary file, read back in order once. So linting thousands of files
// holds about what a few do, whatever the format.
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LintSpool } from '../report/lint';

// node:os only when a spool is made: `lint` on one file into a pipe starts without it.
const tmpdir = (): string => process.getBuiltinModule('node:os').tmpdir();

/** A record longer than this, in bytes, is read back as bytes, not text. */
const LONG = 64 << 10;
/** The buffer records are gathered in, and written to the file from, in bytes (the default of fileSpool's `inMemory`). */
const BUFFER = 256 << 10;

/**
 * A LintSpool in a temporary file, created only when the records outgrow one
 * buffer of `inMemory` bytes (default BUFFER) and removed at once (the open
 * descriptor keeps it until close()). Each record is its UTF-8 length (4
 * bytes) then its bytes. The buffer is reused, not one per record: many
 * short-lived buffers of a few KB made the process's memory grow with the
 * number of files. Throws the errno error of a failing write (a full
 * temporary folder).
 */
export function fileSpool(opts: { inMemory?: number } = {}): LintSpool & { close(): void } {
  let buf = Buffer.allocUnsafe(Math.max(opts.inMemory ?? BUFFER, 64));
  let used = 0;
  let fd: number | undefined;
  let path: string | undefined;
  let written = 0;
  const put = (bytes: Buffer, length: number) => {
    const out = open();
    for (let done = 0; done < length;) done += writeSync(out, bytes, done, length - done, written + done);
    written += length;
  };
  const open = (): number => {
    if (fd !== undefined) return fd;
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
    return fd;
  };
  const flush = () => {
    if (used) put(buf, used);
    used = 0;
  };
  return {
    write(record) {
      const size = Buffer.byteLength(record, 'utf8');
      if (used + 4 + size > buf.length) flush();
      if (4 + size > buf.length) {
        // Longer than the buffer: its length, then its bytes, straight to the file.
        buf.writeUInt32LE(size, 0);
        put(buf, 4);
        put(Buffer.from(record, 'utf8'), size);
        return;
      }
      buf.writeUInt32LE(size, used);
      used += 4 + buf.write(record, used + 4, 'utf8');
    },
    *records() {
      if (fd === undefined) {
        // Never left the buffer.
        for (let at = 0; at < used;) {
          const size = buf.readUInt32LE(at);
          yield buf.toString('utf8', at + 4, at + 4 + size);
          at += 4 + size;
        }
        return;
      }
      flush();
      // The buffer is reused for reading: [start, end) holds what is read and not yet given.
      let start = 0;
      let end = 0;
      let at = 0;
      while (at < written || end > start) {
        const need = end - start >= 4 ? 4 + buf.readUInt32LE(start) : 4;
        if (end - start < need) {
          if (need > buf.length) {
            const bigger = Buffer.allocUnsafe(need);
            buf.copy(bigger, 0, start, end);
            buf = bigger;
          } else buf.copy(buf, 0, start, end);
          end -= start;
          start = 0;
          const n = readSync(fd, buf, end, buf.length - end, at);
          if (n === 0) throw new Error('the spool file ended early');
          at += n;
          end += n;
          continue;
        }
        // A long record goes out as bytes (it is written as bytes again): valid until the next is taken.
        yield need > LONG ? buf.subarray(start + 4, start + need) : buf.toString('utf8', start + 4, start + need);
        start += need;
      }
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      if (path) {
        try {
          unlinkSync(path);
          rmdirSync(dirname(path));
        } catch {
          // Already gone.
        }
      }
    },
  };
}
