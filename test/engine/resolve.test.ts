// Several respondents (issue 14): one value per fact by the stated policy,
// the gaps between groups and the alignment per section, with the numbers.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { agrees, groupAnswer, resolveResponses } from '../../src/engine/resolve';
import { runAudit } from '../../src/engine/run';
import type { Org, Response } from '../../src/model/schema';

const vote = (value: unknown, respondent?: string) => ({ value, unknown: value === 'unknown', ...(respondent ? { respondent } : {}) });
const r = (group: Response['group'], answers: Record<string, unknown>, respondent?: string): Response => ({
  group,
  ...(respondent ? { respondent } : { anonymous: true }),
  answers,
});
const people = [{ name: 'AE 1' }, { name: 'AE 2' }, { name: 'AE 3' }, { name: 'AE 4' }];

describe('groupAnswer: within a group', () => {
  it('the majority answer, with how many said it', () => {
    expect(
      groupAnswer(
        'reps',
        ['monthly', 'monthly', 'weekly', 'monthly'].map((v) => vote(v)),
      ),
    ).toEqual({ group: 'reps', value: 'monthly', count: 3, of: 4, unknown: 0, words: '3 of 4 said monthly' });
  });
  it('a number: the median (an even count: the lower middle answer, one somebody gave)', () => {
    expect(
      groupAnswer(
        'reps',
        [40, 20, 30].map((v) => vote(v)),
      ),
    ).toMatchObject({ value: 30, words: 'median 30 of 3 answers (20 to 40)' });
    expect(
      groupAnswer(
        'reps',
        [50, 20, 40, 30].map((v) => vote(v)),
      ),
    ).toMatchObject({ value: 30, of: 4 });
    expect(
      groupAnswer(
        'reps',
        [35].map((v) => vote(v)),
      ),
    ).toMatchObject({ value: 35, words: '35' });
    // An anonymous member: no lowest and highest answer shown.
    expect(
      groupAnswer(
        'reps',
        [40, 20, 30].map((v) => ({ ...vote(v), anonymous: true })),
      ),
    ).toMatchObject({ value: 30, words: 'median 30 of 3 answers' });
  });
  it("don't know does not vote, and is counted", () => {
    expect(
      groupAnswer(
        'reps',
        ['monthly', 'unknown', 'monthly'].map((v) => vote(v)),
      ),
    ).toMatchObject({ value: 'monthly', count: 2, of: 2, unknown: 1, words: '2 of 2 said monthly (1 did not know)' });
    expect(
      groupAnswer(
        'reps',
        ['unknown'].map((v) => vote(v)),
      ),
    ).toEqual({ group: 'reps', count: 0, of: 0, unknown: 1, words: 'did not know' });
  });
  it('a tie is said plainly and gives no answer, unless the person the fact is about breaks it', () => {
    const votes = [vote('weekly'), vote('monthly'), vote('monthly'), vote('weekly')];
    expect(groupAnswer('reps', votes)).toEqual({ group: 'reps', count: 2, of: 4, unknown: 0, words: 'split: 2 said monthly, 2 said weekly' });
    expect(groupAnswer('reps', votes, 'weekly')).toMatchObject({ value: 'weekly', words: "split: 2 said monthly, 2 said weekly; the person's own answer (weekly) decides" });
  });
  it('a group with an anonymous member and fewer than 3 answers: withheld, no value, no breakdown (issue 14, item 3)', () => {
    const anon = (v: unknown) => ({ ...vote(v), anonymous: true });
    const withheld = { withheld: true, words: 'answers withheld: fewer than 3 in a group with an anonymous respondent' };
    expect(groupAnswer('reps', [vote(30, 'AE 1'), anon(14)])).toMatchObject(withheld);
    expect(groupAnswer('reps', [vote(30, 'AE 1'), anon(14)])).not.toHaveProperty('value');
    expect(groupAnswer('reps', [vote('none', 'AE 1'), anon('quarterly')])).toMatchObject(withheld);
    expect(groupAnswer('reps', [anon('quarterly')])).toMatchObject(withheld);
    // Three answers or more: the aggregate, still without the lowest and highest.
    expect(groupAnswer('reps', [vote(30, 'AE 1'), anon(14), anon(20)])).toMatchObject({ value: 20, words: 'median 20 of 3 answers' });
    // All named: shown as before.
    expect(groupAnswer('reps', [vote(30, 'AE 1'), vote(14, 'AE 2')])).toMatchObject({ value: 14, words: 'median 14 of 2 answers (14 to 30)' });
  });
  it('a list of choices counts as one answer whatever its order', () => {
    expect(groupAnswer('reps', [vote(['a', 'b']), vote(['b', 'a']), vote(['a'])])).toMatchObject({ value: ['a', 'b'], count: 2, of: 3 });
  });
  it('numbers agree within a tenth of the larger', () => {
    expect(agrees(30, 32)).toBe(true);
    expect(agrees(30, 34)).toBe(false);
    expect(agrees(true, false)).toBe(false);
    expect(agrees(['a', 'b'], ['b', 'a'])).toBe(true);
  });
});

describe('resolveResponses: one value per fact', () => {
  it('without responses the org is the one given and there is no perception', () => {
    const org: Org = { plan: { documented: true } };
    const out = resolveResponses(org, ['plan.last_reviewed']);
    expect(out.org).toBe(org);
    expect(out.perception).toBeUndefined();
    expect(out.unknowns).toEqual(['plan.last_reviewed']);
  });

  it('default: the best informed group that answered (the reps, for whether they have seen the plan)', () => {
    const org: Org = {
      responses: [
        r('leadership', { 'plan.shared_with_reps': true }, 'Jane, CEO'),
        r('reps', { 'plan.shared_with_reps': false }),
        r('reps', { 'plan.shared_with_reps': false }),
        r('reps', { 'plan.shared_with_reps': false }),
        r('reps', { 'plan.shared_with_reps': true }),
      ],
    };
    const out = resolveResponses(org, []);
    expect(out.org.plan?.shared_with_reps).toBe(false);
    expect(out.perception!.resolutions).toEqual([{ path: 'plan.shared_with_reps', from: 'reps', reason: 'from sales reps: 3 of 4 said no; the best informed group' }]);
    // The input is not changed.
    expect(org.plan).toBeUndefined();
  });

  it('the consultant overrides per fact with resolution:, by pattern or by path', () => {
    const responses = [
      r('management', { 'people[0].coaching.one_to_one': 'weekly', 'people[1].coaching.one_to_one': 'weekly' }, 'VP'),
      r('reps', { 'people[0].coaching.one_to_one': 'monthly' }, 'AE 1'),
    ];
    const byDefault = resolveResponses({ people: structuredClone(people), responses }, []).org;
    expect(byDefault.people!.map((p) => p.coaching?.one_to_one)).toEqual(['monthly', 'weekly', undefined, undefined]);
    const overridden = resolveResponses({ people: structuredClone(people), responses, resolution: { 'people[].coaching.one_to_one': 'management' } }, []);
    expect(overridden.org.people!.map((p) => p.coaching?.one_to_one)).toEqual(['weekly', 'weekly', undefined, undefined]);
    expect(overridden.perception!.resolutions[0]!.reason).toBe('from sales management: weekly; the group the consultant chose for this fact');
  });

  it("the org file's own value stands over the answers, unless resolution: names a group that answered; file keeps it", () => {
    const responses = [r('reps', { 'plan.shared_with_reps': false }, 'AE 1'), r('reps', { 'plan.shared_with_reps': false }, 'AE 2')];
    const kept = resolveResponses({ plan: { shared_with_reps: true }, responses }, []);
    expect(kept.org.plan!.shared_with_reps).toBe(true);
    expect(kept.perception!.resolutions[0]!.reason).toBe('as written in the org file (the consultant\u2019s record; resolution: can name a group instead)');
    // Answers that match the file are said to (issue 14, item 11), and a group's answer replaces nothing it agrees with.
    const same = [r('reps', { 'plan.shared_with_reps': true }, 'AE 1')];
    expect(resolveResponses({ plan: { shared_with_reps: true }, responses: same }, []).perception!.resolutions[0]!.reason).toBe('as written in the org file, as sales reps answered');
    expect(resolveResponses({ plan: { shared_with_reps: true }, responses: same, resolution: { 'plan.shared_with_reps': 'reps' } }, []).perception!.resolutions[0]!.reason).toBe(
      'from sales reps: yes; the group the consultant chose for this fact',
    );
    expect(resolveResponses({ plan: { shared_with_reps: true }, responses, resolution: { 'plan.shared_with_reps': 'reps' } }, []).org.plan!.shared_with_reps).toBe(false);
    expect(resolveResponses({ plan: { shared_with_reps: true }, responses, resolution: { 'plan.shared_with_reps': 'file' } }, []).org.plan!.shared_with_reps).toBe(true);
    // A lone management claim against the file (and the reps) does not replace it.
    const vp = [r('management', { 'process.forecast_method': 'stage_weighted' }, 'VP'), r('reps', { 'process.forecast_method': 'gut' }), r('reps', { 'process.forecast_method': 'gut' })];
    expect(resolveResponses({ process: { forecast_method: 'gut' }, responses: vp }, []).org.process!.forecast_method).toBe('gut');
    // A body "don't know" is filled by an answer.
    const filled = resolveResponses({ responses }, ['plan.shared_with_reps']);
    expect(filled.org.plan!.shared_with_reps).toBe(false);
    expect(filled.unknowns).toEqual([]);
  });

  it('a tie in the best informed group: the next group decides; every respondent not knowing leaves the fact unknown', () => {
    const out = resolveResponses(
      {
        responses: [
          r('reps', { 'plan.shared_with_reps': true }),
          r('reps', { 'plan.shared_with_reps': false }),
          r('management', { 'plan.shared_with_reps': true }, 'VP'),
          r('reps', { 'plan.last_reviewed': 'unknown' }),
        ],
      },
      [],
    );
    expect(out.org.plan!.shared_with_reps).toBe(true);
    expect(out.perception!.resolutions.find((x) => x.path === 'plan.shared_with_reps')!.reason).toBe('from sales management: yes; the best informed group that gave one answer');
    expect(out.unknowns).toEqual(['plan.last_reviewed']);
  });

  it("a rep's self. answer speaks for the reps in general: never one person's fact, never compared with an answer about someone else", () => {
    const out = resolveResponses(
      { people: structuredClone(people), responses: [r('reps', { 'self.coaching.one_to_one': 'monthly' }), r('management', { 'people[0].coaching.one_to_one': 'weekly' }, 'VP')] },
      [],
    );
    expect(out.org.people!.map((p) => p.coaching?.one_to_one)).toEqual(['weekly', undefined, undefined, undefined]);
    // The VP spoke of AE 1, the rep of themselves: not the same fact, so no gap (issue 14, item 5).
    expect(out.perception!.gaps).toEqual([]);
  });

  it("an answer keyed by a person's name stays theirs when the roster is reordered (issue 14, item 1)", () => {
    const responses = [r('reps', { 'people[name=AE 3].coaching.one_to_one': 'none' }, 'AE 3')];
    const out = resolveResponses({ people: [{ name: 'New hire' }, ...structuredClone(people)], responses }, []);
    expect(out.org.people!.map((p) => p.coaching?.one_to_one)).toEqual([undefined, undefined, undefined, 'none', undefined]);
    expect(out.perception!.resolutions.map((x) => x.path)).toEqual(['people[3].coaching.one_to_one']);
    // Case and outer spaces of the name do not matter; a name the roster lacks decides nothing (the loader refuses it).
    expect(resolveResponses({ people: structuredClone(people), responses: [r('reps', { 'people[name= ae 3 ].coaching.one_to_one': 'none' }, 'AE 3')] }, []).org.people![2]!.coaching?.one_to_one).toBe(
      'none',
    );
    expect(
      resolveResponses({ people: structuredClone(people), responses: [r('reps', { 'people[name=AE 9].coaching.one_to_one': 'none' }, 'AE 9')] }, []).org.people!.every((p) => p.coaching === undefined),
    ).toBe(true);
  });

  it("a rep's answer about a list's item (an older import) decides nothing and is compared with nothing (issue 14, item 4)", () => {
    const org: Org = {
      admin: { non_sales_tasks: [{ task: 'Writing quotes and configuring part lists', hours_per_week: 4 }] },
      responses: [r('reps', { 'admin.non_sales_tasks[0].task': 'Writing quotes', 'admin.non_sales_tasks[0].hours_per_week': 6 }, 'KAM 1')],
    };
    const out = resolveResponses(org, [], rules);
    expect(out.org.admin!.non_sales_tasks).toEqual(org.admin!.non_sales_tasks);
    expect(out.perception!.gaps).toEqual([]);
    expect(out.perception!.resolutions).toEqual([]);
  });

  it("a person's fact is compared person by person: what AE 4 says of AE 4 against the file's record of AE 4 (issue 14, items 5 and 15)", () => {
    const roster = people.map((p, i) => ({ ...p, coaching: { one_to_one: 'monthly' as const, hours_per_month: i } }));
    const responses = [
      r('reps', { 'people[name=AE 4].coaching.one_to_one': 'none' }, 'AE 4'),
      r('management', { 'people[name=AE 3].coaching.hours_per_month': 2 }, 'VP'),
      // A manager's own self. answers say nothing about the reps.
      r('management', { 'self.coaching.hours_per_month': 9 }, 'Director'),
    ];
    const gaps = resolveResponses({ people: roster, responses }, [], rules).perception!.gaps;
    expect(gaps.map((g) => [g.fact, g.recorded, g.answers.map((a) => `${a.group}: ${a.words}`)])).toEqual([['people[3].coaching.one_to_one', 'monthly', ['reps: none']]]);
  });
});

describe('perception gaps and alignment', () => {
  it('two respondents: one gap, its answers by group, the rules that read it', () => {
    const p = resolveResponses(
      { responses: [r('management', { 'plan.shared_with_reps': true, 'plan.documented': true }, 'VP'), r('reps', { 'plan.shared_with_reps': false, 'plan.documented': true }, 'AE 1')] },
      [],
      rules,
    ).perception!;
    expect(p.gaps).toEqual([
      {
        fact: 'plan.shared_with_reps',
        section: 'plan',
        answers: [
          { group: 'management', value: true, count: 1, of: 1, unknown: 0, words: 'yes' },
          { group: 'reps', value: false, count: 1, of: 1, unknown: 0, words: 'no' },
        ],
        rules: ['go-to-market-plan'],
        decisive: [],
      },
    ]);
    expect(p.alignment).toEqual([{ section: 'plan', facts: 2, agree: 1, pct: 50 }]);
    expect(p.respondents).toEqual([
      { group: 'management', named: 1, anonymous: 0 },
      { group: 'reps', named: 1, anonymous: 0 },
    ]);
  });

  it('four respondents, the reps anonymous: the reps aggregated ("3 of 4"), numbers within the tolerance agree', () => {
    const reps = [
      { 'self.coaching.one_to_one': 'monthly', 'admin.selling_time_pct': 30 },
      { 'self.coaching.one_to_one': 'monthly', 'admin.selling_time_pct': 35 },
      { 'self.coaching.one_to_one': 'weekly', 'admin.selling_time_pct': 25 },
      { 'self.coaching.one_to_one': 'monthly', 'admin.selling_time_pct': 40 },
    ].map((a) => r('reps', a));
    const vp = r('management', { 'people[0].coaching.one_to_one': 'weekly', 'people[1].coaching.one_to_one': 'weekly', 'admin.selling_time_pct': 32 }, 'VP');
    const p = resolveResponses({ people: structuredClone(people), responses: [vp, ...reps] }, [], rules).perception!;
    // The VP's answers are about AE 1 and AE 2, the reps' about themselves, unnamed: not compared (issue 14, item 5).
    expect(p.gaps).toEqual([]);
    // Reps' median 30 vs management's 32: within a tenth, so the admin section agrees.
    expect(p.alignment).toEqual([{ section: 'admin', facts: 1, agree: 1, pct: 100 }]);
    expect(p.respondents).toEqual([
      { group: 'management', named: 1, anonymous: 0 },
      { group: 'reps', named: 0, anonymous: 4 },
    ]);
  });
});

describe("the org file's own value in the gaps", () => {
  it('a body value the respondents dispute is a gap even when one group answered, and it still stands', () => {
    const out = resolveResponses(
      { plan: { shared_with_reps: true }, responses: [r('reps', { 'plan.shared_with_reps': false }, 'AE 1'), r('reps', { 'plan.shared_with_reps': false }, 'AE 2')] },
      [],
      rules,
    );
    expect(out.org.plan!.shared_with_reps).toBe(true);
    expect(out.perception!.gaps).toEqual([
      {
        fact: 'plan.shared_with_reps',
        section: 'plan',
        answers: [{ group: 'reps', value: false, count: 2, of: 2, unknown: 0, words: '2 of 2 said no' }],
        recorded: true,
        rules: ['go-to-market-plan'],
        decisive: [],
      },
    ]);
    // One group only: no alignment figure.
    expect(out.perception!.alignment).toEqual([]);
  });
});

describe('runAudit with several respondents', () => {
  const org: Org = {
    plan: {
      documented: true,
      covers: ['target_markets', 'ideal_customer_profile', 'value_proposition', 'positioning', 'goals'],
      last_reviewed: '2026-06-01',
      review_cadence: 'quarterly',
      goals_quantified: true,
    },
    responses: [
      r('leadership', { 'plan.shared_with_reps': true }, 'Jane, CEO'),
      r('reps', { 'plan.shared_with_reps': false }),
      r('reps', { 'plan.shared_with_reps': false }),
      r('reps', { 'plan.shared_with_reps': true }),
    ],
  };
  const report = runAudit({ org, date: '2026-11-27', rules, file: 'acme.yaml' });

  it('a gap that moves a rule is told in the finding the rule makes on that fact, never a second finding; the evidence says which answer was used (issue 14, items 10 and 11)', () => {
    expect(report.findings.filter((x) => x.messageId === 'perceptionGap')).toEqual([]);
    const f = report.findings.filter((x) => x.ruleId === 'go-to-market-plan' && x.evidence.some((e) => e.path === 'plan.shared_with_reps'));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      "Not every rep has seen the plan. Where people disagree: whether every rep has seen the sales plan: leadership: yes; sales reps: 2 of 3 said no; the audit used sales reps' answer (no).",
    );
    expect(f[0]!.evidence[0]).toMatchObject({ path: 'plan.shared_with_reps', origin: 'interview', resolution: 'from sales reps: 2 of 3 said no; the best informed group' });
    expect(report.perception!.gaps[0]!.decisive).toEqual(['go-to-market-plan']);
    // The headline counts are those of the same audit without the disagreement: the fact is counted once.
    const without = runAudit({ org: { ...org, plan: { ...org.plan, shared_with_reps: false }, responses: undefined }, date: '2026-11-27', rules, file: 'acme.yaml' });
    expect(report.summary.findings).toEqual(without.summary.findings);
  });

  it('a gap that moves a rule with no finding on that fact is a finding of its own, worded for its fact, with the answer used', () => {
    const o: Org = { ...org, plan: { ...org.plan, shared_with_reps: true }, responses: ['AE 1', 'AE 2', 'AE 3'].map((n) => r('reps', { 'plan.shared_with_reps': false }, n)) };
    const gapFindings = runAudit({ org: o, date: '2026-11-27', rules, file: 'acme.yaml' }).findings.filter((x) => x.messageId === 'perceptionGap');
    expect(gapFindings.map((g) => [g.ruleId, g.message])).toEqual([
      [
        'go-to-market-plan',
        "Where people disagree: whether every rep has seen the sales plan: the org file: yes; sales reps: 3 of 3 said no; the audit used the org file's value (yes). Whose answer is right decides this rule's result.",
      ],
    ]);
  });

  it("a person's disagreement is told at that person's fact, never at the roster's first person (issue 14, item 6)", () => {
    const roster = [
      { name: 'Sales Director', is_rep: false },
      ...people.map((p) => ({ ...p, is_rep: true, coaching: { one_to_one: 'monthly' as const, plan: 'individual' as const, hours_per_month: 3 } })),
    ];
    const rep = runAudit({
      org: { people: roster, responses: [r('reps', { 'people[name=AE 4].coaching.one_to_one': 'none' }, 'AE 4')], resolution: { 'people[].coaching.one_to_one': 'reps' } },
      date: '2026-11-27',
      rules,
      file: 'acme.yaml',
    });
    const told = rep.findings.filter((f) => f.message.includes('Where people disagree'));
    expect(told.length).toBeGreaterThan(0);
    for (const f of told) {
      expect(f.message).toContain('how often AE 4 has a one-to-one: the org file: monthly; sales reps: none');
      expect(f.evidence.map((e) => e.path)).toContain('people[4].coaching.one_to_one');
      expect(f.evidence.map((e) => e.path).filter((p) => p.startsWith('people[0]'))).toEqual([]);
    }
  });

  it('choices in words, never their codes (issue 14, item 11)', () => {
    expect(groupAnswer('management', [vote('stage_weighted', 'VP')])!.words).toBe('weighted by pipeline stage');
    expect(
      groupAnswer(
        'reps',
        ['gross_margin', 'revenue', 'gross_margin'].map((v) => vote(v)),
      )!.words,
    ).toBe('2 of 3 said gross margin');
    expect(groupAnswer('reps', [vote('monthly')])!.words).toBe('monthly');
  });

  it("the rules see the resolved value: the reps' no costs the plan its sharing", () => {
    const agreed = runAudit({ org: { ...org, responses: [r('reps', { 'plan.shared_with_reps': true }, 'AE 1')] }, date: '2026-11-27', rules, file: 'acme.yaml' });
    const score = (x: typeof report) => x.rules.find((y) => y.id === 'go-to-market-plan')!.score!;
    expect(score(report)).toBeLessThan(score(agreed));
    expect(agreed.perception!.gaps).toEqual([]);
  });

  it('names only named respondents; an anonymous one has no name anywhere', () => {
    expect(report.org.respondents).toEqual(['Jane, CEO']);
  });
});
