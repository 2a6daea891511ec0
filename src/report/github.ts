// GitHub Actions workflow commands: one annotation per problem, shown on the
// pull request's changed lines and in the run summary. Escaping follows
// @actions/core (toolkit command.ts): the message escapes %, CR and LF;
// properties also escape ':' and ','.
import { baselineNote, problemsOf, type Level, type LintRun, type LintStreamer } from './lint';

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
 * the rest, so the order is chosen: files that could not be read first (a
 * gate says a file scored low; only this says why a file was not audited at
 * all), then what else fails the job (gates, expired waivers), then findings
 * by severity, in the run's order within each. A kind with more than ten gets nine and a tenth
 * saying how many more there are and where to see them.
 */
export function renderGithub(run: LintRun): string {
  const streamer = githubStreamer();
  for (const f of run.files) streamer.add(f);
  return [...streamer.finish(run)].join('');
}

/**
 * GitHub annotations written file by file (see LintStreamer). Since only ten
 * of each kind are shown, only the ten that come first in the order above are
 * kept of each kind, and how many there are: the memory does not grow with the
 * number of files. Everything is written at the end, in that order.
 */
export function githubStreamer(): LintStreamer {
  const shown: Record<Level, Annotation[]> = { error: [], warning: [], note: [] };
  const count: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  const push = (a: Annotation) => {
    count[a.level]++;
    const mine = shown[a.level];
    // After every kept one of the same or a lower rank: the earlier comes first among equals.
    let at = mine.length;
    while (at > 0 && mine[at - 1]!.rank > a.rank) at--;
    if (at >= GITHUB_MAX_PER_KIND) return;
    mine.splice(at, 0, a);
    if (mine.length > GITHUB_MAX_PER_KIND) mine.pop();
  };
  return {
    add(f) {
      if (!f.ok) {
        for (const d of f.diagnostics)
          push({
            level: 'error',
            rank: -1,
            props: { file: d.file, line: d.line, col: d.line !== undefined ? (d.column ?? 1) : undefined, title: 'sales-audit: cannot read the file' },
            message: d.path ? `${d.path}: ${d.message}` : d.message,
          });
        return;
      }
      // Gates with no single place (score, severity, fatal, strict) annotate the file itself.
      for (const g of f.failures.filter((x) => !x.at)) push({ level: 'error', rank: 0, props: { file: f.file, title: `sales-audit gate: ${g.gate}` }, message: `Gate failed: ${g.message}` });
      // Waived rules and their findings are accepted risks: no annotation.
      for (const p of problemsOf(f).filter((x) => x.kind !== 'waived' && x.kind !== 'suppressed'))
        push({
          level: p.level,
          rank: p.severity ? SEVERITY_RANK[p.severity]! : p.active ? 0 : 5,
          props: { file: p.file, line: p.line, col: p.column, title: `${p.ruleId}${p.severity ? ` (${p.severity})` : ''}` },
          message: p.message,
        });
      // The verdict of each file, first among the notices, so the run summary shows score, grade and coverage.
      const s = f.report.summary;
      push({
        level: 'note',
        rank: -1,
        props: { file: f.file, title: 'sales-audit summary' },
        message: `Score ${s.score ?? '?'}/100${s.upTo !== null && s.score !== null && s.upTo > s.score ? ` (up to ${s.upTo})` : ''}, grade ${s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'none')}, coverage ${s.coverage}%`,
      });
      // What the change did to this file's verdict (lint --baseline).
      if (f.baseline) push({ level: 'note', rank: -1, props: { file: f.file, title: 'sales-audit change' }, message: baselineNote(f.baseline) });
    },
    *finish() {
      const out: string[] = [];
      for (const level of ['error', 'warning', 'note'] as const) {
        const all = count[level];
        const mine = all > GITHUB_MAX_PER_KIND ? shown[level].slice(0, GITHUB_MAX_PER_KIND - 1) : shown[level];
        for (const a of mine) out.push(command(a.level, a.props, a.message));
        if (mine.length < all) {
          const more = all - mine.length;
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
      yield out.length ? `${out.join('\n')}\n` : '';
    },
  };
}
