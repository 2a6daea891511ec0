// Jackson, mistake 2: sending reps out with no more direction than "sell", in
// place of a written go-to-market sales plan.
import { countOf, defineRule, monthsBetween, options, pastDate, settle, threshold } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';
import { PLAN_ELEMENTS } from '../src/model/enums';

const SOURCE_REVIEW =
  'house default, informed by Jackson (Jackson Solutions, 2012), mistake 2: reps work from the plan, so it must stay current; a review at least once a planning year, and no study sets a shorter one';

/** The weight of each check in the rule. */
const W_PLAN = 0.55;
const W_CADENCE = 0.1;
const W_GOALS = 0.1;
const W_CAPACITY = 0.25; // a target the team cannot carry undoes the plan's goals

/** Months between reviews for each cadence. */
const CADENCE_MONTHS = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12, none: Infinity } as const;
const CADENCE_WORDS = { monthly: 'monthly', quarterly: 'quarterly', half_yearly: 'every six months', yearly: 'yearly', none: 'never' } as const;

/** Multipliers on the share of elements covered. */
const NOT_SHARED = 0.6;
const STALE = 0.8;

const ELEMENTS = Object.keys(PLAN_ELEMENTS) as (keyof typeof PLAN_ELEMENTS)[];
const label = (e: keyof typeof PLAN_ELEMENTS) => PLAN_ELEMENTS[e].toLowerCase();

export default defineRule({
  id: 'go-to-market-plan',
  title: 'A written go-to-market sales plan',
  source: 'Jackson, mistake 2',
  category: 'strategy',
  severity: 'critical',
  reads: [
    'plan.documented',
    'plan.covers',
    'plan.shared_with_reps',
    'plan.last_reviewed',
    'plan.review_cadence',
    'plan.goals_quantified',
    'plan.sales_target',
    'plan.quota_per_rep',
    'plan.ramped_reps',
  ],
  requires: ['plan.documented'],
  options: options({
    reviewMonths: threshold({
      default: 12,
      min: 1,
      max: 60,
      whole: true,
      description: 'Months since the last review after which the plan counts as out of date; the standing review cadence must be at least this often.',
      source: SOURCE_REVIEW,
    }),
  }),
  docs: {
    description:
      'Checks that a go-to-market sales plan is written down, that it covers target markets, the ideal customer profile, the value proposition, positioning and goals, that every rep has seen it, that it has been reviewed recently and has a standing review cadence, that its goals are numbers with dates, and that the number is backed by capacity (ramped reps times quota at least the target).',
    rationale:
      'Reps who do not know which markets and customers to pursue, what the offer is worth to them, how it stands against the alternatives and what the goal is will each improvise their own answer, so effort is spread thin and results are uneven. A target the ramped reps cannot carry even at full quota is missed on the day it is set. Scoring: 0 without a written plan; otherwise the plan itself is 55% (the share of the five elements covered, multiplied by 0.6 when the reps have not seen it and by 0.8 when it is overdue for review), a review cadence and quantified goals 10% each, and capacity 25% (ramped reps times quota, in proportion to the target).',
  },
  messages: {
    noPlan: 'There is no written go-to-market sales plan.',
    missingElement: 'The plan does not cover the {element}.',
    notShared: 'Not every rep has seen the plan.',
    staleReview: 'The plan was last reviewed {monthsText} ago (a review is due every {every}).',
    futureDate: 'The date of the last plan review ({value}) is after the audit date ({auditDate}): check it.',
    noReviewCadence: 'The plan has no standing review cadence: it is reviewed when someone remembers.',
    slowReviewCadence: 'The plan is reviewed {cadence}, less often than every {every}.',
    goalsNotQuantified: 'The plan\u2019s goals are not numbers with dates, so nobody can tell whether they are being met.',
    overCapacity: 'The target ({target}) is more than the ramped reps can carry: {reps} reps at {quota} each make {capacity}, {pct}% of the target.',
  },
  steps: {
    writePlan: { action: 'Write the go-to-market sales plan down, in one document the whole team can use.', owner: 'CEO', effort: 'high' },
    addElement: { action: 'Add the {element} to the sales plan.', owner: 'Sales manager', effort: 'medium' },
    share: { action: 'Walk every rep through the plan and keep it where they can find it.', owner: 'Sales manager', effort: 'low' },
    review: { action: 'Put a review of the plan on the calendar at least every {every}.', owner: 'Sales manager', effort: 'low' },
    setCadence: { action: 'Make the plan review a standing meeting, at least every {every}, with the reps, and put the next dates in the calendar.', owner: 'Sales manager', effort: 'low' },
    quantifyGoals: { action: 'Turn the plan\u2019s goals into numbers with dates: revenue, new customers and pipeline, by quarter.', owner: 'Sales manager', effort: 'low' },
    capacityGap: {
      action: 'Close the gap between the target and the team\u2019s capacity before the year starts: hire earlier (allowing for the ramp-up), or set a target the ramped reps can carry.',
      owner: 'CEO',
      effort: 'medium',
    },
  },
  check({ org, options, date, finding, step }) {
    const { reviewMonths } = options;
    const plan = org.plan ?? {};
    const shareStep = () => step('share', {}, ['plan.shared_with_reps']);
    // "every month", "every 12 months"
    const every = reviewMonths === 1 ? 'month' : countOf(reviewMonths, 'month');
    const reviewStep = () => step('review', { reviewMonths, every }, ['plan.last_reviewed']);

    if (plan.documented === false) {
      return {
        score: 0,
        findings: [finding('noPlan', ['plan.documented'])],
        steps: [step('writePlan', {}, ['plan.documented']), ...ELEMENTS.map((e) => step('addElement', { element: label(e) }, ['plan.covers'])), shareStep(), reviewStep()],
      };
    }

    const covered = plan.covers === undefined ? undefined : new Set(plan.covers);
    const missing = covered ? ELEMENTS.filter((e) => !covered.has(e)) : [];
    // A review dated after the audit cannot be right: it counts as unknown, with a note to check it.
    const notes: ReturnType<typeof finding>[] = [];
    const reviewed = pastDate(plan.last_reviewed, date, { finding, path: 'plan.last_reviewed', to: notes });
    const months = reviewed === undefined ? undefined : monthsBetween(reviewed, date);
    const stale = months === undefined ? undefined : months >= reviewMonths;

    // One check, the plan: an unknown fact earns nothing (taken at its worst)
    // and could reach its best once known.
    const share = covered ? (ELEMENTS.length - missing.length) / ELEMENTS.length : undefined;
    const s = settle(
      (pick) => pick('plan.covers', share, 0, 1) * (pick('plan.shared_with_reps', plan.shared_with_reps, false, true) ? 1 : NOT_SHARED) * (pick('plan.last_reviewed', stale, true, false) ? STALE : 1),
    );
    const checks: CheckOut[] = [{ id: 'plan', weight: W_PLAN, ...s }];
    // A standing review cadence, as well as a recent date.
    const cadence = plan.review_cadence;
    checks.push({ id: 'plan:review-cadence', weight: W_CADENCE, ...settle((pick) => (CADENCE_MONTHS[pick('plan.review_cadence', cadence, 'none', 'monthly')] <= reviewMonths ? 1 : 0)) });
    // Goals that are numbers with dates: none without goals in the plan.
    const hasGoals = covered ? covered.has('goals') : undefined;
    checks.push({
      id: 'plan:goals-quantified',
      weight: W_GOALS,
      ...settle((pick) => (pick('plan.covers', hasGoals, false, true) && pick('plan.goals_quantified', plan.goals_quantified, false, true) ? 1 : 0)),
    });
    // Capacity: ramped reps times quota against the target.
    const { sales_target: target, quota_per_rep: quota, ramped_reps: reps } = plan;
    const capacityScore = (t: number, q: number, r: number) => (t <= 0 ? 1 : Math.min(1, (q * r) / t));
    const capacity = settle((pick) => capacityScore(pick('plan.sales_target', target, Infinity, 0), pick('plan.quota_per_rep', quota, 0, Infinity), pick('plan.ramped_reps', reps, 0, Infinity)));
    // The three facts settle it together: each unknown one is needed.
    const capacityFacts = (['sales_target', 'quota_per_rep', 'ramped_reps'] as const).filter((k) => plan[k] === undefined).map((k) => `plan.${k}`);
    checks.push({ id: 'plan:capacity', weight: W_CAPACITY, score: capacity.score, unknown: capacity.score[1] > capacity.score[0] ? capacityFacts : [] });

    const findings: ReturnType<typeof finding>[] = [...notes];
    const steps: ReturnType<typeof step>[] = [];
    for (const e of missing) {
      findings.push(finding('missingElement', ['plan.covers'], { element: label(e) }));
      steps.push(step('addElement', { element: label(e) }, ['plan.covers']));
    }
    if (plan.shared_with_reps === false) {
      findings.push(finding('notShared', ['plan.shared_with_reps']));
      steps.push(shareStep());
    }
    if (stale) {
      findings.push(finding('staleReview', ['plan.last_reviewed'], { months, monthsText: countOf(months!, 'month'), reviewMonths, every }, { thresholds: ['reviewMonths'] }));
      steps.push(reviewStep());
    }
    if (cadence !== undefined && CADENCE_MONTHS[cadence] > reviewMonths) {
      findings.push(
        cadence === 'none'
          ? finding('noReviewCadence', ['plan.review_cadence'])
          : finding('slowReviewCadence', ['plan.review_cadence'], { cadence: CADENCE_WORDS[cadence], every }, { thresholds: ['reviewMonths'] }),
      );
      steps.push(step('setCadence', { every }, ['plan.review_cadence']));
    }
    if (hasGoals && plan.goals_quantified === false) {
      findings.push(finding('goalsNotQuantified', ['plan.goals_quantified']));
      steps.push(step('quantifyGoals', {}, ['plan.goals_quantified']));
    }
    if (target !== undefined && quota !== undefined && reps !== undefined && capacityScore(target, quota, reps) < 1) {
      const capacity = quota * reps;
      const paths = ['plan.sales_target', 'plan.quota_per_rep', 'plan.ramped_reps'];
      findings.push(finding('overCapacity', paths, { target, quota, reps, capacity, pct: Math.round((100 * capacity) / target) }, { gap: 1 - capacity / target }));
      steps.push(step('capacityGap', {}, paths));
    }
    return { checks, findings, steps };
  },
});
