// Issue 17 item 13: per-person findings are grouped in the report's data (one
// finding per rule and person, stating each fact), so every format shows the
// grouped form: the audit formats and the lint formats, walked one by one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupBySubject, subjectOf } from '../../src/engine/group';
import { cli, DATE, ROOT } from '../e2e/run';
import { AUDIT_FORMATS } from '../../src/report/index';
import { LINT_FORMATS } from '../../src/report/lint';
import { HEADLINES } from '../helpers/headlines';
import { reportOf } from './helpers';

const EXAMPLE = `${ROOT}templates/examples/struggling-startup.yaml`;
const GROUPED = 'AE 1: has no development plan; gets no coaching at all (full marks from 3 hours a month); has no regular one-to-one with their manager.';

describe('the report data', () => {
  it('one finding per rule and person, with every fact as evidence and each part kept', async () => {
    const r = await reportOf(EXAMPLE);
    const coaching = r.findings.filter((f) => f.ruleId === 'individual-coaching');
    const people = coaching.map((f) => subjectOf(f));
    expect(new Set(people).size).toBe(people.length);
    const ae1 = coaching.find((f) => f.message === GROUPED)!;
    expect(ae1.id).toBe('individual-coaching/noPlan+lowHours+noOneToOne/people["AE 1"].coaching.hours_per_month+people["AE 1"].coaching.one_to_one+people["AE 1"].coaching.plan');
    expect(ae1.evidence.map((e) => e.path)).toEqual(['people[2].coaching.plan', 'people[2].coaching.hours_per_month', 'people[2].coaching.one_to_one']);
    expect(ae1.parts!.map((p) => p.messageId)).toEqual(['noPlan', 'lowHours', 'noOneToOne']);
    // Scores come from checks, not findings: the headline is unchanged by the grouping.
    expect(r.summary.score).toBe(HEADLINES['struggling-startup'].score);
  });

  it('findings about the organisation, or about two people, or one note and one failure, stay apart', () => {
    const f = (messageId: string, paths: string[], note = false) => ({
      id: messageId,
      ruleId: 'r',
      messageId,
      message: `X ${messageId}.`,
      severity: 'high' as const,
      note,
      data: {},
      thresholds: [],
      evidence: paths.map((path) => ({ path, file: 'org.yaml', origin: 'file' as const })),
    });
    const org = { people: [{ name: 'X' }, { name: 'Y' }] };
    const out = groupBySubject([f('a', ['plan.covers']), f('b', ['plan.covers']), f('c', ['people[0].x', 'people[1].x']), f('d', ['people[0].y']), f('e', ['people[0].z'], true)], org as never);
    expect(out.map((x) => x.messageId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const merged = groupBySubject([f('d', ['people[0].y']), f('g', ['people[1].y']), f('e', ['people[0].z'])], org as never);
    expect(merged.map((x) => [x.messageId, x.message])).toEqual([
      ['d+e', 'X: d; e.'],
      ['g', 'X g.'],
    ]);
  });
});

// One rep whose coaching misses three ways, and little else: every format has room to show its finding
// (GitHub shows ten annotations per kind). The PDF is the HTML printed: test/browser/pdf-pages.test.ts.
const TINY = `version: 1
company: { name: Tiny }
people:
  - name: AE 1
    is_rep: true
    coaching:
      plan: none
      one_to_one: none
      hours_per_month: 0
`;

describe('every format shows the grouped form', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-grouped-'));
  const org = join(dir, 'org.yaml');
  writeFileSync(org, TINY);
  // Text and Markdown wrap long lines; JSON and SARIF escape nothing in this message.
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const once = (out: string) => flat(out).split(GROUPED).length - 1;

  // The CSV is the checklist (actions, one per step), not the findings.
  it.each(AUDIT_FORMATS.filter((f) => f !== 'pdf' && f !== 'csv'))('audit --format %s', (format) => {
    const r = cli(['audit', org, '--date', DATE, '--format', format]);
    expect(once(r.stdout)).toBeGreaterThanOrEqual(1);
    // The JSON keeps each part as the rule stated it (parts[]); no other format shows the parts apart.
    if (format === 'json') expect(JSON.parse(r.stdout).findings.find((f: { message: string }) => f.message === GROUPED).parts).toHaveLength(3);
    else expect(flat(r.stdout)).not.toContain('AE 1 has no development plan');
  });

  it.each(LINT_FORMATS)('lint --format %s', (format) => {
    const r = cli(['lint', org, '--date', DATE, '--format', format]);
    expect(once(r.stdout)).toBeGreaterThanOrEqual(1);
    if (format !== 'json') expect(flat(r.stdout)).not.toContain('AE 1 has no development plan');
  });
});
