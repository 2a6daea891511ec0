// Jackson, mistake 5: every rep gets the same treatment instead of coaching
// aimed at what that rep needs.
import { bracket, countOf, defineRule, joinNames, listNames, options, repCheck, repsOf, threshold } from '../src/engine/define-rule';
import { POLICY_WEIGHT, policiesFor, policyRefs, worstOf, type PolicyRef } from '../src/engine/policies';
import { unlistedPeople } from '../src/engine/roster-gap';
import type { CheckOut } from '../src/engine/types';
import type { Policy } from '../src/model/schema';

const SOURCE_SEC =
  'house default, informed by a Sales Executive Council (Corporate Executive Board, now part of Gartner) study of about 2,000 salespeople, as cited by Street Savvy Sales Leadership (2018): reps who received three or more hours of coaching a month reached 107% of quota on average, against 88% for reps who received little or none. An association, not proof that the hours caused it; the study set no minimum';

const SOURCE_SPAN =
  'house default, informed by Objective Management Group (Dave Kurlan, "How Many Salespeople Should Report to a Sales Manager?", 2011: a front-line sales manager should have no more than 10 reps, 6 to 8 being best, from evaluations of about 10,000 sales forces) and the Alexander Group ("What is the right span of control for first-line sales managers?", 2013: 8.5 direct reports on average in its benchmark, fewer for a player-coach)';
const SOURCE_CAPACITY =
  'house default: the hours a manager can give are asked (leadership.manager_coaching_hours_per_month); the need is the reps a manager has times the coaching bar (minHoursPerMonth). InsightSquared (2014), citing the Sales Leadership Council, reports that most sales managers can set aside about 8 hours a week for coaching, enough for about 8 reps at 3 to 5 hours each';

/** How much each part of individual attention weighs in a rep's check. */
const PART = { plan: 0.4, oneToOne: 0.3, hours: 0.3 } as const;
/** The reps' checks together (or the policies' without a roster) weigh this much against the one check on the managers' capacity. */
const REPS_WEIGHT = 3;
const ONE_TO_ONE = { weekly: 1, monthly: 1, quarterly: 0.5, none: 0 } as const;
const focusKey = (f: readonly string[] | undefined) => (f?.length ? [...new Set(f)].sort().join(', ') : undefined);

export default defineRule({
  id: 'individual-coaching',
  title: 'Reps are coached as individuals',
  source: 'Jackson, mistake 5',
  category: 'people',
  // A summary of many reps' findings counts against the reps coached: "300 of 2,100 reps".
  population: { noun: 'reps', count: (org) => repsOf(org.people).length },
  severity: 'high',
  reads: [
    'people[].name',
    'people[].direct_reports',
    'people[].selling_share_pct',
    'people[].is_rep',
    'people[].coaching.plan',
    'people[].coaching.focus',
    'people[].coaching.one_to_one',
    'people[].coaching.hours_per_month',
    'people[].title',
    'policies[].applies_to',
    'policies[].development_plan',
    'policies[].one_to_one',
    'policies[].coaching_hours_per_month',
    'leadership.reps_per_manager',
    'leadership.manager_coaching_hours_per_month',
    'plan.ramped_reps',
  ],
  options: options({
    minHoursPerMonth: threshold({
      default: 3,
      min: 0,
      max: 200,
      description: 'Coaching hours per rep per month for full marks on coaching time; fewer earn in proportion.',
      source: SOURCE_SEC,
    }),
    maxRepsPerManager: threshold({
      default: 10,
      min: 1,
      max: 100,
      whole: true,
      description: 'Reps one first-line manager can coach as individuals (span of control); more earn the span part in proportion.',
      source: SOURCE_SPAN,
    }),
  }),
  docs: {
    description:
      "One check per rep, made of the individual attention the rep gets: a development plan written for them (40%), a regular one-to-one with their manager (30%: weekly or monthly in full, quarterly half) and coaching time (30%, in proportion to 3 hours a month). One-to-ones and coaching hours are individual attention even when the plan is the team's common one. Reps whose plans share a focus are not treated alike for that: two reps can need the same thing. A role policy (`policies:`) counts where a rep's own fact is missing: a policy is intent, not observed practice, so it earns half of what the same practice observed would; observed practice earns in full and never less than the policy it falls under (a rep short of the policy is a finding). Without a roster, or while nobody in it is known to sell, it is not known whether the rule applies at all: nothing in it earns (an unknown earns nothing), and the policies' terms and the managers' capacity show only what it could reach. The reps' checks together weigh three times one more check, the managers' capacity: half for the span of control (reps per first-line manager, up to 10), half for the coaching hours a manager can give against the reps they have times the coaching bar. The capacity bar: " +
      SOURCE_CAPACITY +
      '.',
    rationale:
      'Reps struggle for different reasons: one lacks a skill, another confidence, another a way to organise the week. A manager who handles everyone alike misses those differences, frustrates the team and leaves growth on the table; coaching only works when it starts from where each person is, and that takes time with each person.',
  },
  messages: {
    noPlan: '{name} has no development plan.',
    genericPlan: '{name} follows the team-wide plan, with nothing in it written for them.',
    identicalPlan: 'All {count} individual plans have the same focus ({focus}): check that each was written for its rep.',
    lowHours: '{name} gets {coaching} (full marks from {minText} a month).',
    noOneToOne: '{name} has no regular one-to-one with their manager.',
    rareOneToOne: '{name} has a one-to-one with their manager only once a quarter.',
    repsUnknown: '{names} {has} no development plan recorded: the score counts {them} as earning nothing for it until it is known.',
    unlisted: '{words}: for the {countText} not listed, coaching is unknown; the score counts them as earning nothing until they are listed.',
    policyOnly: 'No roster is given: the policy for {who} ({terms}) says what each rep should get, but not who sells or that anyone gets it, so it earns nothing until a roster shows it.',
    nobodySells: 'Nobody in the roster is known to sell (for {names}, whether they sell is not recorded): until someone is, this rule may not apply, and the score counts it as earning nothing.',
    policyFills: 'For {names}, {what} {is} not recorded: the policy for {who} ({terms}) counts instead, at half, until it is.',
    policyShort: 'The policy for {who} sets {gaps}.',
    policyNotKept: '{name} has {observed}, against the policy for {who} ({terms}).',
    wideSpan: 'A first-line manager has {reps} reps (more than {maxRepsPerManager}): too many to coach each as an individual.',
    overCapacity: 'A first-line sales manager with {reps} reps needs about {need} hours a month to coach each for {minText}, and has {hours}.',
    spanVsRoster: 'The span of control is given as {reps} reps per first-line manager, but the roster {rosterText}: check which is right.',
  },
  steps: {
    writePlan: {
      action: 'Write a development plan for {name} that names the one area they most need help with (skills, mindset, time management...).',
      owner: 'Sales manager',
      effort: 'medium',
    },
    tailorPlan: {
      action: 'Replace the common plan {name} follows with one built on their own gaps and strengths.',
      owner: 'Sales manager',
      effort: 'medium',
    },
    moreHours: {
      action: 'Give {name} at least {minText} of coaching a month (today: {now}).',
      owner: 'Sales manager',
      effort: 'low',
    },
    oneToOne: {
      action: 'Book a recurring one-to-one with {name} (weekly or monthly) and keep it.',
      owner: 'Sales manager',
      effort: 'low',
    },
    fixPolicy: {
      action: 'Amend the policy for {who}: {fix}.',
      owner: 'Sales manager',
      effort: 'low',
    },
    freeCoachingTime: {
      action: "Free the sales manager's time for coaching: about {need} hours a month for {reps} reps (today {hours}); hand other duties to someone else, or add a team lead to share the coaching.",
      owner: 'CEO',
      effort: 'medium',
    },
    narrowSpan: {
      action: "Bring the span of control to {maxRepsPerManager} reps or fewer per first-line manager (a team lead or a second manager), or free the manager's time for coaching.",
      owner: 'CEO',
      effort: 'high',
    },
  },
  check({ org, options, finding, step }) {
    const min = options.minHoursPerMonth;
    const maxSpan = options.maxRepsPerManager;
    const refs = policyRefs(org);
    // Each part of individual attention in [0, 1], from a rep's facts or a policy's.
    const planScore = (plan: string | undefined) => (plan === 'individual' ? 1 : 0);
    const oneScore = (c: keyof typeof ONE_TO_ONE | undefined) => (c === undefined ? 0 : ONE_TO_ONE[c]);
    const hoursScore = (h: number | undefined) => (h === undefined ? 0 : min > 0 ? Math.min(1, h / min) : 1);
    const fromPolicy = {
      plan: (p: Policy) => planScore(p.development_plan),
      oneToOne: (p: Policy) => oneScore(p.one_to_one),
      hours: (p: Policy) => hoursScore(p.coaching_hours_per_month),
    };
    const termsOf = (p: Policy) =>
      [
        p.one_to_one === undefined ? undefined : p.one_to_one === 'none' ? 'no one-to-ones' : `${p.one_to_one} one-to-ones`,
        p.coaching_hours_per_month === undefined ? undefined : `${countOf(p.coaching_hours_per_month, 'hour')} of coaching a month`,
        p.development_plan === undefined
          ? undefined
          : p.development_plan === 'individual'
            ? 'a development plan per rep'
            : p.development_plan === 'generic'
              ? "the team's common plan"
              : 'no development plan',
      ]
        .filter((x) => x !== undefined)
        .join(', ') || 'nothing about coaching';

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const checks: CheckOut[] = [];
    // Whether anyone sells is not known: the rule may not apply, so no check in it earns (an unknown earns
    // nothing, and a roster known to hold no seller takes the rule out of the count), though each could reach its best.
    const mayNotApply = (unknown: string[]): CheckOut[] =>
      checks.map((c) => {
        if (c.notApplicable !== undefined || c.score === undefined) return c;
        const best = typeof c.score === 'number' ? c.score : c.score[1];
        return { ...c, score: [0, best], unknown: best > 0 ? [...new Set([...(c.unknown ?? []), ...unknown])] : (c.unknown ?? []) };
      });
    // What a policy sets short of the bar: a finding and a step, once per policy.
    const judgePolicy = ({ policy: p, i, who }: PolicyRef) => {
      const gaps: string[] = [];
      const fixes: string[] = [];
      if (p.development_plan === 'none' || p.development_plan === 'generic') {
        gaps.push(p.development_plan === 'none' ? 'no development plan' : 'one common plan for everyone');
        fixes.push('a development plan written for each rep');
      }
      if (p.one_to_one === 'none' || p.one_to_one === 'quarterly') {
        gaps.push(p.one_to_one === 'none' ? 'no one-to-ones' : 'one-to-ones only once a quarter');
        fixes.push('a weekly or monthly one-to-one');
      }
      if (p.coaching_hours_per_month !== undefined && p.coaching_hours_per_month < min) {
        gaps.push(`${countOf(p.coaching_hours_per_month, 'hour')} of coaching a month (full marks from ${countOf(min, 'hour')})`);
        fixes.push(`at least ${countOf(min, 'hour')} of coaching a month`);
      }
      if (!gaps.length) return;
      findings.push(
        finding(
          'policyShort',
          [`policies[${i}]`],
          { who, gaps: joinNames(gaps) },
          p.coaching_hours_per_month !== undefined && p.coaching_hours_per_month < min ? { thresholds: ['minHoursPerMonth'] } : undefined,
        ),
      );
      steps.push(step('fixPolicy', { who, fix: joinNames(fixes) }, [`policies[${i}]`]));
    };

    // The managers' capacity: span of control and coaching hours, one check as heavy as one rep.
    const managerCheck = (): CheckOut => {
      const span = org.leadership?.reps_per_manager;
      const hours = org.leadership?.manager_coaching_hours_per_month;
      const score = bracket((pick) => {
        const reps = pick(span, Number.POSITIVE_INFINITY, 0);
        const avail = pick(hours, 0, Number.POSITIVE_INFINITY);
        const spanPart = reps <= maxSpan ? 1 : maxSpan / reps;
        const need = reps * min;
        const capPart = need === 0 ? 1 : Math.min(1, avail / need);
        return 0.5 * spanPart + 0.5 * capPart;
      });
      const unknown = [...(span === undefined ? ['leadership.reps_per_manager'] : []), ...(hours === undefined ? ['leadership.manager_coaching_hours_per_month'] : [])];
      if (span !== undefined && span > maxSpan) {
        findings.push(finding('wideSpan', ['leadership.reps_per_manager'], { reps: span, maxRepsPerManager: maxSpan }, { thresholds: ['maxRepsPerManager'], gap: 1 - maxSpan / span }));
        steps.push(step('narrowSpan', { maxRepsPerManager: maxSpan }, ['leadership.reps_per_manager']));
      }
      if (span !== undefined && hours !== undefined && hours < span * min) {
        findings.push(
          finding(
            'overCapacity',
            ['leadership.manager_coaching_hours_per_month', 'leadership.reps_per_manager'],
            { reps: span, need: Math.round(span * min * 10) / 10, hours, minText: countOf(min, 'hour') },
            { thresholds: ['minHoursPerMonth'], gap: 1 - hours / (span * min) },
          ),
        );
        // Within the span the fault is the hours, not the span: the fix is time for coaching.
        if (span <= maxSpan) steps.push(step('freeCoachingTime', { reps: span, need: Math.round(span * min * 10) / 10, hours }, ['leadership.manager_coaching_hours_per_month']));
      }
      // The stated span against the managers in the roster: when nobody in it has that many reports, one
      // of the two is wrong (a note: the score keeps the stated span, the worse of the two here).
      const managers = (org.people ?? []).filter((p) => (p.direct_reports ?? 0) > 0);
      if (span !== undefined && managers.length) {
        const most = Math.max(...managers.map((p) => p.direct_reports!));
        const top = managers.find((p) => p.direct_reports === most)!;
        if (most < span) {
          const rosterText = `shows at most ${most} reporting to one person (${top.name ?? 'a manager'})`;
          findings.push(finding('spanVsRoster', ['leadership.reps_per_manager', `people[${org.people!.indexOf(top)}].direct_reports`], { reps: span, rosterText }, { note: true }));
        }
      }
      return { id: 'managers', score, unknown: score[0] < score[1] ? unknown : [] };
    };

    if (org.people === undefined) {
      // No roster: the role policies stand for the team, at the policy's weight.
      if (!refs.length) return { notAssessed: ['people[].coaching.plan', 'policies'] };
      for (const ref of refs) {
        const p = ref.policy;
        const score = bracket((pick) => {
          const plan = pick(p.development_plan, 'none', 'individual');
          const one = pick(p.one_to_one, 'none', 'weekly');
          const hours = pick(p.coaching_hours_per_month, 0, Math.max(min, 0));
          return PART.plan * planScore(plan) + PART.oneToOne * oneScore(one) + PART.hours * hoursScore(hours);
        });
        const unknown = (['development_plan', 'one_to_one', 'coaching_hours_per_month'] as const).filter((f) => p[f] === undefined).map((f) => `policies[${ref.i}].${f}`);
        // The policy's terms earn their share; the practice under it, the rest, once a roster shows it.
        const share = REPS_WEIGHT / refs.length;
        checks.push({ id: `policy:${ref.who}`, weight: share * POLICY_WEIGHT, score, unknown: score[0] < score[1] ? unknown : [] });
        checks.push({ id: `practice:${ref.who}`, weight: share * (1 - POLICY_WEIGHT), score: [0, 1], unknown: ['people'] });
        findings.push(finding('policyOnly', [`policies[${ref.i}]`], { who: ref.who, terms: termsOf(p) }, { note: true }));
        judgePolicy(ref);
      }
      checks.push(managerCheck());
      return { checks: mayNotApply(['people']), findings, steps };
    }
    const reps = repsOf(org.people);
    // A roster with nobody who sells says nothing about the reps (a sales team has them): unknown, never "not applicable".
    // The managers' capacity and the role policies are known facts all the same: still judged, so that
    // leaving the reps off the roster never deletes their findings (the rule earns nothing while it may not apply).
    if (!reps.length) {
      for (const ref of refs) judgePolicy(ref);
      checks.push({ id: 'reps', weight: REPS_WEIGHT, score: [0, 1], unknown: ['people[].is_rep'] }, managerCheck());
      return { checks: mayNotApply(['people[].is_rep']), findings, steps };
    }

    const noPlan: typeof reps = [];
    // People the stated counts imply but the roster leaves out: reps whose coaching is unknown, each weighing as a listed rep.
    const gap = unlistedPeople(org);
    const per = REPS_WEIGHT / (reps.length + (gap?.count ?? 0));
    // Policies that fill a rep's missing facts, for one note per policy: policy index -> reps and what was filled.
    const filled = new Map<number, { ref: PolicyRef; names: string[]; what: Set<string> }>();
    const judged = new Set<number>();
    for (const rep of reps) {
      const { p, i, name } = rep;
      const c = p.coaching ?? {};
      const path = (f: string) => `people[${i}].coaching.${f}`;
      const under = policiesFor(refs, p.title);
      const floor = { plan: POLICY_WEIGHT * worstOf(under, fromPolicy.plan), oneToOne: POLICY_WEIGHT * worstOf(under, fromPolicy.oneToOne), hours: POLICY_WEIGHT * worstOf(under, fromPolicy.hours) };
      // A part: observed in full but never under the policy's floor; unknown, the floor up to full marks.
      const part = (known: boolean, observed: number, fl: number): [number, number] => (known ? [Math.max(observed, fl), Math.max(observed, fl)] : [fl, 1]);
      const parts = [
        [PART.plan, part(c.plan !== undefined, planScore(c.plan), floor.plan)],
        [PART.oneToOne, part(c.one_to_one !== undefined, oneScore(c.one_to_one), floor.oneToOne)],
        [PART.hours, part(c.hours_per_month !== undefined, hoursScore(c.hours_per_month), floor.hours)],
      ] as const;
      const score: [number, number] = [parts.reduce((a, [w, r]) => a + w * r[0], 0), parts.reduce((a, [w, r]) => a + w * r[1], 0)];
      const unknown = (['plan', 'one_to_one', 'hours_per_month'] as const).filter((f) => c[f] === undefined).map(path);
      checks.push(repCheck(rep, `rep:${name}`, score, unknown, per));
      if (c.plan === undefined && floor.plan === 0) noPlan.push(rep);

      // The one policy that holds (one candidate, no doubt): what it filled, and where practice falls short of it.
      const only = under.refs.length === 1 && !under.maybeNone ? under.refs[0]! : undefined;
      if (only) {
        const what = [
          ...(c.plan === undefined && only.policy.development_plan !== undefined ? ['the development plan'] : []),
          ...(c.one_to_one === undefined && only.policy.one_to_one !== undefined ? ['the one-to-ones'] : []),
          ...(c.hours_per_month === undefined && only.policy.coaching_hours_per_month !== undefined ? ['the coaching hours'] : []),
        ];
        // Only for a known rep: one who may not sell earns nothing until known (repCheck), so the policy does not count for them.
        if (what.length && rep.certain) {
          const entry = filled.get(only.i) ?? { ref: only, names: [], what: new Set<string>() };
          entry.names.push(name);
          for (const w of what) entry.what.add(w);
          filled.set(only.i, entry);
        }
        const pol = only.policy;
        const short = [
          ...(c.one_to_one !== undefined && pol.one_to_one !== undefined && ONE_TO_ONE[c.one_to_one] < ONE_TO_ONE[pol.one_to_one]
            ? [c.one_to_one === 'none' ? 'no one-to-ones' : `${c.one_to_one} one-to-ones`]
            : []),
          ...(c.hours_per_month !== undefined && pol.coaching_hours_per_month !== undefined && c.hours_per_month < pol.coaching_hours_per_month
            ? [`${countOf(c.hours_per_month, 'hour')} of coaching a month`]
            : []),
        ];
        if (short.length)
          findings.push(
            finding(
              'policyNotKept',
              [path(c.one_to_one !== undefined && pol.one_to_one !== undefined && ONE_TO_ONE[c.one_to_one] < ONE_TO_ONE[pol.one_to_one] ? 'one_to_one' : 'hours_per_month'), `policies[${only.i}]`],
              { name, observed: joinNames(short), who: only.who, terms: termsOf(pol) },
            ),
          );
      }
      for (const r of under.refs)
        if (!judged.has(r.i)) {
          judged.add(r.i);
          judgePolicy(r);
        }

      if (c.plan === 'none') {
        findings.push(finding('noPlan', [path('plan')], { name }));
        steps.push(step('writePlan', { name }, [path('plan')]));
      } else if (c.plan === 'generic') {
        findings.push(finding('genericPlan', [path('plan')], { name }));
        steps.push(step('tailorPlan', { name }, [path('plan')]));
      }
      const hours = c.hours_per_month;
      if (hours !== undefined && hours < min) {
        const coaching = hours === 0 ? 'no coaching at all' : `${countOf(hours, 'hour')} of coaching a month`;
        const minText = countOf(min, 'hour');
        findings.push(finding('lowHours', [path('hours_per_month')], { name, hours, coaching, min, minText }, { thresholds: ['minHoursPerMonth'], shortfall: (min - hours) / min }));
        steps.push(step('moreHours', { name, hours, min, minText, now: hours === 0 ? 'none' : countOf(hours, 'hour') }, [path('hours_per_month')]));
      }
      if (c.one_to_one === 'none' || c.one_to_one === 'quarterly') {
        findings.push(finding(c.one_to_one === 'none' ? 'noOneToOne' : 'rareOneToOne', [path('one_to_one')], { name }));
        steps.push(step('oneToOne', { name }, [path('one_to_one')]));
      }
    }
    for (const { ref, names, what } of filled.values())
      findings.push(
        finding(
          'policyFills',
          [`policies[${ref.i}]`],
          { names: listNames(names), what: joinNames([...what]), is: what.size === 1 ? 'is' : 'are', who: ref.who, terms: termsOf(ref.policy) },
          { note: true },
        ),
      );
    // Plans that all share one focus may be one plan copied: worth a look, not
    // a failing (two or three reps can need the same thing).
    const keys = reps.map((r) => (r.certain && r.p.coaching?.plan === 'individual' ? focusKey(r.p.coaching.focus) : undefined));
    if (reps.length >= 3 && keys.every((k) => k !== undefined && k === keys[0]))
      findings.push(
        finding(
          'identicalPlan',
          reps.map((r) => `people[${r.i}].coaching.focus`),
          { count: reps.length, focus: keys[0] },
          { note: true },
        ),
      );
    if (noPlan.length) {
      findings.push(
        finding(
          'repsUnknown',
          noPlan.map(({ i }) => `people[${i}].coaching.plan`),
          {
            names: listNames(noPlan.map(({ name }) => name)),
            has: noPlan.length === 1 ? 'has' : 'have',
            them: noPlan.length === 1 ? 'this rep' : 'these reps',
          },
          { note: true },
        ),
      );
    }
    if (gap) {
      checks.push({ id: 'unlisted', weight: per * gap.count, score: [0, 1], unknown: ['people'] });
      findings.push(finding('unlisted', gap.by, { words: gap.words, count: gap.count, countText: gap.count === 1 ? 'one' : String(gap.count) }, { note: true }));
    }
    checks.push(managerCheck());
    if (reps.some((r) => r.certain)) return { checks, findings, steps };
    findings.push(
      finding(
        'nobodySells',
        reps.map(({ i }) => `people[${i}].is_rep`),
        { names: listNames(reps.map(({ name }) => name)) },
        { note: true },
      ),
    );
    return { checks: mayNotApply(reps.map(({ i }) => `people[${i}].is_rep`)), findings, steps };
  },
});
