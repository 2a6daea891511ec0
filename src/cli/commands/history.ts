// `sales-audit history <file>`: the org file's score, coverage and categories
// over its git history (each commit that changed it, audited at its date).
import { Command, InvalidArgumentError } from 'commander';
import { HISTORY_FORMATS } from '../../report/formats-diff';
import { targetCollector } from '../targets';
import type { HistoryOpts } from './history-run';

const parseCount = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of commits, 1 or more.');
  return n;
};

export function registerHistory(program: Command): void {
  const targets = targetCollector(HISTORY_FORMATS, 'text');
  program
    .command('history')
    .description(
      "Chart an org file's audits over its git history: score, coverage and categories at each commit that changed it (a terminal chart and table, Markdown, JSON, or HTML with an SVG chart).",
    )
    .argument('<file>', 'an org file in a git repository')
    .option('-f, --format <format>', `output format: ${HISTORY_FORMATS.join(', ')} (default: text); repeat for several`, targets.onFormat)
    .option('-o, --output <file>', 'write the --format just before it to this file instead of stdout', targets.onOutput)
    .option('--last <n>', 'only the last n commits that changed the file', parseCount)
    .option('--config <file>', 'use this config instead of the nearest .sales-audit.yaml')
    .option('--progress', 'report progress on stderr one line per commit, even when stderr is not a terminal')
    .option('--no-progress', 'no progress on stderr, even on a terminal')
    .option('--redact', 'replace the names of people and respondents with labels')
    .addHelpText(
      'after',
      `
Each version is audited at its commit date with today's rules and config, so
the series shows how the organisation changed, not how the tool did. A version
that cannot be read (invalid YAML) is shown as such and breaks the line.

Examples:
  $ sales-audit history orgs/acme.yaml
  $ sales-audit history orgs/acme.yaml --last 12 --format html -o acme-history.html
  $ sales-audit history orgs/acme.yaml --format json | jq '.points[] | [.date, .score]'`,
    )
    .action(async (file: string, opts: HistoryOpts) => {
      const list = targets.list();
      const { runHistory } = await import('./history-run');
      await runHistory(file, opts, list);
    });
}
