// Review 7: a finding merged with another about the same person is still
// open, not resolved plus newly assessed; an open finding whose severity rose
// or whose figure moved the wrong way is "worse", a regression, in every form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffAudits, regressionFailures, type AuditDiff } from '../../src/engine/diff';
import { renderDiff } from '../../src/report/diff';
import { ROOT } from '../report/helpers';
import { side as sideOf, everyForm } from '../helpers/diff-forms';

const DATE = '2026-11-27';
const EXAMPLE = readFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, 'utf8');

const side = (text: string, label: string) => sideOf(text, label, DATE);

const ruleOf = (d: AuditDiff, id: string) => d.findings.open.concat(d.findings.worse).find((f) => f.ruleId === id && f.id.includes('AE 4'));

describe('diff: a finding still there is never resolved; a worse one is a regression (review 7 items 1, 2, 4)', () => {
  it("AE 4's coaching hours unknown -> 0: the no-plan finding merged with the hours one is still open, with what it said before", async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(EXAMPLE.replace('hours_per_month: unknown', 'hours_per_month: 0'), 'b.yaml');
    const d = diffAudits(before, after);
    expect(d.findings.resolved).toEqual([]);
    const merged = ruleOf(d, 'individual-coaching')!;
    expect(merged.message).toContain('has no development plan; gets no coaching at all');
    expect(merged.was!.message).toBe('AE 4 has no development plan.');
    expect(d.findings.newlyAssessed.some((f) => f.id === merged.id)).toBe(false);
    for (const { where, text } of await everyForm(d, after.report)) {
      if (where.includes('json')) {
        const j = JSON.parse(text);
        const diff = j.findings?.resolved ? j : (j.since ?? j.files[0].baseline.diff);
        expect(diff.findings.resolved, where).toHaveLength(0);
      } else if (where.endsWith('sarif')) expect(text, where).toMatch(/"findingsResolved":\s*0\b/);
      else if (where.endsWith('junit')) expect(text, where).toContain('<property name="findingsResolved" value="0"/>');
      else {
        expect(text, where).toMatch(/\b0 (findings )?resolved\b/);
        expect(text, where).not.toMatch(/resolved.*AE 4 has no development plan/i);
      }
    }
    // The text's class labels line up, and a gain that rounds to nothing is not shown as +0.0.
    const text = await renderDiff('text', d, { color: false });
    const rows = text.split('\n').filter((l) => /^ {2}[✓?~+!\-·] \S/.test(l) && / (critical|high|medium|low) /.test(l));
    expect(new Set(rows.map((l) => l.search(/ (critical|high|medium|low) /))).size).toBe(1);
    expect(text).not.toContain('+0.0');
  });

  it("AE 1's selling time 41% -> 30%: worse (not open, not new), a regression in every form and in the gate", async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(EXAMPLE.replace('selling_time_pct: 41', 'selling_time_pct: 30'), 'b.yaml');
    const d = diffAudits(before, after);
    expect(d.findings.worse.map((f) => f.id)).toEqual(['selling-time/repLow/people["AE 1"].selling_time_pct']);
    expect(d.findings.worse[0]!.was!.message).toContain('41%');
    expect(d.findings.open.some((f) => f.was)).toBe(false);
    expect(d.regression.worseFindings.high).toBe(1);
    expect(regressionFailures(d, 'high', 'main').map((x) => x.message)).toContain('1 finding at or above high got worse since main');
    expect(regressionFailures(d, 'critical', 'main').some((x) => x.message.includes('worse'))).toBe(false);
    for (const { where, text } of await everyForm(d, after.report)) {
      if (where.includes('json')) {
        const j = JSON.parse(text);
        const diff = j.findings?.worse ? j : (j.since ?? j.files[0].baseline.diff);
        expect(diff.findings.worse, where).toHaveLength(1);
      } else if (where.endsWith('sarif')) {
        expect(text, where).toMatch(/"findingsWorse":\s*1\b/);
        expect(text, where).toMatch(/"baselineState":\s*"updated"/);
      } else if (where.endsWith('junit')) {
        expect(text, where).toContain('<property name="findingsWorse" value="1"/>');
        expect(text, where).toMatch(/<system-out>Since main: .*findings: 0 resolved, 0 new, 1 worse, \d+ still open, 0 no longer assessed, 0 waived, 0 newly assessed\.<\/system-out>/);
      } else expect(text, where).toContain('1 worse');
    }
  });

  it('the CRM finding medium -> high is worse; an unchanged finding stays still open', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(EXAMPLE.replace('crm_active_use_pct: 70', 'crm_active_use_pct: 40'), 'b.yaml');
    const d = diffAudits(before, after);
    const crm = d.findings.worse.find((f) => f.ruleId === 'sales-tools');
    expect(crm?.was).toBeDefined();
    const same = diffAudits(before, await side(EXAMPLE, 'c.yaml'));
    expect(same.findings.worse).toEqual([]);
  });
});
