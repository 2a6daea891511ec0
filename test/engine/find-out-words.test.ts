// Find-out wording is one per kind of fact, whichever rule asks (src/engine/find-out.ts): "Start measuring" only
// where the company answered "don't know" to a fact it should measure, "Find out" for a fact the file leaves
// out, and a record of quarters kept in part asks for the earlier quarters, not for "the quota attainment" as if
// none were known.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { findOutAction, type FindOutFacts } from '../../src/engine/find-out';
import { runAudit } from '../../src/engine/run';
import type { AuditReport } from '../../src/engine/types';
import { loadOrgText } from '../../src/load/load';
import { isMeasurable } from '../../src/model/measurable';
import { ROOT } from '../report/helpers';

const DATE = '2026-11-30';

/** The mid-size example edited (`edit` on its YAML document, people by name), audited as the CLI does (unknowns kept). */
async function midSize(edit: (set: (name: string, key: string, value: unknown) => void, doc: ReturnType<typeof parseDocument>) => void): Promise<AuditReport> {
  const doc = parseDocument(readFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, 'utf8'));
  const names = (doc.toJS() as { people: { name: string }[] }).people.map((p) => p.name);
  edit((name, key, value) => (value === undefined ? doc.deleteIn(['people', names.indexOf(name), key]) : doc.setIn(['people', names.indexOf(name), key], doc.createNode(value))), doc);
  const loaded = await loadOrgText(doc.toString(), 'org.yaml', { baseDir: `${ROOT}templates/examples` });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return runAudit({ org: loaded.value.org, date: DATE, rules, file: 'org.yaml', unknowns: loaded.value.unknowns });
}

const findOuts = (r: AuditReport) => r.checklist.filter((c) => c.kind === 'find-out');
const asking = (r: AuditReport, fact: string) => findOuts(r).filter((c) => c.facts?.includes(fact));

describe('find-out wording (one per kind of fact)', () => {
  it('pins the texts: a partial record, a record left out, a "don\'t know" and a mix of them', async () => {
    const r = await midSize((set, doc) => {
      set('AE 3', 'attainment', [45]); // 1 quarter of 4 on file
      set('AE 4', 'attainment', 'unknown'); // the company cannot say
      set('AE 4', 'actions', undefined); // and the file says nothing of what was done
      set('AE 1', 'attainment', undefined); // left out
      doc.setIn(['process', 'win_rate_pct'], 'unknown');
    });
    const actions = (fact: string) => asking(r, fact).map((c) => [c.action, c.owner]);
    expect(actions('people[5].attainment')).toEqual([['Find out the quota attainment of AE 3 for the quarters before the one quarter recorded.', 'Auditor']]);
    // manage-not-pay-cut's check on AE 4, and metrics-accountability's team attainment (AE 1's record too).
    // A mix is two steps of two kinds: one sentence each, and an owner naming both (review s9, item 3).
    expect(actions('people[6].attainment')).toEqual([
      ['Start measuring the quota attainment of AE 4. Find out the performance actions of AE 4.', 'Sales manager with Auditor'],
      ['Start measuring the quota attainment of AE 4. Find out the quota attainment of AE 1.', 'Sales manager with Auditor'],
    ]);
    expect(actions('people[3].attainment')).toEqual([
      ['Find out the quota attainment of AE 1 and the performance actions of AE 1.', 'Auditor'],
      ['Start measuring the quota attainment of AE 4. Find out the quota attainment of AE 1.', 'Sales manager with Auditor'],
    ]);
    expect(actions('process.win_rate_pct')).toEqual([['Start measuring the win rate.', 'Sales manager']]);
  });

  it('two quarters on file: every rule asks for the quarters before them', async () => {
    const r = await midSize((set) => {
      set('AE 2', 'attainment', [40, 41]);
      set('AE 2', 'start_date', undefined);
    });
    const items = asking(r, 'people[4].attainment');
    expect(items.length).toBeGreaterThan(0);
    for (const c of items) expect(c.action).toContain('the quota attainment of AE 2 for the quarters before the 2 quarters recorded');
  });

  it('walks every find-out item of the bundled examples and of the edited one: "Start measuring" exactly where a measurable fact is answered "don\'t know"', async () => {
    const { example } = await import('../helpers/monotone');
    const reports = [
      ...(await Promise.all(['healthy-org', 'mid-size-gaps', 'roster-team', 'struggling-startup'].map(async (n) => runAudit({ org: await example(n), date: DATE, rules, file: 'org.yaml' })))),
      await midSize((set) => {
        set('AE 3', 'attainment', [45]);
        set('AE 4', 'attainment', 'unknown');
        set('AE 1', 'attainment', undefined);
      }),
    ];
    let seen = 0;
    for (const r of reports) {
      const unknown = new Set(r.unknowns.map((e) => e.path));
      for (const c of findOuts(r)) {
        if (c.stepId !== 'find-out' || c.facts?.join() === 'people') continue;
        seen++;
        const measures = c.facts!.some((f) => unknown.has(f) && isMeasurable(f));
        const asks = c.facts!.some((f) => !(unknown.has(f) && isMeasurable(f)));
        expect(c.action.startsWith('Start measuring'), c.action).toBe(measures);
        expect(/\bfind out\b/i.test(c.action), c.action).toBe(asks);
        // One sentence per kind, never joined by a semicolon; the owner names who does each: the auditor finds out.
        expect(c.action, c.action).not.toMatch(/; find out/i);
        expect(/\bAuditor\b/.test(c.owner), `${c.action} (${c.owner})`).toBe(asks);
        // A single quarter on file is "the one quarter", as the report says elsewhere.
        expect(c.action).not.toMatch(/\bthe 1 quarter\b/);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });
});

describe('findOutAction', () => {
  const facts: FindOutFacts = {
    describe: (p) => `<${p}>`,
    measured: (p) => (p.startsWith('m') ? `[${p}]` : undefined),
    valueOf: (p) => ({ 'people[2].attainment': [50, 60, 70] })[p],
    list: (w) => w.join(' & '),
  };
  it('words each kind, and a mix in one sentence per kind', () => {
    expect(findOutAction(['a'], facts)).toEqual({ action: 'Find out <a>.', measure: false, ask: true });
    expect(findOutAction(['m1', 'm2'], facts)).toEqual({ action: 'Start measuring [m1] & [m2].', measure: true, ask: false });
    expect(findOutAction(['a', 'm1'], facts)).toEqual({ action: 'Start measuring [m1]. Find out <a>.', measure: true, ask: true });
    expect(findOutAction(['people[2].attainment'], { ...facts, valueOf: () => [50] }).action).toBe('Find out <people[2].attainment> for the quarters before the one quarter recorded.');
    expect(findOutAction(['people[2].attainment'], facts).action).toBe('Find out <people[2].attainment> for the quarters before the 3 quarters recorded.');
    // An empty record is no record: the whole fact.
    expect(findOutAction(['people[3].attainment'], { ...facts, valueOf: () => [] }).action).toBe('Find out <people[3].attainment>.');
  });
});
