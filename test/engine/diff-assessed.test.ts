// A finding that leaves the audit because the audit can no longer judge it is
// not "resolved", and one that appears because a fact became known is not a
// regression ("new"): diff keeps these apart in every place a comparison is
// shown (diff's formats, audit --baseline's, lint --baseline's). The pairs are
// the bundled mid-size example and the same file with `people: []`, each way.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { diffAudits, regressionFailures, type DiffSide } from '../../src/engine/diff';
import { runAudit } from '../../src/engine/run';
import { loadOrgText } from '../../src/load/load';
import { parseReport } from '../../src/cli/diff-input';
import { DIFF_FORMATS } from '../../src/report/formats-diff';
import { LINT_FORMATS } from '../../src/report/lint';
import { ROOT } from '../report/helpers';
import { DIFF_DATE as DATE, editedMidSize as edited, everyForm, MID_SIZE as EXAMPLE, sideOn as side } from '../helpers/diff-forms';

/** The example with its roster emptied: the rules that judge reps can no longer judge them. */
const NO_ROSTER = edited((doc) => doc.set('people', doc.createNode([])));
/** The rules whose per-rep findings leave with the roster. */
const ROSTER_RULES = ['individual-coaching', 'manage-not-pay-cut', 'selling-time', 'metrics-accountability'];

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe('diff: no longer assessed is not resolved', () => {
  it('emptying the roster: the per-rep findings are no longer assessed (facts unknown), none resolved, no fix item done', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(NO_ROSTER, 'b.yaml');
    const d = diffAudits(before, after);
    const f = d.findings;
    expect(f.noLongerAssessed.length).toBeGreaterThan(5);
    expect([...new Set(f.noLongerAssessed.map((x) => x.ruleId))].sort()).toEqual([...ROSTER_RULES].sort());
    // `people: []` beside the span and the plan is a contradiction: the reason says so (verdict follow-ups 3, item 2).
    for (const x of f.noLongerAssessed) expect([x.reason, x.contradiction?.fact]).toEqual(['contradicted', 'the people in sales']);
    expect(f.resolved.filter((x) => ROSTER_RULES.includes(x.ruleId))).toEqual([]);
    // Every active finding of before is accounted for exactly once.
    const beforeActive = before.report.findings.filter((x) => !x.note && !x.suppressed).length;
    expect(f.resolved.length + f.noLongerAssessed.length + f.waived.length + f.worse.length + f.open.length).toBe(beforeActive);
    // The fix items of the rules that lost the roster are not done.
    expect(d.checklist.done.filter((c) => ROSTER_RULES.includes(c.ruleId))).toEqual([]);
    expect(d.checklist.noLongerAssessed.length).toBeGreaterThan(0);
    // What the empty roster says about the file itself (it contradicts the span of control) is new: a real problem of the file.
    expect(f.new.some((x) => x.ruleId === 'individual-coaching')).toBe(true);
    expect(f.newlyAssessed).toEqual([]);
  });

  it('the other way: the per-rep findings are newly assessed, not new, and the regression gate does not count them', async () => {
    const before = await side(NO_ROSTER, 'b.yaml');
    const after = await side(EXAMPLE, 'a.yaml');
    const d = diffAudits(before, after);
    const back = diffAudits(after, before);
    expect(ids(d.findings.newlyAssessed)).toEqual(ids(back.findings.noLongerAssessed));
    for (const x of d.findings.newlyAssessed) expect([x.reason, x.contradiction?.fact]).toEqual(['contradicted', 'the people in sales']);
    expect(d.findings.new).toEqual([]);
    expect(Object.values(d.regression.newFindings).reduce((a, b) => a + b, 0)).toBe(0);
    expect(regressionFailures(d, 'low', 'main')).toEqual([]);
    // Listing the roster settles the contradiction: that finding is resolved.
    expect(ids(d.findings.resolved)).toEqual(ids(back.findings.new));
  });

  it('one fact made unknown: its finding is no longer assessed; a fact that improved is still resolved beside it', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    // AE 1 sells more (resolved); AE 2's coaching hours become "don't know" (no longer assessed).
    const ae2 = EXAMPLE.indexOf('hours_per_month: 2', EXAMPLE.indexOf('name: AE 2'));
    const text = `${EXAMPLE.slice(0, ae2)}hours_per_month: unknown${EXAMPLE.slice(ae2 + 'hours_per_month: 2'.length)}`.replace('selling_time_pct: 41', 'selling_time_pct: 60');
    const after = await side(text, 'b.yaml');
    const d = diffAudits(before, after);
    expect(ids(d.findings.resolved)).toEqual(['selling-time/repMiddle/people["AE 1"].selling_time_pct']);
    expect(d.findings.noLongerAssessed.map((x) => [x.ruleId, x.reason, x.message])).toEqual([['individual-coaching', 'unknown', expect.stringMatching(/^AE 2 gets 2 hours of coaching/)]]);
    expect(d.checklist.done).toEqual([]);
    expect(d.checklist.noLongerAssessed.map((c) => c.action)).toEqual([expect.stringMatching(/^Give AE 2 at least 3 hours of coaching/)]);
    // The same from JSON reports (no org: list items by position, the order being the same).
    const json = (s: DiffSide) => ({ report: parseReport(JSON.stringify(s.report), `${s.label}.json`), label: s.label });
    const dj = diffAudits(json(before), json(after));
    expect(ids(dj.findings.resolved)).toEqual(ids(d.findings.resolved));
    expect(ids(dj.findings.noLongerAssessed)).toEqual(ids(d.findings.noLongerAssessed));
  });

  it('a waiver added: its findings are waived, not resolved; the waiver lifted: newly assessed (reason waived), not new', async () => {
    const plain = await side(EXAMPLE, 'a.yaml');
    const waived = await side(
      edited((doc) => doc.addIn(['waivers'], doc.createNode({ rule: 'selling-time', reason: 'The reps’ week is being re-planned.', owner: 'Sales Director', expires: '2027-06-30' }))),
      'w.yaml',
    );
    const d = diffAudits(plain, waived);
    const selling = plain.report.findings.filter((x) => x.ruleId === 'selling-time' && !x.note && !x.suppressed);
    expect(selling.length).toBeGreaterThan(0);
    expect(ids(d.findings.waived)).toEqual(ids(selling));
    expect(d.findings.resolved).toEqual([]);
    expect(d.checklist.done.filter((c) => c.ruleId === 'selling-time')).toEqual([]);
    expect(d.checklist.noLongerAssessed.filter((c) => c.ruleId === 'selling-time').every((c) => c.reason === 'waived')).toBe(true);
    const lifted = diffAudits(waived, plain);
    expect(ids(lifted.findings.newlyAssessed)).toEqual(ids(selling));
    for (const x of lifted.findings.newlyAssessed) expect(x.reason).toBe('waived');
    expect(lifted.findings.new).toEqual([]);
  });

  it('a rule turned off in the config: its findings are no longer assessed (off), not resolved', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const loaded = await loadOrgText(EXAMPLE, 'b.yaml', { baseDir: `${ROOT}templates/examples` });
    if (!loaded.ok) throw new Error('example does not load');
    const l = loaded.value;
    const off = runAudit({ org: l.org, date: DATE, rules, file: 'b.yaml', locate: (p) => l.positions.locate(p), unknowns: l.unknowns, settings: { 'selling-time': { enabled: false } } });
    expect(off.rules.find((r) => r.id === 'selling-time')!.status).toBe('off');
    const d = diffAudits(before, { report: off, org: l.org, label: 'b.yaml' });
    expect(d.findings.resolved).toEqual([]);
    expect(d.findings.noLongerAssessed.length).toBeGreaterThan(0);
    for (const x of d.findings.noLongerAssessed) expect([x.ruleId, x.reason]).toEqual(['selling-time', 'off']);
  });
});

describe('diff: every format says "no longer assessed" and "newly assessed", never "resolved" or "new" for them', () => {
  it('the roster emptied: each form counts them as no longer assessed and none as resolved', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(NO_ROSTER, 'b.yaml');
    const d = diffAudits(before, after);
    const n = d.findings.noLongerAssessed.length;
    expect(d.findings.resolved).toHaveLength(0);
    const forms = await everyForm(d, after.report);
    expect(forms.map((x) => x.where)).toHaveLength(DIFF_FORMATS.length + 4 + LINT_FORMATS.length);
    for (const { where, text } of forms) {
      if (where.includes('json')) {
        const j = JSON.parse(text);
        const diff = j.findings?.noLongerAssessed ? j : (j.since ?? j.files[0].baseline.diff);
        expect(diff.findings.noLongerAssessed, where).toHaveLength(n);
        expect(diff.findings.resolved, where).toHaveLength(0);
      } else if (where.endsWith('sarif')) {
        expect(text, where).toMatch(new RegExp(`"findingsNoLongerAssessed":\\s*${n}\\b`));
        expect(text, where).toMatch(/"findingsResolved":\s*0/);
      } else if (where.endsWith('junit')) {
        expect(text, where).toContain(`<property name="findingsNoLongerAssessed" value="${n}"/>`);
        expect(text, where).toContain('<property name="findingsResolved" value="0"/>');
      } else {
        expect(text, where).toContain(`${n} no longer assessed`);
        expect(text, where).toMatch(/\b0 (findings )?resolved\b/);
        // No finding of the rules that lost the roster is shown as resolved.
        expect(text, where).not.toMatch(/✓ resolved .*individual-coaching|Resolved<\/span> <span class="sev">\w+<\/span> <code>individual-coaching|\(`individual-coaching`, resolved\)/);
      }
    }
  });

  it('the roster listed again: each form counts them as newly assessed and none as new', async () => {
    const before = await side(NO_ROSTER, 'b.yaml');
    const after = await side(EXAMPLE, 'a.yaml');
    const d = diffAudits(before, after);
    const n = d.findings.newlyAssessed.length;
    expect(n).toBeGreaterThan(5);
    expect(d.findings.new).toHaveLength(0);
    for (const { where, text } of await everyForm(d, after.report)) {
      if (where.includes('json')) {
        const j = JSON.parse(text);
        const diff = j.findings?.newlyAssessed ? j : (j.since ?? j.files[0].baseline.diff);
        expect(diff.findings.newlyAssessed, where).toHaveLength(n);
        expect(diff.findings.new, where).toHaveLength(0);
      } else if (where.endsWith('sarif')) {
        expect(text, where).toMatch(new RegExp(`"findingsNewlyAssessed":\\s*${n}\\b`));
        expect(text, where).toMatch(/"findingsNew":\s*0\b/);
      } else if (where.endsWith('junit')) {
        expect(text, where).toContain(`<property name="findingsNewlyAssessed" value="${n}"/>`);
        expect(text, where).toContain('<property name="findingsNew" value="0"/>');
      } else {
        expect(text, where).toContain(`${n} newly assessed`);
        expect(text, where).toMatch(/\b0 new\b/);
      }
    }
  });
});

describe('diff: a fact set aside as contradictory says so (verdict follow-ups 3, item 2)', () => {
  /** The mid-size example with its headcount cut under the sales team it lists (120 -> 5). */
  const SMALL_HEADCOUNT = edited((doc) => doc.setIn(['company', 'employees'], 5));
  const GONE =
    'not resolved: the file now contradicts itself: what it says of how many people work at the company conflicts with the span of control and the people in sales, so the facts it rested on count as unknown; see the contradiction finding';

  it('a headcount under the roster: the uniform-plan finding is no longer assessed, naming the contradiction, in every form (was "the facts it rested on are unknown now")', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(SMALL_HEADCOUNT, 'b.yaml');
    const d = diffAudits(before, after);
    expect(d.findings.noLongerAssessed.map((x) => [x.messageId, x.reason])).toEqual([['uniformPlan', 'contradicted']]);
    expect(d.findings.noLongerAssessed[0]!.contradiction).toEqual({
      fact: 'how many people work at the company',
      against: ['the span of control', 'the people in sales'],
    });
    expect(d.findings.resolved.map((x) => x.messageId)).not.toContain('uniformPlan');
    const forms = await everyForm(d, after.report);
    expect(forms.length).toBe(DIFF_FORMATS.length + 4 + LINT_FORMATS.length);
    for (const { where, text } of forms) {
      if (!text.includes('One commission plan applies everywhere')) continue;
      const flat = text
        .replace(/\\n/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/\\"/g, '"');
      if (where.includes('json')) expect(flat, where).toMatch(/"reason": ?"contradicted", ?"contradiction": ?\{ ?"fact": ?"how many people work at the company"/);
      else expect(flat, where).toContain(GONE);
      expect(flat, where).not.toContain('the facts it rested on are unknown now');
    }
    // At least the text, markdown and HTML forms name it.
    expect(forms.filter((x) => x.text.replace(/\s+/g, ' ').includes('the file now contradicts itself: what it says of how many people work at the company')).length).toBeGreaterThanOrEqual(4);
  });

  it('the other way: newly assessed, because the file contradicted itself before', async () => {
    const d = diffAudits(await side(SMALL_HEADCOUNT, 'b.yaml'), await side(EXAMPLE, 'a.yaml'));
    const x = d.findings.newlyAssessed.find((f) => f.messageId === 'uniformPlan')!;
    expect(x.reason).toBe('contradicted');
    const text = (await everyForm(d, (await side(EXAMPLE, 'a.yaml')).report))[0]!.text.replace(/\s+/g, ' ');
    expect(text).toContain('not a regression: the file contradicted itself before: what it said of how many people work at the company conflicted with the span of control');
  });

  it('a fact removed, with no contradiction, keeps "the facts it rested on are unknown now"', async () => {
    const after = await side(
      edited((doc) => doc.deleteIn(['company', 'employees'])),
      'b.yaml',
    );
    const d = diffAudits(await side(EXAMPLE, 'a.yaml'), after);
    expect(d.findings.noLongerAssessed.map((x) => [x.messageId, x.reason, x.contradiction])).toEqual([['uniformPlan', 'unknown', undefined]]);
    expect((await everyForm(d, after.report))[0]!.text).toContain('not resolved: the facts it rested on are unknown now');
  });
});
