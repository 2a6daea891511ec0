// `--format`/`--output` pairs, shared by audit and lint: collected in argument
// order at parse time (cheap, so declaring a command loads nothing heavy), then
// each rendered target written to stdout or atomically to its file.
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { CliError } from './errors';
import { writeFileAtomic } from './output';
import { writeStderrLine, writeStdout } from './stdio';

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
        throw new CliError([`only one format can go to stdout, but ${toStdout.map((t) => t.format).join(' and ')} have no --output: give each of the others an --output <file> right after its --format`]);
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

/**
 * A regular file (or a new one) is written atomically: temp file, then rename.
 * Anything else must not be renamed over: a device or pipe (`-o /dev/null`,
 * `-o /dev/stdout`) is written to as it is, and a symbolic link is followed, so
 * the link stays and its target gets the report.
 */
/** Writes each rendered target: stdout, or a file (atomically); a write error is exit 2. */
export async function writeTargets<F extends string>(outputs: { target: Target<F>; text: string }[]): Promise<void> {
  for (const { target, text } of outputs) {
    if (target.output === undefined) {
      writeStdout(text);
      continue;
    }
    try {
      await writeFileAtomic(target.output, text);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(e));
      throw new CliError([`cannot write ${target.output}: ${why}`]);
    }
    writeStderrLine(`sales-audit: wrote ${target.format} report to ${target.output}`);
  }
}
