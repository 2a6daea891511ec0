// Standard output. When it is a file or a pipe (CI, `> report.json`, `| jq`),
// the CLI writes to fd 1 directly: creating process.stdout there loads Node's
// stream machinery, about 6 ms of every start. A terminal gets the stream.
import { fstatSync, writeSync } from 'node:fs';
import { safeLine } from '../report/safe';
import { ioReason } from './output';

let tty: boolean | undefined;
let streamed = false;

export function stdoutIsTTY(): boolean {
  if (tty === undefined) {
    let device = true;
    try {
      device = fstatSync(1).isCharacterDevice();
    } catch {
      // No fd 1 to look at: let node:tty decide.
    }
    // A terminal is a character device; files and pipes are not, and for them
    // node:tty (which loads node:net and the streams) is not worth loading.
    tty = device && process.getBuiltinModule('node:tty').isatty(1);
  }
  return tty;
}

/** The terminal's width, or undefined when stdout is not a terminal. */
export const stdoutColumns = (): number | undefined => (stdoutIsTTY() ? process.stdout.columns : undefined);

// A reader that stopped early (`sales-audit audit x | head`) is not an error:
// the rest of the output is dropped and the run goes on, so gates still set
// the exit code.
let closed = false;
// Any other write error (a full disk: `> /dev/full`) is one line and exit 2, not a stack trace.
let failed = false;

/** Whether writing to standard output or standard error failed (the run then exits 2, whatever it found). */
export const stdoutFailed = (): boolean => failed;

const WRITE_ERRORS = new Set(['ENOSPC', 'EIO', 'EFBIG', 'EDQUOT', 'EBADF', 'EPIPE', 'EAGAIN', 'EROFS']);

/**
 * For process.on('uncaughtException'): standard error emits its write errors
 * (`2> /dev/full`) as an 'error' event that nothing else handles, which would
 * crash the run with exit 1, a gate failure's code. Such an error is taken
 * here: exit 2 (a closed reader, EPIPE, is not an error, as on stdout).
 * Returns false for any other error. Installing this costs nothing at start-up,
 * unlike an 'error' listener, which would create process.stderr on every run.
 */
export function takeWriteError(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException;
  if (err?.syscall !== 'write' || !WRITE_ERRORS.has(err.code ?? '')) return false;
  if (err.code !== 'EPIPE') {
    failed = true;
    process.exitCode = 2;
  }
  return true;
}

function fail(e: unknown): void {
  closed = true;
  if (failed) return;
  failed = true;
  process.exitCode = 2;
  try {
    process.stderr.write(`sales-audit: cannot write to standard output: ${ioReason(e)}\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left.
  }
}

/**
 * process.stdout with an error handler: a reader that went away ends the
 * output quietly, any other error is reported once (see fail). Use it, not
 * process.stdout, for anything written through the stream.
 */
export function stream(): NodeJS.WriteStream {
  if (!streamed) {
    streamed = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') closed = true;
      else fail(e);
    });
  }
  return process.stdout;
}

export function writeStdout(text: string | Uint8Array): void {
  if (closed) return;
  if (streamed || stdoutIsTTY()) {
    // Bytes are copied: the stream writes later, and a caller may reuse its buffer (src/cli/spool.ts).
    stream().write(typeof text === 'string' ? text : Buffer.from(text));
    return;
  }
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let done = 0; done < bytes.length;) {
    try {
      done += writeSync(1, bytes, done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return void (closed = true);
      // A non-blocking pipe that is full: the stream waits for the reader; later writes queue behind it.
      if (code === 'EAGAIN') return void stream().write(bytes.subarray(done));
      return fail(e);
    }
  }
}

/**
 * Writes one line to stderr (the newline is added), made safe first: a file
 * name or a value in a message cannot reach the terminal or the CI log as a
 * control sequence or a workflow command (see src/report/safe.ts).
 */
export function writeStderrLine(line: string): void {
  process.stderr.write(`${safeLine(line)}\n`);
}
