// `sales-audit diff` at work (declared in diff.ts): both sides read and
// audited, compared, rendered; --fail-on-regression sets exit 1.
import { diffAudits } from '../../engine/diff';
import { renderDiff } from '../../report/diff';
import type { DiffFormat } from '../../report/formats-diff';
import { loadSide } from '../diff-input';
import { EXIT } from '../errors';
import { today, useColor } from '../output';
import { stdoutIsTTY } from '../stdio';
import { writeTargets, type Target } from '../targets';
import { VERSION } from '../version';

export interface DiffOpts {
  date?: string;
  config?: string;
  all?: boolean;
  failOnRegression?: boolean;
  redact?: boolean;
  color?: boolean;
}

/** The diff command's action. */
export async function runDiff(before: string, after: string, opts: DiffOpts, list: Target<DiffFormat>[]): Promise<void> {
  const sideOpts = { date: opts.date ?? today(), config: opts.config, redact: opts.redact };
  const b = await loadSide(before, sideOpts);
  const a = await loadSide(after, sideOpts);
  const diff = diffAudits(b, a, VERSION);
  const color = useColor(stdoutIsTTY(), opts.color === false ? false : undefined);
  const outputs = [];
  for (const target of list) outputs.push({ target, text: await renderDiff(target.format, diff, { color: color && target.output === undefined, all: opts.all }) });
  await writeTargets(outputs);
  if (opts.failOnRegression) {
    const fresh = diff.findings.new.length;
    const worse = diff.findings.worse.length;
    if (diff.regression.scoreFell || fresh || worse) {
      process.stderr.write(
        `sales-audit: regression: ${[diff.regression.scoreFell ? `the score fell from ${diff.score.before} to ${diff.score.after}` : '', fresh ? `${fresh} new finding${fresh === 1 ? '' : 's'}` : '', worse ? `${worse} finding${worse === 1 ? '' : 's'} worse` : ''].filter(Boolean).join(' and ')}\n`,
      );
      process.exitCode = EXIT.gate;
    }
  }
}
