// A checklist item is done only when the finding it fixes was resolved: a step
// often cites fewer facts than its finding (the uniform plan's step rests on
// the plan, its finding on the headcount too), so an item whose finding was set
// aside (its facts contradicted or unknown now, its rule no longer judging) is
// "gone but not done" in every form, with the true reason (review 8: S3, M5,
// C3, C4). Also: the contradiction reads as one sentence, and a removed list
// item is one fact change.
import { describe, expect, it } from 'vitest';
import { diffAudits, type AuditDiff, type DiffSide } from '../../src/engine/diff';
import { notDone } from '../../src/report/diff';
import { editedMidSize as edited, everyForm, MID_SIZE as EXAMPLE, sideOn as side } from '../helpers/diff-forms';

/** The example without the people named (by position in `people`, last first so the positions hold). */
const withoutPeople = (...names: string[]) =>
  edited((doc) => {
    const people = (doc.toJS() as { people: { name: string }[] }).people;
    const at = names.map((n) => people.findIndex((p) => p.name === n)).sort((a, b) => b - a);
    for (const i of at) doc.deleteIn(['people', i]);
  });

/** The headcount cut under the sales team (the reviewer's e1.yaml). */
const SMALL_HEADCOUNT = edited((doc) => doc.setIn(['company', 'employees'], 5));
/** The headcount cut and the roster emptied beside filled roles (the reviewer's e4.yaml). */
const SMALL_AND_EMPTY = edited((doc) => {
  doc.setIn(['company', 'employees'], 5);
  doc.set('people', doc.createNode([]));
});
/** Each edit that sets facts aside, and one that only improves (the plan varies now). */
const EDITS: [string, string][] = [
  ['headcount under the roster', SMALL_HEADCOUNT],
  ['headcount cut and roster emptied', SMALL_AND_EMPTY],
  ['roster emptied', edited((doc) => doc.set('people', doc.createNode([])))],
  ['headcount removed', edited((doc) => doc.deleteIn(['company', 'employees']))],
  ['AE 3 and AE 4 removed', withoutPeople('AE 3', 'AE 4')],
  ['the plan varies now', edited((doc) => doc.setIn(['compensation', 'varies_by_objective'], true))],
];

/** Flattened for matching across forms (JSON escapes, HTML entities, wrapped lines). */
const flat = (text: string) =>
  text
    .replace(/\\n/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\\"/g, '"');

describe('diff: an item is done only when its findings were resolved (S3)', () => {
  it('headcount under the roster: "Set plan variations" is gone but not done, with the contradiction, in every form', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const after = await side(SMALL_HEADCOUNT, 'b.yaml');
    const d = diffAudits(before, after);
    expect(d.checklist.done).toEqual([]);
    const item = d.checklist.noLongerAssessed.find((i) => i.action.startsWith('Set plan variations'))!;
    // The id is unchanged: the item is the same one the earlier audit listed.
    expect(item.id).toBe('comp-balances-client-value/varyPlan/compensation.varies_by_objective');
    expect(before.report.checklist.map((c) => c.id)).toContain(item.id);
    expect([item.reason, item.contradiction]).toEqual(['contradicted', { fact: 'how many people work at the company', against: ['the span of control', 'the people in sales'] }]);
    const forms = await everyForm(d, after.report);
    for (const { where, text } of forms) {
      const t = flat(text);
      expect(t, where).not.toMatch(/\[x\] Set plan variations|Checklist done \(1\)|Checklist: 1 done|<li class="df df-done">/);
      if (where.includes('json')) {
        if (!t.includes('"checklist"')) continue;
        expect(t, where).toMatch(/"done": ?\[\]/);
        expect(t, where).toMatch(/"noLongerAssessed": ?\[ ?\{ ?"id": ?"comp-balances-client-value\/varyPlan\/compensation.varies_by_objective".*"reason": ?"contradicted"/);
      } else if (t.includes('not done:'))
        expect(t, where).toContain(
          'not done: the file now contradicts itself: what it says of how many people work at the company conflicts with the span of control and the people in sales, so the facts it was about count as unknown; see the contradiction finding',
        );
    }
    // At least the text, markdown, HTML (diff and --baseline) and lint's markdown show the item.
    expect(forms.filter((x) => !x.where.includes('json') && flat(x.text).includes('not done: the file now contradicts itself')).length).toBeGreaterThanOrEqual(5);
  });

  it('the kind, over every edit: no done item has a finding of its rule that shares one of its facts and went unresolved', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const byId = new Map(before.report.findings.map((f) => [f.id, f]));
    const items = new Map(before.report.checklist.map((c) => [c.id, c]));
    let checked = 0;
    for (const [name, text] of EDITS) {
      const d: AuditDiff = diffAudits(before, await side(text, 'b.yaml'));
      const setAside = [...d.findings.noLongerAssessed, ...d.findings.waived].map((x) => byId.get(x.id)!);
      for (const done of d.checklist.done) {
        const facts = new Set(items.get(done.id)!.evidence.map((e) => e.path));
        const blocking = setAside.filter((f) => f.ruleId === done.ruleId && f.evidence.some((e) => facts.has(e.path)));
        expect(
          blocking.map((f) => f.id),
          `${name}: ${done.id}`,
        ).toEqual([]);
        checked++;
      }
      // An item gone but not done always says why.
      for (const i of d.checklist.noLongerAssessed) expect(i.reason, `${name}: ${i.id}`).toBeDefined();
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a real fix is still done: the plan varies now, so "Set plan variations" is done and its finding resolved', async () => {
    const d = diffAudits(await side(EXAMPLE, 'a.yaml'), await side(EDITS[5]![1], 'b.yaml'));
    expect(d.findings.resolved.map((x) => x.messageId)).toContain('uniformPlan');
    expect(d.checklist.done.map((i) => i.id)).toContain('comp-balances-client-value/varyPlan/compensation.varies_by_objective');
    expect(d.checklist.noLongerAssessed).toEqual([]);
  });
});

describe('diff: the reason an item is not done is the true one (M5)', () => {
  it('AE 3 and AE 4 removed: "Rebuild quotas" says its facts are unknown now (metrics-accountability still judges), a rule not assessed says so', async () => {
    const after = await side(withoutPeople('AE 3', 'AE 4'), 'b.yaml');
    const d = diffAudits(await side(EXAMPLE, 'a.yaml'), after);
    const status = new Map(after.report.rules.map((r) => [r.id, r.status]));
    expect(status.get('metrics-accountability')).not.toMatch(/not-assessed|not-applicable|off|error|waived/);
    const quotas = d.checklist.noLongerAssessed.find((i) => i.action.startsWith('Rebuild quotas'))!;
    expect([quotas.reason, notDone(quotas)]).toEqual(['unknown', 'the facts it was about are unknown now']);
    expect(d.checklist.noLongerAssessed.length).toBeGreaterThan(1);
    for (const i of d.checklist.noLongerAssessed) {
      const text = notDone(i);
      const judging = !/not-assessed|not-applicable|off|error|waived/.test(status.get(i.ruleId) ?? 'absent');
      // "the rule …" only of a rule that stopped judging; and never the old catch-all.
      if (judging) expect(text, i.id).not.toMatch(/\brule\b/);
      else expect(text, i.id).toMatch(/^the rule /);
      expect(text, i.id).not.toContain('its rule no longer judges');
    }
    for (const { where, text } of await everyForm(d, after.report)) expect(text, where).not.toContain('its rule no longer judges');
  });
});

describe('diff: the contradiction reads as one sentence (C3)', () => {
  it('headcount cut and roster emptied: no nested parentheses, filled roles named as roles, in every form', async () => {
    const after = await side(SMALL_AND_EMPTY, 'b.yaml');
    const d = diffAudits(await side(EXAMPLE, 'a.yaml'), after);
    const people = d.findings.noLongerAssessed.find((x) => x.contradiction?.fact === 'the people in sales')!;
    expect(people.contradiction!.against).toContain('the role Sales Director');
    for (const x of [...d.findings.noLongerAssessed, ...d.checklist.noLongerAssessed]) expect(JSON.stringify(x.contradiction ?? {}), x.id).not.toContain('being hired for');
    const forms = await everyForm(d, after.report);
    let seen = 0;
    for (const { where, text } of forms) {
      // The JSON forms hold the audit report too, whose fact labels are its own (unchanged); the diff's words are checked on `d`.
      if (where.includes('json')) continue;
      const t = flat(text);
      for (const m of t.matchAll(/contradicts itself[^;]*;/g)) {
        seen++;
        expect(m[0], where).not.toMatch(/\([^()]*\(/);
        // The audit's own evidence lines keep the fact's label; the reason names a filled role as a role.
        expect(m[0], where).not.toContain('is being hired for');
      }
      if (t.includes('what it says of the people in sales')) expect(t, where).toContain('conflicts with the span of control, the roles Sales Director and Key Account Manager,');
    }
    expect(seen).toBeGreaterThan(0);
    // Inside an item's own parentheses too: "(rule; not done: …)" holds no other "(".
    const text = flat(forms[0]!.text);
    for (const m of text.matchAll(/\[\?\] [^\n]*?\((?:[a-z-]+); not done: ([^)]*)\)/g)) expect(m[1], m[0]).not.toContain('(');
  });
});

describe('diff: a removed or added list item is one fact change (C4)', () => {
  it('AE 3 and AE 4 removed, one person added: one line each in every form, the JSON keeps the whole item', async () => {
    const before = await side(EXAMPLE, 'a.yaml');
    const text = edited((doc) => {
      const people = (doc.toJS() as { people: { name: string }[] }).people;
      const ae3 = people.findIndex((p) => p.name === 'AE 3');
      const ae4 = people.findIndex((p) => p.name === 'AE 4');
      doc.addIn(['people'], doc.createNode({ name: 'AE 9', title: 'Account Executive', is_rep: true, selling_time_pct: 50 }));
      for (const i of [ae3, ae4].sort((a, b) => b - a)) doc.deleteIn(['people', i]);
    });
    const after: DiffSide = await side(text, 'b.yaml');
    const d = diffAudits(before, after);
    const ae3 = (before.org!.people as { name: string }[]).find((p) => p.name === 'AE 3');
    expect(d.facts!.changed.map((c) => c.path)).toEqual(['people["AE 3"]', 'people["AE 4"]', 'people["AE 9"]']);
    expect(d.facts!.changed[0]).toEqual({ path: 'people["AE 3"]', before: ae3 });
    expect(d.facts!.changed[2]).toEqual({ path: 'people["AE 9"]', after: { name: 'AE 9', title: 'Account Executive', is_rep: true, selling_time_pct: 50 } });
    let shown = 0;
    for (const { where, text: out } of await everyForm(d, after.report)) {
      const t = flat(out).replace(/\\\[|\\\]/g, (x) => x[1]!);
      if (!/Facts that changed/.test(t)) continue;
      shown++;
      expect(t, where).toMatch(/Facts that changed:? \(?3\)?/);
      for (const line of ['people["AE 3"]: removed', 'people["AE 4"]: removed', 'people["AE 9"]: added']) expect(t.split(line).length - 1, `${where}: ${line}`).toBe(1);
      expect(t, where).not.toMatch(/people\["AE [349]"\]\./);
    }
    expect(shown).toBeGreaterThanOrEqual(3);
  });

  it('a fact inside a person who stays is still one line with its values', async () => {
    const d = diffAudits(await side(EXAMPLE, 'a.yaml'), await side(EXAMPLE.replace('selling_time_pct: 41', 'selling_time_pct: 60'), 'b.yaml'));
    expect(d.facts!.changed).toEqual([{ path: 'people["AE 1"].selling_time_pct', before: 41, after: 60 }]);
  });
});
