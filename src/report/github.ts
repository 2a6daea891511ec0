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

export function renderGithub(run: LintRun): string {
  const out: string[] = [];
  for (const f of run.files) {
    if (!f.ok) {
      for (const d of f.diagnostics)
        out.push(command('error', { file: d.file, line: d.line, col: d.line !== undefined ? (d.column ?? 1) : undefined, title: 'sales-audit: cannot read the file' }, d.path ? `${d.path}: ${d.message}` : d.message));
      continue;
    }
    // Waived rules and their findings are accepted risks: no annotation.
    for (const p of problemsOf(f).filter((x) => x.kind !== 'waived' && x.kind !== 'suppressed'))
      out.push(command(p.level, { file: p.file, line: p.line, col: p.column, title: `${p.ruleId}${p.severity ? ` (${p.severity})` : ''}` }, p.message));
    // The verdict of each file, so the run summary shows score, grade and coverage.
    const s = f.report.summary;
    out.push(
      command(
        'note',
        { file: f.file, title: 'sales-audit summary' },
        `Score ${s.score ?? '?'}/100${s.upTo !== null && s.score !== null && s.upTo > s.score ? ` (up to ${s.upTo})` : ''}, grade ${s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'none')}, coverage ${s.coverage}%`,
      ),
    );
    // What the change did to this file's verdict (lint --baseline).
    if (f.baseline) out.push(command('note', { file: f.file, title: 'sales-audit change' }, baselineNote(f.baseline)));
    // Gates with no single place (score, severity, fatal, strict) annotate the file itself.
    for (const g of f.failures.filter((x) => !x.at)) out.push(command('error', { file: f.file, title: `sales-audit gate: ${g.gate}` }, `Gate failed: ${g.message}`));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
