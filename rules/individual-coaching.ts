// Jackson, mistake 5: every rep gets the same treatment instead of coaching
// aimed at what that rep needs.
import { bracket, countOf, defineRule, joinNames, options, repCheck, repsOf, threshold } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const SOURCE_SEC =
  'house default, informed by a Sales Executive Council (Corporate Executive Board, now part of Gartner) study of about 2,000 salespeople, as cited by Street Savvy Sales Leadership (2018): reps who received three or more hours of coaching a month reached 107% of quota on average, against 88% for reps who received little or none. An association, not proof that the hours caused it; the study set no minimum';

/** How much each part of individual attention weighs in a rep's check. */
const PART = { plan: 0.4, oneToOne: 0.3, hours: 0.3 } as const;
const ONE_TO_ONE = { weekly: 1, monthly: 1, quarterly: 0.5, none: 0 } as const;
const focusKey = (f: readonly string[] | undefined) => (f?.length ? [...new Set(f)].sort().join(', ') : undefined);

export default defineRule({
  id: 'individual-coaching',
  title: 'Reps are coached as individuals',
  source: 'Jackson, mistake 5',
  category: 'people',
  severity: 'high',
  reads: [
    'people[].name',
    'people[].is_rep',
    'people[].coaching.plan',
    'people[].coaching.focus',
    'people[].coaching.one_to_one',
    'people[].coaching.hours_per_month',
  ],
  options: options({
    minHoursPerMonth: threshold({
      default: 3, min: 0, max: 200,
      description: 'Coaching hours per rep per month for full marks on coaching time; fewer earn in proportion.',
      source: SOURCE_SEC,
    }),
  }),
  docs: {
    description:
      'One check per rep, made of the individual attention the rep gets: a development plan written for them (40%), a regular one-to-one with their manager (30%: weekly or monthly in full, quarterly half) and coaching time (30%, in proportion to 3 hours a month). One-to-ones and coaching hours are individual attention even when the plan is the team\'s common one. Reps whose plans share a focus are not treated alike for that: two reps can need the same thing.',
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
  },
  check({ org, options, finding, step }) {
    const min = options.minHoursPerMonth;
    if (org.people === undefined) return { notAssessed: ['people[].coaching.plan'] };
    const reps = repsOf(org.people);
    if (!reps.length) return { notApplicable: 'No salespeople are listed.' };

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const checks: CheckOut[] = [];
    const noPlan: typeof reps = [];
    for (const rep of reps) {
      const { p, i, name } = rep;
      const c = p.coaching ?? {};
      const path = (f: string) => `people[${i}].coaching.${f}`;
      const score = bracket((pick) => {
        const plan = pick(c.plan, 'none', 'individual');
        const hours = pick(c.hours_per_month, 0, Math.max(min, 0));
        return PART.plan * (plan === 'individual' ? 1 : 0) + PART.oneToOne * ONE_TO_ONE[pick(c.one_to_one, 'none', 'weekly')] + PART.hours * (min > 0 ? Math.min(1, hours / min) : 1);
      });
      const unknown = (['plan', 'one_to_one', 'hours_per_month'] as const).filter((f) => c[f] === undefined).map(path);
      checks.push(repCheck(rep, `rep:${name}`, score, unknown));
      if (c.plan === undefined) noPlan.push(rep);

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
        findings.push(finding('lowHours', [path('hours_per_month')], { name, hours, coaching, min, minText }, { thresholds: ['minHoursPerMonth'] }));
        steps.push(step('moreHours', { name, hours, min, minText, now: hours === 0 ? 'none' : countOf(hours, 'hour') }, [path('hours_per_month')]));
      }
      if (c.one_to_one === 'none' || c.one_to_one === 'quarterly') {
        findings.push(finding(c.one_to_one === 'none' ? 'noOneToOne' : 'rareOneToOne', [path('one_to_one')], { name }));
        steps.push(step('oneToOne', { name }, [path('one_to_one')]));
      }
    }
    // Plans that all share one focus may be one plan copied: worth a look, not
    // a failing (two or three reps can need the same thing).
    const keys = reps.map((r) => (r.certain && r.p.coaching?.plan === 'individual' ? focusKey(r.p.coaching.focus) : undefined));
    if (reps.length >= 3 && keys.every((k) => k !== undefined && k === keys[0]))
      findings.push(finding('identicalPlan', reps.map((r) => `people[${r.i}].coaching.focus`), { count: reps.length, focus: keys[0] }, { note: true }));
    if (noPlan.length) {
      findings.push(
        finding('repsUnknown', noPlan.map(({ i }) => `people[${i}].coaching.plan`), {
          names: joinNames(noPlan.map(({ name }) => name)),
          has: noPlan.length === 1 ? 'has' : 'have',
          them: noPlan.length === 1 ? 'this rep' : 'these reps',
        }, { note: true }),
      );
    }
    return { checks, findings, steps };
  },
});
