// `sales-audit audit <file>`: load, run the engine, render, apply gates.
import { Command } from 'commander';
import { runAudit } from '../../engine/run';
import { checkGates } from '../../engine/gates';
import { gatesOf, settingsOf } from '../../config/load';
import { ConfigResolver } from '../../config/resolver';
import { waiverDiagnostics } from '../../config/waivers';
import { redact } from '../../model/redact';
import { AUDIT_FORMATS, render, type Format } from '../../report/index';
import { rules } from '../../../rules/index';
import { EXIT, inputError } from '../errors';
import { targetCollector, writeTargets } from './lint';
import { loadOrg } from '../org-input';
import { parsePaper, pdfBrowser, writePdf, type Paper } from '../pdf-output';
import { parseDate, parseScore, parseSeverity } from '../options';
import { today, useColor } from '../output';
import { VERSION } from '../version';
import type { Severity } from '../../engine/types';

interface AuditOpts {
  config?: string;
  strict?: boolean;
  date?: string;
  example?: string;
  failUnder?: number;
  failOn?: Severity;
  redact?: boolean;
  color?: boolean;
  paper?: Paper;
}

/** Config, load, waiver checks and the engine, as `audit` runs them (shared with `interview`). */
export async function auditFile(file: string | undefined, opts: Pick<AuditOpts, 'config' | 'example' | 'date' | 'redact'>) {
  // The nearest .sales-audit.yaml applies to a user's file; a bundled example uses only --config.
  const cfg = opts.config || file ? await new ConfigResolver(rules, opts.config).forOrg(opts.example ? undefined : file) : undefined;
  if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
  const config = cfg?.value.config;
  const loaded = await loadOrg(file, opts.example);
  const badWaivers = waiverDiagnostics(loaded, rules.map((r) => r.id));
  if (badWaivers.length) throw inputError(badWaivers);
  const report = runAudit({
    org: opts.redact ? redact(loaded.org) : loaded.org,
    date: opts.date ?? today(),
    rules,
    file: loaded.file,
    locate: (p) => loaded.positions.locate(p),
    unknowns: loaded.unknowns,
    settings: settingsOf(config),
    toolVersion: VERSION,
  });
  return { report, config };
}

export function registerAudit(program: Command): void {
  const targets = targetCollector(AUDIT_FORMATS, 'text');
  program
    .command('audit')
    .description('Audit an org file: score, grade, coverage, findings with evidence, remediation checklist.')
    .argument('[file]', 'the org file (YAML)')
    .option('-f, --format <format>', `output format: ${AUDIT_FORMATS.join(', ')} (default: text); repeat for several`, targets.onFormat)
    .option('-o, --output <file>', 'write the --format just before it to this file instead of stdout', targets.onOutput)
    .option('--example <name>', 'audit a bundled example org instead of a file (struggling-startup, mid-size-gaps, healthy-org)')
    .option('--date <YYYY-MM-DD>', 'the audit date (default: today); fixes the output for reproducible runs', parseDate)
    .option('--fail-under <score>', 'exit 1 when the score is under this (0-100)', parseScore)
    .option('--fail-on <severity>', 'exit 1 on a finding at or above this severity (critical, high, medium, low)', parseSeverity)
    .option('--strict', 'exit 1 when a rule is not assessed (facts missing)')
    .option('--no-strict', 'do not, even if the config sets gates.strict')
    .option('--config <file>', 'use this config instead of the nearest .sales-audit.yaml (none is looked up for --example)')
    .option('--redact', 'replace the names of people and respondents with labels')
    .option('--paper <size>', 'html and pdf: print on a4 or letter (html default: the printer\'s paper; pdf default: a4)', parsePaper)
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
Examples:
  $ sales-audit audit acme.yaml
  $ sales-audit audit --example struggling-startup --format markdown -o audit.md
  $ sales-audit audit acme.yaml --format json --date 2026-11-27 > audit.json
  $ sales-audit audit acme.yaml --format html -o audit.html --format csv -o checklist.csv
  $ sales-audit audit acme.yaml --format pdf -o audit.pdf --paper letter   (needs Chromium or Chrome)
  $ sales-audit audit acme.yaml --format json -o audit.json --format text --fail-under 70

The csv format is the remediation checklist; a cell starting with = + - @ gets a
leading ' so a spreadsheet shows it as text instead of running it as a formula.`,
    )
    .action(async (file: string | undefined, opts: AuditOpts) => {
      const list = targets.list();
      const browser = pdfBrowser(list);
      const { report, config } = await auditFile(file, opts);
      const outputs = [];
      for (const target of list) {
        if (target.format === 'pdf') continue;
        const text = await render(target.format as Format, report, {
          paper: opts.paper,
          color: target.output === undefined && useColor(process.stdout, opts.color === false ? false : undefined),
          width: process.stdout.isTTY ? process.stdout.columns : undefined,
        });
        outputs.push({ target, text });
      }
      await writeTargets(outputs);
      for (const t of list)
        if (t.format === 'pdf') await writePdf(t.output!, await render('html', report, { color: false, paper: opts.paper ?? 'a4' }), browser!, report.auditDate);

      const failures = checkGates(report, gatesOf(config, { failUnder: opts.failUnder, failOn: opts.failOn, strict: opts.strict }));
      for (const f of failures) process.stderr.write(`sales-audit: gate failed: ${f.at?.line ? `${f.at.file}:${f.at.line}:${f.at.column ?? 1}: ` : ''}${f.message}\n`);
      if (failures.length) process.exitCode = EXIT.gate;
    });
}
