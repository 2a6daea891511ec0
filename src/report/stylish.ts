// The default lint output: one line per problem, `file:line:col  severity
// rule-id  message`, grouped by file (so terminals and editors can jump to
// each), then one summary line. Colour only when the CLI says so; meaning
// never rests on colour alone.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../load/diagnostics';
import { findingsAbout, thousandsText } from './format';
import { SEVERITIES } from '../engine/types';
import { safeText } from './safe';
import { baselineNote, problemsOf, type LintFile, type LintRenderOptions, type LintRun, type Problem, type UnreadFile } from './lint';

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
  out.push(summaryLine(run));
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
export function summaryLine(run: LintRun): string {
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
    `${n} file${n === 1 ? '' : 's'}: ${files.join(', ')}`,
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
  return parts.join(' · ');
}
