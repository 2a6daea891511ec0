// Jackson, mistake 5: every rep gets the same treatment instead of coaching
// aimed at what that rep needs.
import { countOf, defineRule, joinNames, options, threshold } from '../src/engine/define-rule';

const SOURCE_GARTNER = 'Gartner, 2019: 3 to 5 hours of coaching per rep per month recommended';

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
      description: 'Coaching hours per rep per month under which a rep counts as under-coached.',
      source: SOURCE_GARTNER,
    }),
  }),
  docs: {
    description:
      'Checks that each rep has a development plan written for them (a copy of the team plan does not count), how much coaching time each rep gets a month, and whether one-to-ones happen on a fixed rhythm.',
    rationale:
      'Reps struggle for different reasons: one lacks a skill, another confidence, another a way to organise the week. A manager who handles everyone alike misses those differences, frustrates the team and leaves growth on the table; coaching only works when it starts from where each person is.',
  },
  messages: {
    noPlan: '{name} has no development plan.',
    genericPlan: '{name} follows the team-wide plan, which counts as having no plan of their own.',
    identicalPlan: 'The plan for {name} has the same focus ({focus}) as every other rep\'s plan, so it is not really individual.',
    lowHours: '{name} gets {coaching} (the minimum is {minText} a month).',
    noOneToOne: '{name} has no regular one-to-one with their manager.',
    repsUnknown: '{names} {has} no development plan recorded: the score covers {known} of {total} reps.',
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
    const reps = (org.people ?? []).map((p, i) => ({ p, i, name: p.name ?? `people[${i}]` })).filter(({ p }) => p.is_rep !== false);
    const known = reps.filter(({ p }) => p.coaching?.plan !== undefined);
    if (!known.length) return { notAssessed: ['people[].coaching.plan'] };

    // Plans marked "individual" that all share one focus are one plan in practice.
    const focusKey = (f: readonly string[] | undefined) => (f?.length ? [...new Set(f)].sort().join(', ') : undefined);
    const individual = known.filter(({ p }) => p.coaching!.plan === 'individual');
    const keys = individual.map(({ p }) => focusKey(p.coaching!.focus));
    const identical = individual.length >= 2 && keys.every((k) => k !== undefined && k === keys[0]);

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    let total = 0;
    for (const { p, i, name } of known) {
      const c = p.coaching!;
      const planPath = `people[${i}].coaching.plan`;
      const hasPlan = c.plan === 'individual' && !identical;
      if (c.plan === 'none') {
        findings.push(finding('noPlan', [planPath], { name }));
        steps.push(step('writePlan', { name }, [planPath]));
      } else if (c.plan === 'generic') {
        findings.push(finding('genericPlan', [planPath], { name }));
        steps.push(step('tailorPlan', { name }, [planPath]));
      } else if (identical) {
        findings.push(finding('identicalPlan', [`people[${i}].coaching.focus`], { name, focus: keys[0] }));
        steps.push(step('tailorPlan', { name }, [`people[${i}].coaching.focus`]));
      }

      const hours = c.hours_per_month;
      const lowHours = hours !== undefined && hours < min;
      if (lowHours) {
        const hoursPath = `people[${i}].coaching.hours_per_month`;
        const coaching = hours === 0 ? 'no coaching at all' : `${countOf(hours, 'hour')} of coaching a month`;
        const minText = countOf(min, 'hour');
        findings.push(finding('lowHours', [hoursPath], { name, hours, coaching, min, minText }, { thresholds: ['minHoursPerMonth'] }));
        steps.push(step('moreHours', { name, hours, min, minText, now: hours === 0 ? 'none' : countOf(hours, 'hour') }, [hoursPath]));
      }
      if (c.one_to_one === 'none') {
        const path = `people[${i}].coaching.one_to_one`;
        findings.push(finding('noOneToOne', [path], { name }, { note: true }));
        steps.push(step('oneToOne', { name }, [path]));
      }
      total += hasPlan ? (lowHours ? 0.5 + (0.5 * hours!) / min : 1) : 0;
    }
    // Unknown is never a fail: the score covers the reps with a known plan, and a note says who is left out.
    const unknown = reps.filter(({ p }) => p.coaching?.plan === undefined);
    if (unknown.length) {
      findings.push(
        finding('repsUnknown', unknown.map(({ i }) => `people[${i}].coaching.plan`), {
          names: joinNames(unknown.map(({ name }) => name)),
          has: unknown.length === 1 ? 'has' : 'have',
          known: known.length,
          total: reps.length,
        }, { note: true }),
      );
    }
    const score = total / known.length;
    return { score, findings, steps: score >= 1 ? [] : steps };
  },
});
