// An org file's audits over its git history, as a series: one point per
// commit that changed the file, each audited at its commit date. Pure: the
// CLI reads git and runs the audits; this shapes what the renderers show.
import type { AuditReport, Category, Grade } from './types';

/** The version of the history's JSON form; a breaking change bumps it. */
export const HISTORY_SCHEMA_VERSION = 1;

export interface HistoryPoint {
  /** The full commit hash. */
  commit: string;
  /** The commit date, YYYY-MM-DD: the audit date of this point. */
  date: string;
  /** The commit's subject line. */
  subject: string;
  /** The file's path in that commit (it may have been renamed since). */
  path: string;
  /** Headline, up-to and coverage (0..100); null when nothing applies or the version could not be audited. */
  score: number | null;
  upTo: number | null;
  coverage: number | null;
  grade: Grade | null;
  gradeStatus: AuditReport['summary']['gradeStatus'] | null;
  /** Category scores (0..100, null when none of its rules applies). */
  categories: Partial<Record<Category, number | null>>;
  /** Active findings (not notes, not waived). */
  findings: number;
  /** Why this version could not be audited (invalid YAML, schema errors); its numbers are null. */
  error?: string;
}

export interface History {
  schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  tool: { name: 'sales-audit'; version: string };
  /** The file as the user named it. */
  file: string;
  /** Category ids and titles, in report order. */
  categories: { id: Category; title: string }[];
  /** Oldest first. */
  points: HistoryPoint[];
}

/** One point from one version's audit. */
export function historyPoint(commit: { hash: string; date: string; subject: string; path: string }, report: AuditReport): HistoryPoint {
  const s = report.summary;
  return {
    commit: commit.hash,
    date: commit.date,
    subject: commit.subject,
    path: commit.path,
    score: s.score,
    upTo: s.upTo,
    coverage: s.coverage,
    grade: s.grade,
    gradeStatus: s.gradeStatus,
    categories: Object.fromEntries(report.categories.map((c) => [c.id, c.score])),
    findings: report.findings.filter((f) => !f.note && !f.suppressed).length,
  };
}

/** A point for a version that could not be audited. */
export function failedPoint(commit: { hash: string; date: string; subject: string; path: string }, error: string): HistoryPoint {
  return {
    commit: commit.hash,
    date: commit.date,
    subject: commit.subject,
    path: commit.path,
    score: null,
    upTo: null,
    coverage: null,
    grade: null,
    gradeStatus: null,
    categories: {},
    findings: 0,
    error,
  };
}
