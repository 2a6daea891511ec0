// What `lint` hands its renderers, and the lint formats' registry. A lint run
// covers several org files: for each, the audit report, the gates that applied
// and their verdict, or the diagnostics that kept it from being read. The flat
// list of problems (findings, waived rules, expired waivers, rules a strict run
// could not assess) is built here once, so every format shows the same ones at
// the same places. Renderers are imported lazily, only the ones asked for.
import type { AuditDiff } from '../engine/diff';
import type { GateFailure, Gates } from '../engine/gates';
import type { AuditReport, Evidence, Finding, RuleDefinition, Severity, WaiverState } from '../engine/types';
import type { Diagnostic } from '../load/diagnostics';
import { escapeJsonControls, guardLineStarts, sanitize } from './safe';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintedFile {
  ok: true;
  /** The org file as shown (relative to the working folder when under it). */
  file: string;
  report: AuditReport;
  /** The config that applied, if any (the nearest, when several did). */
  config?: string;
  /** Every config that applied, nearest first (see src/config/resolver.ts). */
  configs?: string[];
  /** The gates in force for this file (flags over config over defaults). */
  gates: Gates;
  failures: GateFailure[];
  /** Where each rule that is not assessed would get its facts (nearest place in the file). */
  missingAt: Record<string, Evidence>;
  /** With --baseline: the file compared with its version at that revision. */
  baseline?: LintBaseline;
  /** --fail-on-regression: the severity at or above which a new finding fails. */
  regressionGate?: Severity;
}

/**
 * A file compared with its version at the baseline revision: `compared`, or
 * `new` (the file is not in that revision: nothing to compare with), or
 * `unreadable` (that version could not be audited: invalid YAML, schema...).
 */
export type LintBaseline =
  | { status: 'compared'; revision: string; diff: AuditDiff }
  | { status: 'new'; revision: string }
  | { status: 'unreadable'; revision: string; message: string };

/** The change in a few words, for summary lines: `+8 since main`, `new since main`. */
export function baselineNote(b: LintBaseline | undefined): string {
  if (!b) return '';
  if (b.status === 'new') return `new since ${b.revision}`;
  if (b.status === 'unreadable') return `no baseline: ${b.revision} version unreadable`;
  const d = b.diff.score.delta;
  const f = b.diff.findings;
  return `${d === null ? '?' : d > 0 ? `+${d}` : d < 0 ? `-${-d}` : '±0'} since ${b.revision}, ${f.resolved.length} resolved, ${f.new.length} new`;
}

export interface UnreadFile {
  ok: false;
  file: string;
  diagnostics: Diagnostic[];
}

export type LintFile = LintedFile | UnreadFile;

export interface LintRun {
  tool: { name: 'sales-audit'; version: string };
  /**
   * Where the shown paths are relative to (the working folder, absolute), and
   * the repository root above it if any: SARIF writes repository-relative URIs
   * from them. Neither is printed.
   */
  cwd?: string;
  repoRoot?: string;
  /** The rules' own metadata, for formats that describe each rule (SARIF). */
  rules: readonly RuleDefinition[];
  files: LintFile[];
  /** --baseline: the revision each file was compared with. */
  baseline?: string;
}

/** Code scanning rejects a SARIF run with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;

/** How many results the SARIF output of a run would hold before its cap (every problem but the waived-rule lines). */
export function sarifResultCount(run: LintRun): number {
  let n = 0;
  for (const f of run.files) if (f.ok) n += problemsOf(f).filter((p) => p.kind !== 'waived').length;
  return n;
}

/** The id under which expired waivers are reported (not a rule of the catalogue). */
export const EXPIRED_WAIVER = 'expired-waiver';

export type ProblemKind = 'finding' | 'suppressed' | 'waived' | 'expired-waiver' | 'not-assessed' | 'rule-error';
export type Level = 'error' | 'warning' | 'note';

export interface Problem {
  kind: ProblemKind;
  ruleId: string;
  /** The finding's severity; undefined for problems that are not findings. */
  severity?: Severity;
  /** error, warning or note: the level CI tools understand. */
  level: Level;
  /** The word shown in a text listing: the severity, or waived/error/warning. */
  label: string;
  message: string;
  file: string;
  line: number;
  column: number;
  /** The fact path at that place. */
  path: string;
  /** Counts against the gates (not waived, not informational). */
  active: boolean;
  finding?: Finding;
  waiver?: WaiverState;
}

export const levelOf = (s: Severity): Level => (s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note');

/** A place for anything: the evidence's place, else the top of the org file (every problem has a line). */
export function placeOf(e: Evidence | undefined, file: string): { file: string; line: number; column: number; path: string } {
  if (e?.file && e.line) return { file: e.file, line: e.line, column: e.column ?? 1, path: e.path };
  return { file, line: 1, column: 1, path: e?.path ?? '' };
}

/**
 * The problems of one file, by place (line, column) then in the engine's
 * order. Informational notes are left out: they are not problems.
 */
export function problemsOf(f: LintedFile): Problem[] {
  const r = f.report;
  const out: Problem[] = [];
  r.findings.forEach((finding) => {
    if (finding.note) return;
    const place = placeOf(finding.evidence[0], f.file);
    const base = { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, ...place, finding };
    if (finding.suppressed) {
      const waiver = r.rules.find((x) => x.id === finding.ruleId)?.waiver;
      out.push({ ...base, kind: 'suppressed', level: levelOf(finding.severity), label: 'waived', active: false, waiver });
    } else out.push({ ...base, kind: 'finding', level: levelOf(finding.severity), label: finding.severity, active: true });
  });
  for (const rule of r.rules) {
    if (rule.status === 'waived' && rule.waiver) {
      out.push({
        kind: 'waived',
        ruleId: rule.id,
        level: 'note',
        label: 'waived',
        message: `Waived until ${rule.waiver.expires} by ${rule.waiver.owner}: ${rule.waiver.reason}`,
        ...placeOf(rule.waiver.evidence, f.file),
        active: false,
        waiver: rule.waiver,
      });
    }
    if (rule.status === 'error') {
      out.push({
        kind: 'rule-error',
        ruleId: rule.id,
        level: f.gates.strict ? 'error' : 'warning',
        label: f.gates.strict ? 'error' : 'warning',
        message: `The rule could not run: ${rule.error ?? 'unknown error'}.`,
        ...placeOf(undefined, f.file),
        active: f.gates.strict === true,
      });
    }
    if (rule.status === 'not-assessed' && f.gates.strict) {
      out.push({
        kind: 'not-assessed',
        ruleId: rule.id,
        level: 'error',
        label: 'error',
        message: `Not assessed (--strict fails it): the org file lacks ${rule.missing.join(', ') || 'the facts it needs'}.`,
        ...placeOf(f.missingAt[rule.id], f.file),
        active: true,
      });
    }
  }
  for (const w of r.waivers.filter((x) => x.status === 'expired')) {
    out.push({
      kind: 'expired-waiver',
      ruleId: EXPIRED_WAIVER,
      level: 'error',
      label: 'error',
      message: `The waiver for ${w.rule} expired on ${w.expires} (owner: ${w.owner}); renew it with a new date or fix what it covered.`,
      ...placeOf(w.evidence, f.file),
      active: true,
      waiver: w,
    });
  }
  return out
    .map((p, i) => ({ p, i }))
    // Code-unit order, not the locale's: the same bytes on every machine.
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : 0) || a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
    .map(({ p }) => p);
}

export interface LintRenderOptions {
  color: boolean;
}

/**
 * Renders a lint run in one format. As for the audit formats (see ./safe): the
 * JSON formats (json, sarif) keep the data exact and escape what a terminal or
 * a runner would act on; the others render sanitised strings, and no line of
 * theirs can start a workflow command, except the `github` format's own
 * commands, whose values that renderer escapes.
 */
export async function renderLint(format: LintFormat, run: LintRun, opts: LintRenderOptions): Promise<string> {
  if (format === 'json' || format === 'sarif') return escapeJsonControls(await renderLintFormat(format, run, opts));
  // GitHub commands and XML escape CR and LF themselves: a multi-line value stays so there.
  const text = await renderLintFormat(format, sanitize(run, { keepLineBreaks: format === 'github' || format === 'junit' }), opts);
  return format === 'github' ? text : guardLineStarts(text);
}

async function renderLintFormat(format: LintFormat, run: LintRun, opts: LintRenderOptions): Promise<string> {
  switch (format) {
    case 'stylish':
      return (await import('./stylish')).renderStylish(run, opts);
    case 'json':
      return renderLintJson(run);
    case 'sarif':
      return (await import('./sarif')).renderSarif(run);
    case 'junit':
      return (await import('./junit')).renderJunit(run);
    case 'github':
      return (await import('./github')).renderGithub(run);
    case 'markdown':
      return renderLintMarkdown(run);
  }
}

/** The lint run as JSON: per file the gates, their verdict, the problems and the full report. */
function renderLintJson(run: LintRun): string {
  const files = run.files.map((f) =>
    f.ok
      ? {
          file: f.file,
          status: 'ok' as const,
          passed: f.failures.length === 0,
          score: f.report.summary.score,
          upTo: f.report.summary.upTo,
          grade: f.report.summary.grade,
          coverage: f.report.summary.coverage,
          ...(f.config ? { config: f.config } : {}),
          gates: f.gates,
          failures: f.failures.map(({ gate, message }) => ({ gate, message })),
          ...(f.baseline ? { baseline: f.baseline } : {}),
          problems: problemsOf(f).map(({ kind, ruleId, severity, level, message, file, line, column, path, active }) => ({
            kind,
            ruleId,
            ...(severity ? { severity } : {}),
            level,
            message,
            file,
            line,
            column,
            path,
            active,
          })),
          report: f.report,
        }
      : { file: f.file, status: 'invalid' as const, passed: false, diagnostics: f.diagnostics },
  );
  return `${JSON.stringify({ schemaVersion: 2, tool: run.tool, files }, null, 2)}\n`;
}

/** At most this many characters of Markdown: a GitHub comment and $GITHUB_STEP_SUMMARY hold 65,536. */
export const MARKDOWN_LIMIT = 65_000;
/** The most a GitHub pull-request or issue comment (and $GITHUB_STEP_SUMMARY) holds, in characters. */
export const MARKDOWN_MAX_CHARS = 65_536;

/**
 * Markdown: a summary table of the files (with --baseline, the change since the
 * revision and what each change did), then each file's full report as long as
 * the whole stays under MARKDOWN_LIMIT; what does not fit is said, not cut mid-way.
 */
async function renderLintMarkdown(run: LintRun): Promise<string> {
  const { md, renderMarkdown } = await import('./markdown');
  const diffView = run.baseline ? await import('./diff') : undefined;
  const out: string[] = [`# sales-audit lint${run.baseline ? ` (compared with \`${md(run.baseline)}\`)` : ''}`, ''];
  out.push(
    run.baseline ? '| File | Score | Change | Grade | Coverage | Findings | New | Resolved | Gates |' : '| File | Score | Grade | Coverage | Findings | Gates |',
    run.baseline ? '|---|---:|---:|:---:|---:|---:|---:|---:|---|' : '|---|---:|:---:|---:|---:|---|',
  );
  const rows: string[] = [];
  for (const f of run.files) {
    if (!f.ok) rows.push(`| \`${md(f.file)}\` | |${run.baseline ? ' | | |' : ''} | | | could not be linted |`);
    else {
      const s = f.report.summary;
      const n = Object.values(s.findings).reduce((a, b) => a + b, 0);
      const b = f.baseline;
      const change = !b ? '' : b.status === 'compared' ? `${diffView!.deltaText(b.diff.score.delta)} (was ${b.diff.score.before ?? '?'}) | ${s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'none')}` : `${b.status === 'new' ? 'new file' : 'no baseline'} | ${s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'none')}`;
      const counts = !b ? '' : b.status === 'compared' ? ` ${b.diff.findings.new.length} | ${b.diff.findings.resolved.length} |` : ' | |';
      const grade = s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'none');
      rows.push(`| \`${md(f.file)}\` | ${s.score ?? '?'} | ${run.baseline ? change : grade} | ${s.coverage}% | ${n} |${counts} ${f.failures.length ? `failed: ${f.failures.map((x) => md(x.message)).join('; ')}` : 'passed'} |`);
    }
  }
  // Thousands of files: the table itself is cut, and says how many rows it left out.
  let tableSize = out.join('\n').length;
  let shownRows = 0;
  for (const row of rows) {
    if (tableSize + row.length + 1 > MARKDOWN_LIMIT - 1_000) break;
    out.push(row);
    tableSize += row.length + 1;
    shownRows++;
  }
  if (shownRows < rows.length) out.push('', `_${rows.length - shownRows} more files left out of this table to keep it under 65,536 characters: see the JSON or stylish output._`);
  out.push('');
  let size = out.join('\n').length;
  const sections: string[] = [];
  // Each file's change first (what a reviewer reads), then the full reports.
  if (diffView)
    for (const f of run.files) {
      if (!f.ok || !f.baseline) continue;
      const b = f.baseline;
      if (b.status === 'compared') sections.push(diffView.renderDiffMarkdown(b.diff, { level: 2, maxChars: Math.max(2_000, Math.floor((MARKDOWN_LIMIT - size) / run.files.length)) }).replace(/^## sales-audit: /, `## \`${md(f.file)}\`: `));
      else sections.push(`## \`${md(f.file)}\`: ${b.status === 'new' ? `new since \`${md(b.revision)}\` (no earlier version to compare with)` : `the version at \`${md(b.revision)}\` could not be audited: ${md(b.message)}`}\n`);
    }
  for (const f of run.files) {
    const part: string[] = [];
    if (!f.ok) {
      part.push(`## \`${md(f.file)}\`: could not be linted`, '');
      for (const d of f.diagnostics) part.push(`- \`${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}\` ${md(d.path ? `${d.path}: ${d.message}` : d.message)}`);
      part.push('');
      sections.push(part.join('\n'));
      continue;
    }
    const problems = problemsOf(f).filter((p) => p.kind === 'expired-waiver' || p.kind === 'not-assessed' || p.kind === 'rule-error');
    if (problems.length) {
      part.push(`## \`${md(f.file)}\`: lint problems`, '');
      for (const p of problems) part.push(`- \`${p.file}:${p.line}:${p.column}\` **${p.label}** \`${p.ruleId}\`: ${md(p.message)}`);
      part.push('');
    }
    // Each report one heading level down, under this document's title.
    part.push(renderMarkdown(f.report).trimEnd().replace(/^(#{1,5}) /gm, '#$1 '), '');
    sections.push(part.join('\n'));
  }
  let left = 0;
  for (const sec of sections) {
    if (left || size + sec.length + 1 > MARKDOWN_LIMIT - 300) {
      left++;
      continue;
    }
    out.push(sec);
    size += sec.length + 1;
  }
  if (left) out.push(`_${left} more section${left === 1 ? '' : 's'} (full reports) left out to keep this under 65,536 characters, the limit of a pull-request comment and of a job summary: see the stylish, JSON or SARIF output for every finding._`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
