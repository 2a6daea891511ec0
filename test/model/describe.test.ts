// Issue 12, fault 23: the client report spoke YAML (`roles[2].hiring_authority`,
// `people[7].actions`). describeFact turns a fact path into words a client
// reads, with the org's names; client formats lead with those words and keep
// the path as a small reference; machine formats keep the paths.
import { describe, expect, it } from 'vitest';
import { describeFact, FACT_LABELS, LIST_ITEMS } from '../../src/model/describe';
import { keysAt, kindOf, schemaAt } from '../../src/model/introspect';
import { render } from '../../src/report/index';
import { renderLint, type LintRun } from '../../src/report/lint';
import { rules } from '../../rules/index';
import { fixture } from '../report/helpers';

/** Every fact path of the schema, list items as `[]`, and the lists of objects. */
function schemaPaths() {
  const facts: string[] = [];
  const lists: string[] = [];
  const walk = (segs: (string | number)[], shown: string) => {
    for (const k of keysAt(segs)) {
      const s = schemaAt([...segs, k])!;
      const p = shown ? `${shown}.${k}` : k;
      facts.push(p);
      if (kindOf(s) === 'object') walk([...segs, k], p);
      if (kindOf(s) === 'array') {
        const el = schemaAt([...segs, k, 0]);
        if (el && kindOf(el) === 'object') {
          lists.push(p);
          facts.push(`${p}[]`);
          walk([...segs, k, 0], `${p}[]`);
        }
      }
    }
  };
  walk([], '');
  return { facts, lists };
}

const ORG = {
  roles: [{ title: 'CEO' }, { title: 'Sales lead' }, { title: 'VP of Sales' }],
  people: [...Array.from({ length: 7 }, (_, i) => ({ name: `Rep ${i + 1}` })), { name: ' AE\n3 ' }, {}],
  process: { stages: [{ name: 'Discovery' }, { name: 'Proposal' }] },
  friction: { points: [{ description: 'x' }] },
};

describe('describeFact', () => {
  it('has words for every fact of the org schema, and an item name for every list of objects', () => {
    const { facts, lists } = schemaPaths();
    expect(facts.filter((p) => !(p in FACT_LABELS))).toEqual([]);
    expect(Object.keys(FACT_LABELS).filter((p) => !facts.includes(p))).toEqual([]);
    expect(lists.filter((p) => !(p in LIST_ITEMS))).toEqual([]);
  });

  it.each([
    ['people[7].actions', 'the performance actions of AE 3'],
    ['roles[2].hiring_authority', 'who may hire for VP of Sales'],
    ['people[8].attainment', 'the quota attainment of person 9'],
    ['people[7].attainment[2]', 'the quota attainment of AE 3 (entry 3)'],
    ['people[7].coaching.plan', 'the development plan of AE 3'],
    ['people[7]', 'AE 3'],
    ['people[].selling_time_pct', 'how much of the week each person spends selling'],
    ['process.stages[1].exit_criteria', 'the exit criteria of the "Proposal" stage'],
    ['friction.points[0].owner', 'who owns fixing friction point 1'],
    ['plan.documented', 'whether there is a written sales plan'],
    ['leadership.outside_help[1]', 'the outside help the sales leader uses (entry 2)'],
  ])('%s -> %s', (path, words) => {
    expect(describeFact(path, ORG)).toBe(words);
  });

  it('without an org, items are numbered; an unknown path comes back as it is', () => {
    expect(describeFact('roles[2].hiring_authority')).toBe('who may hire for role 3');
    expect(describeFact('nope.x', ORG)).toBe('nope.x');
    expect(describeFact('', ORG)).toBe('');
  });
});

describe('the reports speak words, the machine formats keep paths', () => {
  it('the engine puts words for every path it mentions into report.labels', async () => {
    const r = await fixture('acme');
    const paths = new Set([
      ...r.findings.flatMap((f) => f.evidence.map((e) => e.path)),
      ...r.checklist.flatMap((c) => c.evidence.map((e) => e.path)),
      ...r.rules.flatMap((x) => x.missing),
      ...r.unknowns.map((u) => u.path),
    ]);
    expect(Object.keys(r.labels).sort()).toEqual([...paths].sort());
    expect(r.labels['people[0].attainment']).toBe('the quota attainment of AE 1');
  });

  it('text, markdown and html lead with the words and keep the path beside them', async () => {
    const r = await fixture('acme');
    const text = await render('text', r, { color: false, width: 100 });
    expect(text).toMatch(/at test\/fixtures\/html\/acme\.yaml:\d+:\d+ {2}the quota attainment of AE 1 \(people\[0\]\.attainment\)/);
    const markdown = await render('markdown', r, { color: false });
    expect(markdown).toContain('evidence: the quota attainment of AE 1 (`people[0].attainment`) at `test/fixtures/html/acme.yaml:');
    const html = await render('html', r, { color: false });
    expect(html).toContain('<span class="fact" dir="auto">the quota attainment of AE 1</span> <code class="path">people[0].attainment</code>');
  });

  it('json keeps the paths in the evidence; the lint formats keep paths, without the words', async () => {
    const r = await fixture('acme');
    const json = JSON.parse(await render('json', r, { color: false })) as typeof r;
    expect(json.findings.flatMap((f) => f.evidence.map((e) => e.path))).toContain('people[0].attainment');
    const run: LintRun = {
      tool: { name: 'sales-audit', version: '0.0.0-test' },
      rules,
      files: [{ ok: true, file: 'acme.yaml', report: r, gates: {}, failures: [], missingAt: {} }],
    };
    for (const format of ['stylish', 'sarif', 'junit', 'github'] as const) {
      const out = await renderLint(format, run, { color: false });
      expect(out, format).not.toContain('the quota attainment of AE 1');
    }
    // AE 1's pay cut and low attainment are one finding (issue 17): the first fact is the result's factPath, the other a related location, both as paths.
    const sarif = await renderLint('sarif', run, { color: false });
    expect(sarif).toContain('"factPath": "people[0].actions[0]"');
    expect(sarif).toContain('"text": "Evidence: people[0].attainment."');
  });
});
