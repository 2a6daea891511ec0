// Reader comment (R. Tormey), point 2, and the author's reply: commission paid on
// sales value alone rewards volume whatever it earns the company.
import { bracket, defineRule } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const OTHER_RULE = 'comp-balances-client-value';
// Its title, written out: the two rules cannot import each other.
const OTHER_TITLE = 'Commission does not buy short-term thinking';

export default defineRule({
  id: 'profit-based-comp',
  title: 'Commission rewards profitable business, not just revenue',
  source: 'Reader comment, R. Tormey, point 2; reply, K. Jackson',
  category: 'compensation',
  severity: 'high',
  reads: ['compensation.basis', 'compensation.customer_profitability_reported', 'compensation.profit_target_incentive'],
  docs: {
    description:
      'Checks what commission is calculated on, whether salespeople can see how profitable each customer is, and whether a revenue-based plan at least rewards deals above a profit target or enforces a margin floor.',
    rationale:
      'A big order is not always a profitable one. When pay follows sales value only, reps chase volume, commission can outgrow the margin it came from and selling costs drift upwards; reps who see customer profitability, and are paid for it, steer towards the business worth having.',
  },
  messages: {
    revenueOnly: 'Commission is paid on revenue alone, with no reward for profitable deals and no margin floor.',
    revenueWithKicker:
      'Commission is paid on revenue; a reward for deals above a profit target (or a margin floor) limits the damage, but base pay still follows volume.',
    profitabilityHidden: 'Salespeople cannot see how profitable each customer is.',
    mixedPlan:
      'This rule and "{otherTitle}" ({otherRule}) pull in opposite directions; a mixed plan (margin plus a client-outcome part, varied by objective) meets both.',
  },
  steps: {
    reportProfitability: {
      action: 'Report profitability per customer to every salesperson, at least monthly.',
      owner: 'Finance',
      effort: 'medium',
    },
    addProfitKicker: {
      action: 'Add a reward for deals closed above a standard profit target, or a margin floor under which no commission is paid.',
      owner: 'Finance',
      effort: 'low',
    },
    moveToMargin: {
      action: 'Move commission from revenue onto gross margin (or a mix) where deals vary in margin.',
      owner: 'CEO',
      effort: 'high',
    },
  },
  check({ org, finding, step }) {
    const comp = org.compensation ?? {};
    const { basis, customer_profitability_reported: reported, profit_target_incentive: incentive } = comp;
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];

    // What the pay follows (3/4 of the rule): margin, profit or a mix earns it all;
    // revenue with a profit-target reward or margin floor 0.7; revenue alone nothing.
    const basisCheck: CheckOut =
      basis === undefined
        ? { id: 'plan:basis', weight: 3, score: [0, 1], unknown: ['compensation.basis'] }
        : basis !== 'revenue'
          ? { id: 'plan:basis', weight: 3, score: 1 }
          : { id: 'plan:basis', weight: 3, score: bracket((pick) => (pick(incentive, false, true) ? 0.7 : 0)), unknown: ['compensation.profit_target_incentive'] };
    // Whether reps see customer profitability (1/4).
    const reportCheck: CheckOut =
      reported === undefined ? { id: 'policy:profitability-reported', score: [0, 1], unknown: ['compensation.customer_profitability_reported'] } : { id: 'policy:profitability-reported', score: reported ? 1 : 0 };

    if (basis === 'revenue' && incentive === true) findings.push(finding('revenueWithKicker', ['compensation.basis', 'compensation.profit_target_incentive']));
    if (basis === 'revenue' && incentive === false) findings.push(finding('revenueOnly', ['compensation.basis', 'compensation.profit_target_incentive']));
    if (reported === false) findings.push(finding('profitabilityHidden', ['compensation.customer_profitability_reported']));
    if (basis === 'revenue' && incentive === false) findings.push(finding('mixedPlan', ['compensation.basis'], { otherRule: OTHER_RULE, otherTitle: OTHER_TITLE }, { note: true }));

    if (reported === false) steps.push(step('reportProfitability', {}, ['compensation.customer_profitability_reported']));
    if (basis === 'revenue' && incentive === false) steps.push(step('addProfitKicker', {}, ['compensation.profit_target_incentive']));
    if (basis === 'revenue') steps.push(step('moveToMargin', {}, ['compensation.basis']));
    return { checks: [basisCheck, reportCheck], findings, steps };
  },
});
