// `sales-audit lint <files or globs...>`: the CI entry point. Never prompts;
// lints every file in one process; prints one line per problem (or SARIF,
// JUnit, GitHub annotations, JSON, Markdown, several at once); exits 0 when
// every gate holds, 1 when one fails, 2 when a file or the config cannot be
// read. Renderers load lazily, only the formats asked for.
import { Command, Option } from 'commander';
import { LINT_FORMATS } from '../../report/lint';
import { gateOptions, parseDate, parseSeverity } from '../options';
import { targetCollector } from '../targets';
import type { LintOpts } from './lint-run';

export function registerLint(program: Command): void {
  const targets = targetCollector(LINT_FORMATS, 'stylish');
  const cmd = program
    .command('lint')
    .description('Lint org files in CI: one line per finding with file:line:col, SARIF/JUnit/GitHub outputs, score and severity gates. Never prompts.')
    .argument('<files...>', 'org files or glob patterns (quote globs: "orgs/**/*.yaml")')
    .option('-f, --format <format>', `output format: ${LINT_FORMATS.join(', ')} (default: stylish); repeat for several`, targets.onFormat)
    .option('-o, --output <file>', 'write the --format just before it to this file (default: stdout)', targets.onOutput)
    .option('--config <file>', 'use this config instead of the .sales-audit.yaml files next to and above each file')
    .option('--no-config', 'use no config file at all (rule defaults)')
    .option('--date <YYYY-MM-DD>', 'the audit date (default: today); waivers expire against it', parseDate);
  gateOptions(cmd)
    .option('--baseline <revision>', 'compare each file with its version at this git revision (main, origin/main, a hash); every format shows the change')
    .addOption(
      new Option('--fail-on-regression [severity]', "with --baseline: exit 1 when a file's score fell or a new finding at or above the severity (default: low, any) appeared")
        .preset('low')
        .argParser(parseSeverity),
    )
    .option('--redact', 'replace the names of people and respondents with labels')
    .option('--per-person', "one result per person's finding; by default a finding about more than 100 people is one that counts them and names five")
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
By default lint fails (exit 1) on a failing critical rule and on an expired
waiver. Settings come from the .sales-audit.yaml files next to and above each
file, up to the repository root or one with root: true, the nearer winning
(see \`sales-audit schema --config\`); flags override them.

Examples:
  $ sales-audit lint acme.yaml
  $ sales-audit lint "orgs/**/*.yaml" --fail-under 70 --fail-on high
  $ sales-audit lint acme.yaml --min-coverage 70        # fail while too little is known
  $ sales-audit lint acme.yaml --format sarif --output audit.sarif --format stylish
  $ sales-audit lint acme.yaml --format github --strict
  $ sales-audit lint big-roster.yaml --format sarif -o all.sarif --per-person   (every person's finding)
  $ sales-audit lint "orgs/*.yaml" --baseline origin/main --fail-on-regression high --format markdown -o summary.md

Exit codes: 0 every gate holds · 1 a gate failed · 2 could not run (usage, unreadable or invalid file or config)`,
    )
    .action(async (patterns: string[], opts: LintOpts) => {
      const list = targets.list();
      // The implementation loads only when lint runs (start-up time of the other commands).
      const { runLint } = await import('./lint-run');
      await runLint(patterns, opts, list);
    });
}
