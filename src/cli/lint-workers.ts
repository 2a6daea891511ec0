// `lint` over many files on every core: worker threads, each running the
// built CLI (bin/sales-audit.js, so the same chunks and code caches), lint
// files in small batches and send back each file's result; the main thread
// takes them in file order and writes every format as a single-threaded run
// does, so the output is the same bytes. Loaded only when a run is large
// enough to use them (lintWorkerCount): `lint` on a few files never loads it.
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { rules } from '../../rules/index';
import { ConfigResolver } from '../config/resolver';
import { listingView, problemView, type LintFile, type LintFormat } from '../report/lint';
import type { InputFile } from './targets';
import { lintOne, type LintOpts } from './commands/lint-run';
import { CliError } from './errors';

/** Set in a worker's environment: the CLI's entry point then serves lint batches (runLintWorker) instead of a command. */
export const WORKER_ENV = 'SALES_AUDIT_LINT_WORKER';

/** Files per batch a worker is given: few enough to keep the workers even, enough to make a message worth sending. */
const BATCH = 8;
/** At most this many files are linted ahead of the one the output waits for: what the main thread holds stays bounded (flat memory). */
const AHEAD = 64;

/** A file to lint, with its index among the run's inputs. */
export interface WorkerInput {
  path: string;
  shown: string;
}

interface Setup {
  opts: LintOpts;
  date: string;
  cwd: string;
  /** What of each file's report to send back (see viewFor). */
  view: View;
}

/**
 * A batch's results as JSON text (a string crosses to the main thread faster
 * than the objects: a copy, not a walk); with `error`, what a file after those
 * threw (an internal error), raised when the output reaches that file, as on
 * one thread.
 */
type Reply = { start: number; files: string; ran: string[]; error?: { message: string; stack?: string } };

/**
 * The launcher the workers run: bin/sales-audit.js beside the dist/ folder
 * this chunk was loaded from; undefined when the code does not run from a
 * build (the unit tests run the sources: they lint on one thread).
 */
function launcher(): string | undefined {
  let here: string;
  try {
    here = fileURLToPath(import.meta.url);
  } catch {
    return undefined;
  }
  const at = here.lastIndexOf(`${sep}dist${sep}`);
  if (at < 0) return undefined;
  const bin = join(here.slice(0, at), 'bin', 'sales-audit.js');
  return existsSync(bin) ? bin : undefined;
}

/**
 * How many workers a run of `files` files gets: none (0) under 33 files, when
 * the code does not run from a build, or on fewer than 3 cores; otherwise one
 * per core but one (os.availableParallelism() - 1), at most 8 and at most one
 * per 16 files. The core left over is the main thread's, which merges and
 * writes, and V8's own: on 2 cores, 2 workers linted 1,000 files only ~10%
 * faster than one thread (V8's garbage collector and compiler threads already
 * take ~1.3 cores) for ~2x the memory, so 2 cores stay on one thread. SALES_AUDIT_LINT_WORKERS=<n> sets the count whatever the size
 * (0 or 1: one thread), to measure or test.
 */
export function lintWorkerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  if (!launcher()) return 0;
  const forced = env.SALES_AUDIT_LINT_WORKERS;
  if (forced !== undefined) {
    // A value that is not a count is a mistake to say, not to ignore: the run would not be what was asked.
    if (!/^\d+$/.test(forced.trim())) throw new CliError([`SALES_AUDIT_LINT_WORKERS: expected a whole number of worker threads (0 or 1: one thread), got ${JSON.stringify(forced)}`]);
    const n = Number(forced.trim());
    return n > 1 ? Math.min(n, 64) : 0;
  }
  if (files <= 32) return 0;
  const n = Math.min(availableParallelism() - 1, 8, Math.floor(files / 16));
  return n > 1 ? n : 0;
}

type View = 'full' | 'problems' | 'listing';

/**
 * What of each file's report the formats asked for read, so a worker sends
 * only that (copying a whole report to the main thread costs about what
 * rendering it does): all of it for json and markdown, problemView's part for
 * sarif, junit and github, listingView's for stylish alone.
 */
export function viewFor(formats: readonly LintFormat[]): View {
  if (formats.some((f) => f === 'json' || f === 'markdown')) return 'full';
  return formats.every((f) => f === 'stylish') ? 'listing' : 'problems';
}
const VIEWS: Record<View, (f: LintFile) => LintFile> = { full: (f) => f, problems: problemView, listing: listingView };

/**
 * Lints `inputs` on `count` workers and yields each file's result in input
 * order, as lintOne would have made it (for the listings, problemView of it),
 * with the files it read. `known` is the rules the main thread has: a worker
 * that ran another (a plugin's) is an internal error, as the caller only uses
 * workers when no config names plugins. What a file threw is thrown when
 * its turn comes; a worker's crash is thrown at once.
 */
export async function* lintOnWorkers(
  inputs: readonly WorkerInput[],
  count: number,
  setup: { opts: LintOpts; date: string; cwd: string; formats: readonly LintFormat[] },
  known: ReadonlySet<string>,
): AsyncGenerator<{ f: LintFile; read: InputFile[] }> {
  const bin = launcher()!;
  const data: Setup = { opts: setup.opts, date: setup.date, cwd: setup.cwd, view: viewFor(setup.formats) };
  // The worker's environment: the parent's, less what makes the launcher write (debug lines, code caches).
  const env: NodeJS.ProcessEnv = { ...process.env, [WORKER_ENV]: '1' };
  delete env.SALES_AUDIT_DEBUG_STARTUP;
  delete env.SALES_AUDIT_WRITE_CODE_CACHE;
  const workers = Array.from({ length: Math.min(count, Math.ceil(inputs.length / BATCH)) }, () => new Worker(bin, { workerData: data, env }));
  const results = new Map<number, { f: LintFile; read: InputFile[] } | Error>();
  let next = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const idle: Worker[] = [];
  let taken = 0;
  const feed = () => {
    while (idle.length && next < inputs.length && next < taken + AHEAD) {
      const w = idle.pop()!;
      const start = next;
      next = Math.min(inputs.length, next + BATCH);
      w.postMessage({ start, inputs: inputs.slice(start, next) });
    }
  };
  const fail = (e: Error) => {
    failure ??= e;
    wake?.();
  };
  for (const w of workers) {
    w.on('message', (reply: Reply) => {
      for (const id of reply.ran) if (!known.has(id)) return fail(new Error(`a lint worker ran rule ${id}, which the main thread does not have`));
      const files = JSON.parse(reply.files) as { f: LintFile; read: InputFile[] }[];
      files.forEach((r, i) => results.set(reply.start + i, r));
      if (reply.error) {
        const e = new Error(reply.error.message);
        if (reply.error.stack) e.stack = reply.error.stack;
        results.set(reply.start + files.length, e);
        wake?.();
        return;
      }
      idle.push(w);
      feed();
      wake?.();
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (taken < inputs.length) fail(new Error(`a lint worker stopped (exit code ${code}) before the run was done`));
    });
    idle.push(w);
  }
  try {
    feed();
    while (taken < inputs.length) {
      if (failure) throw failure;
      const r = results.get(taken);
      if (!r) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if (r instanceof Error) throw r;
      results.delete(taken++);
      feed();
      yield r;
    }
  } finally {
    taken = inputs.length;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** A worker's side (the CLI's entry point calls this in a worker thread): lint each batch sent, send back the results. */
export function runLintWorker(): void {
  const port = parentPort!;
  const { opts, date, cwd, view } = workerData as Setup;
  const viewOf = VIEWS[view];
  const resolver = new ConfigResolver(rules, opts.config || undefined, cwd, opts.config === false);
  const ran = new Map(rules.map((r) => [r.id, r]));
  const sent = new Set(ran.keys());
  port.on('message', (batch: { start: number; inputs: WorkerInput[] }) => {
    void (async () => {
      const files: { f: LintFile; read: InputFile[] }[] = [];
      let error: Reply['error'];
      try {
        for (const input of batch.inputs) {
          const read: InputFile[] = [];
          const f = await lintOne(input, resolver, opts, date, read, ran);
          files.push({ f: viewOf(f), read });
        }
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        error = { message: err.message, stack: err.stack };
      }
      const newRules = [...ran.keys()].filter((id) => !sent.has(id));
      for (const id of newRules) sent.add(id);
      port.postMessage({ start: batch.start, files: JSON.stringify(files), ran: newRules, ...(error ? { error } : {}) } satisfies Reply);
    })();
  });
}
