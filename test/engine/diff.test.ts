// The comparison of two audits (src/engine/diff.ts) on pairs built from the
// bundled examples with known changes. Every expected figure is computed from
// the two reports themselves, never pinned: the rules' numbers move.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffAudits, factChanges, regressionFailures, type DiffSide } from '../../src/engine/diff';
import { findingId, identities, stablePath } from '../../src/engine/identity';
import type { Org } from '../../src/model/schema';
import { parseReport } from '../../src/cli/diff-input';
import { MARKDOWN_LIMIT } from '../../src/report/lint';
import { renderDiffMarkdown, renderDiffText } from '../../src/report/diff';
import { ROOT } from '../report/helpers';
import { side as sideOf } from '../helpers/diff-forms';

const DATE = '2026-11-27';
const EXAMPLE = readFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, 'utf8');

const side = (text: string, label: string) => sideOf(text, label, DATE);

/** The example with its YAML edited: `edit` gets the document (comments and all). */
function edited(edit: (doc: ReturnType<typeof parseDocument>) => void, opts: { indent?: number } = {}): string {
  const doc = parseDocument(EXAMPLE);
  edit(doc);
  return doc.toString({ indent: opts.indent ?? 2 });
}

const activeIds = (s: DiffSide) => s.report.findings.filter((f) => !f.note && !f.suppressed).map((f) => f.id);

describe('identity', () => {
  it('names list items by label, tells duplicates apart, keeps plain lists by position', () => {
    const org = { people: [{ name: 'AE 1', attainment: [50, 60] }, { name: 'AE 2' }, { name: 'AE 1' }, { title: undefined }] } as unknown as Org;
    expect(stablePath('people[0].attainment[1]', org)).toBe('people["AE 1"].attainment[1]');
    expect(stablePath('people[2].selling_time_pct', org)).toBe('people["AE 1"#2].selling_time_pct');
    expect(stablePath('people[3].name', org)).toBe('people[3].name');
  });

  it('one audit reads each list once (identities): the same ids as one path at a time, duplicates, gaps and all', () => {
    // Labels repeat, some items have none, some paths run past the list's end.
    const people = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? { quota: i } : { name: i % 5 === 0 ? 'AE dup' : `AE ${i % 11}`, attainment: [i] }));
    const org = { people, team: { people } } as unknown as Org;
    const paths = [...people.keys(), 60, 75].flatMap((i) => [`people[${i}].attainment[0]`, `team.people[${i}].name`, `people[${i}]`]);
    const naive = (path: string) => {
      // The definition, item by item: the label, and its count among the items before.
      const m = /^(.*?)\[(\d+)\](.*)$/.exec(path.replace(/^team\./, ''))!;
      const i = Number(m[2]);
      const label = people[i] && 'name' in people[i]! ? (people[i] as { name: string }).name : undefined;
      const nth = people.slice(0, i + 1).filter((p) => 'name' in p && p.name === label).length;
      const seg = label === undefined ? `[${i}]` : `[${JSON.stringify(label)}${nth > 1 ? `#${nth}` : ''}]`;
      return `${path.startsWith('team.') ? 'team.' : ''}${m[1]}${seg}${m[3]}`;
    };
    const ids = identities(org);
    for (const p of paths) {
      expect(stablePath(p, org), p).toBe(naive(p));
      expect(ids.findingId('r', 'm', [p, p]), p).toBe(`r/m/${naive(p)}`);
      expect(ids.checklistId('r', 's', [p]), p).toBe(findingId('r', 's', [p], org));
    }
    // `people[]` (each person) keeps its index as the path parser gives it.
    expect(ids.findingId('r', 'm', ['people[].attainment'])).toBe('r/m/people[-1].attainment');
    expect(ids.findingId('r', 'm', ['people[15].attainment[0]', 'people[0].attainment[0]'])).toBe('r/m/people["AE dup"#3].attainment[0]+people["AE dup"].attainment[0]');
  });

  it('every active finding of the example has a distinct id naming its rule', async () => {
    const s = await side(EXAMPLE, 'a.yaml');
    const ids = activeIds(s);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of s.report.findings) expect(f.id.startsWith(`${f.ruleId}/${f.messageId}`)).toBe(true);
    for (const c of s.report.checklist) expect(c.id.startsWith(`${c.ruleId}/${c.stepId}`)).toBe(true);
  });
});

describe('diff on pairs built from the bundled examples', () => {
  it('an org against itself: nothing changed', async () => {
    const a = await side(EXAMPLE, 'a.yaml');
    const d = diffAudits(a, await side(EXAMPLE, 'b.yaml'));
    expect(d.score).toEqual({ before: a.report.summary.score, after: a.report.summary.score, delta: 0 });
    expect(d.findings.resolved).toEqual([]);
    expect(d.findings.new).toEqual([]);
    expect(d.findings.open).toHaveLength(activeIds(a).length);
    expect(d.findings.open.filter((f) => f.was)).toEqual([]);
    expect(d.checklist).toEqual({ done: [], noLongerAssessed: [], new: [] });
    expect(d.facts).toEqual({ changed: [], renamed: [] });
    expect(d.rules).toEqual([]);
  });

  it('reordering people and stages, and reformatting the file, changes nothing', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const text = edited(
      (doc) => {
        for (const path of [['people'], ['process', 'stages'], ['roles']]) {
          const seq = doc.getIn(path) as { items: unknown[] };
          seq.items.reverse();
        }
      },
      { indent: 4 },
    );
    expect(text).not.toBe(EXAMPLE);
    const after = await side(text, 'b.yaml');
    // The lines moved, and the positions in the file with them.
    expect(after.report.findings.map((f) => f.evidence[0]?.line)).not.toEqual(before.report.findings.map((f) => f.evidence[0]?.line));
    const d = diffAudits(before, after);
    expect(d.score.delta).toBe(0);
    expect(d.coverage.delta).toBe(0);
    expect(d.categories.every((c) => c.score.delta === 0)).toBe(true);
    expect(d.findings.resolved).toEqual([]);
    expect(d.findings.new).toEqual([]);
    expect(d.checklist).toEqual({ done: [], noLongerAssessed: [], new: [] });
    expect(d.facts?.changed).toEqual([]);
  });

  it("raising one rep's selling time above the bar resolves that finding, and the deltas are the reports' own", async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(EXAMPLE.replace('selling_time_pct: 41', 'selling_time_pct: 50'), 'b.yaml');
    const d = diffAudits(before, after);
    expect(d.score).toEqual({ before: before.report.summary.score, after: after.report.summary.score, delta: after.report.summary.score! - before.report.summary.score! });
    const enablement = (s: DiffSide) => s.report.categories.find((c) => c.id === 'enablement')!.score!;
    expect(d.categories.find((c) => c.id === 'enablement')!.score.delta).toBe(enablement(after) - enablement(before));
    expect(d.findings.resolved.map((f) => f.id)).toEqual(['selling-time/repMiddle/people["AE 1"].selling_time_pct']);
    expect(d.findings.new).toEqual([]);
    expect(d.findings.open).toHaveLength(activeIds(before).length - 1);
    expect(d.facts).toEqual({ changed: [{ path: 'people["AE 1"].selling_time_pct', before: 41, after: 50 }], renamed: [] });
    expect(d.regression.scoreFell).toBe(false);
  });

  it('a figure that moves the wrong way within a finding keeps it, as worse, and says what it said before', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(EXAMPLE.replace('selling_time_pct: 38', 'selling_time_pct: 20'), 'b.yaml');
    const d = diffAudits(before, after);
    expect(d.findings.resolved).toEqual([]);
    expect(d.findings.new).toEqual([]);
    expect(d.findings.open.filter((f) => f.was)).toEqual([]);
    const moved = d.findings.worse;
    expect(moved).toHaveLength(1);
    expect(moved[0]!.message).toContain('AE 2 spends 20%');
    expect(moved[0]!.was!.message).toContain('AE 2 spends 38%');
    expect(d.regression.scoreFell).toBe(after.report.summary.score! < before.report.summary.score!);
  });

  it('renaming a person is one resolved and one new finding per finding about them, said as such', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(EXAMPLE.replace('- name: AE 1\n', '- name: AE 9\n'), 'b.yaml');
    const about = (s: DiffSide, name: string) => s.report.findings.filter((f) => !f.note && !f.suppressed && f.id.includes(`["${name}"]`));
    // A team finding (its evidence spans several people) is the same problem under the new name: still open.
    const persons = (f: DiffSide['report']['findings'][number]) => new Set(f.evidence.map((e) => /^people\[(\d+)\]/.exec(e.path)?.[1]).filter(Boolean)).size;
    const old = about(before, 'AE 1').filter((f) => persons(f) <= 1);
    expect(old.length).toBeGreaterThan(0);
    const d = diffAudits(before, after);
    expect(d.score.delta).toBe(0);
    expect(d.findings.resolved.map((f) => f.id).sort()).toEqual(old.map((f) => f.id).sort());
    // An id's subjects are sorted (so reordering changes nothing): the renamed subject takes its sorted place.
    const renamed = (id: string) => {
      const [rule, message, subjects] = id.split('/');
      return `${rule}/${message}/${subjects!.replace('["AE 1"]', '["AE 9"]').split('+').sort().join('+')}`;
    };
    expect(d.findings.new.map((f) => f.id).sort()).toEqual(old.map((f) => renamed(f.id)).sort());
    expect(d.facts?.renamed).toEqual([{ list: 'people', from: 'AE 1', to: 'AE 9' }]);
    const text = renderDiffText(d, { color: false });
    expect(text).toContain(`Findings: ${old.length} resolved, ${old.length} new`);
    expect(text).toContain('people: "AE 1" was renamed "AE 9": findings about "AE 1" show as resolved and the same findings about "AE 9" as new');
  });

  it('a JSON report read back compares the same as the audit it came from (facts aside)', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(EXAMPLE.replace('selling_time_pct: 41', 'selling_time_pct: 50'), 'b.yaml');
    const fromJson = { report: parseReport(JSON.stringify(before.report), 'a.json'), label: 'a.yaml' };
    const d1 = diffAudits(before, after);
    const d2 = diffAudits(fromJson, after);
    expect({ ...d2, facts: d1.facts }).toEqual(d1);
    expect(d2.facts).toBeNull();
    expect(renderDiffText(d2, { color: false })).toContain('Facts: not compared (a JSON report holds no facts');
  });

  it('a JSON report of another kind or version is refused with one line naming the file', () => {
    expect(() => parseReport('{"a":', 'x.json')).toThrow(/^x\.json:1:\d+: invalid JSON; expected a sales-audit JSON report/);
    expect(() => parseReport('{"schemaVersion": 2, "tool": {"name": "sales-audit"}, "files": []}', 'lint.json')).toThrow(/x?lint\.json:1:1: expected a sales-audit JSON report/);
    expect(() => parseReport('{"schemaVersion": 1, "tool": {"name": "sales-audit"}, "summary": {}, "findings": [], "checklist": []}', 'old.json')).toThrow(
      /old\.json:1:1: schemaVersion 1 is not supported; expected 2/,
    );
  });

  it('the regression gate: a lower score, or a new finding at or above the severity', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const worse = await side(EXAMPLE.replace(/selling_time_pct: \d+/g, 'selling_time_pct: 10'), 'b.yaml');
    const d = diffAudits(before, worse);
    const fresh = d.findings.new;
    expect(fresh.length).toBeGreaterThan(0);
    expect(d.regression.scoreFell).toBe(true);
    const failures = regressionFailures(d, 'low', 'main');
    expect(failures.map((f) => f.message)).toEqual([
      `the score fell from ${before.report.summary.score} to ${worse.report.summary.score} since main`,
      `${fresh.length} new finding${fresh.length === 1 ? '' : 's'} at or above low since main`,
      ...(d.findings.worse.length ? [`${d.findings.worse.length} finding${d.findings.worse.length === 1 ? '' : 's'} at or above low got worse since main`] : []),
    ]);
    expect(d.findings.worse.length).toBeGreaterThan(0);
    expect(regressionFailures(diffAudits(before, before), 'low', 'main')).toEqual([]);
  });

  it('facts: added, removed and changed by stable path; the answers log is not a fact', () => {
    const a = { company: { name: 'A', employees: 5 }, people: [{ name: 'X', is_rep: true }], answers: { 'company.name': { by: 'Q' } } } as unknown as Org;
    const b = { company: { name: 'A', sales_motion: 'transactional' }, people: [{ name: 'X', is_rep: false }] } as unknown as Org;
    expect(factChanges(a, b).changed).toEqual([
      { path: 'company.employees', before: 5 },
      { path: 'company.sales_motion', after: 'transactional' },
      { path: 'people["X"].is_rep', before: true, after: false },
    ]);
  });

  it('the markdown stays under the limit of a PR comment however much changed', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(EXAMPLE, 'b.yaml');
    const d = diffAudits(before, after);
    // Thousands of resolved findings with long messages.
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...d.findings.open[0]!, id: `x/${i}`, message: `A long message ${'x'.repeat(80)} ${i}` }));
    const big = { ...d, findings: { ...d.findings, resolved: many } };
    const text = renderDiffMarkdown(big, { maxChars: MARKDOWN_LIMIT });
    expect(text.length).toBeLessThan(65_536);
    expect(text).toMatch(/- … and \d+ more \(see the full report\)/);
  });
});

describe('diff: the same problem is the same across a summary threshold and a growing team (review item 5)', async () => {
  const { repeated } = await import('../helpers/repeated');
  const { SUMMARISE_OVER } = await import('../../src/engine/summarise');
  // mid-size-gaps repeated: AE 1 to AE 4 "spend 35-45% selling"; find the roster size where that crosses the threshold.
  const count = (s: DiffSide) => s.report.findings.filter((f) => f.ruleId === 'selling-time' && f.messageId === 'repMiddle').length;

  it('one more person turns per-person findings into a summary: nothing resolved, nothing new, no regression', async () => {
    // The roster size where one more person (an AE, who spends 35-45% selling) crosses it.
    let n = 220;
    let before = await side(repeated(n), 'before.yaml');
    let after = await side(repeated(n + 1), 'after.yaml');
    while (!(count(before) === SUMMARISE_OVER && after.report.findings.some((f) => f.people && f.messageId === 'repMiddle'))) {
      before = after;
      after = await side(repeated(++n + 1), 'after.yaml');
    }
    // The premise: per person before, one summary after.
    expect(before.report.findings.some((f) => f.people && f.messageId === 'repMiddle')).toBe(false);
    expect(count(before)).toBe(SUMMARISE_OVER);
    const d = diffAudits(before, after);
    expect(d.findings.resolved.filter((f) => f.messageId === 'repMiddle')).toEqual([]);
    expect(d.findings.new.filter((f) => f.messageId === 'repMiddle')).toEqual([]);
    expect(d.findings.open.filter((f) => f.messageId === 'repMiddle')).toHaveLength(1);
    expect(d.checklist.done.filter((c) => c.ruleId === 'selling-time')).toEqual([]);
    expect(d.checklist.new.filter((c) => c.ruleId === 'selling-time')).toEqual([]);
    expect(d.findings.new.map((f) => f.id)).toEqual([]);
    expect(regressionFailures(d, 'high', 'before.yaml')).toEqual([]);
    // And back: the summary resolves nothing when the roster shrinks under the threshold.
    const back = diffAudits(after, before);
    expect(back.findings.resolved.filter((f) => f.messageId === 'repMiddle')).toEqual([]);
    expect(back.findings.new).toEqual([]);
  });

  it("a team finding whose id joins every rep is still open when a rep joins; the new rep's own finding is new", async () => {
    const before = await side(repeated(8), 'before.yaml');
    const after = await side(repeated(9), 'after.yaml');
    const team = (s: DiffSide) => s.report.findings.filter((f) => f.ruleId === 'metrics-accountability' && f.messageId === 'teamBelowQuota');
    // The premise: the team finding's identity changes with the roster.
    expect(team(before), before.report.findings.map((f) => f.id).join('\n')).toHaveLength(1);
    expect(team(after)[0]!.id).not.toBe(team(before)[0]!.id);
    const d = diffAudits(before, after);
    expect(d.findings.resolved).toEqual([]);
    expect(d.findings.open.filter((f) => f.messageId === 'teamBelowQuota')).toHaveLength(1);
    expect(d.findings.new.map((f) => f.messageId)).not.toContain('teamBelowQuota');
    expect(d.checklist.done).toEqual([]);
  });
});
