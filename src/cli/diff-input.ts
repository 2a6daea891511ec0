// One side of a comparison (diff, audit --baseline, lint --baseline, history):
// an org file, a JSON report, or a file at a git revision (`main:orgs/acme.yaml`),
// turned into an audit report (and the org, when there is one). Loaded only by
// those commands and options.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { rules } from '../../rules/index';
import { gatesOf, settingsOf } from '../config/load';
import { ConfigResolver } from '../config/resolver';
import { waiverDiagnostics } from '../config/waivers';
import type { DiffSide } from '../engine/diff';
import { runAudit } from '../engine/run';
import type { AuditReport } from '../engine/types';
import { readText, loadOrgText } from '../load/load';
import { redact } from '../model/redact';
import { CliError, inputError } from './errors';
import { inert, isRevision, repoPath, showAt, topLevel } from './git';
import { VERSION } from './version';

export interface SideOptions {
  /** The audit date for org files, YYYY-MM-DD. */
  date: string;
  /** --config, used for every side. */
  config?: string;
  redact?: boolean;
  cwd?: string;
}

/**
 * Audits org-file text as `audit` would: the config that applies to `configFor`
 * (a path in the work tree), waiver checks, the engine. Bad input is a CliError
 * (exit 2) with one `file:line:col` line per problem.
 */
export async function auditText(text: string, shown: string, configFor: string | undefined, opts: SideOptions): Promise<{ report: AuditReport; org: DiffSide['org']; gates: ReturnType<typeof gatesOf> }> {
  const cwd = opts.cwd ?? process.cwd();
  const cfg = opts.config || configFor ? await new ConfigResolver(rules, opts.config, cwd).forOrg(configFor) : undefined;
  if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
  const config = cfg?.value.config;
  const loaded = await loadOrgText(text, shown, { baseDir: configFor ? dirname(resolve(cwd, configFor)) : cwd });
  if (!loaded.ok) throw inputError(loaded.diagnostics);
  const bad = waiverDiagnostics(loaded.value, rules.map((r) => r.id));
  if (bad.length) throw inputError(bad);
  const org = opts.redact ? redact(loaded.value.org) : loaded.value.org;
  const report = runAudit({
    org,
    date: opts.date,
    rules,
    file: shown,
    locate: (p) => loaded.value.positions.locate(p),
    unknowns: loaded.value.unknowns,
    settings: settingsOf(config),
    coverageFloor: config?.coverageFloor,
    toolVersion: VERSION,
  });
  return { report, org, gates: gatesOf(config, {}) };
}

/** A JSON report read back: checked to be a sales-audit report this version can compare. */
export function parseReport(text: string, shown: string): AuditReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // V8 says "at position N" for most errors and nothing for a file cut short (its end is where it failed).
    const m = /position (\d+)/.exec((e as Error).message);
    const before = text.slice(0, m ? Number(m[1]) : text.length);
    const at = `:${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
    throw new CliError([`${shown}${at}: invalid JSON; expected a sales-audit JSON report (audit --format json)`], 2, true);
  }
  const r = data as Partial<AuditReport> | null;
  if (!r || typeof r !== 'object' || (r as { tool?: { name?: unknown } }).tool?.name !== 'sales-audit' || !r.summary || !Array.isArray(r.findings) || !Array.isArray(r.checklist))
    throw new CliError([`${shown}:1:1: expected a sales-audit JSON report (audit --format json)${Array.isArray((r as { files?: unknown } | null)?.files) ? '; this is a lint report: give one file\'s report' : ''}`], 2, true);
  if (r.schemaVersion !== 2)
    throw new CliError([`${shown}:1:1: schemaVersion ${inert(String(r.schemaVersion))} is not supported; expected 2 (re-run \`sales-audit audit --format json\` with this version)`], 2, true);
  return r as AuditReport;
}

const looksLikeJson = (text: string) => /^\s*\{/.test(text);

/** Text of one side and how to name it: a file in the work tree, or `rev:path` from git. */
async function readSide(spec: string, cwd: string): Promise<{ text: string; shown: string; configFor?: string }> {
  if (existsSync(resolve(cwd, spec))) {
    const read = await readText(resolve(cwd, spec), 'an org file or a JSON report');
    if (!read.ok) throw inputError([{ ...read.diagnostic, file: spec }]);
    return { text: read.text, shown: spec, configFor: spec };
  }
  const m = /^([^:]+):(.+)$/.exec(spec);
  if (!m) throw new CliError([`${inert(spec)}: no such file; expected an org file, a JSON report, or a file at a git revision (main:orgs/acme.yaml)`]);
  const [, rev, path] = m as unknown as [string, string, string];
  const top = topLevel(cwd, inert(spec));
  if (!isRevision(rev, cwd)) throw new CliError([`${inert(spec)}: no such file, and "${inert(rev)}" is not a git revision`]);
  const shown = showAt(rev, path, cwd);
  if (!shown.ok) throw new CliError([`${inert(spec)}: ${shown.missing ? `the file is not in ${inert(rev)}` : shown.message}`]);
  // The config that applies is the work tree's, for the same path.
  const inTree = path.startsWith('./') || path.startsWith('../') ? resolve(cwd, path) : resolve(top, path);
  return { text: shown.text.replace(/^\uFEFF/, ''), shown: spec, configFor: inTree };
}

/** One side of a comparison, audited (an org file or revision) or read back (a JSON report). */
export async function loadSide(spec: string, opts: SideOptions): Promise<DiffSide> {
  const cwd = opts.cwd ?? process.cwd();
  const { text, shown, configFor } = await readSide(spec, cwd);
  if (looksLikeJson(text)) return { report: parseReport(text, shown), label: spec };
  const { report, org } = await auditText(text, shown, configFor, opts);
  return { report, org, label: spec };
}

/**
 * `audit --baseline <value>` as a side: a file (JSON report or org file), a
 * `rev:path`, or a bare revision (`main`, `v1.2`, `HEAD~1`), which means this
 * org file as it was at that revision.
 */
export async function loadBaseline(value: string, file: string | undefined, opts: SideOptions): Promise<DiffSide> {
  const cwd = opts.cwd ?? process.cwd();
  if (existsSync(resolve(cwd, value)) || value.includes(':')) return loadSide(value, opts);
  if (!file) throw new CliError([`--baseline ${inert(value)}: no such file; a bare git revision needs an org file to look up (not --example)`]);
  const top = topLevel(cwd, `--baseline ${inert(value)}`);
  if (!isRevision(value, cwd)) throw new CliError([`--baseline ${inert(value)}: no such file, and not a git revision`]);
  const side = await loadSide(`${value}:${repoPath(file, cwd, top)}`, opts);
  return { ...side, label: `${value}:${repoPath(file, cwd, top)}` };
}
