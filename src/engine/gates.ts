// CI gates over a finished report: pure, so `audit` and `lint` share them.
import { SEVERITIES, SEVERITY_WEIGHT, type AuditReport, type Evidence, type Severity } from './types';

export interface Gates {
  // Messages name the gate, not the flag: the value may come from the config.
  /** Fail when the overall score is below this (0..100). An unknown score fails it. */
  failUnder?: number;
  /** Fail when coverage (%) is below this (0..100). */
  minCoverage?: number;
  /** Fail when an active finding of a failing or partial rule is at or above this severity. */
  failOn?: Severity;
  /** Fail when any rule is not assessed (or could not run). */
  strict?: boolean;
  /** Fail on a failing critical rule (lint's default). */
  failOnFatal?: boolean;
}

export interface GateFailure {
  gate: 'fail-under' | 'min-coverage' | 'fail-on' | 'strict' | 'fatal' | 'waiver' | 'regression';
  message: string;
  /** Where the cause is in the org file, when it is one place (an expired waiver). */
  at?: Evidence;
}

export function checkGates(r: AuditReport, g: Gates): GateFailure[] {
  const out: GateFailure[] = [];
  if (g.failUnder !== undefined && (r.summary.score === null || r.summary.score < g.failUnder))
    out.push({
      gate: 'fail-under',
      message: r.summary.score === null ? `no rule applies, so there is no score for the fail-under gate (${g.failUnder})` : `score ${r.summary.score} is under the fail-under gate (${g.failUnder})`,
    });
  if (g.minCoverage !== undefined && r.summary.coverage < g.minCoverage)
    out.push({ gate: 'min-coverage', message: `coverage ${r.summary.coverage}% is under the min-coverage gate (${g.minCoverage}%)` });
  if (g.failOn) {
    const min = SEVERITY_WEIGHT[g.failOn];
    const hits = r.findings.filter((f) => !f.note && !f.suppressed && SEVERITY_WEIGHT[f.severity] >= min);
    // A finding about many people (engine/summarise.ts) counts each of them, as --per-person would.
    let n = 0;
    for (const f of hits) n += f.people?.count ?? 1;
    if (n) out.push({ gate: 'fail-on', message: `${n} finding${n === 1 ? '' : 's'} at or above ${g.failOn} (the fail-on gate)` });
  }
  if (g.strict) {
    // A rule in error gave no verdict either: strict treats it like a rule not assessed.
    const na = r.rules.filter((x) => x.status === 'not-assessed' || x.status === 'error');
    if (na.length) out.push({ gate: 'strict', message: `${na.length} rule${na.length === 1 ? ' is' : 's are'} not assessed (--strict): ${na.map((x) => x.id).join(', ')}` });
  }
  if (g.failOnFatal && r.summary.fatal) out.push({ gate: 'fatal', message: `${r.summary.fatal} critical rule${r.summary.fatal === 1 ? '' : 's'} failing` });
  for (const w of r.waivers.filter((x) => x.status === 'expired')) out.push({ gate: 'waiver', message: `the waiver for ${w.rule} expired on ${w.expires}`, at: w.evidence });
  return out;
}

export const isSeverity = (s: string): s is Severity => (SEVERITIES as readonly string[]).includes(s);
