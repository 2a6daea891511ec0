// `sales-audit audit <file>`: load, run the engine, render, apply gates.
import { Command, Option } from 'commander';
import { runAudit } from '../../engine/run';
import { checkGates } from '../../engine/gates';
import { redact } from '../../model/redact';
import { AUDIT_FORMATS, render, type Format } from '../../report/index';
import { rules } from '../../../rules/index';
import { EXIT } from '../errors';
import { loadOrg } from '../org-input';
import { parseDate, parseScore, parseSeverity } from '../options';
import { today, useColor, writeFileAtomic } from '../output';
import { VERSION } from '../version';
import type { Severity } from '../../engine/types';

interface AuditOpts {
  format: Format;
  output?: string;
  date?: string;
  example?: string;
  failUnder?: number;
  failOn?: Severity;
  redact?: boolean;
  color?: boolean;
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('Audit an org file: score, grade, coverage, findings with evidence, remediation checklist.')
    .argument('[file]', 'the org file (YAML)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(AUDIT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--example <name>', 'audit a bundled example org instead of a file (struggling-startup, mid-size-gaps, healthy-org)')
    .option('--date <YYYY-MM-DD>', 'the audit date (default: today); fixes the output for reproducible runs', parseDate)
    .option('--fail-under <score>', 'exit 1 when the score is under this (0-100)', parseScore)
    .option('--fail-on <severity>', 'exit 1 on a finding at or above this severity (critical, high, medium, low)', parseSeverity)
    .option('--redact', 'replace the names of people and respondents with labels')
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
Examples:
  $ sales-audit audit acme.yaml
  $ sales-audit audit --example struggling-startup --format markdown -o audit.md
  $ sales-audit audit acme.yaml --format json --date 2026-11-27 > audit.json`,
    )
    .action(async (file: string | undefined, opts: AuditOpts) => {
      const loaded = await loadOrg(file, opts.example);
      const report = runAudit({
        org: opts.redact ? redact(loaded.org) : loaded.org,
        date: opts.date ?? today(),
        rules,
        file: loaded.file,
        locate: (p) => loaded.positions.locate(p),
        unknowns: loaded.unknowns,
        toolVersion: VERSION,
      });
      const text = await render(opts.format, report, {
        color: !opts.output && useColor(process.stdout, opts.color === false ? false : undefined),
        width: process.stdout.isTTY ? process.stdout.columns : undefined,
      });
      if (opts.output) {
        await writeFileAtomic(opts.output, text);
        process.stderr.write(`sales-audit: wrote ${opts.format} report to ${opts.output}\n`);
      } else process.stdout.write(text);

      const failures = checkGates(report, { failUnder: opts.failUnder, failOn: opts.failOn });
      for (const f of failures) process.stderr.write(`sales-audit: gate failed: ${f.message}\n`);
      if (failures.length) process.exitCode = EXIT.gate;
    });
}
