// One respondent among several (issue 14): which facts their interview asks,
// and how their answers go into their own entry under responses:.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addAnswer, entryIndex, isWanted, newResumeCode, personOf, putResponse, respondentFacts } from '../../src/interview/responses';
import { OrgText } from '../../src/interview/writeback';

const READS = ['plan.shared_with_reps', 'plan.documented', 'people[].coaching.one_to_one', 'people[].attainment', 'compensation.basis'];

describe('respondentFacts: only what the group can answer', () => {
  it("a rep in the roster: the reps' facts, and of the people's facts only their own", () => {
    expect(respondentFacts(READS, { name: 'AE 2', group: 'reps' }, 4)).toEqual(['compensation.basis', 'people[4].coaching.one_to_one', 'plan.shared_with_reps']);
  });
  it('a rep not in the roster (or anonymous): no person-level fact', () => {
    expect(respondentFacts(READS, { group: 'reps', anonymous: true }, undefined)).toEqual(['compensation.basis', 'plan.shared_with_reps']);
  });
  it("management: every person's facts it can answer, as patterns", () => {
    expect(respondentFacts(READS, { name: 'VP', group: 'management' }, undefined)).toEqual([
      'compensation.basis',
      'people[].attainment',
      'people[].coaching.one_to_one',
      'plan.documented',
      'plan.shared_with_reps',
    ]);
    expect(isWanted('people[7].attainment', ['people[].attainment'])).toBe(true);
    expect(isWanted('people[7].attainment', ['people[6].attainment'])).toBe(false);
  });
  it('a roster name matches whatever the case and the spaces at the ends; never for an anonymous respondent', () => {
    const people = [{ name: 'AE 1' }, { name: 'Dana Reyes' }];
    expect(personOf({ name: ' dana reyes ', group: 'reps' }, people)).toBe(1);
    expect(personOf({ name: 'Dana Reyes', group: 'reps', anonymous: true }, people)).toBeUndefined();
  });
});

describe("a respondent's entry", () => {
  const ORG = '# Acme\nversion: 1\nplan:\n  documented: true # the handbook\n';
  it('each answer joins the same entry; the rest of the file, comments included, is kept', () => {
    const org = new OrgText(ORG);
    const who = { name: 'Dana', group: 'reps' as const };
    let i = addAnswer(org, who, '2026-11-29', 'plan.shared_with_reps', false, undefined);
    i = addAnswer(org, who, '2026-11-29', 'people[0].coaching.one_to_one', 'monthly', i);
    expect(i).toBe(0);
    expect(org.text.startsWith(ORG)).toBe(true);
    expect(parse(org.text).responses).toEqual([{ respondent: 'Dana', group: 'reps', on: '2026-11-29', answers: { 'plan.shared_with_reps': false, 'people[0].coaching.one_to_one': 'monthly' } }]);
  });
  it('anonymous respondents never share an entry; a named one replaces only their own', () => {
    const org = new OrgText(ORG);
    const anon = { group: 'reps' as const, anonymous: true };
    const a = addAnswer(org, anon, '2026-11-29', 'plan.shared_with_reps', false, undefined);
    const b = addAnswer(org, anon, '2026-11-29', 'plan.shared_with_reps', true, undefined);
    addAnswer(org, anon, '2026-11-29', 'compensation.basis', 'revenue', a);
    expect([a, b]).toEqual([0, 1]);
    expect(putResponse(org, { respondent: 'VP', group: 'management', answers: { 'plan.shared_with_reps': true } }, { name: 'VP', group: 'management' })).toBe(false);
    expect(putResponse(org, { respondent: 'VP', group: 'management', answers: { 'plan.documented': true } }, { name: 'VP', group: 'management' })).toBe(true);
    expect(parse(org.text).responses).toEqual([
      { group: 'reps', anonymous: true, on: '2026-11-29', answers: { 'plan.shared_with_reps': false, 'compensation.basis': 'revenue' } },
      { group: 'reps', anonymous: true, on: '2026-11-29', answers: { 'plan.shared_with_reps': true } },
      { respondent: 'VP', group: 'management', answers: { 'plan.documented': true } },
    ]);
    expect(org.text).not.toMatch(/respondent: (?!VP)/);
  });
});

describe('a respondent without a name: found again by the resume code of their entry', () => {
  const ORG = 'version: 1\n';
  it('joins the entry with the code, wherever it now stands and whatever index the session held; another code, or none, never joins it', () => {
    const org = new OrgText(ORG);
    const anon = { group: 'reps' as const, anonymous: true, resume: '0a1b2c3d' };
    const i = addAnswer(org, anon, '2026-11-29', 'plan.shared_with_reps', false, undefined);
    // Another program adds an anonymous entry in front of it while the session runs.
    org.reset(`version: 1\nresponses:\n  - { group: reps, anonymous: true, answers: { plan.shared_with_reps: true } }\n${org.text.slice(org.text.indexOf('responses:\n') + 'responses:\n'.length)}`);
    expect(entryIndex(parse(org.text).responses, anon)).toBe(1);
    addAnswer(org, anon, '2026-11-30', 'compensation.basis', 'revenue', i);
    expect(entryIndex(parse(org.text).responses, { ...anon, resume: 'ffffffff' })).toBeUndefined();
    expect(entryIndex(parse(org.text).responses, { group: 'management', anonymous: true, resume: anon.resume })).toBeUndefined();
    expect(entryIndex(parse(org.text).responses, { group: 'reps', anonymous: true })).toBeUndefined();
    expect(parse(org.text).responses).toEqual([
      { group: 'reps', anonymous: true, answers: { 'plan.shared_with_reps': true } },
      { group: 'reps', anonymous: true, on: '2026-11-30', resume: '0a1b2c3d', answers: { 'plan.shared_with_reps': false, 'compensation.basis': 'revenue' } },
    ]);
  });
  it('a new code is 8 hex digits that no entry has', () => {
    const bytes = [Uint8Array.of(0, 0, 0, 1), Uint8Array.of(0xde, 0xad, 0xbe, 0xef)];
    expect(newResumeCode([{ resume: '00000001' }], () => bytes.shift()!)).toBe('deadbeef');
  });
});

describe('the answers file: respondent: and self.', () => {
  it('reads who answers and a rep\u2019s answers about themselves', async () => {
    const { parseAnswers } = await import('../../src/interview/answers');
    const r = parseAnswers('respondent:\n  name: Dana Reyes, AE\n  group: reps\nself.coaching.one_to_one: monthly\nself.selling_time_pct: 30\nplan.shared_with_reps: false\n', 'dana.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.respondent).toEqual({ name: 'Dana Reyes, AE', group: 'reps', line: 1, column: 1 });
    expect([...r.entries.keys()]).toEqual(['self.coaching.one_to_one', 'self.selling_time_pct', 'plan.shared_with_reps']);
  });
  it('every mistake with its place', async () => {
    const { parseAnswers } = await import('../../src/interview/answers');
    const { formatDiagnostic } = await import('../../src/load/diagnostics');
    const errors = (t: string) => {
      const r = parseAnswers(t, 'a.yaml');
      return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
    };
    expect(errors('respondent: Dana\n')).toEqual(['a.yaml:1:1: respondent: expected who answers as a map of name, group and anonymous, e.g. respondent: {name: "Dana Reyes, AE", group: reps}']);
    expect(errors('respondent: {group: reps, anonymus: true}\n')).toEqual([
      'a.yaml:1:27: respondent.anonymus: unknown field "anonymus"; expected name, group or anonymous (did you mean "anonymous"?)',
    ]);
    expect(errors('respondent: {group: reps, anonymous: yes}\n')).toEqual(['a.yaml:1:38: respondent.anonymous: expected true or false; got "yes"']);
    expect(errors('self.selling_time_pct: 130\nself.coaching.one_to_one: daily\nself.people[0].name: x\n')).toEqual([
      'a.yaml:1:1: self.selling_time_pct: expected a number from 0 to 100, got 130',
      'a.yaml:2:1: self.coaching.one_to_one: expected one of: weekly, monthly, quarterly, none; got "daily"',
      'a.yaml:3:1: self.people[0].name: a self. answer is about one person: write the fact without an item number (self.coaching.one_to_one)',
    ]);
  });
});
