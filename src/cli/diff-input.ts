// One side of a comparison (diff, audit --baseline, lint --baseline, history):
// an org file, a JSON report, or a file at a git revision (`main:orgs/acme.yaml`),
// turned into an audit report (and the org, when there is one). Loaded only by
// those commands and options.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DiffSide } from '../engine/diff';
import type { AuditReport } from '../engine/types';
import { readText } from '../load/load';
// The audit itself comes from the audit command's module: this module then
// reaches the same code as `audit` does, so the bundler's split of that code
// into chunks (what a plain audit loads) stays as it is.
import { auditText, type SideOptions } from './commands/audit-run';
import { CliError, inputError } from './errors';
import { inert, isRevision, repoPath, showAt, topLevel } from './git';

export type { SideOptions };
// Re-exported for audit --baseline, which loads this module (see audit-run.ts compare()).
export { diffAudits } from '../engine/diff';

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
    throw new CliError(
      [`${shown}:1:1: expected a sales-audit JSON report (audit --format json)${Array.isArray((r as { files?: unknown } | null)?.files) ? "; this is a lint report: give one file's report" : ''}`],
      2,
      true,
    );
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
  const top = topLevel(cwd, `${inert(spec)}: no such file, and`, 'an org file, a JSON report, or rev:path inside a git work tree');
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
  const top = topLevel(cwd, `--baseline ${inert(value)}: no such file, and`, 'a baseline file (a JSON report or an org file) or a git revision inside a git work tree');
  if (!isRevision(value, cwd)) throw new CliError([`--baseline ${inert(value)}: no such file, and not a git revision`]);
  const side = await loadSide(`${value}:${repoPath(file, cwd, top)}`, opts);
  return { ...side, label: `${value}:${repoPath(file, cwd, top)}` };
}
