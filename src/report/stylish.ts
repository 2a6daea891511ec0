// The default lint output: one line per problem, `file:line:col  severity
// rule-id  message`, grouped by file (so terminals and editors can jump to
// each), then one summary line. Colour only when the CLI says so; meaning
// never rests on colour alone.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../load/diagnostics';
import { columns, findingsAbout, thousandsText, wrap } from './format';
import { SEVERITIES } from '../engine/types';
import { safeText } from './safe';
import { baselineNote, problemsOf, type LintBaseline, type LintFile, type LintRenderOptions, type LintRun, type Problem, type UnreadFile } from './lint';

/** One problem, one line: the shared sanitiser (renderLint has already applied it to the whole run; kept for callers of this renderer alone). */
export const oneLine = safeText;

export function renderStylish(run: LintRun, opts: LintRenderOptions): string {
  return `${run.files.map((f) => stylishBlock(f, opts)).join('')}${stylishEnd(run, opts)}`;
}

/**
 * One file's lines (its problems, or the reasons it could not be read, then a
 * blank line; nothing when it has none).
 * renderStylish is these in file order, then stylishEnd: lint writes each as
 * its file is done, so a run over thousands of files keeps none of them.
 */
export function stylishBlock(f: LintFile, opts: LintRenderOptions): string {
  const c = chalkOf(opts.color);
  if (!f.ok) return unreadBlock(f, c);
  const colour = (p: Problem) => (p.kind === 'waived' ? c.dim : p.label === 'critical' ? c.red.bold : p.level === 'error' ? c.red : p.level === 'warning' ? c.yellow : c.cyan);
  // Waived rules are listed (once per rule, not per suppressed finding).
  const problems = f.ok ? problemsOf(f).filter((p) => p.kind !== 'suppressed') : [];
  if (!problems.length) return '';
  // Columns aligned within each file's group.
  // Reduced, not spread into Math.max: a file can have more problems than the stack has room for arguments.
  const widest = (len: (p: (typeof problems)[number]) => number) => problems.reduce((m, p) => Math.max(m, len(p)), 0);
  const w = {
    at: widest((p) => `${p.file}:${p.line}:${p.column}`.length),
    label: widest((p) => p.label.length),
    rule: widest((p) => p.ruleId.length),
  };
  const out: string[] = [];
  for (const p of problems) {
    const at = `${p.file}:${p.line}:${p.column}`.padEnd(w.at);
    out.push(`${at}  ${colour(p)(p.label.padEnd(w.label))}  ${c.dim(p.ruleId.padEnd(w.rule))}  ${oneLine(p.message)}`);
  }
  return `${out.join('\n')}\n\n`;
}

// One Chalk per colour level for the run: a new one per file rebuilt its styles each time (a lint of 1,000 files made 1,000).
const chalks: (ChalkInstance | undefined)[] = [];
const chalkOf = (color: boolean): ChalkInstance => (chalks[color ? 1 : 0] ??= new Chalk({ level: color ? 1 : 0 }));

/**
 * A file that could not be linted: one `file:line:col  error  message` line per
 * reason (bad YAML, no such file, not an org file, a broken config), as stderr
 * says them, so an output written with --output carries them too.
 */
function unreadBlock(f: UnreadFile, c: ChalkInstance): string {
  if (!f.diagnostics.length) return '';
  const at = (d: Diagnostic) => (d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file);
  const w = f.diagnostics.reduce((m, d) => Math.max(m, at(d).length), 0);
  return `${f.diagnostics.map((d) => `${at(d).padEnd(w)}  ${c.red('error')}  ${oneLine(d.path ? `${d.path}: ${d.message}` : d.message)}`).join('\n')}\n\n`;
}

/**
 * The config in use, then the summary line: the summary stays the last line,
 * where a CI log's tail shows it. Reads of each file only its summary, expired
 * waivers, gates, failures, configs and baseline note (see slimLintedFile).
 */
export function stylishEnd(run: LintRun, opts: LintRenderOptions): string {
  const c = chalkOf(opts.color);
  const out: string[] = [];
  const cfg = configLine(run);
  if (cfg) out.push(c.dim(cfg));
  out.push(...summaryLines(run, opts.width ?? SUMMARY_WIDTH));
  return `${out.join('\n')}\n`;
}

/**
 * `Config: orgs/.sales-audit.yaml, then .sales-audit.yaml`: which config files
 * applied (nearest first), per file when they differ; undefined when none did.
 */
export function configLine(run: LintRun): string | undefined {
  const chains = new Map<string, string[]>();
  let without = 0;
  for (const f of run.files) {
    if (!f.ok) continue;
    const chain = f.configs ?? (f.config ? [f.config] : []);
    if (!chain.length) {
      without++;
      continue;
    }
    const key = chain.join(', then ');
    chains.set(key, [...(chains.get(key) ?? []), f.file]);
  }
  if (!chains.size) return undefined;
  if (chains.size === 1 && !without) return `Config: ${[...chains.keys()][0]}`;
  return `Config: ${[...chains].map(([k, files]) => `${k} (for ${files.join(', ')})`).join('; ')}${without ? `; none for the other ${without === 1 ? 'file' : `${without} files`}` : ''}`;
}

/** `2 files: a.yaml 63/100 (D, coverage 93%), b.yaml 41/100 (incomplete, coverage 30%) · 12 findings: 2 critical, 10 high · 1 waived · 1 expired waiver` */
/** The summary's parts: the files (one entry each) and the counts after them. */
function summaryParts(run: LintRun): { n: number; files: string[]; counts: string[] } {
  // A pattern that matched nothing is not a file that could not be linted.
  const n = run.files.filter((f) => f.ok || !f.unmatched).length;
  const files = run.files.map((f) => {
    if (!f.ok) return f.unmatched ? `${f.file} matched no file` : `${f.file} could not be linted`;
    const s = f.report.summary;
    const since = baselineNote(f.baseline);
    return `${f.file} ${s.score ?? '?'}/100 (${s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'no grade')}, coverage ${s.coverage}%${since ? `; ${since}` : ''})`;
  });
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<(typeof SEVERITIES)[number], number>;
  let waived = 0;
  let expired = 0;
  let strict = 0;
  // Findings shown, and whether a summary stands for many people (then the counts by severity count people and facts).
  let shown = 0;
  let summarised = false;
  for (const f of run.files) {
    if (!f.ok) continue;
    for (const s of SEVERITIES) bySeverity[s] += f.report.summary.findings[s];
    const about = f.findingsAbout ?? findingsAbout(f.report);
    shown += about ? about.shown : SEVERITIES.reduce((a, s) => a + f.report.summary.findings[s], 0);
    summarised ||= about !== undefined;
    waived += f.report.summary.counts.waived;
    expired += f.report.waivers.filter((x) => x.status === 'expired').length;
    strict += f.gates.strict ? f.report.summary.counts['not-assessed'] : 0;
  }
  const total = SEVERITIES.reduce((a, s) => a + bySeverity[s], 0);
  const parts = [
    `${summarised ? `${thousandsText(shown)} finding${shown === 1 ? '' : 's'} (${thousandsText(total)} people and facts)` : `${thousandsText(total)} finding${total === 1 ? '' : 's'}`}${
      total
        ? `: ${SEVERITIES.filter((s) => bySeverity[s])
            .map((s) => `${thousandsText(bySeverity[s])} ${s}`)
            .join(', ')}`
        : ''
    }`,
  ];
  if (waived) parts.push(`${waived} waived`);
  if (expired) parts.push(`${expired} expired waiver${expired === 1 ? '' : 's'}`);
  if (strict) parts.push(`${strict} not assessed`);
  return { n, files, counts: parts };
}

export function summaryLine(run: LintRun): string {
  const { n, files, counts } = summaryParts(run);
  return [`${n} file${n === 1 ? '' : 's'}: ${files.join(', ')}`, ...counts].join(' · ');
}

/** The width the summary keeps to when stdout is not a terminal (a CI log, a file): fixed, so the output is the same everywhere. */
export const SUMMARY_WIDTH = 100;

/** Up to this many files, a summary too wide for one line lists each file on its own line; beyond, it counts them by grade. */
export const SUMMARY_LISTED = 10;

const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;

/**
 * The summary as stylish ends with it: the one summaryLine when it fits in
 * `width` columns; otherwise, for up to SUMMARY_LISTED files, one line per
 * file with its score; for more, readable at a glance whatever the number of
 * files: one line of how many files got each grade (then those incomplete,
 * without a grade, not linted), with --baseline one of how many went up, down
 * or stayed, the lowest scores and the files that need a look by name, and
 * the finding counts last (one line each for a file and for the counts, so
 * what a CI log is searched for stays on one line; the lists wrap to `width`).
 * `2 files: a.yaml 63/100 (D, coverage 93%), b.yaml … · 12 findings: 2 critical` fits;
 * `200 files: 12 A, 40 B, 98 C, 45 D, 5 F` and so on does not.
 */
export function summaryLines(run: LintRun, width: number): string[] {
  const one = summaryLine(run);
  if (columns(one) <= width) return [one];
  const { n, files, counts } = summaryParts(run);
  const lines: string[] = [];
  const say = (text: string, indent = '  ') => lines.push(...wrap(text, width, indent));
  if (run.files.length <= SUMMARY_LISTED) {
    // A few files: one line each, with its score, as the one-line summary has them.
    // Each file's entry whole on its line, and the counts last as one line: what a CI log is searched for stays on one line.
    lines.push(`${n} file${n === 1 ? '' : 's'}:`, ...files.map((f) => `  ${f}`), counts.join(' · '));
    return lines;
  }
  const linted = run.files.filter((f): f is Extract<LintFile, { ok: true }> => f.ok);
  const unread = run.files.filter((f) => !f.ok && !f.unmatched).map((f) => f.file);
  const unmatched = run.files.filter((f) => !f.ok && f.unmatched).map((f) => f.file);
  const count = (k: number, what: string) => `${thousandsText(k)} ${what}`;
  const classes: string[] = [];
  for (const g of GRADES) {
    const k = linted.filter((f) => f.report.summary.grade === g).length;
    if (k) classes.push(count(k, g));
  }
  const incomplete = linted.filter((f) => f.report.summary.grade === null && f.report.summary.gradeStatus === 'incomplete').length;
  const ungraded = linted.filter((f) => f.report.summary.grade === null && f.report.summary.gradeStatus !== 'incomplete').length;
  if (incomplete) classes.push(count(incomplete, 'incomplete'));
  if (ungraded) classes.push(count(ungraded, 'no grade'));
  if (unread.length) classes.push(count(unread.length, 'could not be linted'));
  if (unmatched.length) classes.push(count(unmatched.length, `pattern${unmatched.length === 1 ? '' : 's'} matched no file`));
  say(`${thousandsText(n)} file${n === 1 ? '' : 's'}: ${classes.join(', ')}`);
  if (run.baseline !== undefined) {
    const compared = linted.map((f) => f.baseline).filter((b): b is Extract<LintBaseline, { status: 'compared' }> => b?.status === 'compared');
    const delta = (test: (d: number) => boolean) => compared.filter((b) => b.diff.score.delta !== null && test(b.diff.score.delta)).length;
    const changes = [
      [delta((d) => d > 0), 'up'],
      [delta((d) => d < 0), 'down'],
      [delta((d) => d === 0), 'unchanged'],
      [compared.filter((b) => b.diff.score.delta === null).length, 'not comparable'],
      [linted.filter((f) => f.baseline?.status === 'new').length, 'new'],
      [linted.filter((f) => f.baseline?.status === 'unreadable').length, 'no baseline'],
    ] as const;
    say(
      `since ${run.baseline}: ${changes
        .filter(([k]) => k)
        .map(([k, what]) => count(k, what))
        .join(', ')}`,
    );
  }
  const scored = linted.filter((f) => f.report.summary.score !== null).sort((a, b) => a.report.summary.score! - b.report.summary.score!);
  if (scored.length > 1)
    say(
      `lowest: ${scored
        .slice(0, 3)
        .map((f) => `${f.file} ${f.report.summary.score}/100`)
        .join(', ')}`,
    );
  if (unread.length) say(`could not be linted: ${unread.join(', ')}`);
  if (unmatched.length) say(`matched no file: ${unmatched.join(', ')}`);
  lines.push(counts.join(' · '));
  return lines;
}
