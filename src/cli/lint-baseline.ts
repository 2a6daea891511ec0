// lint --baseline: each linted file compared with its version at a git
// revision. Loaded only when --baseline is given.
import { diffAudits, regressionFailures } from '../engine/diff';
import type { AuditReport } from '../engine/types';
import type { LintBaseline } from '../report/lint';
import { auditText, type SideOptions } from './commands/audit-run';
import { CliError } from './errors';
import { inert, isRevision, repoPath, showAt, topLevel } from './git';
import { loadOrgFile } from '../load/load';
import { redact } from '../model/redact';
import { VERSION } from './version';

export { regressionFailures };

/** The revision checked once for the whole run: a bad one stops it (exit 2) before any file is read. */
export function checkRevision(revision: string, cwd: string): { revision: string; top: string } {
  const top = topLevel(cwd, `--baseline ${inert(revision)}:`, 'a git work tree to read the revision from (run lint inside the repository that holds the files)');
  if (!isRevision(revision, cwd)) throw new CliError([`--baseline ${inert(revision)}: not a git revision (a branch, tag or commit; in CI fetch it first, e.g. git fetch origin main)`]);
  return { revision, top };
}

/** One file against its version at the revision: compared, new in the branch, or unreadable there. */
export async function baselineOf(path: string, shown: string, base: { revision: string; top: string }, opts: SideOptions, now: AuditReport): Promise<LintBaseline> {
  const inRepo = repoPath(path, opts.cwd ?? process.cwd(), base.top);
  const then = showAt(base.revision, inRepo, base.top);
  if (!then.ok) return then.missing ? { status: 'new', revision: base.revision } : { status: 'unreadable', revision: base.revision, message: then.message };
  try {
    const before = await auditText(then.text.replace(/^\uFEFF/, ''), `${base.revision}:${inRepo}`, path, opts);
    // The org as it is now, for the facts that changed.
    const loaded = await loadOrgFile(path, shown);
    const diff = diffAudits(
      { ...before, label: `${base.revision}:${inRepo}` },
      { report: now, ...(loaded.ok ? { org: opts.redact ? redact(loaded.value.org) : loaded.value.org } : {}), label: shown },
      VERSION,
    );
    return { status: 'compared', revision: base.revision, diff };
  } catch (e) {
    if (e instanceof CliError) return { status: 'unreadable', revision: base.revision, message: inert(e.lines[0] ?? 'invalid') };
    throw e;
  }
}
