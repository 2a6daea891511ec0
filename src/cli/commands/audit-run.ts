// `sales-audit audit` at work (declared in audit.ts): config, load, waiver
// checks, the engine, the renderers asked for, then the gates.
import { dirname, join, resolve } from 'node:path';
import { examplesDir } from '../paths';
import { audit } from '../../api';
import { checkGates } from '../../engine/gates';
import { gatesOf, rulesWith, settingsOf } from '../../config/load';
import { ConfigResolver } from '../../config/resolver';
import { waiverDiagnostics } from '../../config/waivers';
import { redact } from '../../model/redact';
import { render, type Format } from '../../report/index';
import { rules } from '../../../rules/index';
import { CliError, EXIT, inputError } from '../errors';
import { loadOrg } from '../org-input';
import { loadOrgText, type LoadedOrg } from '../../load/load';
import type { ConfigResult } from '../../config/load';
import type { Org } from '../../model/schema';
import type { Paper } from '../options';
import { today, useColor } from '../output';
import { refuseInputsAsOutputs, writeTargets, type InputFile, type Target } from '../targets';
import { VERSION } from '../version';
import type { AuditReport, Severity } from '../../engine/types';
import type { DiffSide } from '../../engine/diff';
import { stdoutColumns, stdoutIsTTY, writeStderrLine } from '../stdio';

export interface AuditOpts {
  /** A path, or false for --no-config. */
  config?: string | false;
  strict?: boolean;
  date?: string;
  example?: string;
  failUnder?: number;
  minCoverage?: number;
  failOn?: Severity;
  redact?: boolean;
  /** --per-person: every person's finding and step, not summarised. */
  perPerson?: boolean;
  color?: boolean;
  paper?: Paper;
  baseline?: string;
  failOnRegression?: boolean;
}

/** Plugin rules' custom facts checked against their schemas (loaded only with facts under custom: or plugins). */
export async function checkCustomFacts(loaded: LoadedOrg, cfg: ConfigResult | undefined): Promise<void> {
  if (loaded.org.custom === undefined) return;
  const { customFactDiagnostics } = await import('../../config/plugins');
  const bad = await customFactDiagnostics(loaded, cfg?.ok ? (cfg.value.plugins ?? []) : []);
  if (bad.length) throw inputError(bad);
}

/** Config, load, waiver checks and the engine, as `audit` runs them (shared with `interview`). */
export async function auditFile(file: string | undefined, opts: Pick<AuditOpts, 'config' | 'example' | 'date' | 'redact' | 'perPerson'>) {
  // The .sales-audit.yaml files next to and above a user's file apply; a bundled example uses only --config.
  const cfg = opts.config !== false && (opts.config || file) ? await new ConfigResolver(rules, opts.config || undefined).forOrg(opts.example ? undefined : file) : undefined;
  if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
  const config = cfg?.value.config;
  const loaded = await loadOrg(file, opts.example);
  // What the run reads, so no --output can replace it.
  const inputs: InputFile[] = [];
  const orgPath = opts.example ? join(examplesDir(), `${opts.example}.yaml`) : file;
  if (orgPath) inputs.push({ path: orgPath, what: 'the org file' });
  const csv = loaded.org.people_csv?.trim();
  if (orgPath && csv) inputs.push({ path: resolve(dirname(resolve(orgPath)), csv), what: 'the roster (people_csv)' });
  if (cfg?.ok) inputs.push({ path: resolve(cfg.value.file), what: 'the config' });
  const all = rulesWith(rules, cfg);
  const badWaivers = waiverDiagnostics(
    loaded,
    all.map((r) => r.id),
  );
  if (badWaivers.length) throw inputError(badWaivers);
  await checkCustomFacts(loaded, cfg);
  const org = opts.redact ? redact(loaded.org) : loaded.org;
  // The library's audit(), as a consumer of the package calls it.
  const report = audit(
    { ...loaded, org },
    { date: opts.date ?? today(), rules: all, settings: settingsOf(config), coverageFloor: config?.coverageFloor, configWaivers: cfg?.value.waivers, perPerson: opts.perPerson },
  );
  return { report, config, configFiles: cfg?.value.files ?? [], inputs, org };
}

export interface SideOptions {
  /** The audit date for org files, YYYY-MM-DD. */
  date: string;
  /** --config, used for every side. */
  config?: string;
  /** lint --no-config: no config at all (rule defaults), as for the file linted. */
  noConfig?: boolean;
  redact?: boolean;
  /** Every person's finding and step, not summarised (as the audit it is compared with). */
  perPerson?: boolean;
  cwd?: string;
}

/**
 * Audits org-file text as `audit` would: the config that applies to `configFor`
 * (a path in the work tree), waiver checks, the engine. Bad input is a CliError
 * (exit 2) with one `file:line:col` line per problem.
 */
export async function auditText(text: string, shown: string, configFor: string | undefined, opts: SideOptions): Promise<{ report: AuditReport; org: Org }> {
  const cwd = opts.cwd ?? process.cwd();
  const cfg = opts.config || configFor ? await new ConfigResolver(rules, opts.config, cwd, opts.noConfig === true).forOrg(configFor) : undefined;
  if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
  const config = cfg?.value.config;
  const loaded = await loadOrgText(text, shown, { baseDir: configFor ? dirname(resolve(cwd, configFor)) : cwd });
  if (!loaded.ok) throw inputError(loaded.diagnostics);
  const all = rulesWith(rules, cfg);
  const bad = waiverDiagnostics(
    loaded.value,
    all.map((r) => r.id),
  );
  if (bad.length) throw inputError(bad);
  await checkCustomFacts(loaded.value, cfg);
  const org = opts.redact ? redact(loaded.value.org) : loaded.value.org;
  const report = audit(
    { ...loaded.value, file: shown, org },
    { date: opts.date, rules: all, settings: settingsOf(config), coverageFloor: config?.coverageFloor, configWaivers: cfg?.value.waivers, perPerson: opts.perPerson },
  );
  return { report, org };
}

/** The audit command's action. */
export async function runAuditCommand(file: string | undefined, opts: AuditOpts, list: Target<Format>[]): Promise<void> {
  // The pdf code (and node:child_process) loads only when a pdf is asked for.
  const pdf = list.some((t) => t.format === 'pdf') ? await import('../pdf-output') : undefined;
  if (opts.failOnRegression && !opts.baseline) throw new CliError(['--fail-on-regression needs --baseline <report|revision> to compare with']);
  const { report, config, configFiles, inputs, org } = await auditFile(file, opts);
  refuseInputsAsOutputs(list, inputs);
  const browser = pdf?.pdfBrowser(list);
  // The comparison code loads only with --baseline (start-up time of the plain audit).
  const since = opts.baseline ? await compare(opts.baseline, file, report, org, opts) : undefined;
  const outputs = [];
  for (const target of list) {
    if (target.format === 'pdf') continue;
    const color = target.output === undefined && useColor(stdoutIsTTY(), opts.color === false ? false : undefined);
    let text = await render(target.format as Format, report, { paper: opts.paper, color, width: stdoutColumns(), configFiles, ...(since ? { htmlExtra: since.html } : {}) });
    if (since) text = await since.into(target.format as Format, text, color);
    outputs.push({ target, text });
  }
  await writeTargets(outputs);
  for (const t of list)
    if (t.format === 'pdf')
      await pdf!.writePdf(t.output!, await render('html', report, { color: false, paper: opts.paper ?? 'a4', ...(since ? { htmlExtra: since.html } : {}) }), browser!, report.auditDate);
  if (since && opts.failOnRegression && (since.diff.regression.scoreFell || since.diff.findings.new.length || since.diff.findings.worse.length)) {
    writeStderrLine(
      `sales-audit: gate failed: regression since ${since.diff.before.label}: score ${since.diff.score.before ?? '?'} → ${since.diff.score.after ?? '?'}, ${since.diff.findings.new.length} new finding(s), ${since.diff.findings.worse.length} worse`,
    );
    process.exitCode = EXIT.gate;
  }

  const failures = checkGates(report, gatesOf(config, { failUnder: opts.failUnder, minCoverage: opts.minCoverage, failOn: opts.failOn, strict: opts.strict }));
  for (const f of failures) writeStderrLine(`sales-audit: gate failed: ${f.at?.line ? `${f.at.file}:${f.at.line}:${f.at.column ?? 1}: ` : ''}${f.message}`);
  if (failures.length) process.exitCode = EXIT.gate;
}

/** The baseline audited or read, compared with this audit, and how each format shows it. */
async function compare(baseline: string, file: string | undefined, report: AuditReport, org: DiffSide['org'], opts: AuditOpts) {
  // The engine's diff comes through diff-input, so that no chunk of the plain audit is split for it.
  const [{ loadBaseline, diffAudits }, view, { gaugeDelta, sinceSection, SINCE_CSS }] = await Promise.all([import('../diff-input'), import('../../report/diff'), import('../../report/diff-html')]);
  const before = await loadBaseline(baseline, file, { date: report.auditDate, config: opts.config || undefined, noConfig: opts.config === false, redact: opts.redact, perPerson: opts.perPerson });
  const diff = diffAudits(before, { report, org, label: file ?? report.org.file }, VERSION);
  return {
    diff,
    html: { html: sinceSection(diff), css: SINCE_CSS, gauge: gaugeDelta(diff) },
    async into(format: Format, text: string, color: boolean): Promise<string> {
      if (format === 'json') return view.renderJsonSince(report, diff);
      if (format === 'text') return view.insertSince(text, view.sinceText(diff, { color }), 'text');
      if (format === 'markdown') return view.insertSince(text, view.sinceMarkdown(diff), 'markdown');
      // html carries it already; csv is the checklist alone.
      return text;
    },
  };
}
