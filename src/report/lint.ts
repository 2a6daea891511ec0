// What `lint` hands its renderers, and the lint formats' registry. A lint run
// covers several org files: for each, the audit report, the gates that applied
// and their verdict, or the diagnostics that kept it from being read. The flat
// list of problems (findings, waived rules, expired waivers, rules a strict run
// could not assess) is built here once, so every format shows the same ones at
// the same places. Renderers are imported lazily, only the ones asked for.
import type { AuditDiff } from '../engine/diff';
import { findingsAbout, thousandsText } from './format';
import { naturalCompare } from '../engine/natural-compare';
import type { GateFailure, Gates } from '../engine/gates';
import type { AuditReport, Evidence, Finding, RuleDefinition, Severity, WaiverState } from '../engine/types';
import type { Diagnostic } from '../load/diagnostics';
import { escapeJsonControls, guardLineStarts, safeText, sanitize } from './safe';

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
  /** Kept by slimLintedFile (which drops the findings): the findings shown and the people and facts they count, when summarised (format.ts findingsAbout). */
  findingsAbout?: { shown: number; about: number };
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
export type LintBaseline = { status: 'compared'; revision: string; diff: AuditDiff } | { status: 'new'; revision: string } | { status: 'unreadable'; revision: string; message: string };

/** The change in a few words, for summary lines: `+8 since main`, `new since main`. */
export function baselineNote(b: LintBaseline | undefined): string {
  if (!b) return '';
  if (b.status === 'new') return `new since ${b.revision}`;
  if (b.status === 'unreadable') return `no baseline: ${b.revision} version unreadable`;
  const d = b.diff.score.delta;
  const f = b.diff.findings;
  // The classes that say what the audit could judge, not what the organisation did, only when there are any.
  const more = [f.noLongerAssessed?.length ? `, ${f.noLongerAssessed.length} no longer assessed` : '', f.newlyAssessed?.length ? `, ${f.newlyAssessed.length} newly assessed` : ''].join('');
  const worse = f.worse?.length ? `, ${f.worse.length} worse` : '';
  return `${d === null ? '?' : d > 0 ? `+${d}` : d < 0 ? `-${-d}` : '±0'} since ${b.revision}, ${f.resolved.length} resolved, ${f.new.length} new${worse}${more}`;
}

export interface UnreadFile {
  ok: false;
  file: string;
  diagnostics: Diagnostic[];
  /** A pattern that matched no file (not a file at all): counted apart in the summary. */
  unmatched?: boolean;
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
  for (const f of run.files) n += sarifResultCountOf(f);
  return n;
}

/** How many results one file gives the SARIF output (see sarifResultCount); 0 for a file that could not be read. */
export function sarifResultCountOf(f: LintFile): number {
  return f.ok ? problemsOf(f).filter((p) => p.kind !== 'waived').length : 0;
}

/** The id under which expired waivers are reported (not a rule of the catalogue). */
export const EXPIRED_WAIVER = 'expired-waiver';
/**
 * The id a contradiction finding is listed under (stylish, SARIF, JUnit, GitHub): `sales-audit explain contradiction`
 * says what it is. The finding itself stays with the rule that judges the fact (its ruleId), which its score needs.
 */
export const CONTRADICTION = 'contradiction';

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
  for (const finding of r.findings) {
    if (finding.note) continue;
    const { file, line, column, path } = placeOf(finding.evidence[0], f.file);
    // A contradiction is listed under its own id (CONTRADICTION), the waiver found under the rule that scores it.
    const ruleId = finding.messageId === CONTRADICTION ? CONTRADICTION : finding.ruleId;
    // Written out, not spread from a shared base: a file lists dozens, and the spreads were most of this function's time and garbage.
    const level = levelOf(finding.severity);
    if (finding.suppressed) {
      const waiver = r.rules.find((x) => x.id === finding.ruleId)?.waiver;
      out.push({ ruleId, severity: finding.severity, message: finding.message, file, line, column, path, finding, kind: 'suppressed', level, label: 'waived', active: false, waiver });
    } else out.push({ ruleId, severity: finding.severity, message: finding.message, file, line, column, path, finding, kind: 'finding', level, label: finding.severity, active: true });
  }
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
  // Natural order (org-2 before org-10), not the locale's: the same bytes on every machine. Array sort is stable (ES2019), so
  // problems at one place stay in the order above.
  return out.sort((a, b) => naturalCompare(a.file, b.file) || a.line - b.line || a.column - b.column);
}

export interface LintRenderOptions {
  color: boolean;
  /** The terminal's columns, for stylish's summary (see summaryLines); SUMMARY_WIDTH when stdout is not a terminal. */
  width?: number;
}

/**
 * Renders a lint run in one format. As for the audit formats (see ./safe): the
 * JSON formats (json, sarif) keep the data exact and escape what a terminal or
 * a runner would act on; the others render sanitised strings, and no line of
 * theirs can start a workflow command, except the `github` format's own
 * commands, whose values that renderer escapes. The same bytes as lint's
 * file-by-file writing (lintStreamer), which this is over the whole run.
 */
export async function renderLint(format: LintFormat, run: LintRun, opts: LintRenderOptions): Promise<string> {
  const streamer = await lintStreamer(format, headOf(run), opts, memorySpool());
  for (const f of run.files) streamer.add(f);
  return [...streamer.finish(run)].map(pieceText).join('');
}

/**
 * Where a streamed format keeps the parts of its output that must wait for the
 * end (SARIF's results, JUnit's suites: what comes before them is only known
 * after the last file), in order. lint gives a temporary file (src/cli/spool.ts)
 * so the memory stays flat in the number of files; renderLint gives memory.
 */
export interface LintSpool {
  /** Appends one record. */
  write(record: string): void;
  /**
   * Every record, in the order written (once, after the last write): as text,
   * or as its UTF-8 bytes (a long record from a file, spared a conversion),
   * valid only until the next record is taken.
   */
  records(): Iterable<string | Uint8Array>;
}

/** A piece of output as text. */
export const pieceText = (piece: string | Uint8Array): string => (typeof piece === 'string' ? piece : new TextDecoder().decode(piece));

/** A spool in memory: an array of records. */
export function memorySpool(): LintSpool {
  const all: string[] = [];
  return { write: (r) => void all.push(r), records: () => all };
}

/**
 * One format written file by file. add() takes each file in the run's order,
 * as soon as it is linted; finish() gives the whole output, in pieces, once
 * the last file is added, from the run whose files may be slimLintedFile's
 * (it reads only what they keep). With `direct`, a format whose output can
 * start before the end (stylish, json) writes each file's part there at once,
 * and finish() gives only the rest; the others keep their parts in the spool
 * and hold at most a bounded amount (GitHub's annotations shown, Markdown's
 * comment-sized text) plus a few numbers per file.
 */
export interface LintStreamer {
  add(f: LintFile): void;
  /** The output's pieces (see LintSpool.records for a piece of bytes). */
  finish(run: LintRun): Iterable<string | Uint8Array>;
  /** SARIF: how many results the files added so far gave, before the cap (see SARIF_MAX_RESULTS). */
  results?(): number;
}

/** The formats lint can write straight to stdout as each file is linted (the others wait for the end). */
export const DIRECT_LINT_FORMATS: readonly LintFormat[] = ['stylish', 'json'];

/**
 * What a streamer knows before the first file: the tool, how many entries the
 * run will have, --baseline's revision, where paths are relative to (as in
 * LintRun), and the rules that ran so far (a list that only grows, in order:
 * a plugin's rules join it with the first file that uses them).
 */
export interface LintRunHead {
  tool: LintRun['tool'];
  fileCount: number;
  baseline?: string;
  cwd?: string;
  repoRoot?: string;
  rules: () => readonly RuleDefinition[];
}

/** The LintRunHead of a whole run. */
export const headOf = (run: LintRun): LintRunHead => ({ tool: run.tool, fileCount: run.files.length, baseline: run.baseline, cwd: run.cwd, repoRoot: run.repoRoot, rules: () => run.rules });

/** The streamer of one format (see LintStreamer). */
export async function lintStreamer(format: LintFormat, head: LintRunHead, opts: LintRenderOptions, spool: LintSpool, direct?: (text: string) => void): Promise<LintStreamer> {
  switch (format) {
    case 'stylish': {
      const { stylishBlock, stylishEnd } = await import('./stylish');
      return directStreamer(
        spool,
        direct,
        (f) => guardLineStarts(stylishBlock(sanitize(listingView(f)), opts)),
        (run) => guardLineStarts(stylishEnd(sanitize(run), opts)),
      );
    }
    case 'json': {
      let first = true;
      const open = `{\n  "schemaVersion": 2,\n  "tool": ${jsonAt(head.tool, 1)},\n  "files": [`;
      return directStreamer(
        spool,
        direct,
        (f) => {
          const text = `${first ? `${open}\n` : ',\n'}    ${jsonAt(lintJsonFile(f), 2)}`;
          first = false;
          return escapeJsonControls(text);
        },
        () => escapeJsonControls(first ? `${open}]\n}\n` : '\n  ]\n}\n'),
      );
    }
    case 'sarif':
      return (await import('./sarif')).sarifStreamer(head, spool);
    // GitHub commands and XML escape CR and LF themselves: a multi-line value stays so there.
    case 'junit': {
      const inner = (await import('./junit')).junitStreamer(spool);
      return {
        add: (f) => inner.add(sanitize(problemView(f), { keepLineBreaks: true })),
        *finish(run) {
          for (const piece of inner.finish(sanitize(run, { keepLineBreaks: true }))) yield guardLineStarts(pieceText(piece));
        },
      };
    }
    case 'github': {
      const inner = (await import('./github')).githubStreamer();
      return { add: (f) => inner.add(sanitize(problemView(f), { keepLineBreaks: true })), finish: (run) => inner.finish(sanitize(run, { keepLineBreaks: true })) };
    }
    case 'markdown':
      return markdownStreamer(head);
  }
}

/**
 * JSON.stringify(value, null, 2) as it reads nested `depth` levels deep in a
 * document so indented: every line but the first indented by 2 * depth
 * spaces. Made by JSON.stringify itself, inside `depth` arrays cut off again,
 * rather than by indenting its lines (a copy of a report of 100 MB fewer).
 */
export function jsonAt(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // `[\n  ` ... `[\n` + 2 * depth spaces before, `\n` + spaces + `]` after, for each level.
  return text.slice(2 * depth + depth * (depth + 1), text.length - (2 * depth + depth * (depth - 1)));
}

function directStreamer(spool: LintSpool, direct: ((text: string) => void) | undefined, block: (f: LintFile) => string, end: (run: LintRun) => string): LintStreamer {
  return {
    add(f) {
      const text = block(f);
      if (!text) return;
      if (direct) direct(text);
      else spool.write(text);
    },
    *finish(run) {
      if (!direct) yield* spool.records();
      yield end(run);
    },
  };
}

/**
 * What the listings of problems (stylish, junit, github) read of a file: the
 * report's findings, rules, waivers, summary and date, without its checklist,
 * facts and labels, so only that is sanitised.
 */
export function problemView(f: LintFile): LintFile {
  if (!f.ok) return f;
  const { findings, rules, waivers, summary, auditDate } = f.report;
  // A rule's docs and checks are in no listing: most of its text.
  const listed = rules.map(({ docs: _docs, checks: _checks, ...rest }) => rest);
  // Nor is a finding's id, worked out when first read (run.ts): sanitising a copy with it would work every one out.
  const unidentified = findings.map((x) => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x)) if (k !== 'id') out[k] = x[k as keyof Finding];
    return out;
  });
  return { ...f, report: { findings: unidentified, rules: listed, waivers, summary, auditDate } as unknown as AuditReport };
}

/**
 * What stylish reads of a file (problemsOf's lines, no more), and the summary
 * slimLintedFile keeps: each finding's rule, message id, severity, message, first place
 * and people counted (notes left out), and the verdict, waiver, error and missing facts of each rule
 * that is waived, in error or not assessed. Sanitising the rest of a report (the findings'
 * data, evidence and thresholds) was a tenth of linting a file.
 */
export function listingView(f: LintFile): LintFile {
  if (!f.ok) return f;
  const { findings, rules, waivers, summary, auditDate } = f.report;
  // Notes are no problem (problemsOf, activeFindings), and only a waived rule, one in error or one not assessed gives
  // a line of its own: the rest of the view was sanitised for nothing.
  const listed = {
    // messageId: a contradiction is listed under its own id (CONTRADICTION).
    findings: findings
      .filter((x) => !x.note)
      .map(({ ruleId, messageId, severity, message, note, suppressed, people, evidence }) => ({ ruleId, messageId, severity, message, note, suppressed, people, evidence: evidence.slice(0, 1) })),
    rules: rules.filter((r) => r.status === 'waived' || r.status === 'error' || r.status === 'not-assessed').map(({ id, status, waiver, error, missing }) => ({ id, status, waiver, error, missing })),
    waivers: waivers.filter((w) => w.status === 'expired'),
    summary,
    auditDate,
  };
  return { ...f, report: listed as unknown as AuditReport };
}

/**
 * What a linted file's summary, gate messages and exit code need once its
 * part of every format is written: its summary, its expired waivers,
 * gates, failures, configs and baseline, without the findings, checklist,
 * rules and labels of its report (a few hundred bytes instead of tens of KB,
 * so linting 4,000 files holds about what 1,000 do).
 */
export function slimLintedFile(f: LintFile): LintFile {
  if (!f.ok) return f;
  const { report } = f;
  const kept = { summary: report.summary, waivers: report.waivers.filter((w) => w.status === 'expired') } as Partial<AuditReport>;
  const { baseline } = f;
  // A baseline's diff lists findings; the summary needs only its counts (baselineNote).
  const slimBase: LintBaseline | undefined =
    baseline?.status === 'compared'
      ? {
          ...baseline,
          diff: {
            score: baseline.diff.score,
            findings: {
              new: { length: baseline.diff.findings.new.length },
              resolved: { length: baseline.diff.findings.resolved.length },
              noLongerAssessed: { length: baseline.diff.findings.noLongerAssessed.length },
              newlyAssessed: { length: baseline.diff.findings.newlyAssessed.length },
              waived: { length: baseline.diff.findings.waived.length },
              worse: { length: baseline.diff.findings.worse.length },
              open: { length: baseline.diff.findings.open.length },
            },
          } as unknown as AuditDiff,
        }
      : baseline;
  const about = findingsAbout(report);
  return { ...f, report: kept as AuditReport, missingAt: {}, ...(slimBase ? { baseline: slimBase } : {}), ...(about ? { findingsAbout: about } : {}) };
}

/** One file of the JSON format: the gates, their verdict, the problems and the full report. */
export function lintJsonFile(f: LintFile): unknown {
  return f.ok
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
    : { file: f.file, status: 'invalid' as const, passed: false, diagnostics: f.diagnostics };
}

/** At most this many characters of Markdown in a diff section: a GitHub comment and $GITHUB_STEP_SUMMARY hold 65,536. */
export const MARKDOWN_LIMIT = 65_000;
/** The most a GitHub pull-request or issue comment (and $GITHUB_STEP_SUMMARY) holds, in characters. */
export const MARKDOWN_MAX_CHARS = 65_536;

/**
 * Markdown for a pull-request comment or a job summary: a table of the files
 * (with --baseline, the change since the revision: score change, new and
 * resolved findings), then with --baseline each file's change, then each
 * file's full report. When that is longer than a comment holds
 * (MARKDOWN_MAX_CHARS), the sections are collapsed (`<details>`), the first that
 * does not fit is cut at a line and the rest are left out, with a note under
 * the table saying so; the table lists every file unless even it cannot fit,
 * when it says how many more there are.
 */
async function markdownStreamer(runHead: LintRunHead): Promise<LintStreamer> {
  const { md, renderMarkdown } = await import('./markdown');
  const baseline = runHead.baseline ? safeText(runHead.baseline) : undefined;
  const diffView = baseline !== undefined ? await import('./diff') : undefined;
  const gradeOf = (s: AuditReport['summary']) => s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'none');
  const title = [`# sales-audit lint${baseline !== undefined ? ` (compared with \`${md(baseline)}\`)` : ''}`, ''];
  const columns =
    baseline !== undefined
      ? ['| File | Score | Change | Grade | Coverage | Findings | New | Resolved | Gates |', '|---|---:|---:|:---:|---:|---:|---:|---:|---|']
      : ['| File | Score | Grade | Coverage | Findings | Gates |', '|---|---:|:---:|---:|---:|---|'];
  // Only what a comment can show is kept: the rows and sections up to the
  // comment's length (and the first section past it, cut to that length, in
  // case it is the one cut), then only how many more there are. Whatever is
  // past that length would be left out anyway.
  const rows: string[] = [];
  let rowCount = 0;
  let rowChars = 0;
  type Section = { title: string; body: string };
  const list = () => ({ kept: [] as Section[], chars: 0, more: 0 });
  const diffs = list();
  const reports = list();
  const keep = (l: ReturnType<typeof list>, sec: Section) => {
    if (l.chars > MARKDOWN_MAX_CHARS) l.more++;
    else l.kept.push(l.chars + sec.body.length > MARKDOWN_MAX_CHARS ? { title: sec.title, body: sec.body.slice(0, MARKDOWN_MAX_CHARS + 1) } : sec);
    l.chars += sec.body.length;
  };
  const full = (l: ReturnType<typeof list>) => l.chars <= MARKDOWN_MAX_CHARS;
  return {
    add(raw) {
      // A file's report and change are rendered (and sanitised) only while a section of them can still be shown.
      const shown = full(diffs) && (full(reports) || (diffView !== undefined && raw.ok && raw.baseline !== undefined));
      const f = sanitize(shown ? raw : slimLintedFile(raw));
      rowCount++;
      const row = (text: string) => {
        rowChars += text.length + 1;
        if (rowChars <= MARKDOWN_MAX_CHARS) rows.push(text);
      };
      if (!f.ok) row(`| \`${md(f.file)}\` | |${baseline !== undefined ? ' | | |' : ''} | | | could not be linted |`);
      else {
        const s = f.report.summary;
        const n = Object.values(s.findings).reduce((a, b) => a + b, 0);
        const gates = f.failures.length ? `failed: ${f.failures.map((x) => md(x.message)).join('; ')}` : 'passed';
        const b = f.baseline;
        if (baseline === undefined) row(`| \`${md(f.file)}\` | ${s.score ?? '?'} | ${gradeOf(s)} | ${s.coverage}% | ${thousandsText(n)} | ${gates} |`);
        else {
          const change = !b ? '' : b.status === 'compared' ? `${diffView!.deltaText(b.diff.score.delta)} (was ${b.diff.score.before ?? '?'})` : b.status === 'new' ? 'new file' : 'no baseline';
          const counts = b?.status === 'compared' ? `${b.diff.findings.new.length} | ${b.diff.findings.resolved.length}` : ' | ';
          row(`| \`${md(f.file)}\` | ${s.score ?? '?'} | ${change} | ${gradeOf(s)} | ${s.coverage}% | ${thousandsText(n)} | ${counts} | ${gates} |`);
        }
      }
      // Each file's change first (what a reviewer reads), then the full reports.
      if (diffView && f.ok && f.baseline) {
        const b = f.baseline;
        if (!full(diffs)) diffs.more++;
        else if (b.status === 'compared')
          keep(diffs, {
            title: `${f.file}: change since ${b.revision}`,
            body: diffView
              .renderDiffMarkdown(b.diff, { level: 2, maxChars: Math.max(2_000, Math.floor(MARKDOWN_LIMIT / (2 * runHead.fileCount))) })
              .replace(/^## sales-audit: /, `## \`${md(f.file)}\`: `),
          });
        else
          keep(diffs, {
            title: `${f.file}: ${b.status === 'new' ? 'new' : 'no baseline'}`,
            body: `## \`${md(f.file)}\`: ${b.status === 'new' ? `new since \`${md(b.revision)}\` (no earlier version to compare with)` : `the version at \`${md(b.revision)}\` could not be audited: ${md(b.message)}`}\n`,
          });
      }
      if (!full(diffs) || !full(reports)) {
        reports.more++;
        return;
      }
      const out: string[] = [];
      if (!f.ok) {
        out.push(`## \`${md(f.file)}\`: could not be linted`, '');
        for (const d of f.diagnostics) out.push(`- \`${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}\` ${md(d.path ? `${d.path}: ${d.message}` : d.message)}`);
        keep(reports, { title: `${f.file}: could not be linted`, body: out.join('\n') });
        return;
      }
      const problems = problemsOf(f).filter((p) => p.kind === 'expired-waiver' || p.kind === 'not-assessed' || p.kind === 'rule-error');
      if (problems.length) {
        out.push(`## \`${md(f.file)}\`: lint problems`, '');
        for (const p of problems) out.push(`- \`${p.file}:${p.line}:${p.column}\` **${p.label}** \`${p.ruleId}\`: ${md(p.message)}`);
        out.push('');
      }
      // Each report one heading level down, under this document's title.
      out.push(
        renderMarkdown(f.report)
          .trimEnd()
          .replace(/^(#{1,5}) /gm, '#$1 '),
      );
      const s = f.report.summary;
      keep(reports, { title: `${f.file}: ${s.score ?? '?'}/100 (${gradeOf(s)})${f.failures.length ? ', a gate failed' : ''}`, body: out.join('\n') });
    },
    *finish() {
      yield guardLineStarts(markdownEnd());
    },
  };

  function markdownEnd(): string {
    const head = [...title, ...columns, ...rows, ''];
    // The head's length with every row, kept or not.
    const headLength = [...title, ...columns].join('\n').length + rowChars + 1;
    const sections = [...diffs.kept, ...reports.kept];
    const n = sections.length + diffs.more + reports.more;
    if (rowCount === rows.length && full(diffs) && full(reports)) {
      const whole = `${[...head, ...sections.flatMap((x) => [x.body, ''])].join('\n').trimEnd()}\n`;
      if (whole.length <= MARKDOWN_MAX_CHARS) return whole;
    }

    // Too long for a comment: collapse every section, and keep what fits.
    const NOTE_ROOM = 600;
    // Thousands of files: even the table may not fit; it keeps its first rows and says how many more.
    let headText = head.join('\n');
    if (headLength > MARKDOWN_MAX_CHARS - NOTE_ROOM) {
      let kept = 0;
      let size = [...title, ...columns].join('\n').length;
      while (kept < rows.length && size + rows[kept]!.length + 1 <= MARKDOWN_MAX_CHARS - 2 * NOTE_ROOM) size += rows[kept++]!.length + 1;
      headText = [...title, ...columns, ...rows.slice(0, kept), '', `*... and ${rowCount - kept} more files: run \`sales-audit lint\` with \`--format stylish\` or \`json\` for them all.*`, ''].join(
        '\n',
      );
    }
    let budget = MARKDOWN_MAX_CHARS - headText.length - NOTE_ROOM;
    const kept: string[] = [];
    let cut = 0;
    let left = 0;
    for (const sec of sections) {
      const open = `<details><summary>${md(sec.title)}</summary>\n\n`;
      const close = '\n\n</details>\n';
      const whole = `${open}${sec.body}${close}`;
      if (!cut && !left && whole.length <= budget) {
        kept.push(whole);
        budget -= whole.length;
        continue;
      }
      // The first section that does not fit is cut at a line, when a useful part of it fits.
      const marker = '\n\n*(the rest of this section is cut to fit a comment)*';
      const room = budget - open.length - close.length - marker.length;
      if (!cut && !left && room > 1000) {
        const body = sec.body.slice(0, room);
        kept.push(`${open}${body.slice(0, Math.max(body.lastIndexOf('\n'), 0))}${marker}${close}`);
        budget = 0;
        cut = 1;
        continue;
      }
      left++;
    }
    // Sections past the comment's length were never kept: left out too.
    left += diffs.more + reports.more;
    const what = [cut ? '1 section is cut' : '', left ? `${left} of ${n} section${n === 1 ? ' is' : 's are'} left out` : ''].filter(Boolean).join(' and ');
    const note = `> **Shortened to fit a comment** (GitHub holds ${thousandsText(MARKDOWN_MAX_CHARS)} characters): the sections are collapsed${what ? `, and ${what}` : ''}. ${headText.length < headLength ? 'The table is cut too' : 'The table lists every file'}; every finding is in \`--format stylish\`, \`sarif\` or \`json\`.`;
    return `${[headText, note, '', ...kept].join('\n').trimEnd()}\n`;
  }
}
