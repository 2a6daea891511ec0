// Write-back: each answer lands in the org file as a small text edit that keeps
// comments (and their alignment), key order, blank lines and everything else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadOrgText } from '../../src/load/load';
import { OrgText } from '../../src/interview/writeback';
import { planQuestions, type Question } from '../../src/interview/plan';
import { getAt } from '../../src/model/paths';
import { rules } from '../../rules/index';

const example = (name: string) => readFileSync(new URL(`../../templates/examples/${name}.yaml`, import.meta.url), 'utf8');
const blank = () => readFileSync(new URL('../../templates/init/blank.yaml', import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/interview/${name}`, import.meta.url), 'utf8');

/** Lines of b that are not in a (as a multiset), and lines of a no longer in b. */
function lineDiff(a: string, b: string): { added: string[]; removed: string[] } {
  const count = (t: string) => t.split('\n').reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const added: string[] = [];
  const removed: string[] = [];
  for (const [l, n] of cb) for (let i = ca.get(l) ?? 0; i < n; i++) added.push(l);
  for (const [l, n] of ca) for (let i = cb.get(l) ?? 0; i < n; i++) removed.push(l);
  return { added, removed };
}

describe('a scalar answer replaces only its own line', () => {
  it('keeps the comment and its column', () => {
    const src = example('struggling-startup');
    const o = new OrgText(src);
    o.set(['company', 'name'], 'Acme Widgets');
    expect(lineDiff(src, o.text)).toEqual({
      removed: ['  name: Brightloop Analytics        # fictional'],
      added: ['  name: Acme Widgets                # fictional'],
    });
    expect(o.fallbacks).toBe(0);
  });

  it('fills an empty key of the blank template in place, keeping its help comment', () => {
    const src = blank();
    const o = new OrgText(src);
    o.set(['leadership', 'sales_managed_by'], 'ceo');
    o.set(['leadership', 'outside_help'], ['advisor', 'reading']);
    o.setUnknown(['leadership', 'leader_since']);
    const { added, removed } = lineDiff(src, o.text);
    expect(removed).toHaveLength(3);
    expect(added).toEqual([
      '  sales_managed_by: ceo     # ceo | founder | sales_manager | nobody',
      '  outside_help: [advisor, reading] # a list, e.g. [advisor, reading]: advisor | coach | fractional_leader | training | reading | none',
      '  leader_since: unknown     # date the current sales leader took the role, YYYY-MM-DD',
    ]);
    expect(o.fallbacks).toBe(0);
  });

  it('quotes text that YAML would read as something else', () => {
    const o = new OrgText('tools:\n  crm: x\n');
    o.set(['tools', 'crm'], 'yes: #1');
    o.set(['company', 'name'], '42');
    expect(parse(o.text)).toEqual({ tools: { crm: 'yes: #1' }, company: { name: '42' } });
  });
});

describe('new keys, sections and list items', () => {
  it('puts a new key in schema order within its section', () => {
    const src = 'leadership:\n  sales_managed_by: ceo   # the CEO\n  leader_since: 2024-01-01\n';
    const o = new OrgText(src);
    o.set(['leadership', 'outside_help'], ['coach']);
    expect(o.text).toBe('leadership:\n  sales_managed_by: ceo   # the CEO\n  outside_help: [coach]\n  leader_since: 2024-01-01\n');
  });

  it("puts a new section between the sections around it, before their comments, with the file's blank lines", () => {
    const src = '# Acme\ncompany:\n  name: Acme\n\n# Tools we use\ntools:\n  crm: HubSpot\n';
    const o = new OrgText(src);
    o.set(['leadership', 'sales_managed_by'], 'founder');
    expect(o.text).toBe('# Acme\ncompany:\n  name: Acme\n\nleadership:\n  sales_managed_by: founder\n\n# Tools we use\ntools:\n  crm: HubSpot\n');
  });

  it('adds list items one by one and marks an unfinished list', () => {
    const o = new OrgText('roles:  # jobs\n\nplan:\n  documented: true\n');
    const i = o.appendItem(['roles']);
    o.openList(['roles']);
    o.set(['roles', i, 'title'], 'Account Executive');
    o.set(['roles', i, 'open'], true);
    expect(o.state().openLists).toEqual(new Set(['roles']));
    const j = o.appendItem(['roles']);
    o.set(['roles', j, 'title'], 'SDR');
    expect(o.text).toBe('roles:  # jobs\n  - title: Account Executive\n    open: true\n  - title: SDR\n  # sales-audit interview: roles is not finished yet\n\nplan:\n  documented: true\n');
    o.closeList(['roles']);
    expect(o.text).toBe('roles:  # jobs\n  - title: Account Executive\n    open: true\n  - title: SDR\n\nplan:\n  documented: true\n');
    expect(o.state().openLists.size).toBe(0);
    expect(o.fallbacks).toBe(0);
  });

  it('adds a nested list inside an item, and a field to a flow-style item', () => {
    const src = 'people:\n  - name: AE 1\n    actions:\n      - { date: 2026-01-05, action: coaching }   # after Q4\n';
    const o = new OrgText(src);
    o.set(['people', 0, 'actions', 1], { date: '2026-04-01', action: 'pay_cut' });
    o.set(['people', 0, 'actions', 0, 'action'], 'improvement_plan');
    expect(o.text).toBe('people:\n  - name: AE 1\n    actions:\n      - { date: 2026-01-05, action: improvement_plan } # after Q4\n      - date: 2026-04-01\n        action: pay_cut\n');
    expect(parse(o.text).people[0].actions).toHaveLength(2);
  });

  it('replaces an `unknown` or empty list with real items, and back', () => {
    const o = new OrgText('people: unknown   # ask HR\n');
    o.appendItem(['people']);
    o.set(['people', 0, 'name'], 'AE 1');
    expect(o.text).toBe('people:           # ask HR\n  - name: AE 1\n');
    o.setUnknown(['people']);
    expect(o.text).toBe('people: unknown   # ask HR\n'); // back to the original, byte for byte
    o.set(['people'], []);
    expect(parse(o.text)).toEqual({ people: [] });
  });

  it('starts an empty file', () => {
    const o = new OrgText('');
    o.set(['company', 'name'], 'Acme');
    o.set(['leadership', 'sales_managed_by'], 'ceo');
    o.set(['company', 'employees'], 12);
    expect(o.text).toBe('company:\n  name: Acme\n  employees: 12\n\nleadership:\n  sales_managed_by: ceo\n');
  });

  it('records who answered, under answers:, and notes per section', () => {
    const o = new OrgText(blank());
    o.set(['answers', 'people[0].selling_time_pct'], { by: 'Jane Doe, CEO', on: '2026-11-27' }, { flow: true });
    o.set(['answers', 'company.name'], { by: 'Jane Doe, CEO', on: '2026-11-27' }, { flow: true });
    expect(o.text).toContain('\n  people[0].selling_time_pct: { by: "Jane Doe, CEO", on: 2026-11-27 }\n  company.name: { by: "Jane Doe, CEO", on: 2026-11-27 }\n');
    o.set(['notes', 'leadership'], 'The CEO runs sales: two days a week # really');
    const data = parse(o.text);
    expect(data.answers).toEqual({ 'people[0].selling_time_pct': { by: 'Jane Doe, CEO', on: '2026-11-27' }, 'company.name': { by: 'Jane Doe, CEO', on: '2026-11-27' } });
    expect(data.notes).toEqual({ leadership: 'The CEO runs sales: two days a week # really' });
    expect(o.fallbacks).toBe(0);
  });
});

describe('round trips keep everything else', () => {
  it.each(['struggling-startup', 'mid-size-gaps', 'healthy-org'])('%s: many edits, every other line untouched, still a valid org file', async (name) => {
    const src = example(name);
    const o = new OrgText(src);
    o.set(['company', 'name'], 'Renamed Ltd');
    o.setUnknown(['tools', 'crm_active_use_pct']);
    o.set(['leadership', 'outside_help'], ['coach']);
    o.set(['notes', 'tools'], 'Checked with the ops team.');
    o.set(['answers', 'company.name'], { by: 'Consultant', on: '2026-11-27' });
    const { removed } = lineDiff(src, o.text);
    // Only the edited lines went; every comment line is still there.
    expect(removed.filter((l) => !/^\s*(name|crm_active_use_pct|outside_help|notes|answers|tools):/.test(l))).toEqual([]);
    for (const line of src.split('\n').filter((l) => /^\s*#/.test(l))) expect(o.text).toContain(line);
    expect(o.fallbacks).toBe(0);
    const loaded = await loadOrgText(o.text, `${name}.yaml`, { baseDir: new URL('../../templates/examples/', import.meta.url).pathname });
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(loaded.value.org.company?.name).toBe('Renamed Ltd');
      expect(loaded.value.unknowns).toContain('tools.crm_active_use_pct');
    }
  });

  it('a hand-written file with odd layout: comments everywhere, CRLF line ends, flow maps', () => {
    const src = fixture('hand-written.yaml');
    const crlf = src.replace(/\n/g, '\r\n');
    for (const text of [src, crlf]) {
      const o = new OrgText(text);
      o.set(['leadership', 'manager_experience_years'], 3);
      o.set(['tools', 'reps_travel'], false);
      o.set(['people', 1, 'selling_time_pct'], 40);
      o.set(['people', 0, 'coaching', 'plan'], 'individual');
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      expect(o.text.split(eol).some((l) => l.includes('\r'))).toBe(false);
      const { removed } = lineDiff(text.replace(/\r\n/g, '\n'), o.text.replace(/\r\n/g, '\n'));
      expect(removed).toEqual(['  manager_experience_years:   # years, roughly', '  - { name: AE 2, is_rep: true }   # joined in March']);
      const data = parse(o.text);
      expect(data.people[1]).toEqual({ name: 'AE 2', is_rep: true, selling_time_pct: 40 });
      expect(data.people[0].coaching).toEqual({ plan: 'individual' });
      expect(data.tools.reps_travel).toBe(false);
      expect(o.fallbacks).toBe(0);
    }
  });
});

describe('every question, answered in every example file', () => {
  const sample = (q: Question): unknown => {
    switch (q.kind) {
      case 'select':
        return q.choices!.at(-1)!.value;
      case 'checkbox':
        return [q.choices![0]!.value];
      case 'number':
        return q.min ?? 1;
      case 'boolean':
        return true;
      case 'date':
        return '2026-01-31';
      case 'values':
        return q.valueKind === 'number' ? [1, 2] : ['a, b', 'c'];
      default:
        return 'New: text, with [brackets] # and a hash';
    }
  };

  it.each(['struggling-startup', 'mid-size-gaps', 'healthy-org'])('%s: all answers land as text edits; comments stay', (name) => {
    const src = example(name);
    const o = new OrgText(src);
    const plan = planQuestions(o.state(), rules, { all: true });
    expect(plan.length).toBeGreaterThan(60);
    const want: [string, unknown][] = [];
    plan.forEach((q, i) => {
      if (q.kind === 'items') {
        const at = o.appendItem(q.segs);
        want.push([`${q.path}[${at}]`, {}]);
      } else if (i % 7 === 0) {
        o.setUnknown(q.segs);
        want.push([q.path, 'unknown']);
      } else {
        o.set(q.segs, sample(q));
        want.push([q.path, sample(q)]);
      }
    });
    const data = parse(o.text);
    for (const [path, v] of want) expect(getAt(data, path), path).toEqual(v);
    for (const line of src.split('\n').filter((l) => /^\s*#/.test(l))) expect(o.text).toContain(line);
    // Comments at the end of a line survive their value being replaced.
    for (const m of src.matchAll(/\S[ \t]+(# .*)$/gm)) expect(o.text).toContain(m[1]);
    expect(o.fallbacks).toBe(0);
  });
});

describe('unusual layouts keep everything but the edit (issue 12, fault 7)', () => {
  it('an answer to a value that sits below a comment line keeps the comment', () => {
    const src = 'leadership:\n  sales_managed_by:\n    # the CEO, for now\n    ceo\n  manager_experience_years: 2\n';
    const o = new OrgText(src);
    o.set(['leadership', 'sales_managed_by'], 'founder');
    expect(o.text).toBe('leadership:\n  sales_managed_by:\n    # the CEO, for now\n    founder\n  manager_experience_years: 2\n');
    o.setUnknown(['leadership', 'sales_managed_by']);
    expect(o.text).toContain('    # the CEO, for now\n    unknown\n');
    expect(o.fallbacks).toBe(0);
  });

  it('a comment line between a key and its list items stays when the list is replaced (inline or block)', () => {
    const src = 'leadership:\n  outside_help:\n    # advisors we use\n    - advisor\n    - coach\n  leader_since: 2020-01-01\n';
    const o = new OrgText(src);
    o.set(['leadership', 'outside_help'], ['reading']);
    expect(o.text).toBe('leadership:\n  outside_help:\n    # advisors we use\n    [reading]\n  leader_since: 2020-01-01\n');
    const p = new OrgText('people:\n  # the reps\n  - name: A\n  - name: B\nplan:\n  documented: true\n');
    p.set(['people'], [{ name: 'C', is_rep: true }]);
    expect(p.text).toBe('people:\n  # the reps\n  - name: C\n    is_rep: true\nplan:\n  documented: true\n');
    expect(o.fallbacks + p.fallbacks).toBe(0);
  });

  it('the fallback writer re-writes only the edited section: flow maps, flow lists across lines and the `...` marker stay byte for byte', () => {
    const untouched = ['version: 1', 'company: {name: x, employees: 4}', 'plan:', '  covers: [target_markets,', '    value_proposition]'];
    // A flow map over two lines cannot take a text edit: the Document API's writer is the fallback.
    const src = [...untouched.slice(0, 2), 'leadership: {sales_managed_by: ceo,', '  manager_experience_years: 2}', ...untouched.slice(2), '...', ''].join('\n');
    const o = new OrgText(src);
    o.set(['leadership', 'outside_help'], ['coach']);
    expect(o.fallbacks).toBe(1);
    expect(parse(o.text).leadership).toEqual({ sales_managed_by: 'ceo', manager_experience_years: 2, outside_help: ['coach'] });
    for (const line of untouched) expect(o.text.split('\n')).toContain(line);
    expect(o.text.endsWith('\n...\n')).toBe(true);
    // The sections before and after the edited one are the same bytes in the same place.
    expect(o.text.startsWith(`${untouched.slice(0, 2).join('\n')}\n`)).toBe(true);
    expect(o.text).toContain(`${untouched.slice(2).join('\n')}\n...\n`);
  });

  it('a comment inside a re-written section is kept once, not duplicated or dropped', () => {
    const src = 'company: {name: x}\nleadership: {sales_managed_by: ceo, # who runs sales\n  manager_experience_years: 2}\nplan: {documented: true}\n';
    const o = new OrgText(src);
    o.set(['leadership', 'manager_experience_years'], 3);
    expect(parse(o.text).leadership.manager_experience_years).toBe(3);
    expect(o.text.match(/# who runs sales/g)).toHaveLength(1);
    expect(o.text.startsWith('company: {name: x}\n')).toBe(true);
    expect(o.text.endsWith('plan: {documented: true}\n')).toBe(true);
  });

  it('keeps a UTF-8 BOM, with LF and with CRLF line ends (fault 6)', () => {
    for (const eol of ['\n', '\r\n']) {
      const src = `\uFEFFversion: 1${eol}company:${eol}  name: Acme${eol}`;
      const o = new OrgText(src);
      o.set(['company', 'employees'], 12);
      expect(o.text).toBe(`\uFEFFversion: 1${eol}company:${eol}  name: Acme${eol}  employees: 12${eol}`);
    }
    const plain = new OrgText('company:\n  name: Acme\n');
    plain.set(['company', 'employees'], 12);
    expect(plain.text.startsWith('\uFEFF')).toBe(false);
  });

  it('reset() takes a newer version of the file, with its own BOM and line ends, and the next edit applies to it', () => {
    const o = new OrgText('company:\n  name: Acme\n');
    o.reset('\uFEFFcompany:\r\n  name: Acme\r\n  employees: 9\r\n');
    o.set(['company', 'sales_motion'], 'transactional');
    expect(o.text).toBe('\uFEFFcompany:\r\n  name: Acme\r\n  employees: 9\r\n  sales_motion: transactional\r\n');
    expect(o.state().data).toEqual({ company: { name: 'Acme', employees: 9, sales_motion: 'transactional' } });
  });
});

describe('a comment line above every value (the layout of fault 7, everywhere)', () => {
  const sample = (q: Question): unknown =>
    q.kind === 'select'
      ? q.choices!.at(-1)!.value
      : q.kind === 'checkbox'
        ? [q.choices![0]!.value]
        : q.kind === 'number'
          ? (q.min ?? 1)
          : q.kind === 'boolean'
            ? true
            : q.kind === 'date'
              ? '2026-01-31'
              : q.kind === 'values'
                ? q.valueKind === 'number'
                  ? [1, 2]
                  : ['a, b', 'c']
                : 'New: text, with [brackets] # and a hash';

  it.each(['struggling-startup', 'mid-size-gaps', 'healthy-org'])('%s: every answer keeps every comment line, and lands where it should', (name) => {
    // Each `key: value` line becomes `key:` / `# about key` / `value`.
    const src = example(name).replace(
      /^( *)([a-z_]+):[ \t]+([^#\s{[|>&*'"][^#\n]*?)[ \t]*(#.*)?$/gm,
      (_m, pad: string, key: string, value: string, comment?: string) => `${pad}${key}:${comment ? ` ${comment}` : ''}\n${pad}  # about ${key}\n${pad}  ${value}`,
    );
    expect((src.match(/# about /g) ?? []).length).toBeGreaterThan(40);
    expect(parse(src)).toEqual(parse(example(name)));
    const o = new OrgText(src);
    const plan = planQuestions(o.state(), rules, { all: true });
    const want: [string, unknown][] = [];
    plan.forEach((q, i) => {
      if (q.kind === 'items') want.push([`${q.path}[${o.appendItem(q.segs)}]`, {}]);
      else if (i % 7 === 0) {
        o.setUnknown(q.segs);
        want.push([q.path, 'unknown']);
      } else {
        o.set(q.segs, sample(q));
        want.push([q.path, sample(q)]);
      }
    });
    const data = parse(o.text);
    for (const [path, v] of want) expect(getAt(data, path), path).toEqual(v);
    const kept = o.text.split('\n');
    for (const line of src.split('\n').filter((l) => /^\s*#/.test(l))) expect(kept, line).toContain(line);
  });
});
