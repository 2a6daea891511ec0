// `--format`/`--output` pairs, shared by audit and lint: collected in argument
// order at parse time (cheap, so declaring a command loads nothing heavy), then
// each rendered target written to stdout or atomically to its file.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { CliError } from './errors';
import { detachedNote, ioReason, printable, writeFileAtomic, type FileContent } from './output';
import { writeStdout } from './stdio';

export interface Target<F extends string> {
  format: F;
  /** A file to write; stdout when absent. */
  output?: string;
}

/**
 * Collects `--format`/`--output` pairs in the order given. Commander calls
 * option parsers in argument order, which is what lets an --output bind to the
 * --format before it. An --output before any --format goes to the first
 * --format (or to the default one), so `-o report.md -f markdown` still works.
 */
export function targetCollector<F extends string>(formats: readonly F[], fallback: F) {
  const targets: Target<F>[] = [];
  let pending: string | undefined;
  return {
    onFormat: (v: string): string => {
      if (!(formats as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of: ${formats.join(', ')}.`);
      targets.push({ format: v as F, ...(pending !== undefined && !targets.length ? { output: pending } : {}) });
      if (targets.length === 1) pending = undefined;
      return v;
    },
    onOutput: (v: string): string => {
      const last = targets.at(-1);
      if (!last) {
        if (pending !== undefined) throw new InvalidArgumentError(`--output ${pending} is already waiting for a --format; give each --output right after its --format.`);
        pending = v;
      } else if (last.output !== undefined) {
        throw new InvalidArgumentError(`--format ${last.format} already writes to ${last.output}; give each --output right after its own --format.`);
      } else last.output = v;
      return v;
    },
    /** The targets, checked: at most one to stdout, no file written twice. */
    list(): Target<F>[] {
      const list = targets.length ? [...targets] : [{ format: fallback, ...(pending !== undefined ? { output: pending } : {}) }];
      const toStdout = list.filter((t) => t.output === undefined);
      if (toStdout.length > 1)
        throw new CliError([
          `only one format can go to stdout, but ${toStdout.map((t) => t.format).join(' and ')} have no --output: give each of the others an --output <file> right after its --format`,
        ]);
      const seen = new Set<string>();
      for (const t of list) {
        if (t.output === undefined) continue;
        const abs = resolve(t.output);
        if (seen.has(abs)) throw new CliError([`--output ${t.output} is given for two formats; write each format to its own file`]);
        seen.add(abs);
      }
      return list;
    },
  };
}

/** A file the run reads, for the check that no --output replaces it. */
export interface InputFile {
  path: string;
  /** What it is, in the message: `the org file`, `the roster`, `the config`. */
  what: string;
}

/**
 * Refuses (exit 2, before anything is written) an --output that is one of the
 * run's inputs: the same file after following links (device and inode), so
 * `-o ./org.yaml`, `-o link-to-org.yaml` and a hard link are all caught. A new
 * file, or a device such as /dev/null, cannot be an input.
 */
export function refuseInputsAsOutputs(targets: readonly { format: string; output?: string }[], inputs: readonly InputFile[]): void {
  const ids = new Map<string, InputFile>();
  for (const i of inputs) {
    const st = statSync(i.path, { throwIfNoEntry: false });
    if (st?.isFile()) ids.set(`${st.dev}:${st.ino}`, i);
  }
  for (const t of targets) {
    if (t.output === undefined) continue;
    let st;
    try {
      st = statSync(t.output, { throwIfNoEntry: false });
    } catch {
      continue; // unreadable path: the write says why
    }
    const input = st?.isFile() ? ids.get(`${st.dev}:${st.ino}`) : undefined;
    if (input)
      throw new CliError([`--output ${printable(t.output)} is ${input.what} this run reads (${printable(input.path)}); refusing to replace it with the ${t.format} report: choose another file name`]);
  }
}

/** Writes each rendered target: stdout, or a file (atomically); a write error is exit 2. */
export async function writeTargets<F extends string>(outputs: { target: Target<F>; text: string }[]): Promise<void> {
  for (const { target, text } of outputs) {
    if (target.output === undefined) {
      writeStdout(text);
      continue;
    }
    await writeReport(target.output, text, target.format);
  }
}

/** Writes one report file atomically and says so on stderr; a write error is one line, exit 2. */
export async function writeReport(output: string, content: FileContent, format: string): Promise<void> {
  let r;
  try {
    r = await writeFileAtomic(output, content);
  } catch (e) {
    throw new CliError([`cannot write ${printable(output)}: ${ioReason(e)}`]);
  }
  process.stderr.write(`sales-audit: wrote ${format} report to ${printable(output)}\n`);
  const note = detachedNote(output, r);
  if (note) process.stderr.write(`sales-audit: ${note}\n`);
}
