// `sales-audit diff <before> <after>`: what changed between two audits of one
// organisation. Each side is an org file, a JSON report or a file at a git
// revision (`main:orgs/acme.yaml`).
import { Command } from 'commander';
import { DIFF_FORMATS } from '../../report/formats-diff';
import { parseDate } from '../options';
import { targetCollector } from '../targets';
import type { DiffOpts } from './diff-run';

export function registerDiff(program: Command): void {
  const targets = targetCollector(DIFF_FORMATS, 'text');
  program
    .command('diff')
    .description(
      'Compare two audits: headline, coverage and categories before and after, findings resolved, new, still open, no longer assessed, waived and newly assessed, checklist items done and new, facts that changed.',
    )
    .argument('<before>', 'an org file, a JSON report (audit --format json), or a file at a git revision (main:orgs/acme.yaml)')
    .argument('<after>', 'the same kinds as <before>')
    .option('-f, --format <format>', `output format: ${DIFF_FORMATS.join(', ')} (default: text); repeat for several`, targets.onFormat)
    .option('-o, --output <file>', 'write the --format just before it to this file instead of stdout', targets.onOutput)
    .option('--date <YYYY-MM-DD>', 'the audit date for sides that are org files (default: today)', parseDate)
    .option('--config <file>', 'use this config for both sides instead of the nearest .sales-audit.yaml')
    .option('--all', 'text: list every finding still open, not only those that changed')
    .option('--fail-on-regression', 'exit 1 when the score fell or a new finding appeared (newly assessed ones are not new)')
    .option('--redact', 'replace the names of people and respondents with labels')
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
Findings are matched by their identity (rule, message and the person, stage or
role they are about), not by text or line: reordering a list changes nothing;
renaming a person shows that person's findings as resolved and new.

A finding is resolved only when the later audit still knows the facts it rested
on. One that left because those facts became unknown (removed, "don't know",
contradicted) or its rule stopped judging (not assessed, not applicable, off)
is "no longer assessed"; one that left under a waiver is "waived". One that
appears because its facts became known (or its rule began judging, or its
waiver ended) is "newly assessed", not "new".

Examples:
  $ sales-audit diff audit-2026-05.json acme.yaml
  $ sales-audit diff main:orgs/acme.yaml orgs/acme.yaml --format markdown -o change.md
  $ sales-audit diff HEAD~3:acme.yaml acme.yaml --format html -o change.html --format json -o change.json

Exit codes: 0 ok · 1 --fail-on-regression and the score fell or a finding is new · 2 could not run`,
    )
    .action(async (before: string, after: string, opts: DiffOpts) => {
      const list = targets.list();
      const { runDiff } = await import('./diff-run');
      await runDiff(before, after, opts, list);
    });
}
