// GitHub Actions workflow commands: one annotation per problem, shown on the
// pull request's changed lines and in the run summary. Escaping follows
// @actions/core (toolkit command.ts): the message escapes %, CR and LF;
// properties also escape ':' and ','.
import { baselineNote, problemsOf, type Level, type LintRun } from './lint';

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', note: 'notice' };

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(level: Level, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${COMMAND[level]}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
export const GITHUB_MAX_PER_KIND = 10;

interface Annotation {
  level: Level;
  /** Sort key: 0 for what explains a red job (a gate, a file that could not be read), then by severity. */
  rank: number;
  props: Record<string, string | number | undefined>;
  message: string;
}

const SEVERITY_RANK: Record<string, number> = { critical: 1, high: 2, medium: 3, low: 4 };

/**
 * GitHub Actions annotations. GitHub shows ten of each kind per step and drops
 * the rest, so the order is chosen: what fails the job first (gates, files
 * that could not be read, expired waivers), then findings by severity, in the
 * run's order within each. A kind with more than ten gets nine and a tenth
 * saying how many more there are and where to see them.
 */
export function renderGithub(run: LintRun): string {
  const all: Annotation[] = [];
  for (const f of run.files) {
    if (!f.ok) {
      for (const d of f.diagnostics)
        all.push({
          level: 'error',
          rank: 0,
          props: { file: d.file, line: d.line, col: d.line !== undefined ? (d.column ?? 1) : undefined, title: 'sales-audit: cannot read the file' },
          message: d.path ? `${d.path}: ${d.message}` : d.message,
        });
      continue;
    }
    // Gates with no single place (score, severity, fatal, strict) annotate the file itself.
    for (const g of f.failures.filter((x) => !x.at)) all.push({ level: 'error', rank: 0, props: { file: f.file, title: `sales-audit gate: ${g.gate}` }, message: `Gate failed: ${g.message}` });
    // Waived rules and their findings are accepted risks: no annotation.
    for (const p of problemsOf(f).filter((x) => x.kind !== 'waived' && x.kind !== 'suppressed'))
      all.push({
        level: p.level,
        rank: p.severity ? SEVERITY_RANK[p.severity]! : p.active ? 0 : 5,
        props: { file: p.file, line: p.line, col: p.column, title: `${p.ruleId}${p.severity ? ` (${p.severity})` : ''}` },
        message: p.message,
      });
    // The verdict of each file, first among the notices, so the run summary shows score, grade and coverage.
    const s = f.report.summary;
    all.push({
      level: 'note',
      rank: -1,
      props: { file: f.file, title: 'sales-audit summary' },
      message: `Score ${s.score ?? '?'}/100${s.upTo !== null && s.score !== null && s.upTo > s.score ? ` (up to ${s.upTo})` : ''}, grade ${s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'none')}, coverage ${s.coverage}%`,
    });
    // What the change did to this file's verdict (lint --baseline).
    if (f.baseline) all.push({ level: 'note', rank: -1, props: { file: f.file, title: 'sales-audit change' }, message: baselineNote(f.baseline) });
  }
  const out: string[] = [];
  for (const level of ['error', 'warning', 'note'] as const) {
    const mine = all
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => a.level === level)
      .sort((x, y) => x.a.rank - y.a.rank || x.i - y.i)
      .map(({ a }) => a);
    const shown = mine.length > GITHUB_MAX_PER_KIND ? mine.slice(0, GITHUB_MAX_PER_KIND - 1) : mine;
    for (const a of shown) out.push(command(a.level, a.props, a.message));
    if (shown.length < mine.length) {
      const more = mine.length - shown.length;
      const noun = level === 'note' ? 'notice' : level;
      out.push(
        command(
          level,
          { title: 'sales-audit' },
          `... and ${more} more ${noun}${more === 1 ? '' : 's'} (GitHub shows ${GITHUB_MAX_PER_KIND} per step): run sales-audit lint with --format stylish or sarif to see them all.`,
        ),
      );
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
