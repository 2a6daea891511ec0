// Jackson, mistake 5: every rep gets the same treatment instead of coaching
// aimed at what that rep needs.
import { countOf, defineRule, joinNames, options, repCheck, repsOf, threshold } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const SOURCE_GARTNER = 'Gartner, 2019: 3 to 5 hours of coaching per rep per month recommended';

type Focus = readonly string[] | undefined;
const focusKey = (f: Focus) => (f?.length ? [...new Set(f)].sort().join(', ') : undefined);

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
      'Checks that each rep has a development plan written for them (a copy of the team plan does not count), how much coaching time each rep gets a month, and whether one-to-ones happen on a fixed rhythm. One check per rep.',
    rationale:
      'Reps struggle for different reasons: one lacks a skill, another confidence, another a way to organise the week. A manager who handles everyone alike misses those differences, frustrates the team and leaves growth on the table; coaching only works when it starts from where each person is.',
  },
  messages: {
    noPlan: '{name} has no development plan.',
    genericPlan: '{name} follows the team-wide plan, which counts as having no plan of their own.',
    identicalPlan: 'The plan for {name} has the same focus ({focus}) as every other rep\'s plan, so it is not really individual.',
    lowHours: '{name} gets {coaching} (the minimum is {minText} a month).',
    noOneToOne: '{name} has no regular one-to-one with their manager.',
    repsUnknown: '{names} {has} no development plan recorded: the score counts {them} as earning nothing until it is known.',
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

    // Plans marked "individual" that all share one focus are one plan in practice.
    // Whether that holds can turn on unknown plans and focuses (and on people
    // who may not sell): `sameWorst` says it may hold, `sameKnown` that it must.
    const plan = (r: (typeof reps)[number]) => r.p.coaching?.plan;
    const focus = (r: (typeof reps)[number]) => r.p.coaching?.focus;
    const sure = reps.filter((r) => r.certain && plan(r) === 'individual');
    const maybe = reps.filter((r) => plan(r) === undefined || (!r.certain && plan(r) === 'individual'));
    // A rep fits a shared focus when their focus is unknown or is that focus (null: a focus nobody has stated).
    const fits = (r: (typeof reps)[number], key: string | null) => focus(r) === undefined || (key !== null && focusKey(focus(r)) === key);
    const stated = [...new Set([...sure, ...maybe].map((r) => focusKey(focus(r))).filter((k) => k !== undefined))];
    const sameWorst = [...stated, null].some((key) => sure.every((r) => fits(r, key)) && sure.length + maybe.filter((r) => fits(r, key)).length >= 2);
    const sureKeys = sure.map((r) => focusKey(focus(r)));
    const sameKnown =
      sure.length >= 2 &&
      sureKeys.every((k) => k !== undefined && k === sureKeys[0]) &&
      maybe.every((r) => focus(r) !== undefined && focusKey(focus(r)) === sureKeys[0]);

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const checks: CheckOut[] = [];
    const noPlan: typeof reps = [];
    for (const rep of reps) {
      const { p, i, name } = rep;
      const c = p.coaching ?? {};
      const planPath = `people[${i}].coaching.plan`;
      const hoursPath = `people[${i}].coaching.hours_per_month`;
      const hours = c.hours_per_month;
      // With a plan of their own: full marks, less for too few coaching hours.
      const withPlan = (h: number) => (h < min ? 0.5 + (0.5 * h) / min : 1);
      const hoursRange: [number, number] = hours === undefined ? [withPlan(0), 1] : [withPlan(hours), withPlan(hours)];
      const unknown = [...(c.plan === undefined ? [planPath] : []), ...(hours === undefined ? [hoursPath] : [])];
      let score: [number, number];
      if (c.plan === undefined) {
        score = [0, hoursRange[1]];
        noPlan.push(rep);
      } else if (c.plan !== 'individual') score = [0, 0];
      else {
        // An own plan, unless it turns out to be everyone's plan.
        const ownWorst = !sameWorst;
        const ownBest = !sameKnown;
        score = [ownWorst ? hoursRange[0] : 0, ownBest ? hoursRange[1] : 0];
        if (!ownWorst && ownBest)
          for (const r of [...sure, ...maybe]) {
            if (plan(r) === undefined) unknown.push(`people[${r.i}].coaching.plan`);
            if (focus(r) === undefined) unknown.push(`people[${r.i}].coaching.focus`);
            if (!r.certain) unknown.push(`people[${r.i}].is_rep`);
          }
      }
      checks.push(repCheck(rep, `rep:${name}`, score, [...new Set(unknown)]));

      if (c.plan === 'none') {
        findings.push(finding('noPlan', [planPath], { name }));
        steps.push(step('writePlan', { name }, [planPath]));
      } else if (c.plan === 'generic') {
        findings.push(finding('genericPlan', [planPath], { name }));
        steps.push(step('tailorPlan', { name }, [planPath]));
      } else if (c.plan === 'individual' && sameKnown) {
        findings.push(finding('identicalPlan', [`people[${i}].coaching.focus`], { name, focus: sureKeys[0] }));
        steps.push(step('tailorPlan', { name }, [`people[${i}].coaching.focus`]));
      }
      if (hours !== undefined && hours < min) {
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
    }
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
