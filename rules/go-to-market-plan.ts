// Jackson, mistake 2: sending reps out with no more direction than "sell", in
// place of a written go-to-market sales plan.
import { countOf, defineRule, monthsBetween, options, threshold } from '../src/engine/define-rule';
import { PLAN_ELEMENTS } from '../src/model/enums';

// RULES.md (rule 3) asks for a review at least yearly; no public benchmark behind it.
const SOURCE_HOUSE = 'sales-audit default (RULES.md, rule 3: review at least yearly); no public benchmark cited';

/** Multipliers on the share of elements covered. */
const NOT_SHARED = 0.6;
const STALE = 0.8;

type Pick = <V>(path: string, value: V | undefined, worst: V, best: V) => V;

/**
 * A score with every unknown fact at its worst and at its best (the check earns
 * the worst: an unknown earns nothing), and the unknown facts that move it.
 */
function settle(run: (pick: Pick) => number): { score: [number, number]; unknown: string[] } {
  const seen: string[] = [];
  const at = (bestOf: (path: string) => boolean) =>
    run((path, value, w, b) => {
      if (value !== undefined) return value;
      if (!seen.includes(path)) seen.push(path);
      return bestOf(path) ? b : w;
    });
  const lo = at(() => false);
  const hi = at(() => true);
  return { score: [lo, hi], unknown: hi > lo ? seen.filter((f) => at((x) => x === f) > lo || at((x) => x !== f) < hi) : [] };
}

const ELEMENTS = Object.keys(PLAN_ELEMENTS) as (keyof typeof PLAN_ELEMENTS)[];
const label = (e: keyof typeof PLAN_ELEMENTS) => PLAN_ELEMENTS[e].toLowerCase();

export default defineRule({
  id: 'go-to-market-plan',
  title: 'A written go-to-market sales plan',
  source: 'Jackson, mistake 2',
  category: 'strategy',
  severity: 'critical',
  reads: ['plan.documented', 'plan.covers', 'plan.shared_with_reps', 'plan.last_reviewed'],
  requires: ['plan.documented'],
  options: options({
    reviewMonths: threshold({
      default: 12, min: 1, max: 60, whole: true,
      description: 'Months since the last review after which the plan counts as out of date.',
      source: SOURCE_HOUSE,
    }),
  }),
  docs: {
    description:
      'Checks that a go-to-market sales plan is written down, that it covers target markets, the ideal customer profile, the value proposition, positioning and goals, that every rep has seen it, and that it has been reviewed recently.',
    rationale:
      'Reps who do not know which markets and customers to pursue, what the offer is worth to them, how it stands against the alternatives and what the goal is will each improvise their own answer, so effort is spread thin and results are uneven. Scoring: 0 without a written plan; otherwise the share of the five elements covered, multiplied by 0.6 when the reps have not seen it and by 0.8 when it is overdue for review.',
  },
  messages: {
    noPlan: 'There is no written go-to-market sales plan.',
    missingElement: 'The plan does not cover the {element}.',
    notShared: 'Not every rep has seen the plan.',
    staleReview: 'The plan was last reviewed {monthsText} ago (a review is due every {every}).',
    futureDate: 'The date of the last plan review ({value}) is after the audit date ({auditDate}): check it.',
  },
  steps: {
    writePlan: { action: 'Write the go-to-market sales plan down, in one document the whole team can use.', owner: 'CEO', effort: 'high' },
    addElement: { action: 'Add the {element} to the sales plan.', owner: 'Sales manager', effort: 'medium' },
    share: { action: 'Walk every rep through the plan and keep it where they can find it.', owner: 'Sales manager', effort: 'low' },
    review: { action: 'Put a review of the plan on the calendar at least every {every}.', owner: 'Sales manager', effort: 'low' },
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
    let reviewed = plan.last_reviewed;
    if (reviewed !== undefined && reviewed > date) {
      notes.push(finding('futureDate', ['plan.last_reviewed'], { value: reviewed, auditDate: date }, { note: true }));
      reviewed = undefined;
    }
    const months = reviewed === undefined ? undefined : monthsBetween(reviewed, date);
    const stale = months === undefined ? undefined : months >= reviewMonths;

    // One check, the plan: an unknown fact earns nothing (taken at its worst)
    // and could reach its best once known.
    const share = covered ? (ELEMENTS.length - missing.length) / ELEMENTS.length : undefined;
    const s = settle(
      (pick) =>
        pick('plan.covers', share, 0, 1) *
        (pick('plan.shared_with_reps', plan.shared_with_reps, false, true) ? 1 : NOT_SHARED) *
        (pick('plan.last_reviewed', stale, true, false) ? STALE : 1),
    );
    const upTo = s.score[1];
    const checks = [{ id: 'plan', score: s.score, unknown: s.unknown }];

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
    return { checks, findings, steps: upTo >= 1 ? [] : steps };
  },
});
