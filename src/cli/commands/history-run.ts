// `sales-audit history` at work (declared in history.ts): git log of the file,
// each version audited at its commit date, progress on stderr, then the formats.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATEGORIES, type Category } from '../../engine/types';
import { failedPoint, historyPoint, HISTORY_SCHEMA_VERSION, type History } from '../../engine/history';
import { renderHistory } from '../../report/history';
import type { HistoryFormat } from '../../report/formats-diff';
import { auditText } from './audit-run';
import { CliError } from '../errors';
import { commitsOf, inert, pathsByCommit, repoPath, showAt, topLevel } from '../git';
import { writeTargets, type Target } from '../targets';
import { VERSION } from '../version';

export interface HistoryOpts {
  last?: number;
  config?: string;
  /** true: a line per commit; false: none; undefined: a line that updates itself on a terminal. */
  progress?: boolean;
  redact?: boolean;
}

/** The history command's action. */
export async function runHistory(file: string, opts: HistoryOpts, list: Target<HistoryFormat>[]): Promise<void> {
  const cwd = process.cwd();
  const top = topLevel(cwd, `history ${inert(file)}:`, 'an org file in a git work tree (history audits the commits that changed it)');
  const inRepo = repoPath(file, cwd, top);
  let commits = commitsOf(inRepo, top);
  if (!commits.length)
    throw new CliError([
      existsSync(resolve(cwd, file)) ? `${inert(file)}: no commit has this file yet; commit it first (git add, git commit)` : `${inert(file)}: no such file in the work tree or its git history`,
    ]);
  if (opts.last) commits = commits.slice(-opts.last);
  const paths = pathsByCommit(inRepo, top);

  // Progress: a line that rewrites itself on a terminal; one line per commit with --progress.
  const tty = opts.progress === undefined && process.stderr.isTTY === true;
  const show = (i: number, date: string) => {
    const text = `sales-audit: history: auditing ${i + 1}/${commits.length} (${date})`;
    if (opts.progress) process.stderr.write(`${text}\n`);
    else if (tty) process.stderr.write(`\r${text}\x1b[K`);
  };

  const points = [];
  for (const [i, c] of commits.entries()) {
    show(i, c.date);
    const path = paths.get(c.hash) ?? inRepo;
    const commit = { hash: c.hash, date: c.date, subject: c.subject, path };
    const at = showAt(c.hash, path, top);
    if (!at.ok) {
      points.push(failedPoint(commit, at.missing ? 'the file is not in this commit' : at.message));
      continue;
    }
    try {
      const { report } = await auditText(at.text.replace(/^\uFEFF/, ''), `${c.hash.slice(0, 7)}:${path}`, resolve(top, inRepo), { date: c.date, config: opts.config, redact: opts.redact, cwd });
      points.push(historyPoint(commit, report));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      // The first problem is enough to say why this version has no numbers.
      points.push(failedPoint(commit, inert(e.lines[0] ?? 'could not be audited')));
    }
  }
  if (tty) process.stderr.write('\r\x1b[K');

  const history: History = {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    tool: { name: 'sales-audit', version: VERSION },
    file,
    categories: (Object.keys(CATEGORIES) as Category[]).map((id) => ({ id, title: CATEGORIES[id] })),
    points,
  };
  const outputs = [];
  for (const target of list) outputs.push({ target, text: await renderHistory(target.format, history) });
  await writeTargets(outputs);
}
