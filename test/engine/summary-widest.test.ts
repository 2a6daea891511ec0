// A summary of many people's findings names the widest miss first (verdict
// follow-ups 3, item 4): each rule's per-person findings carry how far the fact
// misses its target, for order only (severities and counts stay as they were).
// Walks every rule whose per-person findings have a figure to miss by:
// selling-time (selling time under passAbove), individual-coaching (hours under
// the minimum), manage-not-pay-cut (an improvement plan past its deadline,
// attainment under the bar).
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/engine/run';
import type { AuditReport } from '../../src/engine/types';
import type { Org } from '../../src/model/schema';
import { pinnedRules } from '../helpers/pinned-rules';

const DATE = '2026-11-30';
const N = 150;
const audit = (org: Org): AuditReport => runAudit({ org, date: DATE, rules: pinnedRules(), file: 'org.yaml' });
/** The roster order puts the widest misses last, so name or roster order alone would name them last. */
const reps = (each: (i: number) => Record<string, unknown>) => Array.from({ length: N }, (_, k) => ({ name: `AE ${k + 1}`, is_rep: true, start_date: '2020-01-01', ...each(k) }));
const summary = (r: AuditReport, ruleId: string, messageId: string) => r.findings.find((f) => f.ruleId === ruleId && f.messageId === messageId && f.people !== undefined)!;

describe('summaries name the widest miss first (verdict follow-ups 3, item 4)', () => {
  it('selling-time: the reps at 36% before AE 3 at 41%, severities unchanged (all high, none lowered as a near miss)', () => {
    // AE 3 at 41%; every tenth rep from AE 100 on at 36%; the rest at 43%: all in the middle band (35% to 45%).
    const r = audit({ people: reps((k) => ({ selling_time_pct: k === 2 ? 41 : k >= 99 && k % 10 === 9 ? 36 : 43 })) } as Org);
    const s = summary(r, 'selling-time', 'repMiddle');
    expect(s.people!.named.slice(0, 5)).toEqual(['AE 100', 'AE 110', 'AE 120', 'AE 130', 'AE 140']);
    expect(s.message).toMatch(/, for example: AE 100 spends 36% of the time selling/);
    expect(s.severity).toBe('high');
    expect(r.findings.filter((f) => f.ruleId === 'selling-time' && f.severity !== 'high')).toEqual([]);
  });

  it('individual-coaching: the reps with 1 hour of coaching a month before those with 2 (the minimum is 3)', () => {
    const r = audit({ people: reps((k) => ({ coaching: { plan: 'individual', one_to_one: 'weekly', hours_per_month: k >= 140 ? 1 : 2 } })) } as Org);
    const s = summary(r, 'individual-coaching', 'lowHours');
    expect(s.people!.named.slice(0, 5)).toEqual(['AE 141', 'AE 142', 'AE 143', 'AE 144', 'AE 145']);
    expect(s.message).toMatch(/for example: AE 141 gets 1 hour of coaching a month/);
    // The rule's steps follow the same order: the checklist's example is the widest miss too.
    expect(r.checklist.find((c) => c.ruleId === 'individual-coaching' && c.people)!.action).toMatch(
      /\(AE 141, AE 142, AE 143, AE 144, AE 145 and 145 more\), for example: Give AE 141 at least 3 hours/,
    );
  });

  it('manage-not-pay-cut: the improvement plans longest past their deadline first, and the reps furthest under quota first', () => {
    const stalled = audit({
      people: reps((k) => ({ attainment: [50, 50, 50, 50], actions: [{ date: k >= 145 ? '2025-01-10' : '2026-07-01', action: 'improvement_plan' }] })),
    } as Org);
    const s = summary(stalled, 'manage-not-pay-cut', 'stalled');
    expect(s.people!.named.slice(0, 5)).toEqual(['AE 146', 'AE 147', 'AE 148', 'AE 149', 'AE 150']);
    const low = audit({ people: reps((k) => ({ attainment: k >= 145 ? [20, 20, 20, 20] : [60, 60, 60, 60], actions: [] })) } as Org);
    const l = summary(low, 'manage-not-pay-cut', 'lowAttainment');
    expect(l.people!.named.slice(0, 5)).toEqual(['AE 146', 'AE 147', 'AE 148', 'AE 149', 'AE 150']);
  });
});
