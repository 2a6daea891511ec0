// Runs one rule through the real engine on an org literal, so rule tests see
// exactly what the report would: status, score, findings with evidence; the
// findings one per fact, as the rule states them (the report then merges a
// person's findings of one rule into one: src/engine/group.ts).
import { expect } from 'vitest';
import { runAudit } from '../../src/engine/run';
import type { Org } from '../../src/model/schema';
import type { RuleDefinition, RuleSettings } from '../../src/engine/types';

export const AUDIT_DATE = '2026-11-27';

export function runRule(rule: RuleDefinition | { default: unknown }, org: Org, opts: { date?: string; options?: Record<string, unknown>; unknowns?: string[]; settings?: RuleSettings } = {}) {
  const r = ('default' in rule ? rule.default : rule) as RuleDefinition;
  const report = runAudit({
    org,
    date: opts.date ?? AUDIT_DATE,
    rules: [r],
    file: 'org.yaml',
    unknowns: opts.unknowns,
    settings: { [r.id]: { ...opts.settings, ...(opts.options ? { options: opts.options } : {}) } },
    groupBySubject: false,
  });
  const result = report.rules[0]!;
  return {
    status: result.status,
    score: result.score,
    missing: result.missing,
    error: result.error,
    findings: report.findings.filter((f) => !f.note),
    notes: report.findings.filter((f) => f.note),
    /** message ids of the findings, in order */
    messages: report.findings.filter((f) => !f.note).map((f) => f.messageId),
    /** evidence paths of all findings, in order */
    paths: report.findings.flatMap((f) => f.evidence.map((e) => e.path)),
    steps: report.checklist.map((c) => c.stepId),
    checklist: report.checklist,
    report,
  };
}

type Outcome = ReturnType<typeof runRule>;

/**
 * The assertions every table-driven rule test makes, for the keys a case gives:
 * status and score exactly, and message ids, note ids, evidence paths, checklist
 * steps and missing facts in order.
 */
export function expectOutcome(r: Outcome, want: { status?: string; score?: number | null; messages?: string[]; notes?: string[]; paths?: string[]; steps?: string[]; missing?: string[] }): void {
  if ('status' in want) expect(r.status).toBe(want.status);
  if ('score' in want) expect(r.score).toBe(want.score);
  if ('messages' in want) expect(r.messages).toEqual(want.messages);
  if ('notes' in want) expect(r.notes.map((n) => n.messageId)).toEqual(want.notes);
  if ('paths' in want) expect(r.paths).toEqual(want.paths);
  if ('steps' in want) expect(r.steps).toEqual(want.steps);
  if ('missing' in want) expect(r.missing).toEqual(want.missing);
}
