// The answers file (--answers): parsed and checked up front with file:line:col,
// then played back as the prompter.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rules } from '../../rules/index';
import { AnswersError, AnswersPrompter, coerce, parseAnswers } from '../../src/interview/answers';
import { questionFor } from '../../src/interview/plan';
import { runSession } from '../../src/interview/session';
import { OrgText } from '../../src/interview/writeback';
import { formatDiagnostic } from '../../src/load/diagnostics';
import { loadOrgText } from '../../src/load/load';

const errors = (text: string) => {
  const r = parseAnswers(text, 'answers.yaml');
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
};

describe('parseAnswers', () => {
  it('accepts fact paths with values, unknown, [] for an empty list, and notes', () => {
    const r = parseAnswers(
      'leadership.sales_managed_by: ceo\npeople[0].name: AE 1\npeople[0].attainment: [45, 40]\nplan.last_reviewed: unknown\nroles: []\nnotes.leadership: Two days a week.\n',
      'a.yaml',
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect([...r.entries.keys()]).toEqual(['leadership.sales_managed_by', 'people[0].name', 'people[0].attainment', 'plan.last_reviewed', 'roles', 'notes.leadership']);
  });

  it('reports every bad entry with its place, and suggests the key meant', () => {
    expect(errors('leadership.sales_managed_bye: ceo\nleadership.sales_managed_by: cto\npeople[0].selling_time_pct: 130\npeople[].name: x\nnotes.leadrship: hi\n')).toEqual([
      'answers.yaml:1:1: leadership.sales_managed_bye: unknown fact "leadership.sales_managed_bye"; did you mean "leadership.sales_managed_by"?',
      'answers.yaml:2:1: leadership.sales_managed_by: expected one of: ceo, founder, sales_manager, nobody; got "cto" (did you mean "ceo"?)',
      'answers.yaml:3:1: people[0].selling_time_pct: expected a number from 0 to 100, got 130',
      "answers.yaml:4:1: people[].name: give the item's number: people[0].name",
      'answers.yaml:5:1: notes.leadrship: notes are per section: notes.<company|leadership|roles|plan|process|metrics|people|policies|admin|tools|recruiting|friction|compensation|marketing>; did you mean "notes.leadership"?',
    ]);
  });

  it('an empty value is "not answered" (as the questionnaire writes every key); an unknown key is still refused', () => {
    const r = parseAnswers('plan.documented:\nprocess.stages:\nnotes.plan:\nplan.shared_with_reps: false\n', 'a.yaml');
    expect(r.ok && [...r.entries.keys()]).toEqual(['plan.shared_with_reps']);
    const bad = parseAnswers('plan.documentd:\n', 'a.yaml');
    expect(!bad.ok && bad.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['1:1 unknown fact "plan.documentd"; did you mean "plan.documented"?']);
  });

  it('list items are numbered from 0 without gaps', () => {
    expect(errors('people[0].name: AE 1\npeople[2].name: AE 3\npeople[0].actions[1].action: pay_cut\n')).toEqual([
      'answers.yaml:2:1: people[2].name: people[1] has no answers: number the items from 0, without gaps',
      'answers.yaml:3:1: people[0].actions[1].action: people[0].actions[0] has no answers: number the items from 0, without gaps',
    ]);
  });

  it('rejects a whole section, a list given as a value, and bad YAML', () => {
    expect(errors('leadership: { sales_managed_by: ceo }\n')[0]).toMatch(/is not a fact the interview asks/);
    expect(errors('people: [{ name: AE 1 }]\n')[0]).toMatch(/a list is answered item by item/);
    expect(errors('a: [\n')[0]).toMatch(/^answers\.yaml:\d+:\d+: invalid YAML/);
    expect(errors('- a\n- b\n')).toEqual(['answers.yaml:1:1: expected a map of fact path -> answer, e.g. "leadership.sales_managed_by: ceo"']);
  });
});

describe('coerce', () => {
  it("takes YAML's natural types and the obvious spellings", () => {
    expect(coerce(questionFor('plan.documented')!, true)).toEqual({ ok: true, value: true });
    // YAML 1.2, as in an org file: `yes` is text (issue 12 fault 20).
    expect(coerce(questionFor('plan.documented')!, 'yes')).toMatchObject({ ok: false, message: expect.stringMatching(/^expected true or false, got "yes"/) });
    expect(coerce(questionFor('plan.covers')!, 'goals, positioning')).toEqual({ ok: true, value: ['goals', 'positioning'] });
    expect(coerce(questionFor('people[0].attainment')!, '45; 40')).toEqual({ ok: true, value: [45, 40] });
    expect(coerce(questionFor('admin.support_staff')!, '2')).toEqual({ ok: true, value: 2 });
    expect(coerce(questionFor('admin.support_staff')!, 1.5)).toMatchObject({ ok: false, message: 'expected a whole number, got 1.5' });
    expect(coerce(questionFor('plan.last_reviewed')!, '2025-13-01')).toMatchObject({ ok: false });
    expect(coerce(questionFor('tools.crm')!, 2024)).toEqual({ ok: true, value: '2024' });
  });

  it("a bad value gets the org-file loader's message, word for word", async () => {
    for (const [path, yaml, value] of [
      ['leadership.sales_managed_by', 'leadership:\n  sales_managed_by: cfo\n', 'cfo'],
      ['plan.documented', 'plan:\n  documented: maybe\n', 'maybe'],
      ['admin.support_staff', 'admin:\n  support_staff: 1.5\n', 1.5],
      ['people[0].attainment', 'people:\n  - name: AE 1\n    attainment: [45, lots]\n', '45, lots'],
    ] as const) {
      const loaded = await loadOrgText(`version: 1\n${yaml}`, 'org.yaml');
      const loader = loaded.ok ? '' : loaded.diagnostics.map((d) => d.message).join('\n');
      const got = coerce(questionFor(path)!, value);
      expect(got.ok).toBe(false);
      // A list item's place: the loader puts it in the path (attainment[1]), an answer in the message ("item 2: ").
      expect(loader).toContain((got as { message: string }).message.replace(/^item \d+: /, ''));
    }
    // A percentage may end in "%" in an answers file, as the questionnaire says (issue 14, item 7); a fact without a unit still refuses it.
    expect(coerce(questionFor('people[0].selling_time_pct')!, '70%')).toEqual({ ok: true, value: 70 });
    expect(coerce(questionFor('people[0].selling_time_pct')!, '48 %')).toEqual({ ok: true, value: 48 });
    expect(coerce(questionFor('people[0].selling_time_pct')!, '170%').ok).toBe(false);
  });

  it('a list\'s own "none" goes on its own, as in the terminal', () => {
    const help = questionFor('leadership.outside_help')!;
    expect(coerce(help, ['advisor', 'none'])).toEqual({ ok: false, message: '"none" goes on its own; got advisor, none' });
    expect(coerce(help, 'none')).toEqual({ ok: true, value: ['none'] });
    expect(coerce(help, [])).toEqual({ ok: true, value: [] });
  });
});

describe('an interview played from an answers file', () => {
  it('answers what it gives, builds lists from numbered items, skips the rest', async () => {
    const r = parseAnswers(
      [
        'leadership.sales_managed_by: ceo',
        'leadership.manager_experience_years: unknown',
        'people[0].name: AE 1',
        'people[0].is_rep: true',
        'people[0].selling_time_pct: 30',
        'people[1].name: AE 2',
        'people[0].actions[0].action: pay_cut',
        'people[0].actions[0].date: 2026-04-01',
        'tools.reps_travel: false',
        'tools.travel_connectivity: true', // not asked: the reps do not travel (every fact a rule reads, company.employees too, is asked now)
      ].join('\n'),
      'a.yaml',
    );
    if (!r.ok) throw new Error('bad fixture');
    const prompter = new AnswersPrompter(r.entries, 'a.yaml');
    const org = new OrgText('');
    const result = await runSession({ org, rules, prompter, date: '2026-11-27', save: async () => {}, checkCsv: async () => undefined });
    const data = parse(org.text);
    expect(data.leadership).toEqual({ sales_managed_by: 'ceo', manager_experience_years: 'unknown' });
    expect(data.people).toEqual([{ name: 'AE 1', is_rep: true, selling_time_pct: 30, actions: [{ date: '2026-04-01', action: 'pay_cut' }] }, { name: 'AE 2' }]);
    expect(data.tools).toEqual({ reps_travel: false });
    expect(org.state().openLists.size).toBe(0);
    expect(result.unknown).toBe(1);
    expect(prompter.unused().map((e) => e.key)).toEqual(['tools.travel_connectivity']);
  });

  it("a bad CSV roster path stops with the answers file's place", async () => {
    const r = parseAnswers('company.name: Acme\npeople_csv: missing.csv\n', 'a.yaml');
    if (!r.ok) throw new Error('bad fixture');
    const run = runSession({
      org: new OrgText(''),
      rules,
      prompter: new AnswersPrompter(r.entries, 'a.yaml'),
      date: '2026-11-27',
      save: async () => {},
      checkCsv: async (p) => `${p}: no such file; expected a CSV roster`,
    });
    await expect(run).rejects.toBeInstanceOf(AnswersError);
    await run.catch((e: AnswersError) => expect(formatDiagnostic(e.diagnostic)).toBe('a.yaml:2:1: people_csv: missing.csv: no such file; expected a CSV roster'));
  });
});
