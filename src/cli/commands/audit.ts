// `sales-audit audit <file>`: load, run the engine, render, apply gates.
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { AUDIT_FORMATS } from '../../report/index';
import { gateOptions, parseDate, parsePaper } from '../options';
import { targetCollector } from '../targets';
import type { AuditOpts } from './audit-run';

/** The org file `init` writes when given no name, and `audit` reads when given none. */
export const DEFAULT_ORG_FILE = 'org.yaml';

export function registerAudit(program: Command): void {
  const targets = targetCollector(AUDIT_FORMATS, 'text');
  const cmd = program
    .command('audit')
    .description('Audit an org file: score, grade, coverage, findings with evidence, remediation checklist.')
    .argument('[file]', 'the org file (YAML); default: org.yaml in this folder, as `init` writes it')
    .option('-f, --format <format>', `output format: ${AUDIT_FORMATS.join(', ')} (default: text); repeat for several`, targets.onFormat)
    .option('-o, --output <file>', 'write the --format just before it to this file instead of stdout', targets.onOutput)
    .option('--example <name>', 'audit a bundled example org instead of a file (struggling-startup, mid-size-gaps, healthy-org, roster-team)')
    .option('--date <YYYY-MM-DD>', 'the audit date (default: today); fixes the output for reproducible runs', parseDate);
  gateOptions(cmd)
    .option('--config <file>', 'use this config instead of the .sales-audit.yaml files next to and above the org file (none is looked up for --example)')
    .option('--no-config', 'use no config file at all (rule defaults)')
    .option('--redact', 'replace the names of people and respondents with labels')
    .option('--per-person', "list every person's finding and checklist step; by default a finding about more than 100 people is one that counts them and names five")
    .option('--paper <size>', "html and pdf: print on a4 or letter (html default: the printer's paper; pdf default: a4)", parsePaper)
    .option('--baseline <report|revision>', 'compare with an earlier audit: a JSON report, an org file, a git revision (main) or rev:path; the report gains "since the last audit"')
    .option('--fail-on-regression', 'with --baseline: exit 1 when the score fell or a finding is new')
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
Examples:
  $ sales-audit audit acme.yaml
  $ sales-audit audit                                  (org.yaml in this folder)
  $ sales-audit audit --example struggling-startup --format markdown -o audit.md
  $ sales-audit audit acme.yaml --format json --date 2026-11-27 > audit.json
  $ sales-audit audit acme.yaml --format html -o audit.html --format csv -o checklist.csv
  $ sales-audit audit acme.yaml --format pdf -o audit.pdf --paper letter   (needs Chromium or Chrome)
  $ sales-audit audit acme.yaml --format json -o audit.json --format text --fail-under 70
  $ sales-audit audit acme.yaml --no-config                  (rule defaults, whatever .sales-audit.yaml says)
  $ sales-audit audit acme.yaml --baseline audit-2026-05.json --format html -o audit.html   (what changed since)
  $ sales-audit audit orgs/acme.yaml --baseline main       (the file as it is on main)
  $ sales-audit audit big-roster.yaml --format json --per-person > every-person.json

The csv format is the remediation checklist; a cell starting with = + - @ gets a
leading ' so a spreadsheet shows it as text instead of running it as a formula.`,
    )
    .action(async (file: string | undefined, opts: AuditOpts) => {
      const list = targets.list();
      // The implementation loads only when audit runs (start-up time of the other commands).
      const { runAuditCommand } = await import('./audit-run');
      // No file and no example: the org.yaml that `init` writes by default, when it is here.
      const given = file ?? (opts.example === undefined && existsSync(DEFAULT_ORG_FILE) ? DEFAULT_ORG_FILE : undefined);
      await runAuditCommand(given, opts, list);
    });
}
